"""Search over claim text, report names and titles, source URLs and page titles, in any script.

One function, :func:`search`, on both databases:

- SQLite: an FTS5 table with the ``trigram`` tokenizer (SQLite >= 3.34) over ``claim.text``, kept in
  step by triggers; a query of three characters or more is a substring match through that index
  (Chinese has no spaces, so words are not tokens: trigrams of characters are). Shorter queries
  (a two-character Chinese word) fall back to ``LIKE`` over the table.
- PostgreSQL: ``pg_trgm`` with a GIN index on ``claim.text`` serves ``ILIKE '%q%'``. When the
  extension cannot be created (no privilege) the same ``ILIKE`` runs without the index, and
  :func:`ensure_search` says so.

Reports (by name, off its index) and sources are few next to claims: a substring match is enough.
"""

from __future__ import annotations

import logging
import sqlite3
import time
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import ARRAY, Integer, String, bindparam, column, func, text
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, col, select

from storage.models import Claim, Report, Snapshot, Source, Verdict
from storage.queries import (
    _CLAIM_COLS,
    _LINE_CLAIM_COLS,
    _LINE_VERDICT_COLS,
    _VERDICT_COLS,
    ClaimFilter,
    _apply_filter,
    _base,
    _check_paging,
    _rows,
)

__all__ = ["SearchResult", "ensure_search", "search", "search_mode", "MIN_INDEXED", "MAX_COUNT", "SELECTIVE"]

log = logging.getLogger(__name__)
MIN_INDEXED = 3  # trigram indexes need three characters; shorter queries scan
MAX_COUNT = 10_000  # a search counts this many matches at most ("10,000+"): a broad word stays fast
SELECTIVE = 1_000  # up to this many matches, a search reads their ids and cuts its page from them
FTS = "claim_fts"
# the ClaimFilter fields that read the verdict row
_VERDICT_FILTERS = ("status", "reason", "needs_review", "review", "assignee", "reviewer", "since", "until",
                    "max_confidence")

_SQLITE_DDL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(text, content='claim', content_rowid='id', "
    "tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS claim_fts_ai AFTER INSERT ON claim BEGIN "
    f"INSERT INTO {FTS}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS claim_fts_ad AFTER DELETE ON claim BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER IF NOT EXISTS claim_fts_au AFTER UPDATE OF text ON claim BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {FTS}(rowid, text) VALUES (new.id, new.text); END",
]

# report names, source URLs and page titles are matched by substring too: on PostgreSQL through
# trigram indexes of their own (a query of three characters or more reads the index, not the table);
# on SQLite page titles are read off a covering index instead of the snapshot rows (which hold whole
# pages), and names and URLs off their own indexes already
_PG_OTHER_INDEXES = [
    "CREATE INDEX IF NOT EXISTS ix_report_name_trgm ON report USING gin (name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_source_url_trgm ON source USING gin (url gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_snapshot_title_trgm ON snapshot USING gin (title gin_trgm_ops)",
]
_SQLITE_TITLES = "CREATE INDEX IF NOT EXISTS ix_snapshot_title_source ON snapshot (title, source_id)"


def _sqlite_has_trigram() -> bool:
    return sqlite3.sqlite_version_info >= (3, 34, 0)


def ensure_search(engine: Engine, attempts: int = 5) -> str:
    """Create the search index if missing (idempotent); returns the mode: ``fts5``, ``pg_trgm`` or
    ``like`` (no index: every search scans, and the log says why). Several ``serve`` workers start
    at once: one builds the index while the others wait and retry."""
    for attempt in range(attempts):
        try:
            return _ensure_search(engine)
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))
    return "like"


