"""What a resource page shows, read from its description: title, types, properties as links, the source
text it came from (in a Word or HTML report, the paragraph or table cell it is in), authority links by the
authority's name and id (``GeoNames 1526384``), inverse links and validation findings; and a thing a
report names as the report states it (a person with the title, job title and organisation beside the name).

Everything here is plain data for the templates (``templates/``), which escape every value.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from ..publish.describe import LABEL_PREDICATES, Description, document_iri
from ..publish.jsonld import compact_iri
from ..vocab import AUTHORITIES, OA, PROV, RDF, RDFS, RSCAO, SCHEMA, SKOS, XSD
from .links import Linker, humane

__all__ = ["Graph", "Page", "Row", "Source", "Value", "resource_page"]

_AUTHORITY_PREDICATES = {a.predicate for a in AUTHORITIES.values()} | {SKOS.closeMatch}
_XSD = str(XSD)


class Graph:
    """A description's statements, indexed for the templates: values by (subject, predicate), subjects
    by (predicate, object), the best label and the types of every node."""

    def __init__(self, quads: tuple[Quad, ...] | list[Quad]) -> None:
        self.quads = quads
        self.subjects: dict[Any, dict[NamedNode, list[Any]]] = {}
        self.inverse: dict[Any, list[tuple[NamedNode, Any]]] = defaultdict(list)
        seen: set[tuple[Any, Any, Any]] = set()
        for q in quads:
            key = (q.subject, q.predicate, q.object)
            if key in seen:
                continue
            seen.add(key)
            self.subjects.setdefault(q.subject, {}).setdefault(q.predicate, []).append(q.object)
            self.inverse[q.object].append((q.predicate, q.subject))
        self._labels: dict[Any, str] = {}

    def objects(self, subject: Any, predicate: NamedNode) -> list[Any]:
        return self.subjects.get(subject, {}).get(predicate, [])

    def value(self, subject: Any, predicate: NamedNode) -> Any:
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def text(self, subject: Any, predicate: NamedNode) -> str:
        found = self.value(subject, predicate)
        return found.value if isinstance(found, (Literal, NamedNode)) else ""

    def predicates(self, subject: Any) -> list[NamedNode]:
        return sorted(self.subjects.get(subject, {}), key=lambda p: p.value)

    def typed(self, cls: NamedNode) -> list[Any]:
        """The subjects of type ``cls``."""
        return [s for s, by in self.subjects.items() if cls in by.get(RDF.type, ())]

    def label(self, node: Any) -> str | None:
        if node in self._labels:
            return self._labels[node]
        best: tuple[int, int, str] | None = None
        for rank, predicate in enumerate(LABEL_PREDICATES):
            for value in self.objects(node, predicate):
                if isinstance(value, Literal):
                    language = 0 if value.language == "en" else 1 if not value.language else 2
                    if best is None or (rank, language) < best[:2]:
                        best = (rank, language, value.value)
        label = best[2] if best else None
        self._labels[node] = label or ""
        return label

    def types(self, node: Any) -> list[NamedNode]:
        return sorted((t for t in self.objects(node, RDF.type) if isinstance(t, NamedNode)), key=lambda t: t.value)

    def has_type(self, node: Any, cls: NamedNode) -> bool:
        return cls in self.objects(node, RDF.type)


@dataclass(frozen=True)
class Value:
    """A value on a page: ``text`` (escaped by the template), an optional ``href``, a ``note``
    (language, datatype, types), a ``title`` (the IRI), nested rows for a blank node."""

    text: str
    href: str | None = None
    note: str = ""
    title: str = ""
    paragraphs: tuple[str, ...] = ()
    nested: tuple[Row, ...] = ()


@dataclass(frozen=True)
class Row:
    label: str
    href: str | None
    title: str
    values: tuple[Value, ...]
    total: int | None = None


@dataclass(frozen=True)
class Source:
    """The text a statement came from: the quote, the file, its lines and character offsets, and where in
    a document it is (``table 1, row 5``; empty for a text export)."""

    quote: str
    file: str
    start_line: str
    end_line: str
    start: str
    end: str
    href: str | None
    where: str = ""


@dataclass
class Page:
    """A resource page: the data every template of a resource shares."""

    path: str
    iri: str
    title: str
    types: list[Value]
    rows: list[Row]
    authority: list[Value]
    sources: list[Source]
    inverse: list[Row]
    findings: list[dict[str, Any]]
    parts: list[tuple[str, str, list[Row]]] = field(default_factory=list)
    linker: Linker | None = None
    graph: Graph | None = None


class PageBuilder:
    """Turns terms of a description into :class:`Value` and :class:`Row` for the page at ``linker``."""

    def __init__(self, graph: Graph, linker: Linker, terms: dict[str, str]) -> None:
        self.graph = graph
        self.linker = linker
        self.terms = terms

    def label(self, node: Any) -> str:
        if isinstance(node, NamedNode):
            return self.graph.label(node) or self.linker.fallback_label(node.value)
        return self.graph.label(node) or "(blank node)"

    def term_label(self, predicate: NamedNode) -> str:
        if predicate == RDF.type:
            return "type"
        known = self.terms.get(predicate.value)
        if known:
            return known
        local = predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        return humane(local)

    def node(self, node: Any, depth: int = 0) -> Value:
        if isinstance(node, Literal):
            return self.literal(node)
        if isinstance(node, BlankNode):
            rows = tuple(self.rows(node, depth + 1)) if depth < 3 else ()
            return Value(self.label(node), nested=rows)
        iri = node.value
        types = self.graph.types(node)
        note = ", ".join(self.term_label_of_class(t) for t in types)
        return Value(self.label(node), self.linker.href(iri), note, iri)

    def named(self, node: Any) -> Value:
        """A thing a report names, as the description states it: a person's title before the name
        (``Ms. Anita Low``), the job titles and organisations stated for it as the note."""
        value = replace(self.node(node), note="")
        if not isinstance(node, NamedNode):
            return value
        prefix = self.graph.text(node, SCHEMA.honorificPrefix)
        stated = [v.value for v in self.graph.objects(node, SCHEMA.jobTitle) if isinstance(v, Literal)]
        stated += sorted(self.label(o) for o in self.graph.objects(node, SCHEMA.affiliation))
        return replace(value, text=f"{prefix} {value.text}" if prefix else value.text, note=", ".join(stated))

    def authority(self, predicate: NamedNode, node: Any) -> Value:
        """An authority link by the authority's name and the id it has there (``GeoNames 1526384``,
        ``Wikidata Q956``, ``ISIL CN-100000``); a website or a link of no known authority as it is."""
        for a in AUTHORITIES.values():
            if a.predicate != predicate:
                continue
            if a.literal and isinstance(node, Literal):
                return Value(f"{a.title} {node.value}")
            if isinstance(node, NamedNode) and a.namespace and node.value.startswith(a.namespace) \
                    and node.value.endswith(a.suffix) and len(node.value) > len(a.namespace) + len(a.suffix):
                ident = node.value[len(a.namespace):len(node.value) - len(a.suffix)]
                return Value(f"{a.title} {ident}", self.linker.href(node.value), title=node.value)
            if isinstance(node, NamedNode) and a.namespace is None:
                return Value(node.value, self.linker.href(node.value), a.title, node.value)
        return replace(self.node(node), note="")

    def term_label_of_class(self, cls: NamedNode) -> str:
        return self.graph.label(cls) or self.terms.get(cls.value) or compact_iri(cls.value)

    def literal(self, value: Literal) -> Value:
        note = ""
        if value.language:
            note = value.language
        elif value.datatype.value.startswith(_XSD) and value.datatype != XSD.string:
            note = value.datatype.value[len(_XSD):]
        elif value.datatype != XSD.string:
            note = compact_iri(value.datatype.value)
        paragraphs = tuple(p for p in value.value.split("\n\n") if p.strip()) if "\n\n" in value.value else ()
        return Value(value.value, None, note, paragraphs=paragraphs)

    def row(self, predicate: NamedNode, values: list[Any], depth: int = 0, total: int | None = None) -> Row:
        ordered = sorted(values, key=lambda v: (not isinstance(v, Literal), self.label(v) if not isinstance(v, Literal)
                                                else v.value))
        return Row(self.term_label(predicate), self.linker.href(predicate.value), compact_iri(predicate.value),
                   tuple(self.node(v, depth) for v in ordered), total)

    def rows(self, subject: Any, depth: int = 0, skip: frozenset[NamedNode] = frozenset()) -> list[Row]:
        return [self.row(p, self.graph.objects(subject, p), depth) for p in self.graph.predicates(subject)
                if p not in skip]


def _sources(builder: PageBuilder, subject: NamedNode) -> list[Source]:
    graph = builder.graph
    out = []
    for segment in graph.objects(subject, PROV.wasDerivedFrom):
        quote = position = None
        where = ""
        for selector in graph.objects(segment, OA.hasSelector):
            if graph.has_type(selector, OA.TextQuoteSelector):
                quote = selector
            elif graph.has_type(selector, OA.TextPositionSelector):
                position = selector
            elif graph.has_type(selector, OA.XPathSelector) or graph.has_type(selector, OA.RangeSelector):
                where = graph.text(selector, RDFS.label)
        document = graph.value(segment, OA.hasSource)
        out.append(Source(graph.text(quote, OA.exact) if quote else "", graph.text(document, RSCAO.path),
                          graph.text(segment, RSCAO.startLine), graph.text(segment, RSCAO.endLine),
                          graph.text(position, OA.start) if position else "",
                          graph.text(position, OA.end) if position else "",
                          builder.linker.href(segment.value) if isinstance(segment, NamedNode) else None, where))
    return out


def resource_page(description: Description, base: str, terms: dict[str, str]) -> Page:
    """The page of one resource."""
    graph = Graph(description.quads)
    linker = Linker(base, description.path)
    builder = PageBuilder(graph, linker, terms)
    iri = NamedNode(document_iri(description.path, base))
    doc_prefix = iri.value + "#"
    parts = sorted((s for s in graph.subjects if isinstance(s, NamedNode) and s.value.startswith(doc_prefix)),
                   key=lambda s: s.value)
    skip = frozenset({RDF.type, *_AUTHORITY_PREDICATES})
    authority = [builder.authority(p, v) for p in sorted(_AUTHORITY_PREDICATES, key=lambda p: p.value)
                 for v in graph.objects(iri, p)]
    inverse: dict[NamedNode, list[Any]] = defaultdict(list)
    own = {iri, *parts}
    for obj in own:
        for predicate, subject in graph.inverse.get(obj, []):
            if subject not in own and predicate != RDF.type and not isinstance(subject, BlankNode):
                inverse[predicate].append(subject)
    inverse_rows = [builder.row(p, list(dict.fromkeys(inverse[p])), total=description.inverse_totals.get(p.value))
                    for p in sorted(inverse, key=lambda p: p.value)]
    return Page(
        path=description.path, iri=iri.value, title=builder.label(iri),
        types=[replace(builder.node(t), note="") for t in graph.types(iri)], rows=builder.rows(iri, skip=skip),
        authority=authority,
        sources=_sources(builder, iri), inverse=inverse_rows, findings=list(description.findings),
        parts=[(s.value[len(doc_prefix):], builder.label(s), builder.rows(s)) for s in parts],
        linker=linker, graph=graph)
