"""Telling a report file's format by its content, and refusing what cannot or must not be read."""

from __future__ import annotations

import io
import zipfile

import pytest
from documents import HEADER, package, table

from rscao_graph.errors import ReportError
from rscao_graph.read import formats
from rscao_graph.read.formats import MAX_ENTRIES, MAX_PART_BYTES, MAX_TOTAL_BYTES, parse_xml, sniff_format

DOCX = package(table(HEADER))


def refused(data: bytes) -> str:
    with pytest.raises(ReportError) as info:
        sniff_format(data, "r.x")
    assert info.value.exit_code == 2
    return info.value.message


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("data", "kind"), [
    (DOCX, "docx"),
    (b"<!DOCTYPE html>\n<html><body></body></html>", "html"),
    (b"\xef\xbb\xbf  <!-- saved --> <HTML lang=en>", "html"),
    (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
    ("<html><body>".encode("utf-16"), "html"),
    (b"**IFLA- Regional Standing Committee**\n\nCountry\tActivities\tImpact\n\t<p>#1</p>", "text"),
    (b"<p>#1 Name and Date: a table line of the text export starts with a tag</p>", "text"),
])
def test_format_by_content(data: bytes, kind: str) -> None:
    assert sniff_format(data, "r.x") == kind


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.7", "this is a PDF document, not a report this tool reads"),
    (b"{\\rtf1\\ansi", "this is an RTF document, not a report this tool reads"),
    (b"\x89PNG\r\n\x1a\n", "this is a PNG image, not a report this tool reads"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"),
     "this is a Word 97-2003 document (.doc), which is not read"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
     "the document is password-protected (an encrypted Office file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "this is an Office 97-2003 file (an OLE compound file), not a report "
                                                  "this tool reads"),
    (zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
     "this is an OpenDocument file (application/vnd.oasis.opendocument.text), not a Word document"),
    (zipped({"xl/workbook.xml": b"<x/>"}), "this is an Excel workbook (.xlsx), not a report this tool reads"),
    (zipped({"a.txt": b"a", "b.txt": b"b"}), "this is a ZIP archive without word/document.xml (a.txt, b.txt), not a Word "
                                             "document"),
    (b"PK\x03\x04\x14\x00", "the document is damaged: not a readable ZIP package (File is not a zip file)"),
])
def test_refused_formats_are_named(data: bytes, message: str) -> None:
    assert refused(data) == message


def test_zip_bomb_refused_before_unpacking() -> None:
    bomb = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>",
                   "word/media/big.bin": bytes(MAX_PART_BYTES + 1)})
    assert len(bomb) < 200_000
    assert refused(bomb) == (f"part word/media/big.bin would expand to {MAX_PART_BYTES + 1:,} bytes, past the limit of "
                             f"{MAX_PART_BYTES:,} bytes a part (a zip bomb?)")
    parts = MAX_TOTAL_BYTES // MAX_PART_BYTES + 1
    many = zipped({"word/document.xml": b"<w:document/>", **{f"word/media/{i}.bin": bytes(MAX_PART_BYTES)
                                                             for i in range(parts)}})
    assert refused(many) == (f"the document's parts would expand to {parts * MAX_PART_BYTES + 13:,} bytes, past the "
                             f"limit of {MAX_TOTAL_BYTES:,} bytes (a zip bomb?)")


def test_too_many_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "MAX_ENTRIES", 3)
    assert MAX_ENTRIES == 10_000
    assert refused(zipped({f"{i}.xml": b"<x/>" for i in range(4)})) == (
        "the document has 4 parts, more than the 3 this tool unpacks")


def test_parse_xml_refuses_a_dtd_and_does_not_resolve() -> None:
    with pytest.raises(ReportError) as info:
        parse_xml(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]><x>&e;</x>', "r.docx", "word/x.xml")
    assert info.value.message == ("word/x.xml declares a DTD or entities (<!DOCTYPE ...>), which Word never writes; "
                                  "the document is refused unread")
    assert parse_xml(b"<x>plain</x>", "r.docx", "word/x.xml").text == "plain"
    with pytest.raises(ReportError) as broken:
        parse_xml(b"<x>", "r.docx", "word/x.xml")
    assert broken.value.message.startswith("the document is damaged: word/x.xml is not well-formed XML")
