"""Word's automatic numbering (``word/numbering.xml``) resolved to the labels a reader sees: "1.", "2)",
"(c)", "iv.", "•".

A paragraph is numbered by its ``w:numPr`` (``w:numId``, ``w:ilvl``) or by its paragraph style's (and
the styles it is based on); ``w:numId`` 0 takes the numbering away. A ``w:num`` names an abstract
definition (``w:abstractNumId``, or a numbering style through ``w:numStyleLink``) whose levels give the
start value, the number format and the label text (``%1.%2)``). As Word does (ECMA-376 §17.9), the running
count belongs to the abstract definition, so several ``w:num`` s that share one continue each other; a
``w:num`` with ``w:lvlOverride/w:startOverride`` restarts its levels the first time it is used (a whole
``w:lvl`` inside the override replaces the level); a level restarts after any higher level is used
(``w:lvlRestart`` 0 never restarts it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

__all__ = ["Numbering", "W", "format_number"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _val(element: etree._Element | None, child: str, default: str | None = None) -> str | None:
    if element is None:
        return default
    found = element.find(f"{_W}{child}")
    if found is None:
        return default
    value = found.get(f"{_W}val")
    return default if value is None else value


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def format_number(value: int, fmt: str) -> str:
    """A number in one of Word's number formats (``decimal``, ``lowerLetter``, ``upperRoman``, ...).

    >>> [format_number(n, f) for n, f in ((4, "lowerRoman"), (28, "upperLetter"), (7, "decimalZero"), (3, "none"))]
    ['iv', 'BB', '07', '']
    """
    if fmt in ("none", "bullet"):
        return ""
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        out, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                out, rest = out + digits, rest - amount
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    return str(value)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False


def _level(element: etree._Element) -> _Level:
    restart = _val(element, "lvlRestart")
    return _Level(_int(_val(element, "start"), 0), _val(element, "numFmt", "decimal") or "decimal",
                  _val(element, "lvlText", "") or "", _int(restart, 0) if restart is not None else None,
                  element.find(f"{_W}isLgl") is not None and _val(element, "isLgl", "1") not in ("0", "false"))


@dataclass
class _Abstract:
    levels: dict[int, _Level] = field(default_factory=dict)
    counts: dict[int, int] = field(default_factory=dict)


class Numbering:
    """The numbering definitions of a document and the running counts; :meth:`label` is called for every
    paragraph of the body in order."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self._abstracts: dict[str, etree._Element] = {}
        self._nums: dict[str, etree._Element] = {}
        self._styles: dict[str, etree._Element] = {}
        if numbering is not None:
            for element in numbering.iter(f"{_W}abstractNum"):
                self._abstracts[element.get(f"{_W}abstractNumId", "")] = element
            for element in numbering.iter(f"{_W}num"):
                self._nums[element.get(f"{_W}numId", "")] = element
        if styles is not None:
            for element in styles.iter(f"{_W}style"):
                self._styles[element.get(f"{_W}styleId", "")] = element
        self._state: dict[str, _Abstract] = {}
        self._used: set[tuple[str, int]] = set()

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None, str | None]:
        """numId and ilvl a paragraph style gives (following ``w:basedOn``), and the style that gave them."""
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                return None, None, None
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None and num_pr.find(f"{_W}numId") is not None:
                return _val(num_pr, "numId"), _val(num_pr, "ilvl"), style_id
            style_id = _val(style, "basedOn")
        return None, None, None

    def _abstract_of(self, num: etree._Element) -> tuple[str, etree._Element] | None:
        abstract_id = _val(num, "abstractNumId")
        for _ in range(5):  # a numbering style points to another w:num
            abstract = self._abstracts.get(abstract_id or "")
            if abstract is None:
                return None
            link = _val(abstract, "numStyleLink")
            if link is None:
                return abstract_id or "", abstract
            num_id, _, _ = self._style_numbering(link)
            linked = self._nums.get(num_id or "")
            if linked is None:
                return abstract_id or "", abstract
            abstract_id = _val(linked, "abstractNumId")
        return None

    def _levels(self, abstract: etree._Element, num: etree._Element) -> dict[int, _Level]:
        levels = {_int(lvl.get(f"{_W}ilvl"), 0): _level(lvl) for lvl in abstract.iter(f"{_W}lvl")}
        for override in num.iter(f"{_W}lvlOverride"):
            ilvl = _int(override.get(f"{_W}ilvl"), 0)
            replaced = override.find(f"{_W}lvl")
            if replaced is not None:
                levels[ilvl] = _level(replaced)
        return levels

    def label(self, paragraph: etree._Element) -> str | None:
        """The label of a paragraph (``w:p``) as Word shows it, counting it; ``None`` when unnumbered."""
        ppr = paragraph.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        num_id, ilvl_text = (_val(num_pr, "numId"), _val(num_pr, "ilvl")) if num_pr is not None else (None, None)
        style_id = _val(ppr, "pStyle")
        style_num, style_ilvl, from_style = self._style_numbering(style_id)
        if num_id is None:
            num_id = style_num
            ilvl_text = ilvl_text if ilvl_text is not None else style_ilvl
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        num = self._nums[num_id]
        found = self._abstract_of(num)
        if found is None:
            return None
        abstract_id, abstract = found
        state = self._state.setdefault(abstract_id, _Abstract(self._levels(abstract, num)))
        levels = self._levels(abstract, num)
        if ilvl_text is None and from_style is not None:
            ilvl_text = next((str(i) for i, lvl in enumerate(abstract.iter(f"{_W}lvl"))
                              if _val(lvl, "pStyle") == from_style), None)
        ilvl = min(max(_int(ilvl_text, 0), 0), 8)
        if (num_id, ilvl) not in self._used:
            self._used.add((num_id, ilvl))
            for override in num.iter(f"{_W}lvlOverride"):
                start = _val(override, "startOverride")
                if _int(override.get(f"{_W}ilvl"), 0) == ilvl and start is not None:
                    state.counts[ilvl] = _int(start, 1) - 1
        level = levels.get(ilvl, _Level())
        state.counts[ilvl] = state.counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in state.counts if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart != 0 and restart - 1 <= ilvl):
                del state.counts[deeper]
        if level.fmt == "bullet":  # a symbol font's private-use bullet (Symbol U+F0B7, Wingdings, ...) is "•"
            return "".join("•" if "\uf000" <= ch <= "\uf0ff" else ch for ch in level.text)
        text = level.text
        for k in range(8, -1, -1):
            if f"%{k + 1}" in text:
                lvl = levels.get(k, _Level())
                value = state.counts.get(k, lvl.start)
                fmt = "decimal" if level.legal and k < ilvl else lvl.fmt
                text = text.replace(f"%{k + 1}", format_number(value, fmt))
        return text
