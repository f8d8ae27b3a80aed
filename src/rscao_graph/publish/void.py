"""The dataset description: VoID statistics and DCAT 3 distributions, as ``void.ttl``.

Counts come from the built quads: triples, distinct subjects, class and property partitions, one
subset per named graph, and linksets for each kind of link to an external authority.
"""

from __future__ import annotations

import zlib
from collections import Counter

from pyoxigraph import Literal, NamedNode, Quad, Triple

from ..config import Settings
from ..iris import Minter, media_type_iri
from ..rdf.nodes import en, integer, iri
from ..vocab import AUTHORITIES, DCAT, DCT, PREFIXES, RDF, SKOS, VOID, XSD
from .dumps import DUMPS
from .jsonld import compact_iri

__all__ = ["LINK_TARGETS", "void_triples"]

#: External authorities whose items are IRIs: namespace -> (slug, title), from the one table.
LINK_TARGETS = {a.namespace: (a.name, a.title) for a in AUTHORITIES.values() if a.namespace and not a.literal}
_LINK_PREDICATES = tuple(dict.fromkeys([*(a.predicate for a in AUTHORITIES.values() if not a.literal),
                                        SKOS.closeMatch]))


def _local(iri_value: str) -> str:
    return iri_value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def void_triples(quads: list[Quad], triples: list[Triple], sizes: dict[str, int], settings: Settings,
                 modified: str | None = None) -> list[Triple]:
    """VoID + DCAT description of the dataset built from ``quads`` (whose distinct ``triples`` are
    given too), with the dumps' byte ``sizes``; ``modified`` (an ISO date) becomes ``dct:modified``."""
    minter = Minter(settings.base_iri)
    base = settings.base_iri
    ds = iri(minter.dataset())
    out: list[Triple] = []

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        out.append(Triple(s, p, o))

    add(ds, RDF.type, VOID.Dataset)
    add(ds, RDF.type, DCAT.Dataset)
    add(ds, DCT.title, en("IFLA RSCAO sub-regional reports as linked data"))
    add(ds, DCT.description, en("Bi-annual sub-regional reports of the IFLA Regional Standing Committee for Asia "
                                "and Oceania: reports, convenors, activities, organisations, places, countries "
                                "and the IFLA Strategy 2019-2024 directions and key initiatives they serve."))
    add(ds, VOID.uriSpace, Literal(base))
    add(ds, VOID.triples, integer(len(triples)))
    add(ds, VOID.distinctSubjects, integer(len({t.subject for t in triples})))
    add(ds, VOID.properties, integer(len({t.predicate for t in triples})))
    if settings.license:
        add(ds, DCT.license, iri(settings.license))
    if modified is not None:
        add(ds, DCT.modified, Literal(modified, datatype=XSD.date))
    for name, (media, description) in DUMPS.items():
        dist = iri(minter.dataset(f"distribution/{name}"))
        add(ds, DCAT.distribution, dist)
        add(dist, RDF.type, DCAT.Distribution)
        add(dist, DCT.title, Literal(name))
        add(dist, DCT.description, en(description))
        add(dist, DCAT.downloadURL, iri(minter.dump(name)))
        add(dist, DCAT.mediaType, iri(media_type_iri(media)))
        add(dist, DCAT.byteSize, Literal(str(sizes[name]), datatype=XSD.nonNegativeInteger))
        if settings.license:
            add(dist, DCT.license, iri(settings.license))
        if name.startswith("dataset."):
            add(ds, VOID.dataDump, iri(minter.dump(name)))
    typed = [t.object for t in triples if t.predicate == RDF.type and isinstance(t.object, NamedNode)]
    used = {t.predicate.value for t in triples} | {o.value for o in typed}
    for namespace in sorted({ns for ns in PREFIXES.values() if any(term.startswith(ns) for term in used)}):
        add(ds, VOID.vocabulary, iri(namespace))
    classes: Counter[str] = Counter(o.value for o in typed)
    for cls, count in sorted(classes.items()):
        part = iri(minter.dataset(f"class/{_slug(cls)}"))
        add(ds, VOID.classPartition, part)
        add(part, VOID["class"], iri(cls))
        add(part, VOID.entities, integer(count))
    properties: Counter[str] = Counter(t.predicate.value for t in triples)
    for prop, count in sorted(properties.items()):
        part = iri(minter.dataset(f"property/{_slug(prop)}"))
        add(ds, VOID.propertyPartition, part)
        add(part, VOID.property, iri(prop))
        add(part, VOID.triples, integer(count))
    graphs: Counter[str] = Counter(q.graph_name.value for q in quads if isinstance(q.graph_name, NamedNode))
    for graph, count in sorted(graphs.items()):
        sub = iri(graph)
        add(ds, VOID.subset, sub)
        add(sub, RDF.type, VOID.Dataset)
        add(sub, VOID.triples, integer(count))
    linksets: Counter[tuple[str, str]] = Counter()
    for t in triples:
        if t.predicate in _LINK_PREDICATES and isinstance(t.object, NamedNode):
            for namespace in LINK_TARGETS:
                if t.object.value.startswith(namespace):
                    linksets[(namespace, t.predicate.value)] += 1
    for (namespace, predicate), count in sorted(linksets.items()):
        slug, title = LINK_TARGETS[namespace]
        target = iri(minter.dataset(f"authority/{slug}"))
        linkset = iri(minter.dataset(f"linkset/{slug}-{_local(predicate)}"))
        add(target, RDF.type, VOID.Dataset)
        add(target, DCT.title, Literal(title))
        add(target, VOID.uriSpace, Literal(namespace))
        add(ds, VOID.subset, linkset)
        add(linkset, RDF.type, VOID.Linkset)
        add(linkset, VOID.subjectsTarget, ds)
        add(linkset, VOID.objectsTarget, target)
        add(linkset, VOID.linkPredicate, iri(predicate))
        add(linkset, VOID.triples, integer(count))
    return sorted(set(out), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _slug(term: str) -> str:
    """``schema-Person`` for schema:Person; a checksum-based slug for a term in no known namespace."""
    compact = compact_iri(term)
    if compact != term:
        return compact.replace(":", "-")
    return f"{_local(term)}-{zlib.crc32(term.encode('utf-8')):08x}"
