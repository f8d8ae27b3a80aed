"""The framed per-report JSON-LD documents: each expands to exactly its report's graph, with the context
loaded by its IRI; keys are the context's short terms, values JSON types, dates keep their datatype."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from process_tree import killed_leaves_none
from pyld import jsonld
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize
from served import build_into

from rscao_graph.publish.descriptions import Descriptions
from rscao_graph.publish.frames import (
    _expanded,
    compact_document,
    context_document,
    document_loader,
    report_document,
    report_document_path,
)
from rscao_graph.vocab import CONTEXT_IRI, DCAT, DCT, OA, RDF, SCHEMA

REPORT = "https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03"
_RDF_TYPE = RDF.type.value


def _canonical(nquads: str) -> list[str]:
    doc = jsonld.from_rdf(nquads, {"format": "application/n-quads"})
    return sorted(jsonld.normalize(doc, {"algorithm": "URDNA2015", "format": "application/n-quads"}).splitlines())


def report_graph(dist: Path, iri: str) -> str:
    """The report's named graph from the N-Quads dump, as N-Triples."""
    quads = parse(path=dist / "dataset.nq", format=RdfFormat.N_QUADS)
    triples = [Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name == NamedNode(iri)]
    return serialize(triples, format=RdfFormat.N_TRIPLES).decode("utf-8")


@pytest.fixture(scope="module")
def framed(sample_dist: Path) -> dict:
    return json.loads((sample_dist / report_document_path(REPORT, "https://w3id.org/rscao/")).read_text("utf-8"))


def test_every_report_has_its_document_and_it_round_trips(sample_dist: Path, framed: dict) -> None:
    files = sorted(str(p.relative_to(sample_dist)) for p in (sample_dist / "report").rglob("*.jsonld"))
    assert files == ["report/north-east-asia/2019-09--2020-03.jsonld"]
    expanded = jsonld.to_rdf(framed, {"format": "application/n-quads", "documentLoader": document_loader})
    graph = report_graph(sample_dist, REPORT)
    assert _canonical(expanded) == _canonical(graph)
    assert len(_canonical(graph)) == 1302


def test_a_changed_document_does_not_round_trip(sample_dist: Path, framed: dict) -> None:
    """The check above can fail: one date read as a day instead of a month is another graph."""
    changed = json.loads(json.dumps(framed).replace('"xsd:gYearMonth"', '"xsd:date"', 1))
    expanded = jsonld.to_rdf(changed, {"format": "application/n-quads", "documentLoader": document_loader})
    assert _canonical(expanded) != _canonical(report_graph(sample_dist, REPORT))


def test_a_web_developer_reads_it(framed: dict) -> None:
    assert framed["@context"] == CONTEXT_IRI
    assert (framed["id"], framed["type"], framed["periodStated"]) == (REPORT, "Report", "September 2019 – March 2020")
    assert framed["periodStart"] == {"type": "xsd:gYearMonth", "@value": "2019-09"}
    assert framed["periodInOrder"] is True
    assert framed["convenor"] == "https://w3id.org/rscao/person/chen-ying"
    kinds = [part["type"] for part in framed["parts"]]
    assert (kinds.count("Activity"), kinds.count("ConvenorAction"), kinds.count("SectionHeading")) == (12, 7, 5)
    jp1 = next(p for p in framed["parts"] if p["id"] == REPORT + "/activity/jp-1")
    assert jp1["startDate"] == {"type": "xsd:gYearMonth", "@value": "2019-11"}
    assert (jp1["ordinal"], jp1["reportedCountry"], jp1["countryDetermination"]) == (
        1, "https://w3id.org/rscao/country/JP", "rscao:inferred")
    assert [c["citedNotation"] for c in jp1["cites"]] == ["2.3", "2.4", "2"]
    assert jp1["cites"][0]["citedConcept"] == "https://w3id.org/rscao/strategy/2019-2024/2.3"
    assert jp1["wasDerivedFrom"]["startLine"] == "60"


def _defined_terms() -> tuple[dict[str, str], dict[str, str]]:
    """(IRI -> its term, prefix -> namespace) of the context."""
    context = context_document()["@context"]
    prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("#", "/"))}

    def expand(term: str) -> str:
        prefix, _, local = term.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else term

    terms = {expand(v if isinstance(v, str) else v.get("@id", "")): k for k, v in context.items()
             if not k.startswith("@") and k not in prefixes and (isinstance(v, str) or "@id" in v)}
    return terms, prefixes


def _without_a_term(quads: Iterable[Quad]) -> list[str]:
    """The properties and classes of ``quads`` that have no term of their own in the context, unless their
    local name is the term of another vocabulary's (``dct:description`` beside schema.org's ``description``),
    when they read as a compact IRI of a prefix the context has."""
    terms, prefixes = _defined_terms()
    used = set()
    for q in quads:
        used.add(q.predicate.value)
        if q.predicate.value == _RDF_TYPE and isinstance(q.object, NamedNode):
            used.add(q.object.value)
    missing = []
    for iri in sorted(used - set(terms) - {_RDF_TYPE}):
        namespace = next((ns for ns in prefixes.values() if iri.startswith(ns) and "/" not in iri[len(ns):]), None)
        taken = namespace is not None and iri[len(namespace):] in terms.values()
        if not taken:
            missing.append(iri)
    return missing


