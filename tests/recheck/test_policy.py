"""The next-check policy: pure rules, tested directly."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.leases import HostWindow
from verifier.schedule.policy import (
    HostWindowCap,
    PolicyKnobs,
    SourceHistory,
    cap_per_host,
    failure_interval,
    is_dead,
    next_check_at,
    success_interval,
)
from verifier.settings import Settings

NOW = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
KNOBS = PolicyKnobs(base_hours=24, min_hours=1, max_hours=24 * 14, dead_after_failures=3)


def hist(age_days: float, stable_days: float | None = None, failures: int = 0) -> SourceHistory:
    created = NOW - dt.timedelta(days=age_days)
    changed = None if stable_days is None else NOW - dt.timedelta(days=stable_days)
    return SourceHistory(created_at=created, last_changed_at=changed, consecutive_failures=failures)


def test_knobs_come_from_settings() -> None:
    s = Settings(recheck_interval_hours=12, recheck_min_hours=2, recheck_max_hours=100, dead_after_failures=5)
    assert PolicyKnobs.from_settings(s) == PolicyKnobs(12, 2, 100, 5)


def test_young_sources_are_checked_more_often_than_old_ones() -> None:
    young = success_interval(hist(age_days=1), NOW, KNOBS)
    old = success_interval(hist(age_days=60, stable_days=1), NOW, KNOBS)
    assert young < old


def test_a_source_that_just_changed_is_checked_sooner_than_a_stable_one() -> None:
    changing = success_interval(hist(age_days=90, stable_days=0.5), NOW, KNOBS)
    stable = success_interval(hist(age_days=90, stable_days=60), NOW, KNOBS)
    assert changing < KNOBS.base_hours < stable


def test_interval_stays_within_min_and_max() -> None:
    assert success_interval(hist(age_days=0), NOW, KNOBS) == KNOBS.min_hours
    assert success_interval(hist(age_days=3650), NOW, KNOBS) == KNOBS.max_hours


def test_failures_back_off_exponentially() -> None:
    assert [failure_interval(n, KNOBS) for n in (1, 2)] == [1, 2]
    assert failure_interval(3, KNOBS) == KNOBS.base_hours  # dead: looked at daily, not hourly
    assert failure_interval(30, KNOBS) == KNOBS.max_hours


def test_dead_only_after_the_retries() -> None:
    assert [is_dead(n, KNOBS) for n in (0, 1, 2, 3, 4)] == [False, False, False, True, True]


def test_jitter_spreads_sources_checked_together() -> None:
    rng = random.Random(7)
    times = {next_check_at(hist(age_days=30, stable_days=30), NOW, KNOBS, rng) for _ in range(20)}
    assert len(times) == 20
    base = success_interval(hist(age_days=30, stable_days=30), NOW, KNOBS)
    for t in times:
        hours = (t - NOW).total_seconds() / 3600
        assert base * 0.9 - 1e-9 <= hours <= base * 1.1 + 1e-9


def test_failed_check_uses_backoff_with_jitter() -> None:
    rng = random.Random(1)
    hours = [
        (next_check_at(hist(30, failures=2), NOW, KNOBS, rng) - NOW).total_seconds() / 3600 for _ in range(50)
    ]
    assert min(hours) >= 2 * 0.75 - 1e-9 and max(hours) <= 2 * 1.25 + 1e-9
    assert max(hours) - min(hours) > 0.2


@given(
    age=st.floats(0, 5000),
    stable=st.one_of(st.none(), st.floats(0, 5000)),
    failures=st.integers(0, 60),
)
def test_next_check_is_always_in_the_future_and_bounded(
    age: float, stable: float | None, failures: int
) -> None:
    t = next_check_at(hist(age, stable, failures), NOW, KNOBS, random.Random(0))
    hours = (t - NOW).total_seconds() / 3600
    assert KNOBS.min_hours * 0.75 - 1e-9 <= hours <= KNOBS.max_hours * 1.25 + 1e-9


def test_cap_per_host_keeps_order_and_limits() -> None:
    cands = [(1, "a"), (2, "a"), (3, "b"), (4, "a"), (5, None), (6, "b"), (7, "c")]
    assert cap_per_host(cands, per_host=2, limit=10) == [1, 2, 3, 5, 6, 7]
    assert cap_per_host(cands, per_host=1, limit=3) == [1, 3, 5]
    assert cap_per_host([], per_host=1, limit=3) == []


@pytest.mark.parametrize("per_host", [1, 3, 50])
def test_cap_per_host_never_exceeds_cap(per_host: int) -> None:
    cands = [(i, f"h{i % 4}") for i in range(200)]
    taken = cap_per_host(cands, per_host=per_host, limit=100)
    for h in {h for _, h in cands}:
        assert sum(1 for i in taken if f"h{i % 4}" == h) <= per_host


def test_cap_per_host_counts_what_earlier_batches_took() -> None:
    cands = [(1, "a"), (2, "a"), (3, "b"), (4, "b")]
    assert cap_per_host(cands, per_host=2, limit=10, used={"a": 1}) == [1, 3, 4]
    assert cap_per_host(cands, per_host=2, limit=10, used={"a": 2, "b": 2}) == []


@settings(max_examples=200, deadline=None)
@given(
    cap=st.integers(1, 6),
    steps=st.lists(st.tuples(st.floats(0, 7), st.integers(0, 9)), min_size=1, max_size=40),
)
def test_a_host_window_never_holds_more_than_its_cap_in_any_span(
    cap: int, steps: list[tuple[float, int]]
) -> None:
    rule, window, now = HostWindowCap(cap, 10.0), HostWindow(), NOW
    takes: list[dt.datetime] = []
    for gap, want in steps:
        now += dt.timedelta(seconds=gap)
        n = min(want, rule.allowance(window, now))
        window = rule.charge(window, n, now)
        takes += [now] * n
    for t in takes:  # every span of 10 s starting at a take
        assert sum(1 for u in takes if t <= u < t + dt.timedelta(seconds=10)) <= cap


def test_a_host_window_refills_after_its_span_and_a_round_by_hand_is_only_recorded() -> None:
    rule = HostWindowCap(3, 10.0)
    w = rule.charge(HostWindow(), 3, NOW)
    assert rule.allowance(w, NOW + dt.timedelta(seconds=9)) == 0
    assert rule.allowance(w, NOW + dt.timedelta(seconds=10)) == 3
    by_hand = HostWindowCap(3, 10.0, enforce=False)
    assert by_hand.allowance(w, NOW) > 1000
    w2 = by_hand.charge(HostWindow(), 7, NOW)  # recorded: scheduled rounds leave the host alone
    assert rule.allowance(w2, NOW + dt.timedelta(seconds=5)) == 0
