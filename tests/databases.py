"""Test databases: a SQLite file per test by default, or real PostgreSQL databases when
TEST_DATABASE_URL names a server (a maintenance database the role may create databases from):
one per pytest worker for the app fixture, restored before each test, and one per test elsewhere."""

from __future__ import annotations

import os
import shutil
import sys
import time
import uuid
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path

import psycopg

from shipshape.config import normalize_database_url

SERVER_URL = os.environ.get("TEST_DATABASE_URL", "")
SNAPSHOT = "test_snapshot"  # the schema of a reused database that keeps its rows to restore


def using_postgres() -> bool:
    return SERVER_URL.startswith(("postgresql://", "postgres://"))


def _admin(sql: str) -> None:
    with psycopg.connect(SERVER_URL, autocommit=True) as connection:
        connection.execute(sql)


def _server_url_for(name: str) -> str:
    return f"{SERVER_URL.rsplit('/', 1)[0]}/{name}"


def _url_for(name: str) -> str:
    return normalize_database_url(_server_url_for(name))


def new_database(folder: Path, template: str | None = None) -> tuple[str, str]:
    """(SQLAlchemy URL, name) of a fresh database, empty or copied from a template."""
    if not using_postgres():
        path = folder / "test.db"
        if template:
            shutil.copy(template, path)
        return f"sqlite:///{path}", str(path)
    name = _create_database(template)
    return _url_for(name), name


def _create_database(template: str | None) -> str:
    name = f"shipshape_{uuid.uuid4().hex[:12]}"
    _admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return name


def drop_database(name: str) -> None:
    """Drop a test database; a backend the role may not end (autovacuum) only delays it a little."""
    if not using_postgres():
        return
    for attempt in range(10):
        try:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except psycopg.errors.InsufficientPrivilege:
            time.sleep(0.2 * (attempt + 1))
    print(f"note: test database {name} was left behind", file=sys.stderr)


class ReusedDatabase:
    """A PostgreSQL copy of a template kept for a whole session (one per xdist worker) and put
    back to the template's rows and sequence values before each test. CREATE DATABASE ... TEMPLATE
    and DROP DATABASE cost about 0.4 s a test, most of a short test's time; deleting the rows and
    inserting the snapshot costs a few milliseconds. The schema stays as migrated: a test that
    changes it needs a database of its own (empty_app, built_app)."""

    def __init__(self, template: str):
        self.name = _create_database(template)
        self.url = _url_for(self.name)
        self._connection = psycopg.connect(_server_url_for(self.name), autocommit=True)
        self._scripts = _take_snapshot(self._connection)
        self._restored = self._fingerprint()

    def restore(self) -> str:
        """End the sessions a test left behind (as DROP ... WITH (FORCE) did), then restore:
        every table when a table holding snapshot rows was written, else only the others."""
        self._connection.execute(
            "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            " AND backend_type = 'client backend'"
        )
        with self._connection.transaction():
            changed = self._fingerprint() != self._restored
            self._connection.execute(self._scripts.everything if changed else self._scripts.empty)
            self._restored = self._fingerprint()
        return self.url

    def _fingerprint(self) -> tuple:
        return self._connection.execute(self._scripts.fingerprint).fetchone()

    def drop(self) -> None:
        self._connection.close()
        drop_database(self.name)


@dataclass(frozen=True)
class RestoreScripts:
    everything: str  # delete every row, insert the snapshot's, set the sequences back
    empty: str  # empty only the tables without snapshot rows, and set the sequences back
    # Changes whenever a row of a table holding snapshot rows is written or deleted: an INSERT or
    # UPDATE stamps its row version with its transaction's id (xmin), newer than any before; a
    # DELETE lowers the count. Unchanged, those tables hold exactly the snapshot's rows.
    fingerprint: str


def _take_snapshot(connection: psycopg.Connection) -> RestoreScripts:
    """Copy every table of the public schema into SNAPSHOT; the SQL that puts them back."""
    tables = _tables_referenced_first(connection)
    connection.execute(f"CREATE SCHEMA {SNAPSHOT}")
    for table in tables:
        connection.execute(f'CREATE TABLE {SNAPSHOT}."{table}" AS TABLE public."{table}"')
    held = [table for table in tables if _holds_rows(connection, table)]
    sequences = _sequence_statements(connection)
    everything = [f'DELETE FROM public."{table}"' for table in reversed(tables)]
    everything += [f'INSERT INTO public."{t}" SELECT * FROM {SNAPSHOT}."{t}"' for t in held]
    # Children first. Unchanged, the held tables hold no row pointing into the other tables.
    empty = [f'DELETE FROM public."{t}"' for t in reversed(tables) if t not in held]
    measures = [f'(SELECT count(*) FROM public."{t}")' for t in held]
    measures += [f'(SELECT max(xmin::text::bigint) FROM public."{t}")' for t in held]
    return RestoreScripts(
        everything=";\n".join(everything + sequences),
        empty=";\n".join(empty + sequences),
        fingerprint="SELECT " + ", ".join(measures),
    )


def _holds_rows(connection: psycopg.Connection, table: str) -> bool:
    return connection.execute(f'SELECT EXISTS (TABLE public."{table}")').fetchone()[0]


def _tables_referenced_first(connection: psycopg.Connection) -> list[str]:
    """The public tables, each after the tables its foreign keys point to."""
    tables = connection.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    ).fetchall()
    graph: dict[str, set[str]] = {table: set() for (table,) in tables}
    references = connection.execute(
        "SELECT child.relname, parent.relname FROM pg_constraint"
        " JOIN pg_class child ON child.oid = conrelid"
        " JOIN pg_class parent ON parent.oid = confrelid"
        " WHERE contype = 'f' AND child.relnamespace = 'public'::regnamespace"
    ).fetchall()
    for child, parent in references:
        if child != parent:  # a row pointing into its own table goes in one DELETE
            graph[child].add(parent)
    return list(TopologicalSorter(graph).static_order())


def _sequence_statements(connection: psycopg.Connection) -> list[str]:
    """Statements setting every public sequence back to where it is now. setval, not ALTER
    SEQUENCE ... RESTART, which gives the sequence a new file (about 1 ms a sequence)."""
    sequences = connection.execute(
        "SELECT sequencename, start_value, last_value FROM pg_sequences WHERE schemaname = 'public'"
    ).fetchall()
    return [
        f"SELECT setval('public.\"{name}\"', {start}, false)"  # never used: start again
        if value is None
        else f"SELECT setval('public.\"{name}\"', {value})"
        for name, start, value in sequences
    ]
