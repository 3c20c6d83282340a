"""A small time-limited cache for counts (queue totals, status bars) that every page shows.

Counting 100,000 verdicts costs tens of milliseconds; a count a few seconds old is fine for a
summary, and this process clears the cache on every write it makes, so a reviewer sees their own
change at once. Writes by other processes (the scheduler, the CLI) show within ``ttl`` seconds.
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
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        now = self._clock()
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and hit[0] > now:
                return hit[1]  # type: ignore[no-any-return]
        value = compute()  # outside the lock: a slow count must not block other keys
        with self._lock:
            if len(self._data) >= self.max_items:
                self._data.clear()
            self._data[key] = (now + self.ttl, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
