"""The fuzz harness (``fuzzing.py``, ``fuzz_check.py``): its mutator gives what it says, its checks
catch what they are for, and a short fixed-seed run finds nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from fuzz_check import check, run_forked, save_failure, time_bound
from fuzzing import OPERATORS, SEEDS, Case, make_case

from rscao_graph import pipeline
from rscao_graph.model import Report, SourceDocument
from rscao_graph.reference import Reference
from rscao_graph.resources import SAMPLE_REPORT

SAMPLE = {SAMPLE_REPORT.rsplit("/", 1)[-1]: SEEDS[SAMPLE_REPORT.rsplit("/", 1)[-1]]}


def one(name: str, seed: int = 1) -> bytes:
    """The input the operator ``name`` alone makes of the sample."""
    import random

    return OPERATORS[name][2](random.Random(seed), next(iter(SAMPLE.values())))[0]


# --- the mutator ----------------------------------------------------------------------------------------

def test_the_seeds_are_the_sample_and_the_corpus() -> None:
    assert sorted(SEEDS) == ["central-asia_2021-09_2022-03.md", "north-east-asia-2019-09--2020-03.md",
                             "north-east-asia_2020-09_2021-03.md", "oceania_2020-09_2021-03.md",
                             "pacific_2022-03_2022-09.md", "south-asia_2021-03_2021-09.md",
                             "south-east-asia_2020-03_2020-09.md"]


def test_a_seed_and_an_index_give_one_input_always() -> None:
    case = make_case(1, 3)
    assert case.description == "#3 from north-east-asia_2020-09_2021-03.md: double-tag </p> at char 3342 -> '</p></p>'"
    assert case.operators == ("double-tag",)
    assert make_case(1, 3) == case
    assert make_case(2, 3) != case


def test_each_operator_does_what_its_name_says() -> None:
    sample = next(iter(SAMPLE.values()))
    text = sample.decode("utf-8")
    assert len(one("truncate-char")) < len(sample) and text.startswith(one("truncate-char").decode("utf-8"))
    assert sample.startswith(one("truncate-byte")) and len(one("truncate-byte")) < len(sample)
    assert one("delete-tab").count(b"\t") == sample.count(b"\t") - 1
    assert one("double-tab").count(b"\t") == sample.count(b"\t") + 1
    assert one("line-ends").count(b"\r") > 0
    assert one("utf-16")[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert b"\xed" in one("surrogate-bytes")
    assert len(one("huge-cell")) >= len(sample) + 100_000 - 2000
    assert one("many-rows").count(b"\t") >= 20 * sample.count(b"\t")


def test_operators_stack_in_order_text_then_bytes_then_encoding() -> None:
    stages = [[OPERATORS[op][0] for op in make_case(1, i).operators] for i in range(200)]
    assert all(s == sorted(s) for s in stages)
    assert {len(s) for s in stages} == {1, 2, 3, 4}


# --- the checks catch what they are for -----------------------------------------------------------------

def test_a_row_the_extractor_drops_is_a_silent_loss(monkeypatch: pytest.MonkeyPatch) -> None:
    extract = pipeline.extract_report

    def dropping(doc: SourceDocument, reference: Reference) -> Report:
        report = extract(doc, reference)
        return replace(report, activities=report.activities[1:])

    monkeypatch.setattr(pipeline, "extract_report", dropping)
    outcome = check(Case(0, "sample", next(iter(SAMPLE.values())), ()))
    assert [kind for kind, _ in outcome.failures] == ["silent-loss"]
    assert outcome.exit_code == 0


def test_an_unexpected_exception_is_an_internal_error_in_both_depths(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(doc: SourceDocument, reference: Reference) -> Report:
        raise KeyError("boom")

    monkeypatch.setattr(pipeline, "extract_report", failing)
    case = Case(0, "sample", next(iter(SAMPLE.values())), ())
    for full in (False, True):
        outcome = check(case, full=full)
        assert (outcome.exit_code, [kind for kind, _ in outcome.failures]) == (4, ["internal-error"])
        assert "KeyError: 'boom'" in outcome.failures[0][1]


def test_a_hang_is_stopped_at_the_bound_and_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import fuzz_check

    monkeypatch.setattr(fuzz_check, "time_bound", lambda size, full=False: 0.5)

    def hanging(doc: SourceDocument, reference: Reference) -> Report:
        while True:
            pass

    monkeypatch.setattr(pipeline, "extract_report", hanging)
    outcome = run_forked(Case(0, "sample", b"x", ()))
    assert (outcome.exit_code, [kind for kind, _ in outcome.failures]) == (-1, ["over-bound"])


def test_bad_input_is_exit_2_naming_the_file_and_passes() -> None:
    outcome = check(Case(0, "bytes", b"\xff\xfe\x00", ("odd",)))
    assert (outcome.exit_code, outcome.failures) == (2, [])


def test_a_failure_is_saved_for_replay(tmp_path: object) -> None:
    from pathlib import Path

    case = Case(7, "x", b"data", ("truncate-char at char 4 of 9",))
    outcome = check(case)
    outcome.failures.append(("silent-loss", "[]"))
    where = save_failure(case, outcome, Path(str(tmp_path)))
    assert sorted(p.name for p in where.iterdir()) == ["failure.json", "report.md"]
    assert (where / "report.md").read_bytes() == b"data"


def test_the_time_bound() -> None:
    assert (time_bound(0), time_bound(1_000_000), time_bound(2_500_000)) == (10.0, 20.0, 35.0)
    assert (time_bound(0, full=True), time_bound(2_500_000, full=True)) == (70.0, 245.0)


# --- a short run ----------------------------------------------------------------------------------------

def test_a_short_fixed_seed_run_finds_nothing() -> None:
    # In a fresh interpreter, which forks a child per input: a fork of this one (whose servers and
    # libraries run threads) can leave the child waiting on a lock another thread held.
    code = ("import json\n"
            "from fuzz_check import run_forked\n"
            "from fuzzing import make_case\n"
            "cases = [make_case(7, i) for i in range(60)]\n"
            "cases = [c for c in cases if not {'huge-cell', 'many-rows'} & set(c.operators)]\n"
            "outcomes = [run_forked(c, full=c.index == 0) for c in cases]\n"
            "print(json.dumps([len(outcomes), [(o.description, o.failures) for o in outcomes if o.failures]]))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent, capture_output=True, text=True,
                            timeout=900)
    assert (result.returncode, result.stderr[-2000:]) == (0, "")
    assert json.loads(result.stdout) == [59, []]
