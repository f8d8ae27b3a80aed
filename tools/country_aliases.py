"""Add long official names and World Bank names to data/countries.csv (run by hand; see data/README.md).

Official names come from pycountry (ISO 3166-1 data of Debian's iso-codes, ``official_name``), with the
one correction UNTERM makes for the region (Myanmar); World Bank short names are those of the World
Development Indicators for the countries of Asia and Oceania. Existing aliases are kept, new ones are
appended, and no alias that names another row or an ambiguous name is added.

    pip install pycountry==26.2.16 && python tools/country_aliases.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "data"
UNTERM = {"MM": "Republic of the Union of Myanmar"}
WORLD_BANK = {
    "BN": "Brunei", "HK": "Hong Kong SAR, China", "IR": "Iran, Islamic Rep.", "KG": "Kyrgyz Republic",
    "KP": "Korea, Dem. People's Rep.", "KR": "Korea, Rep.", "LA": "Lao PDR", "MO": "Macao SAR, China",
    "FM": "Micronesia, Fed. Sts.", "TW": "Taiwan, China", "YE": "Yemen, Rep.", "PS": "West Bank and Gaza",
    "SY": "Syrian Arab Republic", "TR": "Turkiye", "VN": "Vietnam",
}


def main() -> int:
    path = DATA / "countries.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    with (DATA / "country-ambiguous.csv").open(encoding="utf-8", newline="") as handle:
        ambiguous = {r["name"].casefold() for r in csv.DictReader(handle)}
    taken = {}
    for row in rows:
        for name in [row["name"], *row["aliases"].split("|")]:
            if name:
                taken[name.casefold()] = row["code"]
    added = 0
    for row in rows:
        country = pycountry.countries.get(alpha_2=row["code"])
        candidates = [UNTERM.get(row["code"]), getattr(country, "official_name", None), WORLD_BANK.get(row["code"])]
        aliases = [a for a in row["aliases"].split("|") if a]
        for name in candidates:
            if not name or name.casefold() in ambiguous or taken.get(name.casefold(), row["code"]) != row["code"]:
                continue
            if name.casefold() not in taken:
                aliases.append(name)
                taken[name.casefold()] = row["code"]
                added += 1
            if "'" in name and name.replace("'", "’").casefold() not in taken:
                aliases.append(name.replace("'", "’"))
                taken[name.replace("'", "’").casefold()] = row["code"]
        row["aliases"] = "|".join(aliases)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{added} aliases added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
