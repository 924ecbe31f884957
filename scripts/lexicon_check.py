#!/usr/bin/env python3
"""Validate the event lexicon (data/lexicon/*.tsv) against data/lexicon/README.md.

Usage: python3 scripts/lexicon_check.py [--quiet]
Checks: header and column count; empty cells written '-'; every CAMEO code exists in
data/cameo/codes.tsv; every @class exists in classes.tsv; slot, condition and flag syntax;
duplicate rows; rows that can never fire (a lemma's unconditional row, or an identical condition,
before other rows of the same lemma: warning); embedding kinds; code-map prefixes.
Prints row counts and counts per CAMEO root; exits 1 on errors (warnings do not fail).
"""
import collections
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "data", "lexicon")
CODES = os.path.join(ROOT, "data", "cameo", "codes.tsv")

TRIGGER_HEADER = ["lemma", "when", "cameo", "source", "target", "flags", "note"]
HEADERS = {
    "verbs.tsv": TRIGGER_HEADER,
    "nouns.tsv": TRIGGER_HEADER,
    "classes.tsv": ["class", "lemma"],
    "embedding.tsv": ["lemma", "kind", "note"],
    "code_maps.tsv": ["kind", "from", "to"],
}
KINDS = {"intent", "request", "demand", "threaten", "reject", "report", "raising"}
MAP_KINDS = KINDS - {"report", "raising"}
FLAGS = {"sym", "self"}
# slot names: verb slots and noun slots (README); 'A>B' chains them
BASE_SLOTS = {"subj", "obj", "iobj", "xcomp", "prt", "poss", "amod", "compound", "demonym"}
PREP_RE = re.compile(r"^prep:[a-z][a-z_-]*$")
LEMMA_RE = re.compile(r"^[a-z0-9][a-z0-9'.\-]*( [a-z0-9][a-z0-9'.\-]*)*$")
VALUE_RE = re.compile(r"^(@[a-z_]+|[a-z0-9][a-z0-9'.\-]*)$")
CLASS_RE = re.compile(r"^[a-z][a-z_]*$")

errors = []
warnings = []


def err(f, n, msg):
    errors.append(f"{f}:{n}: {msg}")


def warn(f, n, msg):
    warnings.append(f"{f}:{n}: {msg}")


def read(name):
    """Rows of a lexicon file as (line_number, cells); checks header and column count."""
    path = os.path.join(LEX, name)
    if not os.path.exists(path):
        err(name, 0, "file missing")
        return []
    rows = []
    header_seen = False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.endswith("\r"):
                err(name, n, "CR line ending")
                line = line.rstrip("\r")
            if line.startswith("#"):
                continue
            if not line.strip():
                err(name, n, "empty line (use '#' for spacing comments)")
                continue
            cells = line.split("\t")
            if not header_seen:
                header_seen = True
                if cells != HEADERS[name]:
                    err(name, n, f"header {cells} != {HEADERS[name]}")
                continue
            if len(cells) != len(HEADERS[name]):
                err(name, n, f"{len(cells)} columns, expected {len(HEADERS[name])}: {line!r}")
                continue
            for i, c in enumerate(cells):
                if c == "":
                    err(name, n, f"empty cell in column {HEADERS[name][i]} (write '-')")
                elif c != c.strip():
                    err(name, n, f"stray whitespace in column {HEADERS[name][i]}: {c!r}")
            rows.append((n, cells))
    if not header_seen:
        err(name, 0, "no header line")
    return rows


def valid_slot(s):
    parts = s.split(">")
    return all(p in BASE_SLOTS or PREP_RE.match(p) for p in parts)


def check_slots(f, n, col, value, allow_dash=True):
    if value == "-":
        if not allow_dash:
            err(f, n, f"{col} may not be '-'")
        return
    for s in value.split("|"):
        if not valid_slot(s):
            err(f, n, f"bad slot {s!r} in {col}")


def check_when(f, n, when, classes):
    if when == "-":
        return
    seen = set()
    for cond in when.split(";"):
        if not cond:
            err(f, n, f"empty condition in {when!r}")
            continue
        if cond.startswith("!"):
            slot = cond[1:]
            if "=" in slot:
                err(f, n, f"negated condition takes no values: {cond!r}")
                continue
            if not valid_slot(slot):
                err(f, n, f"bad slot {slot!r} in condition {cond!r}")
            key = slot
        elif "=" in cond:
            slot, _, vals = cond.partition("=")
            if not valid_slot(slot):
                err(f, n, f"bad slot {slot!r} in condition {cond!r}")
            if not vals:
                err(f, n, f"no values in condition {cond!r}")
            for v in vals.split("|"):
                if not VALUE_RE.match(v):
                    err(f, n, f"bad value {v!r} in condition {cond!r}")
                elif v.startswith("@") and v[1:] not in classes:
                    err(f, n, f"unknown class {v!r}")
            key = slot
        else:
            if not valid_slot(cond):
                err(f, n, f"bad slot {cond!r} in conditions")
            key = cond
        if key in seen:
            warn(f, n, f"slot {key!r} tested twice in {when!r}")
        seen.add(key)


