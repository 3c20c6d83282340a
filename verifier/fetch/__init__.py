"""Fetching cited pages: safe (SSRF guard), polite (limits, robots, backoff), bounded (size, time)."""
