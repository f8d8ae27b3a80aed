"""The dataset in figures, computed at build time for the home page: how many reports, activities,
countries and directions, and the series its charts draw (activities per strategic direction per
country, per key initiative, per month).

An activity counts once for each direction it serves and each key initiative it cites; the months
are those of its start date, where the date is known to the month (a year alone counts as undated).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from ..vocab import RDF, RDFS, RSCAO, SCHEMA, SKOS, XSD

__all__ = ["MONTHS_BEFORE_YEARS", "summarise"]

#: A span of more months than this is charted per year.
MONTHS_BEFORE_YEARS = 36
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _notation_key(notation: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in notation.split("."))


def _month_series(months: Counter[str]) -> tuple[str, list[dict[str, Any]]]:
    if not months:
        return "month", []
    first, last = min(months), max(months)
    y0, m0, y1, m1 = int(first[:4]), int(first[5:7]), int(last[:4]), int(last[5:7])
    span = (y1 - y0) * 12 + (m1 - m0) + 1
    if span > MONTHS_BEFORE_YEARS:
        years: Counter[str] = Counter()
        for key, n in months.items():
            years[key[:4]] += n
        return "year", [{"key": str(y), "label": str(y), "activities": years.get(str(y), 0)} for y in range(y0, y1 + 1)]
    out = []
    for i in range(span):
        year, month = y0 + (m0 - 1 + i) // 12, (m0 - 1 + i) % 12 + 1
        key = f"{year:04d}-{month:02d}"
        out.append({"key": key, "label": f"{_MONTH_NAMES[month - 1]} {year}", "activities": months.get(key, 0)})
    return "month", out


def _month(term: Any) -> str | None:
    if not isinstance(term, Literal) or term.datatype not in (XSD.date, XSD.gYearMonth):
        return None
    value = term.value
    return value[:7] if len(value) >= 7 and value[4] == "-" else None


def summarise(quads: Iterable[Quad]) -> dict[str, Any]:
    """The home page's figures from the build's quads (JSON-ready, deterministic)."""
    types: dict[str, set[str]] = defaultdict(set)
    values: dict[tuple[str, str], list[Any]] = defaultdict(list)
    wanted = {RDFS.label, SKOS.prefLabel, SKOS.notation, SCHEMA.name, SCHEMA.startDate, RSCAO.reportedCountry,
              RSCAO.servesDirection, RSCAO.citesConcept, RSCAO.inReport, RSCAO.periodStart, RSCAO.periodEnd,
              RSCAO.subRegion}
    for q in quads:
        if not isinstance(q.subject, NamedNode):
            continue
        if q.predicate == RDF.type and isinstance(q.object, NamedNode):
            types[q.subject.value].add(q.object.value)
        elif q.predicate in wanted:
            values[(q.subject.value, q.predicate.value)].append(q.object)

    def first(iri: str, predicate: NamedNode) -> str:
        found = values.get((iri, predicate.value))
        return found[0].value if found else ""

    def label(iri: str) -> str:
        for predicate in (RDFS.label, SKOS.prefLabel, SCHEMA.name):
            if text := first(iri, predicate):
                return text
        return iri.rsplit("/", 1)[-1]

    def typed(cls: NamedNode) -> list[str]:
        return sorted(i for i, t in types.items() if cls.value in t)

    activities = typed(RSCAO.Activity)
    directions = sorted(typed(RSCAO.StrategicDirection), key=lambda i: _notation_key(first(i, SKOS.notation)))
    initiatives = sorted(typed(RSCAO.KeyInitiative), key=lambda i: _notation_key(first(i, SKOS.notation)))
    per_country: Counter[str] = Counter()
    per_direction: Counter[str] = Counter()
    per_initiative: Counter[str] = Counter()
    per_report: Counter[str] = Counter()
    matrix: dict[str, Counter[str]] = defaultdict(Counter)
    months: Counter[str] = Counter()
    undated = 0
    for activity in activities:
        countries = [c.value for c in values.get((activity, RSCAO.reportedCountry.value), [])]
        served = sorted({d.value for d in values.get((activity, RSCAO.servesDirection.value), [])})
        for country in countries:
            per_country[country] += 1
            for direction in served:
                matrix[country][direction] += 1
        for direction in served:
            per_direction[direction] += 1
        for concept in sorted({c.value for c in values.get((activity, RSCAO.citesConcept.value), [])}):
            per_initiative[concept] += 1
        for report in values.get((activity, RSCAO.inReport.value), []):
            per_report[report.value] += 1
        starts = values.get((activity, SCHEMA.startDate.value), [])
        month = _month(starts[0]) if starts else None
        if month is None:
            undated += 1
        else:
            months[month] += 1
    countries = sorted(per_country, key=lambda c: (-per_country[c], c))
    unit, series = _month_series(months)
    reports = typed(RSCAO.Report)
    return {
        "counts": {"reports": len(reports), "activities": len(activities), "countries": len(countries),
                   "directions": sum(1 for d in directions if per_direction[d])},
        "reports": [{"iri": r, "label": label(r), "start": first(r, RSCAO.periodStart),
                     "end": first(r, RSCAO.periodEnd),
                     "subregion": label(first(r, RSCAO.subRegion)) if first(r, RSCAO.subRegion) else "",
                     "activities": per_report[r]} for r in reports],
        "countries": [{"iri": c, "code": c.rsplit("/", 1)[-1], "label": label(c), "activities": per_country[c],
                       "directions": {d: matrix[c][d] for d in directions if matrix[c][d]}} for c in countries],
        "directions": [{"iri": d, "notation": first(d, SKOS.notation), "label": label(d),
                        "activities": per_direction[d]} for d in directions],
        "initiatives": [{"iri": i, "notation": first(i, SKOS.notation), "label": label(i),
                         "activities": per_initiative[i]} for i in initiatives],
        "months": {"unit": unit, "series": series, "undated": undated},
    }
