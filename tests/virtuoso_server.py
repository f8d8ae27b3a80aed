"""A real Virtuoso server (Debian's virtuoso-opensource-7-bin) on 127.0.0.1, for tests: empty, for the
tests of publishing to it, or loaded with a dump, for the tests comparing stores.

A fresh database in a temporary folder, its own virtuoso.ini (free ports, bound to 127.0.0.1, nothing
read outside the folder); a dump given is loaded with Virtuoso's bulk loader. Its SPARQL endpoint is
``/sparql``; its Graph Store endpoint, which takes the ``dba`` user with HTTP Digest authentication,
``/sparql-graph-crud-auth``. Virtuoso's default graph is the union of all its graphs (its own system graphs
too, which the stored queries never match), as the stored queries expect. Tests skip with a message where
Virtuoso is not installed; `.ci/run` installs it.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from oxigraph_server import free_port, stop

_INI = """[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ServerThreads = 10
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 5
MaxClientConnections = 5

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso: its HTTP root (``http://127.0.0.1:PORT/``) and its SQL port (for isql)."""

    root: str
    sql_port: int

    @property
    def endpoint(self) -> str:
        """The SPARQL query endpoint."""
        return self.root + "sparql"

    @property
    def graph_store(self) -> str:
        """The Graph Store HTTP Protocol endpoint (user ``dba``, password ``dba``, HTTP Digest)."""
        return self.root + "sparql-graph-crud-auth"


def _load(virtuoso: Virtuoso, isql: str, data: Path, folder: Path) -> None:
    shutil.copy(data, folder / "dataset.nq")
    load = (f"ld_dir('{folder}', 'dataset.nq', 'urn:rscao:default'); rdf_loader_run(); checkpoint; "
            "SELECT ll_state, ll_error FROM DB.DBA.LOAD_LIST;")
    result = subprocess.run([isql, f"127.0.0.1:{virtuoso.sql_port}", "dba", "dba", f"exec={load}"],
                            capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0 or "NULL" not in result.stdout.split("ll_error")[-1]:
        raise RuntimeError(f"Virtuoso did not load {data}: {result.stdout[-1000:]} {result.stderr[-1000:]}")


@contextmanager
def virtuoso_server(folder: Path, data: Path | None = None) -> Iterator[Virtuoso]:
    """Start a new Virtuoso database in ``folder``, with the N-Quads file ``data`` loaded if given (else
    empty), and yield it; the server is stopped afterwards."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        pytest.skip("Virtuoso is not installed: apt-get install virtuoso-opensource-7-bin (.ci/run does)")
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_INI.format(folder=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    process = subprocess.Popen([server, "+configfile", str(ini), "+foreground"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    virtuoso = Virtuoso(f"http://127.0.0.1:{http_port}/", sql_port)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                ask = urllib.parse.urlencode({"query": "ASK {}"})
                with urllib.request.urlopen(f"{virtuoso.endpoint}?{ask}", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = (folder / "virtuoso.log").read_text(encoding="utf-8", errors="replace")[-2000:]
                    raise RuntimeError(f"Virtuoso did not start: {log}") from None
                time.sleep(0.25)
        if data is not None:
            _load(virtuoso, isql, data, folder)
        yield virtuoso
    finally:
        stop(process, timeout=30)
