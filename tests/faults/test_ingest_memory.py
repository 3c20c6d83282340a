"""A long valid report ingests in bounded memory (issue 11: 1 MB of Chinese numerals took 343 MB).

A child process ingests a small report first (imports, data files and caches loaded), reads its peak
RSS (VmHWM), then ingests a report of some 20,000 claims (under the default claim cap) and reads it
again. Before claims were extracted a sentence at a time and spooled in batches, the whole list of
claim objects (and every value of the section) was held at once: the peak rose by 54 MB; now it
rises by 11 MB.

Imports only what older versions also had, so it runs unchanged against the code before the fix.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

CHILD = r"""
import json, sys
from pathlib import Path
from storage.db import make_engine
from storage.ingest import ingest_report

def peak_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

unit = "收入三百万两千五百四十一亿"  # a figure and a fact, again and again: one claim-dense sentence
engine = make_engine(sys.argv[1], cache=False)
small = ingest_report(engine, "small.md", "# T\n\n" + unit * 3_000 + "。\n")
before = peak_mb()
big = ingest_report(engine, "big.md", "# T\n\n" + unit * 20_000 + "。\n")
print(json.dumps({"before": before, "after": peak_mb(), "small": small.claims, "big": big.claims}))
"""


def test_a_claim_dense_report_ingests_in_bounded_memory(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-c", CHILD, f"sqlite:///{tmp_path / 'ledger.db'}"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    got = json.loads(res.stdout.strip().splitlines()[-1])
    assert got["big"] > 15_000 and got["big"] > 5 * got["small"]  # the big report is stored whole
    growth = got["after"] - got["before"]
    assert growth < 25, got  # MB for 7x the claims of the warm-up (was 54)
