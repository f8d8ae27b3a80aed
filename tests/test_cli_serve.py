"""The ``serve`` and ``site`` commands (cli/serve.py): a newcomer's ``build && serve``, and the errors."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import requests
from helpers import run


def test_build_then_serve(work: Path, sample_path: Path) -> None:
    (work / "data" / "reports").mkdir(parents=True)
    (work / "data" / "reports" / sample_path.name).write_bytes(sample_path.read_bytes())
    assert run("-q", "build").exit_code == 0
    process = subprocess.Popen([sys.executable, "-m", "rscao_graph", "serve", "--port", "0"], cwd=work,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith(f"Serving {work / 'dist'} at http://127.0.0.1:")
        address = first.split(" at ", 1)[1].strip()
        assert process.stdout.readline() == (f"  the IRIs under https://w3id.org/rscao/ answer there: "
                                             f"https://w3id.org/rscao/country/CN is {address}country/CN\n")
        turtle = requests.get(address + "country/CN", headers={"Accept": "text/turtle"}, timeout=30)
        assert turtle.status_code == 200 and '\tschema:name "China"@en ;\n' in turtle.text
        page = requests.get(address + "report/north-east-asia/2019-09--2020-03/activity/cn-1", timeout=30)
        assert page.url == address + "report/north-east-asia/2019-09--2020-03/activity/cn-1/index.html"
        assert "<h1>International Symposium on “Libraries • Keeping Pace with the Times”</h1>" in page.text
    finally:
        process.send_signal(signal.SIGINT)
        _, log = process.communicate(timeout=30)
    assert process.returncode == 0, log
    assert '"GET /country/CN HTTP/1.1" 200' in log


def test_serve_without_a_build(work: Path) -> None:
    result = run("serve", "--port", "0")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: no descriptions in {work / 'dist'}")


def test_serve_refuses_a_build_of_another_base(work: Path, sample_path: Path) -> None:
    assert run("-q", "build", str(sample_path), "--base-iri", "https://example.org/a/").exit_code == 0
    result = run("serve", "--base-iri", "https://example.org/b/", "--port", "0")
    assert result.exit_code == 2
    assert "the build was made with the base IRI https://example.org/a/, not https://example.org/b/" in result.stderr
    (work / "rscao.toml").write_text('base_iri = "https://example.org/c/"\n', encoding="utf-8")
    assert "not https://example.org/c/" in run("serve", "--port", "0").stderr


def test_serve_on_a_port_in_use(work: Path, sample_path: Path) -> None:
    assert run("-q", "build", str(sample_path)).exit_code == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}: Address already in use")


def test_site(work: Path, sample_path: Path) -> None:
    assert run("-q", "build", str(sample_path)).exit_code == 0
    result = run("site", "--out", "public")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Wrote 4108 files (1019 resources) into public\n"
    assert (work / "public" / "country" / "CN" / "index.ttl").is_file()
    overlapping = run("site", "--out", "dist/site")
    assert overlapping.exit_code == 2 and "overlap" in overlapping.stderr
    assert os.listdir(work / "dist").count("site") == 0