def _ensure_search(engine: Engine) -> str:
    if engine.dialect.name == "sqlite":
        if not _sqlite_has_trigram():
            log.warning("SQLite %s has no trigram tokenizer (3.34+): search scans the claims", sqlite3.sqlite_version)
            return "like"
        with engine.begin() as conn:
            exists = conn.execute(text(f"SELECT 1 FROM sqlite_master WHERE name = '{FTS}'")).first() is not None
            for ddl in (*_SQLITE_DDL, _SQLITE_TITLES):
                conn.execute(text(ddl))
            if not exists:  # an older ledger: index the claims it already has
                conn.execute(text(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')"))
        return "fts5"
    if engine.dialect.name == "postgresql":
        try:
            with engine.begin() as conn:
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
                conn.execute(text("CREATE INDEX IF NOT EXISTS ix_claim_text_trgm ON claim USING gin (text gin_trgm_ops)"))
                for ddl in _PG_OTHER_INDEXES:
                    conn.execute(text(ddl))
        except IntegrityError:  # another worker created it at the same moment
            return "pg_trgm"
        except Exception as exc:  # noqa: BLE001 - any refusal (privilege, missing contrib) means: scan
            log.warning("search without an index: could not set up pg_trgm (%s); ask an admin to run "
                        "CREATE EXTENSION pg_trgm", str(exc).splitlines()[0])
            return "like"
        return "pg_trgm"
    return "like"


def search_mode(session: Session) -> str:
    """How :func:`search` will answer on this connection: ``fts5``, ``pg_trgm`` or ``like``. An
    index once found is remembered per engine (nothing drops it); its absence is asked again."""
    conn = session.connection()
    known = _modes.get(conn.engine)
    if known is not None:
        return known
    mode = "like"
    if conn.dialect.name == "sqlite":
        found = conn.execute(text(f"SELECT 1 FROM sqlite_master WHERE name = '{FTS}'")).first()
        mode = "fts5" if found else "like"
    elif conn.dialect.name == "postgresql":
        found = conn.execute(text("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_claim_text_trgm'")).first()
        mode = "pg_trgm" if found else "like"
    if mode != "like":
        _modes[conn.engine] = mode
    return mode


_modes: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class ReportHit:
    id: int
    name: str
    title: str


@dataclass
class SearchResult:
    query: str
    claims: list[Any]  # ClaimRow; with ``lines=True`` LineRow where the page is read by id (the pages' table)
    claims_total: int
    reports: list[ReportHit] = field(default_factory=list)
    sources: list[tuple[Source, str]] = field(default_factory=list)  # source, its latest page title
    mode: str = "like"
    limit: int = 50
    offset: int = 0


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _fts_phrase(q: str) -> str:
    return '"' + q.replace('"', '""') + '"'


def _contains(column_: Any, q: str, dialect: str) -> Any:
    """``column_`` holds the parameter ``pattern`` (``_like(q)``), case-insensitive for Latin letters, at the cheapest operator that
    says so: SQLite's LIKE already ignores ASCII case (its ``lower()`` folds nothing more), so
    ``ILIKE``'s ``lower()`` on both sides buys nothing; on PostgreSQL a query with no cased letter
    (Chinese, digits, a host name's dots) matches the same rows under LIKE, about 5× cheaper per
    row than ILIKE's case folding."""
    if dialect == "sqlite":
        return column_.like(bindparam("pattern", type_=String), escape="\\")
    # the pattern written into the statement: a prepared statement's generic plan (psycopg prepares
    # a statement run five times) does not know the pattern and takes the trigram index even for a
    # two-character word, which no trigram narrows (every row rechecked: 10x slower than a scan)
    pattern = bindparam("pattern", type_=String, literal_execute=True)
    return column_.like(pattern, escape="\\") if q.lower() == q.upper() else column_.ilike(pattern, escape="\\")


def _claim_condition(q: str, mode: str, dialect: str) -> Any:
    """Claim text holds ``q``, with the pattern (or FTS phrase) left as the parameter ``pattern``."""
    if mode == "fts5" and len(q) >= MIN_INDEXED:
        ids = text(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH :pattern")
        return col(Claim.id).in_(ids.columns(column("rowid", Integer)))
    return _contains(col(Claim.text), q, dialect)


def _pattern(q: str, mode: str) -> str:
    return _fts_phrase(q) if mode == "fts5" and len(q) >= MIN_INDEXED else _like(q)


def _cacheable(flt: ClaimFilter) -> bool:
    return flt.report is None or flt.report.isdigit()  # a report name is resolved in the ledger


@dataclass(frozen=True)
class _ClaimStatements:
    ordered: bool  # a scan, newest first (see below); else matches read off the index in no order
    ids: Any  # matching claim ids: newest first up to ``want`` when ``ordered``, else up to SELECTIVE + 1
    count: Any  # matches, counted up to MAX_COUNT + 1
    count_below: Any  # matches below the id ``below``, counted up to ``cap``
    page: Any  # a page of matching claims, newest first (``lim``, ``off``)


def _claim_statements(session: Session | None, q: str, mode: str, dialect: str, flt: ClaimFilter) -> _ClaimStatements:
    cond = _claim_condition(q, mode, dialect)
    counted = select(col(Claim.id)).select_from(Claim)
    if any(getattr(flt, name) is not None for name in _VERDICT_FILTERS):
        # every claim has its verdict row (storage.verdicts): join it only to filter on it
        counted = counted.join(Verdict, col(Verdict.claim_id) == col(Claim.id))
    matching = _apply_filter(counted, session, flt).where(cond)
    # a query the index cannot narrow (shorter than a trigram) scans the claims newest first and
    # stops at the page; one the index serves reads its matches off the index in no order (ordering
    # them by id would let the planner walk the whole primary key instead, filtering every row)
    ordered = len(q) < MIN_INDEXED or mode == "like"
    if ordered:
        ids = matching.order_by(col(Claim.id).desc()).limit(bindparam("want", type_=Integer))
    else:
        ids = matching.limit(SELECTIVE + 1)
    count = select(func.count()).select_from(matching.limit(MAX_COUNT + 1).subquery())
    below = matching.where(col(Claim.id) < bindparam("below", type_=Integer)).limit(bindparam("cap", type_=Integer))
    count_below = select(func.count()).select_from(below.subquery())
    page = (_apply_filter(_base(), session, flt).where(cond).order_by(col(Claim.id).desc())
            .limit(bindparam("lim", type_=Integer)).offset(bindparam("off", type_=Integer)))
    return _ClaimStatements(ordered, ids, count, count_below, page)


@lru_cache(maxsize=256)
def _cached_claim_statements(cased: bool, indexed: bool, mode: str, dialect: str, flt: ClaimFilter) -> _ClaimStatements:
    # ``q`` matters only through its shape: a cased letter (ILIKE), long enough for the index
    q = ("Aa" if cased else "11") + ("1" if indexed else "")
    return _claim_statements(None, q, mode, dialect, flt)


@lru_cache(maxsize=4)
@lru_cache(maxsize=8)
def _claims_by_ids(dialect: str, lines: bool = False) -> Any:
    """Claims by id, newest first. On PostgreSQL ``= ANY(array)``: the same SQL text for any ids, so
    psycopg prepares it once (an expanded ``IN`` list is new text, parsed and planned per call)."""
    if dialect == "postgresql":
        cond = col(Claim.id) == func.any(bindparam("ids", type_=ARRAY(Integer)))
    else:
        cond = col(Claim.id).in_(bindparam("ids", expanding=True))
    # the report's name read per row off its key: joined, the planner may hash the whole report table
    # for 50 claims
    name = select(col(Report.name)).where(col(Report.id) == col(Claim.report_id)).scalar_subquery()
    columns = (*_LINE_CLAIM_COLS, *_LINE_VERDICT_COLS) if lines else (*_CLAIM_COLS, *_VERDICT_COLS)
    stmt = sa_select(*columns, name).select_from(Claim)
    stmt = stmt.join(Verdict, col(Verdict.claim_id) == col(Claim.id))
    return stmt.where(cond).order_by(col(Claim.id).desc())


@lru_cache(maxsize=8)
def _other_statements(cased: bool, dialect: str) -> tuple[Any, Any]:
    """Report names holding the query, and the ids of sources whose URL or a page title holds it."""
    q = "Aa" if cased else "11"
    # report names by substring, read off the name index (a report row holds its whole text,
    # which a scan must not read)
    names = (select(col(Report.name)).where(_contains(col(Report.name), q, dialect)).distinct()
             .order_by(col(Report.name)).limit(50))
    # a union, not ``url LIKE … OR id IN (titles)``: each side can read its own (trigram) index
    hits = select(col(Source.id)).where(_contains(col(Source.url), q, dialect)).union(
        select(col(Snapshot.source_id)).where(_contains(col(Snapshot.title), q, dialect)))
    return names, hits


def search(session: Session, query: str, *, flt: ClaimFilter | None = None, limit: int = 50, offset: int = 0,
           mode: str | None = None, others: bool = True, lines: bool = False) -> SearchResult:
    """Claims whose text holds ``query`` (newest first, filtered by ``flt`` when given), reports
    whose name holds it, and sources whose URL or page title holds it. Case-insensitive for Latin
    letters. ``claims_total`` stops at ``MAX_COUNT + 1``.

    A query the index serves reads the ids of its matches first, up to ``SELECTIVE + 1``: when that
    is all of them (a name, a rare word) they are the exact total and the page is cut from them;
    only a broad one counts its matches (capped) and pages through the claims newest first. A scan
    (no index for the query) reads the page's ids newest first and counts on below them. The statements are built once per
    shape of query (the pattern is a parameter; on PostgreSQL written into the SQL, see
    :func:`_contains`) and run on Core rows."""
    q = " ".join(query.split())
    _check_paging(limit, offset)
    mode = mode or search_mode(session)
    if not q:
        return SearchResult(q, [], 0, mode=mode, limit=limit, offset=offset)
    flt = (flt or ClaimFilter(checkworthy=None)).validate()
    conn = session.connection()
    dialect = conn.dialect.name
    cased = q.lower() != q.upper()
    if _cacheable(flt):
        st = _cached_claim_statements(cased, len(q) >= MIN_INDEXED, mode, dialect, flt)
    else:
        st = _claim_statements(session, q, mode, dialect, flt)
    pattern = {"pattern": _pattern(q, mode)}
    page_ids: list[int] | None = None
    if st.ordered and offset + limit <= SELECTIVE:
        # a scan, newest first, that stops at the page; the count reads on below it only when the
        # page is full (a short page means every match was read)
        want = offset + limit
        ids = [int(r[0]) for r in conn.execute(st.ids, {**pattern, "want": want})]
        page_ids = ids[offset:]
        total = len(ids)
        if len(ids) == want:
            cap = max(0, MAX_COUNT + 1 - len(ids))
            total += int(conn.execute(st.count_below, {**pattern, "below": ids[-1], "cap": cap}).scalar_one())
    elif not st.ordered:
        ids = [int(r[0]) for r in conn.execute(st.ids, pattern)]
        if len(ids) <= SELECTIVE:  # every match: the exact total, the page cut from them
            total = len(ids)
            page_ids = sorted(ids, reverse=True)[offset : offset + limit]
        else:
            total = int(conn.execute(st.count, pattern).scalar_one())  # at most MAX_COUNT + 1
    else:  # a deep page of a scan
        total = int(conn.execute(st.count, pattern).scalar_one())
    total = min(total, MAX_COUNT + 1)
    if page_ids is None:
        items = _rows(session, st.page, {**pattern, "lim": limit, "off": offset})
    else:
        items = _rows(session, _claims_by_ids(dialect, lines), {"ids": page_ids}, lines) if page_ids else []
    result = SearchResult(q, items, total, mode=mode, limit=limit, offset=offset)
    if others and offset == 0:
        names_stmt, hits_stmt = _other_statements(cased, dialect)
        like = {"pattern": _like(q)}
        names = [str(n) for (n,) in conn.execute(names_stmt, like)]
        if names:  # the latest version of each name
            result.reports = [ReportHit(int(i), n, t) for i, n, t in session.exec(
                select(Report.id, Report.name, Report.title)
                .where(col(Report.name).in_(names), col(Report.is_latest).is_(True))
                .order_by(col(Report.name))
            ).all() if i is not None]
        hits = [int(r[0]) for r in conn.execute(hits_stmt, like)]
        if hits:
            sources = session.exec(
                select(Source).where(col(Source.id).in_(hits)).order_by(col(Source.url)).limit(50)
            ).all()
            titles = _latest_titles(session, [s.id for s in sources if s.id is not None])
            result.sources = [(s, titles.get(s.id or 0, "")) for s in sources]
    return result


def _latest_titles(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.exec(
        select(Snapshot.source_id, Snapshot.title).where(col(Snapshot.source_id).in_(ids))
        .order_by(col(Snapshot.fetched_at).asc())
    ).all()
    return {int(sid): title for sid, title in rows if title}
