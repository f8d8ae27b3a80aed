"""Word and HTML versions of a report's text export, as a convenor's software would have written them,
for the reader tests (``tests/data/documents/``).

From each ``tests/data/documents/<slug>.md`` (the sample and the six reports of the development corpus):

- ``<slug>.docx``: written with python-docx: the title block as one bold paragraph with line breaks, the
  section headings in a heading style, section I's numbered and bulleted items as Word numbering
  (``numbering.xml``: one list per run of items, restarted with ``w:startOverride``), links as
  hyperlinks with their display text (in section I as ``HYPERLINK`` field codes, in the table as
  ``w:hyperlink``), and the activities table as a real table: a header row repeated on each page, a
  cell's ``<p>`` as its paragraphs, and the Country cell merged down (``w:vMerge``) over the rows the
  text export leaves empty below it (a new merged cell where the numbering restarts);
- ``<slug>.html``: a plain hand-made page of the same (``<ol>``/``<ul>``, ``<table>`` with ``rowspan``,
  ``<a href>``, entities), with a script and a style that the reader must ignore;
- ``<slug>.lo.docx`` and ``<slug>.lo.html``: the .docx opened and saved again by LibreOffice
  (``soffice --headless --convert-to docx`` / ``--convert-to html``), so the readers meet what other
  Word-compatible software writes, not only our own script.

Regenerate them all (LibreOffice's ``soffice`` on the PATH; Debian package ``libreoffice-writer``)::

    python tests/documents.py

The inverse of the text export is what this script does; the tests then read each format and check
that the graph is the text export's.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from rscao_graph.extract.boundaries import find_header
from rscao_graph.read.cells import clean_inline
from rscao_graph.read.markdown import read_markdown
from rscao_graph.read.tables import header_roles

FOLDER = Path(__file__).parent / "data" / "documents"
_TOKEN = re.compile(r"(?P<bold>\*\*)|\[(?P<label>[^\]]+)\]\((?P<target>https?://[^)\s]+)\)|<(?P<angle>https?://[^>\s]+)>"
                    r"|(?P<br><br\s*/?>)|(?P<url>https?://[^\s<>]+)")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ITEM = re.compile(r"^(?:(?P<n>\d{1,2})(?P<mark>\\|\.(?!\d)|\))|\((?P<p>\d{1,2})\)|(?P<bullet>[-•*]))\s+(?P<text>.*)$")
_SECTION = re.compile(r"^(?:I{1,3}|IV)\.\s")
_PARAGRAPH = re.compile(r"</?p(?:\s[^<>]*)?>")


# --- the text export, parsed back into paragraphs and a table ---------------------------------------

@dataclass
class Token:
    """A piece of a paragraph: text (bold or not), a hyperlink (display text and target) or a line break."""

    kind: str
    text: str = ""
    bold: bool = False
    target: str = ""


@dataclass
class Para:
    tokens: list[Token]
    style: str = ""
    item: tuple[str, int] | None = None   # (list kind, number): "1." "1)" "(1)" "•" "-" "*"


@dataclass
class Row:
    cells: list[list[list[Token]]]
    header: bool = False
    merge: list[str] = field(default_factory=list)   # per cell: "", "restart" or "continue"


def _url_split(url: str) -> tuple[str, str]:
    """A bare URL without the punctuation that ends the sentence after it."""
    end = len(url)
    while end and (url[end - 1] in ".,;:!?" or (url[end - 1] == ")" and url[:end].count("(") < url[:end].count(")"))):
        end -= 1
    return url[:end], url[end:]


def inline(raw: str, bold: bool = False) -> tuple[list[Token], bool]:
    """The tokens of a bit of the export's inline markup (``**``, ``[t](u)``, ``<url>``, bare URLs,
    ``<br>``, entities); returns the bold state after it (bold can run over lines)."""
    tokens: list[Token] = []

    def text(value: str) -> None:
        value = _ENTITY.sub(lambda m: html.unescape(m.group(0)), value)
        if value:
            tokens.append(Token("text", value, bold))

    last = 0
    for m in _TOKEN.finditer(raw):
        text(raw[last:m.start()])
        last = m.end()
        if m.group("bold"):
            bold = not bold
        elif m.group("label"):
            tokens.append(Token("link", m.group("label"), bold, m.group("target")))
        elif m.group("angle"):
            text("<")
            tokens.append(Token("link", m.group("angle"), bold, m.group("angle")))
            text(">")
        elif m.group("br"):
            tokens.append(Token("break"))
        else:
            url, rest = _url_split(m.group("url"))
            tokens.append(Token("link", url, bold, url))
            text(rest)
    text(raw[last:])
    return tokens, bold


def _first_ordinal(cell: str) -> int | None:
    first = next((p for p in _PARAGRAPH.split(cell) if p.strip()), "")
    header = find_header(clean_inline(first), row_start=True)
    return header.ordinal if header is not None else None


def parse_export(text: str) -> list[Para | list[Row]]:
    """The paragraphs and the table of a text export, in order."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    kinds = {b.span.line: b.kind for b in read_markdown(text, "x.md").blocks if b.kind != "text"}
    items: list[Para | list[Row]] = []
    pending: list[str] = []
    bold = False

    def paragraph() -> None:
        nonlocal bold
        if not pending:
            return
        tokens: list[Token] = []
        for i, line in enumerate(pending):
            if i:
                tokens.append(Token("break"))
            found, bold = inline(line, bold)
            tokens.extend(found)
        style = "Heading 1" if _SECTION.match(clean_inline(pending[0])) else ""
        items.append(Para(tokens, style))
        pending.clear()

    for number, line in enumerate(text.split("\n"), start=1):
        if number in kinds:
            paragraph()
            cells = [[found for found in (inline(p)[0] for p in _PARAGRAPH.split(c)) if found] for c in line.split("\t")]
            if not items or not isinstance(items[-1], list):
                items.append([])
            table = items[-1]
            assert isinstance(table, list)
            table.append(Row(cells, kinds[number] == "table-header"))
            continue
        if not line.strip():
            paragraph()
            continue
        m = _ITEM.match(line)
        if m and not bold:
            paragraph()
            mark = m.group("bullet") or ("(1)" if m.group("p") else "1)" if m.group("mark") == ")" else "1.")
            found, bold = inline(m.group("text"), bold)
            items.append(Para(found, "", (mark, int(m.group("n") or m.group("p") or 0))))
            continue
        pending.append(line)
    paragraph()
    for item in items:
        if isinstance(item, list):
            _merge_countries(item)
    return items


