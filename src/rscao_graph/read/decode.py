"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, other encodings detected with a warning."""

from __future__ import annotations

import unicodedata

from ..errors import ReportError
from ..model import Note, SourceSpan

__all__ = ["decode_report"]

_CONTROL_OK = {"\n", "\r", "\t", "\f"}


def decode_report(data: bytes, name: str) -> tuple[str, str, tuple[Note, ...]]:
    """Decode a report's bytes to NFC text with ``\\n`` line ends.

    Returns ``(text, encoding, notes)``; a non-UTF-8 encoding yields a warning note.
    Raises :class:`ReportError` for an empty or binary file, or one whose encoding cannot be told.
    """
    if not data.strip():
        raise ReportError("the file is empty", file=name, hint="expected a bi-annual sub-regional report")
    notes: tuple[Note, ...] = ()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    else:
        if b"\x00" in data:
            raise ReportError("this is a binary file, not a text report", file=name,
                              hint="export the report as Markdown or plain text (UTF-8)")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = _decode_other(data, name, exc)
            notes = (Note("encoding-not-utf8", "warning",
                          f"the file is not UTF-8; decoded as {encoding}. Save it as UTF-8 to be sure.",
                          SourceSpan(name, 1, 1, 0, 0)),)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReportError("the file is empty", file=name, hint="expected a bi-annual sub-regional report")
    if _looks_binary(text):
        raise ReportError("this is a binary file, not a text report", file=name,
                          hint="export the report as Markdown or plain text (UTF-8)")
    return unicodedata.normalize("NFC", text), encoding, notes


def _decode_other(data: bytes, name: str, error: UnicodeDecodeError) -> tuple[str, str]:
    """Windows-1252 first (what Word exports on Windows give) when it reads every byte to a printable
    character; else whatever charset detection finds."""
    try:
        text = data.decode("cp1252")
        if not any("\x80" <= ch <= "\x9f" for ch in text):
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        line = data[: error.start].count(b"\n") + 1
        raise ReportError(f"not UTF-8 (byte {data[error.start]:#04x}) and the encoding cannot be told",
                          file=name, line=line, hint="save the report as UTF-8")
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _CONTROL_OK)
    return controls > max(8, len(sample) // 100)
