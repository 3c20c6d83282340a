"""Extraction recall on the gold set, computed from ``extract_claims`` directly (no database)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from claims.extract import extract_claims
from claims.model import ExtractedClaim
from claims.report import parse_report


def gold_recall(gold: Path, reports_dir: Path) -> tuple[Counter[str], Counter[str], list[dict]]:
    """(found by kind, total by kind, missed gold items) — a gold key is found when a claim's span overlaps it."""
    texts: dict[str, str] = {}
    claims: dict[str, list[ExtractedClaim]] = {}
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[dict] = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        name = item["report"]
        if name not in texts:
            texts[name] = (reports_dir / name).read_text(encoding="utf-8")
            claims[name] = extract_claims(parse_report(texts[name], name))
        text = texts[name]
        q = text.find(item["quote"])
        k = item["quote"].find(item["key"])
        start = q + max(k, 0)
        end = start + (len(item["key"]) if k >= 0 else len(item["quote"]))
        total[item["kind"]] += 1
        if any(min(end, c.end) > max(start, c.start) for c in claims[name]):
            found[item["kind"]] += 1
        else:
            missed.append(item)
    return found, total, missed
