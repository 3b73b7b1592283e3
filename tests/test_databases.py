"""The PostgreSQL run reuses one database per worker: a restore leaves exactly the template's rows
and sequence values, so no test sees another's rows or ids."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from shipshape.accounts.service import create_instructor
from shipshape.extensions import db

from .databases import using_postgres

pytestmark = pytest.mark.skipif(not using_postgres(), reason="SQLite copies a file per test")


def database_state() -> dict[str, object]:
    """Every table's rows and every sequence's position, as plain values."""
    state: dict[str, object] = {}
    for table in inspect(db.engine).get_table_names():
        state[table] = sorted(map(tuple, db.session.execute(text(f'SELECT * FROM "{table}"'))))
    sequences = db.session.execute(text("SELECT sequencename FROM pg_sequences")).scalars()
    for name in list(sequences):
        position = db.session.execute(text(f'SELECT last_value, is_called FROM "{name}"'))
        state[name] = tuple(position.one())
    db.session.commit()
    return state


def sign_up_and_ask(client) -> None:
    create_instructor("someone@example.org", "a long enough password")
    db.session.commit()
    client.post("/api/ask", json={"question": "what is an image"})


def rename_a_topic(client) -> None:
    db.session.execute(text("UPDATE topics SET title = title || '!' WHERE id = 1"))
    db.session.commit()


def delete_a_revision(client) -> None:
    db.session.execute(text("DELETE FROM topic_revisions WHERE id = 1"))
    db.session.commit()


@pytest.mark.parametrize("change", [sign_up_and_ask, rename_a_topic, delete_a_revision])
def test_a_restore_brings_back_the_templates_rows_and_ids(app, client, reused_database, change):
    before = database_state()
    change(client)
    assert database_state() != before
    db.session.remove()
    db.engine.dispose()  # the restore ends sessions left open, as DROP ... WITH (FORCE) did

    reused_database.restore()
    assert database_state() == before
