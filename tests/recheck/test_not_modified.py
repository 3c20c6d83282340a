"""A re-check round whose pages all answer 304 does no verification at all: the real verifier is
wrapped with a counter on the per-claim step, and a local server answers every conditional GET 304."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from tests.recheck.support import add_claim, add_sources, conditional, events, make_due
from tests.support.servers import LocalServer
from verifier.schedule.rounds import run_until_idle
from verifier.settings import Settings


def test_a_round_of_304s_verifies_nothing(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from verifier import verify as verify_module

    settings = Settings(
        round_size=50, per_host_per_round=1000, lease_seconds=60, allow_private_addresses=True, dead_after_hours=0
    )
    runs: list[dict[str, object]] = []
    assessed: list[int] = []
    real_evaluate = verify_module.evaluate_claim

    def counting_evaluate(claim, *args, **kwargs):  # type: ignore[no-untyped-def]
        assessed.append(claim.id)
        return real_evaluate(claim, *args, **kwargs)

    def spy_verify(engine: Engine, **kw: object):  # type: ignore[no-untyped-def]
        runs.append(kw)
        return verify_module.verify_claims(engine, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(verify_module, "evaluate_claim", counting_evaluate)
    versions = {f"/p{i}": f"Acme raised {i + 10} million dollars" for i in range(6)}
    with LocalServer({p: conditional(versions, p) for p in versions}) as srv:
        ids = add_sources(engine, [srv.url(p) for p in versions])
        claims = [add_claim(engine, [sid], f"{i + 10} million") for i, sid in enumerate(ids)]
        first = run_until_idle(engine, settings, verify=spy_verify)
        assert first.new_snapshots == 6 and runs and len(assessed) == 6  # the first fetch verifies
        before = {c: len(events(engine, c)) for c in claims}
        runs.clear()
        assessed.clear()

        make_due(engine)
        again = run_until_idle(engine, settings, verify=spy_verify)
        assert again.fetched == 6 and again.unchanged == 6 and again.new_snapshots == 0
        assert sum(n for p, n in srv.hits.items() if p in versions) == 12  # every page was asked again
        assert runs == [] and assessed == []  # ... and nothing was verified
        assert {c: len(events(engine, c)) for c in claims} == before