def main():
    quiet = "--quiet" in sys.argv
    codes = {}
    with open(CODES, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            c = line.rstrip("\n").split("\t")
            codes[c[0]] = c[1]
    names = {c[:2]: codes[c] for c in codes if len(c) == 2}

    # classes
    classes = collections.defaultdict(set)
    for n, (cls, lemma) in read("classes.tsv"):
        if not CLASS_RE.match(cls):
            err("classes.tsv", n, f"bad class name {cls!r}")
        if not LEMMA_RE.match(lemma):
            err("classes.tsv", n, f"lemma must be lowercase: {lemma!r}")
        if lemma in classes[cls]:
            err("classes.tsv", n, f"duplicate {cls} {lemma}")
        classes[cls].add(lemma)
    used_classes = set()

    per_root = collections.Counter()
    per_file = collections.Counter()
    for fname in ("verbs.tsv", "nouns.tsv"):
        rows = read(fname)
        per_file[fname] = len(rows)
        seen_rows = {}
        by_lemma = collections.defaultdict(list)
        for n, (lemma, when, cameo, source, target, flags, note) in rows:
            if not LEMMA_RE.match(lemma):
                err(fname, n, f"bad lemma {lemma!r} (lowercase, words separated by one space)")
            if cameo == "-":
                pass  # this sense of the word is no event
            elif cameo not in codes:
                err(fname, n, f"unknown CAMEO code {cameo!r}")
            else:
                per_root[cameo[:2]] += 1
            check_when(fname, n, when, classes)
            used_classes.update(re.findall(r"@([a-z_]+)", when))
            check_slots(fname, n, "source", source, allow_dash=(fname == "nouns.tsv"))
            check_slots(fname, n, "target", target)
            if flags != "-":
                for fl in flags.split(","):
                    if fl not in FLAGS:
                        err(fname, n, f"unknown flag {fl!r}")
                if "sym" in flags.split(",") and target == "-":
                    warn(fname, n, "symmetric event without a target slot")
            key = (lemma, when, cameo, source, target, flags)
            if key in seen_rows:
                err(fname, n, f"duplicate of line {seen_rows[key]}")
            seen_rows[key] = n
            by_lemma[lemma].append((n, when, cameo))
        for lemma, lst in by_lemma.items():
            conds = {}
            general = None
            for n, when, cameo in lst:
                if general is not None:
                    warn(fname, n, f"{lemma!r}: row after the unconditional row at line {general} "
                                   f"can never fire (put specific rows first)")
                if when == "-":
                    general = n
                norm = ";".join(sorted(when.split(";")))
                if norm in conds and when != "-":
                    warn(fname, n, f"{lemma!r}: same conditions as line {conds[norm]}; this row never fires")
                conds.setdefault(norm, n)

    # embedding
    emb = read("embedding.tsv")
    per_file["embedding.tsv"] = len(emb)
    seen = {}
    kinds = collections.Counter()
    for n, (lemma, kind, note) in emb:
        if not LEMMA_RE.match(lemma):
            err("embedding.tsv", n, f"bad lemma {lemma!r}")
        if kind not in KINDS:
            err("embedding.tsv", n, f"unknown kind {kind!r}")
        if lemma in seen:
            err("embedding.tsv", n, f"{lemma!r} already listed at line {seen[lemma]}")
        seen[lemma] = n
        kinds[kind] += 1

    # code maps
    maps = read("code_maps.tsv")
    per_file["code_maps.tsv"] = len(maps)
    seen = {}
    map_kinds = collections.Counter()
    for n, (kind, frm, to) in maps:
        if kind not in MAP_KINDS:
            err("code_maps.tsv", n, f"kind {kind!r} takes no code map (one of {sorted(MAP_KINDS)})")
        if not re.match(r"^\d{2,4}$", frm) or not any(c.startswith(frm) for c in codes):
            err("code_maps.tsv", n, f"'from' {frm!r} is not a prefix of any CAMEO code")
        if to == "=" or (to.startswith("@") and to[1:] in MAP_KINDS and to[1:] != kind):
            pass
        elif to not in codes:
            err("code_maps.tsv", n, f"unknown target code {to!r}")
        if (kind, frm) in seen:
            err("code_maps.tsv", n, f"{kind} {frm} already mapped at line {seen[(kind, frm)]}")
        seen[(kind, frm)] = n
        map_kinds[kind] += 1
    for k in MAP_KINDS:
        if k not in map_kinds:
            err("code_maps.tsv", 0, f"no map for kind {k!r}")

    # Classes the coder reads itself (crates/events/src/coder.rs, docs/coding-rules.md).
    unused = set(classes) - used_classes - {"desire", "facility", "judging", "measure", "preparation"}
    if unused:
        warn("classes.tsv", 0, f"classes not used by any trigger: {', '.join(sorted(unused))}")
    missing_roots = [r for r in names if per_root[r] == 0]
    if missing_roots:
        err("verbs/nouns", 0, f"no trigger for CAMEO roots {missing_roots}")

    print("rows:", ", ".join(f"{f} {c}" for f, c in per_file.items()),
          f", classes.tsv {sum(len(v) for v in classes.values())} lemmas in {len(classes)} classes")
    print("embedding kinds:", ", ".join(f"{k} {c}" for k, c in sorted(kinds.items())))
    print("code maps:", ", ".join(f"{k} {c}" for k, c in sorted(map_kinds.items())))
    print("triggers per CAMEO root (verbs + nouns):")
    for r in sorted(names):
        print(f"  {r} {names[r]:<34} {per_root[r]:4d}")
    if not quiet:
        for w in warnings:
            print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
