"""Benchmark: how well pages are read — our reader beside trafilatura's own output and our old extractor.

PATH is a folder in the shape of trafilatura's public real-world evaluation set (repository
adbar/trafilatura, tests/evaldata.json with the pages under tests/cache and tests/eval; Apache-2.0):
``evaldata.json`` maps each page's URL to its ``file`` and to snippets that must be in the main text
(``with``) and must not (``without``). The pages are read from PATH/<file>, or from PATH/pages.tar.xz
when the folder holds the pages packed. Nothing is copied anywhere.

Scoring as trafilatura's tests/eval_common.py: a snippet counts when it is a substring of the
extracted text; F1 = 2tp / (2tp + fp + fn) over all snippets. Snippet and text are both NFKC-normalised
with whitespace collapsed, the same for every extractor (our passages store NFKC text).

- ours: ``verifier.reading.read_html`` (trafilatura's main text walked into our passages, our old
  extractor as fallback) after our charset detection; scored on the passages below the title;
- ours_fast: the same with trafilatura's ``fast=True`` (no readability/jusText second opinion);
- trafilatura: ``trafilatura.extract`` (tables on, comments off), its own text output;
- old: ``verifier.passages.html_to_passages`` (before trafilatura), scored the same way as ours.

CPU time per page is process time of reading only (decode + extract), the same page by page.

    python bench/pages.py PATH [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier.fetch.charset import decode_body  # noqa: E402
from verifier.passages import PageText, html_to_passages  # noqa: E402
from verifier.reading import read_html  # noqa: E402
from verifier.snapshots import MAX_PARSE_TAGS, _first_tags  # noqa: E402


def norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).split())


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    cpu: float = 0.0
    pages: int = 0
    readers: Counter[str] = field(default_factory=Counter)

    def add(self, text: str, keep: list[str], drop: list[str], cpu: float) -> None:
        t = norm(text)
        for s in keep:
            if norm(s) in t:
                self.tp += 1
            else:
                self.fn += 1
        for s in drop:
            if norm(s) in t:
                self.fp += 1
            else:
                self.tn += 1
        self.cpu += cpu
        self.pages += 1

    @property
    def f1(self) -> float:
        return 2 * self.tp / max(1, 2 * self.tp + self.fp + self.fn)

    @property
    def kept(self) -> float:  # recall of main-text snippets
        return self.tp / max(1, self.tp + self.fn)

    @property
    def dropped(self) -> float:  # share of boilerplate snippets left out
        return self.tn / max(1, self.tn + self.fp)

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu / max(1, self.pages)


def pages(root: Path, limit: int | None) -> Iterator[tuple[str, bytes, dict]]:
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    items = list(data.items())[:limit] if limit else list(data.items())
    packed = root / "pages.tar.xz"
    if packed.exists():
        with tarfile.open(packed) as tar:
            members = {m.name: m for m in tar.getmembers() if m.isfile()}
            for url, item in items:
                m = members.get(item["file"])
                f = tar.extractfile(m) if m is not None else None
                if f is not None:
                    yield url, f.read(), item
        return
    for url, item in items:
        path = root / item["file"]
        for folder in ("cache", "eval"):  # the repository keeps pages in tests/cache and tests/eval
            if not path.exists():
                path = root / folder / item["file"]
        if path.exists():
            yield url, path.read_bytes(), item


def body_text(page: PageText) -> str:
    """The page's text below the title (the snippets score the main text, not the headline)."""
    return "\n".join(page.passage_text(p) for p in page.passages if p.kind != "title")


def ours(raw: bytes, url: str) -> tuple[str, str]:
    text, _ = decode_body(raw, "text/html")
    page = read_html(_first_tags(text, MAX_PARSE_TAGS), url)
    return body_text(page), page.reader


def ours_fast(raw: bytes, url: str) -> tuple[str, str]:
    text, _ = decode_body(raw, "text/html")
    page = read_html(_first_tags(text, MAX_PARSE_TAGS), url, fast=True)
    return body_text(page), page.reader


def old(raw: bytes, url: str) -> tuple[str, str]:
    text, _ = decode_body(raw, "text/html")
    return body_text(html_to_passages(_first_tags(text, MAX_PARSE_TAGS))), "old"


def trafilatura_own(raw: bytes, url: str) -> tuple[str, str]:
    from trafilatura import extract

    return extract(raw, url=url, include_comments=False, include_tables=True) or "", "trafilatura"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="folder with evaldata.json and the pages (or pages.tar.xz)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = ap.parse_args()
    readers: dict[str, Callable[[bytes, str], tuple[str, str]]] = {
        "ours": ours,
        "ours_fast": ours_fast,
        "trafilatura": trafilatura_own,
        "old": old,
    }
    scores = {name: Score() for name in readers}
    items = list(pages(args.path, args.limit))
    for url, raw, _ in items[:20]:  # warm-up: imports and lazily loaded tables are not a page's cost
        for read in readers.values():
            read(raw, url)
    for url, raw, item in items:
        for name, read in readers.items():
            t0 = time.process_time()
            text, reader = read(raw, url)
            cpu = time.process_time() - t0
            scores[name].add(text, item.get("with", []), item.get("without", []), cpu)
            scores[name].readers[reader] += 1
    n = scores["ours"].pages
    print(f"{n} pages from {args.path}")
    print(f"{'extractor':12s} {'F1':>6s} {'kept':>6s} {'dropped':>8s} {'CPU ms/page':>12s}")
    for name, s in scores.items():
        print(f"{name:12s} {s.f1:6.3f} {s.kept:6.3f} {s.dropped:8.3f} {s.cpu_ms:12.1f}")
    o, f, t, b = scores["ours"], scores["ours_fast"], scores["trafilatura"], scores["old"]
    fallback = o.readers.get("fallback", 0)
    print(f"ours / trafilatura F1: {o.f1 / max(t.f1, 1e-9):.3f}x (target >= 0.99x); ours F1 target >= 0.92")
    print(f"ours / old F1: {o.f1 / max(b.f1, 1e-9):.3f}x")
    print(f"CPU per page ours / old: {o.cpu_ms / max(b.cpu_ms, 1e-9):.2f}x (target <= 1.5x); "
          f"ours_fast / old: {f.cpu_ms / max(b.cpu_ms, 1e-9):.2f}x; trafilatura / old: {t.cpu_ms / max(b.cpu_ms, 1e-9):.2f}x")
    print(f"our fallback extractor read {fallback} of {n} pages ({fallback / max(n, 1):.1%}): trafilatura found no main text")


if __name__ == "__main__":
    main()
