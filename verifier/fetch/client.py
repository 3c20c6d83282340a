"""The Fetcher: one shared httpx client, per-host and global limits, retries, redirects, robots.

``fetch`` never raises for a problem with one URL: every ending is a :class:`FetchResult` whose
``outcome`` says what happened (``store_fetch`` turns it into source state). Redirects are followed
by hand (at most ``max_redirects``) so each hop is checked by the URL check, robots and — at connect
time — the SSRF guard's network backend.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import random
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from http.cookiejar import CookieJar
from urllib.parse import urljoin

import httpx

from claims.errors import BlockedURLError, FetchError
from verifier.fetch.body import BodyTooLargeError, read_capped
from verifier.fetch.charset import decode_body
from verifier.fetch.guard import HostNotFoundError, check_url, guarded_transport
from verifier.fetch.result import READABLE_TYPES, FetchResult, looks_like_pdf
from verifier.fetch.robots import RobotsRules, rules_from_response
from verifier.settings import Settings, get_settings

__all__ = ["Fetcher", "FetchRequest", "retry_delay", "parse_retry_after"]

REDIRECTS = frozenset({301, 302, 303, 307, 308})
KEPT = ("content-type", "etag", "last-modified", "content-language", "date", "server")
ROBOTS_MAX_BYTES = 512_000


@dataclass(frozen=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None


class _NoCookies(CookieJar):
    """Fetches are stateless: no cookie is kept or sent (and parsing them costs ~10% of a request)."""

    def extract_cookies(self, response: object, request: object) -> None:  # type: ignore[override]
        return None

    def set_cookie(self, cookie: object) -> None:  # type: ignore[override]
        return None


class _Retry(Exception):
    """A transient answer (429, 5xx, timeout, connection error): try again after a backoff."""

    def __init__(
        self,
        reason: str,
        status: int | None = None,
        retry_after: float | None = None,
        *,
        transport: bool = False,
    ) -> None:
        super().__init__(reason)
        self.status = status
        self.retry_after = retry_after
        self.transport = transport  # no answer at all (DNS, refused, reset, timeout)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def retry_delay(attempt: int, base: float, retry_after: float | None, rng: random.Random) -> float:
    """Exponential backoff with jitter (``base * 2**(attempt-1)`` × 0.5–1.5), at least Retry-After."""
    delay = base * 2 ** (attempt - 1) * rng.uniform(0.5, 1.5)
    return max(delay, retry_after or 0.0)


class _Budget:
    """What is left of one fetch's ``total_timeout``: requests (every retry and redirect) and the
    waits between retries spend it; waiting for a free slot under the concurrency limits does not."""

    def __init__(self, seconds: float) -> None:
        self.left = seconds

    @contextlib.contextmanager
    def spend(self) -> Iterator[None]:
        started = time.monotonic()
        try:
            yield
        finally:
            self.left = max(0.0, self.left - (time.monotonic() - started))


def _netloc_host(host: str) -> str:
    """A host as written in a URL: an IPv6 literal goes in brackets."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


