"""The Wikidata side of linking: plain SPARQL 1.1 queries (no vendor SERVICE clauses, so any mirror or a
local endpoint works) and the candidates they return.

Look-ups are exact: labels and aliases in English, batched with ``VALUES``; an item's types come through
``wdt:P31/wdt:P279*`` against a short list of classes, its country through ``wdt:P17/wdt:P297``.
Fuzzy scoring happens in Python (``scoring.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import Literal

from ..vocab import AUTHORITIES, RDFS, SCHEMA, SKOS, WD, WDT

__all__ = ["CLASSES", "FANOUT", "Candidate", "country_query", "fanout_query", "label_query", "parse_candidates",
           "parse_fanout"]

#: Wikidata classes the linker asks about, by the name used in evidence and scoring.
CLASSES = {"library": "Q7075", "organization": "Q43229", "university": "Q3918", "government agency": "Q327333",
           "city": "Q515", "human settlement": "Q486972", "administrative area": "Q56061", "human": "Q5",
           "country": "Q6256"}
#: Authority ids fetched for an accepted item: property -> authority (from the one table of authorities).
FANOUT = {a.wikidata_property: a.name for a in AUTHORITIES.values() if a.wikidata_property}
_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in (
    ("wd", WD), ("wdt", WDT), ("rdfs", RDFS), ("skos", SKOS), ("schema", SCHEMA)))
_DETAILS = """  OPTIONAL { ?item rdfs:label ?itemLabel . FILTER(LANG(?itemLabel) = "en") }
  OPTIONAL { ?item schema:description ?description . FILTER(LANG(?description) = "en") }
  OPTIONAL { ?item wdt:P31/wdt:P279* ?class . VALUES ?class { CLASSES } }
  OPTIONAL { ?item wdt:P17/wdt:P297 ?iso }
""".replace("CLASSES", " ".join(f"wd:{q}" for q in CLASSES.values()))


@dataclass
class Candidate:
    """A Wikidata item found for a name, with the evidence scoring needs."""

    qid: str
    matched: str = ""
    how: str = "label"
    label: str = ""
    description: str = ""
    classes: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)


def label_query(names: Iterable[str]) -> str:
    """Items whose English label or alias is one of ``names`` (exact look-ups, one query a batch)."""
    values = " ".join(str(Literal(n, language="en")) for n in sorted(set(names)))
    return (_PREFIXES + "SELECT ?matched ?how ?item ?itemLabel ?description ?class ?iso WHERE {\n"
            f"  VALUES ?matched {{ {values} }}\n"
            '  { ?item rdfs:label ?matched . BIND("label" AS ?how) }\n'
            '  UNION { ?item skos:altLabel ?matched . BIND("alias" AS ?how) }\n' + _DETAILS + "}\n")


def country_query(codes: Iterable[str]) -> str:
    """Items whose ISO 3166-1 alpha-2 code (P297) is one of ``codes``."""
    values = " ".join(str(Literal(c)) for c in sorted(set(codes)))
    return (_PREFIXES + "SELECT ?matched ?how ?item ?itemLabel ?description ?class ?iso WHERE {\n"
            f"  VALUES ?matched {{ {values} }}\n"
            '  ?item wdt:P297 ?matched . BIND("iso code" AS ?how)\n' + _DETAILS + "}\n")


def fanout_query(qids: Iterable[str]) -> str:
    """VIAF, ISNI, ISIL, GeoNames ids and the official website of accepted items."""
    items = " ".join(f"wd:{q}" for q in sorted(set(qids)))
    props = " ".join(f'(wdt:{p} "{a}")' for p, a in FANOUT.items())
    return (_PREFIXES + "SELECT ?item ?authority ?value WHERE {\n"
            f"  VALUES ?item {{ {items} }}\n  VALUES (?property ?authority) {{ {props} }}\n"
            "  ?item ?property ?value .\n}\n")


def _value(binding: dict[str, Any], name: str) -> str:
    return str(binding[name]["value"]) if name in binding else ""


def parse_candidates(bindings: list[dict[str, Any]]) -> dict[str, dict[str, Candidate]]:
    """Candidates by the name (or code) that found them, then by QID."""
    names = {q: n for n, q in CLASSES.items()}
    found: dict[str, dict[str, Candidate]] = {}
    for b in bindings:
        item = _value(b, "item")
        qid = item.removeprefix(str(WD))
        if not item.startswith(str(WD)) or not AUTHORITIES["wikidata"].valid(qid) or not qid.isascii():
            continue  # not an item (a mirror's own node, a malformed id): never written to the decisions file
        matched = _value(b, "matched")
        candidate = found.setdefault(matched, {}).setdefault(qid, Candidate(qid, matched, _value(b, "how")))
        if _value(b, "how") == "label":
            candidate.how = "label"
        candidate.label = candidate.label or _value(b, "itemLabel")
        candidate.description = candidate.description or _value(b, "description")
        cls = _value(b, "class").removeprefix(str(WD))
        if cls in names:
            candidate.classes.add(names[cls])
        if _value(b, "iso"):
            candidate.countries.add(_value(b, "iso"))
    return found


def parse_fanout(bindings: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(QID, authority, value) rows, sorted."""
    rows = {(_value(b, "item").removeprefix(str(WD)), _value(b, "authority"), _value(b, "value")) for b in bindings}
    return sorted(r for r in rows if r[0] and r[1] and r[2])
