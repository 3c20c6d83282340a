"""The one settings object. Every knob has a default, a type and help text, and is listed in README.

Values come from (highest first): CLI options, environment variables ``CLAIMLEDGER_*``, a ``.env``
file in the working directory, the defaults below. No other module reads the environment.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMLEDGER_", env_file=".env", extra="ignore")

    # ledger
    database_url: str = Field("sqlite:///claimledger.db", description="SQLAlchemy URL of the ledger")
    max_report_bytes: int = Field(5_000_000, description="largest report file accepted by ingest")
    max_report_claims: int = Field(
        50_000, ge=0, description="most claims one report may yield; a report with more is refused whole (0: no limit)"
    )
    ingest_workers: int = Field(
        1,
        ge=0,
        description="worker processes that parse and extract the next reports while `ingest` writes the "
        "previous ones to the ledger (0: all in the ingest process)",
    )

    # fetching
    user_agent: str = Field(
        "claimledger/0.1 (+https://github.com/claimledger/claimledger)",
        description="User-Agent sent with every request; names the tool and a contact URL",
    )
    fetch_concurrency: int = Field(16, description="global limit of requests in flight")
    per_host_concurrency: int = Field(4, description="limit of requests in flight per host")
    connect_timeout: float = Field(5.0, description="seconds to connect")
    read_timeout: float = Field(15.0, description="seconds between bytes")
    total_timeout: float = Field(30.0, description="seconds for a whole fetch")
    max_retries: int = Field(3, description="retries on timeouts, 429 and 5xx")
    backoff_base: float = Field(0.5, description="first backoff in seconds (doubles, with jitter)")
    max_body_bytes: int = Field(5_000_000, description="largest body read (also after decompression)")
    max_redirects: int = Field(5, description="redirects followed, each checked by the SSRF guard")
    respect_robots: bool = Field(True, description="honour robots.txt for scheduled fetches")
    max_retry_after: float = Field(
        60.0, description="longest Retry-After (seconds) waited for; a longer one ends the fetch as failed"
    )
    max_archive_records: int = Field(100_000, ge=1, description="most records one archive import reads")
    max_archive_bytes: int = Field(
        2_000_000_000, ge=1, description="most bytes one archive import reads after decompression"
    )
    archive_timeout: float = Field(600.0, gt=0, description="seconds one archive import may take to read")
    allow_private_addresses: bool = Field(
        False, description="allow loopback/private targets (tests and the offline demo only)"
    )

    # verification
    match_threshold: float = Field(0.62, description="minimum passage score to count as evidence")

    # re-checks
    recheck_interval_hours: float = Field(24.0, description="base interval between checks of a stable source")
    recheck_min_hours: float = Field(1.0, description="shortest interval (young or changing sources)")
    recheck_max_hours: float = Field(24.0 * 14, description="longest interval (old, stable sources)")
    dead_after_failures: int = Field(
        3,
        description="definite answers (404/410, blocked, or a soft 404: a 200 \"not found\" page in place of the "
        "page the ledger holds, which is not stored as a snapshot) in a row before a source counts as dead; until "
        "then its claims keep their verdict and evidence; network errors never count",
    )
    dead_after_hours: float = Field(
        24.0, ge=0, description="a source counts as dead only when those answers span at least this many hours"
    )
    breaker_min_hosts: int = Field(
        3, ge=1, description="hosts a round must try before its circuit breaker may judge the network down"
    )
    breaker_ratio: float = Field(
        0.5, gt=0, le=1, description="share of hosts failing with no answer (DNS, refused, timeout) that stops a round"
    )
    per_host_per_round: int = Field(
        50,
        description="most sources of one host checked per window by all workers together (the ledger "
        "keeps the count); a round by hand caps each batch at this",
    )
    per_host_window_seconds: float = Field(
        300.0, ge=0, description="the per-host cap's window: no span this long holds more checks of one host"
    )
    round_size: int = Field(200, description="most sources one worker takes per round")
    lease_seconds: int = Field(300, description="how long a worker's claim on a due source lasts")
    scheduler_interval_seconds: int = Field(300, description="how often serve/worker start a round")
    webhook_url: str | None = Field(None, description="POST a JSON event here on every status change")
    webhook_max_attempts: int = Field(5, description="attempts before a webhook event is dead-lettered")

    # service
    host: str = Field("127.0.0.1", description="address serve binds to")
    port: int = Field(8000, description="port serve listens on")
    read_requires_token: bool = Field(False, description="require a token to read (API and pages)")
    secret_key: str = Field(
        "",
        description="signs login sessions and CSRF tokens and keys token hashes; empty: a random one is "
        "generated on first start and kept in secret_file (owner-only)",
    )
    secret_file: str = Field(
        "~/.config/claimledger/secret_key", description="where the generated secret is kept (mode 0600)"
    )
    max_request_bytes: int = Field(
        12_000_000, ge=1, description="largest request body the API reads (uploads included); larger: 413"
    )
    run_scheduler: bool = Field(True, description="run the re-check scheduler inside serve")
    api_threads: int = Field(
        4, ge=1, description="threads per serve process for requests (few: ledger reads are short and CPU-bound)"
    )
    serve_workers: int = Field(1, ge=1, description="uvicorn worker processes of serve (about one per core)")
    public_base_url: str | None = Field(
        None, description="public address of the desk (https://…): claim URLs in ClaimReview use it"
    )
    publisher_name: str = Field("claimledger", description="the publishing organisation named in ClaimReview")
    publisher_url: str | None = Field(None, description="the publishing organisation's web site (ClaimReview)")
    read_cache_seconds: float = Field(
        1.0, ge=0, le=2, description="anonymous GETs are served from a per-process cache this long (0: off)"
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
