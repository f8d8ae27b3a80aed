"""Small constructors for pyoxigraph terms, so the mapping reads like the triples it writes."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from ..vocab import XSD

__all__ = ["boolean", "date_literal", "en", "integer", "iri", "string", "url_node"]

_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def iri(value: str) -> NamedNode:
    return NamedNode(value)


def en(text: str) -> Literal:
    """Report text: a literal tagged ``@en``."""
    return Literal(text, language="en")


def string(text: str) -> Literal:
    return Literal(text)


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD.boolean)


def date_literal(value: str, precision: str) -> Literal:
    """A date at its precision: xsd:date, xsd:gYearMonth or xsd:gYear."""
    return Literal(value, datatype=_DATE_TYPES[precision])


def url_node(text: str) -> NamedNode | None:
    """The IRI node of a URL, or ``None`` when it is not a valid IRI."""
    try:
        return NamedNode(text)
    except ValueError:
        return None

