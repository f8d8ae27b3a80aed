from __future__ import annotations

import csv
import io
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



GOOD = "https://w3id.org/rscao/org/y,Y,organisation,wikidata,Q2,accepted,curated,,,"


def read_lines(tmp_path: Path, *lines: str) -> InputError:
    path = tmp_path / "links.csv"
    path.write_text(",".join(COLUMNS) + "\n" + GOOD + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_decisions(path)
    assert (err.value.file, err.value.exit_code) == (str(path), 2)
    return err.value


@pytest.mark.parametrize(("entity", "problem"), [
    ("https://w3id.org/rscao/org/<x>", "holds '<'"),
    ("https://w3id.org/rscao/org/{x}", "holds '{'"),
    ('"https://w3id.org/rscao/org/""x"""', "holds '\"'"),
    ("https://w3id.org/rscao/org/x\u202eevil", "holds '\\u202e'"),
    ("https://w3id.org/rscao/org/x%zz", "holds '%' not followed by two hex digits"),
    ("https://w3id.org/rscao/org/[x]", "holds '[' or ']' outside the host"),
    ("https://w3id.org:99999/rscao/org/x", "has a port that is not a number from 1 to 65535"),
])
def test_entities_that_cannot_be_iris_name_their_line(tmp_path: Path, entity: str, problem: str) -> None:
    err = read_lines(tmp_path, f"{entity},X,organisation,wikidata,Q1,accepted,curated,,,")
    assert err.line == 3
    assert err.message.endswith(f"is not an IRI: it {problem}")


@pytest.mark.parametrize(("website", "problem"), [
    ("https://a.org/{x}", "holds '{'"),
    ("https://a.org/x^y", "holds '^'"),
    ("https://a.org/%zz", "holds '%' not followed by two hex digits"),
    ("https://a.org/x\u200b", "holds '\\u200b'"),
])
def test_websites_that_cannot_be_iris_name_their_line(tmp_path: Path, website: str, problem: str) -> None:
    err = read_lines(tmp_path, f"https://w3id.org/rscao/org/x,X,organisation,website,{website},accepted,curated,,,")
    assert (err.line, err.message) == (3, f"value {website!r} is not a website IRI: it {problem}")


def test_ids_in_other_scripts_digits_are_refused(tmp_path: Path) -> None:
    err = read_lines(tmp_path, "https://w3id.org/rscao/org/x,X,organisation,viaf,1\u0662,accepted,curated,,,")
    assert (err.line, err.message) == (3, "value '1\u0662' is not a viaf id")


def test_a_field_over_the_csv_limit_names_its_line(tmp_path: Path) -> None:
    err = read_lines(tmp_path, GOOD, "https://w3id.org/rscao/org/x,X,organisation,wikidata,Q1,accepted,curated,,,"
                     + "n" * 200_000)
    assert (err.line, err.message) == (4, "a field is longer than 131072 characters")


@pytest.mark.parametrize("score", ["1e-1", "0.5_0", "\u0660.\u0665", " 0x1", "0,5", "inf", "nan", "+-1", "."])
def test_scores_are_xsd_decimals(tmp_path: Path, score: str) -> None:
    err = read_lines(tmp_path, f'https://w3id.org/rscao/org/x,X,organisation,wikidata,Q1,pending,automatic,"{score}",,')
    assert (err.line, err.message) == (
        3, f"score {score.strip()!r} is not a number from 0 to 1 (an xsd:decimal such as 0.85)")


@pytest.mark.parametrize("date", ["20200101", "2020-W01-1", "2020-001", "2020-01-01T00:00", "2020-1-1",
                                  "\u0662\u0660\u0662\u0660-01-01", "2020-02-30"])
def test_dates_are_yyyy_mm_dd(tmp_path: Path, date: str) -> None:
    err = read_lines(tmp_path, f"https://w3id.org/rscao/org/x,X,organisation,wikidata,Q1,accepted,curated,,{date},")
    assert (err.line, err.message) == (3, f"date {date!r} is not YYYY-MM-DD")


@pytest.mark.parametrize("score", ["0", "1", "0.85", "1.00", ".5", "+0.5", "1."])
def test_xsd_decimal_scores_are_read(tmp_path: Path, score: str) -> None:
    path = tmp_path / "links.csv"
    path.write_text(",".join(COLUMNS) + f"\nhttps://w3id.org/rscao/org/x,X,organisation,wikidata,Q1,pending,automatic,"
                    f"{score},2020-02-29,\n", encoding="utf-8")
    assert [d.score for d in read_decisions(path)] == [score]


def test_contradictory_curated_rows_name_both_lines(tmp_path: Path) -> None:
    err = read_lines(tmp_path, "https://w3id.org/rscao/org/x,X,organisation,wikidata,Q1,accepted,curated,,,",
                     GOOD.replace("accepted", "rejected"))
    assert (err.line, str(err)) == (4, f"{tmp_path / 'links.csv'}:4: contradictory curated decisions for "
                                       "https://w3id.org/rscao/org/y wikidata Q2: accepted on line 2, rejected on "
                                       "line 4 (keep the one that is right)")


def test_a_curated_row_repeated_with_the_same_status_is_no_contradiction(tmp_path: Path) -> None:
    path = tmp_path / "links.csv"
    path.write_text(",".join(COLUMNS) + "\n" + GOOD + "\n" + GOOD + "\n", encoding="utf-8")
    assert len(read_decisions(path)) == 2


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=x",
                                  "''+x", "'plain", "it's", "a=b"])
def test_formula_cells_are_neutralised_and_read_back(tmp_path: Path, text: str) -> None:
    path = tmp_path / "links.csv"
    decision = Decision(E, "wikidata", "Q1", text, "organisation", "pending", "automatic", "0.50", "", text)
    write_decisions(path, [decision])
    cells = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))[1]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    if text[0] in "=+-@\t\r'" and not text.startswith("'p"):
        assert cells[1] == "'" + text
    else:
        assert cells[1] == text
    assert read_decisions(path) == [decision]
