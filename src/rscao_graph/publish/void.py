"""The dataset description: VoID statistics and a DCAT-AP 3 dataset with its distributions, as ``void.ttl``.

Counts come from the built quads: triples, distinct subjects, class and property partitions, one
subset per named graph, and linksets for each kind of link to an external authority. DCAT-AP 3's
mandatory and recommended properties: title and description; keywords, theme (the EU data theme
"Education, culture and sport"), spatial coverage (the reports' sub-regions) and temporal coverage
(the reporting periods), publisher and contact point (``publisher``, ``publisher_iri`` and
``contact_point`` in rscao.toml; not asserted when unset); per distribution (the four dumps; the
JSON-LD context is no distribution of the data) access and download URL, media type (IANA, typed
dct:MediaType), format (EU file type), licence (``license``), availability, byte size.
"""

from __future__ import annotations

import zlib
from collections import Counter

from pyoxigraph import Literal, NamedNode, Quad, Triple

from ..config import Settings
from ..iris import Minter, media_type_iri
from ..rdf.nodes import en, integer, iri
from ..vocab import AUTHORITIES, DCAT, DCATAP, DCT, EU, FOAF, PREFIXES, RDF, RSCAO, SCHEMA, SKOS, VCARD, VOID, XSD
from .dumps import DUMPS
from .jsonld import compact_iri

__all__ = ["DISTRIBUTIONS", "KEYWORDS", "LINK_TARGETS", "VOID_PREFIXES", "void_triples"]

#: Prefixes of void.ttl: the dumps' and the two DCAT-AP needs beyond them.
VOID_PREFIXES = {**PREFIXES, "vcard": str(VCARD), "dcatap": str(DCATAP)}
#: The dumps that are distributions of the dataset, with their EU file type (DCAT-AP dct:format).
DISTRIBUTIONS = {"dataset.trig": EU["file-type/RDF_TRIG"], "dataset.nq": EU["file-type/RDF_N_QUADS"],
                 "dataset.ttl": EU["file-type/RDF_TURTLE"], "dataset.jsonld": EU["file-type/JSON_LD"]}
#: Keywords of the dataset (dcat:keyword), beside the names of the reports' sub-regions.
KEYWORDS = ("IFLA", "libraries", "Asia and Oceania", "IFLA Strategy 2019-2024", "library associations")

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
        add(iri(settings.license), RDF.type, DCT.LicenseDocument)
    if modified is not None:
        add(ds, DCT.modified, Literal(modified, datatype=XSD.date))
    out.extend(_dcat_ap(ds, triples, settings, minter))
    available = EU["planned-availability/AVAILABLE"]
    for name, file_type in DISTRIBUTIONS.items():
        media, description = DUMPS[name]
        dist = iri(minter.dataset(f"distribution/{name}"))
        dump = iri(minter.dump(name))
        add(ds, DCAT.distribution, dist)
        add(ds, VOID.dataDump, dump)
        add(dist, RDF.type, DCAT.Distribution)
        add(dist, DCT.title, en(name))
        add(dist, DCT.description, en(description))
        add(dist, DCAT.accessURL, dump)
        add(dist, DCAT.downloadURL, dump)
        media_type = iri(media_type_iri(media))
        add(dist, DCAT.mediaType, media_type)
        add(media_type, RDF.type, DCT.MediaType)
        add(dist, DCT["format"], file_type)
        add(file_type, RDF.type, DCT.MediaTypeOrExtent)
        add(dist, DCATAP.availability, available)
        add(available, RDF.type, SKOS.Concept)
        add(dist, DCAT.byteSize, Literal(str(sizes[name]), datatype=XSD.nonNegativeInteger))
        if settings.license:
            add(dist, DCT.license, iri(settings.license))
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


def _dcat_ap(ds: NamedNode, triples: list[Triple], settings: Settings, minter: Minter) -> list[Triple]:
    """The dataset's DCAT-AP 3 recommended properties beyond title, description and distributions."""
    out = [Triple(ds, DCAT.keyword, en(k)) for k in KEYWORDS]
    theme = EU["data-theme/EDUC"]
    out += [Triple(ds, DCAT.theme, theme), Triple(theme, RDF.type, SKOS.Concept),
            Triple(theme, SKOS.inScheme, EU["data-theme"])]
    reports = {t.subject for t in triples if t.predicate == RDF.type and t.object == RSCAO.Report}
    regions = {t.object for t in triples
               if t.subject in reports and t.predicate == RSCAO.subRegion and isinstance(t.object, NamedNode)}
    for t in triples:
        if t.subject in regions and t.predicate == SCHEMA.name and isinstance(t.object, Literal):
            out.append(Triple(ds, DCAT.keyword, en(t.object.value)))
    for region in regions:
        out += [Triple(ds, DCT.spatial, region), Triple(region, RDF.type, DCT.Location)]
    starts = [t.object.value for t in triples
              if t.subject in reports and t.predicate == RSCAO.periodStart and isinstance(t.object, Literal)]
    ends = [t.object.value for t in triples
            if t.subject in reports and t.predicate == RSCAO.periodEnd and isinstance(t.object, Literal)]
    if starts and ends:
        period = iri(minter.dataset("temporal"))
        out += [Triple(ds, DCT.temporal, period), Triple(period, RDF.type, DCT.PeriodOfTime),
                Triple(period, DCAT.startDate, Literal(min(starts), datatype=XSD.gYearMonth)),
                Triple(period, DCAT.endDate, Literal(max(ends), datatype=XSD.gYearMonth))]
    if settings.publisher:
        agent = iri(settings.publisher_iri or minter.dataset("publisher"))
        out += [Triple(ds, DCT.publisher, agent), Triple(agent, RDF.type, FOAF.Agent),
                Triple(agent, FOAF.name, en(settings.publisher))]
    if settings.contact_point:
        contact = iri(minter.dataset("contact-point"))
        address = iri(settings.contact_point)
        out += [Triple(ds, DCAT.contactPoint, contact), Triple(contact, RDF.type, VCARD.Kind),
                Triple(contact, VCARD.fn, en(settings.publisher or "Publisher of this dataset")),
                Triple(contact, VCARD.hasEmail if settings.contact_point.startswith("mailto:") else VCARD.hasURL,
                       address)]
    return out


def _slug(term: str) -> str:
    """``schema-Person`` for schema:Person; a checksum-based slug for a term in no known namespace."""
    compact = compact_iri(term)
    if compact != term:
        return compact.replace(":", "-")
    return f"{_local(term)}-{zlib.crc32(term.encode('utf-8')):08x}"
