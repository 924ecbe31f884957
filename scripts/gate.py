#!/usr/bin/env python3
"""Accuracy gates: fail when a figure of a scorer's JSON output is below its floor.

Usage: gate.py NAME SCORES.json FIELD=FLOOR [FIELD=FLOOR ...]
FIELD is a dotted path into the JSON (`f1`, `attributes.factuality`). Prints every figure with
its floor and exits non-zero if any is below (or missing).
"""
import json
import sys


def get(obj, path):
    for part in path.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return None
        obj = obj[part]
    return obj


def main():
    name, path, checks = sys.argv[1], sys.argv[2], sys.argv[3:]
    scores = json.load(open(path))
    failed = False
    for c in checks:
        field, floor = c.split("=")
        v = get(scores, field)
        ok = isinstance(v, (int, float)) and v >= float(floor)
        failed |= not ok
        print(f"gate {name}: {field} = {v} (floor {floor}) {'ok' if ok else 'FAILED'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
