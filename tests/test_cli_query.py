"""The ``query`` command (cli/query.py): what it refuses as usage errors, and the parameters people type."""

from __future__ import annotations

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
