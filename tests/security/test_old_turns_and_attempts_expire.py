"""Storage does not grow without bound: `flask purge` expires chat turns and never-submitted
attempts at the ages the operator sets; nothing submitted is lost."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from shipshape.extensions import db
from shipshape.models import Attempt, Learner, Turn, utcnow
from shipshape.quizzes.attempts import save_answer, start_attempt
from tests.quizzes.helpers import import_small_bank
from tests.quizzes.review_helpers import WRONG, import_recall_bank, new_learner, take

PURGE = ["purge", "--turns-older-than", "30", "--unsubmitted-attempts-older-than", "7"]


def _age(model, key, days: int) -> None:
    column = model.created_at if model is not Attempt else model.started_at
    db.session.execute(update(model).where(key).values({column: utcnow() - timedelta(days=days)}))
    db.session.commit()


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_turns_older_than_the_set_age_are_deleted(ask, runner):
    old = ask("what is an image")["conversation_id"]
    ask("what is a container")
    _age(Turn, Turn.conversation_id == old, 31)

    result = runner.invoke(args=PURGE)

    assert "turns deleted: 1" in result.output, result.output
    assert _count(Turn, Turn.conversation_id == old) == 0
    assert _count(Turn) == 1


def test_unsubmitted_attempts_expire_and_submitted_ones_stay(app, runner):
    import_recall_bank()
    learner = new_learner()
    take(learner, WRONG)  # submitted: kept whatever its age
    abandoned = start_attempt("recall-check", learner_id=learner)["attempt_id"]
    fresh = start_attempt("recall-check", learner_id=learner)["attempt_id"]
    _age(Attempt, Attempt.id != fresh, 8)

    result = runner.invoke(args=PURGE)

    assert "unsubmitted attempts deleted: 1" in result.output, result.output
    assert db.session.get(Attempt, abandoned) is None
    assert db.session.get(Attempt, fresh) is not None
    assert _count(Attempt, Attempt.submitted_at.is_not(None)) == 1
    assert db.session.get(Learner, learner) is not None


def test_an_attempt_whose_time_ran_out_is_graded_not_deleted(app, runner):
    slug = import_small_bank(limit=2)
    attempt_id = start_attempt(slug)["attempt_id"]
    save_answer(attempt_id, "own-kernel", False)
    db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt_id)
        .values(started_at=utcnow() - timedelta(days=9), deadline=utcnow() - timedelta(days=9))
    )
    db.session.commit()

    result = runner.invoke(args=PURGE)

    assert "graded and kept: 1" in result.output, result.output
    assert db.session.get(Attempt, attempt_id).submitted_at is not None


def test_learners_left_with_nothing_go_and_the_others_stay(app, runner):
    import_recall_bank()
    idle, busy = new_learner(), new_learner()
    take(busy, WRONG)
    _age(Learner, Learner.id.in_([idle, busy]), 8)

    runner.invoke(args=PURGE)

    assert db.session.get(Learner, idle) is None
    assert db.session.get(Learner, busy) is not None