class Fetcher:
    """``async with Fetcher(settings) as f: result = await f.fetch(url)``.

    ``transport`` replaces the guarded network transport (tests may inject one; the guard then is
    theirs). ``respect_robots`` defaults to the setting.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        respect_robots: bool | None = None,
        rng: random.Random | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.settings = s = settings or get_settings()
        self.respect_robots = s.respect_robots if respect_robots is None else respect_robots
        self._rng = rng or random.Random()
        self._sleep = sleep
        self._global = asyncio.Semaphore(s.fetch_concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._robots: dict[str, RobotsRules] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self.client = httpx.AsyncClient(
            transport=transport
            or guarded_transport(allow_private=s.allow_private_addresses, per_host=s.per_host_concurrency),
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            follow_redirects=False,
            trust_env=False,
            cookies=_NoCookies(),
            headers={
                "User-Agent": s.user_agent,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "gzip, deflate",
            },
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.client.aclose()

    # --- public ---------------------------------------------------------------------------------

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool | None = None,
    ) -> FetchResult:
        """Fetch one URL with retries; conditional when ``etag``/``last_modified`` are given.

        ``total_timeout`` bounds the whole fetch, retries and their waits included. Never raises:
        a URL the client cannot even parse is ``blocked``, an unexpected error ``failed``."""
        started = time.monotonic()
        try:
            result = await self._fetch(url, etag, last_modified, robots, started)
        except Exception as exc:  # the contract: every URL string ends in a result
            result = FetchResult(url, "failed", error=f"{exc.__class__.__name__}: {exc}")
        result.elapsed = time.monotonic() - started
        return result

    async def _fetch(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        robots: bool | None,
        started: float,
    ) -> FetchResult:
        use_robots = self.respect_robots if robots is None else robots
        budget = _Budget(self.settings.total_timeout)
        conditional: dict[str, str] = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            attempt += 1
            try:
                result = await self._follow(url, conditional, use_robots, budget)
            except _Retry as retry:
                wait = retry_delay(attempt, self.settings.backoff_base, retry.retry_after, self._rng)
                too_long = retry.retry_after is not None and retry.retry_after > self.settings.max_retry_after
                out_of_time = wait >= budget.left
                if attempt > self.settings.max_retries or too_long or out_of_time:
                    note = f" (Retry-After {retry.retry_after:.0f}s is too long)" if too_long else ""
                    if out_of_time and not too_long and attempt <= self.settings.max_retries:
                        note = f" (total timeout {self.settings.total_timeout}s used up)"
                    result = FetchResult(
                        url, "failed", status=retry.status, error=f"{retry}{note}", transient=retry.transport
                    )
                else:
                    budget.left -= wait
                    await self._sleep(wait)
                    continue
            result.attempts = attempt
            return result

    async def fetch_many(
        self,
        requests: Iterable[FetchRequest | str],
        on_result: Callable[[FetchRequest, FetchResult], None] | None = None,
    ) -> list[FetchResult]:
        """Fetch all, concurrently within the limits; results in the order of ``requests``."""
        reqs = [r if isinstance(r, FetchRequest) else FetchRequest(r) for r in requests]

        async def one(req: FetchRequest) -> FetchResult:
            res = await self.fetch(req.url, etag=req.etag, last_modified=req.last_modified)
            if on_result is not None:
                on_result(req, res)
            return res

        return list(await asyncio.gather(*(one(r) for r in reqs)))

    # --- internals ------------------------------------------------------------------------------

    def _host_limit(self, key: str) -> asyncio.Semaphore:
        sem = self._hosts.get(key)
        if sem is None:
            sem = self._hosts[key] = asyncio.Semaphore(self.settings.per_host_concurrency)
        return sem

    async def _follow(
        self, url: str, conditional: dict[str, str], use_robots: bool, budget: _Budget
    ) -> FetchResult:
        redirects: list[str] = []
        current = url
        headers = dict(conditional)
        for _hop in range(self.settings.max_redirects + 1):
            try:
                scheme, host, port = check_url(current)
                if use_robots:
                    try:
                        with budget.spend():
                            async with asyncio.timeout(budget.left):
                                rules = await self._robots_for(scheme, host, port)
                    except TimeoutError as exc:
                        raise _Retry("timeout reading robots.txt", transport=True) from exc
                    if rules.unavailable:
                        raise _Retry(rules.unavailable)
                    if not rules.allows(current, self.settings.user_agent):
                        return FetchResult(
                            url,
                            "blocked",
                            final_url=current,
                            error="disallowed by robots.txt",
                            redirects=redirects,
                        )
                async with self._global, self._host_limit(f"{host}:{port}"):
                    try:  # the total timeout covers the request, not the wait for a free slot
                        with budget.spend():
                            async with asyncio.timeout(budget.left):
                                outcome = await self._get(url, current, headers)
                    except TimeoutError as exc:
                        raise _Retry(
                            f"timeout (no full answer within {self.settings.total_timeout}s)", transport=True
                        ) from exc
            except BlockedURLError as exc:
                return FetchResult(url, "blocked", final_url=current, error=exc.message, redirects=redirects)
            except HostNotFoundError as exc:  # no answer, not a definite "gone": DNS may be down
                raise _Retry(exc.message, transport=True) from exc
            except BodyTooLargeError as exc:
                return FetchResult(url, "failed", final_url=current, error=exc.message, redirects=redirects)
            except FetchError as exc:
                return FetchResult(url, "failed", final_url=current, error=exc.message, redirects=redirects)
            except httpx.TimeoutException as exc:
                raise _Retry(f"timeout ({exc.__class__.__name__})", transport=True) from exc
            except httpx.TransportError as exc:
                raise _Retry(f"{exc.__class__.__name__}: {exc}", transport=True) from exc
            except OSError as exc:  # a socket error the transport did not wrap
                raise _Retry(f"{exc.__class__.__name__}: {exc}", transport=True) from exc
            if isinstance(outcome, str):  # a redirect
                redirects.append(outcome)
                current = outcome
                headers = {}  # validators belong to the first URL
                continue
            outcome.redirects = redirects
            return outcome
        return FetchResult(
            url,
            "failed",
            final_url=current,
            redirects=redirects,
            error=f"more than {self.settings.max_redirects} redirects (or a redirect loop)",
        )

    async def _get(self, url: str, current: str, headers: dict[str, str]) -> FetchResult | str:
        """One request: a FetchResult, the next URL of a redirect, or _Retry."""
        async with self.client.stream("GET", current, headers=headers) as resp:
            status = resp.status_code
            kept = {k: resp.headers[k] for k in KEPT if k in resp.headers}
            base = dict(
                final_url=current, status=status, headers=kept, content_type=kept.get("content-type", "")
            )
            if status in REDIRECTS and resp.headers.get("location"):
                return urljoin(current, resp.headers["location"])
            if status == 304:
                return FetchResult(url, "not_modified", **base)  # type: ignore[arg-type]
            if status in (404, 410):
                return FetchResult(url, "dead", error=f"HTTP {status}", **base)  # type: ignore[arg-type]
            if status == 429 or status >= 500:
                raise _Retry(f"HTTP {status}", status, parse_retry_after(resp.headers.get("retry-after")))
            if status >= 300 or status < 200:  # a 3xx without Location lands here too
                return FetchResult(url, "failed", error=f"HTTP {status}", **base)  # type: ignore[arg-type]
            ctype = kept.get("content-type", "")
            mime = ctype.split(";", 1)[0].strip().lower()
            if mime and mime not in READABLE_TYPES:
                return FetchResult(url, "unsupported", error=f"content type {mime}", **base)  # type: ignore[arg-type]
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.settings.max_body_bytes:
                raise BodyTooLargeError(
                    f"body larger than {self.settings.max_body_bytes} bytes (Content-Length)"
                )
            body = await read_capped(
                resp.aiter_raw(), resp.headers.get("content-encoding"), self.settings.max_body_bytes
            )
        if looks_like_pdf(mime, body):  # read by verifier.reading.pdf from the bytes: no text to decode
            return FetchResult(url, "ok", body=body, **base)  # type: ignore[arg-type]
        if not mime and b"\x00" in body[:2048]:
            return FetchResult(url, "unsupported", error="binary body without a content type", **base)  # type: ignore[arg-type]
        text, encoding = decode_body(body, ctype)
        return FetchResult(url, "ok", body=body, text=text, encoding=encoding, **base)  # type: ignore[arg-type]

    async def _robots_for(self, scheme: str, host: str, port: int) -> RobotsRules:
        origin = f"{scheme}://{_netloc_host(host)}:{port}"
        if origin in self._robots:
            return self._robots[origin]
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin in self._robots:
                return self._robots[origin]
            rules = await self._load_robots(origin, f"{host}:{port}")
            if not rules.unavailable:
                self._robots[origin] = rules
            return rules

    async def _load_robots(self, origin: str, host_key: str) -> RobotsRules:
        url = origin + "/robots.txt"
        for _hop in range(self.settings.max_redirects + 1):
            check_url(url)
            async with self._global, self._host_limit(host_key), self.client.stream("GET", url) as resp:
                if resp.status_code in REDIRECTS and resp.headers.get("location"):
                    url = urljoin(url, resp.headers["location"])
                    _scheme, next_host, next_port = check_url(url)
                    host_key = f"{next_host}:{next_port}"
                    continue
                try:
                    body = await read_capped(
                        resp.aiter_raw(), resp.headers.get("content-encoding"), ROBOTS_MAX_BYTES
                    )
                except BodyTooLargeError:
                    return RobotsRules()  # an absurd robots.txt: treat as absent
                return rules_from_response(resp.status_code, body)
        return RobotsRules()
