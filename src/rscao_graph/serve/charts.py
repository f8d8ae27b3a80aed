"""The home page's charts, drawn on the server as SVG: deterministic (the same figures give the same
bytes), readable without JavaScript (text labels and counts on the bars, a ``<title>`` on each bar for
a tooltip) and each with the table of its figures beside it for screen readers and print.

- activities per strategic direction per country: one row a country, a segment a direction;
- activities per key initiative: one bar each of the 16, coloured by their direction;
- activities per month of their start date (per year when the dates span more than three years).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from .links import Linker

__all__ = ["COLOURS", "Chart", "direction_country_chart", "home_charts", "initiative_chart", "month_chart"]

#: One colour per strategic direction (Okabe-Ito: distinguishable with colour-blindness), then grey.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#777777")
_WIDTH = 760
_LABEL = 250
_ROW = 24
_BAR = 16


@dataclass(frozen=True)
class Chart:
    """An SVG chart, the number of bars it draws, and its figures as a table (header, rows)."""

    id: str
    title: str
    svg: Markup
    bars: int
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _n(x: float) -> str:
    """A coordinate with at most one decimal."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _step(top: int) -> int:
    """A round tick step giving at most 6 ticks up to ``top``."""
    if top <= 5:
        return 1
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _svg(chart_id: str, title: str, height: float, body: list[str], width: int = _WIDTH) -> Markup:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" id="{chart_id}-svg" role="img" '
            f'aria-labelledby="{chart_id}-title" viewBox="0 0 {width} {_n(height)}" width="{width}" '
            f'height="{_n(height)}" font-family="sans-serif" font-size="12">'
            f'<title id="{chart_id}-title">{escape(title)}</title>')
    return Markup(head + "".join(body) + "</svg>")


def _x_axis(top: int, y: float, plot: float, left: float) -> list[str]:
    out = []
    step = _step(top)
    for tick in range(0, top + 1, step):
        x = left + plot * tick / top
        out.append(f'<line class="grid" x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x)}" y2="{_n(y + 4)}" stroke="#555"/>'
                   f'<text x="{_n(x)}" y="{_n(y + 16)}" text-anchor="middle" fill="#333">{tick}</text>')
    return out


def _legend(directions: Sequence[dict[str, Any]], y: float) -> list[str]:
    out = []
    x = 0.0
    for i, d in enumerate(directions):
        text = f"{d['notation']}. {_short(d['label'], 34)}"
        out.append(f'<rect class="key" x="{_n(x)}" y="{_n(y)}" width="12" height="12" fill="{COLOURS[i % 4]}"/>'
                   f'<text x="{_n(x + 16)}" y="{_n(y + 10)}" fill="#222">{escape(text)}</text>')
        x += 16 + 7 * len(text) + 18
        if x > _WIDTH - 200 and i < len(directions) - 1:
            x, y = 0.0, y + 18
    return out


def direction_country_chart(summary: dict[str, Any], linker: Linker) -> Chart:
    """Activities per strategic direction per country (an activity serving two directions counts in both)."""
    directions = summary["directions"]
    # longest bar first: an activity serving two directions counts in both
    countries = sorted(summary["countries"], key=lambda c: (-sum(c["directions"].values()), c["label"]))
    colour = {d["iri"]: COLOURS[i % 4] for i, d in enumerate(directions)}
    legend_rows = 2 if len(directions) > 2 else 1
    top_y = 18.0 * legend_rows + 12
    totals = [sum(c["directions"].values()) for c in countries]
    top = max(totals, default=0) or 1
    top = math.ceil(top / _step(top)) * _step(top)
    plot = _WIDTH - _LABEL - 50
    body = _legend(directions, 0)
    bars = 0
    for row, (country, total) in enumerate(zip(countries, totals, strict=True)):
        y = top_y + row * _ROW
        label = escape(_short(f"{country['label']} ({country['code']})", 36))
        href = linker.href(country["iri"])
        text = f'<text x="{_LABEL - 8}" y="{_n(y + 12)}" text-anchor="end" fill="#222">{label}</text>'
        body.append(f'<a href="{escape(href)}">{text}</a>' if href else text)
        x = float(_LABEL)
        for d in directions:
            n = country["directions"].get(d["iri"], 0)
            if not n:
                continue
            w = plot * n / top
            tip = escape(f"{country['label']}, direction {d['notation']} ({d['label']}): {n} "
                         f"activit{'y' if n == 1 else 'ies'}")
            body.append(f'<rect class="bar" x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_BAR}" '
                        f'fill="{colour[d["iri"]]}"><title>{tip}</title></rect>')
            if w >= 14:
                body.append(f'<text x="{_n(x + w / 2)}" y="{_n(y + 12)}" text-anchor="middle" fill="#fff">{n}</text>')
            x += w
            bars += 1
        body.append(f'<text x="{_n(x + 4)}" y="{_n(y + 12)}" fill="#222">{total}</text>')
    axis_y = top_y + len(countries) * _ROW + 2
    body += _x_axis(top, axis_y, plot, _LABEL)
    title = "Activities per strategic direction per country"
    header = ("Country", *(f"{d['notation']}. {d['label']}" for d in directions), "All directions")
    rows = tuple((f"{c['label']} ({c['code']})", *(str(c["directions"].get(d["iri"], 0)) for d in directions),
                  str(t)) for c, t in zip(countries, totals, strict=True))
    return Chart("chart-directions", title, _svg("chart-directions", title, axis_y + 24, body), bars, header, rows)


