"""Scheduled re-checks: the next-check policy, rounds over due sources, the webhook outbox.

``start_in_process(settings, engine)`` (used by ``claimledger serve``) and
``recheck_sources(engine, settings, source_ids)`` (used by the API) are loaded lazily, so that
``verifier.schedule.policy`` can be imported by the snapshot code without pulling in the rounds.
"""

from __future__ import annotations

from typing import Any

__all__ = ["start_in_process", "recheck_sources", "run_round", "run_until_idle", "RoundSummary"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from verifier.schedule import rounds

        return getattr(rounds, name)
    raise AttributeError(name)
