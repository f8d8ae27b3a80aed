"""The model as plain data (``rscao-graph parse --format json``) and as a readable summary (``text``)."""

from __future__ import annotations

from typing import Any

from ..errors import shown_name
from ..model import Activity, DateValue, Link, Mention, Note, Report, SourceSpan, Text, link_problem

__all__ = ["report_summary", "report_to_dict"]


def _span(span: SourceSpan) -> dict[str, Any]:
    found: dict[str, Any] = {"file": span.file, "line": span.line, "end_line": span.end_line, "start": span.start,
                             "end": span.end}
    if span.locator is not None:  # a document (.docx, HTML): where the span stands in it
        found["where"] = span.locator.label()
    return found


def _text(text: Text | None) -> str | None:
    return text.value if text is not None else None


def _named(mentions: tuple[Mention, ...], kind: str) -> list[dict[str, Any]]:
    found = []
    for m in mentions:
        if m.kind != kind:
            continue
        entry: dict[str, Any] = {"name": m.name, "id": m.key, "country": m.country, "role": m.role,
                                 "line": m.span.line}
        if kind == "place":
            entry["geonames"] = m.geonames
        if kind == "person":
            entry.update(title=m.title, position=m.position, affiliation=m.affiliation)
        found.append(entry)
    return found


def _links(links: tuple[Link, ...]) -> list[dict[str, Any]]:
    return [{"url": link.text, "label": link.label, "problem": link_problem(link.text), "line": link.span.line}
            for link in links]


def _date(date: DateValue | None) -> dict[str, Any]:
    if date is None:
        return {"start": None, "end": None, "date_text": None, "date_precision": None, "date_inferred": None,
                "date_open_end": False, "date_problem": None}
    return {"start": date.start, "end": date.end, "date_text": date.text, "date_precision": date.precision,
            "date_inferred": date.inferred, "date_open_end": date.open_end, "date_problem": date.problem}


def _activity(activity: Activity) -> dict[str, Any]:
    return {
        "country": activity.country,
        "country_source": activity.country_source,
        "country_stated": activity.country_text,
        "country_carried": activity.country_carried,
        "ordinal": activity.ordinal,
        "ordinal_inferred": activity.ordinal_inferred,
        "name": _text(activity.name),
        **_date(activity.date),
        "details": [d.value for d in activity.details],
        "urls": [link.text for link in activity.links],
        "links": _links(activity.links),
        "url_mentions": [link.text for link in activity.url_mentions],
        "directions": list(activity.directions),
        "initiatives": list(activity.initiatives),
        "citations": [{"notation": c.notation, "label": c.label, "inferred": c.inferred, "line": c.span.line}
                      for c in activity.citations],
        "organisations": _named(activity.mentions, "organisation"),
        "places": _named(activity.mentions, "place"),
        "people": _named(activity.mentions, "person"),
        "countries_named": _named(activity.mentions, "country"),
        "works": _named(activity.mentions, "work"),
        "unparsed": [t.value for t in activity.unparsed],
        "source": _span(activity.span),
    }


def _note(note: Note) -> dict[str, Any]:
    found = {"code": note.code, "severity": note.severity, "message": note.message, "file": note.span.file,
             "line": note.span.line}
    if note.span.locator is not None:
        found["where"] = note.span.where()
    return found


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (the shape documented for ``rscao-graph parse --format json``)."""
    period = report.period
    return {
        "file": report.file,
        "committee": _text(report.committee),
        "sub_region": _text(report.sub_region),
        "convenor": _text(report.convenor),
        "convenor_title": report.convenor_title,
        "period": None if period is None else {"start": period.start, "end": period.end, "text": period.text},
        "submitted": None if report.submitted is None else report.submitted.start,
        "submitted_text": None if report.submitted is None else report.submitted.text,
        "headings": [{"heading": h.letter, "title": h.title.value, "line": h.title.span.line}
                     for h in report.headings],
        "convenor_actions": [
            {"heading": a.heading, "number": a.number, "text": a.text.value, "urls": [u.text for u in a.urls],
             "organisations": _named(a.mentions, "organisation"), "people": _named(a.mentions, "person"),
             "places": _named(a.mentions, "place"), "works": _named(a.mentions, "work"), "line": a.text.span.line}
            for a in report.actions
        ],
        "activities": [_activity(a) for a in report.activities],
        "unparsed": [{"text": t.value, "line": t.span.line} for t in report.unparsed],
        "notes": [_note(n) for n in report.notes],
    }


def _date_text(date: DateValue | None) -> str:
    if date is None:
        return "no date"
    if date.start is None:
        return f'"{date.text}" (not a calendar date)'
    value = date.start + (f"/{date.end}" if date.end else "")
    return value + (f" ({date.inferred})" if date.inferred else "")


def report_summary(report: Report) -> str:
    """A readable, one-screen-per-report summary; the file is named with
    :func:`~rscao_graph.errors.shown_name`, so that its name cannot split or forge a ``FILE:LINE:`` line."""
    period = report.period
    lines = [
        shown_name(report.file),
        f"  sub-region  {_text(report.sub_region) or '-'}",
        f"  convenor    {_text(report.convenor) or '-'}",
        f"  period      {period.start if period else '-'} to {period.end if period else '-'}",
        f"  submitted   {report.submitted.start if report.submitted else '-'}",
        "  section I   " + ", ".join(f"{h.letter} {sum(1 for a in report.actions if a.heading == h.letter)}"
                                     for h in report.headings),
        f"  activities  {len(report.activities)}",
    ]
    for a in report.activities:
        country = (a.country or a.country_text or "??") + ("*" if a.country_source == "inferred" else "")
        lines.append(f"    {country:<4} #{a.ordinal if a.ordinal is not None else '?'}  "
                     f"{(_text(a.name) or '(no name)')[:60]}")
        lines.append(f"           {_date_text(a.date)}; cites {' '.join(c.notation for c in a.citations) or '-'}; "
                     f"{len(a.links)} link(s); "
                     + (a.span.where() if a.span.locator is not None else f"line {a.span.line}"))
    if any(a.country_source == "inferred" for a in report.activities):
        lines.append("  * country inferred from the names in the activity's block")
    if report.notes:
        lines.append(f"  notes       {len(report.notes)}")
        lines.extend(f"    {shown_name(n.span.file)}:{n.span.where()}: {n.severity}: {n.message} [{n.code}]"
                     for n in report.notes)
    return "\n".join(lines)