def _merge_countries(rows: list[Row]) -> None:
    """Merge the Country cell down over the rows the export leaves empty below it, while the
    numbering goes on; where it restarts under an empty cell, a new (empty) merged cell begins."""
    header = next((r for r in rows if r.header), None)
    roles = header_roles([" ".join(t.text for p in c for t in p) for c in header.cells]) if header else None
    column = (roles or {}).get("country", 0)
    above: Row | None = None
    previous: int | None = None
    for row in rows:
        row.merge = [""] * len(row.cells)
        if row.header or column >= len(row.cells):
            above = None
            continue
        ordinal = _first_ordinal(_raw_cell(row, 1 if column == 0 else 0))
        restart = ordinal is not None and previous is not None and ordinal <= previous
        if row.cells[column] or above is None or restart:
            above = row
        else:
            if above.merge[column] == "":
                above.merge[column] = "restart"
            row.merge[column] = "continue"
        previous = ordinal if ordinal is not None else previous


def _raw_cell(row: Row, index: int) -> str:
    if index >= len(row.cells) or not row.cells[index]:
        return ""
    return " ".join(t.text for t in row.cells[index][0] if t.kind != "break")


# --- Word, with python-docx ---------------------------------------------------------------------------

_LEVEL_TEXT = {"1.": ("decimal", "%1."), "1)": ("decimal", "%1)"), "(1)": ("decimal", "(%1)"),
               "•": ("bullet", "•"), "-": ("bullet", "-"), "*": ("bullet", "*")}


