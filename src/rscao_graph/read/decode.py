"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, other encodings detected with a warning.

A UTF-8 file with a few damaged bytes (more well-formed multi-byte characters than bytes that are not
UTF-8) stays UTF-8: each bad byte becomes U+FFFD, with a note naming the bytes and the line, rather than
the whole file being read in an 8-bit encoding that garbles every other character.

What RDF tools refuse never reaches the model: noncharacters (U+FFFE, U+FFFF, ...), control characters
other than tab and line feed, and lone surrogates are replaced by U+FFFD with a note naming the line;
line separators (U+2028, U+2029, U+0085) become line feeds, but in a table row (a line with tabs, when
the file's lines end in line feeds) a line break inside its cell, which the cell reader reads as
``<br>``. Zero-width and other default-ignorable characters stay in the text as stated (names ignore
them when they are compared, see ``reference``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..errors import ReportError
from ..model import Note, SourceSpan

__all__ = ["decode_report", "replace_refused"]

_CONTROL_OK = {"\n", "\r", "\t", "\f"}
#: Code points no RDF serialisation should carry: C0/C1 controls but tab and line feed, surrogates,
#: noncharacters. Form feeds and vertical tabs (page breaks of Word exports) become spaces.
_REFUSED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                      + "".join(chr(p) + chr(p + 1) for p in range(0x1FFFE, 0x110000, 0x10000)) + "]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\u0085]")
_MAX_NOTES = 20


def decode_report(data: bytes, name: str) -> tuple[str, str, tuple[Note, ...]]:
    """Decode a report's bytes to NFC text with ``\\n`` line ends.

    Returns ``(text, encoding, notes)``; a non-UTF-8 encoding yields a warning note, replaced
    characters a note per line.
    Raises :class:`ReportError` for an empty or binary file, or one whose encoding cannot be told.

    >>> decode_report("a\\u2028b\\ufffe\\n".encode(), "r.md")[0]
    'a\\nb\\ufffd\\n'
    """
    if not data.strip():
        raise ReportError("the file is empty", file=name, hint="expected a bi-annual sub-regional report")
    notes: list[Note] = []
    damaged = False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_utf16(data, name, notes)
    else:
        if b"\x00" in data:
            raise ReportError("this is a binary file, not a text report", file=name,
                              hint="export the report as Markdown or plain text (UTF-8)")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as exc:
            if _mostly_utf8(data):
                text, encoding, damaged = data.decode("utf-8-sig", "surrogateescape"), "utf-8", True
            else:
                text, encoding = _decode_other(data, name, exc)
            if encoding != "utf-8":
                notes.append(Note("encoding-not-utf8", "warning",
                                  f"the file is not UTF-8; decoded as {encoding}. Save it as UTF-8 to be sure.",
                                  SourceSpan(name, 1, 1, 0, 0)))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if damaged:
        text = _replace_bad_bytes(text, name, notes)
    if not text.strip():
        raise ReportError("the file is empty", file=name, hint="expected a bi-annual sub-regional report")
    if _looks_binary(text):
        raise ReportError("this is a binary file, not a text report", file=name,
                          hint="export the report as Markdown or plain text (UTF-8)")
    text = unicodedata.normalize("NFC", _clean(text, name, notes))
    return text, encoding, tuple(notes)


def replace_refused(text: str) -> tuple[str, list[str]]:
    """``text`` with the code points RDF cannot carry replaced by U+FFFD, and the ones replaced
    (``"U+0085"``, ...), for a reader that gets its text from a document rather than from bytes.

    >>> replace_refused("a\x85b\ufffe")
    ('a\ufffdb\ufffd', ['U+0085', 'U+FFFE'])
    """
    if not _REFUSED.search(text):
        return text, []
    return _REFUSED.sub("\ufffd", text), sorted({f"U+{ord(c):04X}" for c in _REFUSED.findall(text)})


def _decode_utf16(data: bytes, name: str, notes: list[Note]) -> tuple[str, str]:
    """UTF-16 as the byte order mark says; a body that is really UTF-8 (a stray BOM) is read as such."""
    try:
        text: str | None = data.decode("utf-16")
    except UnicodeDecodeError:
        text = None
    try:
        body: str | None = data[2:].decode("utf-8")
    except UnicodeDecodeError:
        body = None
    if text is not None and ("\n" in text or "\r" in text or body is None):
        return text, "utf-16"
    if body is not None and b"\x00" not in data[2:]:
        notes.append(Note("encoding-not-utf8", "warning",
                          "the file starts with a UTF-16 byte order mark but the rest is UTF-8; read as UTF-8. "
                          "Save it as UTF-8 to be sure.", SourceSpan(name, 1, 1, 0, 0)))
        return body, "utf-8"
    raise ReportError("the file starts with a UTF-16 byte order mark but is not valid UTF-16 "
                      "(an odd number of bytes or a broken surrogate pair)", file=name,
                      hint="save the report again as UTF-8")


def _clean(text: str, name: str, notes: list[Note]) -> str:
    """Line separators to line feeds (or, in a table row, to a break inside its cell); refused code
    points to U+FFFD, noted once per line."""
    if _LINE_SEPARATORS.search(text):
        notes.append(Note("line-separators", "info", "Unicode line separators (U+2028, U+2029 or U+0085) were read "
                          "as line breaks", SourceSpan(name, 1, 1, 0, 0)))
        text = _separate_lines(text)
    text = text.replace("\f", " ").replace("\v", " ")
    if not _REFUSED.search(text):
        return text
    return _replace_noted(text, _REFUSED, name, notes, "such characters", lambda found: (
        f"characters that RDF cannot carry ({', '.join(sorted({f'U+{ord(c):04X}' for c in found})[:5])}) "
        "were replaced by U+FFFD; check the line in the original document"))


def _replace_noted(text: str, pattern: re.Pattern[str], name: str, notes: list[Note], kind: str,
                   message: Callable[[list[str]], str]) -> str:
    """What ``pattern`` finds replaced by U+FFFD, with a warning for each line (``message`` of what it found
    there) up to :data:`_MAX_NOTES` lines, and one for the lines past them."""
    lines = text.split("\n")
    offset, noted = 0, 0
    for number, line in enumerate(lines, start=1):
        found = pattern.findall(line)
        if found:
            noted += 1
            if noted <= _MAX_NOTES:
                notes.append(Note("text-replaced", "warning", message(found),
                                  SourceSpan(name, number, number, offset, offset + len(line))))
            lines[number - 1] = pattern.sub("\ufffd", line)
        offset += len(line) + 1
    if noted > _MAX_NOTES:
        notes.append(Note("text-replaced", "warning", f"{noted - _MAX_NOTES} more lines had {kind}",
                          SourceSpan(name, 1, 1, 0, 0)))
    return "\n".join(lines)


def _separate_lines(text: str) -> str:
    """The file's lines, when line separators end them (a file of one line joined by U+2028); else
    (the file has line feeds) a separator in a row of the table (a line with tabs) is a line break
    inside its cell, kept as U+2028 for the cell reader, and one anywhere else ends its line.

    >>> _separate_lines("a\\u2028b\\u2029c"), _separate_lines("x\\u2028y\\nA\\t<p>B\\u2028C</p>\\t\\x85D\\n")
    ('a\\nb\\nc', 'x\\ny\\nA\\t<p>B\\u2028C</p>\\t\\u2028D\\n')
    """
    if "\n" not in text.rstrip("\n"):
        return _LINE_SEPARATORS.sub("\n", text)
    return "\n".join(_LINE_SEPARATORS.sub("\u2028" if "\t" in line else "\n", line) for line in text.split("\n"))


# A well-formed UTF-8 sequence of two to four bytes (RFC 3629): no overlong forms, no surrogates.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                            rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                            rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_ESCAPED = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes (a truncated character, a stray byte): more well-formed multi-byte
    sequences than bytes that are not UTF-8. A file in an 8-bit encoding has next to none of the former."""
    good = len(_UTF8_SEQUENCE.findall(data))
    bad = len(_ESCAPED.findall(data.decode("utf-8", "surrogateescape")))
    return good > bad


def _replace_bad_bytes(text: str, name: str, notes: list[Note]) -> str:
    """The bytes of a UTF-8 file that are not UTF-8 (escaped as U+DC80-U+DCFF) replaced by U+FFFD, with a
    note naming them on each line (the rest of the file keeps its characters)."""
    return _replace_noted(text, _ESCAPED, name, notes, "bytes that are not UTF-8", lambda runs: (
        f"bytes that are not UTF-8 ({', '.join(' '.join(f'{ord(c) - 0xDC00:#04x}' for c in run) for run in runs[:5])})"
        " were replaced by U+FFFD; check the line in the original document"))


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
