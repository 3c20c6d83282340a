"""Jinja filters the templates share."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from jinja2 import Environment

__all__ = ["install", "when", "value_text", "is_web"]


def when(value: dt.datetime | None) -> str:
    """``2026-04-13 09:30 UTC``; SQLite's naive datetimes are UTC."""
    if value is None:
        return "never"
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%d %H:%M UTC")


def value_text(v: Any) -> str:
    """A normalised value for people: qualifier, number, unit (``>= 1200000 users``)."""
    if not isinstance(v, dict):
        return str(v)
    q = v.get("qualifier") or "="
    num = v.get("value")
    if isinstance(num, float) and num.is_integer():
        num = int(num)
    if isinstance(num, (int, float)):
        num = f"{num:,}"
    parts = [q if q != "=" else "", str(num), v.get("unit") or ""]
    return " ".join(p for p in parts if p)


def is_web(url: str | None) -> bool:
    """Only http(s) URLs become links: a malformed citation may hold anything (``javascript:…``)."""
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def install(env: Environment) -> None:
    env.filters["when"] = when
    env.filters["value_text"] = value_text
    env.filters["pretty"] = pretty
    env.tests["web"] = is_web