class _Numbering:
    """Word numbering definitions: one abstract definition per label form, one list per run of items."""

    def __init__(self, document: docx.document.Document) -> None:
        self.root = document.part.numbering_part.element
        self.abstract: dict[str, int] = {}
        self.next_id = 100

    def new_list(self, mark: str, start: int) -> int:
        if mark not in self.abstract:
            fmt, text = _LEVEL_TEXT[mark]
            abstract_id = len(self.abstract) + 10
            element = OxmlElement("w:abstractNum", {qn("w:abstractNumId"): str(abstract_id)})
            lvl = OxmlElement("w:lvl", {qn("w:ilvl"): "0"})
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
                lvl.append(OxmlElement(tag, {qn("w:val"): value}))
            ppr = OxmlElement("w:pPr")
            ppr.append(OxmlElement("w:ind", {qn("w:left"): "360", qn("w:hanging"): "360"}))
            lvl.append(ppr)
            element.append(lvl)
            first_num = self.root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(element)
            else:
                self.root.append(element)
            self.abstract[mark] = abstract_id
        self.next_id += 1
        num = OxmlElement("w:num", {qn("w:numId"): str(self.next_id)})
        num.append(OxmlElement("w:abstractNumId", {qn("w:val"): str(self.abstract[mark])}))
        override = OxmlElement("w:lvlOverride", {qn("w:ilvl"): "0"})
        override.append(OxmlElement("w:startOverride", {qn("w:val"): str(start)}))
        num.append(override)
        self.root.append(num)
        return self.next_id


def _hyperlink(paragraph: DocxParagraph, token: Token) -> None:
    r_id = paragraph.part.relate_to(token.target, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink", {qn("r:id"): r_id})
    link.append(_run(token.text, token.bold, link=True))
    paragraph._p.append(link)


def _field_link(paragraph: DocxParagraph, token: Token) -> None:
    """A hyperlink as a complex field: ``{ HYPERLINK "url" }`` with the display text as its result."""
    for kind, text in (("begin", None), (None, f' HYPERLINK "{token.target}" '), ("separate", None)):
        run = OxmlElement("w:r")
        if kind:
            run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
        else:
            instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
            instr.text = text
            run.append(instr)
        paragraph._p.append(run)
    paragraph._p.append(_run(token.text, token.bold, link=True))
    end = OxmlElement("w:r")
    end.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))
    paragraph._p.append(end)


def _run(text: str, bold: bool, link: bool = False) -> OxmlElement:
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if bold:
        rpr.append(OxmlElement("w:b"))
    if link:
        rpr.append(OxmlElement("w:color", {qn("w:val"): "0563C1"}))
        rpr.append(OxmlElement("w:u", {qn("w:val"): "single"}))
    if len(rpr):
        run.append(rpr)
    t = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    t.text = text
    run.append(t)
    return run


def _fill(paragraph: DocxParagraph, tokens: list[Token], fields: bool) -> None:
    for token in tokens:
        if token.kind == "break":
            br = OxmlElement("w:r")
            br.append(OxmlElement("w:br"))
            paragraph._p.append(br)
        elif token.kind == "link":
            (_field_link if fields else _hyperlink)(paragraph, token)
        else:
            paragraph._p.append(_run(token.text, token.bold))


