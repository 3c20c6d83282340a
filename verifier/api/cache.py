"""A small time-limited cache for counts (queue totals, status bars) that every page shows.

Counting 100,000 verdicts costs tens of milliseconds; a count a few seconds old is fine for a
summary, and this process clears the cache on every write it makes, so a reviewer sees their own
change at once. Writes by other processes (the scheduler, the CLI) show within ``ttl`` seconds
(plus the time one count takes, when refreshed in the background).

One caller computes a missing value while the others wait for it (no stampede of identical counts
when many requests arrive together). An expired value is refreshed by one caller while the others
get the previous value; with ``background=True`` that refresh runs on the cache's own thread and
nobody waits for it (the compute must then open its own database session, never a request's). A
value computed while ``clear()`` ran (a write) is not stored.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

__all__ = ["TTLCache"]

T = TypeVar("T")


class TTLCache:
    def __init__(self, ttl: float = 5.0, max_items: int = 1024, clock: Callable[[], float] = time.monotonic,
                 background: bool = False) -> None:
        self.ttl = ttl
        self.max_items = max_items
        self.background = background
        self._clock = clock
        self._data: dict[Hashable, tuple[float, Any]] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()
        self._generation = 0
        self._pool: ThreadPoolExecutor | None = None

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
        elif self.background:
            self._executor().submit(self._refresh, key, compute, key_lock)
            return hit[1]  # type: ignore[no-any-return]
        try:
            return self._refresh(key, compute, None)
        finally:
            key_lock.release()

    def _refresh(self, key: Hashable, compute: Callable[[], T], key_lock: threading.Lock | None) -> T:
        """Compute and store (the caller holds the key's lock; ``key_lock`` is released here)."""
        try:
            with self._lock:  # computed by another caller while we waited?
                again = self._data.get(key)
                if again is not None and again[0] > self._clock():
                    return again[1]  # type: ignore[no-any-return]
                generation = self._generation
            value = compute()
            with self._lock:
                if generation == self._generation:
                    if len(self._data) >= self.max_items:
                        self._data.clear()
                    self._data[key] = (self._clock() + self.ttl, value)
            return value
        finally:
            if key_lock is not None:
                key_lock.release()

    def _executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="count-refresh")
            return self._pool

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._data.clear()
