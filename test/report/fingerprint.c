// The fingerprint names the bug, not the run: the same for two runs
// (ASLR moves every address), for a rebuild with unrelated code added
// above (lines and offsets move), and for the same two sites racing in
// the other order; the text's "Fingerprint:" line (just before SUMMARY)
// and the JSON field agree; another race gets another fingerprint.
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -o %t.a
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -DSHIFT -o %t.shift
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -DSWAP -o %t.swap
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -DTWO_RACES -o %t.two
// RUN: %expect-exit 66 %t.a > /dev/null 2> %t.1
// RUN: %expect-exit 66 %t.a > /dev/null 2> %t.2
// RUN: %expect-exit 66 %t.shift > /dev/null 2> %t.3
// RUN: %expect-exit 66 %t.swap > /dev/null 2> %t.4
// RUN: env WEFT_OPTIONS=report_format=json %expect-exit 66 %t.a > /dev/null 2> %t.5
// RUN: %expect-exit 66 %t.two > /dev/null 2> %t.6
// RUN: FileCheck %s --check-prefix=TEXT < %t.1
// RUN: python3 %S/Inputs/fingerprints.py %t.1 %t.2 %t.3 %t.4 %t.5 %t.6

// TEXT: {{^}}  Fingerprint: {{[0-9a-f]{16}$}}
// TEXT-NEXT: {{^}}SUMMARY: weft: data race
