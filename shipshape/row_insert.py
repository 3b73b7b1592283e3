"""One-row INSERTs, each its own transaction, on the cheapest path each database has: for the
chat's turn, written on every ask.

On SQLite straight through the DB-API, where SQLAlchemy Core's execution machinery (connection
and transaction objects, events, result objects) costs more CPU than SQLite's own work, and is
most of what an answer from the cache costs. SQLAlchemy still compiles the statement (once per
table, columns and dialect), every value goes through its column type's own bind processor
(JSON, DATETIME), the connection comes from the engine's pool, and a DB-API error is raised as
SQLAlchemy's, so callers and error handlers see what a Core execute would give them.

On PostgreSQL through Core, the statement in the driver's autocommit mode: one round trip to the
server (besides the pool's ping) instead of three (BEGIN, INSERT, COMMIT).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from sqlalchemy import Table
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.exc import DBAPIError

Compiled = tuple[str, tuple[str, ...], tuple[Callable | None, ...]]


def insert_row(engine: Engine, table: Table, row: dict) -> int:
    """Insert one row in a transaction of its own, committed; its primary key."""
    if engine.dialect.name == "sqlite":
        return _insert_on_sqlite(engine, table, row)
    return _insert_autocommitted(engine, table, row)


def _insert_autocommitted(engine: Engine, table: Table, row: dict) -> int:
    with engine.connect() as connection:
        # As SQLAlchemy's own ping does: autocommit on a connection fresh from the pool (no
        # transaction open), and off again before it goes back.
        driver = connection.connection.driver_connection
        driver.autocommit = True
        try:
            return connection.execute(table.insert(), row).inserted_primary_key[0]
        finally:
            driver.autocommit = False


def _insert_on_sqlite(engine: Engine, table: Table, row: dict) -> int:
    statement, columns, processors = _compiled(engine.dialect, table, tuple(row))
    values = tuple(
        row[c] if process is None else process(row[c])
        for c, process in zip(columns, processors, strict=True)
    )
    dbapi_error = engine.dialect.loaded_dbapi.Error
    raw = engine.raw_connection()
    try:
        return _insert(raw, statement, values)
    except dbapi_error as error:
        raise DBAPIError.instance(statement, values, error, dbapi_error) from error
    finally:
        raw.close()  # back to the pool, which rolls back whatever was left open


def _insert(raw, statement: str, values: tuple) -> int:
    cursor = raw.cursor()
    try:
        # One statement in autocommit mode (sqlite_writes turns pysqlite's own BEGIN off) is a
        # transaction of its own: it takes the write lock as it starts, waiting out another
        # writer (busy timeout) as BEGIN IMMEDIATE would, and commits as it ends.
        cursor.execute(statement, values)
        return cursor.lastrowid
    finally:
        cursor.close()


@lru_cache(maxsize=32)
def _compiled(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> Compiled:
    """The INSERT's SQL, its parameters' order and each one's bind processor."""
    compiled = table.insert().compile(dialect=dialect, column_keys=list(columns))
    order = tuple(compiled.positiontup or ())
    if sorted(order) != sorted(columns):
        raise ValueError(f"cannot insert {columns} into {table.name} positionally")
    types = [table.c[name].type.dialect_impl(dialect) for name in order]
    return str(compiled), order, tuple(t.bind_processor(dialect) for t in types)
