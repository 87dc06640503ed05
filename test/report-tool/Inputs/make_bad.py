#!/usr/bin/env python3
"""Writes the hostile and broken logs of bad-input.test into OUTDIR.

Generated rather than committed because several are binary (invalid UTF-8,
NUL bytes) or large (a line past the 16 MiB limit).  Each starts from a
valid report (the first line of logs/log.101) and breaks one thing, so the
error message must name exactly that thing.
usage: make_bad.py OUTDIR
"""
import copy
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
with open(os.path.join(here, "logs", "log.101"), encoding="utf-8") as f:
    good_obj = json.loads(f.readline())
good = json.dumps(good_obj, separators=(",", ":")).encode()


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def mutated(change):
    o = copy.deepcopy(good_obj)
    change(o)
    return json.dumps(o, separators=(",", ":")).encode()


write("garbage.jsonl", b"hello world\n")
write("truncated.jsonl", good + b"\n" + good[: len(good) // 2] + b"\n")
write("truncated-eof.jsonl", good + b"\n" + good[:100])
write("invalid-utf8.jsonl", good + b"\n" + good.replace(b'"bump"', b'"bu\xffmp"', 1) + b"\n")
write("overlong-utf8.jsonl", good.replace(b'"bump"', b'"bu\xc0\xafmp"', 1) + b"\n")
write("nul.jsonl", good[:40] + b"\x00" + good[40:] + b"\n")
write("escaped-nul.jsonl", good.replace(b'"bump"', b'"bu\\u0000mp"', 1) + b"\n")
write("deep.jsonl", b'{"schema":"weft-report","x":' + b"[" * 100 + b"]" * 100 + b"}\n")
write("not-object.jsonl", b"[1,2,3]\n")
write("not-weft.jsonl", b'{"level":"info","msg":"hello"}\n')
write("trailing.jsonl", good + b" {}\n")
write("text-report.jsonl", b"==================\nWARNING: weft: data race (pid=1)\n")
write("version2.jsonl", mutated(lambda o: o.update(version=2)) + b"\n")
write("missing-kind.jsonl", mutated(lambda o: o.pop("kind")) + b"\n")
write("missing-frame-line.jsonl",
      mutated(lambda o: o["accesses"][0]["stack"][1].pop("line")) + b"\n")
write("wrong-type-line.jsonl",
      mutated(lambda o: o["accesses"][0]["stack"][0].update(line="fifteen")) + b"\n")
write("wrong-type-write.jsonl", mutated(lambda o: o["accesses"][1].update(write=1)) + b"\n")
write("wrong-type-stack.jsonl",
      mutated(lambda o: o["accesses"][1].update(stack={"0": "bump"})) + b"\n")
write("null-field.jsonl", mutated(lambda o: o.update(pid=None)) + b"\n")
write("bad-fingerprint.jsonl", mutated(lambda o: o.update(fingerprint="xyz")) + b"\n")
write("repeats-zero.jsonl", good + b"\n" + json.dumps(
    {"schema": "weft-report", "version": 1, "kind": "repeats", "pid": good_obj["pid"],
     "fingerprint": good_obj["fingerprint"], "of": "data race", "seen": 0, "pairs": 2},
    separators=(",", ":")).encode() + b"\n")
write("bad-address.jsonl",
      mutated(lambda o: o["accesses"][0].update(address="0xnothex")) + b"\n")
write("out-of-range.jsonl",
      good.replace(b'"line":15', b'"line":99999999999999999999', 1) + b"\n")
write("race-without-accesses.jsonl", mutated(lambda o: o.update(accesses=[])) + b"\n")
write("huge.jsonl", b'{"schema":"weft-report","pad":"' + b"a" * (16 << 20) + b'"}\n')
write("mixed.jsonl", good + b"\n" + b"oops\n" + good.replace(b"a1b2c3d4e5f60718",
                                                          b"00000000000000aa") + b"\n")
write("empty.jsonl", b"")
write("blank-lines.jsonl", b"\n   \n\r\n" + good + b"\n\n")
write("bad-baseline.txt", b"# known\na1b2c3d4e5f60718\nnot-a-fingerprint\n")
os.makedirs(os.path.join(out, "empty-dir"), exist_ok=True)
