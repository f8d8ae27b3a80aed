"""The Word reader on small packages written by hand (``documents.package``) and on the fixtures."""

from __future__ import annotations

import io
import zipfile

import pytest
from documents import FOLDER, HEADER, package, para, table

from rscao_graph.errors import ReportError
from rscao_graph.model import Locator, Position
from rscao_graph.read import read_report
from rscao_graph.read.docx import read_docx

ROW = [para("China"), para("#1 Name and Date: Forum, 5 May 2020"), para("3. Connect and empower the field")]


def texts(data: bytes) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_docx(data, "r.docx").blocks]


def cells(data: bytes) -> list[list[list[str]]]:
    return [[[p.text for p in c.paragraphs] for c in b.cells] for b in read_docx(data, "r.docx").blocks if b.cells]


def test_paragraphs_runs_bold_and_breaks() -> None:
    body = ('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bi-annual </w:t></w:r>'
            '<w:r><w:rPr><w:b/></w:rPr><w:t>Report</w:t></w:r><w:r><w:br/><w:t>[Reporting</w:t><w:tab/>'
            '<w:t>Period]</w:t></w:r></w:p>' + para("Sub-region:   North East Asia") + table(HEADER, ROW))
    doc = read_docx(package(body), "r.docx")
    assert [(b.kind, b.text) for b in doc.blocks][:3] == [
        ("text", "Bi-annual Report"), ("text", "[Reporting Period]"), ("text", "Sub-region: North East Asia")]
    assert doc.text.split("\n")[:3] == ["**Bi-annual Report**", "[Reporting Period]", "Sub-region: North East Asia"]
    first, second = doc.blocks[0].span, doc.blocks[1].span
    assert (first.line, first.start, first.end, first.where()) == (1, 0, 20, "paragraph 1")
    assert (second.line, second.where()) == (2, "paragraph 1")
    assert doc.text[first.start:first.end] == "**Bi-annual Report**"


def test_tracked_changes_fields_and_pictures() -> None:
    body = ('<w:p><w:ins><w:r><w:t>kept</w:t></w:r></w:ins><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> 7</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:drawing/></w:r>'
            '<w:r><w:noBreakHyphen/><w:t>x</w:t><w:br w:type="page"/><w:t>y</w:t></w:r></w:p>' + table(HEADER, ROW))
    assert texts(package(body))[0] == ("text", "kept 7-x y")


def test_hyperlinks_relationship_field_and_simple_field() -> None:
    body = ('<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>the programme'
            '</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve">, </w:t></w:r>'
            '<w:hyperlink r:id="rId8"><w:r><w:t>https://a.org/</w:t></w:r></w:hyperlink>'
            '<w:r><w:t xml:space="preserve"> and </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://b.org/x" \\l "part" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>B</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:t xml:space="preserve"> or </w:t></w:r><w:fldSimple w:instr=" HYPERLINK &quot;https://c.org/&quot; ">'
            '<w:r><w:t>C site</w:t></w:r></w:fldSimple>'
            '<w:hyperlink w:anchor="top"><w:r><w:t xml:space="preserve"> top</w:t></w:r></w:hyperlink></w:p>'
            + table(HEADER, ROW))
    data = package(body, links={"rId9": "https://a.org/p.pdf", "rId8": "https://a.org/"})
    assert texts(data)[0] == ("text", "See [the programme](https://a.org/p.pdf), https://a.org/ and "
                                      "[B](https://b.org/x#part) or [C site](https://c.org/)[top](#top)")


def test_numbering_labels_in_the_text() -> None:
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                 '<w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
                 '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                 '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>')
    item = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{}"/></w:numPr>'
    body = (para("One", item.format(1)) + para("Two", item.format(1)) + para("A.") + para("Again", item.format(2))
            + para("Dot", item.format(3)) + para("Typed 7\\ stays", "") + para("Not numbered", item.format(0))
            + table(HEADER, ROW))
    assert [t for _, t in texts(package(body, numbering=numbering))][:7] == [
        "1) One", "2) Two", "A.", "1) Again", "• Dot", "Typed 7\\ stays", "Not numbered"]


def test_numbering_from_a_paragraph_style() -> None:
    styles = ('<w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr>'
              '</w:pPr></w:style><w:style w:type="paragraph" w:styleId="MyList"><w:basedOn w:val="ListNumber"/>'
              '</w:style>')
    numbering = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt '
                 'w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>')
    body = para("first", '<w:pStyle w:val="MyList"/>') + para("second", '<w:pStyle w:val="ListNumber"/>') + \
        table(HEADER, ROW)
    assert [t for _, t in texts(package(body, numbering=numbering, styles=styles))][:2] == ["(c) first", "(d) second"]


