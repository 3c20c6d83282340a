"""Reading the JSON text columns of the ledger."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["json_list"]


def json_list(text: str | None) -> list[Any]:
    """A JSON list column as a list; anything unreadable (or not a list) is an empty list."""
    try:
        data = json.loads(text or "[]")
    except ValueError:
        return []
    return data if isinstance(data, list) else []