def to_docx(text: str) -> bytes:
    """A Word document of a text export (see the module's docstring)."""
    document = docx.Document()
    numbering = _Numbering(document)
    current: tuple[str, int] | None = None   # the list being written: mark, numId
    expected = 0
    for item in parse_export(text):
        if isinstance(item, list):
            current = None
            _table(document, item)
            continue
        paragraph = document.add_paragraph(style=item.style or None)
        if item.item is None:
            current = None
            _fill(paragraph, item.tokens, fields=True)
            continue
        mark, number = item.item
        if mark in ("1.", "1)", "(1)") and (current is None or current[0] != mark or number != expected):
            current = (mark, numbering.new_list(mark, number))
        elif mark not in ("1.", "1)", "(1)") and (current is None or current[0] != mark):
            current = (mark, numbering.new_list(mark, 1))
        assert current is not None
        expected = number + 1
        num_pr = OxmlElement("w:numPr")
        num_pr.append(OxmlElement("w:ilvl", {qn("w:val"): "0"}))
        num_pr.append(OxmlElement("w:numId", {qn("w:val"): str(current[1])}))
        paragraph._p.get_or_add_pPr().append(num_pr)
        _fill(paragraph, item.tokens, fields=True)
    out = io.BytesIO()
    document.save(out)
    return _fixed_dates(out.getvalue())


