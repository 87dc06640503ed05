"""fingerprint.c: the fingerprints of runs 1-5 are one value; run 6 (two
races) repeats it for the first report and has another for the second.
Run 5 is JSON (its first line), the others text."""
import json
import re
import sys

def text(path):
    return re.findall(r"^  Fingerprint: ([0-9a-f]{16})$", open(path).read(), re.M)

runs = [text(p) for p in sys.argv[1:5]]
assert all(len(r) == 1 for r in runs), runs
fps = {r[0] for r in runs}
first_json = open(sys.argv[5]).read().splitlines()[0]
fps.add(json.loads(first_json)["fingerprint"])
assert len(fps) == 1, ("fingerprint changed", runs, first_json)
two = text(sys.argv[6])
assert len(two) == 2 and two[0] in fps and two[1] not in fps, (two, fps)
