#!/usr/bin/env python3
"""Check that `eventwire eval --json` and the reference scorer give the same figures.

Usage: compare_scorers.py OURS.json REFERENCE.json
Both files hold the one JSON object each scorer prints with --json. Exits non-zero and prints
the differing fields when they disagree (numbers compared to within half a unit of the fourth decimal, where the two languages may round a tie differently).
"""
import json
import sys


def flatten(prefix, v, out):
    if isinstance(v, dict):
        for k, x in v.items():
            flatten(f"{prefix}.{k}" if prefix else k, x, out)
    else:
        out[prefix] = v


def main():
    a, b = {}, {}
    flatten("", json.load(open(sys.argv[1])), a)
    flatten("", json.load(open(sys.argv[2])), b)
    diffs = []
    for k in sorted(set(a) | set(b)):
        x, y = a.get(k, "<missing>"), b.get(k, "<missing>")
        same = (abs(x - y) < 6e-5) if isinstance(x, (int, float)) and isinstance(y, (int, float)) else x == y
        if not same:
            diffs.append(f"  {k}: eventwire {x!r} != reference {y!r}")
    if diffs:
        print("scorers disagree:\n" + "\n".join(diffs))
        sys.exit(1)
    print(f"scorers agree on {len(a)} figures")


if __name__ == "__main__":
    main()