def test_vertical_merge_grid_span_and_positions() -> None:
    body = table(HEADER, ['<w:vMerge w:val="restart"/>|' + para("China"), ROW[1], ROW[2]],
                 ["<w:vMerge/>|" + para("ignored"), para("#2 Name and Date: Talk, 6 May 2020"), para("3.1 x")],
                 ['<w:gridSpan w:val="2"/>|' + para("wide"), para("right")])
    doc = read_docx(package(body), "r.docx")
    assert [[[p.text for p in c.paragraphs] for c in b.cells] for b in doc.blocks] == [
        [["Country"], ["Activities"], ["Impact"]],
        [["China"], ["#1 Name and Date: Forum, 5 May 2020"], ["3. Connect and empower the field"]],
        [[], ["#2 Name and Date: Talk, 6 May 2020"], ["3.1 x"]],
        [["wide"], [], ["right"]]]
    row = doc.blocks[2]
    assert row.span.locator == Locator(Position(table=1, row=3, path="/w:document/w:body/w:tbl/w:tr[3]"),
                                       Position(table=1, row=3, path="/w:document/w:body/w:tbl/w:tr[3]"))
    assert row.cells[1].paragraphs[0].span.locator.start == Position(  # type: ignore[union-attr]
        table=1, row=3, cell=2, path="/w:document/w:body/w:tbl/w:tr[3]/w:tc[2]/w:p")
    assert row.cells[0].span.where() == "table 1, row 3"
    assert row.cells[2].paragraphs[0].span.locator.label() == "table 1, row 3, cell 3"  # type: ignore[union-attr]


def test_nested_table_flattened_with_a_note_and_breaks_in_cells_separate_paragraphs() -> None:
    inner = table([para("inner A")], [para("inner B")])
    cell = '<w:p><w:r><w:t>Links:</w:t><w:br/><w:t>https://a.org/</w:t></w:r></w:p>' + inner
    doc = read_docx(package(table(HEADER, [para("China"), cell, para("3.")])), "r.docx")
    assert [[p.text for p in c.paragraphs] for c in doc.blocks[1].cells] == [
        ["China"], ["Links:", "https://a.org/", "inner A", "inner B"], ["3."]]
    assert [(n.code, n.message, n.span.where()) for n in doc.notes] == [
        ("table-nested", "a table inside table 1, row 2, cell 2 is read as the cell's paragraphs", "table 1, row 2")]


def test_layout_table_before_the_activities_table_is_text() -> None:
    body = table([para("Sub-region:"), para("Pacific")], [para("Convenor:"), para("Ms A")]) + table(HEADER, ROW)
    doc = read_docx(package(body), "r.docx")
    assert [(b.kind, b.text) for b in doc.blocks][:3] == [
        ("text", "Sub-region: Pacific"), ("text", "Convenor: Ms A"), ("table-header", "Country | Activities | Impact")]
    assert [(n.code, n.severity) for n in doc.notes] == [("table-read-as-text", "info")]


def test_table_without_header_row() -> None:
    doc = read_docx(package(table(ROW)), "r.docx")
    assert [b.kind for b in doc.blocks] == ["table-row"]
    assert [(n.code, n.span.where()) for n in doc.notes] == [("table-header-missing", "table 1, row 1")]


def test_content_controls_are_opened() -> None:
    body = f'<w:sdt><w:sdtContent>{para("Sub-region: Pacific")}</w:sdtContent></w:sdt>' + table(HEADER, ROW)
    assert texts(package(body))[0] == ("text", "Sub-region: Pacific")


def test_fixture_spans_point_into_the_document() -> None:
    doc = read_report(FOLDER / "sample.docx", FOLDER)
    rows = [b for b in doc.blocks if b.kind == "table-row"]
    assert (len(rows), rows[10].span.where(), rows[10].cells[1].paragraphs[0].text[:25]) == (
        17, "table 1, row 12", "#2 Name and Date: The Gra")
    for block in doc.blocks:
        for cell in block.cells:
            for paragraph in cell.paragraphs:
                assert doc.text[paragraph.span.start:paragraph.span.end].replace("**", "") == paragraph.text


# --- what is refused ----------------------------------------------------------------------------------

def refused(data: bytes) -> str:
    with pytest.raises(ReportError) as info:
        read_docx(data, "r.docx")
    assert info.value.exit_code == 2
    return info.value.message


def test_no_table() -> None:
    assert refused(package(para("Sub-region: Pacific"))) == (
        "the document has no table, so not the activities table (Country / Activities / Impact) of the report "
        "template")


def test_corrupt() -> None:
    good = package(table(HEADER, ROW))
    assert refused(good[: len(good) // 2]).startswith("the document is damaged: not a readable ZIP package")
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data[:-20] if info.filename == "word/document.xml" else data)
    assert refused(broken.getvalue()).startswith("the document is damaged: a part is not well-formed XML")


def test_macro_enabled() -> None:
    docm = package(table(HEADER, ROW), main_type="application/vnd.ms-word.document.macroEnabled.main+xml",
                   extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macros"})
    assert refused(docm) == "this is a macro-enabled Word document (.docm); macros are never run or read"


def test_password_protected() -> None:
    data = (FOLDER / "bad" / "password-protected.docx").read_bytes()
    assert data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    assert refused(data) == "the document is password-protected (an encrypted Office file)"


def test_external_entities_are_never_resolved(tmp_path: object) -> None:
    doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
    body = '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>' + table(HEADER, ROW)
    assert refused(package(body, doctype=doctype)) == (
        "word/document.xml declares a DTD or entities (<!DOCTYPE ...>), which Word never writes; the document is "
        "refused unread")


def test_billion_laughs_refused() -> None:
    doctype = ('<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
               '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    body = '<w:p><w:r><w:t>&c;</w:t></w:r></w:p>' + table(HEADER, ROW)
    assert refused(package(body, doctype=doctype)).startswith("word/document.xml declares a DTD or entities")
