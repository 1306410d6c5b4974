"""Statements over many rows or ids: bulk inserts, and id lists cut to what each backend takes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

from sqlalchemy import ARRAY, String, Table, any_, literal
from sqlalchemy.orm import Session

from newsgraph.store import schema as t


def insert_rows(s: Session, model: type[t.Base], rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts of column values) into ``model``'s table in one bulk statement (Core, not the
    ORM: the rows are plain values and nothing reads them back in this transaction)."""
    if rows:
        s.connection().execute(cast(Table, model.__table__).insert(), rows)


def among(s: Session, column: Any, ids: Iterable[str]) -> Iterator[Any]:
    """Where-clauses that together select the rows whose ``column`` is one of ``ids``: one ``= ANY(array)``
    on PostgreSQL (a single parameter however many ids: rendering thousands of them cost more than the
    query), slices of ``IN (...)`` elsewhere."""
    ids = list(ids)
    if s.get_bind().dialect.name == "postgresql":
        if ids:
            yield column == any_(literal(ids, type_=ARRAY(String)))
        return
    for chunk in chunks(ids):
        yield column.in_(chunk)


def chunks(ids: list[str], size: int = 2000) -> Iterator[list[str]]:
    """``ids`` in slices small enough for one SQL ``IN (...)`` on every backend."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]
