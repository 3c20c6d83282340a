"""When to check a source next: pure rules, no I/O (the round applies them).

- young sources (recently cited for the first time) and sources that changed recently are checked
  more often; old, stable ones less, between ``recheck_min_hours`` and ``recheck_max_hours``;
- a failed check backs off exponentially with jitter; after ``dead_after_failures`` consecutive
  failures the source counts as dead and is still looked at now and then, in case it comes back;
- all workers together take at most ``per_host_per_round`` sources of one host in any span of
  ``per_host_window_seconds`` (``HostWindowCap`` over the ledger's ``hostbudget`` rows), so a burst of
  due sources on one site is spread over windows however many workers run.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from storage.leases import HostWindow

__all__ = [
    "PolicyKnobs",
    "SourceHistory",
    "next_check_at",
    "success_interval",
    "failure_interval",
    "is_dead",
    "cap_per_host",
    "HostWindowCap",
    "network_looks_down",
]

HOUR = 3600.0
YOUNG_DAYS = 7.0  # a source younger than this is checked more often
STABLE_WEEK_FACTOR = 2.0  # each week without a change doubles the interval
RECENT_CHANGE_FACTOR = 0.25  # just changed: a quarter of the base; two stable weeks: the base
UNCAPPED = 1 << 62  # the allowance of a round by hand
SUCCESS_JITTER = 0.1
FAILURE_JITTER = 0.25


@dataclass(frozen=True)
class PolicyKnobs:
    """The settings the policy reads (a subset of ``Settings``; build with :meth:`from_settings`)."""

    base_hours: float = 24.0
    min_hours: float = 1.0
    max_hours: float = 24.0 * 14
    dead_after_failures: int = 3

    @classmethod
    def from_settings(cls, settings: object) -> PolicyKnobs:
        return cls(
            base_hours=float(settings.recheck_interval_hours),  # type: ignore[attr-defined]
            min_hours=float(settings.recheck_min_hours),  # type: ignore[attr-defined]
            max_hours=float(settings.recheck_max_hours),  # type: ignore[attr-defined]
            dead_after_failures=int(settings.dead_after_failures),  # type: ignore[attr-defined]
        )


@dataclass(frozen=True)
class SourceHistory:
    """What the policy needs to know about one source after a check."""

    created_at: dt.datetime
    last_changed_at: dt.datetime | None
    consecutive_failures: int  # after this check (0 when it succeeded)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def success_interval(history: SourceHistory, now: dt.datetime, knobs: PolicyKnobs) -> float:
    """Hours until the next check of a source that answered (changed or not), before jitter."""
    age_days = max(0.0, (now - history.created_at).total_seconds() / 86400)
    youth = _clamp((age_days + 0.25) / YOUNG_DAYS, 0.0, 1.0)  # 0.04 … 1
    since = history.last_changed_at or history.created_at
    stable_days = max(0.0, (now - since).total_seconds() / 86400)
    stability = RECENT_CHANGE_FACTOR * STABLE_WEEK_FACTOR ** min(stable_days / 7.0, 8.0)
    return _clamp(knobs.base_hours * youth * stability, knobs.min_hours, knobs.max_hours)


def failure_interval(failures: int, knobs: PolicyKnobs) -> float:
    """Hours until the next try after ``failures`` consecutive failures (>= 1), before jitter."""
    backoff = knobs.min_hours * 2.0 ** (max(failures, 1) - 1)
    if is_dead(failures, knobs):  # keep an eye on dead pages, but not often
        backoff = max(backoff, knobs.base_hours)
    return _clamp(backoff, knobs.min_hours, knobs.max_hours)


def is_dead(failures: int, knobs: PolicyKnobs) -> bool:
    """A source is dead once it failed ``dead_after_failures`` times in a row."""
    return failures >= knobs.dead_after_failures


def next_check_at(
    history: SourceHistory, now: dt.datetime, knobs: PolicyKnobs, rng: random.Random | None = None
) -> dt.datetime:
    """The time of the next check, with jitter so that sources checked together spread out."""
    rng = rng or random.Random()
    if history.consecutive_failures > 0:
        hours, jitter = failure_interval(history.consecutive_failures, knobs), FAILURE_JITTER
    else:
        hours, jitter = success_interval(history, now, knobs), SUCCESS_JITTER
    hours *= rng.uniform(1.0 - jitter, 1.0 + jitter)
    return now + dt.timedelta(seconds=hours * HOUR)


K = TypeVar("K")


def cap_per_host(
    candidates: Iterable[tuple[K, str | None]],
    per_host: int,
    limit: int,
    used: Mapping[str | None, int] | None = None,
) -> list[K]:
    """Keys of ``candidates`` (in order) taking at most ``per_host`` per host and ``limit`` in all;
    ``used`` counts what earlier batches of the same round already took per host."""
    taken: list[K] = []
    per: dict[str | None, int] = dict(used or {})
    for key, host in candidates:
        if len(taken) >= limit:
            break
        if per.get(host, 0) >= per_host:
            continue
        per[host] = per.get(host, 0) + 1
        taken.append(key)
    return taken


def network_looks_down(silent_hosts: int, hosts: int, min_hosts: int, ratio: float) -> bool:
    """The round's circuit breaker: at least ``min_hosts`` hosts tried and at least ``ratio`` of
    them gave no answer at all (DNS, refused, reset, timeout) — the network, not the sources."""
    return hosts >= min_hosts and silent_hosts >= ratio * hosts


@dataclass(frozen=True)
class HostWindowCap:
    """The per-host cap shared by every worker: at most ``cap`` sources of one host are taken in
    any span of ``seconds``. A host's window opens at its first take and closes ``seconds`` later;
    the next opens no sooner than ``seconds`` after the previous window's last take, so no span of
    ``seconds`` ever holds takes of two windows. ``enforce=False`` (a round by hand) only records
    its takes, so scheduled rounds then leave the host alone for a window."""

    cap: int
    seconds: float
    enforce: bool = True

    def _open(self, window: HostWindow, now: dt.datetime) -> bool:
        return window.start is not None and now < window.start + dt.timedelta(seconds=self.seconds)

    def allowance(self, window: HostWindow, now: dt.datetime) -> int:
        """How many sources of the host may be taken now."""
        if not self.enforce:
            return UNCAPPED
        if self._open(window, now):
            return max(0, self.cap - window.used)
        if window.last is not None and now < window.last + dt.timedelta(seconds=self.seconds):
            return 0  # the previous window's last take is too recent
        return self.cap

    def charge(self, window: HostWindow, taken: int, now: dt.datetime) -> HostWindow:
        """The window after ``taken`` sources of the host were taken at ``now``."""
        if taken <= 0:
            return window
        if self._open(window, now):
            return HostWindow(window.start, window.used + taken, now)
        return HostWindow(now, taken, now)
