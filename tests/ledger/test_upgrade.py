"""An older ledger (created before a column or index existed) gains it on open, and keeps its rows."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from storage.db import make_engine
from storage.upgrade import upgrade_schema


def _drop_column(engine: sa.Engine, table: str, column: str) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')


def test_missing_column_and_index_are_added(db_url: str) -> None:
    engine = make_engine(db_url, cache=False)
    table = SQLModel.metadata.tables["source"]
    # a nullable, non-indexed column to take away, as if the ledger predates it
    column = next(c for c in table.columns if c.nullable and not c.primary_key and not c.index and not c.foreign_keys)
    index = next(iter(table.indexes))
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP INDEX "{index.name}"')
    _drop_column(engine, "source", column.name)
    summary = upgrade_schema(engine, SQLModel.metadata)
    assert f"source.{column.name}" in summary.columns
    assert index.name in summary.indexes
    inspector = sa.inspect(engine)
    assert column.name in {c["name"] for c in inspector.get_columns("source")}
    assert index.name in {ix["name"] for ix in inspector.get_indexes("source")}
    # a second run has nothing to do
    assert not upgrade_schema(engine, SQLModel.metadata).changed
    engine.dispose()


def test_not_null_column_without_default_is_refused(sqlite_url: str) -> None:
    from claims.errors import ConfigError

    engine = make_engine(sqlite_url, cache=False)
    meta = sa.MetaData()
    sa.Table("source", meta, sa.Column("id", sa.Integer, primary_key=True), sa.Column("must", sa.Text, nullable=False))
    with pytest.raises(ConfigError, match="NOT NULL without a default"):
        upgrade_schema(engine, meta)
    engine.dispose()


def test_retired_indexes_are_dropped(db_url: str) -> None:
    """An older ledger's conflict indexes that no query uses any more go on open; its rows stay."""
    from storage.upgrade import RETIRED_INDEXES

    engine = make_engine(db_url, cache=False)
    retired = RETIRED_INDEXES["claimconflict"]
    with engine.begin() as conn:  # as an older version declared them
        for name, column in zip(retired, ("claim_id", "other_id"), strict=True):
            conn.exec_driver_sql(f'CREATE INDEX "{name}" ON claimconflict ({column})')
    summary = upgrade_schema(engine, SQLModel.metadata)
    assert sorted(summary.dropped) == sorted(retired)
    have = {ix["name"] for ix in sa.inspect(engine).get_indexes("claimconflict")}
    assert not have & set(retired)
    assert not upgrade_schema(engine, SQLModel.metadata).changed
    engine.dispose()
