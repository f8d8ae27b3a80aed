"""The vocabulary, defined once: closed namespaces checked against the ontology and the standard
vocabularies' own term lists, and the one table of authorities."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCAT as R_DCAT
from rdflib.namespace import DCTERMS, SDO
from rdflib.namespace import FOAF as R_FOAF
from rdflib.namespace import ORG as R_ORG
from rdflib.namespace import OWL as R_OWL
from rdflib.namespace import PROV as R_PROV
from rdflib.namespace import RDF as R_RDF
from rdflib.namespace import RDFS as R_RDFS
from rdflib.namespace import SH as R_SH
from rdflib.namespace import SKOS as R_SKOS
from rdflib.namespace import VOID as R_VOID
from rdflib.namespace import XSD as R_XSD

from rscao_graph.resources import resource_path
from rscao_graph.vocab import (
    AUTHORITIES,
    DCAT,
    DCATAP,
    DCT,
    EU,
    FOAF,
    OA,
    ORG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RSCAO,
    SCHEMA,
    SH,
    SKOS,
    VANN,
    VCARD,
    VOID,
    XSD,
    Namespace,
)

DATA = Path(__file__).parent / "data" / "vocab"
ONTOLOGY = rdflib.Graph().parse(resource_path("ontology", "rscao.ttl"), format="turtle")


def defined_terms(graph: rdflib.Graph, namespace: str) -> set[str]:
    """Local names of the terms the ontology describes (subjects in its namespace)."""
    return {str(s)[len(namespace):] for s in graph.subjects() if str(s).startswith(namespace) and str(s) != namespace}


def test_rscao_knows_exactly_the_terms_of_the_ontology() -> None:
    assert sorted(RSCAO.terms) == sorted(defined_terms(ONTOLOGY, str(RSCAO)))
    assert len(RSCAO.terms) == 72


def rdflib_terms(namespace: type) -> set[str]:
    """The term list of one of rdflib's closed (DefinedNamespace) vocabularies."""
    return {name for name in namespace.__annotations__ if not name.startswith("_")} | set(
        getattr(namespace, "_extras", []))


@pytest.mark.parametrize(("ours", "theirs"), [
    (SCHEMA, SDO), (SKOS, R_SKOS), (PROV, R_PROV), (DCT, DCTERMS), (ORG, R_ORG), (OWL, R_OWL), (RDF, R_RDF),
    (RDFS, R_RDFS), (XSD, R_XSD), (VOID, R_VOID), (DCAT, R_DCAT), (FOAF, R_FOAF), (SH, R_SH),
], ids=lambda n: str(n))
def test_standard_terms_exist_in_the_vocabulary(ours: Namespace, theirs: type) -> None:
    assert sorted(ours.terms - rdflib_terms(theirs)) == []
    assert ours.terms


def test_oa_terms_exist_in_the_web_annotation_vocabulary() -> None:
    listed = {line.strip() for line in (DATA / "oa-terms.txt").read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    assert sorted(OA.terms - listed) == []
    assert sorted(OA.terms) == ["RangeSelector", "TextPositionSelector", "TextQuoteSelector", "XPathSelector", "end",
                                "exact", "hasEndSelector", "hasSelector", "hasSource", "hasStartSelector", "start"]


def test_vann_terms() -> None:
    assert sorted(VANN.terms) == ["preferredNamespacePrefix", "preferredNamespaceUri"]


def listed_terms(name: str) -> set[str]:
    return {line.strip() for line in (DATA / name).read_text().splitlines() if line.strip() and not line.startswith("#")}


def test_vcard_terms_exist_in_the_vcard_ontology() -> None:
    assert sorted(VCARD.terms - listed_terms("vcard-terms.txt")) == []
    assert sorted(VCARD.terms) == ["Kind", "fn", "hasEmail", "hasURL"]


def test_dcat_ap_and_eu_authority_terms() -> None:
    """Of DCAT-AP's own namespace void.ttl uses dcatap:availability; of the EU authority tables, the codes of
    the tables DCAT-AP 3 gives for dct:format, dcat:theme and dcatap:availability."""
    assert sorted(DCATAP.terms) == ["availability"]
    assert sorted(EU.terms) == ["data-theme", "data-theme/EDUC", "file-type/JSON_LD", "file-type/RDF_N_QUADS",
                                "file-type/RDF_TRIG", "file-type/RDF_TURTLE", "planned-availability/AVAILABLE"]
    assert EU["file-type/RDF_TRIG"].value == "http://publications.europa.eu/resource/authority/file-type/RDF_TRIG"
    with pytest.raises(AttributeError):
        EU["file-type/RDF_XML"]



def test_a_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError) as misspelt:
        RSCAO.Actvity  # noqa: B018
    assert str(misspelt.value) == ("'Actvity' is not a term of https://w3id.org/rscao/ontology# known to rscao-graph "
                                   "(see vocab.py)")
    with pytest.raises(AttributeError) as unknown:
        SCHEMA["nmae"]
    assert str(unknown.value) == "'nmae' is not a term of http://schema.org/ known to rscao-graph (see vocab.py)"
    assert RSCAO.Activity.value == "https://w3id.org/rscao/ontology#Activity"


def test_every_rscao_term_the_shapes_and_queries_use_is_defined() -> None:
    used: set[str] = set()
    files = [resource_path("shapes", "rscao-shapes.ttl"), *sorted(resource_path("queries").glob("*.rq"))]
    for path in files:
        used |= set(re.findall(r"\brscao:([A-Za-z][A-Za-z0-9]*)", path.read_text(encoding="utf-8")))
    assert sorted(used - RSCAO.terms) == []
    assert len(used) > 40


def test_prefixes_are_the_namespaces() -> None:
    assert PREFIXES["rscao"] == str(RSCAO) and PREFIXES["wd"] == "http://www.wikidata.org/entity/"
    assert list(PREFIXES) == ["rscao", "schema", "skos", "prov", "oa", "dct", "org", "owl", "rdf", "rdfs", "xsd",
                              "void", "dcat", "foaf", "vann", "wd"]


def test_the_authority_table() -> None:
    assert {a.name: (a.predicate.value, a.wikidata_property) for a in AUTHORITIES.values()} == {
        "wikidata": ("http://www.w3.org/2002/07/owl#sameAs", None),
        "viaf": ("http://www.w3.org/2004/02/skos/core#exactMatch", "P214"),
        "isni": ("http://www.w3.org/2004/02/skos/core#exactMatch", "P213"),
        "isil": ("http://schema.org/identifier", "P791"),
        "geonames": ("http://www.w3.org/2004/02/skos/core#exactMatch", "P1566"),
        "website": ("http://xmlns.com/foaf/0.1/homepage", "P856"),
    }
    assert [str(AUTHORITIES[a].target(v)) for a, v in [
        ("wikidata", "Q732353"), ("viaf", "123"), ("isni", "0000000121032683"), ("isil", "CN-100000"),
        ("geonames", "1816670"), ("website", "http://www.nlc.cn/")]] == [
        "<http://www.wikidata.org/entity/Q732353>", "<http://viaf.org/viaf/123>",
        "<https://isni.org/isni/0000000121032683>", '"CN-100000"', "<https://sws.geonames.org/1816670/>",
        "<http://www.nlc.cn/>"]
    assert [AUTHORITIES["isni"].valid(v) for v in ("000000012103268X", "0000 0001")] == [True, False]