def test_the_context_has_a_term_for_every_property_and_class_of_a_report(sample_dist: Path) -> None:
    graph = [q for q in parse(path=sample_dist / "dataset.nq", format=RdfFormat.N_QUADS) if q.graph_name == NamedNode(REPORT)]
    assert _without_a_term(graph) == []
    terms, _ = _defined_terms()
    assert all(iri in terms for iri in {q.predicate.value for q in graph} - {_RDF_TYPE})  # a report's, every one


def test_the_context_has_a_term_for_what_every_description_uses(sample_dist: Path, tmp_path: Path) -> None:
    """What serve and site compact with the context: every resource's description (reports, the reference
    graphs, the dataset's VoID and DCAT-AP description, the ontology), of the sample read as text and as a
    Word document (whose source segments have XPath and range selectors)."""
    docx = build_into(tmp_path / "docx", [Path(__file__).parent / "data" / "documents" / "sample.docx"])
    for dist in (sample_dist, docx):
        described = Descriptions(dist)
        quads = [q for path in described.paths() for q in described.get(path).quads]  # type: ignore[union-attr]
        assert _without_a_term(quads) == []
    terms, _ = _defined_terms()
    assert (terms[str(OA) + "XPathSelector"], terms[str(DCAT) + "byteSize"], terms[str(SCHEMA) + "Place"]) == (
        "XPathSelector", "byteSize", "Place")
    assert _without_a_term([Quad(NamedNode(REPORT), NamedNode(str(DCT) + "nothing"), Literal("x"))]) == [
        str(DCT) + "nothing"]  # the check can fail


def test_only_the_context_is_loaded() -> None:
    with pytest.raises(jsonld.JsonLdError):
        document_loader("https://example.org/other.jsonld")
    assert report_document_path(REPORT, "https://w3id.org/rscao/") == Path(
        "report/north-east-asia/2019-09--2020-03.jsonld")
    with pytest.raises(ValueError):
        report_document_path("https://example.org/x", "https://w3id.org/rscao/")


def test_an_empty_graph_frames_to_a_bare_document() -> None:
    assert json.loads(report_document([], REPORT)) == {"@context": CONTEXT_IRI}


def test_documents_do_not_depend_on_processes(sample_dist: Path, tmp_path: Path) -> None:
    from rscao_graph.publish.frames import write_report_documents

    graph = list(parse(path=sample_dist / "dataset.nq", format=RdfFormat.N_QUADS))
    quads = [q for q in graph if q.graph_name == NamedNode(REPORT)]
    reports = [(REPORT, quads)] + [(f"https://w3id.org/rscao/report/r/{i}", quads[:40]) for i in range(16)]
    assert write_report_documents(reports, "https://w3id.org/rscao/", tmp_path / "one", workers=1) == 17
    assert write_report_documents(reports, "https://w3id.org/rscao/", tmp_path / "two", workers=2) == 17
    for path in sorted((tmp_path / "one").rglob("*.jsonld")):
        assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes()
    assert (tmp_path / "two" / "report/r/15.jsonld").is_file()


def test_compacted_descriptions_are_what_pyld_makes_of_them_and_say_the_same(sample_dist: Path) -> None:
    """compact_document skips pyld's expansion and keeps the resolved context: the bytes are those of a
    plain jsonld.compact with the context inline; and the document gives back the description's triples
    (an RDF list stays its rdf:first/rdf:rest nodes)."""
    described = Descriptions(sample_dist)
    paths = list(described.paths())
    for path in [*paths[::7], "ontology"]:
        quads = described.get(path).quads  # type: ignore[union-attr]
        triples = sorted({Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
        ours = compact_document(Quad(t.subject, t.predicate, t.object) for t in triples)
        plain = jsonld.compact(_expanded(Quad(t.subject, t.predicate, t.object) for t in triples), context_document(),
                               {"documentLoader": document_loader})
        assert ours == (json.dumps({**plain, "@context": CONTEXT_IRI}, ensure_ascii=False, indent=1) + "\n").encode()
        back = jsonld.to_rdf(json.loads(ours), {"format": "application/n-quads", "documentLoader": document_loader})
        nquads = serialize(triples, format=RdfFormat.N_TRIPLES).decode("utf-8")
        assert _canonical(back) == _canonical(nquads), path
    assert len(paths[::7]) == 146


#: Frames 16 empty reports in two worker processes (``write_report_documents``), made to hang there.
_HANGING_FRAMES = """
import sys, time
from pathlib import Path
import rscao_graph.publish.frames as frames
frames._frame_expanded = lambda *args: time.sleep(3600)
reports = [(f"https://w3id.org/rscao/report/r{i}", []) for i in range(16)]
frames.write_report_documents(reports, "https://w3id.org/rscao/", Path(sys.argv[1]), workers=2)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_framing_workers_end_with_a_killed_build(tmp_path: Path) -> None:
    """SIGKILL the real process while its two framing workers work: neither outlives it (issue 10, item 11)."""
    framing = subprocess.Popen([sys.executable, "-c", _HANGING_FRAMES, str(tmp_path)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    assert killed_leaves_none(framing, 2) == []
