"""An empty Virtuoso (Debian's virtuoso-opensource) on 127.0.0.1, for the tests of publishing to it.

A fresh database in a temporary folder with its own virtuoso.ini (free ports, bound to 127.0.0.1,
nothing read outside the folder). Its SPARQL endpoint is ``/sparql``; its Graph Store endpoint, which
takes the ``dba`` user with HTTP Digest authentication, ``/sparql-graph-crud-auth``. Tests skip with a
message where Virtuoso is not installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def virtuoso_store(folder: Path) -> Iterator[str]:
    """Start an empty Virtuoso in ``folder`` and yield its root URL (``http://127.0.0.1:PORT/``)."""
    server = shutil.which("virtuoso-t")
    if server is None:
        pytest.skip("Virtuoso is not installed: apt-get install virtuoso-opensource-7-bin (.ci/run does)")
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_INI.format(folder=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    process = subprocess.Popen([server, "+configfile", str(ini), "+foreground"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = f"http://127.0.0.1:{http_port}/"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                ask = urllib.parse.urlencode({"query": "ASK {}"})
                with urllib.request.urlopen(f"{root}sparql?{ask}", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = (folder / "virtuoso.log").read_text(encoding="utf-8", errors="replace")[-2000:]
                    raise RuntimeError(f"Virtuoso did not start: {log}") from None
                time.sleep(0.25)
        yield root
    finally:
        stop(process, 30)
