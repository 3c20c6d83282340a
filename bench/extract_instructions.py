"""Instruction counts of parse + extract and of the bare digit scan, under callgrind.

Wall time on a shared machine varies 2-5x with the load; instruction counts do not. This script runs
itself three times under ``valgrind --tool=callgrind`` — the warm-up alone, the warm-up plus
parse + extract of ``--reports`` reports, the warm-up plus the digit scan of the same reports (repeated, then divided) —
and prints the differences per MB of UTF-8 and their ratio.

``--mypyc`` also compiles a copy of ``claims/`` with mypyc (a C compiler and the mypy of the test
extras) and measures parse + extract with it in the same run: what an accelerated build would give.

    python bench/extract_instructions.py [--reports 10] [--mypyc]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import ROOT, corpus, megabytes  # noqa: E402

from claims.extract import extract_claims  # noqa: E402
from claims.report import parse_report  # noqa: E402

_DIGITS = re.compile(r"\d+")
_WARM = 5


_SCAN_REPEAT = 100  # the scan of a few hundred KB is too short to stand out of start-up noise once


def _docs(n: int) -> list[tuple[str, str]]:
    docs = corpus(0.02 * (_WARM + n))  # seeds are 8-16 KB: at least _WARM + n reports
    return docs[: _WARM + n]


def _work(mode: str, n: int) -> None:
    docs = _docs(n)
    for name, text in docs[:_WARM]:
        extract_claims(parse_report(text, name))
        _DIGITS.findall(text)
    if mode == "extract":
        for name, text in docs[_WARM:]:
            extract_claims(parse_report(text, name))
    elif mode == "scan":
        for _ in range(_SCAN_REPEAT):
            for _name, text in docs[_WARM:]:
                _DIGITS.findall(text)


def _instructions(mode: str, n: int, path: Path | None = None) -> int:
    """Instructions of one run of ``mode``; ``path`` goes first on PYTHONPATH (a compiled ``claims``)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if path is not None:
        env["PYTHONPATH"] = str(path)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, __file__,
             "--run", mode, "--reports", str(n)],
            check=True, capture_output=True, env=env,
        )
        for line in out.read_text().splitlines():
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    raise RuntimeError("no totals in the callgrind output")


def compile_claims(tmp: Path) -> Path:
    """A copy of the ``claims`` package under ``tmp``, every module compiled by mypyc; the folder to
    put first on PYTHONPATH."""
    shutil.copytree(ROOT / "claims", tmp / "claims", ignore=shutil.ignore_patterns("__pycache__"))
    modules = sorted(str(p.relative_to(tmp)) for p in (tmp / "claims").glob("*.py"))
    subprocess.run([sys.executable, "-m", "mypyc", "--ignore-missing-imports", *modules],
                   cwd=tmp, check=True, capture_output=True)
    probe = subprocess.run([sys.executable, "-c", "import claims.values; print(claims.values.__file__)"],
                           cwd=tmp, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp)})
    if not probe.stdout.strip().endswith(".so"):
        raise RuntimeError(f"the compiled claims.values is not the one imported: {probe.stdout.strip()}")
    return tmp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=10)
    ap.add_argument("--mypyc", action="store_true", help="also measure a mypyc-compiled copy of claims/")
    ap.add_argument("--run", choices=["warm", "extract", "scan"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        _work(args.run, args.reports)
        return
    size = megabytes(_docs(args.reports)[_WARM:])
    warm = _instructions("warm", args.reports)
    extract = (_instructions("extract", args.reports) - warm) / size / 1e9
    scan = (_instructions("scan", args.reports) - warm) / _SCAN_REPEAT / size / 1e9
    print(f"corpus: {args.reports} reports after a {_WARM}-report warm-up, {size * 1000:.0f} KB")
    print(f"parse+extract: {extract:8.3f} G instructions per MB")
    print(f"digit scan   : {scan:8.4f} G instructions per MB  [baseline]")
    print(f"ratio        : parse+extract takes {extract / scan:.0f}x the instructions of the bare digit scan")
    if args.mypyc:
        with tempfile.TemporaryDirectory() as tmp:
            path = compile_claims(Path(tmp))
            warm_c = _instructions("warm", args.reports, path)
            compiled = (_instructions("extract", args.reports, path) - warm_c) / size / 1e9
        print(f"mypyc-compiled claims/: {compiled:8.3f} G instructions per MB, {compiled / scan:.0f}x the digit scan, "
              f"{extract / compiled:.2f}x fewer than pure Python")


if __name__ == "__main__":
    main()
