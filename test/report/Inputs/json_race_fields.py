"""The fields of options/Inputs/race.c's report (json_race.c): T2's write
in store_b races with T1's in store_a, which held mutex M0; x is a
global; T1 last released and acquired M0."""
import json
import sys

[line] = open(sys.argv[1]).read().splitlines()
r = json.loads(line)
cur, prev = r["accesses"]
assert cur["write"] and not cur["atomic"] and cur["size"] == 4 and cur["thread"] == 2, cur
assert cur["locks"] == [], cur
assert cur["stack"][0]["function"] == "store_b", cur
assert cur["stack"][0]["file"].endswith("race.c") and cur["stack"][0]["line"] > 0, cur
assert cur["stack"][1]["function"] == "second", cur
assert prev["thread"] == 1 and prev["locks"] == [{"mutex": 0, "write": True}], prev
assert prev["stack"][0]["function"] == "store_a", prev
assert prev["address"] == cur["address"], (prev, cur)
loc = r["location"]
assert loc["kind"] == "global" and loc["name"] == "x" and loc["size"] == 4, loc
assert loc["address"] == cur["address"], loc
assert r["mutexes"][0]["id"] == 0 and not r["mutexes"][0]["destroyed"], r["mutexes"]
assert r["mutexes"][0]["stack"][0]["function"] == "first", r["mutexes"]
threads = {t["id"]: t for t in r["threads"]}
assert set(threads) == {1, 2}, threads
assert threads[2]["parent"] == 0 and threads[2]["running"] in (True, False), threads
assert [f["function"] for f in threads[1]["stack"]][:2] == ["pthread_create", "main"], threads
sync = [(e["thread"], e["op"], e["object"], e["mutex"], e["stack"][0]["function"])
        for e in r["last_sync"]]
assert sync == [(1, "release", "mutex", 0, "first"), (1, "acquire", "mutex", 0, "first")], sync
assert r["summary"] == {k: cur["stack"][0][k] for k in ("function", "file", "line", "column")}, r
