# lit configuration of the CI example (docs/ci.md): each .test runs one
# test program of the make build with weft's reports logged as JSON Lines.
# A program that makes weft report exits with status 66, which fails its
# test like any other non-zero status.
#   lit examples/ci/lit -Dbuild=<make build dir> -Dweft_log_dir=<dir>
import os

import lit.formats

config.name = "weft-ci-example"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test"]
config.test_source_root = os.path.dirname(__file__)
build = os.path.abspath(lit_config.params.get(
    "build", os.path.join(config.test_source_root, "..", "build-make")))
logs = os.path.abspath(lit_config.params.get("weft_log_dir", os.path.join(build, "weft-logs")))
os.makedirs(logs, exist_ok=True)
config.test_exec_root = build
config.environment["WEFT_OPTIONS"] = "report_format=json:log_path=" + os.path.join(logs, "log")
config.substitutions.append(("%build", build))
