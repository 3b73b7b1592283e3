"""The chat's turn is one INSERT, its own transaction (row_insert): on SQLite straight through
the DB-API, on PostgreSQL in autocommit mode. The row is the one a Core INSERT would store, a
failure is SQLAlchemy's error with nothing stored, another writer is waited for, and the
connection goes back to the pool as it came."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, event, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from shipshape.extensions import db
from shipshape.models import Turn
from shipshape.row_insert import insert_row

TURNS = Turn.__table__


def a_turn(question: str) -> dict:
    return {
        "conversation_id": "c-" + "x" * 22,
        "question": question,
        "resolved": None,
        "normalized": question.lower(),
        "kind": "answer",
        "confidence": 0.875,
        "topic_slug": "images",
        "anchor": "",
        "reply": {"kind": "answer", "sources": [{"slug": "images"}], "why": {"matched": ["é"]}},
        "helpful": None,
        "owner": "9f" * 32,  # the digest of the browser's key that started the conversation
        "created_at": datetime(2026, 12, 1, 22, 30, 15, 123456),
    }


def stored(number: int) -> dict:
    row = db.session.execute(select(TURNS).where(TURNS.c.id == number)).mappings().one()
    return {k: v for k, v in row.items() if k != "id"}


def test_the_row_is_the_one_a_core_insert_stores(app):
    with app.app_context():
        with db.engine.begin() as connection:
            by_core = connection.execute(TURNS.insert(), a_turn("What?")).inserted_primary_key[0]
        fast = insert_row(db.engine, TURNS, a_turn("What?"))

        assert fast > by_core
        assert stored(fast) == stored(by_core) == a_turn("What?")


def test_a_refused_row_raises_sqlalchemys_error_and_stores_nothing(app):
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(TURNS))

        with pytest.raises(IntegrityError):
            insert_row(db.engine, TURNS, a_turn("x") | {"question": None})
        db.session.rollback()

        assert db.session.scalar(select(func.count()).select_from(TURNS)) == before
        assert stored(insert_row(db.engine, TURNS, a_turn("next"))) == a_turn("next")


def test_a_database_error_is_raised_as_sqlalchemys(app):
    missing = Table("no_such_table", MetaData(), Column("id", Integer, primary_key=True),
                    Column("n", Integer))  # fmt: skip
    with app.app_context(), pytest.raises(DBAPIError, match="no_such_table"):
        insert_row(db.engine, missing, {"n": 1})


def test_a_turn_waits_for_another_writer_instead_of_failing(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite's write lock")
        other = sqlite3.connect(db.engine.url.database, isolation_level=None,
                                check_same_thread=False)  # fmt: skip
        other.execute("BEGIN IMMEDIATE")  # another process's write, under way
        releasing = threading.Timer(0.3, other.execute, ["COMMIT"])
        releasing.start()
        try:
            number = insert_row(db.engine, TURNS, a_turn("while another writes"))
        finally:
            releasing.join()
            other.close()

        assert stored(number) == a_turn("while another writes")


def test_the_connection_goes_back_to_the_pool_out_of_autocommit_mode(app):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("PostgreSQL's autocommit mode")
        returned = []

        def checkin(driver, _record):
            returned.append(driver.autocommit)

        event.listen(db.engine, "checkin", checkin)
        try:
            number = insert_row(db.engine, TURNS, a_turn("in autocommit mode"))
        finally:
            event.remove(db.engine, "checkin", checkin)

        assert returned == [False]
        assert stored(number) == a_turn("in autocommit mode")
