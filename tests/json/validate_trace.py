#!/usr/bin/env python3
"""Validates a real --json trace against docs/json-schema.json (needs root: etrace traces).

Usage: validate_trace.py ETRACE SCHEMA. Traces a shell that opens, fails, reads, writes, forks
and is killed by a signal, with -f -y -T and -e write=1, so that call, signal, exit and dump
lines all appear; every line must be valid, and each of those kinds must be there.
"""
import json
import os
import subprocess
import sys

import jsonschema

SCRIPT = ("cat /etc/hostname >/dev/null; ls /nonexistent-etrace 2>/dev/null; echo hello; "
          "sleep 0.1 & wait; kill -USR1 $$")


def main():
    etrace, schema_path = sys.argv[1], sys.argv[2]
    if os.geteuid() != 0:
        print("needs root: etrace traces")
        return 77
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    run = subprocess.run([etrace, "--json", "-f", "-y", "-T", "-e", "write=1", "--", "sh", "-c", SCRIPT],
                         capture_output=True, text=True, timeout=120)
    lines = [l for l in run.stderr.splitlines() if l.startswith("{")]
    others = [l for l in run.stderr.splitlines() if not l.startswith("{")]
    bad = 0
    kinds = set()
    for n, line in enumerate(lines, 1):
        obj = json.loads(line)
        kinds.add(obj.get("type"))
        if "error" in obj:
            kinds.add("error")
        if obj.get("killed"):
            kinds.add("killed")
        errors = sorted(validator.iter_errors(obj), key=lambda e: list(e.absolute_path))
        if errors:
            bad += 1
            best = jsonschema.exceptions.best_match(errors)
            print(f"line {n} does not match the schema: {best.message} at {list(best.absolute_path)}\n  {line}")
    wanted = {"syscall", "signal", "exit", "dump", "error", "killed"}
    missing = wanted - kinds
    print(f"{len(lines)} lines, {bad} invalid; kinds seen: {sorted(k for k in kinds if k)}")
    if others:
        print("not JSON (etrace's own messages):\n  " + "\n  ".join(others[:10]))
    if missing:
        print(f"the trace lacks lines of these kinds: {sorted(missing)}")
    if len(lines) < 20:
        print("too few lines traced")
    return 1 if bad or missing or len(lines) < 20 else 0


if __name__ == "__main__":
    sys.exit(main())
