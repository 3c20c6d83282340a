"""Fetching cited pages: safe (SSRF guard), polite (limits, robots, backoff), bounded (size, time)."""

from verifier.fetch.client import Fetcher, FetchRequest
from verifier.fetch.result import FetchResult

__all__ = ["Fetcher", "FetchRequest", "FetchResult"]
