"""Helpers for storage tests: counting rows straight from the database."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.storage import FindingRecord, Store
from bot.storage.tables import metadata

T0 = datetime(2026, 11, 16, 10, 17, 42, tzinfo=UTC)  # a Monday


def finding(
    category: str = "romantic",
    severity: str = "high",
    rule: str | None = None,
    **flags: bool,
) -> FindingRecord:
    """A finding record with a rule id derived from the category."""
    return FindingRecord(
        category=category, rule_ids=(rule or f"{category}.rule1",), severity=severity, **flags
    )


async def count_rows(store: Store, table_name: str, **where: object) -> int:
    """Rows in ``table_name`` matching the equality filters in ``where``."""
    table = metadata.tables[table_name]
    statement = select(func.count()).select_from(table)
    for column, value in where.items():
        statement = statement.where(table.c[column] == value)
    async with store.engine.connect() as connection:
        return int((await connection.execute(statement)).scalar_one())


async def all_counts(store: Store) -> dict[str, int]:
    """Row count of every table."""
    return {name: await count_rows(store, name) for name in sorted(metadata.tables)}
