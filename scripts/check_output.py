#!/usr/bin/env python3
"""Validate eventwire output against its inputs: every span in range and equal to the text it
claims, every record shaped as the event-record contract says, every document accounted for.

Usage:
  check_output.py annotate INPUT --out ANNOTATE.jsonl [--errors ERRORS.jsonl] [--sentences N]
  check_output.py code INPUT --out EVENTS.jsonl [--errors ERRORS.jsonl]

INPUT is a .txt file (document id = file stem) or a .jsonl document file. Exits non-zero and
lists the problems when anything is wrong. Standard library only.
"""
import argparse
import json
import os
import sys

FACTUALITY = {"asserted", "negated", "probable", "possible", "unconfirmed", "future", "hypothetical"}
BASIS = {None, "explicit", "relative", "publication"}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def load_inputs(path):
    if path.endswith(".jsonl"):
        docs = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    docs[str(d["id"])] = d["text"]
        return docs
    stem = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        return {stem: f.read()}


def read_jsonl(path):
    if not path or not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, msg):
        if len(self.problems) < 50:
            self.problems.append(msg)
        elif len(self.problems) == 50:
            self.problems.append("... more problems omitted")

    def span(self, where, text, obj, must_match=True):
        s, e = obj.get("start"), obj.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
            self.fail(f"{where}: span {s}..{e} outside 0..{len(text)}")
            return None
        if must_match and "text" in obj and obj["text"] != text[s:e]:
            self.fail(f"{where}: text {obj['text']!r} != document text {text[s:e]!r}")
        return s, e


def check_annotate(args, inputs, c):
    out = read_jsonl(args.out)
    errors = read_jsonl(args.errors)
    ids = [d["doc_id"] for d in out] + [e["doc_id"] for e in errors]
    if sorted(ids) != sorted(inputs):
        c.fail(f"documents not accounted for: got {len(ids)}, expected {len(inputs)}")
    for d in out:
        doc_id = d["doc_id"]
        text = d.get("text", inputs.get(doc_id, ""))
        prev = 0
        for i, t in enumerate(d["tokens"]):
            sp = c.span(f"{doc_id} token {i}", text, t)
            if sp and sp[0] < prev:
                c.fail(f"{doc_id} token {i}: tokens overlap")
            if sp:
                prev = sp[1]
        last = None
        for i, s in enumerate(d["sentences"]):
            sp = c.span(f"{doc_id} sentence {i}", text, s, must_match=False)
            if sp and last is not None and sp[0] < last:
                c.fail(f"{doc_id} sentence {i}: sentences overlap")
            if sp:
                last = sp[1]
            r = s.get("repeat_of")
            if r is not None and not (0 <= r < i and text[s["start"]:s["end"]] == text[d["sentences"][r]["start"]:d["sentences"][r]["end"]]):
                c.fail(f"{doc_id} sentence {i}: repeat_of {r} is not an identical earlier sentence")
        for key in ("mentions", "timexes"):
            for i, m in enumerate(d.get(key, [])):
                c.span(f"{doc_id} {key} {i}", text, m)
        for i, e in enumerate(d.get("events", [])):
            c.span(f"{doc_id} event {i} trigger", text, e.get("trigger", {}))
            c.span(f"{doc_id} event {i} sentence", text, e.get("sentence", {}), must_match=False)
    if args.sentences is not None:
        n = sum(len(d["sentences"]) for d in out)
        if n != args.sentences:
            c.fail(f"expected {args.sentences} sentences, got {n}")
    return len(out), sum(len(d["sentences"]) for d in out)


def check_code(args, inputs, c):
    out = read_jsonl(args.out)
    seen = set()
    for n, r in enumerate(out, 1):
        where = f"record {n}"
        doc_id = r.get("doc_id")
        if doc_id not in inputs:
            c.fail(f"{where}: unknown doc_id {doc_id!r}")
            continue
        text = inputs[doc_id]
        where = f"{doc_id}/{r.get('event_id')}"
        if r.get("event_id") in seen:
            c.fail(f"{where}: duplicate event_id")
        seen.add(r.get("event_id"))
        for k in ("sentence", "trigger", "cameo", "cameo_root", "quad_class", "goldstein", "plover",
                  "source", "target", "factuality", "attributed_to", "date", "location", "flags",
                  "same_as", "confidence"):
            if k not in r:
                c.fail(f"{where}: missing field {k}")
        c.span(f"{where} sentence", text, r.get("sentence", {}), must_match=False)
        c.span(f"{where} trigger", text, r.get("trigger", {}))
        code = str(r.get("cameo", ""))
        if not (code.isdigit() and 2 <= len(code) <= 4) or r.get("cameo_root") != code[:2]:
            c.fail(f"{where}: bad cameo {code!r} / root {r.get('cameo_root')!r}")
        root = int(code[:2]) if code[:2].isdigit() else 0
        quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        if r.get("quad_class") != quad:
            c.fail(f"{where}: quad_class {r.get('quad_class')} != {quad}")
        pl = r.get("plover")
        if pl is not None and pl.get("event") not in PLOVER:
            c.fail(f"{where}: bad plover type {pl}")
        for side in ("source", "target", "attributed_to"):
            a = r.get(side)
            if a is not None:
                c.span(f"{where} {side}", text, a)
        if r.get("factuality") not in FACTUALITY:
            c.fail(f"{where}: bad factuality {r.get('factuality')!r}")
        date = r.get("date") or {}
        if date.get("basis") not in BASIS or (date.get("value") is None) != (date.get("basis") is None):
            c.fail(f"{where}: bad date {date}")
        if r.get("location") is not None:
            c.span(f"{where} location", text, r["location"])
        if r.get("same_as") is not None and r["same_as"] not in seen:
            c.fail(f"{where}: same_as {r['same_as']} is not an earlier event")
        conf = r.get("confidence")
        if not (isinstance(conf, (int, float)) and 0 <= conf <= 1):
            c.fail(f"{where}: bad confidence {conf}")
    return len(out), len({r.get('doc_id') for r in out})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["annotate", "code"])
    ap.add_argument("input")
    ap.add_argument("--out", required=True)
    ap.add_argument("--errors")
    ap.add_argument("--sentences", type=int)
    args = ap.parse_args()
    inputs = load_inputs(args.input)
    c = Checker()
    if args.mode == "annotate":
        docs, sents = check_annotate(args, inputs, c)
        summary = f"{docs} documents, {sents} sentences"
    else:
        recs, docs = check_code(args, inputs, c)
        summary = f"{recs} event records from {docs} of {len(inputs)} documents"
    if c.problems:
        print(f"check_output {args.mode} {args.input}: FAILED", file=sys.stderr)
        for p in c.problems:
            print("  " + p, file=sys.stderr)
        sys.exit(1)
    print(f"check_output {args.mode} {args.input}: ok ({summary})")


if __name__ == "__main__":
    main()
