"""What a report file is, told by its content: a Word document, HTML or text; and the safe opening of
a Word document's ZIP package and XML.

The format is sniffed from the bytes, never taken from the extension alone: a ZIP holding
``word/document.xml`` is a Word document, a file that starts (after a byte order mark, white space,
an XML declaration or comments) with ``<!DOCTYPE html``, ``<html``, ``<head`` or ``<body`` is HTML, and
anything else goes to the text reader (which refuses binary files). What is recognised but cannot be
read is a :class:`~rscao_graph.errors.ReportError` (exit 2) naming what was found and what to do: a
password-protected document (an encrypted OLE container), a Word 97-2003 ``.doc``, a macro-enabled
``.docm``, an OpenDocument file, a PDF, an image, another kind of ZIP.

Limits, checked on the ZIP's directory before anything is unpacked (a "zip bomb" is refused, not
expanded): at most :data:`MAX_ENTRIES` parts, none expanding past :data:`MAX_PART_BYTES`, all together
not past :data:`MAX_TOTAL_BYTES`. Python's ``zipfile`` never reads a part past its declared size, so
the declared sizes bound what is unpacked. XML is parsed with entities left unresolved, no network and
no DTD; a part that declares a DTD (``<!DOCTYPE``, which Word never writes) is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

from lxml import etree

from ..errors import ReportError

__all__ = ["MAX_ENTRIES", "MAX_PART_BYTES", "MAX_TOTAL_BYTES", "check_package", "parse_xml", "sniff_format"]

MAX_ENTRIES = 10_000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?(?:\s|<\?xml[^>]*\?>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_UTF16_HTML = re.compile(r"^\ufeff?\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_SAVE_AS = "save it in Word or LibreOffice as a Word document (.docx), or as HTML"
_GIVE = "give the report as a Word document (.docx), an HTML page or its text export (.md)"
_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
]
_ZIP_KINDS = [
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
]
_MACRO_TYPES = ("macroEnabled", "vbaProject")


def sniff_format(data: bytes, name: str) -> Literal["docx", "html", "text"]:
    """Which reader ``data`` is for. Raises :class:`ReportError` for a format that is recognised but
    cannot be read as a report.

    >>> sniff_format(b"<!DOCTYPE html><html><body></body></html>", "r.html"), sniff_format(b"Country", "r.md")
    ('html', 'text')
    >>> try:
    ...     sniff_format(b"%PDF-1.7 ...", "r.pdf")
    ... except ReportError as error:
    ...     print(error.message)
    this is a PDF document, not a report this tool reads
    """
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, name)
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReportError("the document is password-protected (an encrypted Office file)", file=name,
                              hint="open it in Word, remove the password (File > Info > Protect Document) "
                                   "and save it again as .docx")
        if "WordDocument".encode("utf-16-le") in data:
            raise ReportError("this is a Word 97-2003 document (.doc), which is not read", file=name, hint=_SAVE_AS)
        raise ReportError("this is an Office 97-2003 file (an OLE compound file), not a report this tool reads",
                          file=name, hint=_SAVE_AS)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReportError(f"this is {what}, not a report this tool reads", file=name, hint=_GIVE)
    if _HTML_START.match(data[:4096]):
        return "html"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = data[:4096].decode("utf-16")
        except UnicodeDecodeError:
            head = ""
        if _UTF16_HTML.match(head):
            return "html"
    return "text"


def _sniff_zip(data: bytes, name: str) -> Literal["docx"]:
    archive = _open_zip(data, name)
    names = set(archive.namelist())
    if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
        if "opendocument" in mimetype:
            raise ReportError(f"this is an OpenDocument file ({mimetype}), not a Word document", file=name,
                              hint="save it in LibreOffice as Word (.docx) or as HTML")
    if "word/document.xml" not in names:
        for part, what in _ZIP_KINDS:
            if part in names:
                raise ReportError(f"this is {what}, not a report this tool reads", file=name, hint=_SAVE_AS)
        shown = ", ".join(sorted(names)[:5]) + (", ..." if len(names) > 5 else "")
        raise ReportError(f"this is a ZIP archive without word/document.xml ({shown or 'empty'}), not a Word "
                          "document", file=name, hint="give the report itself (.docx, .html or its text export)")
    types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if "word/vbaProject.bin" in names or any(t.encode() in types for t in _MACRO_TYPES):
        raise ReportError("this is a macro-enabled Word document (.docm); macros are never run or read", file=name,
                          hint="save it in Word as a Word document (.docx) without macros")
    return "docx"


def _open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ReportError(f"the document is damaged: not a readable ZIP package ({exc})", file=name,
                          hint="open it in Word or LibreOffice and save it again") from exc
    check_package(archive, name)
    return archive


def check_package(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a package that would expand past the limits (declared sizes, before unpacking)."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ReportError(f"the document has {len(infos)} parts, more than the {MAX_ENTRIES} this tool unpacks",
                          file=name, hint="this is no report document; check the file")
    total = 0
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise ReportError(f"part {info.filename} would expand to {info.file_size:,} bytes, past the limit of "
                              f"{MAX_PART_BYTES:,} bytes a part (a zip bomb?)", file=name,
                              hint="the file is refused unread; check where it comes from")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ReportError(f"the document's parts would expand to {total:,} bytes, past the limit of "
                          f"{MAX_TOTAL_BYTES:,} bytes (a zip bomb?)", file=name,
                          hint="the file is refused unread; remove large pictures or check where it comes from")


def _parser(html: bool = False) -> etree.XMLParser | etree.HTMLParser:
    if html:
        return etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, default_doctype=False)
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(data: bytes, name: str, part: str) -> etree._Element:
    """The root element of an XML part, parsed safely (see the module's docstring)."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ReportError(f"the document is damaged: {part} is not well-formed XML ({exc})", file=name,
                          hint="open it in Word or LibreOffice and save it again") from exc
    refuse_dtd(root, name, part)
    return root


def refuse_dtd(root: etree._Element, name: str, part: str) -> None:
    """Refuse XML that declares a DTD or uses entities: Word never writes them, and their only use in a
    document sent to us is an attack (external entities, "billion laughs")."""
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None or any(
            isinstance(node, etree._Entity) for node in root.iter(etree.Entity)):
        raise ReportError(f"{part} declares a DTD or entities (<!DOCTYPE ...>), which Word never writes; the "
                          "document is refused unread", file=name, hint="save it again from Word or LibreOffice")
