"""Table cells split into paragraphs and text cleaned of markup (``read/cells.py``; issue 9, Deliver
items 2 and 10): nothing of a cell's text is lost, whatever the balance of its tags."""

from __future__ import annotations

import pytest

from rscao_graph.read.cells import clean_inline, parse_cell


def paragraphs(raw: str) -> list[str]:
    return [p.text for p in parse_cell(raw, "c.md", 1, 0).paragraphs]


@pytest.mark.parametrize(("raw", "expected"), [
    ("<p>A</p> <p>B</p>", ["A", "B"]),
    ("<p>A</p> between <p>B</p>", ["A", "between", "B"]),  # text between paragraphs is a paragraph
    ("lead <p>A</p> tail", ["lead", "A", "tail"]),
    ("<p>A <p>B</p></p>", ["A", "B"]),  # nested: each opening tag ends the text before it
    ("<p>A</p></p> <p>B", ["A", "B"]),  # a stray </p>, an unclosed <p>
    ("<p><p><p>A", ["A"]),
    ("</p>A</p>", ["A"]),
    ("<p></p> <p> </p> <p>&nbsp;</p>", []),  # empty paragraphs are dropped
    ("<P CLASS='x'>A</P>", ["A"]),
    ("<p>Workshop on <Digital Libraries></p>", ["Workshop on <Digital Libraries>"]),  # not a tag: text
    ("<p>p>#2 Name and Date: Fair</p>", ["p>#2 Name and Date: Fair"]),
    ("<p>Links: <https://a.example.org/x></p>", ["Links: <https://a.example.org/x>"]),
])
def test_paragraphs_of_a_cell(raw: str, expected: list[str]) -> None:
    assert paragraphs(raw) == expected


def test_paragraph_spans_point_into_the_line() -> None:
    raw = "<p>A</p> stray <p>Bee</p>"
    cell = parse_cell(raw, "c.md", 4, 100)
    assert [(p.text, p.span.line, p.span.start, p.span.end) for p in cell.paragraphs] == [
        ("A", 4, 103, 104), ("stray", 4, 109, 114), ("Bee", 4, 118, 121)]
    assert [raw[p.span.start - 100:p.span.end - 100] for p in cell.paragraphs] == ["A", "stray", "Bee"]
    assert (cell.span.start, cell.span.end) == (100, 100 + len(raw))


@pytest.mark.parametrize(("raw", "expected"), [
    ("**Nepal**", "Nepal"), ("<b>Nepal</b>", "Nepal"), ("<strong><span style='x'>Nepal</span></strong>", "Nepal"),
    ("__Nepal__", "Nepal"), ("Sri&nbsp;Lanka", "Sri Lanka"), ("Camp &amp; fair", "Camp & fair"),
    ("5&ndash;6 Nov", "5–6 Nov"), ("&#8220;Read&#8221;", "“Read”"), ("&lt;b&gt;", "<b>"),
    ("a<br>b<br/>c<br />d", "a b c d"), ("x &#x200b; y", "x y"),
    ('<a href="https://a.example.org/x">the album</a>', "[the album](https://a.example.org/x)"),
    ("<a href='https://a.example.org/x'>A</a> and <a>B</a>", "[A](https://a.example.org/x) and B"),
    ("https://a.example.org/x?a=1&para=2", "https://a.example.org/x?a=1&para=2"),  # no entity without ';'
    ("file__name and snake_case_word", "file__name and snake_case_word"),
    ("<o:p></o:p>Word<o:p>", "Word"),
])
def test_clean_inline(raw: str, expected: str) -> None:
    assert clean_inline(raw) == expected


def test_a_line_break_in_a_cell_separates_paragraphs() -> None:
    assert paragraphs("<p>#1 Name and Date: Camp<br>Details: x.<br/>Links: https://a.org/x</p>") == [
        "#1 Name and Date: Camp", "Details: x.", "Links: https://a.org/x"]


@pytest.mark.parametrize(("raw", "expected"), [
    # a title in angle brackets that starts with a tag's name is text (issue 10, item 4): attributes are
    # name=value pairs, or one of HTML's bare boolean names
    ("<p>Workshop on <A Day of Reading>, 5 Nov 2019</p>", ["Workshop on <A Day of Reading>, 5 Nov 2019"]),
    ("<p>Visit of <B Corp Library> and <I Love Books></p>", ["Visit of <B Corp Library> and <I Love Books>"]),
    ("<p>Fair in <P Nepal></p>", ["Fair in <P Nepal>"]),
    ("<p class=MsoNormal>A</p><p align='left' style=\"x: y\">B</p>", ["A", "B"]),
    ("<td nowrap>A</td><br clear=all/>B", ["A", "B"]),
    ('<p class="unclosed value <b>bold</b> text</p>', ['<p class="unclosed value bold text']),
])
def test_only_a_tag_with_attributes_is_markup(raw: str, expected: list[str]) -> None:
    assert paragraphs(raw) == expected


def test_a_link_whose_tag_has_no_attributes_keeps_its_words() -> None:
    assert clean_inline("<a>the album</a> and <A Big Day>") == "the album and <A Big Day>"


def test_a_line_separator_in_a_cell_separates_paragraphs() -> None:
    cell = parse_cell("<p>#1 Name and Date: Camp\u2028Details: x.\u2029Links: https://a.org/x</p>", "c.md", 1, 0)
    assert [(p.text, p.span.start, p.span.end) for p in cell.paragraphs] == [
        ("#1 Name and Date: Camp", 3, 25), ("Details: x.", 26, 37), ("Links: https://a.org/x", 38, 60)]
