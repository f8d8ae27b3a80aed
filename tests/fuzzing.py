"""A seeded mutation fuzzer for reading and extraction (issue 10, "a fuzz harness in the project").

:func:`make_case` derives input ``index`` of run ``seed`` from one of the :data:`SEEDS` reports (the
bundled sample and the six reports of ``tests/data/corpus/``) by stacking one to four of the named
:data:`OPERATORS` (truncations, deleted and doubled tabs and tags, broken tags, random Unicode of the
:data:`UNICODE` classes, surrogates and invalid bytes inside UTF-8, CRLF/CR, UTF-16, a huge cell,
thousands of rows). Each input draws from its own ``random.Random(f"{seed}/{index}")``, so it can be
made again alone; its :attr:`Case.description` says what was done.

``fuzz_check.check`` runs a case through the real entry points and checks the properties.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rscao_graph.resources import SAMPLE_REPORT, resource_path

__all__ = ["OPERATORS", "SEEDS", "UNICODE", "Case", "make_case", "seed_reports"]

CORPUS = Path(__file__).parent / "data" / "corpus"


def seed_reports() -> dict[str, bytes]:
    """The seeds: the sample report and the corpus reports, by file name."""
    paths = [resource_path("data", SAMPLE_REPORT), *sorted(p for p in CORPUS.glob("*.md") if p.stem != "README")]
    return {p.name: p.read_bytes() for p in paths}


SEEDS = seed_reports()

#: The classes of characters the ``unicode`` operator inserts.
UNICODE: dict[str, tuple[str, ...]] = {
    "rtl": ("\u200f", "\u202e", "\u2066", "\u202b", "\u2069"),
    "zero-width": ("\u200b", "\u200d", "\ufeff", "\u00ad", "\u200c"),
    "combining": ("\u0301", "\u0308", "\u0327", "\u20dd"),
    "noncharacter": ("\ufffe", "\uffff", "\ufdd0", "\U0010ffff"),
    "nul": ("\x00",),
    "c0-c1": ("\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80", "\x85", "\x9b", "\x9f"),
    "separator": ("\u2028", "\u2029"),
    "astral": ("\U0001f600", "\U0001f1e8\U0001f1f3", "\U0001f469\u200d\U0001f4bb", "\U00020000"),
}
#: Byte sequences that are no UTF-8 text: surrogates encoded as UTF-8 (CESU), lone and overlong bytes.
SURROGATE_BYTES = (b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xed\xa0\xbd\xed\xb8\x80")
INVALID_BYTES = (b"\xff", b"\xc3", b"\xc0\xaf", b"\xe2\x82", b"\xf8\x88\x80\x80\x80", b"\x80")
TAGS = ("<p>", "</p>", "<br>", "<b>", "</b>")


@dataclass(frozen=True)
class Case:
    """One fuzz input: its bytes, the seed report it came from and what was done to it."""

    index: int
    seed_name: str
    data: bytes
    operations: tuple[str, ...]

    @property
    def description(self) -> str:
        return f"#{self.index} from {self.seed_name}: " + "; ".join(self.operations)

    @property
    def operators(self) -> tuple[str, ...]:
        return tuple(op.split(" ", 1)[0] for op in self.operations)


# --- the operators: each takes the random source and the input, returns the new input and what it did -----

Op = Callable[[random.Random, bytes], tuple[bytes, str]]


def _text(function: Callable[[random.Random, str], tuple[str, str]]) -> Op:
    """An operator on the text (the input is still UTF-8: text operators run first)."""
    def op(rng: random.Random, data: bytes) -> tuple[bytes, str]:
        text, done = function(rng, data.decode("utf-8"))
        return text.encode("utf-8"), done
    return op


def _truncate_char(rng: random.Random, text: str) -> tuple[str, str]:
    at = rng.randrange(len(text)) if text else 0
    return text[:at], f"at char {at} of {len(text)}"


def _pick(rng: random.Random, text: str, pattern: str) -> re.Match[str] | None:
    found = list(re.finditer(pattern, text))
    return rng.choice(found) if found else None


def _delete_tab(rng: random.Random, text: str) -> tuple[str, str]:
    m = _pick(rng, text, "\t")
    return (text, "no tab") if m is None else (text[:m.start()] + text[m.end():], f"at char {m.start()}")


def _double_tab(rng: random.Random, text: str) -> tuple[str, str]:
    m = _pick(rng, text, "\t")
    return (text, "no tab") if m is None else (text[:m.start()] + "\t\t" + text[m.end():], f"at char {m.start()}")


def _tag(kind: str) -> Callable[[random.Random, str], tuple[str, str]]:
    def op(rng: random.Random, text: str) -> tuple[str, str]:
        tag = rng.choice(TAGS)
        m = _pick(rng, text, re.escape(tag))
        if m is None:
            return text, f"{tag} absent"
        if kind == "delete":
            new = ""
        elif kind == "double":
            new = tag + tag
        else:
            new = tag[1:] if rng.random() < 0.5 else tag[:-1]  # its "<" or its ">" lost
        return text[:m.start()] + new + text[m.end():], f"{tag} at char {m.start()} -> {new!r}"
    return op


def _unicode(rng: random.Random, text: str) -> tuple[str, str]:
    name = rng.choice(sorted(UNICODE))
    done = []
    for _ in range(rng.randint(1, 5)):
        at, char = rng.randrange(len(text) + 1), rng.choice(UNICODE[name])
        text = text[:at] + char + text[at:]
        done.append(f"{'+'.join(f'U+{ord(c):04X}' for c in char)} at {at}")
    return text, f"{name}: " + ", ".join(done)


def _line_ends(rng: random.Random, text: str) -> tuple[str, str]:
    kind = rng.choice(("crlf", "cr", "mixed"))
    if kind == "mixed":
        return "".join(line + rng.choice(("\n", "\r\n", "\r")) for line in text.split("\n")), kind
    return text.replace("\n", "\r\n" if kind == "crlf" else "\r"), kind


def _table_rows(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"(?m)^[^\n]*\t[^\n]*$", text))


def _huge_cell(rng: random.Random, text: str) -> tuple[str, str]:
    rows = _table_rows(text)
    if not rows:
        return text, "no table row"
    row = rng.choice(rows)
    cells = row.group(0).split("\t")
    which = rng.randrange(len(cells))
    size = rng.randint(100_000, 1_000_000)
    unit = cells[which] or "x"
    cells[which] = (unit * (size // len(unit) + 1))[:size]
    return text[:row.start()] + "\t".join(cells) + text[row.end():], f"cell {which} of line at char {row.start()} to {size} chars"


def _many_rows(rng: random.Random, text: str) -> tuple[str, str]:
    rows = _table_rows(text)
    if not rows:
        return text, "no table row"
    first, last = rows[1 if len(rows) > 1 else 0], rows[-1]  # the rows after the table header
    block = text[first.start():last.end()]
    count = rng.randint(2_000, 5_000)
    copies = count // max(1, len(rows) - 1) + 1
    return text[:first.start()] + "\n".join([block] * copies) + text[last.end():], f"table rows x{copies}"


def _boundary(rng: random.Random, data: bytes) -> int:
    """A byte offset that is not inside a UTF-8 sequence (of the input as it stands)."""
    at = rng.randrange(len(data) + 1)
    while 0 < at < len(data) and 0x80 <= data[at] < 0xC0:
        at -= 1
    return at


def _insert_bytes(choices: tuple[bytes, ...]) -> Op:
    def op(rng: random.Random, data: bytes) -> tuple[bytes, str]:
        done = []
        for _ in range(rng.randint(1, 3)):
            at, raw = _boundary(rng, data), rng.choice(choices)
            data = data[:at] + raw + data[at:]
            done.append(f"{raw.hex()} at byte {at}")
        return data, ", ".join(done)
    return op


def _utf16(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    try:  # surrogates written as UTF-8 stay lone surrogates; other invalid bytes become U+DC80-U+DCFF
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
    order = rng.choice(("le", "be"))
    bom = rng.random() < 0.8
    out = text.encode(f"utf-16-{order}", "surrogatepass")
    out = ((b"\xff\xfe" if order == "le" else b"\xfe\xff") if bom else b"") + out
    odd = rng.random() < 0.2
    return (out[:-1] if odd and out else out), f"{order}{' bom' if bom else ''}{' odd' if odd else ''}"


def _truncate_byte(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    at = rng.randrange(len(data)) if data else 0
    return data[:at], f"at byte {at} of {len(data)}"


#: name -> (stage, weight, operator): stacked operators run by stage (text, bytes in UTF-8, encoding,
#: the encoded file), so that a text operator always sees text.
OPERATORS: dict[str, tuple[int, float, Op]] = {
    "truncate-char": (0, 1.0, _text(_truncate_char)),
    "delete-tab": (0, 1.0, _text(_delete_tab)),
    "double-tab": (0, 1.0, _text(_double_tab)),
    "delete-tag": (0, 1.0, _text(_tag("delete"))),
    "double-tag": (0, 1.0, _text(_tag("double"))),
    "break-tag": (0, 1.0, _text(_tag("break"))),
    "unicode": (0, 2.0, _text(_unicode)),
    "line-ends": (0, 1.0, _text(_line_ends)),
    "huge-cell": (0, 0.03, _text(_huge_cell)),
    "many-rows": (0, 0.03, _text(_many_rows)),
    "surrogate-bytes": (1, 0.7, _insert_bytes(SURROGATE_BYTES)),
    "invalid-bytes": (1, 0.5, _insert_bytes(INVALID_BYTES)),
    "utf-16": (2, 0.7, _utf16),
    "truncate-byte": (3, 0.7, _truncate_byte),
}


def make_case(seed: int, index: int, seeds: dict[str, bytes] | None = None) -> Case:
    """Input ``index`` of the run ``seed``: a seed report with one to four operators stacked."""
    seeds = SEEDS if seeds is None else seeds
    rng = random.Random(f"{seed}/{index}")
    name = rng.choice(sorted(seeds))
    names = sorted(OPERATORS)
    chosen = rng.choices(names, weights=[OPERATORS[n][1] for n in names],
                         k=rng.choices((1, 2, 3, 4), weights=(4, 3, 2, 1))[0])
    data, done = seeds[name], []
    for op in sorted(chosen, key=lambda n: OPERATORS[n][0]):
        data, what = OPERATORS[op][2](rng, data)
        done.append(f"{op} {what}")
    return Case(index, name, data, tuple(done))
