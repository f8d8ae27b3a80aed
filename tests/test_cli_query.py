"""The ``query`` command (cli/query.py): what it refuses as usage errors, and the parameters people type."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import run


def _usage(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == message
    assert "Traceback" not in result.output and "internal error" not in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--param", "country=C\udcffN"], "Error: Invalid value for '--param': b'country=C\\xffN' is not UTF-8 text"),
    (["--param", "c\udcffountry=CN"], "Error: Invalid value for '--param': b'c\\xffountry=CN' is not UTF-8 text"),
    (["--param", "country=CN", "--param", "country=JP"], "Error: Invalid value for '--param': country is given twice"),
    (["--param", "=CN"], "Error: Invalid value for '--param': '=CN' is not name=value"),
    (["--endpoint", "notaurl"], "Error: Invalid value for '--endpoint': 'notaurl' is not an http(s) URL (such as "
                                "http://localhost:7878/query); only http and https endpoints are used"),
    (["--endpoint", "http://[::1"], "Error: Invalid value for '--endpoint': 'http://[::1' is not a URL: Invalid IPv6 URL"),
    (["--endpoint", "file:///etc/passwd"], "Error: Invalid value for '--endpoint': 'file:///etc/passwd' is not an "
                                           "http(s) URL (such as http://localhost:7878/query); only http and https "
                                           "endpoints are used"),
    (["--timeout", "inf"], "Error: Invalid value for '--timeout': 'inf' is not a number of seconds above 0 and at most "
                           "86400"),
    (["--timeout", "nan"], "Error: Invalid value for '--timeout': 'nan' is not a number of seconds above 0 and at most "
                           "86400"),
    (["--timeout", "0"], "Error: Invalid value for '--timeout': '0' is not a number of seconds above 0 and at most "
                         "86400"),
    (["--timeout", "-1"], "Error: Invalid value for '--timeout': '-1' is not a number of seconds above 0 and at most "
                          "86400"),
    (["--user", "\udcff"], "Error: Invalid value for '--user': b'\\xff' is not UTF-8 text"),
    (["--password", "p\udcffss"], "Error: Invalid value for '--password': b'p\\xffss' is not UTF-8 text"),
])
def test_query_usage_errors(work: object, args: list[str], message: str) -> None:
    name = "activities-of-country" if args[0] == "--param" else "activities"
    _usage(["query", name, *(["--endpoint", "http://127.0.0.1:9/query"] if args[0] != "--endpoint" else []), *args],
           message)


@pytest.mark.parametrize(("args", "message"), [
    (["--timeout", "0"], "Error: Invalid value for '--timeout': '0' is not a number of seconds above 0 and at most 86400"),
    (["--timeout", "-1"], "Error: Invalid value for '--timeout': '-1' is not a number of seconds above 0 and at most "
                          "86400"),
    (["--timeout", "nan"], "Error: Invalid value for '--timeout': 'nan' is not a number of seconds above 0 and at most "
                           "86400"),
    (["--timeout", "inf"], "Error: Invalid value for '--timeout': 'inf' is not a number of seconds above 0 and at most "
                           "86400"),
    (["--endpoint", "notaurl"], "Error: Invalid value for '--endpoint': 'notaurl' is not an http(s) URL (such as "
                                "http://localhost:7878/query); only http and https endpoints are used"),
    (["--endpoint", "http://[::1"], "Error: Invalid value for '--endpoint': 'http://[::1' is not a URL: Invalid IPv6 URL"),
])
def test_link_usage_errors(work: Path, sample_path: Path, args: list[str], message: str) -> None:
    (work / "data" / "reports").mkdir(parents=True)
    shutil.copy(sample_path, work / "data" / "reports")
    _usage(["link", "--offline", *args], message)


# --- parameters as people type them (item 22) -------------------------------------------------------

REPORT = "https://w3id.org/rscao/report/north-east-asia/2019-09--2020-03"


def _activities(args: list[str]) -> list[str]:
    """The activities (last part of their IRI) a query lists, run with ``args``."""
    result = run("query", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.stdout)["results"]["bindings"]
    return [b["activity"]["value"].removeprefix(REPORT + "/activity/") for b in bindings]


@pytest.mark.parametrize("value", ["China", "china", "CN", "cn", "CHN", "People's Republic of China", "P.R. China",
                                   "https://w3id.org/rscao/country/CN"])
def test_country_by_name_code_or_iri(sample_dist: Path, value: str) -> None:
    args = ["activities-of-country", "--data", str(sample_dist), "--param", f"country={value}"]
    assert _activities(args) == ["cn-1", "cn-2", "cn-3", "cn-4"]


@pytest.mark.parametrize("value", ["national-library-of-china", "National Library of China", "NLC",
                                   "https://w3id.org/rscao/org/national-library-of-china"])
def test_organisation_by_slug_label_or_iri(sample_dist: Path, value: str) -> None:
    args = ["activities-of-organisation", "--data", str(sample_dist), "--param", f"organisation={value}"]
    assert _activities(args) == ["cn-1", "cn-2"]


def test_organisation_by_part_of_its_name(sample_dist: Path) -> None:
    args = ["activities-of-organisation", "--data", str(sample_dist), "--param", "organisation=national diet"]
    assert _activities(args) == ["jp-1", "jp-2"]


@pytest.mark.parametrize("value", ["cn-1", "CN-1", "north-east-asia/2019-09--2020-03/cn-1",
                                   "north-east-asia-2019-09--2020-03/cn-1", f"{REPORT}/activity/cn-1"])
def test_activity_by_report_slug_or_alone(sample_dist: Path, value: str) -> None:
    result = run("query", "provenance", "--data", str(sample_dist), "--param", f"activity={value}", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith(f"{REPORT},north-east-asia-2019-09--2020-03.md,52,54,")


@pytest.mark.parametrize(("args", "message"), [
    (["activities-of-country", "--param", "country=Chna"],
     "error: parameter country: no country 'Chna' in the data; nearest: China (CN), Chad (TD) (give a country's "
     "name, its ISO code such as CN or CHN, or its IRI)"),
    (["activities-of-country", "--param", "country=Korea"],
     "error: parameter country: 'Korea' names 2 countries: Democratic People's Republic of Korea (KP), Republic of "
     "Korea (KR) (give one of them)"),
    (["activities-of-organisation", "--param", "organisation=national-library-of-chna"],
     "error: parameter organisation: no organisation 'national-library-of-chna' in the data; nearest: National "
     "Library of China (national-library-of-china), National Library of Korea (national-library-of-korea), National "
     "Library of Mongolia (national-library-of-mongolia), National Diet Library (national-diet-library), National "
     "Children's Library of Mongolia (national-childrens-library-of-mongolia) (give an organisation's name or a part of it, its slug such as national-library-of-china, or its IRI; the stored query "
     "organisations lists them)"),
    (["provenance", "--param", "activity=cn-9"],
     "error: parameter activity: no activity 'cn-9' in the data; nearest: north-east-asia/2019-09--2020-03/cn-1, "
     "north-east-asia/2019-09--2020-03/cn-2, north-east-asia/2019-09--2020-03/cn-3, "
     "north-east-asia/2019-09--2020-03/cn-4 (give REPORT/cn-1 with the report as in its IRI (such as "
     "north-east-asia/2019-09--2020-03), cn-1 when only one report has it, or the activity's IRI; the stored query "
     "activities lists them)"),
])
def test_values_that_resolve_to_nothing_are_usage_errors(sample_dist: Path, args: list[str], message: str) -> None:
    result = run("query", *args, "--data", str(sample_dist))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


def test_parameters_resolve_on_an_endpoint_too(oxigraph_endpoint: str) -> None:
    args = ["activities-of-country", "--endpoint", oxigraph_endpoint, "--param", "country=china"]
    assert _activities(args) == ["cn-1", "cn-2", "cn-3", "cn-4"]
    result = run("query", "provenance", "--endpoint", oxigraph_endpoint, "--param", "activity=kp-9")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: parameter activity: no activity 'kp-9' in the data; nearest: "
                                    "north-east-asia/2019-09--2020-03/kp-1, north-east-asia/2019-09--2020-03/kp-2")


def test_queries_lists_what_parameters_accept(work: Path) -> None:
    lines = run("queries").stdout.splitlines()
    assert "    --param country=<country: name, ISO code or IRI>  (required)" in lines
    assert "    --param organisation=<organisation: name, part of a name, slug or IRI>  (required)" in lines
    assert "    --param activity=<activity: REPORT/cn-1, cn-1 or IRI>  (required)" in lines
    assert "    --param start=<date>  (optional)" in lines
