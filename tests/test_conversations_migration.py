"""The migration that makes a conversation its turns: the conversations table goes, every turn
stays with its conversation_id; downgrading rebuilds the table from the turns."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from shipshape.chat.conversations import load_or_start
from shipshape.extensions import db
from shipshape.runtime import MIGRATIONS_DIR

BEFORE = "a7d3c9e1b5f2"
CONVERSATION = "INSERT INTO conversations (id, created_at, updated_at) VALUES (:id, :at, :at)"
TURN = (
    "INSERT INTO turns (id, conversation_id, question, normalized, kind, confidence, reply,"
    " created_at) VALUES (:id, :conversation, :question, :normalized, 'smalltalk', 0, '{}', :at)"
)
ROWS = [
    (1, "c-aaaaaaaaaaaaaaaaaaaaaa", "hello", "2026-01-01 10:00:00"),
    (2, "c-aaaaaaaaaaaaaaaaaaaaaa", "thanks", "2026-01-01 10:05:00"),
    (3, "c-bbbbbbbbbbbbbbbbbbbbbb", "hi", "2026-01-02 09:00:00"),
]


def test_turns_keep_their_conversations_when_the_table_goes_and_comes_back(empty_app):
    upgrade(directory=MIGRATIONS_DIR, revision=BEFORE)
    for conversation in {row[1] for row in ROWS}:
        db.session.execute(text(CONVERSATION), {"id": conversation, "at": "2026-01-01"})
    for number, conversation, question, at in ROWS:
        row = {"id": number, "conversation": conversation, "at": at}
        db.session.execute(text(TURN), row | {"question": question, "normalized": question})
    db.session.commit()

    upgrade(directory=MIGRATIONS_DIR)

    assert "conversations" not in inspect(db.engine).get_table_names()
    going = load_or_start("c-aaaaaaaaaaaaaaaaaaaaaa", ttl_hours=24 * 365 * 100)
    assert [t.question for t in going.recent] == ["thanks", "hello"]
    db.session.commit()

    downgrade(directory=MIGRATIONS_DIR, revision=BEFORE)

    rows = db.session.execute(
        text("SELECT id, created_at, updated_at FROM conversations ORDER BY id")
    ).all()
    assert [row[0] for row in rows] == ["c-aaaaaaaaaaaaaaaaaaaaaa", "c-bbbbbbbbbbbbbbbbbbbbbb"]
    assert str(rows[0][2]).startswith("2026-01-01 10:05")  # the latest turn's time
    keys = inspect(db.engine).get_foreign_keys("turns")
    assert [k["referred_table"] for k in keys] == ["conversations"]
