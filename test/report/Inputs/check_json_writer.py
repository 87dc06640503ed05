"""Checks json_writer.c's output: "<cap> <document>" per line."""
import json
import sys

docs = []
for raw in open(sys.argv[1], "rb").read().splitlines():
    cap, doc = raw.split(b" ", 1)
    text = doc.decode("utf-8")  # raises on invalid UTF-8
    docs.append((int(cap), json.loads(text)))
complete = [r for cap, r in docs if not r.get("truncated")]
assert complete, "never complete"
full = complete[0]
keys = list(full)
seen_complete = False
for cap, r in docs:
    if r.get("truncated"):
        assert not seen_complete, "cut after a whole document fitted: cap %d" % cap
        assert list(r)[-1] == "truncated", r
        got = list(r)[:-1]
        assert got == keys[:len(got)], (cap, r)
        # every member but the last is complete, and equal to the full one's
        for k in got[:-1]:
            assert r[k] == full[k], (cap, k, r)
    else:
        seen_complete = True
        assert r == full, (cap, r)
assert docs[0][1] == {"truncated": True}, docs[0]
assert full["escapes"] == 'quote " backslash \\ newline \n tab \t bell \a del \x7f end', full
assert full["utf8"] == "caf\u00e9 \u20ac \U0001F600", full
assert full["bad_utf8"] == "a\ufffdb\ufffdc\ufffd\ufffdd\ufffd\ufffd\ufffde\ufffd\ufffd\ufffd\ufffdf", full
assert full["numbers"] == [-1, 9223372036854775807, "0xdeadbeef", True], full
assert len(full["stacks"]) == 3 and all(len(s) == 4 for s in full["stacks"]), full
assert full["empty"] == {} and full["last"] == "the end", full
