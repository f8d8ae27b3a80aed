#!/usr/bin/env python3
"""Synthetic RSCAO bi-annual sub-regional reports, in the template and export format of the sample.

    python benchmarks/generate.py N OUTDIR [--seed S]

writes N reports ``NNNN-<sub-region-slug>-YYYY-MM--YYYY-MM.md`` into OUTDIR: the Markdown/text export of
the Word template exactly as ``data/reports/north-east-asia-2019-09--2020-03.md`` has it (the ``**...**``
title block, section I with headings A-E and items written ``1\\``, heading C wrapped onto a second line,
sections II/III, then the tab-separated Country / Activities / Impact table whose cells hold ``<p>``
paragraphs, with rows broken across "page breaks").

Everything varies deterministically with the seed; the same N and seed give byte-identical files, and
report i is the same whatever N is. ``generate_report(i, seed)`` also returns the ground truth (what the
generator wrote: header, dates, links, citations, countries), which ``check_corpus.py`` compares with what
the extractor reads.

Only the standard library is used; reference data (countries, strategy labels) is read from ``data/``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# Sub-regions (names only; the reference data knows only North East Asia) and their countries, all of
# region Asia or Oceania in data/countries.csv. Uninhabited territories (HM, UM) are left out.
SUBREGIONS: dict[str, tuple[str, ...]] = {
    "North East Asia": ("CN", "JP", "KP", "KR", "MN"),
    "South East Asia": ("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"),
    "South Asia": ("AF", "BD", "BT", "IN", "IR", "LK", "MV", "NP", "PK"),
    "Central Asia": ("KG", "KZ", "TJ", "TM", "UZ"),
    "West Asia": ("AE", "AM", "AZ", "BH", "CY", "GE", "IL", "IQ", "JO", "KW", "LB", "OM", "PS", "QA", "SA",
                  "SY", "TR", "YE"),
    "Oceania": ("AU", "CC", "CX", "NF", "NZ"),
    "Pacific": ("AS", "CK", "FJ", "FM", "GU", "KI", "MH", "MP", "NC", "NR", "NU", "PF", "PG", "PN", "PW", "SB",
                "TK", "TO", "TV", "VU", "WF", "WS"),
}


@dataclass(frozen=True)
class Place:
    """How reports write a country: its names (the first is the usual one; all resolve to the code),
    capital and a second city, and the word after "National Library of" (``None``: no such library)."""

    names: tuple[str, ...]
    capital: str
    city: str
    library_of: str | None


P = Place
PLACES: dict[str, Place] = {
    "CN": P(("China", "People's Republic of China", "PR China"), "Beijing", "Shanghai", "China"),
    "JP": P(("Japan",), "Tokyo", "Osaka", None),
    "KP": P(("DPR Korea", "Democratic People's Republic of Korea", "DPRK"), "Pyongyang", "Kaesong", None),
    "KR": P(("Republic of Korea", "South Korea"), "Seoul", "Busan", "Korea"),
    "MN": P(("Mongolia",), "Ulaanbaatar", "Darkhan", "Mongolia"),
    "BN": P(("Brunei Darussalam", "Brunei"), "Bandar Seri Begawan", "Kuala Belait", "Brunei"),
    "ID": P(("Indonesia",), "Jakarta", "Surabaya", "Indonesia"),
    "KH": P(("Cambodia",), "Phnom Penh", "Siem Reap", "Cambodia"),
    "LA": P(("Lao PDR", "Laos"), "Vientiane", "Luang Prabang", "Laos"),
    "MM": P(("Myanmar",), "Nay Pyi Taw", "Yangon", "Myanmar"),
    "MY": P(("Malaysia",), "Kuala Lumpur", "Penang", "Malaysia"),
    "PH": P(("Philippines",), "Manila", "Cebu City", "the Philippines"),
    "SG": P(("Singapore",), "Singapore", "Singapore", "Singapore"),
    "TH": P(("Thailand",), "Bangkok", "Chiang Mai", "Thailand"),
    "TL": P(("Timor-Leste", "East Timor"), "Dili", "Baucau", "Timor-Leste"),
    "VN": P(("Viet Nam", "Vietnam"), "Hanoi", "Ho Chi Minh City", "Vietnam"),
    "AF": P(("Afghanistan",), "Kabul", "Herat", "Afghanistan"),
    "BD": P(("Bangladesh",), "Dhaka", "Chittagong", "Bangladesh"),
    "BT": P(("Bhutan",), "Thimphu", "Paro", "Bhutan"),
    "IN": P(("India",), "New Delhi", "Kolkata", "India"),
    "IR": P(("Iran", "Islamic Republic of Iran"), "Tehran", "Isfahan", "Iran"),
    "LK": P(("Sri Lanka",), "Colombo", "Kandy", "Sri Lanka"),
    "MV": P(("Maldives",), "Malé", "Addu City", "Maldives"),
    "NP": P(("Nepal",), "Kathmandu", "Pokhara", "Nepal"),
    "PK": P(("Pakistan",), "Islamabad", "Lahore", "Pakistan"),
    "KG": P(("Kyrgyzstan",), "Bishkek", "Osh", "Kyrgyzstan"),
    "KZ": P(("Kazakhstan",), "Astana", "Almaty", "Kazakhstan"),
    "TJ": P(("Tajikistan",), "Dushanbe", "Khujand", "Tajikistan"),
    "TM": P(("Turkmenistan",), "Ashgabat", "Turkmenabat", "Turkmenistan"),
    "UZ": P(("Uzbekistan",), "Tashkent", "Samarkand", "Uzbekistan"),
    "AE": P(("United Arab Emirates", "UAE"), "Abu Dhabi", "Dubai", "the United Arab Emirates"),
    "AM": P(("Armenia",), "Yerevan", "Gyumri", "Armenia"),
    "AZ": P(("Azerbaijan",), "Baku", "Ganja", "Azerbaijan"),
    "BH": P(("Bahrain",), "Manama", "Muharraq", "Bahrain"),
    "CY": P(("Cyprus",), "Nicosia", "Limassol", "Cyprus"),
    "GE": P(("Georgia",), "Tbilisi", "Batumi", "Georgia"),
    "IL": P(("Israel",), "Jerusalem", "Haifa", "Israel"),
    "IQ": P(("Iraq",), "Baghdad", "Basra", "Iraq"),
    "JO": P(("Jordan",), "Amman", "Irbid", "Jordan"),
    "KW": P(("Kuwait",), "Kuwait City", "Hawalli", "Kuwait"),
    "LB": P(("Lebanon",), "Beirut", "Sidon", "Lebanon"),
    "OM": P(("Oman",), "Muscat", "Salalah", "Oman"),
    "PS": P(("Palestine", "State of Palestine"), "Ramallah", "Nablus", "Palestine"),
    "QA": P(("Qatar",), "Doha", "Al Wakrah", "Qatar"),
    "SA": P(("Saudi Arabia",), "Riyadh", "Jeddah", "Saudi Arabia"),
    "SY": P(("Syria", "Syrian Arab Republic"), "Damascus", "Aleppo", "Syria"),
    "TR": P(("Türkiye", "Turkey"), "Ankara", "Istanbul", "Türkiye"),
    "YE": P(("Yemen",), "Sana'a", "Aden", "Yemen"),
    "AU": P(("Australia",), "Canberra", "Sydney", "Australia"),
    "CC": P(("Cocos (Keeling) Islands",), "West Island", "Home Island", None),
    "CX": P(("Christmas Island",), "Flying Fish Cove", "Silver City", None),
    "NF": P(("Norfolk Island",), "Kingston", "Burnt Pine", None),
    "NZ": P(("New Zealand",), "Wellington", "Auckland", "New Zealand"),
    "AS": P(("American Samoa",), "Pago Pago", "Tafuna", None),
    "CK": P(("Cook Islands",), "Avarua", "Arutanga", "the Cook Islands"),
    "FJ": P(("Fiji",), "Suva", "Lautoka", "Fiji"),
    "FM": P(("Federated States of Micronesia",), "Palikir", "Kolonia", None),
    "GU": P(("Guam",), "Hagåtña", "Dededo", None),
    "KI": P(("Kiribati",), "Tarawa", "Betio", "Kiribati"),
    "MH": P(("Marshall Islands",), "Majuro", "Ebeye", "the Marshall Islands"),
    "MP": P(("Northern Mariana Islands",), "Saipan", "Garapan", None),
    "NC": P(("New Caledonia",), "Nouméa", "Koné", None),
    "NR": P(("Nauru",), "Yaren", "Denigomodu", "Nauru"),
    "NU": P(("Niue",), "Alofi", "Hakupu", "Niue"),
    "PF": P(("French Polynesia",), "Papeete", "Faaa", None),
    "PG": P(("Papua New Guinea",), "Port Moresby", "Lae", "Papua New Guinea"),
    "PN": P(("Pitcairn Islands",), "Adamstown", "Adamstown", None),
    "PW": P(("Palau",), "Ngerulmud", "Koror", "Palau"),
    "SB": P(("Solomon Islands",), "Honiara", "Gizo", "Solomon Islands"),
    "TK": P(("Tokelau",), "Fakaofo", "Nukunonu", None),
    "TO": P(("Tonga",), "Nuku'alofa", "Neiafu", "Tonga"),
    "TV": P(("Tuvalu",), "Funafuti", "Vaitupu", "Tuvalu"),
    "VU": P(("Vanuatu",), "Port Vila", "Luganville", "Vanuatu"),
    "WF": P(("Wallis and Futuna",), "Mata-Utu", "Leava", None),
    "WS": P(("Samoa",), "Apia", "Salelologa", "Samoa"),
}
SPECIAL_LIBRARIES = {"JP": "National Diet Library", "KP": "Grand People's Study House"}

CONVENORS = ["Chen Ying", "Aiko Tanaka", "Min-jung Park", "Bolormaa Dorj", "Siti Rahman", "Nguyen Thi Lan",
             "Ananya Sharma", "Farhana Hossain", "Aigerim Bekova", "Layla Haddad", "Sarah Mitchell", "Losana Vuki",
             "Tenzin Wangmo", "Rustam Karimov", "Maria Santos", "Ravi Perera", "Mere Tane", "Ahmad Yusuf"]
EVENT_KINDS = ["Workshop on {t}", "Seminar on {t}", "International Symposium on {t}", "Training Course on {t}",
               "Forum on {t}", "Conference on {t}", "Webinar on {t}", "Summer School on {t}",
               "Roundtable on {t}", "Regional Meeting on {t}"]
TOPICS = ["Digital Preservation", "Reading Promotion for Children", "Open Access Publishing",
          "Library Services for Persons with Print Disabilities", "Information Literacy",
          "Public Library Development", "Cataloguing and Metadata Standards",
          "Libraries and the Sustainable Development Goals", "Disaster Preparedness in Libraries",
          "Indigenous Knowledge Collections", "Research Data Management", "Rare Book Conservation",
          "Mobile Library Services", "Copyright and Libraries", "Library Leadership", "School Library Development",
          "Community Engagement", "Digital Literacy for Seniors", "Smart Library Services",
          "Local History Collections", "Multilingual Collections", "Library Statistics"]
ANNUAL = ["National Reading Festival {y}", "Library Week {y}", "World Book Day {y} Celebration",
          "Annual Conference of Librarians {y}", "Children's Reading Month {y}"]
RELEASES = ["Guide on {t}", "Union Catalogue Portal for {t}", "National Guidelines on {t}", "Toolkit on {t}"]
QUOTED = ["International Symposium on “Libraries – Keeping Pace with the Times”",
          "Forum “Reading for All, All for Reading”", "Conference “Libraries Connect Communities”"]
HEADINGS = {
    "A": "Promotion of IFLA and IFLA-RSCAO and its programs and activities in the sub-region (Please provide details):",
    "B": "Encourage professional colleagues in the sub-region to join IFLA and its activities (Please provide details):",
    "C": ("Work closely with the Regional Office and organizers, if a country in the sub-region has been selected "
          "to host", "the mid-term meeting (Please provide details):"),
    "D": "Arrange and upload photos and short write ups of activities for the RSCAO Facebook page (Please Provide details):",
    "E": "Other activities, if any (Please provide details):",
}
SECTIONS_II_III = (
    "II. Brief details with links to information where available, of **two (2) most impactful activities in each "
    "country** in the sub-region, for example, activities of: library association/s; different types of libraries; "
    "library studies programs; any conferences, workshops or seminars and so on. Please add more rows, etc. as "
    "required.\n\n"
    "III. For impact, please state the **related IFLA Strategy 2019-2024**\n\n"
    "- SD 1 – strengthen the global voice of libraries\n"
    "- SD 2 – inspire and enhance professional practice\n"
    "- SD 3 – connect and empower the field\n"
    "- SD 4 – optimise our organization\n"
)


def _check_countries() -> None:
    """Every country used is of region Asia or Oceania in data/countries.csv."""
    with (DATA / "countries.csv").open(encoding="utf-8", newline="") as handle:
        region = {row["code"]: row["region"] for row in csv.DictReader(handle)}
    for codes in SUBREGIONS.values():
        for code in codes:
            if region.get(code) not in ("Asia", "Oceania"):
                raise SystemExit(f"{code} is not in region Asia/Oceania in data/countries.csv")


def strategy_labels() -> dict[str, str]:
    """Notation -> skos:prefLabel from data/strategy-2019-2024.ttl (read with a regex: no rdflib needed)."""
    text = (DATA / "strategy-2019-2024.ttl").read_text(encoding="utf-8")
    pairs = re.findall(r'skos:notation "([\d.]+)" ;\s*skos:prefLabel "([^"]+)"@en', text)
    labels = dict(pairs)
    if len(labels) != 20:
        raise SystemExit(f"expected 20 concepts in strategy-2019-2024.ttl, found {len(labels)}")
    return labels


LABELS = strategy_labels()
SUBREGION_NAMES = list(SUBREGIONS)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# --- periods and (sub-region, period) combinations --------------------------------------------------

def period_of(h: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """Half-year h: h=0 is March 2019 - September 2019, h=1 September 2019 - March 2020, ..."""
    year = 2019 + (h // 2)
    return ((year, 3), (year, 9)) if h % 2 == 0 else ((year, 9), (year + 1, 3))


BASE_PERIODS = list(range(0, 11))  # March 2019 - September 2019 ... March 2024 - September 2024


def _ring(k: int) -> list[int]:
    """Periods added at ring k >= 1: two after 2024 and two before 2019, moving outwards."""
    return [11 + 2 * (k - 1), 12 + 2 * (k - 1), -2 * k + 1, -2 * k]


def combination(index: int, seed: int, strict_years: bool) -> tuple[str, int, int]:
    """(sub-region, half-year, resubmission number) of report ``index``.

    The 77 combinations of 2019-2024 come first (in a seeded order). Past them, by default the years widen
    outwards (2025 and 2018, then 2026 and 2017, ...) so every report has its own sub-region and period;
    with ``strict_years`` the combinations repeat instead and each repeat is an intended resubmission.
    """
    base = [(s, h) for s in SUBREGION_NAMES for h in BASE_PERIODS]
    random.Random(f"combos:{seed}:0").shuffle(base)
    if index < len(base):
        return base[index][0], base[index][1], 0
    if strict_years:
        sub, h = base[index % len(base)]
        return sub, h, index // len(base)
    rest = index - len(base)
    per_ring = len(SUBREGION_NAMES) * 4
    k = rest // per_ring + 1
    ring = [(s, h) for s in SUBREGION_NAMES for h in _ring(k)]
    random.Random(f"combos:{seed}:{k}").shuffle(ring)
    sub, h = ring[rest % per_ring]
    return sub, h, 0


def months_in(h: int) -> list[tuple[int, int]]:
    (y1, m1), (y2, m2) = period_of(h)
    out, y, m = [], y1, m1
    while (y, m) <= (y2, m2):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def days_in(y: int, m: int) -> int:
    return ((dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.date(y, m, 1)).days


# --- report text ------------------------------------------------------------------------------------

def _p(*paragraphs: str) -> str:
    return " ".join(f"<p>{x}</p>" for x in paragraphs)


class ReportWriter:
    """Writes one report; ``truth`` collects what was written in the shape of ``report_to_dict``."""

    def __init__(self, index: int, seed: int, strict_years: bool, countries: tuple[int, int],
                 activities: tuple[int, int]) -> None:
        self.index = index
        self.rng = random.Random(f"rscao-bench:{seed}:{index}")
        self.sub_region, self.h, self.resubmission = combination(index, seed, strict_years)
        self.n_countries, self.n_activities = countries, activities
        self.period = period_of(self.h)
        self.months = months_in(self.h)
        self.truth: dict[str, Any] = {}
        self.url_counter = 0

    # small pieces ------------------------------------------------------------------------------------

    def pick(self, seq: list[Any] | tuple[Any, ...]) -> Any:
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def libraries(self, code: str) -> list[str]:
        """Names of libraries and associations of a country; the first names the country."""
        place = PLACES[code]
        names = []
        if code in SPECIAL_LIBRARIES:
            names.append(SPECIAL_LIBRARIES[code])
        if place.library_of:
            names += [f"National Library of {place.library_of}", f"University of {place.library_of} Library",
                      f"Library Association of {place.library_of}"]
        names += [f"{place.capital} Public Library", f"{place.city} City Library"]
        if not place.library_of and code not in SPECIAL_LIBRARIES:
            names.insert(0, f"{place.names[0]} Library Service")
        return names

    def url(self, code: str, kind: str) -> str:
        """A link as reports give them: bare, sometimes with a port, a query string, "!" or "#"."""
        self.url_counter += 1
        n = self.rng.randrange(1000, 99999)
        tld = {"GB": "uk"}.get(code, code.lower())
        host = self.pick([f"www.nl.gov.{tld}", f"www.lib.{tld}", f"library.gov.{tld}", "www.ifla.org",
                          f"news.example.{tld}", f"www.la.org.{tld}"])
        scheme = self.pick(["https", "https", "http"])
        shape = self.rng.randrange(8)
        if host == "www.ifla.org":
            return f"https://www.ifla.org/node/{n}" + ("?og=67" if shape == 0 else "")
        if shape == 0:
            return f"{scheme}://{host}:8080/foreign/index!{n % 10}"
        if shape == 1:
            return f"{scheme}://{host}/news/{self.pick(self.months)[0]}/{n}.html?lang=en&page={n % 7 + 1}"
        if shape == 2:
            return f"{scheme}://{host}/{kind}/{n}#programme"
        if shape == 3:
            return f"{scheme}://{host}:8443/events/{n}/"
        if shape == 4:
            return f"{scheme}://{host}/contents/{n % 2000}/{n}.html"
        return f"{scheme}://{host}/{kind}/{n}"

    def case(self, label: str) -> str:
        """A strategy label as reports write it: official, sentence case or lower case."""
        r = self.rng.random()
        if r < 0.45:
            return label
        if r < 0.85:
            return label[0].upper() + label[1:].lower()
        return label.lower()

    # header and section I ----------------------------------------------------------------------------

    def header(self) -> str:
        (y1, m1), (y2, m2) = self.period
        base = dt.date(y2, m2, 1) + dt.timedelta(days=self.rng.randrange(0, 40))
        submitted = base + dt.timedelta(days=7 * self.resubmission + (3 if self.resubmission else 0))
        self.convenor = self.pick(CONVENORS)
        self.truth.update({
            "sub_region": self.sub_region, "convenor": self.convenor,
            "period": {"start": f"{y1:04d}-{m1:02d}", "end": f"{y2:04d}-{m2:02d}"},
            "submitted": submitted.isoformat(), "resubmission": self.resubmission,
        })
        return ("\n\n\n\n**IFLA- Regional Standing Committee for Asia and Oceania\n(IFLA - RSCAO)\n"
                "Bi-annual Sub-Regional Report\n"
                f"[Reporting Period: {MONTHS[m1 - 1]} {y1} – {MONTHS[m2 - 1]} {y2}]**\n\n"
                f"Sub-region: {self.sub_region} Convenor: {self.convenor}\n\n"
                f"Date of submission: {submitted.day} {MONTHS[submitted.month - 1]} {submitted.year}\n\n")

    def section_one(self, codes: list[str]) -> str:
        rng = self.rng
        _, (y2, _) = self.period
        items: dict[str, list[str]] = {}
        urls: dict[str, list[str]] = {}

        def item(letter: str, text: str, links: list[str]) -> None:
            items.setdefault(letter, []).append(text)
            urls.setdefault(letter, []).extend(links)

        for _ in range(rng.randint(1, 3)):
            code = self.pick(codes)
            lib = self.libraries(code)[0]
            links = [f"https://www.ifla.org/node/{rng.randrange(10000, 99999)}" for _ in range(rng.randint(0, 2))]
            tail = (" " + ", ".join(f"<{u}>" for u in links) + ".") if links else "."
            text = self.pick([
                f"Shared IFLA's statements and the IFLA Strategy 2019-2024 with the library community of "
                f"{PLACES[code].names[0]}, and encouraged the {lib} to share its news with IFLA",
                f"Worked closely with the {lib} to promote the values and key initiatives of IFLA, "
                f"which have also been shared on the IFLA website",
                f"Promoted IFLA and IFLA-RSCAO at the annual meeting of librarians in {PLACES[code].capital}, "
                f"and encouraged libraries to join IFLA as members",
            ]) + tail
            item("A", text, links)
        code = self.pick(codes)
        b_items = [f"Spread the call for papers and encouraged librarians of {PLACES[code].names[0]} to submit "
                   f"articles to the IFLA Asia and Oceania Regional Quarterly Newsletter.",
                   f"Spread the information (dates, venues) about the {y2} WLIC and encouraged library "
                   f"professionals to attend IFLA conferences."]
        for text in rng.sample(b_items, rng.randint(1, 2)):
            item("B", text, [])
        if self.chance(0.6):
            item("C", f"Kept close contacts with the IFLA Asia and Oceania Regional Office on the preparation "
                      f"for the {y2} Mid-term meeting.", [])
        if self.chance(0.5):
            item("D", "Photos and short write ups of the activities below were sent to the Information "
                      "Coordinator for the RSCAO Facebook page.", [])
        if self.chance(0.3):
            item("E", f"Took part in the online meeting of the sub-regional convenors in {MONTHS[self.months[-1][1] - 1]}.", [])

        out = ["I. Achievements in the key roles and responsibilities as sub-regional convenor:\n"]
        actions = []
        for letter in "ABCDE":
            heading = HEADINGS[letter]
            if isinstance(heading, tuple):
                out.append(f"{letter}. {heading[0]}\n")
                out.append(f"{heading[1]}\n")
            else:
                out.append(f"{letter}. {heading}\n")
            texts = items.get(letter, [])
            numbered = len(texts) > 1 or (texts and letter in "AB" and self.chance(0.7))
            for i, text in enumerate(texts, start=1):
                out.append(f"{i}\\ {text}\n" if numbered else f"{text}\n")
                actions.append({"heading": letter, "number": i if numbered else None})
        self.truth["headings"] = list("ABCDE")
        self.truth["convenor_actions"] = actions
        self.truth["action_urls"] = [u for letter in "ABCDE" for u in urls.get(letter, [])]
        return "\n".join(out) + "\n"

    # activities --------------------------------------------------------------------------------------

    def date(self, shape: str) -> tuple[str, dict[str, Any]]:
        """A date phrase (with its lead-in) and the expected start/end/precision."""
        y, m = self.pick(self.months)
        last = days_in(y, m)
        d = self.rng.randint(1, last - 3)
        mon = "Sept" if m == 9 and self.chance(0.2) else ABBR[m - 1]
        if shape == "cross-month" and m == 12:
            shape = "range"  # "Dec 30 - Jan 2, 2020" would give both days the year 2020
        if shape == "range":
            d2 = d + self.rng.randint(1, 3)
            return (f"on {mon} {d}-{d2}, {y}",
                    {"start": f"{y:04d}-{m:02d}-{d:02d}", "end": f"{y:04d}-{m:02d}-{d2:02d}", "precision": "day",
                     "y": y, "m": m, "d": d})
        if shape == "cross-month":
            d = last - self.rng.randint(0, 2)
            y2, m2 = (y + 1, 1) if m == 12 else (y, m + 1)
            d2 = self.rng.randint(1, 3)
            return (f"on {ABBR[m - 1]} {d} - {ABBR[m2 - 1]} {d2}, {y}",
                    {"start": f"{y:04d}-{m:02d}-{d:02d}", "end": f"{y2:04d}-{m2:02d}-{d2:02d}", "precision": "day",
                     "y": y, "m": m, "d": d})
        if shape == "long":
            return (f"on {MONTHS[m - 1]} {d}, {y}",
                    {"start": f"{y:04d}-{m:02d}-{d:02d}", "end": None, "precision": "day", "y": y, "m": m, "d": d})
        if shape == "short":
            return (f"on {mon} {d}, {y}",
                    {"start": f"{y:04d}-{m:02d}-{d:02d}", "end": None, "precision": "day", "y": y, "m": m, "d": d})
        if shape == "month":
            return (f"in {ABBR[m - 1]} {y}",
                    {"start": f"{y:04d}-{m:02d}", "end": None, "precision": "month", "y": y, "m": m, "d": None})
        if shape == "yearless":
            return (f"on {ABBR[m - 1]} {d}",
                    {"start": f"{y:04d}-{m:02d}-{d:02d}", "end": None, "precision": "day", "y": y, "m": m, "d": d,
                     "inferred": True})
        return "", {"start": None, "end": None, "precision": None, "y": y, "m": m, "d": None}

    def citations(self) -> tuple[list[str], list[dict[str, str]]]:
        """Impact paragraphs: 1-3 key initiatives (4.x has no official wording: never cited), each under its
        direction (written before them, sometimes left out); sometimes a direction alone."""
        chosen: list[str] = []
        if self.chance(0.1):
            chosen = [self.pick(["1", "2", "3", "4"])]
        else:
            pool = [n for n in LABELS if "." in n and not n.startswith("4.")]
            chosen = sorted(self.rng.sample(pool, self.rng.randint(1, 3)), key=lambda n: tuple(map(int, n.split("."))))
        paragraphs, truth = [], []
        written: set[str] = set()
        with_direction = {n.split(".")[0]: self.chance(0.85) for n in chosen}
        for notation in chosen:
            direction = notation.split(".")[0]
            if "." in notation and direction not in written and with_direction[direction]:
                label = self.case(LABELS[direction])
                paragraphs.append(f"{direction}. {label}")
                truth.append({"notation": direction, "label": label})
                written.add(direction)
            label = self.case(LABELS[notation])
            if "." in notation:
                paragraphs.append(f"{notation}{'.' if self.chance(0.1) else ''} {label}")
            else:
                paragraphs.append(f"{notation}. {label}")
            truth.append({"notation": notation, "label": label})
            written.add(notation)
        return paragraphs, truth

    def details(self, code: str, org: str, kind_word: str, name: str, topic: str, when: dict[str, Any],
                foreign: list[str]) -> list[str]:
        place = PLACES[code]
        rng = self.rng
        country = place.names[0]
        city = self.pick([place.capital, place.city])
        where = city if city == country else f"{city}, {country}"
        date_text = ""
        if when.get("d") is not None:
            date_text = f" on {MONTHS[when['m'] - 1]} {when['d']}, {when['y']}" if rng.random() < 0.7 else \
                f" on {when['d']} {MONTHS[when['m'] - 1]} {when['y']}"
        elif when.get("start"):
            date_text = f" in {MONTHS[when['m'] - 1]} {when['y']}"
        if kind_word == "publication":
            first = f"The {org} released the {name}{date_text}, after a review by libraries in {where}."
        elif kind_word == "programme":
            first = f"The {org} organized programmes on {topic.lower()} in {where} through the year."
        else:
            first = f"The {org} held the {kind_word.lower()} in {where}{date_text}."
        if foreign:
            first += (f" Library professionals from {rng.randint(4, 15)} countries such as "
                      f"{', '.join(foreign[:-1])} and {foreign[-1]}, as well as librarians from the domestic "
                      f"library community, totaling about {rng.randint(3, 40) * 10} people, attended.")
        paras = [first]
        paras.append(self.pick([
            f"The {kind_word.lower()} focused on {topic.lower()}, with sessions on user-oriented services, "
            f"technology-driven library transformation and cooperation among libraries all over the world.",
            f"Participants discussed {topic.lower()} and shared the best practices of public, academic and "
            f"special libraries in {country}.",
            f"It is of great significance for promoting the development of librarianship in {country} and for "
            f"enhancing exchanges and cooperation among libraries in the region.",
        ]))
        if rng.random() < 0.6:
            paras.append(self.pick([
                f"The {self.pick(self.libraries(code))} will publish the proceedings and training materials "
                f"online for libraries that could not attend.",
                "The programme aims to better meet the cultural needs of the public through the transformation "
                "and high quality development of libraries.",
                "These activities are of great help in supporting life-long learning and social education, and "
                "a follow-up meeting is planned for next year.",
            ]))
        return paras

    def visit_details(self, code: str, host: str, when: dict[str, Any]) -> list[str]:
        """The sample's trap: an activity reported under one country that took place in another (a
        delegation visiting a library abroad); the visited country is named as often as the home one."""
        home, abroad = PLACES[code], PLACES[host]
        date_text = f" on {MONTHS[when['m'] - 1]} {when['d']}, {when['y']}" if when.get("d") else ""
        members = [n for n in self.libraries(code) if "Association" not in n][:3]
        return [f"A delegation from the library community in {home.names[0]} came to visit the "
                f"{self.libraries(host)[0]} in {abroad.capital}, {abroad.names[0]}{date_text}.",
                f"The visiting delegation included members from the {', the '.join(members)}. Through this visit, "
                f"the libraries involved hope to achieve resource sharing through exchanges."]

    def activity(self, code: str, ordinal: int, neighbours: list[str]) -> dict[str, Any]:
        rng = self.rng
        place = PLACES[code]
        libs = self.libraries(code)
        topic = self.pick(TOPICS)
        form = self.pick(["held_at", "held_at", "organized_by", "held_in", "plain", "plain", "released",
                          "annual", "none"])
        visited = [c for c in neighbours if c in SUBREGIONS[self.sub_region] and PLACES[c].library_of]
        if visited and rng.random() < 0.05:
            form = "visit"
        shape = self.pick(["range", "long", "short", "month", "yearless", "short", "range", "cross-month"])
        if form == "none":
            shape = "none"
        if form in ("held_at", "held_in") and shape == "month":
            shape = "short"
        if form == "released" and shape in ("range", "cross-month"):
            shape = self.pick(["short", "long", "month"])
        phrase, when = self.date(shape)
        if form == "annual":
            name = self.pick(ANNUAL).format(y=when["y"])
            kind_word = "festival"
        elif form == "released":
            name = self.pick(RELEASES).format(t=topic)
            kind_word = "publication"
        elif form == "visit":
            host = self.pick(visited)
            name = f"Library Delegation from {place.names[0]} Visits {PLACES[host].capital}"
            kind_word = "visit"
        elif rng.random() < 0.07:
            name = self.pick(QUOTED)
            kind_word = "symposium"
        else:
            pattern = self.pick(EVENT_KINDS)
            name = pattern.format(t=topic)
            kind_word = pattern.split(" ")[0] if not pattern.startswith("International") else "symposium"
        org = libs[0] if rng.random() < 0.6 else self.pick(libs)
        city = self.pick([place.capital, place.city])
        where = city if city == place.names[0] else f"{city}, {place.names[0]}"
        if form == "held_at":
            line = f"{name} was held at the {org} {phrase}"
        elif form == "organized_by":
            line = f"{name} was {self.pick(['organized', 'organised'])} by the {org} {phrase}"
        elif form == "held_in":
            line = f"{name} Held {phrase} in {where}"
        elif form == "released":
            line = f"{name} {self.pick(['Released', 'Launched'])} {phrase}"
        elif form == "none":
            line = f"The {org} active in organizing {topic.lower()} programmes for the public"
            name, kind_word = line, "programme"
        else:
            line = f"{name} {phrase}"
        foreign = []
        if rng.random() < 0.15 and neighbours:
            foreign = rng.sample(neighbours, min(len(neighbours), rng.randint(2, 3)))
            foreign = [PLACES[c].names[0] for c in foreign]
        if form == "visit":
            details = self.visit_details(code, host, when)
        else:
            details = self.details(code, org, kind_word, name, topic, when, foreign)
        n_links = self.pick([0, 1, 1, 1, 2, 2, 3])
        urls = [self.url(code, self.pick(["news", "events", "activity"])) for _ in range(n_links)]
        citations, cited = self.citations()
        truth = {"country": code, "ordinal": ordinal, "name": name, "start": when["start"], "end": when["end"],
                 "precision": when["precision"], "inferred": bool(when.get("inferred")), "urls": urls,
                 "citations": cited, "details": details, "form": form, "shape": shape}
        return {"line": line, "details": details, "urls": urls, "impact": citations, "truth": truth}

    def links_paragraph(self, urls: list[str]) -> str:
        label = self.pick(["Links:", "Links:", "Links:", "Links:", "Links :", "Links: :"])
        if not urls:
            return "Links:"
        sep = " " if self.rng.random() < 0.85 else ", "
        return f"{label} {sep.join(urls)}"

    def rows(self, act: dict[str, Any], country_cell: str) -> str:
        """The table row(s) of one activity: one line, or two separated by a blank line (a page break)."""
        rng = self.rng
        name_p = f"#{act['truth']['ordinal']} Name and Date: {act['line']}"
        details = list(act["details"])
        impact = list(act["impact"])
        links_p = self.links_paragraph(act["urls"])
        activity_paras = [name_p, "Details:", *details, links_p]
        if rng.random() >= 0.15:
            return f"{country_cell}\t{_p(*activity_paras)}\t{_p(*impact)}\n"
        kind = self.pick(["mid-sentence", "after-name", "lone-link", "between-paragraphs", "mid-label"])
        if kind == "lone-link" and act["urls"]:
            first = [name_p, "Details:", *details, "Links:"]
            sep = " " if rng.random() < 0.85 else ", "
            second = [sep.join(act["urls"])]
            return f"{country_cell}\t{_p(*first)}\t{_p(*impact)}\n\n\t{_p(*second)}\t\n"
        if kind == "after-name":
            cut = rng.randint(1, len(impact)) if len(impact) > 1 else 1
            return (f"{country_cell}\t{_p(name_p)}\t{_p(*impact[:cut])}\n\n"
                    f"\t{_p('Details:', *details, links_p)}\t{_p(*impact[cut:]) if impact[cut:] else ''}\n")
        if kind == "between-paragraphs" and len(details) > 1:
            k = rng.randint(1, len(details) - 1)
            return (f"{country_cell}\t{_p(name_p, 'Details:', *details[:k])}\t{_p(*impact)}\n\n"
                    f"\t{_p(*details[k:], links_p)}\t\n")
        if kind == "mid-label":
            last = impact[-1]
            words = last.split(" ")
            if len(words) > 4:
                k = rng.randint(2, len(words) - 2)
                head, tail = " ".join(words[:k]), " ".join(words[k:])
                if not tail[0].isdigit():
                    return (f"{country_cell}\t{_p(*activity_paras[:-1])}\t{_p(*impact[:-1], head)}\n\n"
                            f"\t{_p(links_p)}\t{_p(tail)}\n")
        # mid-sentence (and the fallback): a details paragraph broken between two words
        i = rng.randrange(len(details))
        words = details[i].split(" ")
        cuts = [k for k in range(2, len(words) - 1) if not words[k - 1].endswith(tuple('.!?;:"”’),'))]
        if not cuts:
            return f"{country_cell}\t{_p(*activity_paras)}\t{_p(*impact)}\n"
        k = self.pick(cuts)
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        cut_impact = rng.randint(1, len(impact))
        first = [name_p, "Details:", *details[:i], head]
        second = [tail, *details[i + 1:], links_p]
        return (f"{country_cell}\t{_p(*first)}\t{_p(*impact[:cut_impact])}\n\n"
                f"\t{_p(*second)}\t{_p(*impact[cut_impact:]) if impact[cut_impact:] else ''}\n")

    def table(self, codes: list[str]) -> str:
        mode = self.pick(["empty", "empty", "first", "every"])
        out = ["Country\tActivities\tImpact\n"]
        activities = []
        for code in codes:
            country_name = self.pick(PLACES[code].names) if self.chance(0.3) else PLACES[code].names[0]
            neighbours = [c for c in SUBREGIONS[self.sub_region] if c != code] + ["AU", "JP", "SG"]
            neighbours = [c for c in dict.fromkeys(neighbours) if c != code]
            for ordinal in range(1, self.rng.randint(*self.n_activities) + 1):
                act = self.activity(code, ordinal, neighbours)
                stated = mode == "every" or (mode == "first" and ordinal == 1)
                cell = f"<p>{country_name}</p>" if stated else ""
                act["truth"]["country_stated"] = country_name if mode != "empty" else None
                out.append(self.rows(act, cell))
                activities.append(act["truth"])
        self.truth["country_column"] = mode
        self.truth["activities"] = activities
        return "".join(out).rstrip("\n")

    def write(self) -> tuple[str, str]:
        rng = self.rng
        pool = list(SUBREGIONS[self.sub_region])
        k = min(len(pool), rng.randint(*self.n_countries))
        codes = rng.sample(pool, k)
        text = self.header() + self.section_one(codes) + SECTIONS_II_III + "\n" + self.table(codes)
        (y1, m1), (y2, m2) = self.period
        name = f"{self.index + 1:04d}-{slug(self.sub_region)}-{y1:04d}-{m1:02d}--{y2:04d}-{m2:02d}.md"
        self.truth["file"] = name
        return name, text


def generate_report(index: int, seed: int = 0, *, strict_years: bool = False, countries: tuple[int, int] = (3, 6),
                    activities: tuple[int, int] = (2, 5)) -> tuple[str, str, dict[str, Any]]:
    """File name, text and ground truth of report ``index`` (0-based)."""
    writer = ReportWriter(index, seed, strict_years, countries, activities)
    name, text = writer.write()
    return name, text, writer.truth


def _range(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)(?:-(\d+))?", text)
    if not m:
        raise argparse.ArgumentTypeError(f"expected N or MIN-MAX, got {text!r}")
    low, high = int(m.group(1)), int(m.group(2) or m.group(1))
    if not 1 <= low <= high:
        raise argparse.ArgumentTypeError(f"bad range {text!r}")
    return low, high


def add_shape_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=0, help="seed (default 0)")
    parser.add_argument("--countries", type=_range, default=(3, 6), metavar="MIN-MAX",
                        help="countries per report (default 3-6)")
    parser.add_argument("--activities", type=_range, default=(2, 5), metavar="MIN-MAX",
                        help="activities per country (default 2-5)")
    parser.add_argument("--strict-years", action="store_true",
                        help="keep every period within 2019-2024: past the 77 (sub-region, period) combinations, "
                             "reports are resubmissions (a later submission of the same sub-region and period)")


def write_corpus(n: int, out: Path, seed: int = 0, **shape: Any) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, text, _ = generate_report(i, seed, **shape)
        path = out / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("outdir", type=Path, help="folder to write them into (created if missing)")
    add_shape_options(parser)
    args = parser.parse_args(argv)
    _check_countries()
    paths = write_corpus(args.n, args.outdir, args.seed, strict_years=args.strict_years,
                         countries=args.countries, activities=args.activities)
    print(f"wrote {len(paths)} report(s) into {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
