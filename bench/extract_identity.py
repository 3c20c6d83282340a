"""Check that a change to the extractor leaves every extracted claim identical.

``--write FILE`` records the parsed report (all but its text) and the claims extracted from every
report under the given directories (or the given files);
``--check FILE`` extracts again and lists every report whose claims differ (exit 1 if any).

    python bench/extract_identity.py --write before.json examples/reports tests/fixtures/heldout
    python bench/extract_identity.py --check before.json examples/reports tests/fixtures/heldout

``--variants`` adds texts made from them (digits shifted, paragraphs shuffled, HTML pages as text):
wordings and figures the rules were not tuned on. Only paths and a count are printed, never a text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from claims.extract import extract_claims
from claims.report import parse_report

_SUFFIXES = {".txt", ".md"}


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return _plain(asdict(obj))
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj if isinstance(obj, (str, int, float, bool, type(None))) else repr(obj)


def _paths(d: Path) -> list[Path]:
    return [d] if d.is_file() else sorted(p for p in d.rglob("*") if p.suffix in _SUFFIXES)


_SHIFT = str.maketrans("0123456789", "3456789012")
_FRONT = re.compile(r"---\n.*?\n---\n", re.S)


def _variants(path: Path, text: str) -> list[tuple[str, str]]:
    """Texts the extractor has not been tuned on, made from one: a report with every digit after its front
    matter shifted by three, and with its paragraphs shuffled; a page's readable text (HTML)."""
    if path.suffix == ".html":
        from verifier.passages import html_to_passages

        page = html_to_passages(text).text
        return [(f"{path}#page", page)] if page.strip() else []
    front = _FRONT.match(text)
    k = front.end() if front else 0
    paragraphs = text.split("\n\n")
    random.Random(str(path)).shuffle(paragraphs)
    return [(f"{path}#shifted", text[:k] + text[k:].translate(_SHIFT)), (f"{path}#shuffled", "\n\n".join(paragraphs))]


def snapshot(dirs: list[Path], variants: bool = False) -> dict[str, Any]:
    """report path → the parsed report (all but its text) and its claims, as plain JSON values."""
    out: dict[str, Any] = {}
    for d in dirs:
        texts = [(str(path), path.read_text(encoding="utf-8")) for path in _paths(d)]
        if variants:
            for path in [d] if d.is_file() else sorted(p for p in d.rglob("*") if p.suffix in _SUFFIXES | {".html"}):
                texts += _variants(path, path.read_text(encoding="utf-8", errors="replace"))
        for name, text in texts:
            report = parse_report(text, Path(name.split("#")[0]).name)
            parsed = {k: v for k, v in _plain(report).items() if k != "text"}
            out[name] = {"report": parsed, "claims": _plain(extract_claims(report))}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path)
    mode.add_argument("--check", type=Path)
    ap.add_argument("--variants", action="store_true",
                    help="also digit-shifted and paragraph-shuffled copies of every report, and the text of every HTML page")
    ap.add_argument("dirs", nargs="+", type=Path)
    args = ap.parse_args()
    now = snapshot(args.dirs, args.variants)
    if args.write:
        args.write.write_text(json.dumps(now, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"wrote {sum(len(v['claims']) for v in now.values())} claims of {len(now)} reports to {args.write}")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(now, ensure_ascii=False, sort_keys=True))
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for k in differ:
        print(f"DIFFERS: {k}")
    print(f"{len(now)} reports, {sum(len(v['claims']) for v in now.values())} claims: "
          f"{'identical' if not differ else f'{len(differ)} reports differ'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
