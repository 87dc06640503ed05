#!/usr/bin/env python3
"""Checks a SARIF file written by `weft-report sarif` offline.

Two layers:
  1. The SARIF 2.1.0 JSON schema, for every object weft writes: the property
     names, required properties, types, minimums, enums, minItems and
     uniqueItems of those definitions are transcribed below from the OASIS
     schema (sarif-schema-2.1.0.json), including additionalProperties: false,
     so a misspelled or misplaced property fails.  Definitions weft never
     writes are accepted as any value.
  2. What GitHub code scanning additionally wants from an upload: a driver
     name, a ruleId naming a rule of the driver, a message text, exactly one
     location with an artifact URI and a startLine, string partial
     fingerprints, and (with --relative) no absolute file URIs.

Prints one line per result (ruleId, uri:line:col, fingerprint) for
FileCheck, then "sarif ok".  Exits 1 with the first problem otherwise.
usage: sarif_check.py FILE [--relative]
"""
import json
import sys

STR, INT, BOOL, NUM, ANY = "string", "integer", "boolean", "number", "any"


def ref(name):
    return ("ref", name)


def arr(item, min_items=0, unique=False):
    return ("array", item, min_items, unique)


def mapping(item):
    return ("map", item)


def enum(*values):
    return ("enum", values)


def minimum(kind, lo):
    return ("min", kind, lo)


BAG = ref("propertyBag")

