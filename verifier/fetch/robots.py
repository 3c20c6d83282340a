"""robots.txt rules per origin, parsed with Protego and cached for the fetcher's lifetime."""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego

__all__ = ["RobotsRules", "rules_from_response"]


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt allows; ``unavailable`` when it could not be read (5xx, network)."""

    parser: Protego | None = None
    unavailable: str | None = None

    def allows(self, url: str, user_agent: str) -> bool:
        return True if self.parser is None else bool(self.parser.can_fetch(url, user_agent))


def rules_from_response(status: int, body: bytes) -> RobotsRules:
    """RFC 9309: 2xx → the rules; 4xx → everything allowed; 5xx → unavailable (do not fetch now)."""
    if 200 <= status < 300:
        return RobotsRules(parser=Protego.parse(body.decode("utf-8", "replace")))
    if 400 <= status < 500:
        return RobotsRules()
    return RobotsRules(unavailable=f"robots.txt answered HTTP {status}")
