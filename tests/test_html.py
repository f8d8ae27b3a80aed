"""The HTML reader: a plain page, LibreOffice's and Word's ways of writing one."""

from __future__ import annotations

import pytest

from rscao_graph.errors import ReportError
from rscao_graph.read.html import read_html

TABLE = ("<table><tr><th>Country</th><th>Activities</th><th>Impact</th></tr>"
         "<tr><td>China</td><td><p>#1 Name and Date: Forum, 5 May 2020</p></td><td><p>3. Connect</p></td></tr></table>")


def blocks(page: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_html(page.encode("utf-8"), "r.html").blocks]


def test_paragraphs_breaks_bold_entities_and_ignored_elements() -> None:
    page = ("<html><head><title>Country Activities Impact</title><style>p{}</style></head><body>"
            "<script>var t = '<table>';</script><p><b>Bi-annual</b> <strong>Report</strong><br>[Reporting&nbsp;"
            "Period]</p><p>A &amp; B &lt;Digital Libraries&gt;\n wrapped</p><!-- a comment -->" + TABLE + "</body></html>")
    doc = read_html(page.encode(), "r.html")
    assert [(b.kind, b.text) for b in doc.blocks][:3] == [
        ("text", "Bi-annual Report"), ("text", "[Reporting Period]"), ("text", "A & B <Digital Libraries> wrapped")]
    assert doc.text.split("\n")[0] == "**Bi-annual** **Report**"
    assert [b.span.where() for b in doc.blocks[:3]] == ["paragraph 1", "paragraph 1", "paragraph 2"]
    assert doc.blocks[2].span.locator.start.path == "/html/body/p[2]"  # type: ignore[union-attr]


def test_lists_get_the_labels_a_browser_shows() -> None:
    page = ('<body><ol start="2"><li>two</li><li><p>three</p></li></ol><ol type="a"><li>x</li><li value="5">e'
            '</li></ol><ul><li>dot</li></ul><ol type="I"><li>one<ul><li>inner</li></ul></li></ol>' + TABLE + "</body>")
    assert [t for _, t in blocks(page)][:7] == ["2. two", "3. three", "a. x", "e. e", "• dot", "I. one", "• inner"]


def test_links() -> None:
    page = ('<body><p>See <a href="https://a.org/p.pdf">the programme</a>, <a href="https://a.org/">https://a.org/</a>'
            ' and <a name="x">an anchor</a>.</p>' + TABLE + "</body>")
    assert blocks(page)[0] == ("text", "See [the programme](https://a.org/p.pdf), https://a.org/ and an anchor.")


def test_rowspan_and_colspan_leave_cells_empty() -> None:
    page = ("<body><table><thead><tr><th>Country</th><th>Activities</th><th>Impact</th></tr></thead><tbody>"
            "<tr><td rowspan=2><p>China</p></td><td><p>#1 Name and Date: A</p><p>Details:</p></td><td>3.</td></tr>"
            "<tr><td>#2 Name and Date: B</td><td>3.1</td></tr><tr><td colspan=2>wide</td><td>right</td></tr>"
            "</tbody></table></body>")
    doc = read_html(page.encode(), "r.html")
    assert [[[p.text for p in c.paragraphs] for c in b.cells] for b in doc.blocks] == [
        [["Country"], ["Activities"], ["Impact"]], [["China"], ["#1 Name and Date: A", "Details:"], ["3."]],
        [[], ["#2 Name and Date: B"], ["3.1"]], [["wide"], [], ["right"]]]
    assert [b.span.where() for b in doc.blocks] == ["table 1, row 1", "table 1, row 2", "table 1, row 3",
                                                     "table 1, row 4"]
    assert doc.blocks[2].cells[1].paragraphs[0].span.locator.label() == "table 1, row 3, cell 2"  # type: ignore[union-attr]


def test_word_html_keeps_its_typed_labels() -> None:
    """Word's "Save as Web Page" writes list labels as text inside conditional comments (hand-written here in
    its manner: Word is not available to make one)."""
    page = ("<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta http-equiv=Content-Type "
            "content='text/html; charset=windows-1252'></head><body lang=EN-US><div class=WordSection1>"
            "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>1."
            "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Worked with "
            "the Library Society of China<o:p></o:p></p>" + TABLE + "<p class=MsoNormal>“quoted”<o:p></o:p></p>"
            "</div></body></html>")
    doc = read_html(page.encode("cp1252"), "r.html")
    assert next((b.kind, b.text) for b in doc.blocks) == ("text", "1. Worked with the Library Society of China")
    assert doc.blocks[-1].text == "“quoted”"


def test_nested_table_in_a_cell() -> None:
    page = ("<body><table><tr><th>Country</th><th>Activities</th><th>Impact</th></tr><tr><td>China</td>"
            "<td><p>#1 Name and Date: A</p><table><tr><td>inner</td></tr></table></td><td>3.</td></tr></table></body>")
    doc = read_html(page.encode(), "r.html")
    assert [p.text for p in doc.blocks[1].cells[1].paragraphs] == ["#1 Name and Date: A", "inner"]
    assert [(n.code, n.span.where()) for n in doc.notes] == [("table-nested", "table 1, row 2")]


def test_encodings() -> None:
    page = "<html><body><p>Ulaanbaatar – Хүрээ</p>" + TABLE + "</body></html>"
    assert blocks(page)[0] == ("text", "Ulaanbaatar – Хүрээ")
    assert next((b.kind, b.text) for b in read_html(page.encode("utf-16"), "r.html").blocks) == (
        "text", "Ulaanbaatar – Хүрээ")
    assert next((b.kind, b.text) for b in read_html(b'<?xml version="1.0" encoding="utf-8"?>' + page.encode(),
                                                "r.html").blocks) == ("text", "Ulaanbaatar – Хүрээ")


def test_no_table_is_refused() -> None:
    with pytest.raises(ReportError) as info:
        read_html(b"<html><body><p>Sub-region: Pacific</p></body></html>", "r.html")
    assert (info.value.exit_code, info.value.message) == (
        2, "the page has no table, so not the activities table (Country / Activities / Impact) of the report template")


def test_entities_in_html_are_not_external() -> None:
    page = ('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">]><html><body><p>x&xxe;y</p>' + TABLE +
            "</body></html>")
    doc = read_html(page.encode(), "r.html")
    assert [b.text for b in doc.blocks[:2]] == ["]>", "x&xxe;y"]  # as a browser shows it: the doctype ends at ">"
    with open("/etc/hostname", encoding="utf-8") as hostname:
        assert hostname.read().strip() not in doc.text