# Only the properties' shapes that weft writes are spelled out; the others
# are listed (as ANY) so that additionalProperties: false can be checked.
DEFS = {
    "log": ({"$schema": STR, "version": enum("2.1.0"), "runs": arr(ref("run")),
             "inlineExternalProperties": ANY, "properties": BAG},
            ["version", "runs"]),
    "run": ({"tool": ref("tool"), "invocations": ANY, "conversion": ANY, "language": STR,
             "versionControlProvenance": ANY,
             "originalUriBaseIds": mapping(ref("artifactLocation")),
             "artifacts": ANY, "logicalLocations": ANY, "graphs": ANY,
             "results": arr(ref("result")), "automationDetails": ANY, "runAggregates": ANY,
             "baselineGuid": STR, "redactionTokens": ANY, "defaultEncoding": STR,
             "defaultSourceLanguage": STR, "newlineSequences": ANY,
             "columnKind": enum("utf16CodeUnits", "unicodeCodePoints"),
             "externalPropertyFileReferences": ANY, "threadFlowLocations": ANY,
             "taxonomies": ANY, "addresses": ANY, "translations": ANY, "policies": ANY,
             "webRequests": ANY, "webResponses": ANY, "specialLocations": ANY,
             "properties": BAG},
            ["tool"]),
    "tool": ({"driver": ref("toolComponent"), "extensions": ANY, "properties": BAG},
             ["driver"]),
    "toolComponent": ({"guid": STR, "name": STR, "organization": STR, "product": STR,
                       "productSuite": STR,
                       "shortDescription": ref("multiformatMessageString"),
                       "fullDescription": ref("multiformatMessageString"),
                       "fullName": STR, "version": STR, "semanticVersion": STR,
                       "dottedQuadFileVersion": STR, "releaseDateUtc": STR,
                       "downloadUri": STR, "informationUri": STR,
                       "globalMessageStrings": ANY, "notifications": ANY,
                       "rules": arr(ref("reportingDescriptor"), 0, True), "taxa": ANY,
                       "locations": ANY, "language": STR, "contents": ANY,
                       "isComprehensive": BOOL, "localizedDataSemanticVersion": STR,
                       "minimumRequiredLocalizedDataSemanticVersion": STR,
                       "associatedComponent": ANY, "translationMetadata": ANY,
                       "supportedTaxonomies": ANY, "properties": BAG},
                      ["name"]),
    "reportingDescriptor": ({"id": STR, "deprecatedIds": ANY, "guid": STR,
                             "deprecatedGuids": ANY, "name": STR, "deprecatedNames": ANY,
                             "shortDescription": ref("multiformatMessageString"),
                             "fullDescription": ref("multiformatMessageString"),
                             "messageStrings": ANY,
                             "defaultConfiguration": ref("reportingConfiguration"),
                             "helpUri": STR, "help": ref("multiformatMessageString"),
                             "relationships": ANY, "properties": BAG},
                            ["id"]),
    "reportingConfiguration": ({"enabled": BOOL,
                                "level": enum("none", "note", "warning", "error"),
                                "rank": NUM, "parameters": BAG, "properties": BAG}, []),
    "multiformatMessageString": ({"text": STR, "markdown": STR, "properties": BAG},
                                 ["text"]),
    "message": ({"text": STR, "markdown": STR, "id": STR, "arguments": arr(STR),
                 "properties": BAG}, []),
    "result": ({"ruleId": STR, "ruleIndex": minimum(INT, -1), "rule": ANY,
                "kind": enum("notApplicable", "pass", "fail", "review", "open",
                             "informational"),
                "level": enum("none", "note", "warning", "error"),
                "message": ref("message"), "analysisTarget": ref("artifactLocation"),
                "locations": arr(ref("location")), "guid": STR, "correlationGuid": STR,
                "occurrenceCount": minimum(INT, 1), "partialFingerprints": mapping(STR),
                "fingerprints": mapping(STR), "stacks": arr(ref("stack"), 0, True),
                "codeFlows": arr(ref("codeFlow")), "graphs": ANY, "graphTraversals": ANY,
                "relatedLocations": arr(ref("location"), 0, True), "suppressions": ANY,
                "baselineState": enum("new", "unchanged", "updated", "absent"),
                "rank": NUM, "attachments": ANY, "hostedViewerUri": STR,
                "workItemUris": ANY, "provenance": ANY, "fixes": ANY, "taxa": ANY,
                "webRequest": ANY, "webResponse": ANY, "properties": BAG},
               ["message"]),
    "location": ({"id": minimum(INT, -1), "physicalLocation": ref("physicalLocation"),
                  "logicalLocations": arr(ref("logicalLocation"), 0, True),
                  "message": ref("message"), "annotations": ANY, "relationships": ANY,
                  "properties": BAG}, []),
    "physicalLocation": ({"address": ANY, "artifactLocation": ref("artifactLocation"),
                          "region": ref("region"), "contextRegion": ref("region"),
                          "properties": BAG}, []),
    "artifactLocation": ({"uri": STR, "uriBaseId": STR, "index": minimum(INT, -1),
                          "description": ref("message"), "properties": BAG}, []),
    "region": ({"startLine": minimum(INT, 1), "startColumn": minimum(INT, 1),
                "endLine": minimum(INT, 1), "endColumn": minimum(INT, 1),
                "charOffset": minimum(INT, -1), "charLength": minimum(INT, 0),
                "byteOffset": minimum(INT, -1), "byteLength": minimum(INT, 0),
                "snippet": ANY, "message": ref("message"), "sourceLanguage": STR,
                "properties": BAG}, []),
    "logicalLocation": ({"name": STR, "index": minimum(INT, -1), "fullyQualifiedName": STR,
                         "decoratedName": STR, "parentIndex": minimum(INT, -1),
                         "kind": STR, "properties": BAG}, []),
    "codeFlow": ({"message": ref("message"), "threadFlows": arr(ref("threadFlow"), 1),
                  "properties": BAG}, ["threadFlows"]),
    "threadFlow": ({"id": STR, "message": ref("message"), "initialState": ANY,
                    "immutableState": ANY, "locations": arr(ref("threadFlowLocation"), 1),
                    "properties": BAG}, ["locations"]),
    "threadFlowLocation": ({"index": minimum(INT, -1), "location": ref("location"),
                            "stack": ref("stack"), "kinds": arr(STR, 0, True), "taxa": ANY,
                            "module": STR, "state": ANY, "nestingLevel": minimum(INT, 0),
                            "executionOrder": minimum(INT, -1), "executionTimeUtc": STR,
                            "importance": enum("important", "essential", "unimportant"),
                            "webRequest": ANY, "webResponse": ANY, "properties": BAG}, []),
    "stack": ({"message": ref("message"), "frames": arr(ref("stackFrame")),
               "properties": BAG}, ["frames"]),
    "stackFrame": ({"location": ref("location"), "module": STR, "threadId": INT,
                    "parameters": arr(STR), "properties": BAG}, []),
}
# anyOf in the schema: a message needs text or id, a physical location an
# artifact location or an address.
ANY_OF = {"message": ["text", "id"], "physicalLocation": ["artifactLocation", "address"]}


class Invalid(Exception):
    pass


