from __future__ import annotations

from pathlib import Path

import pytest

from rscao_graph.decisions import COLUMNS, Decision, merge_decisions, read_decisions, write_decisions
from rscao_graph.errors import InputError
from rscao_graph.resources import resource_path

E = "https://w3id.org/rscao/org/x"


def row(value: str = "Q1", status: str = "accepted", method: str = "automatic", authority: str = "wikidata",
        entity: str = E) -> Decision:
    return Decision(entity, authority, value, "X", "organisation", status, method, "0.90", "2026-11-25", "")


def test_shipped_decisions_are_curated_and_checked() -> None:
    decisions = read_decisions(resource_path("data", "links.csv"))
    assert len(decisions) == 22
    assert {d.method for d in decisions} == {"curated"} and {d.status for d in decisions} == {"accepted"}
    wikidata = {d.entity.rsplit("/", 1)[-1]: d.value for d in decisions if d.authority == "wikidata"}
    assert wikidata == {"CN": "Q148", "JP": "Q17", "KP": "Q423", "KR": "Q884", "MN": "Q711", "beijing": "Q956",
                        "tianjin": "Q11736", "suzhou": "Q42622", "national-library-of-china": "Q732353",
                        "national-diet-library": "Q477675"}


def test_round_trip_is_sorted_and_stable(tmp_path: Path) -> None:
    path = tmp_path / "links.csv"
    rows = [row("Q2"), row("Q1", "pending"), row("1816670", authority="geonames")]
    write_decisions(path, rows)
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNS)
    assert read_decisions(path) == sorted(rows)
    first = path.read_bytes()
    write_decisions(path, read_decisions(path))
    assert path.read_bytes() == first


def test_missing_file_is_no_decisions(tmp_path: Path) -> None:
    assert read_decisions(tmp_path / "none.csv") == []


@pytest.mark.parametrize(("line", "message"), [
    ("https://w3id.org/rscao/org/x,X,organisation,wikidata,Q1,maybe,curated,,,", "status 'maybe' is not one of"),
    ("https://w3id.org/rscao/org/x,X,organisation,wikidata,X1,accepted,curated,,,", "value 'X1' is not a wikidata id"),
    ("https://w3id.org/rscao/org/x,X,organisation,wikidata,Q1,accepted,automatic,1.5,,", "score '1.5' is not a number"),
    ("https://w3id.org/rscao/org/x,X,organisation,wikidata,Q1,accepted,curated,,2026-13-01,", "date '2026-13-01'"),
    ("org/x,X,organisation,wikidata,Q1,accepted,curated,,,", "entity 'org/x' is not an IRI"),
    ("https://w3id.org/rscao/org/x,X,organisation,wikidata,Q1,accepted", "expected 10 columns"),
    ("https://w3id.org/rscao/org/x,X,organisation,website,www.x.org,accepted,curated,,,",
     "value 'www.x.org' is not a website id"),
])
def test_malformed_rows_name_their_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "links.csv"
    good = "https://w3id.org/rscao/org/y,Y,organisation,wikidata,Q2,accepted,curated,,,"
    path.write_text(",".join(COLUMNS) + "\n" + good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_decisions(path)
    assert (err.value.file, err.value.line, err.value.exit_code) == (str(path), 3, 2)
    assert err.value.message.startswith(message)


def test_wrong_header(tmp_path: Path) -> None:
    path = tmp_path / "links.csv"
    path.write_text("entity,qid\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_decisions(path)
    assert (err.value.line, err.value.message) == (1, f"expected the columns {','.join(COLUMNS)}")


def test_curated_rows_win() -> None:
    curated = row("Q1", method="curated")
    merged = merge_decisions([curated], [row("Q1", "pending"), row("Q2")])
    assert merged == [curated]
    rejected = row("Q3", "rejected", "curated")
    assert merge_decisions([rejected], [row("Q3", "pending")]) == [rejected]
    assert merge_decisions([], [row("Q1", "pending"), row("Q2")]) == [row("Q2")]

