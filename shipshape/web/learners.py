"""Who the learner is in the browser: their signed-in account, or this browser's own key
(kept in the signed session cookie; the database keeps only its digest)."""

from __future__ import annotations

import secrets

from flask import session

from ..accounts.learners import browser_learner, learner_for_key
from ..auth import current_learner_account
from ..quizzes.cards import due_count
from . import bp


def browser_key(create: bool = False) -> str | None:
    if "learner" not in session and create:
        session["learner"] = secrets.token_urlsafe(16)
    return session.get("learner")


def browser_learner_row(create: bool = False):
    """This browser's own learner row (not the account), made when `create` and missing."""
    key = browser_key(create)
    if key is None:
        return None
    return browser_learner(key) if create else learner_for_key(key)


def current_learner_id(create: bool = False) -> int | None:
    """The learner these pages act for; with `create`, a first-time browser gets one (flushed,
    committed by the caller's service)."""
    account = current_learner_account()
    if account is not None:
        return account.id
    learner = browser_learner_row(create)
    return learner.id if learner is not None else None


@bp.context_processor
def learner_context() -> dict:
    """Templates may ask how many review cards are due, and who is signed in."""
    return {
        "due_reviews": lambda: due_count(current_learner_id()),
        "learner_account": current_learner_account(),
    }
