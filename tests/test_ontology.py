"""The ontology is OWL 2 DL: the OWL API's profile checker (Debian's libowlapi-java) finds no violation, and
a check of our own over the declarations (run everywhere) finds none of the kinds the OWL API found."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from debian_java import class_path, package_version, run_java
from rdflib.namespace import OWL, RDF, RDFS, XSD

from rscao_graph.resources import resource_path

ONTOLOGY = resource_path("ontology", "rscao.ttl")
RSCAO = "https://w3id.org/rscao/ontology#"
SCHEMA = "http://schema.org/"
_JAVA = Path(__file__).parent / "java" / "OwlDlProfile.java"

#: The datatypes of the OWL 2 datatype map (OWL 2 Structural Specification, section 4).
DATATYPE_MAP = {str(RDFS.Literal), str(RDF.PlainLiteral), str(RDF.XMLLiteral), str(OWL.real), str(OWL.rational)} | {
    str(XSD) + name for name in (
        "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger long int short byte "
        "unsignedLong unsignedInt unsignedShort unsignedByte double float string normalizedString token language "
        "Name NCName NMTOKEN boolean hexBinary base64Binary anyURI dateTime dateTimeStamp").split()}
_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
_BUILT_IN = (str(RDF), str(RDFS), str(OWL), str(XSD))


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


def _declared(graph: rdflib.Graph) -> dict[rdflib.URIRef, set[rdflib.URIRef]]:
    kinds: dict[rdflib.URIRef, set[rdflib.URIRef]] = {}
    for kind in _KINDS:
        for subject in graph.subjects(RDF.type, kind):
            if isinstance(subject, rdflib.URIRef):
                kinds.setdefault(subject, set()).add(kind)
    return kinds


def _classes_used(graph: rdflib.Graph) -> set[rdflib.URIRef]:
    used: set[rdflib.URIRef] = set()
    for predicate in (RDFS.subClassOf, RDFS.domain):
        used |= {o for o in graph.objects(None, predicate) if isinstance(o, rdflib.URIRef)}
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        used |= {o for o in graph.objects(prop, RDFS.range) if isinstance(o, rdflib.URIRef)}
    for union in graph.objects(None, OWL.unionOf):
        used |= {m for m in rdflib.collection.Collection(graph, union) if isinstance(m, rdflib.URIRef)}
    used |= {o for o in graph.objects(None, RDF.type) if isinstance(o, rdflib.URIRef)
             and not str(o).startswith(_BUILT_IN)}
    return used


def test_every_used_term_is_declared_as_one_kind(graph: rdflib.Graph) -> None:
    declared = _declared(graph)
    assert {str(t) for t, kinds in declared.items() if len(kinds) > 1} == set()
    assert sorted(str(c) for c in _classes_used(graph) if OWL.Class not in declared.get(c, set())) == []
    for subject, parent in graph.subject_objects(RDFS.subPropertyOf):
        assert declared.get(parent) == declared.get(subject), (subject, parent)
    predicates = {p for p in graph.predicates() if not str(p).startswith(_BUILT_IN)}
    assert sorted(str(p) for p in predicates - set(declared)) == []


def test_ranges_are_in_the_owl2_datatype_map(graph: rdflib.Graph) -> None:
    ranges = {str(o) for p in graph.subjects(RDF.type, OWL.DatatypeProperty) for o in graph.objects(p, RDFS.range)}
    assert sorted(ranges - DATATYPE_MAP) == []
    assert sorted(ranges) == [str(XSD) + t for t in ("boolean", "decimal", "integer", "positiveInteger", "string")]


def test_the_header_uses_only_annotation_properties(graph: rdflib.Graph) -> None:
    header = rdflib.URIRef("https://w3id.org/rscao/ontology")
    declared = _declared(graph)
    used = {p for p in graph.predicates(header, None) if p != RDF.type and not str(p).startswith(_BUILT_IN)}
    assert sorted(str(p) for p in used) == [
        "http://purl.org/dc/terms/creator", "http://purl.org/dc/terms/description", "http://purl.org/dc/terms/license",
        "http://purl.org/dc/terms/title", "http://purl.org/vocab/vann/preferredNamespacePrefix",
        "http://purl.org/vocab/vann/preferredNamespaceUri"]
    assert all(declared[p] == {OWL.AnnotationProperty} for p in used)


def test_activities_and_actions_are_schema_types(graph: rdflib.Graph) -> None:
    assert set(graph.objects(rdflib.URIRef(RSCAO + "Activity"), RDFS.subClassOf)) == {rdflib.URIRef(SCHEMA + "Event")}
    assert set(graph.objects(rdflib.URIRef(RSCAO + "ConvenorAction"), RDFS.subClassOf)) == {
        rdflib.URIRef(SCHEMA + "CreativeWork")}


def test_owl_api_finds_the_ontology_in_the_owl2_dl_profile(tmp_path: Path) -> None:
    cp = class_path("libowlapi-java", tmp_path)
    result = run_java(cp, str(_JAVA), str(ONTOLOGY))
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines() == ["0 violation(s)"], (package_version("libowlapi-java"), result.stdout)


def test_owl_api_still_reports_what_was_wrong_before(tmp_path: Path) -> None:
    """The check can fail: the ontology as it was (undeclared schema:Country, a gYearMonth range) is not DL."""
    cp = class_path("libowlapi-java", tmp_path)
    broken = tmp_path / "broken.ttl"
    broken.write_text(ONTOLOGY.read_text(encoding="utf-8").replace("schema:Country a owl:Class .\n", "")
                      .replace('rdfs:domain rscao:Report ;\n    rdfs:isDefinedBy',
                               'rdfs:domain rscao:Report ;\n    rdfs:range xsd:gYearMonth ;\n    rdfs:isDefinedBy', 1),
                      encoding="utf-8")
    lines = run_java(cp, str(_JAVA), str(broken)).stdout.splitlines()
    assert lines[-1] == "18 violation(s)"
    assert sum("Use of undeclared datatype: xsd:gYearMonth" in line for line in lines) == 1
    assert sum(line.startswith("Use of undeclared class: <http://schema.org/Country>") for line in lines) == 6
