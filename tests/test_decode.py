"""Bytes to text: rscao_graph.read.decode.decode_report."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpers import MINIMAL_REPORT

from rscao_graph.errors import ReportError
from rscao_graph.model import Note, SourceSpan
from rscao_graph.read.decode import decode_report

TEXT = "Sub-region: North East Asia – Convenor: Chen Ying\nLine two\n"


def _warning(name: str, encoding: str) -> Note:
    return Note("encoding-not-utf8", "warning",
                f"the file is not UTF-8; decoded as {encoding}. Save it as UTF-8 to be sure.",
                SourceSpan(name, 1, 1, 0, 0))


def test_utf8() -> None:
    assert decode_report(TEXT.encode("utf-8"), "r.md") == (TEXT, "utf-8", ())


def test_utf8_bom_removed() -> None:
    assert decode_report(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "r.md") == (TEXT, "utf-8", ())


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_ends_become_newlines(newline: str) -> None:
    data = TEXT.replace("\n", newline).encode("utf-8")
    assert decode_report(data, "r.md") == (TEXT, "utf-8", ())


@pytest.mark.parametrize("bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    data = bom + TEXT.replace("\n", "\r\n").encode(codec)
    assert decode_report(data, "r.md") == (TEXT, "utf-16", ())


def test_utf16_sample(sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    assert decode_report(text.encode("utf-16"), "r.md") == (text, "utf-16", ())


def test_nfc_normalisation() -> None:
    decomposed = "Cafe\u0301 de\u0301ja\u0300 vu\n"
    text, encoding, notes = decode_report(decomposed.encode("utf-8"), "r.md")
    assert text == "Caf\u00e9 d\u00e9j\u00e0 vu\n"
    assert len(text) == len(decomposed) - 3
    assert unicodedata.is_normalized("NFC", text)
    assert (encoding, notes) == ("utf-8", ())


def test_cp1252_short_text() -> None:
    text = "Bibliothèque nationale de France, Société, café – déjà vu\n"
    assert decode_report(text.encode("cp1252"), "r.md") == (text, "cp1252", (_warning("r.md", "cp1252"),))


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_ansi_report(codec: str) -> None:
    text = MINIMAL_REPORT.replace("–", "-").replace("Chen Ying", "Renée Dupré")
    decoded, encoding, notes = decode_report(text.encode(codec), "r.md")
    assert decoded == text
    assert notes == (_warning("r.md", encoding),)


def test_cp1252_sample_decodes_correctly(sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    decoded, encoding, notes = decode_report(text.encode("cp1252"), "r.md")
    assert (decoded, encoding, notes) == (text, "cp1252", (_warning("r.md", "cp1252"),))


def test_cp1252_report_with_french_names_decodes_correctly() -> None:
    text = MINIMAL_REPORT.replace("Chen Ying", "Société française de bibliothéconomie, café – déjà vu")
    decoded, encoding, _ = decode_report(text.encode("cp1252"), "r.md")
    assert (decoded, encoding) == (text, "cp1252")


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\r\n\t \n"])
def test_empty(data: bytes) -> None:
    with pytest.raises(ReportError) as info:
        decode_report(data, "e.md")
    assert str(info.value) == "e.md: the file is empty (expected a bi-annual sub-regional report)"
    assert info.value.exit_code == 2


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n\r\n", b"\xff\xfe\n\x00"])
def test_bom_only_is_empty(data: bytes) -> None:
    with pytest.raises(ReportError) as info:
        decode_report(data, "e.md")
    assert info.value.message == "the file is empty"


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(ReportError) as info:
        decode_report(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "image.md")
    assert str(info.value) == ("image.md: this is a binary file, not a text report "
                               "(export the report as Markdown or plain text (UTF-8))")
    assert info.value.exit_code == 2


def test_control_characters_are_binary() -> None:
    data = ("Report\n" + "\x01\x02\x03\x04\x05" * 4 + "\n").encode("utf-8")
    with pytest.raises(ReportError) as info:
        decode_report(data, "ctl.md")
    assert info.value.message == "this is a binary file, not a text report"


def test_page_breaks_and_vertical_tabs_become_spaces() -> None:
    data = b"Report\x0b with a vertical tab\n\fpage two\n"
    assert decode_report(data, "r.md") == ("Report  with a vertical tab\n page two\n", "utf-8", ())


def test_undecodable_bytes() -> None:
    data = b"Report line one\n" + bytes(range(0x80, 0x100)) * 8
    with pytest.raises(ReportError) as info:
        decode_report(data, "odd.md")
    assert str(info.value) == ("odd.md:2: not UTF-8 (byte 0x80) and the encoding cannot be told "
                               "(save the report as UTF-8)")
    assert (info.value.file, info.value.line) == ("odd.md", 2)


# --- issue 10: bytes that used to be internal errors ---------------------------------------------------


@pytest.mark.parametrize("data", [
    b"\xff\xfe" + "Report\n".encode("utf-16-le") + b"\x00",          # odd number of bytes
    b"\xff\xfe" + "Rep".encode("utf-16-le") + b"\x00\xd8" + "ort\n".encode("utf-16-le"),  # lone surrogate
], ids=["odd-length", "lone-surrogate"])
def test_broken_utf16_is_an_input_error(data: bytes) -> None:
    with pytest.raises(ReportError) as info:
        decode_report(data, "r16.md")
    assert info.value.exit_code == 2
    assert str(info.value) == ("r16.md: the file starts with a UTF-16 byte order mark but is not valid UTF-16 (an odd "
                               "number of bytes or a broken surrogate pair) (save the report again as UTF-8)")


def test_utf16_bom_before_a_utf8_body_reads_as_utf8() -> None:
    text, encoding, notes = decode_report(b"\xff\xfe" + "Bi-annual report – Chen Ying\nline".encode(), "r.md")
    assert (text, encoding) == ("Bi-annual report – Chen Ying\nline", "utf-8")
    assert [(n.code, n.severity) for n in notes] == [("encoding-not-utf8", "warning")]


def test_characters_rdf_refuses_are_replaced_and_noted() -> None:
    text, _, notes = decode_report("one\ufffe\ntwo\uffff and \U0010ffff\nthree\x01\n".encode("utf-8"), "r.md")
    assert text == "one\ufffd\ntwo\ufffd and \ufffd\nthree\ufffd\n"
    assert [(n.code, n.span.line, n.message) for n in notes] == [
        ("text-replaced", 1, "characters that RDF cannot carry (U+FFFE) were replaced by U+FFFD; check the line in "
                             "the original document"),
        ("text-replaced", 2, "characters that RDF cannot carry (U+10FFFF, U+FFFF) were replaced by U+FFFD; check the "
                             "line in the original document"),
        ("text-replaced", 3, "characters that RDF cannot carry (U+0001) were replaced by U+FFFD; check the line in "
                             "the original document")]


def test_line_separators_become_line_breaks() -> None:
    text, _, notes = decode_report("Country\tActivities\tImpact\u2028\t<p>#1 A</p>\t\u2029x".encode("utf-8"), "r.md")
    assert text == "Country\tActivities\tImpact\n\t<p>#1 A</p>\t\nx"
    assert [(n.code, n.severity) for n in notes] == [("line-separators", "info")]


def test_a_line_separator_in_a_table_row_is_a_break_inside_its_cell() -> None:
    """Word's manual line break inside a cell (issue 10, item 2): when the file's lines end in line feeds,
    a separator in a line with tabs stays in it (the cell reader reads it as <br>); elsewhere it ends its line."""
    data = "Title\u2028Sub-region: X\nCountry\tActivities\tImpact\nChina\t<p>#1 A\u2028Details: b\x85c</p>\t3.1\n"
    text, _, notes = decode_report(data.encode("utf-8"), "r.md")
    assert text == "Title\nSub-region: X\nCountry\tActivities\tImpact\nChina\t<p>#1 A\u2028Details: b\u2028c</p>\t3.1\n"
    assert [(n.code, n.message) for n in notes] == [
        ("line-separators", "Unicode line separators (U+2028, U+2029 or U+0085) were read as line breaks")]


def test_utf8_with_a_few_damaged_bytes_stays_utf8_and_names_them() -> None:
    data = ("Nukuʻalofa – “Book fair”\r\n".encode() + "Team Ōtautahi".encode() + b"\xff\r\nend" + b"\xed\xa0\x80"
        + b" here\r\n")
    decoded, encoding, notes = decode_report(data, "r.md")
    assert (decoded, encoding) == ("Nukuʻalofa – “Book fair”\nTeam Ōtautahi\ufffd\nend\ufffd here\n", "utf-8")
    assert [(n.code, n.severity, n.span.line, n.message) for n in notes] == [
        ("text-replaced", "warning", 2, "bytes that are not UTF-8 (0xff) were replaced by U+FFFD; check the line "
         "in the original document"),
        ("text-replaced", "warning", 3, "bytes that are not UTF-8 (0xed 0xa0 0x80) were replaced by U+FFFD; check "
         "the line in the original document")]


def test_an_8_bit_file_with_one_accidental_utf8_pair_is_still_8_bit() -> None:
    text = "Café de la Bibliothèque, Nouméa, À côté: Ã© once"
    assert decode_report(text.encode("cp1252"), "r.md")[:2] == (text, "cp1252")
