"""SQLite for several processes: WAL, a busy timeout, and BEGIN IMMEDIATE before the first write.

SQLAlchemy's pysqlite recipe: pysqlite's own BEGIN is switched off and these events emit one.
The listeners are on the Engine class and act only on SQLite connections.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """WAL and a busy timeout, so readers never block writers and writers wait their turn."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
        # SQLAlchemy's pysqlite recipe: pysqlite emits no BEGIN of its own; the events below do.
        dbapi_connection.isolation_level = None


_SQLITE_BEGIN_PENDING = "shipshape.sqlite_begin_pending"


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection) -> None:
    """Defer SQLite's BEGIN to the transaction's first write (see _sqlite_begin_immediate)."""
    if connection.dialect.name == "sqlite":
        connection.info[_SQLITE_BEGIN_PENDING] = True


@event.listens_for(Engine, "before_cursor_execute")
def _sqlite_begin_immediate(connection, cursor, statement, _params, _context, _many) -> None:
    """Open a write transaction with BEGIN IMMEDIATE, which waits (busy timeout) for another
    writer; a deferred BEGIN would fail with "database is locked" when a read turns into a write.
    Reads before the first write run outside it, so a session that only reads locks no one out."""
    if connection.info.get(_SQLITE_BEGIN_PENDING) and not _is_read(statement):
        connection.info[_SQLITE_BEGIN_PENDING] = False
        cursor.execute("BEGIN IMMEDIATE")


@event.listens_for(Engine, "commit")
@event.listens_for(Engine, "rollback")
def _sqlite_transaction_over(connection) -> None:
    """A transaction that only read leaves nothing pending for later statements."""
    if connection.dialect.name == "sqlite" and not connection.invalidated:
        connection.info.pop(_SQLITE_BEGIN_PENDING, None)


def _is_read(statement: str) -> bool:
    return statement.lstrip()[:6].upper() in ("SELECT", "PRAGMA")
