"""Grouping the same claim across reports and finding the disagreeing members."""

from __future__ import annotations

import datetime as dt

from claims.grouping import GroupMember, find_conflicts, group_claims, same_claim, values_agree
from claims.model import Value


def member(cid: int, rep: int, x: float, ents=("OpenAI",), topics=("valuation",), day: int = 1) -> GroupMember:
    v = Value(raw=str(x), value=x, unit="USD", kind="money", precision=1e9)
    return GroupMember(cid, rep, "money", "", (v,), ents, topics, dt.date(2026, 4, day))


def test_same_claim_needs_entity_topic_kind_and_window() -> None:
    assert same_claim(member(1, 1, 8.52e11), member(2, 2, 8.52e11))
    assert not same_claim(member(1, 1, 8.52e11), member(2, 1, 8.52e11))  # same report
    assert not same_claim(member(1, 1, 8.52e11), member(2, 2, 8.52e11, ents=("Anthropic",)))
    assert not same_claim(member(1, 1, 8.52e11), member(2, 2, 8.52e11, topics=("revenue",)))
    far = GroupMember(2, 2, "money", "", member(2, 2, 8.52e11).values, ("OpenAI",), ("valuation",), dt.date(2026, 9, 1))
    assert not same_claim(member(1, 1, 8.52e11), far)


def test_conflicts_point_both_ways() -> None:
    ms = [member(1, 1, 8.52e11), member(2, 2, 8.52e11), member(3, 3, 5.82e11)]
    assert len(group_claims(ms)) == 1
    conflicts = find_conflicts(ms)
    assert conflicts[3] == {1, 2} and 3 in conflicts[1] and 3 in conflicts[2]


def test_values_agree_within_precision() -> None:
    a = Value(raw="", value=9e9, unit="USD", kind="money", qualifier="~", precision=1e8)
    b = Value(raw="", value=9.2e9, unit="USD", kind="money", precision=1e8)
    assert values_agree(a, b)


def test_garbled_unit_groups_with_the_count_it_stands_for() -> None:
    minutes = Value(raw="300 分钟", value=300.0, unit="min", kind="count", precision=1.0)
    users = Value(raw="300 万", value=3e6, unit=None, kind="count", precision=1e4, noun="weekly active users")
    a = GroupMember(1, 1, "count", "Codex 周活达到 300 分钟", (minutes,), ("Codex",), ("weekly active users",), key_offset=10)
    b = GroupMember(2, 2, "count", "Codex 周活达到 300 万", (users,), ("Codex",), ("weekly active users",), key_offset=10)
    assert find_conflicts([a, b]) == {1: {2}, 2: {1}}
