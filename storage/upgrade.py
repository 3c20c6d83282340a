"""Additive schema upgrade: an older ledger gains the columns and indexes that newer code declares.

``SQLModel.metadata.create_all`` creates missing *tables* only; a table that exists keeps its old
columns. Columns are only ever added (docs/CONTRACTS.md: "add a column only by a small additive
edit"), so an upgrade is ``ALTER TABLE … ADD COLUMN`` for each declared column the database lacks,
plus ``CREATE INDEX`` for each declared index it lacks. A column that is NOT NULL without a default
cannot be added to a table with rows; that is a programming error and is refused with a clear message.

An index that newer code no longer declares because no query uses it (pure write cost) is named in
:data:`RETIRED_INDEXES` and dropped where an older ledger still has it; a ledger without it is
untouched. Older code opening the ledger afterwards reads and writes the same rows (no query needed
the index); it would create it again (its declared indexes), and the next newer start drops it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Column, MetaData, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import CreateIndex, DefaultClause

from claims.errors import ConfigError

__all__ = ["RETIRED_INDEXES", "UpgradeSummary", "upgrade_schema"]


# table → indexes older versions declared and no query uses any more, dropped on open
RETIRED_INDEXES: dict[str, tuple[str, ...]] = {
    # every conflict look-up is by claim_id, served by the unique (claim_id, other_id) index; the rows
    # naming a claim as other_id are found through the pair's other way (storage.groups.unindex_claims)
    "claimconflict": ("ix_claimconflict_claim_id", "ix_claimconflict_other_id"),
}


@dataclass
class UpgradeSummary:
    columns: list[str] = field(default_factory=list)  # "table.column" added
    indexes: list[str] = field(default_factory=list)  # index names created
    dropped: list[str] = field(default_factory=list)  # retired index names dropped

    @property
    def changed(self) -> bool:
        return bool(self.columns or self.indexes or self.dropped)


def _literal_default(column: Column[object]) -> str | None:
    """SQL text for a column's default when it is a plain scalar (what ADD COLUMN needs for NOT NULL)."""
    if isinstance(column.server_default, DefaultClause):
        arg = column.server_default.arg
        return arg if isinstance(arg, str) else str(getattr(arg, "text", arg))
    default = column.default
    if default is None or not getattr(default, "is_scalar", False):
        return None
    value = default.arg  # type: ignore[attr-defined]
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return None


def _add_column_sql(conn: Connection, table: str, column: Column[object]) -> str:
    preparer = conn.dialect.identifier_preparer
    type_sql = column.type.compile(dialect=conn.dialect)
    sql = f"ALTER TABLE {preparer.quote(table)} ADD COLUMN {preparer.quote(column.name)} {type_sql}"
    default = _literal_default(column)
    if default is not None:
        sql += f" DEFAULT {default}"
    if not column.nullable:
        if default is None:
            raise ConfigError(
                f"cannot upgrade the ledger: new column {table}.{column.name} is NOT NULL without a default",
                hint="declare the column nullable or give it a default",
            )
        sql += " NOT NULL"
    return sql


def upgrade_schema(engine: Engine, metadata: MetaData) -> UpgradeSummary:
    """Add every declared column and index the database lacks (one transaction)."""
    summary = UpgradeSummary()
    with engine.begin() as conn:
        inspector = inspect(conn)
        existing_tables = set(inspector.get_table_names())
        for table in metadata.sorted_tables:
            if table.name not in existing_tables:
                continue  # create_all makes it whole
            have = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in have:
                    conn.exec_driver_sql(_add_column_sql(conn, table.name, column))
                    summary.columns.append(f"{table.name}.{column.name}")
            have_indexes = {ix["name"] for ix in inspector.get_indexes(table.name)}
            for index in table.indexes:
                if index.name and index.name not in have_indexes:
                    conn.execute(CreateIndex(index))
                    summary.indexes.append(index.name)
            declared = {index.name for index in table.indexes}
            for name in RETIRED_INDEXES.get(table.name, ()):
                if name in have_indexes and name not in declared:
                    conn.exec_driver_sql(f"DROP INDEX {conn.dialect.identifier_preparer.quote(name)}")
                    summary.dropped.append(name)
    return summary