def _table(document: docx.document.Document, rows: list[Row]) -> None:
    width = max(len(r.cells) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for row, docx_row in zip(rows, table.rows, strict=True):
        if row.header:
            docx_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for index, cell in enumerate(docx_row.cells):
            paragraphs = row.cells[index] if index < len(row.cells) else []
            merge = row.merge[index] if index < len(row.merge) else ""
            if merge:
                attrs = {qn("w:val"): "restart"} if merge == "restart" else {}
                cell._tc.get_or_add_tcPr().append(OxmlElement("w:vMerge", attrs))
            for n, tokens in enumerate(paragraphs):
                paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                _fill(paragraph, tokens, fields=False)


def _fixed_dates(data: bytes) -> bytes:
    """The same package with every part dated 1980-01-01, so regenerating gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# --- HTML by hand -----------------------------------------------------------------------------------

def _html_tokens(tokens: list[Token]) -> str:
    out = []
    for token in tokens:
        if token.kind == "break":
            out.append("<br>")
        elif token.kind == "link":
            out.append(f'<a href="{html.escape(token.target)}">{html.escape(token.text, quote=False)}</a>')
        else:
            escaped = html.escape(token.text, quote=False).replace("\u00a0", "&nbsp;")
            out.append(f"<b>{escaped}</b>" if token.bold else escaped)
    return "".join(out)


def to_html(text: str, title: str) -> str:
    """A plain hand-made HTML page of a text export."""
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">', f"<title>{html.escape(title)}</title>",
           "<style>td { vertical-align: top } .x::before { content: 'not text' }</style>",
           "<script>document.title = 'Country Activities Impact';</script>\n</head>\n<body>"]
    open_list: tuple[str, int] | None = None
    expected = 0
    for item in parse_export(text):
        if not isinstance(item, Para) or item.item is None:
            if open_list:
                out.append("</ol>" if open_list[0] == "ol" else "</ul>")
                open_list = None
        if isinstance(item, list):
            out.append(_html_table(item))
            continue
        if item.item is not None:
            mark, number = item.item
            tag = "ol" if mark in ("1.", "1)", "(1)") else "ul"
            if open_list is None or open_list[0] != tag or (tag == "ol" and number != expected):
                if open_list:
                    out.append("</ol>" if open_list[0] == "ol" else "</ul>")
                out.append(f'<ol start="{number}">' if tag == "ol" else "<ul>")
                open_list = (tag, number)
            expected = number + 1
            out.append(f"<li>{_html_tokens(item.tokens)}</li>")
            continue
        tag = "h2" if item.style else "p"
        out.append(f"<{tag}>{_html_tokens(item.tokens)}</{tag}>")
    if open_list:
        out.append("</ol>" if open_list[0] == "ol" else "</ul>")
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def _html_table(rows: list[Row]) -> str:
    out = ['<table border="1">']
    for index, row in enumerate(rows):
        cells = []
        for c, paragraphs in enumerate(row.cells):
            merge = row.merge[c] if c < len(row.merge) else ""
            if merge == "continue":
                continue
            span = ""
            if merge == "restart":
                height = 1
                while index + height < len(rows) and c < len(rows[index + height].merge) and \
                        rows[index + height].merge[c] == "continue":
                    height += 1
                span = f' rowspan="{height}"'
            tag = "th" if row.header else "td"
            inner = "".join(f"<p>{_html_tokens(p)}</p>" for p in paragraphs)
            cells.append(f"<{tag}{span}>{inner}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


# --- small packages written by hand, for the reader's unit tests --------------------------------------

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def package(body: str, *, numbering: str = "", styles: str = "", links: dict[str, str] | None = None,
            doctype: str = "", main_type: str = f"{_MAIN}.document.main+xml",
            extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word package around ``body`` (the XML inside ``<w:body>``): ``numbering`` and
    ``styles`` are the XML inside ``<w:numbering>`` and ``<w:styles>``, ``links`` maps relationship ids
    to hyperlink targets, ``doctype`` goes before the document element, ``extra`` adds parts."""
    rels = ['<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/>'] if styles else []
    if numbering:
        rels.append('<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/numbering" Target="numbering.xml"/>')
    for rid, target in (links or {}).items():
        rels.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/hyperlink" Target="{html.escape(target)}" TargetMode="External"/>')
    types = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>']
    if styles:
        types.append(f'<Override PartName="/word/styles.xml" ContentType="{_MAIN}.styles+xml"/>')
    if numbering:
        types.append(f'<Override PartName="/word/numbering.xml" ContentType="{_MAIN}.numbering+xml"/>')
    types.append("</Types>")
    parts = {
        "[Content_Types].xml": "".join(types),
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                       'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                       'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                                        'openxmlformats.org/package/2006/relationships">' + "".join(rels) +
                                        "</Relationships>",
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document {_NS}><w:body>{body}'
                             "</w:body></w:document>",
    }
    if styles:
        parts["word/styles.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_NS}>{styles}</w:styles>'
    if numbering:
        parts["word/numbering.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {_NS}>{numbering}</w:numbering>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text.encode("utf-8"))
        for name, data in (extra or {}).items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def para(text: str, ppr: str = "") -> str:
    """A ``w:p`` of one run of ``text`` (XML-escaped) with paragraph properties ``ppr``."""
    return f'<w:p>{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}<w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:p>'


def table(*rows: list[str]) -> str:
    """A ``w:tbl`` whose cells are the given XML (each a cell's content, or ``tcPr|content``)."""
    out = ["<w:tbl>"]
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            props, _, content = cell.rpartition("|")
            out.append(f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{content or '<w:p/>'}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


#: The header row of the activities table.
HEADER = [para("Country"), para("Activities"), para("Impact")]


# --- writing the fixtures ---------------------------------------------------------------------------

def convert(source: Path, kind: str, out: Path) -> None:
    """``source`` converted by LibreOffice to ``kind`` (``docx`` or ``html``), written to ``out``."""
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", kind,
                        "--outdir", folder, str(source)], check=True, capture_output=True, timeout=300)
        made = Path(folder) / f"{source.stem}.{kind}"
        data = made.read_bytes()
        out.write_bytes(_fixed_dates(data) if kind == "docx" else data)


def main() -> int:
    if shutil.which("soffice") is None:
        print("soffice (LibreOffice) is not on the PATH: apt-get install libreoffice-writer", file=sys.stderr)
        return 2
    for source in sorted(FOLDER.glob("*.md")):
        text = source.read_text(encoding="utf-8-sig")
        target = source.with_suffix(".docx")
        target.write_bytes(to_docx(text))
        source.with_suffix(".html").write_text(to_html(text, source.stem), encoding="utf-8")
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / source.stem / target.name
            copy.parent.mkdir()
            shutil.copy(target, copy)
            convert(copy, "docx", FOLDER / f"{source.stem}.lo.docx")
            convert(copy, "html", FOLDER / f"{source.stem}.lo.html")
        print(f"wrote {source.stem}: .docx .html .lo.docx .lo.html", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
