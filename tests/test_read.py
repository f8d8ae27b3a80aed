"""The report reader: rscao_graph.read (read_report, display_name) and read/markdown.py (blocks, cells, spans)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import MINIMAL_REPORT, write_report

from rscao_graph.errors import ReportError
from rscao_graph.model import SourceDocument, SourceSpan
from rscao_graph.read import REPORT_SUFFIXES, display_name, read_report
from rscao_graph.read.markdown import clean_inline, read_markdown

SAMPLE_NAME = "north-east-asia-2019-09--2020-03.md"
TABLE_ROW_LINES = [52, 54, 55, 56, 57, 59, 60, 61, 63, 64, 65, 67, 68, 69, 70, 72, 73]


def _block(doc: SourceDocument, line: int):
    (block,) = [b for b in doc.blocks if b.span.line == line]
    return block


# --- the sample -------------------------------------------------------------------------------------


def test_sample_name_encoding_and_no_notes(sample_doc: SourceDocument) -> None:
    assert sample_doc.name == SAMPLE_NAME
    assert sample_doc.encoding == "utf-8"
    assert sample_doc.notes == ()


def test_sample_title_lines(sample_doc: SourceDocument) -> None:
    title = [(b.kind, b.span.line, b.text) for b in sample_doc.blocks[:4]]
    assert title == [
        ("text", 5, "IFLA- Regional Standing Committee for Asia and Oceania"),
        ("text", 6, "(IFLA - RSCAO)"),
        ("text", 7, "Bi-annual Sub-Regional Report"),
        ("text", 8, "[Reporting Period: September 2019 – March 2020]"),
    ]


def test_sample_text_block_spans_skip_leading_blank_lines(sample_doc: SourceDocument) -> None:
    first = sample_doc.blocks[0]
    # four blank lines precede the title: offsets 0-3 are their newlines
    assert first.span == SourceSpan(SAMPLE_NAME, 5, 5, 4, 60)
    assert sample_doc.text[first.span.start:first.span.end] == "**IFLA- Regional Standing Committee for Asia and Oceania"


def test_sample_header_lines_before_table(sample_doc: SourceDocument) -> None:
    assert [(b.span.line, b.text) for b in sample_doc.blocks[4:6]] == [
        (10, "Sub-region: North East Asia Convenor: Chen Ying"),
        (12, "Date of submission: 2 March 2020"),
    ]
    assert all(b.kind == "text" for b in sample_doc.blocks if b.span.line < 51)


def test_sample_table_header(sample_doc: SourceDocument) -> None:
    header = _block(sample_doc, 51)
    assert header.kind == "table-header"
    assert header.text == "Country | Activities | Impact"
    assert [[p.text for p in c.paragraphs] for c in header.cells] == [["Country"], ["Activities"], ["Impact"]]
    assert sample_doc.text[header.span.start:header.span.end] == "Country\tActivities\tImpact"
    assert [b.kind for b in sample_doc.blocks].count("table-header") == 1


def test_sample_table_row_lines(sample_doc: SourceDocument) -> None:
    rows = [b.span.line for b in sample_doc.blocks if b.kind == "table-row"]
    assert rows == TABLE_ROW_LINES
    assert all(len(b.cells) == 3 for b in sample_doc.blocks if b.kind == "table-row")
    # the table is the end of the document: nothing after the header but rows
    kinds_after = {b.kind for b in sample_doc.blocks if b.span.line > 51}
    assert kinds_after == {"table-row"}


def test_sample_block_count(sample_doc: SourceDocument) -> None:
    kinds = [b.kind for b in sample_doc.blocks]
    assert (kinds.count("text"), kinds.count("table-header"), kinds.count("table-row")) == (26, 1, 17)


def test_sample_row_52_cells(sample_doc: SourceDocument) -> None:
    row = _block(sample_doc, 52)
    assert [len(c.paragraphs) for c in row.cells] == [0, 4, 3]
    country, activities, impact = row.cells
    assert country.is_empty is True
    assert activities.is_empty is False
    assert activities.paragraphs[0].text == (
        "#1 Name and Date: International Symposium on “Libraries • Keeping Pace with the Times” "
        "was held at the National Library of China on Sep 9-10, 2019")
    assert activities.paragraphs[1].text == "Details:"
    assert [p.text for p in impact.paragraphs] == [
        "3. Connect and empower the field",
        "3.1 Provide excellent opportunities for face-to-face networking and learning",
        "3.3 Empower the field at the national and regional levels",
    ]


def test_sample_row_cell_paragraph_counts(sample_doc: SourceDocument) -> None:
    counts = {b.span.line: [len(c.paragraphs) for c in b.cells]
              for b in sample_doc.blocks if b.kind == "table-row"}
    assert counts[54] == [0, 2, 0]      # continuation row: rest of the details and the links
    assert counts[57] == [0, 1, 1]      # row broken by a page break after the name
    assert counts[59] == [0, 5, 2]      # ... continued here
    assert counts[67] == [0, 1, 0]      # a link alone in a continuation row


def test_sample_paragraph_spans_point_at_text(sample_doc: SourceDocument) -> None:
    row = _block(sample_doc, 52)
    details = row.cells[1].paragraphs[1]
    assert details.text == "Details:"
    assert details.span == SourceSpan(SAMPLE_NAME, 52, 52, 3673, 3681)
    assert sample_doc.text[details.span.start:details.span.end] == "Details:"
    direction = row.cells[2].paragraphs[0]
    assert sample_doc.text[direction.span.start:direction.span.end] == "3. Connect and empower the field"


def test_sample_every_paragraph_span_holds_its_text(sample_doc: SourceDocument) -> None:
    checked = 0
    for block in sample_doc.blocks:
        for cell in block.cells:
            raw_cell = sample_doc.text[cell.span.start:cell.span.end]
            assert "\t" not in raw_cell and "\n" not in raw_cell
            for p in cell.paragraphs:
                assert p.span.line == block.span.line
                assert cell.span.start <= p.span.start <= p.span.end <= cell.span.end
                assert clean_inline(sample_doc.text[p.span.start:p.span.end]) == p.text
                checked += 1
    assert checked == 101  # 98 in the rows, 3 in the header


def test_sample_link_alone_in_row(sample_doc: SourceDocument) -> None:
    row = _block(sample_doc, 67)
    (para,) = row.cells[1].paragraphs
    assert para.text == "http://www.gpsh.edu.kp:8080/thismonth.lecture!0#lecture-schedule"
    assert sample_doc.text[para.span.start:para.span.end] == para.text


def test_sample_line_numbers_agree_with_offsets(sample_doc: SourceDocument) -> None:
    for block in sample_doc.blocks:
        assert sample_doc.text.count("\n", 0, block.span.start) + 1 == block.span.line


# --- read_markdown on small texts -------------------------------------------------------------------


def test_read_markdown_minimal_report() -> None:
    doc = read_markdown(MINIMAL_REPORT, "r.md")
    assert [(b.kind, b.span.line) for b in doc.blocks] == [
        ("text", 1), ("text", 2), ("text", 3), ("text", 4), ("text", 6), ("text", 8), ("text", 10),
        ("text", 12), ("text", 14), ("text", 16), ("table-header", 18), ("table-row", 19),
    ]
    row = doc.blocks[-1]
    assert [[p.text for p in c.paragraphs] for c in row.cells] == [
        ["China"],
        ["#1 Name and Date: Seminar was held at the National Library of China on Sep 9-10, 2019", "Details:",
         "A seminar.", "Links: https://www.ifla.org/node/92613"],
        ["3. Connect and empower the field",
         "3.1 Provide excellent opportunities for face-to-face networking and learning"],
    ]
    china = row.cells[0].paragraphs[0]
    assert doc.text[china.span.start:china.span.end] == "China"


def test_read_markdown_numbered_item_and_autolink_kept() -> None:
    doc = read_markdown(MINIMAL_REPORT, "r.md")
    item = _block(doc, 14)
    assert item.text == "1\\ Worked with the National Library of China <https://www.ifla.org/node/92542>."


def test_read_markdown_text_span_strips_indentation() -> None:
    doc = read_markdown("  indented line   \nnext", "x.md")
    first, second = doc.blocks
    assert first.text == "indented line"
    assert first.span == SourceSpan("x.md", 1, 1, 2, 15)
    assert doc.text[first.span.start:first.span.end] == "indented line"
    assert second.span == SourceSpan("x.md", 2, 2, 19, 23)


def test_tab_line_before_header_is_text() -> None:
    doc = read_markdown("a\tb\nCountry\tActivities\tImpact\n\t<p>#1 X</p>\t", "x.md")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("text", "a b"), ("table-header", "Country | Activities | Impact"), ("table-row", "#1 X"),
    ]


def test_the_table_runs_to_the_next_section_heading() -> None:
    doc = read_markdown("Country\tActivities\tImpact\n\t<p>#1 X</p>\t\nA stray line\n\t<p>#2 Y</p>\t\n"
                        "IV. Other comments\nSome text", "x.md")
    assert [(b.kind, b.span.line, len(b.cells)) for b in doc.blocks] == [
        ("table-header", 1, 3), ("table-row", 2, 3), ("table-row", 3, 1), ("table-row", 4, 3), ("text", 5, 0),
        ("text", 6, 0)]


def test_cell_without_paragraph_tags_is_one_paragraph() -> None:
    doc = read_markdown("Country\tActivities\tImpact\n  Japan \t#1 Name\t", "x.md")
    row = doc.blocks[1]
    assert [[p.text for p in c.paragraphs] for c in row.cells] == [["Japan"], ["#1 Name"], []]
    japan = row.cells[0].paragraphs[0]
    assert doc.text[japan.span.start:japan.span.end] == "Japan"


def test_empty_paragraphs_dropped_and_entities_decoded() -> None:
    doc = read_markdown("Country\tActivities\tImpact\n\t<p></p> <p>A &amp; B<br/>C</p>\t<p> </p>", "x.md")
    row = doc.blocks[1]
    assert [[p.text for p in c.paragraphs] for c in row.cells] == [[], ["A & B", "C"], []]  # <br> ends a paragraph
    assert row.cells[2].is_empty is True


def test_clean_inline() -> None:
    assert clean_inline("**Bold**  and __more__") == "Bold and more"
    assert clean_inline("see <https://example.org/a> and <span>x</span>") == "see <https://example.org/a> and x"
    assert clean_inline("a&nbsp;b &lt;c&gt;") == "a b <c>"


# --- read_report: files, names, encodings ----------------------------------------------------------


def test_report_suffixes() -> None:
    assert REPORT_SUFFIXES == (".md", ".markdown", ".txt", ".docx", ".docm", ".doc", ".html", ".htm", ".xhtml")


@pytest.mark.parametrize("suffix", [".md", ".MD", ".txt", ".markdown"])
def test_read_report_suffixes(tmp_path: Path, suffix: str) -> None:
    path = write_report(tmp_path, MINIMAL_REPORT, "report" + suffix)
    doc = read_report(path, tmp_path)
    assert doc.name == "report" + suffix
    assert len(doc.blocks) == 12


def test_bom_and_crlf_give_same_document(tmp_path: Path, sample_path: Path, sample_doc: SourceDocument) -> None:
    text = sample_path.read_text(encoding="utf-8")
    assert "\r" not in text
    variants = {
        "plain.md": text.encode("utf-8"),
        "bom.md": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "crlf.md": text.replace("\n", "\r\n").encode("utf-8"),
        "both.md": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
    }
    docs = {}
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        docs[name] = read_report(tmp_path / name, tmp_path)
    for name, doc in docs.items():
        assert doc.name == name
        assert doc.encoding == "utf-8"
        assert doc.notes == ()
        assert doc.text == sample_doc.text
        # spans carry the file name; otherwise the blocks are identical
        assert doc.blocks == read_markdown(sample_doc.text, name).blocks
        assert [(b.kind, b.text, b.span.line, b.span.start, b.span.end) for b in doc.blocks] == [
            (b.kind, b.text, b.span.line, b.span.start, b.span.end) for b in sample_doc.blocks]


def test_utf16_file_reads_like_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r16.md"
    path.write_bytes(MINIMAL_REPORT.replace("\n", "\r\n").encode("utf-16"))
    doc = read_report(path, tmp_path)
    assert doc.encoding == "utf-16"
    assert doc.notes == ()
    assert doc.text == MINIMAL_REPORT
    assert doc.blocks == read_markdown(MINIMAL_REPORT, "r16.md").blocks


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_ansi_file_reads_with_warning(tmp_path: Path, codec: str) -> None:
    text = MINIMAL_REPORT.replace("–", "-").replace("Chen Ying", "Renée Dupré")
    path = tmp_path / "ansi.md"
    path.write_bytes(text.encode(codec))
    doc = read_report(path, tmp_path)
    assert doc.text == text
    assert doc.blocks == read_markdown(text, "ansi.md").blocks
    (note,) = doc.notes
    assert (note.code, note.severity) == ("encoding-not-utf8", "warning")
    assert note.span == SourceSpan("ansi.md", 1, 1, 0, 0)
    assert note.message == f"the file is not UTF-8; decoded as {doc.encoding}. Save it as UTF-8 to be sure."


def test_decomposed_text_is_composed(tmp_path: Path) -> None:
    path = write_report(tmp_path, "Biblioth\u0065\u0300que Caf\u0065\u0301\n")
    doc = read_report(path, tmp_path)
    assert doc.text == "Biblioth\u00e8que Caf\u00e9\n"
    assert doc.blocks[0].text == "Bibliothèque Café"
    assert doc.blocks[0].span.end == len("Bibliothèque Café")


# --- read_report errors ------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReportError) as info:
        read_report(tmp_path / "sub" / "gone.md", tmp_path)
    assert str(info.value) == "sub/gone.md: no such file"
    assert info.value.exit_code == 2


def test_format_told_by_content_not_extension(tmp_path: Path) -> None:
    (tmp_path / "report.md").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(ReportError) as info:
        read_report(tmp_path / "report.md", tmp_path)
    assert str(info.value) == ("report.md: this is a PDF document, not a report this tool reads (give the report as "
                               "a Word document (.docx), an HTML page or its text export (.md))")


def test_no_extension_read_by_content(tmp_path: Path) -> None:
    path = write_report(tmp_path, MINIMAL_REPORT, "REPORT")
    doc = read_report(path, tmp_path)
    assert (doc.name, doc.format, len(doc.blocks)) == ("REPORT", "text", 12)


def test_folder_named_like_a_report(tmp_path: Path) -> None:
    (tmp_path / "dir.md").mkdir()
    with pytest.raises(ReportError) as info:
        read_report(tmp_path / "dir.md", tmp_path)
    assert info.value.file == "dir.md"
    assert info.value.message.startswith("cannot read: ")


def test_empty_file(tmp_path: Path) -> None:
    path = write_report(tmp_path, " \n\n", "empty.md")
    with pytest.raises(ReportError) as info:
        read_report(path, tmp_path)
    assert str(info.value) == "empty.md: the file is empty (expected a bi-annual sub-regional report)"


# --- display_name -------------------------------------------------------------------------------------


def test_display_name_relative_to_root(tmp_path: Path) -> None:
    assert display_name(tmp_path / "2020" / "r.md", tmp_path) == "2020/r.md"
    assert display_name(tmp_path / "r.md", tmp_path) == "r.md"


def test_display_name_root_given_relatively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_name(Path("data/reports/a/r.md"), Path("data/reports")) == "a/r.md"
    assert display_name(tmp_path / "data" / "reports" / "r.md", Path("data/reports")) == "r.md"


def test_display_name_outside_root(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "r.md"
    assert display_name(other, tmp_path / "reports") == "r.md"
    assert display_name(Path("elsewhere/r.md"), tmp_path / "reports") == "elsewhere/r.md"


def test_display_name_without_root(tmp_path: Path) -> None:
    assert display_name(tmp_path / "x" / "r.md", None) == "r.md"
    assert display_name(Path("x/r.md"), None) == "x/r.md"


def test_read_report_name_in_spans(tmp_path: Path) -> None:
    (tmp_path / "2020").mkdir()
    path = write_report(tmp_path / "2020", MINIMAL_REPORT)
    doc = read_report(path, tmp_path)
    assert doc.name == "2020/report.md"
    assert {b.span.file for b in doc.blocks} == {"2020/report.md"}
    assert {p.span.file for b in doc.blocks for c in b.cells for p in c.paragraphs} == {"2020/report.md"}


def test_only_complete_entities_are_decoded() -> None:
    from rscao_graph.read.markdown import clean_inline

    assert clean_inline("<p>a &amp; b https://x.org/?q=1&para=2&copy=3 &#8211; &lt;</p>") == (
        "a & b https://x.org/?q=1&para=2&copy=3 – <")


# --- only regular files are read (issue 10, item 9) -------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_device_is_refused_unread(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    for path, kind in ((tmp_path / "pipe.md", "a FIFO (named pipe)"), (Path("/dev/null"), "a character device")):
        with pytest.raises(ReportError) as info:
            read_report(path, tmp_path)
        assert (info.value.file, info.value.message) == (
            path.name, f"this is {kind}, not a report file; only regular files are read")


def test_a_file_past_the_size_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import rscao_graph.read as read

    assert read.MAX_REPORT_BYTES == 256 * 1024 * 1024
    monkeypatch.setattr(read, "MAX_REPORT_BYTES", 100)
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 101)
    with pytest.raises(ReportError) as info:
        read_report(big, tmp_path)
    assert (info.value.file, info.value.message, info.value.hint) == (
        "big.md", "the file has 101 bytes, more than a report may have (100)",
        "give the report itself, not an archive or a dump")
    # A sparse file of 300 MiB: refused from its size, nothing read.
    sparse = tmp_path / "sparse.md"
    with sparse.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)
    monkeypatch.setattr(read, "MAX_REPORT_BYTES", 256 * 1024 * 1024)
    with pytest.raises(ReportError) as info:
        read_report(sparse, tmp_path)
    assert info.value.message == "the file has 314,572,800 bytes, more than a report may have (268,435,456)"
