"""SQLite under concurrent writers: a write transaction starts with BEGIN IMMEDIATE, so a second
writer waits its turn (busy timeout) instead of failing with "database is locked"."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text

from shipshape.extensions import db
from shipshape.models import Attempt, ContentState, Turn
from shipshape.runtime import ensure_ready
from tests.conftest import close, make_app

QUIZ = "images-vs-containers"
WRITERS = 8
ROUNDS = 4


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory):
    """One SQLite file with the bundled content, whatever database the rest of the suite uses."""
    folder = tmp_path_factory.mktemp("sqlite-writes")
    path = folder / "shared.db"
    application = make_app(folder, f"sqlite:///{path}")
    with application.app_context():
        ensure_ready(application)
        db.session.remove()
        yield application, path
        close(application)


def _learner_session(client) -> list[int]:
    """Start an attempt, save an answer, ask a question, submit: every status code seen."""
    started = client.post(f"/api/quizzes/{QUIZ}/attempts")
    attempt = started.get_json()
    question = next(q for q in attempt["questions"] if q["type"] == "true_false")
    saved = client.put(
        f"/api/attempts/{attempt['attempt_id']}/answers/{question['id']}", json={"response": True}
    )
    asked = client.post("/api/ask", json={"question": "how do I list containers"})
    submitted = client.post(f"/api/attempts/{attempt['attempt_id']}/submit", json={})
    return [r.status_code for r in (started, saved, asked, submitted)]


def _counts() -> tuple[int, int, int]:
    """(attempts, submitted attempts, chat turns) in the database."""
    submitted = select(func.count()).where(Attempt.submitted_at.is_not(None))
    counts = (
        db.session.scalar(select(func.count()).select_from(Attempt)),
        db.session.scalar(submitted),
        db.session.scalar(select(func.count()).select_from(Turn)),
    )
    db.session.remove()
    return counts


def test_many_writers_at_once_all_succeed_and_every_write_lands(sqlite_app):
    application, _ = sqlite_app
    with application.app_context():
        before = _counts()

    def writer(_):
        client = application.test_client()
        return [_learner_session(client) for _ in range(ROUNDS)]

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        statuses = [s for rounds in pool.map(writer, range(WRITERS)) for s in rounds]

    assert statuses == [[201, 200, 200, 200]] * (WRITERS * ROUNDS)
    with application.app_context():
        after = _counts()
    assert [a - b for a, b in zip(after, before, strict=True)] == [WRITERS * ROUNDS] * 3


def _other_writer_can_begin(path) -> bool:
    """Whether a second connection could take the write lock right now (no waiting)."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


def test_a_session_that_only_reads_locks_no_writer_out(sqlite_app):
    application, path = sqlite_app
    with application.app_context():
        db.session.execute(select(ContentState.version)).all()
        assert db.session().in_transaction()
        assert _other_writer_can_begin(path)
        db.session.remove()


def test_the_first_write_takes_the_write_lock_until_commit(sqlite_app):
    application, path = sqlite_app
    with application.app_context():
        db.session.execute(select(ContentState.version)).all()
        db.session.execute(text("UPDATE content_state SET version = version WHERE id = 1"))
        assert not _other_writer_can_begin(path)
        db.session.commit()
        assert _other_writer_can_begin(path)
        db.session.remove()


def test_a_rolled_back_savepoint_keeps_the_rest_of_the_transaction(sqlite_app):
    application, _ = sqlite_app
    with application.app_context():
        version = db.session.scalar(select(ContentState.version))
        db.session.execute(text("UPDATE content_state SET version = version + 1 WHERE id = 1"))
        with db.session.begin_nested() as nested:
            db.session.execute(text("UPDATE content_state SET version = version + 5 WHERE id = 1"))
            nested.rollback()
        db.session.commit()
        assert db.session.scalar(select(ContentState.version)) == version + 1
        restore = text("UPDATE content_state SET version = :v WHERE id = 1")
        db.session.execute(restore, {"v": version})
        db.session.commit()
        db.session.remove()
