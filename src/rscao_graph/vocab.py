"""The vocabulary, defined once: closed namespaces, the prefixes of every dump, and the authorities.

A :class:`Namespace` knows its terms; a term it does not know raises :class:`AttributeError`, so a
misspelt term fails at once instead of minting an IRI that no vocabulary defines. The terms of
``rscao:`` are those ``ontology/rscao.ttl`` defines; the standard vocabularies list the terms this
project uses (``tests/test_vocab.py`` checks both against the ontology and the vocabularies' own
term lists).

The vocabulary's own terms live in a fixed namespace (``https://w3id.org/rscao/ontology#``) whatever
the configured base IRI: the ontology is shared by every publisher; instance data uses their base. So
does the JSON-LD context of the per-report documents (:data:`CONTEXT_IRI`).

:data:`AUTHORITIES` is the one table of external authorities: the Wikidata property each is fanned
out from, the form of its values, the IRI a value becomes and the predicate that links to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

__all__ = [
    "AUTHORITIES",
    "CONTEXT_IRI",
    "DCAT",
    "DCATAP",
    "DCT",
    "EU",
    "FOAF",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RSCAO",
    "SCHEMA",
    "SD",
    "SH",
    "SHAPES",
    "SKOS",
    "VANN",
    "VCARD",
    "VOID",
    "W3C_FORMATS",
    "WD",
    "WDT",
    "XSD",
    "Authority",
    "Namespace",
]


class Namespace:
    """A namespace IRI and its terms; attribute or item access gives a known term as a :class:`NamedNode`.

    >>> SCHEMA.name.value, DCT.title.value, str(SKOS)
    ('http://schema.org/name', 'http://purl.org/dc/terms/title', 'http://www.w3.org/2004/02/skos/core#')
    >>> SCHEMA.nmae
    Traceback (most recent call last):
    ...
    AttributeError: 'nmae' is not a term of http://schema.org/ known to rscao-graph (see vocab.py)

    ``terms=None`` makes an open namespace (for namespaces whose terms are data, such as Wikidata items).
    """

    def __init__(self, iri: str, terms: Iterable[str] | None) -> None:
        self._iri = iri
        self._known = None if terms is None else frozenset(terms)
        self._terms: dict[str, NamedNode] = {}

    def __str__(self) -> str:
        return self._iri

    def __repr__(self) -> str:
        return f"Namespace({self._iri!r})"

    @property
    def terms(self) -> frozenset[str]:
        """The local names of the terms this namespace knows (empty for an open namespace)."""
        return self._known or frozenset()

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> NamedNode:
        term = self._terms.get(name)
        if term is None:
            if self._known is not None and name not in self._known:
                raise AttributeError(f"{name!r} is not a term of {self._iri} known to rscao-graph (see vocab.py)")
            term = self._terms[name] = NamedNode(self._iri + name)
        return term


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


RSCAO = Namespace("https://w3id.org/rscao/ontology#", _words("""
    Activity AuthorityLink Citation ConvenorAction CountryDetermination KeyInitiative ReadingFinding Report
    SectionHeading SourceDocument SourceSegment StrategicDirection SubRegion SubRegionalConvenor
    activitiesOfCountry citedConcept citedLabel citedNotation cites citesConcept committee convenor country
    countryCandidate countryDetermination countryEvidence dateAmbiguous dateInference endLine heading headingLetter
    inReport inferred inferredValue infos initiativeWithoutDirection isoAlpha2 isoAlpha3 isoNumeric labelFits
    linkAuthority linkMethod linkScore linkSubject linkTarget linkWithoutScheme memberCountry mentionedUrl ongoing
    ordinal outsidePeriod outsideSubRegion path periodEnd periodInOrder periodStart periodStated position
    readingFinding reportedCountry servesDirection sourceDocument startLine stated statedCountry statedDate
    statedLink subRegion undetermined unparsedText violations warnings"""))
SCHEMA = Namespace("http://schema.org/", _words("""
    AdministrativeArea City CollegeOrUniversity Country CreativeWork EventSeries GovernmentOrganization Legislation
    Library Organization Person Place Project Service SoftwareApplication Thing WebSite affiliation alternateName
    description email endDate honorificPrefix identifier jobTitle location mentions name organizer startDate text
    url"""))
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#", _words("""
    Concept ConceptScheme altLabel broader closeMatch exactMatch hasTopConcept inScheme narrower notation note
    prefLabel topConceptOf"""))
PROV = Namespace("http://www.w3.org/ns/prov#", _words("wasDerivedFrom"))
OA = Namespace("http://www.w3.org/ns/oa#", _words("RangeSelector TextPositionSelector TextQuoteSelector XPathSelector "
                                                   "end exact hasEndSelector hasSelector hasSource hasStartSelector "
                                                   "start"))
DCT = Namespace("http://purl.org/dc/terms/", _words("""
    LicenseDocument Location MediaType MediaTypeOrExtent PeriodOfTime date dateSubmitted description format license
    modified publisher source spatial temporal title"""))
ORG = Namespace("http://www.w3.org/ns/org#", _words("Membership member organization role"))
OWL = Namespace("http://www.w3.org/2002/07/owl#", _words("NamedIndividual sameAs"))
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#", _words("type value"))
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#", _words("comment label seeAlso"))
XSD = Namespace("http://www.w3.org/2001/XMLSchema#", _words("""
    boolean date decimal gYear gYearMonth integer nonNegativeInteger positiveInteger string"""))
VOID = Namespace("http://rdfs.org/ns/void#", _words("""
    Dataset Linkset class classPartition dataDump distinctSubjects entities linkPredicate objectsTarget properties
    property propertyPartition sparqlEndpoint subjectsTarget subset triples uriSpace vocabulary"""))
DCAT = Namespace("http://www.w3.org/ns/dcat#", _words("""
    Dataset Distribution accessURL byteSize contactPoint distribution downloadURL endDate keyword mediaType startDate
    theme"""))
#: DCAT-AP's own namespace (DCAT-AP 3.0, https://semiceu.github.io/DCAT-AP/releases/3.0.0/).
DCATAP = Namespace("http://data.europa.eu/r5r/", _words("availability"))
FOAF = Namespace("http://xmlns.com/foaf/0.1/", _words("Agent homepage name"))
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#", _words("Kind fn hasEmail hasURL"))
#: The EU Publications Office's authority tables that DCAT-AP names values from (file types, data
#: themes, planned availability): a term is ``table/code``, so use item access (``EU["file-type/RDF_TRIG"]``).
EU = Namespace("http://publications.europa.eu/resource/authority/", _words("""
    data-theme data-theme/EDUC file-type/JSON_LD file-type/RDF_N_QUADS file-type/RDF_TRIG file-type/RDF_TURTLE
    planned-availability/AVAILABLE"""))
VANN = Namespace("http://purl.org/vocab/vann/", _words("preferredNamespacePrefix preferredNamespaceUri"))
SH = Namespace("http://www.w3.org/ns/shacl#", _words("""
    ValidationReport ValidationResult Violation Warning Info conforms result focusNode resultSeverity sourceShape
    sourceConstraintComponent resultMessage resultPath value path targetClass"""))
SD = Namespace("http://www.w3.org/ns/sparql-service-description#", _words("""
    Dataset Graph NamedGraph SPARQL11Query Service UnionDefaultGraph defaultDataset defaultGraph endpoint feature
    graph name namedGraph resultFormat supportedLanguage"""))
#: The W3C's IRIs of formats (used by the service description's ``sd:resultFormat``).
W3C_FORMATS = Namespace("http://www.w3.org/ns/formats/", _words("""
    JSON-LD N-Triples RDF_XML SPARQL_Results_CSV SPARQL_Results_JSON SPARQL_Results_TSV SPARQL_Results_XML
    Turtle"""))
#: The shapes' namespace: a shape's local name is its rule id (``shapes/rscao-shapes.ttl``), so it is open.
SHAPES = Namespace("https://w3id.org/rscao/shapes#", None)
#: Wikidata items and direct properties (open: their terms are data).
WD = Namespace("http://www.wikidata.org/entity/", None)
WDT = Namespace("http://www.wikidata.org/prop/direct/", None)

#: The stable, versioned IRI of the JSON-LD context of the per-report documents (``ontology/context.jsonld``);
#: like the ontology's namespace it does not follow the configured base (its terms are every publisher's).
CONTEXT_IRI = "https://w3id.org/rscao/context/0.1.0.jsonld"

#: Prefixes used in every Turtle/TriG dump and in the JSON-LD context, in a fixed order.
PREFIXES: dict[str, str] = {
    "rscao": str(RSCAO), "schema": str(SCHEMA), "skos": str(SKOS), "prov": str(PROV), "oa": str(OA),
    "dct": str(DCT), "org": str(ORG), "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD),
    "void": str(VOID), "dcat": str(DCAT), "foaf": str(FOAF), "vann": str(VANN), "wd": str(WD),
}


@dataclass(frozen=True)
class Authority:
    """An external authority a link points to.

    ``namespace`` + value + ``suffix`` is the IRI a value becomes (``namespace`` ``None``: the value is
    the IRI itself, as for a website; ``literal``: the value stays a literal, as an ISIL).
    """

    name: str
    title: str
    predicate: NamedNode
    pattern: str
    namespace: str | None = None
    suffix: str = ""
    wikidata_property: str | None = None
    literal: bool = False

    def target(self, value: str) -> NamedNode | Literal:
        """The node a link to ``value`` points at.

        >>> AUTHORITIES["geonames"].target("1816670").value
        'https://sws.geonames.org/1816670/'
        """
        if self.literal:
            return Literal(value)
        return NamedNode(f"{self.namespace or ''}{value}{self.suffix}")

    def valid(self, value: str) -> bool:
        """Is ``value`` well-formed for this authority?

        >>> AUTHORITIES["isni"].valid("0000 0001"), AUTHORITIES["wikidata"].valid("Q732353")
        (False, True)
        """
        return re.fullmatch(self.pattern, value) is not None


#: Every authority, in the order decisions, fan-out queries and messages list them.
AUTHORITIES: dict[str, Authority] = {a.name: a for a in (
    Authority("wikidata", "Wikidata", OWL.sameAs, r"Q[1-9]\d*", str(WD)),
    Authority("viaf", "VIAF", SKOS.exactMatch, r"[1-9]\d*", "http://viaf.org/viaf/", wikidata_property="P214"),
    Authority("isni", "ISNI", SKOS.exactMatch, r"\d{15}[\dX]", "https://isni.org/isni/", wikidata_property="P213"),
    Authority("isil", "ISIL", SCHEMA.identifier, r"[A-Za-z0-9]{1,4}-[A-Za-z0-9:/-]{1,11}", wikidata_property="P791",
              literal=True),
    Authority("geonames", "GeoNames", SKOS.exactMatch, r"[1-9]\d*", "https://sws.geonames.org/", "/",
              wikidata_property="P1566"),
    Authority("website", "official website", FOAF.homepage, r"https?://\S+", wikidata_property="P856"),
)}
