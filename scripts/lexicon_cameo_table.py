#!/usr/bin/env python3
"""Generate data/cameo/codes.tsv: one row per CAMEO 1.1b3 event code with its name, GDELT Goldstein
value, GDELT QuadClass and PLOVER 2.0 event type / mode (2021 CAMEO->PLOVER mapping).

Usage: python3 scripts/lexicon_cameo_table.py [--shared ../shared] [--out data/cameo/codes.tsv]

Facts are read from the read-only reference tables in ../shared/data (never copied into the repo):
  data/cameo/cameo_event_codes.tsv   codes, CAMEO manual 1.1b3 / GDELT names, GDELT Goldstein
  data/cameo/gdelt_goldstein.txt     GDELT's Goldstein table (cross-check)
  data/plover/cameo_to_plover_2021.tsv   CAMEO -> PLOVER mapping, 2021 (CC BY-SA 4.0)
  data/plover/plover_event_types.tsv, plover_contexts.tsv   to validate the mapping's values
Rules (documented in data/cameo/README.md):
  * goldstein: GDELT's value; the five ICEWS additions (155 176 1834 1951 1952) have none and take the
    value of their nearest ancestor that has one (their base code, else the root).
  * quad_class: by root, 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4.
  * plover_event / plover_mode: the mapping's row for the code; a code the mapping lacks inherits the
    event type of its nearest ancestor; roots marked "(dropped)" (01, 02) leave the event empty for the
    whole family. A few explicit corrections are listed in OVERRIDES below with their reason.
"""
import argparse
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PLOVER_TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
                "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()

# Corrections to the inherited / mapped PLOVER values, each with its reason. Modes are taken from
# PLOVER 2.0's own mode list (plover_modes.tsv) where the mode description names the code's content.
OVERRIDES = {
    # root 08 appears twice in the mapping (sections CONCEDE and RETREAT); the root itself and its
    # generic code 080 are CONCEDE.
    "08": ("CONCEDE", "", "root 08 is split between CONCEDE and RETREAT in the mapping; CONCEDE like 080"),
    # ICEWS additions not in the 2021 mapping: event type from the parent, mode from PLOVER's mode list
    "176": ("COERCE", "cyber", "ICEWS addition; PLOVER COERCE mode 'cyber' = cyber attacks"),
    "1834": ("ASSAULT", "explosives", "ICEWS addition; parent 183's mode 'suicide-attack' does not fit "
             "a location bombing; PLOVER mode 'explosives'"),
    "1951": ("ASSAULT", "aerial", "ICEWS addition; PLOVER mode 'aerial' (manned aircraft munitions)"),
    "1952": ("ASSAULT", "drone", "ICEWS addition; PLOVER mode 'drone' = remotely piloted"),
}


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    head = rows[0]
    return [dict(zip(head, r + [""] * (len(head) - len(r)))) for r in rows[1:]]


def ancestors(code):
    """Nearest-first proper ancestors: 1834 -> 183, 18; 0211 -> 021, 02."""
    out = []
    c = code
    while len(c) > 2:
        c = c[:-1]
        out.append(c)
    return out


def quad_class(code):
    r = int(code[:2])
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "cameo", "codes.tsv"))
    a = ap.parse_args()
    d = os.path.join(a.shared, "data")
    codes = read_tsv(os.path.join(d, "cameo", "cameo_event_codes.tsv"))
    plover = read_tsv(os.path.join(d, "plover", "cameo_to_plover_2021.tsv"))
    contexts = {r["context"] for r in read_tsv(os.path.join(d, "plover", "plover_contexts.tsv"))}
    gdelt = {}
    with open(os.path.join(d, "cameo", "gdelt_goldstein.txt"), encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) == 2 and p[0].isdigit():
                gdelt[p[0]] = p[1]

    known = {r["code"] for r in codes}
    mapping = {}
    for r in plover:
        c = r["cameo_code"].strip()
        if c not in known or r["note"].strip() == "section header" and len(c) > 2:
            continue
        ev, mode = r["plover_event"].strip(), r["plover_mode"].strip()
        if mode in contexts:  # a context value placed in the mode column (175: "pro_autocracy")
            mode = ""
        if c not in mapping:  # first row wins (08 is listed twice; overridden below)
            mapping[c] = (ev, mode)
    dropped = {r["code"] for r in codes if r["plover_event_2021"].strip() == "(dropped)"}

    comments = []
    out = []
    for r in codes:
        c = r["code"]
        name = r["name_cameo_manual_1.1b3"].strip() or r["name_gdelt_lookup"].strip()
        gs = r["goldstein_gdelt"].strip()
        if gs and c in gdelt and float(gdelt[c]) != float(gs):
            sys.exit(f"goldstein mismatch for {c}: {gs} vs {gdelt[c]}")
        if not gs:
            anc = next(x for x in ancestors(c) if next(
                (q for q in codes if q["code"] == x), {}).get("goldstein_gdelt", "").strip())
            gs = next(q for q in codes if q["code"] == anc)["goldstein_gdelt"].strip()
            comments.append(f"# {c} ({name}): ICEWS addition without a GDELT Goldstein value; "
                            f"uses {anc}'s value {gs}")
        lineage = [c] + ancestors(c)
        if any(x in dropped for x in lineage):
            ev, mode = "", ""
        elif c in OVERRIDES:
            ev, mode, why = OVERRIDES[c]
            comments.append(f"# {c}: PLOVER {ev}/{mode or '-'}: {why}")
        elif c in mapping:
            ev, mode = mapping[c]
        else:
            src = next((x for x in ancestors(c) if x in mapping), None)
            ev, mode = (mapping[src][0], "") if src else ("", "")
            comments.append(f"# {c}: not in the PLOVER mapping; event type {ev or '-'} inherited "
                            f"from {src}")
        if ev and ev not in PLOVER_TYPES:
            sys.exit(f"{c}: unknown PLOVER type {ev!r}")
        out.append([c, name, gs, str(quad_class(c)), ev, mode])

    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        f.write("code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\n")
        f.write("# Generated by scripts/lexicon_cameo_table.py -- do not edit by hand; see data/cameo/README.md\n")
        f.write("# 175: the 2021 mapping puts the context 'pro_autocracy' in the mode column; mode left empty\n")
        for cm in comments:
            f.write(cm + "\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(out)} codes to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
