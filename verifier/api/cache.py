"""A small time-limited cache for counts (queue totals, status bars) that every page shows.

Counting 100,000 verdicts costs tens of milliseconds; a count a few seconds old is fine for a
summary, and this process clears the cache on every write it makes, so a reviewer sees their own
change at once. Writes by other processes (the scheduler, the CLI) show within ``ttl`` seconds.

One caller computes a missing or expired value while the others wait for it (no stampede of
identical counts when many requests arrive together); while an expired value is being refreshed,
other callers get the previous value instead of waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["TTLCache"]

T = TypeVar("T")


class TTLCache:
    def __init__(self, ttl: float = 5.0, max_items: int = 1024, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.max_items = max_items
        self._clock = clock
        self._data: dict[Hashable, tuple[float, Any]] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and hit[0] > self._clock():
                return hit[1]  # type: ignore[no-any-return]
            key_lock = self._locks.setdefault(key, threading.Lock())
        if hit is not None and not key_lock.acquire(blocking=False):
            return hit[1]  # type: ignore[no-any-return]  # someone is refreshing: the stale value will do
        if hit is None:
            key_lock.acquire()
        try:
            with self._lock:  # computed by another caller while we waited?
                again = self._data.get(key)
                if again is not None and again[0] > self._clock():
                    return again[1]  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                if len(self._data) >= self.max_items:
                    self._data.clear()
                self._data[key] = (self._clock() + self.ttl, value)
            return value
        finally:
            key_lock.release()

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
