"""Judging, pure: a claim read against the passages of the pages it cites, and the verdict rules.

No I/O here: the CLI, the API and the scheduler load snapshots and claims and call in.

- ``matching``: a claim as a query, a snapshot as an index of passages, passages scored for a claim;
- ``compare``: two values compared across languages, units and precision;
- ``frames``: what a figure measures (its clause, period, direction, role in a change, revisions);
- ``statements``: every page figure of a comparable kind read against the claim's frame;
- ``numbers``, ``dates``, ``names``: the assessment of each kind of claim;
- ``evidence``: thresholds, findings and the evidence kept; ``assess``: one claim, dispatched by kind;
- ``rules``: findings and source status to a verdict with its reason and confidence.
"""

from verifier.judge.assess import assess_claim, read_unsourced
from verifier.judge.evidence import Assessment, EvidenceDraft, Thresholds

__all__ = ["Assessment", "EvidenceDraft", "Thresholds", "assess_claim", "read_unsourced"]
