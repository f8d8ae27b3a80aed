"""The golden dump: the sample's TriG as a build writes it, committed in ``tests/data/golden/sample.trig``.

``tests/test_golden.py`` compares a fresh build with it by graph isomorphism (blank nodes may be
renamed; nothing else may change). When a change of the graph is intended, update the file on
purpose and review its diff in the pull request::

    python tests/golden.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from helpers import SETTINGS

from rscao_graph.files import check_output
from rscao_graph.pipeline import build_dataset
from rscao_graph.publish.writer import write_build
from rscao_graph.read.sources import ReportFile
from rscao_graph.reference import load_reference
from rscao_graph.resources import SAMPLE_REPORT, resource_path

GOLDEN = Path(__file__).parent / "data" / "golden" / "sample.trig"


def sample_trig() -> bytes:
    """The TriG dump of the bundled sample report, built with the repository's curated decisions."""
    sample = resource_path("data", SAMPLE_REPORT)
    build = build_dataset([ReportFile(sample, sample.parent)], SETTINGS, load_reference())
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "dist"
        write_build(build, check_output(out), SETTINGS)
        return (out / "dataset.trig").read_bytes()


if __name__ == "__main__":
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_bytes(sample_trig())
    print(f"wrote {GOLDEN}", file=sys.stderr)