def initiative_chart(summary: dict[str, Any], linker: Linker) -> Chart:
    """Activities citing each key initiative, coloured by the direction it belongs to."""
    initiatives = summary["initiatives"]
    colour = {d["notation"]: COLOURS[i % 4] for i, d in enumerate(summary["directions"])}
    top = max((i["activities"] for i in initiatives), default=0) or 1
    top = math.ceil(top / _step(top)) * _step(top)
    plot = _WIDTH - _LABEL - 50
    body: list[str] = []
    bars = 0
    for row, item in enumerate(initiatives):
        y = row * _ROW
        n = item["activities"]
        label = escape(_short(f"{item['notation']} {item['label']}", 38))
        href = linker.href(item["iri"])
        text = f'<text x="{_LABEL - 8}" y="{_n(y + 12)}" text-anchor="end" fill="#222">{label}</text>'
        body.append(f'<a href="{escape(href)}">{text}</a>' if href else text)
        if n:
            w = plot * n / top
            tip = escape(f"{item['notation']} {item['label']}: {n} activit{'y' if n == 1 else 'ies'}")
            fill = colour.get(item["notation"].split(".")[0], COLOURS[4])
            body.append(f'<rect class="bar" x="{_LABEL}" y="{_n(y)}" width="{_n(w)}" height="{_BAR}" '
                        f'fill="{fill}"><title>{tip}</title></rect>')
            bars += 1
        else:
            w = 0
        body.append(f'<text x="{_n(_LABEL + w + 4)}" y="{_n(y + 12)}" fill="#222">{n}</text>')
    axis_y = len(initiatives) * _ROW + 2
    body += _x_axis(top, axis_y, plot, _LABEL)
    title = "Activities per key initiative"
    rows = tuple((f"{i['notation']} {i['label']}", str(i["activities"])) for i in initiatives)
    return Chart("chart-initiatives", title, _svg("chart-initiatives", title, axis_y + 24, body), bars,
                 ("Key initiative", "Activities"), rows)


def month_chart(summary: dict[str, Any]) -> Chart:
    """Activities per month (or year) of their start date."""
    months = summary["months"]
    series = months["series"]
    unit = months["unit"]
    left, top_margin, bottom, plot_h = 40.0, 18.0, 60.0, 180.0
    n = len(series)
    plot_w = _WIDTH - left - 10
    slot = plot_w / n if n else plot_w
    top = max((s["activities"] for s in series), default=0) or 1
    step = _step(top)
    top = math.ceil(top / step) * step
    base_y = top_margin + plot_h
    body: list[str] = []
    for tick in range(0, top + 1, step):
        y = base_y - plot_h * tick / top
        body.append(f'<line class="grid" x1="{_n(left - 4)}" y1="{_n(y)}" x2="{_n(_WIDTH - 10)}" y2="{_n(y)}" '
                    f'stroke="#ddd"/><text x="{_n(left - 8)}" y="{_n(y + 4)}" text-anchor="end" fill="#333">{tick}'
                    f'</text>')
    every = max(1, math.ceil(n / 12))
    bars = 0
    for i, item in enumerate(series):
        x = left + i * slot
        count = item["activities"]
        if count:
            h = plot_h * count / top
            tip = escape(f"{item['label']}: {count} activit{'y' if count == 1 else 'ies'}")
            body.append(f'<rect class="bar" x="{_n(x + 1)}" y="{_n(base_y - h)}" width="{_n(max(slot - 2, 1))}" '
                        f'height="{_n(h)}" fill="{COLOURS[0]}"><title>{tip}</title></rect>')
            if slot >= 16:
                body.append(f'<text x="{_n(x + slot / 2)}" y="{_n(base_y - h - 4)}" text-anchor="middle" '
                            f'fill="#222">{count}</text>')
            bars += 1
        if i % every == 0:
            cx = x + slot / 2
            body.append(f'<text x="{_n(cx)}" y="{_n(base_y + 14)}" text-anchor="end" fill="#333" '
                        f'transform="rotate(-40 {_n(cx)} {_n(base_y + 14)})">{escape(item["label"])}</text>')
    body.append(f'<line x1="{_n(left)}" y1="{_n(base_y)}" x2="{_n(_WIDTH - 10)}" y2="{_n(base_y)}" stroke="#555"/>')
    title = f"Activities per {unit} of their start date"
    rows = tuple((s["label"], str(s["activities"])) for s in series)
    return Chart("chart-months", title, _svg("chart-months", title, base_y + bottom, body), bars,
                 ("Month" if unit == "month" else "Year", "Activities"), rows)


def home_charts(summary: dict[str, Any], linker: Linker) -> list[Chart]:
    """The three charts of the home page, in order."""
    return [direction_country_chart(summary, linker), initiative_chart(summary, linker), month_chart(summary)]
