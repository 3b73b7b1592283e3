"""The learners migration: each browser key in attempts.owner becomes a learner holding only the
key's digest, so a browser keeps its history; downgrading goes back to the old table."""

from __future__ import annotations

import hashlib

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from shipshape.accounts.learners import learner_for_key
from shipshape.extensions import db
from shipshape.quizzes.attempts import attempts_of
from shipshape.runtime import MIGRATIONS_DIR

BEFORE = "4fcc662edbd6"
ROWS = [
    "INSERT INTO quizzes (id, slug, title, source, deleted, created_at, updated_at)"
    " VALUES (1, 'q', 'Q', 'x', false, '2026-01-01', '2026-01-01')",
    "INSERT INTO quiz_revisions (id, quiz_id, number, source, action, created_at)"
    " VALUES (1, 1, 1, 'x', 'import', '2026-01-01')",
]
ATTEMPT = (
    "INSERT INTO attempts (id, quiz_id, revision_id, seed, owner, started_at)"
    " VALUES (:id, 1, 1, 7, :owner, '2026-01-01')"
)


def test_browser_keys_become_learners_known_by_digest(empty_app):
    upgrade(directory=MIGRATIONS_DIR, revision=BEFORE)
    for statement in ROWS:
        db.session.execute(text(statement))
    for attempt_id, owner in [
        ("a1", "key-one"),
        ("a2", "key-one"),
        ("a3", "key-two"),
        ("a4", None),
    ]:
        db.session.execute(text(ATTEMPT), {"id": attempt_id, "owner": owner})
    db.session.commit()

    upgrade(directory=MIGRATIONS_DIR)

    one, two = learner_for_key("key-one"), learner_for_key("key-two")
    assert one.key_digest == hashlib.sha256(b"key-one").hexdigest()
    assert {a["attempt_id"] for a in attempts_of(one.id)} == {"a1", "a2"}
    assert {a["attempt_id"] for a in attempts_of(two.id)} == {"a3"}
    assert "owner" not in {c["name"] for c in inspect(db.engine).get_columns("attempts")}
    db.session.commit()

    downgrade(directory=MIGRATIONS_DIR, revision=BEFORE)
    tables = inspect(db.engine).get_table_names()
    assert "learners" not in tables and "review_cards" not in tables
    assert "owner" in {c["name"] for c in inspect(db.engine).get_columns("attempts")}
