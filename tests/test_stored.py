"""Stored query files: headers, parameters, binding."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store

from rscao_graph.errors import InputError, UsageError
from rscao_graph.query.stored import bind_query, load_queries, parse_query_file

EXPECTED = ["activities", "activities-by-direction", "activities-by-initiative", "activities-in-period",
            "activities-of-country", "activities-of-organisation", "activities-without-date",
            "activities-without-links", "authority-links", "convenor-actions", "country-direction-matrix",
            "directions-not-served", "links", "organisations", "places", "provenance", "reports"]


def test_every_query_is_there_parses_and_is_documented() -> None:
    queries = load_queries()
    assert sorted(queries) == EXPECTED
    store = Store()
    for query in queries.values():
        assert query.summary and query.description and query.tags, query.name
        for param in query.params:
            assert param.name in query.description, (query.name, param.name)
        store.query(bind_query(query, {p.name: _example(p.type) for p in query.params}))


def _example(kind: str) -> str:
    return {"iri": "https://example.org/x", "xsd_date": "2019-11-01", "integer": "1"}.get(kind, "CN")


def test_parameters_and_types() -> None:
    queries = load_queries()
    period = queries["activities-in-period"]
    assert [(p.name, p.variable, p.type, p.required, p.default) for p in period.params] == [
        ("end", "__end_xsd_date", "xsd_date", False, None), ("start", "__start_xsd_date", "xsd_date", False, None)]
    assert [(p.name, p.type) for p in queries["provenance"].params] == [("activity", "iri")]
    assert [(p.name, p.type) for p in queries["activities-of-country"].params] == [("country", "string")]


def test_values_are_bound_as_escaped_terms() -> None:
    query = load_queries()["activities-of-country"]
    text = bind_query(query, {"country": 'CN" } DROP ALL #'})
    assert 'VALUES (?_country) { ("CN\\" } DROP ALL #") }' in text
    assert text.count("DROP ALL") == 1
    period = bind_query(load_queries()["activities-in-period"], {"start": "2019-11-01"})
    assert 'VALUES (?__start_xsd_date) { ("2019-11-01"^^<http://www.w3.org/2001/XMLSchema#date>) }' in period


@pytest.mark.parametrize(("name", "values", "message"), [
    ("activities-of-country", {}, "query activities-of-country needs --param country=..."),
    ("activities-of-country", {"country": "CN", "colour": "red"},
     "query activities-of-country has no parameter colour (its parameters: country)"),
    ("activities", {"x": "1"}, "query activities has no parameter x (its parameters: none)"),
    ("activities-in-period", {"start": "2019-13-01"}, "parameter start: '2019-13-01' is not a date (YYYY-MM-DD)"),
    ("activities-in-period", {"start": "Nov 2019"}, "parameter start: 'Nov 2019' is not a date (YYYY-MM-DD)"),
    ("provenance", {"activity": "cn-1"}, "parameter activity: 'cn-1' is not an absolute IRI"),
    ("provenance", {"activity": "http://x/a b"}, "parameter activity: 'http://x/a b' is not an absolute IRI"),
    ("activities-of-country", {"country": "C\udcffN"}, "parameter country: 'C\\udcffN' is not UTF-8 text"),
    ("provenance", {"activity": "http://x/\udcff"}, "parameter activity: 'http://x/\\udcff' is not UTF-8 text"),
])
def test_bad_parameters(name: str, values: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError) as err:
        bind_query(load_queries()[name], values)
    assert err.value.exit_code == 2
    assert str(err.value) == message


@pytest.mark.parametrize(("header", "line", "message"), [
    ("#+ summary: ok\n#+ colour: red\n", 2, "unknown decorator 'colour'"),
    ("#+ summary: ok\n#+summary: again\n", 2, "the decorators are not valid YAML: expected '<document start>', but found '<block mapping start>'"),
    ("#+ summary: ok\n#+ summary: again\n", 2, "decorator 'summary' given twice"),
    ("#+ description: no summary\n", 1, "the query has no '#+ summary:' line"),
    # grlc's failure: a plain YAML value cannot hold ": " (it drops the whole header, with a warning)
    ("#+ summary: ok\n#+ description: Parameter: country\n", 2,
     "the decorators are not valid YAML: mapping values are not allowed here (quote a value that holds ': ')"),
    ("#+ summary: ok\n#+ tags: strategy\n", 2, "decorator 'tags' must be a list of text items"),
    ("#+ summary: 2019-09-01\n", 1, "decorator 'summary' must be text, not date (quote it)"),
    ("#+ summary: ok\n#+ defaults:\n#+   - country: 2019-09-01\n", 2,
     "default country: datetime.date(2019, 9, 1) is read by YAML as date, not text: quote it"),
    ("#+ summary: ok\n#+ enumerate:\n#+   - country\n", 2, "enumerate item 'country' must be 'name:' followed by"),
    ("- a list\n", 1, "the decorators must be 'key: value' lines"),
])
def test_malformed_headers_are_errors(tmp_path: Path, header: str, line: int, message: str) -> None:
    path = tmp_path / "bad.rq"
    path.write_text(("#+ " + header if header.startswith("-") else header) + "SELECT * WHERE { ?s ?p ?_country }\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        parse_query_file(path)
    assert (err.value.file, err.value.line) == (str(path), line)
    assert err.value.message.startswith(message)


def test_decorators_after_the_query_text_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "late.rq"
    path.write_text("#+ summary: s\nSELECT * WHERE { ?s ?p ?o }\n#+ tags:\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        parse_query_file(path)
    assert (err.value.line, err.value.message) == (
        3, "a '#+' decorator line after the query text: put every decorator line first")


def test_the_header_is_yaml(tmp_path: Path) -> None:
    """What YAML accepts is accepted: quoted values with ': ', block scalars, a list at the key's indentation,
    a quoted date default (applied when the parameter is not given)."""
    path = tmp_path / "q.rq"
    path.write_text("#+ summary: 'Counts: by country'\n#+ description: >-\n#+   Two lines,\n#+   folded.\n"
                    "#+ tags:\n#+ - a\n#+ - 'b: c'\n#+ defaults:\n#+   - since: \"2019-09-01\"\n#+   - n: 3\n"
                    "SELECT * WHERE { ?s ?p ?__since_xsd_date ; ?q ?__n_integer }\n", encoding="utf-8")
    query = parse_query_file(path)
    assert (query.summary, query.description, query.tags) == ("Counts: by country", "Two lines, folded.", ("a", "b: c"))
    assert [(p.name, p.default) for p in query.params] == [("since", "2019-09-01"), ("n", "3")]
    assert ('VALUES (?__since_xsd_date ?__n_integer) { ("2019-09-01"^^<http://www.w3.org/2001/XMLSchema#date> '
            '"3"^^<http://www.w3.org/2001/XMLSchema#integer>) }') in bind_query(query, {})


def test_defaults_must_name_a_parameter(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("#+ summary: s\n#+ defaults:\n#+   - colour: red\nSELECT * WHERE { ?s ?p ?_country }\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        parse_query_file(path)
    assert err.value.message == "defaults/enumerate name no parameter of the query: colour"


def test_enumerate_restricts_values(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("#+ summary: s\n#+ enumerate:\n#+   - country:\n#+     - CN\n#+     - JP\n"
                    "SELECT * WHERE { ?s ?p ?_country }\n", encoding="utf-8")
    query = parse_query_file(path)
    assert query.enumerate == {"country": ("CN", "JP")}
    assert 'VALUES (?_country) { ("JP") }' in bind_query(query, {"country": "JP"})
    with pytest.raises(UsageError) as err:
        bind_query(query, {"country": "KR"})
    assert str(err.value) == "parameter country: 'KR' is not one of CN, JP"
