"""The page of a report, for a convenor to read and print: its header, section I's headings with the
convenor's actions and what each names, and every activity by country (name, date, details, links, the
strategy it cites, what it names), with the findings of each; read from the report's description, which
holds its whole named graph. People read as the report states them: title, name, job title and
organisation (``Ms. Anita Low``, ``Manager, IFLA Regional Office for Asia and Oceania``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from pyoxigraph import Literal, NamedNode

from ..vocab import DCT, RSCAO, SCHEMA
from .view import Page, PageBuilder, Value

__all__ = ["ActivityView", "ReportView", "report_view"]


@dataclass(frozen=True)
class ActivityView:
    slug: str
    ordinal: str
    name: str
    href: str | None
    date: str
    inferred: str
    details: tuple[str, ...]
    links: tuple[Value, ...]
    citations: tuple[Value, ...]
    named: tuple[Value, ...]
    findings: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ReportView:
    committee: Value
    subregion: Value
    convenor: Value
    period: str
    period_stated: str
    submitted: str
    file: str
    headings: tuple[dict[str, Any], ...]
    countries: tuple[dict[str, Any], ...]


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _date(builder: PageBuilder, activity: NamedNode) -> tuple[str, str]:
    graph = builder.graph
    start, end = graph.text(activity, SCHEMA.startDate), graph.text(activity, SCHEMA.endDate)
    stated = graph.text(activity, RSCAO.statedDate)
    if not start:
        return (f"“{stated}” (not a calendar date)" if stated else "not given"), ""
    shown = f"{start} to {end}" if end else start
    return shown, (f"stated as “{stated}”" if stated and stated != shown else "")


def _activity(builder: PageBuilder, activity: NamedNode, findings: dict[str, list[dict[str, Any]]]) -> ActivityView:
    graph = builder.graph
    date, stated = _date(builder, activity)
    inferred = "; ".join(v.value for v in graph.objects(activity, RSCAO.inferredValue) if isinstance(v, Literal))
    if inferred:
        stated = (stated + "; " if stated else "") + f"inferred: {inferred}"
    description = graph.text(activity, SCHEMA.description)
    links = [builder.node(u) for u in sorted(graph.objects(activity, SCHEMA.url), key=str)]
    links += [builder.literal(s) for s in graph.objects(activity, RSCAO.statedLink) if isinstance(s, Literal)]
    citations = []
    for citation in sorted(graph.objects(activity, RSCAO.cites), key=lambda c: graph.text(c, RSCAO.citedNotation)):
        concept = graph.value(citation, RSCAO.citedConcept)
        notation, cited = graph.text(citation, RSCAO.citedNotation), graph.text(citation, RSCAO.citedLabel)
        note = "" if graph.text(citation, RSCAO.labelFits) != "false" else "the label does not fit the number"
        href = builder.linker.href(concept.value) if isinstance(concept, NamedNode) else None
        citations.append(Value(f"{notation} {cited}".strip(), href, note, concept.value if concept else ""))
    named = [builder.named(n) for p in (SCHEMA.location, SCHEMA.organizer, SCHEMA.mentions)
             for n in sorted(graph.objects(activity, p), key=builder.label)]
    slug = activity.value.rsplit("/", 1)[-1]
    return ActivityView(slug, graph.text(activity, RSCAO.ordinal) or "?",
                        graph.text(activity, SCHEMA.name) or "(no name)", builder.linker.href(activity.value), date,
                        stated, tuple(p for p in description.split("\n\n") if p.strip()), tuple(links),
                        tuple(citations), tuple(dict.fromkeys(named)), tuple(findings.get(activity.value, ())))


def report_view(page: Page, builder: PageBuilder) -> ReportView:
    """The report page's content from the report's ``page`` (its description holds the whole graph)."""
    graph = builder.graph
    report = NamedNode(page.iri)
    findings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in page.findings:
        findings[f["focus"]].append(f)

    def linked(predicate: NamedNode) -> Value:
        node = graph.value(report, predicate)
        return replace(builder.node(node), note="") if node is not None else Value("not given")

    actions: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for action in graph.typed(RSCAO.ConvenorAction):
        actions[graph.value(action, RSCAO.heading)].append(
            {"position": _int(graph.text(action, RSCAO.position)), "text": graph.text(action, SCHEMA.text),
             "href": builder.linker.href(action.value),
             "named": [builder.named(n) for n in sorted(graph.objects(action, SCHEMA.mentions), key=builder.label)]})
    headings: list[dict[str, Any]] = [{"letter": graph.text(h, RSCAO.headingLetter), "title": graph.text(h, DCT.title),
                 "actions": sorted(actions.get(h, []), key=lambda a: a["position"])}
                for h in graph.typed(RSCAO.SectionHeading)]
    by_country: dict[Any, list[ActivityView]] = defaultdict(list)
    for activity in graph.typed(RSCAO.Activity):
        by_country[graph.value(activity, RSCAO.reportedCountry)].append(_activity(builder, activity, findings))
    countries = []
    for country in sorted(by_country, key=lambda c: c.value if isinstance(c, NamedNode) else "~"):
        ordered = sorted(by_country[country], key=lambda a: (_int(a.ordinal), a.slug))
        countries.append({"code": country.value.rsplit("/", 1)[-1] if isinstance(country, NamedNode) else "unknown",
                          "value": replace(builder.node(country), note="") if country is not None
                          else Value("Country not determined"),
                          "activities": ordered})
    source = graph.value(report, RSCAO.sourceDocument)
    start, end = graph.text(report, RSCAO.periodStart), graph.text(report, RSCAO.periodEnd)
    convenor = graph.value(report, RSCAO.convenor)
    return ReportView(linked(RSCAO.committee), linked(RSCAO.subRegion),
                      builder.named(convenor) if convenor is not None else Value("not given"),
                      f"{start} to {end}" if start and end else "not given", graph.text(report, RSCAO.periodStated),
                      graph.text(report, DCT.dateSubmitted) or "not given",
                      graph.text(source, RSCAO.path) if source is not None else "",
                      tuple(sorted(headings, key=lambda h: h["letter"])), tuple(countries))
