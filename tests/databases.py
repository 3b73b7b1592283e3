"""Test databases: a SQLite file per test by default, or real PostgreSQL databases when
TEST_DATABASE_URL names a server (a maintenance database the role may create databases from)."""

from __future__ import annotations

import os
import shutil
import sys
import time
import uuid
from pathlib import Path

import psycopg

from shipshape.config import normalize_database_url

SERVER_URL = os.environ.get("TEST_DATABASE_URL", "")


def using_postgres() -> bool:
    return SERVER_URL.startswith(("postgresql://", "postgres://"))


def _admin(sql: str) -> None:
    with psycopg.connect(SERVER_URL, autocommit=True) as connection:
        connection.execute(sql)


def _url_for(name: str) -> str:
    base = SERVER_URL.rsplit("/", 1)[0]
    return normalize_database_url(f"{base}/{name}")


def new_database(folder: Path, template: str | None = None) -> tuple[str, str]:
    """(SQLAlchemy URL, name) of a fresh database, empty or copied from a template."""
    if not using_postgres():
        path = folder / "test.db"
        if template:
            shutil.copy(template, path)
        return f"sqlite:///{path}", str(path)
    name = f"shipshape_{uuid.uuid4().hex[:12]}"
    _admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return _url_for(name), name


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
