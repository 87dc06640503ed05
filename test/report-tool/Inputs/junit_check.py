#!/usr/bin/env python3
"""Parses a JUnit XML file written by `weft-report junit` with
xml.etree (so it must be well-formed XML) and prints its shape for
FileCheck: the suite counts, then one line per test case with its failure
type.  Checks that the counts agree with the test cases.
usage: junit_check.py FILE
"""
import sys
import xml.etree.ElementTree as ET

try:
    root = ET.parse(sys.argv[1]).getroot()
except ET.ParseError as e:
    sys.exit("junit_check: not well-formed XML: %s" % e)
if root.tag != "testsuites":
    sys.exit("junit_check: root element is %r, not testsuites" % root.tag)
for suite in root.findall("testsuite"):
    cases = suite.findall("testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    if int(suite.get("tests")) != len(cases) or int(suite.get("failures")) != len(failures):
        sys.exit("junit_check: suite counts do not match its test cases")
    print("suite %s: tests=%s failures=%s" % (suite.get("name"), suite.get("tests"),
                                             suite.get("failures")))
    for c in cases:
        f = c.find("failure")
        print("case %s | %s%s" % (c.get("classname"), c.get("name"),
                                  " | failure %s" % f.get("type") if f is not None else ""))
        if f is not None and not (f.text or "").strip():
            sys.exit("junit_check: a failure without text")
print("junit ok")
