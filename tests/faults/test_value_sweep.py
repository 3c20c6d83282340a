"""Every regex over user text is linear: a size sweep, 1 kB → 1 MB (issue 11, item 4).

Each family of hostile text (a run of digits, of Chinese numerals, of number punctuation, a mix)
is read by the value parser at 1 kB, 10 kB, 100 kB and 1 MB in a child process, which stops at the
first size that costs more than 30× the size ten times smaller (linear is 10×) or raises. (Runs of
digits and of numerals read in quadratic time until the fraction pattern only started at the head of
a run.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SWEEP = r"""
import json, sys, time
from claims.values import parse_values
unit = sys.argv[1]
times = []
for size in (1_000, 10_000, 100_000, 1_000_000):
    text = (unit * (size // len(unit) + 1))[:size]
    t = time.perf_counter()
    try:
        parse_values(text)
    except Exception as exc:
        print(json.dumps({"times": times, "error": f"{size:,} chars: {exc.__class__.__name__}: {exc}"}))
        sys.exit(0)
    times.append(time.perf_counter() - t)
    if len(times) > 1 and times[-1] > 0.25 and times[-1] > 30 * times[-2]:
        print(json.dumps({"times": times, "error": f"{size:,} chars took {times[-1] / times[-2]:.0f}x the time of a tenth"}))
        sys.exit(0)
print(json.dumps({"times": times, "error": None}))
"""

@pytest.mark.parametrize(
    "unit",
    [
        pytest.param("1", id="digits"),
        pytest.param("三", id="chinese-numerals"),
        pytest.param(",.-%$¥。，、 ", id="punctuation"),
        pytest.param("收入三百万两千五百四十一亿美元，增长12.5%；约 3.4 billion, up 5 percent. ", id="mixed"),
    ],
)
def test_value_parsing_time_grows_linearly_up_to_1_mb(unit: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SWEEP, unit], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["error"] is None, (got["error"], [round(t, 3) for t in got["times"]])
    assert len(got["times"]) == 4 and got["times"][-1] < 30, got["times"]
