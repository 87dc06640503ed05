"""Checks a weft JSON Lines log against docs/report-schema.md, version 1.

    python3 check_json.py LOG [N]

Every line must be one JSON object with the fields and types the schema
gives (unknown fields are allowed); N, if given, is the number of reports
expected.  Prints one line per report: kind, fingerprint and summary
function, for FileCheck.  Exits 1 with a message naming the line on the
first violation."""
import json
import re
import sys

HEX = re.compile(r"^0x[0-9a-f]+$")
FP = re.compile(r"^[0-9a-f]{16}$")


def fail(where, msg):
    sys.exit("%s: %s" % (where, msg))


def need(where, obj, key, types):
    if key not in obj:
        fail(where, "missing field %r" % key)
    v = obj[key]
    if isinstance(v, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        fail(where, "field %r is a boolean" % key)
    if not isinstance(v, types):
        fail(where, "field %r has type %s" % (key, type(v).__name__))
    return v


def check_frame(where, f):
    need(where, f, "function", str)
    need(where, f, "file", str)
    need(where, f, "line", int)
    need(where, f, "column", int)
    need(where, f, "module", str)
    if not HEX.match(need(where, f, "offset", str)):
        fail(where, "offset %r is not 0x-hex" % f["offset"])


def check_stack(where, s):
    if not isinstance(s, list):
        fail(where, "a stack is not an array")
    for i, f in enumerate(s):
        check_frame("%s frame %d" % (where, i), f)


def check_race(where, r):
    acc = need(where, r, "accesses", list)
    if [a.get("role") for a in acc] != ["current", "previous"]:
        fail(where, "accesses are not current then previous")
    for a in acc:
        w = where + " " + a["role"]
        need(w, a, "write", bool)
        need(w, a, "atomic", bool)
        need(w, a, "size", int)
        if not HEX.match(need(w, a, "address", str)):
            fail(w, "bad address")
        need(w, a, "thread", int)
        for l in need(w, a, "locks", list):
            need(w, l, "mutex", int)
            need(w, l, "write", bool)
        check_stack(w, need(w, a, "stack", list))
    if "location" in r:
        loc = r["location"]
        kind = need(where, loc, "kind", str)
        if kind not in ("global", "heap", "stack", "tls"):
            fail(where, "location kind %r" % kind)
        need(where, loc, "address", str)
        need(where, loc, "size", int)
        if kind == "global":
            need(where, loc, "name", str)
            need(where, loc, "module", str)
            need(where, loc, "offset", str)
        else:
            need(where, loc, "thread", int)
        if kind == "heap":
            check_stack(where + " location", need(where, loc, "stack", list))
    for m in need(where, r, "mutexes", list):
        need(where, m, "id", int)
        need(where, m, "destroyed", bool)
        check_stack(where + " mutex", need(where, m, "stack", list))


def check(where, r):
    if not isinstance(r, dict):
        fail(where, "not an object")
    if need(where, r, "schema", str) != "weft-report":
        fail(where, "schema is not weft-report")
    if need(where, r, "version", int) != 1:
        fail(where, "version is not 1")
    kind = need(where, r, "kind", str)
    need(where, r, "pid", int)
    if not FP.match(need(where, r, "fingerprint", str)):
        fail(where, "fingerprint is not 16 hex digits")
    s = need(where, r, "summary", dict)
    need(where, s, "function", str)
    need(where, s, "file", str)
    need(where, s, "line", int)
    need(where, s, "column", int)
    if kind == "data race":
        check_race(where, r)
    for t in need(where, r, "threads", list):
        need(where, t, "id", int)
        need(where, t, "tid", int)
        need(where, t, "running", bool)
        check_stack(where + " thread", need(where, t, "stack", list))
    for e in need(where, r, "last_sync", list):
        need(where, e, "thread", int)
        if need(where, e, "op", str) not in ("release", "acquire"):
            fail(where, "last_sync op %r" % e["op"])
        need(where, e, "object", str)
        need(where, e, "mutex", int)
        check_stack(where + " last_sync", need(where, e, "stack", list))


def main():
    path = sys.argv[1]
    n = 0
    with open(path, "rb") as f:
        data = f.read()
    for i, raw in enumerate(data.split(b"\n"), 1):
        if not raw:
            continue
        where = "%s:%d" % (path, i)
        try:
            r = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            fail(where, "not JSON: %s" % e)
        check(where, r)
        n += 1
        print("report: %s %s %s" % (r["kind"], r["fingerprint"], r["summary"]["function"]))
    if len(sys.argv) > 2 and n != int(sys.argv[2]):
        fail(path, "%d reports, expected %s" % (n, sys.argv[2]))


main()
