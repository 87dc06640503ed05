#!/usr/bin/env python3
"""Writes a one-report log whose frames are raw (function "??", line 0),
as the runtime writes them with symbolize=0, for symbolize.test.
Frame #0 is an address inside outer() where llvm-symbolizer sees inner()
inlined (found by asking it), frame #1 is main's start, and one frame names
a module that does not exist.
usage: make_raw_log.py BINARY OUT
"""
import json
import subprocess
import sys

binary, out = sys.argv[1], sys.argv[2]
syms = {}
for line in subprocess.run(["llvm-nm", binary], capture_output=True, text=True,
                           check=True).stdout.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "Tt":
        syms[parts[2]] = int(parts[0], 16)
candidates = [syms["outer"] + i for i in range(64)]
answer = subprocess.run(["llvm-symbolizer", "--output-style=JSON", "--obj=" + binary] +
                        [hex(a) for a in candidates], capture_output=True, text=True,
                        check=True).stdout
inlined = next(int(e["Address"], 16) for e in json.loads(answer)
               if [s["FunctionName"] for s in e["Symbol"]] == ["inner", "outer"])


def raw(module, offset):
    return {"function": "??", "file": "", "line": 0, "column": 0, "module": module,
            "offset": hex(offset)}


stack = [raw(binary, inlined), raw(binary, syms["main"])]
report = {"schema": "weft-report", "version": 1, "kind": "data race", "pid": 1,
          "fingerprint": "0123456789abcdef",
          "summary": {"function": "??", "file": "", "line": 0, "column": 0},
          "accesses": [
              {"role": "current", "write": True, "atomic": False, "size": 4,
               "address": "0x1000", "thread": 1, "locks": [], "stack": stack},
              {"role": "previous", "write": False, "atomic": False, "size": 4,
               "address": "0x1000", "thread": 0, "locks": [],
               "stack": [raw("/nonexistent/libgone.so", 0x10)]}],
          "last_sync": []}
with open(out, "w") as f:
    f.write(json.dumps(report) + "\n")