def check(value, spec, path):
    if spec == ANY:
        return
    if spec == STR:
        if not isinstance(value, str):
            raise Invalid("%s: expected a string" % path)
    elif spec == INT:
        if not isinstance(value, int) or isinstance(value, bool):
            raise Invalid("%s: expected an integer" % path)
    elif spec == NUM:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise Invalid("%s: expected a number" % path)
    elif spec == BOOL:
        if not isinstance(value, bool):
            raise Invalid("%s: expected a boolean" % path)
    elif spec[0] == "min":
        check(value, spec[1], path)
        if value < spec[2]:
            raise Invalid("%s: %r is below the minimum %r" % (path, value, spec[2]))
    elif spec[0] == "enum":
        if value not in spec[1]:
            raise Invalid("%s: %r is not one of %r" % (path, value, spec[1]))
    elif spec[0] == "array":
        _, item, min_items, unique = spec
        if not isinstance(value, list):
            raise Invalid("%s: expected an array" % path)
        if len(value) < min_items:
            raise Invalid("%s: fewer than %d items" % (path, min_items))
        if unique:
            seen = set()
            for v in value:
                key = json.dumps(v, sort_keys=True)
                if key in seen:
                    raise Invalid("%s: items must be unique" % path)
                seen.add(key)
        for i, v in enumerate(value):
            check(v, item, "%s[%d]" % (path, i))
    elif spec[0] == "map":
        if not isinstance(value, dict):
            raise Invalid("%s: expected an object" % path)
        for k, v in value.items():
            check(v, spec[1], "%s.%s" % (path, k))
    elif spec[0] == "ref":
        name = spec[1]
        if name == "propertyBag":
            if not isinstance(value, dict):
                raise Invalid("%s: expected an object" % path)
            if "tags" in value:
                check(value["tags"], arr(STR, 0, True), path + ".tags")
            return
        props, required = DEFS[name]
        if not isinstance(value, dict):
            raise Invalid("%s: expected a %s object" % (path, name))
        for k in value:
            if k not in props:
                raise Invalid("%s: property %r is not allowed in %s" % (path, k, name))
        for k in required:
            if k not in value:
                raise Invalid("%s: %s needs %r" % (path, name, k))
        if name in ANY_OF and not any(k in value for k in ANY_OF[name]):
            raise Invalid("%s: %s needs one of %r" % (path, name, ANY_OF[name]))
        for k, v in value.items():
            check(v, props[k], "%s.%s" % (path, k))
    else:
        raise AssertionError(spec)


def code_scanning(log, relative):
    run_lines = []
    for ri, run in enumerate(log["runs"]):
        driver = run["tool"]["driver"]
        if not driver.get("name"):
            raise Invalid("runs[%d].tool.driver.name: empty" % ri)
        rules = [r["id"] for r in driver.get("rules", [])]
        for i, res in enumerate(run.get("results", [])):
            p = "runs[%d].results[%d]" % (ri, i)
            if res.get("ruleId") not in rules:
                raise Invalid("%s.ruleId: %r names no rule of the driver" % (p, res.get("ruleId")))
            if "ruleIndex" in res and rules[res["ruleIndex"]] != res["ruleId"]:
                raise Invalid("%s.ruleIndex: does not point at %r" % (p, res["ruleId"]))
            if not res["message"].get("text"):
                raise Invalid("%s.message.text: empty" % p)
            locs = res.get("locations", [])
            if len(locs) != 1:
                raise Invalid("%s.locations: code scanning records exactly one" % p)
            phys = locs[0].get("physicalLocation", {})
            uri = phys.get("artifactLocation", {}).get("uri")
            if not uri:
                raise Invalid("%s.locations[0]: no artifactLocation.uri" % p)
            if "startLine" not in phys.get("region", {}):
                raise Invalid("%s.locations[0]: no region.startLine" % p)
            all_locs = list(locs) + res.get("relatedLocations", [])
            for cf in res.get("codeFlows", []):
                for tf in cf["threadFlows"]:
                    all_locs += [tfl["location"] for tfl in tf["locations"] if "location" in tfl]
            for loc in all_locs:
                u = loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri", "")
                if relative and (u.startswith("file:") or u.startswith("/")):
                    raise Invalid("%s: absolute URI %r (expected relative to the source root)"
                                  % (p, u))
            ids = [l["id"] for l in res.get("relatedLocations", []) if "id" in l]
            if len(ids) != len(set(ids)):
                raise Invalid("%s.relatedLocations: ids repeat" % p)
            fps = res.get("partialFingerprints", {})
            region = phys["region"]
            run_lines.append("result: %s %s:%d:%d fp=%s" % (
                res["ruleId"], uri, region["startLine"], region.get("startColumn", 0),
                ",".join("%s=%s" % kv for kv in sorted(fps.items()))))
    return run_lines


def main():
    args = sys.argv[1:]
    relative = "--relative" in args
    files = [a for a in args if not a.startswith("--")]
    if len(files) != 1:
        sys.exit(__doc__)
    try:
        with open(files[0], encoding="utf-8") as f:
            log = json.load(f)
        check(log, ref("log"), "$")
        if log.get("$schema", "").find("sarif") < 0:
            raise Invalid("$schema: does not name the SARIF schema")
        lines = code_scanning(log, relative)
    except (Invalid, ValueError, KeyError, IndexError) as e:
        print("sarif_check: %s: %s" % (files[0], e), file=sys.stderr)
        sys.exit(1)
    run = log["runs"][0]
    print("schema: %s" % log["$schema"])
    print("version: %s" % log["version"])
    print("driver: %s" % run["tool"]["driver"]["name"])
    print("rules: %s" % ", ".join(r["id"] for r in run["tool"]["driver"].get("rules", [])))
    print("results: %d" % len(run.get("results", [])))
    for line in lines:
        print(line)
    print("sarif ok")


if __name__ == "__main__":
    main()
