"""``pair_outcome``: ``same_claim`` and ``values_agree`` remembered by the members' comparison numbers.

The grouping index compares a new claim once per comparison number among a key's candidates, not once
per candidate; that is exact only if the number stands for everything the comparison reads. Checked
here on every pair the blocking keys bring together in the examples and copies of them with other
figures and other report dates.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

from claims.extract import iter_claims
from claims.grouping import GroupMember, blocking_keys, meeting_key, pair_outcome, same_claim, values_agree
from claims.model import Value
from claims.report import parse_report

ROOT = Path(__file__).resolve().parents[2]
_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")


def _vary(text: str, rng: random.Random) -> str:
    def swap(m: re.Match[str]) -> str:
        return m.group(0) if rng.random() > 0.3 else f"{float(m.group(1)) * rng.choice([2, 3, 10]):g}"

    return _FIGURE.sub(swap, text)


def _members() -> list[GroupMember]:
    rng = random.Random(13)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "reports").glob("*.txt"))]
    docs = texts + [_vary(t, rng) for t in texts] + [_vary(t, rng) for t in texts]
    out: list[GroupMember] = []
    for rid, text in enumerate(docs, start=1):
        report = parse_report(text, f"r{rid}.txt")
        # the copies' reports dated apart too: some inside the window, some outside it
        date = report.date + dt.timedelta(days=30 * (rid // len(texts))) if report.date else None
        for c in iter_claims(report):
            if c.checkworthy:
                out.append(
                    GroupMember(
                        len(out) + 1, rid, c.kind, c.sentence, c.values, c.entities, c.topics, date,
                        c.start - c.sentence_start,
                    )
                )
    return out


def test_pair_outcome_is_same_claim_and_values_agree_on_every_blocked_pair() -> None:
    members = _members()
    # fresh objects of the same claims: their numbers are the numbers of equal keys
    twins = _members()
    buckets: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        for key in blocking_keys(m):
            buckets.setdefault(key, []).append(i)
    checked = same = disagree = 0
    for key, idxs in buckets.items():
        for i in idxs:
            for j in buckets.get(meeting_key(key), ()):
                a, b = members[i], members[j]
                if a.report_id == b.report_id:
                    continue
                expected = 0
                if same_claim(a, b):
                    expected = 1 if values_agree(a.values[0], b.values[0]) else 2
                assert pair_outcome(a, b) == expected, (a, b)
                assert pair_outcome(twins[i], twins[j]) == expected
                checked += 1
                same += expected > 0
                disagree += expected == 2
    assert checked > 5_000 and same > 1_000 and disagree > 500  # the check meets every outcome


_DATED = (
    "Meta released Muse Spark on April 9. Google released Gemini Flash on April 9. Meta released Muse "
    "Spark on April 10. Meta announced Muse Spark on April 9. Google released Gemini Flash in April.\n\n"
    "Meta 于 4 月 9 日发布 Muse Spark。谷歌于 4 月 8 日发布 Gemini Flash。Meta released Muse Spark on AWS on April 9."
)


def _dated_claims() -> list[tuple[str, tuple[Value, ...], tuple[str, ...], int]]:
    """Date claims as extraction reads them (their events are read from the sentence around them)."""
    report = parse_report(f"# Daily | 2026-04-10\n\n## 要闻\n\n{_DATED}\n", "dated.md")
    return [
        (c.sentence, c.values, c.entities, c.start - c.sentence_start) for c in iter_claims(report) if c.kind == "date"
    ]


def _synthetic(n: int, seed: int) -> list[GroupMember]:
    """Members drawn from small pools of sentences, names, topics, values and dates, so that many
    read alike in all but one thing (the subject, a name's script, a topic, the report date…)."""
    rng = random.Random(seed)
    texts = [
        ("估值 3800 亿美元的 Anthropic 与 OpenAI", 3),
        ("OpenAI 估值 3800 亿美元，Anthropic 紧随其后", 10),
        ("Anthropic raised $5 billion, OpenAI said", 20),
        ("云迹智算完成 2 亿元融资", 6),
        ("Yunji Zhisuan closed a 200 million yuan round", 20),
        ("OpenAI said 300 users joined", 12),
    ]
    entities = [(), ("OpenAI",), ("Anthropic",), ("OpenAI", "Anthropic"), ("Anthropic", "OpenAI"),
                ("云迹智算公司",), ("Yunji Zhisuan",), ("Yunji",)]
    topics = [(), ("valuation",), ("funding",), ("valuation", "funding"), ("users",)]
    values = [
        Value(raw="5", value=5e9, unit="USD", kind="money", precision=1e9),
        Value(raw="5", value=5e9, unit="USD", kind="money", precision=1e9, qualifier=">="),
        Value(raw="5", value=5e9, unit="USD", kind="money", precision=1e9, noun="round"),
        Value(raw="5.9", value=5.9e9, unit="USD", kind="money", precision=1e8),
        Value(raw="5.2", value=5.2e9, unit="USD", kind="money", precision=1e8),
        Value(raw="3800", value=3.8e11, unit="USD", kind="money", precision=1e10, noun="valuation"),
        Value(raw="2", value=2e8, unit="CNY", kind="money", precision=1e8),
        Value(raw="300", value=300.0, unit="min", kind="count", precision=1.0),
        Value(raw="300 万", value=3e6, unit=None, kind="count", precision=1e4, noun="users"),
        Value(raw="300 万", value=3e6, unit=None, kind="count", precision=1e4, noun="downloads"),
        Value(raw="3e6", value=3e6, unit=None, kind="count", precision=1e4, qualifier="~"),
    ]
    dated = _dated_claims()
    dates = [dt.date(2026, 4, 1), dt.date(2026, 4, 20), dt.date(2026, 8, 1), None]
    out = []
    for i in range(n):
        report, date = rng.randrange(1, 40), rng.choice(dates)
        if rng.random() < 0.25:
            text, vals, ents, offset = rng.choice(dated)
            out.append(GroupMember(i + 1, report, "date", text, vals, ents, (), date, offset))
            continue
        text, offset = rng.choice(texts)
        value = rng.choice(values)
        kind = value.kind if value.kind != "count" or rng.random() < 0.8 else "money"
        out.append(
            GroupMember(i + 1, report, kind, text, (value,), rng.choice(entities), rng.choice(topics), date,
                        offset + rng.choice((0, 0, 0, -offset, 4)))
        )
    return out


def test_pair_outcome_on_members_that_differ_in_one_thing() -> None:
    members, twins = _synthetic(500, 5), _synthetic(500, 5)
    outcomes = [0, 0, 0]
    for i, a in enumerate(members):
        for j, b in enumerate(members):
            if a.report_id == b.report_id:
                continue
            expected = 0
            if same_claim(a, b):
                expected = 1 if values_agree(a.values[0], b.values[0]) else 2
            assert pair_outcome(a, b) == expected, (a, b)
            assert pair_outcome(twins[i], twins[j]) == expected
            outcomes[expected] += 1
    assert min(outcomes) > 500, outcomes


def test_members_that_read_alike_share_a_number_and_others_do_not() -> None:
    def member(value: float | str, start: int = 0, raw: str = "5", precision: float | None = 1.0) -> GroupMember:
        v = Value(raw=raw, value=value, unit="USD", kind="money", precision=precision, start=start, end=start + 1)
        return GroupMember(1, 1, "money", "OpenAI raised 5", (v,), ("OpenAI",), ("funding",), dt.date(2026, 4, 1), 14)

    assert member(5.0).comparison_id == member(5.0, start=9, raw="5.0").comparison_id  # where, how written
    assert member(5.0).comparison_id != member(5).comparison_id  # 5 and 5.0 are not read alike
    assert member(0.0).comparison_id != member(-0.0).comparison_id
    assert member(5.0).comparison_id != member(5.0, precision=None).comparison_id
    assert member(5.0).comparison_id != member("5.0").comparison_id
    bare = GroupMember(2, 2, "fact", "", (), ("OpenAI",))
    assert bare.comparison_id == 0 and pair_outcome(bare, member(5.0)) == 0
