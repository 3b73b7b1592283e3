"""Who the learner is in the browser: their signed-in account, or this browser's own key, kept
in a cookie of its own that lasts (the Flask session ends with the browser and is refused after
31 days, while review intervals run for months). The database keeps only the key's digest."""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import after_this_request, current_app, g, request, session

from ..accounts.learners import BROWSER_COOKIE, browser_learner, key_digest, learner_for_key
from ..auth import current_learner_account
from ..quizzes.cards import due_count
from . import bp

COOKIE = BROWSER_COOKIE
NOBODY = "-"  # no key's digest: a browser without a key owns no conversation
LIFETIME = timedelta(days=400)  # the longest browsers keep a cookie; renewed on every visit


@bp.before_app_request
def _no_key_yet() -> None:
    """g outlives a request inside one app context (tests): each request finds its own key."""
    g.pop("browser_key", None)


def _keep(response):
    """Send the browser's key back with a fresh expiry (a visit renews it), or forget it."""
    key = g.get("browser_key")
    if key:
        response.set_cookie(
            COOKIE, key, max_age=int(LIFETIME.total_seconds()), httponly=True, samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )  # fmt: skip
    else:
        response.delete_cookie(COOKIE, httponly=True, samesite="Lax")
    return response


def _remember(key: str | None) -> str | None:
    if "browser_key" not in g:
        after_this_request(_keep)
    g.browser_key = key
    return key


def browser_key(create: bool = False) -> str | None:
    """This browser's learner key: its cookie, else one kept in the session by an older version
    (moved to the cookie), else a new one when `create`."""
    if "browser_key" in g:
        key = g.browser_key
    else:
        key = request.cookies.get(COOKIE) or session.pop("learner", None)
        if key:
            return _remember(key)
    if key is None and create:
        return _remember(secrets.token_urlsafe(32))
    return key


def forget_browser_key() -> None:
    """This browser is signed in to an account now: its own key goes (its history moved)."""
    session.pop("learner", None)
    _remember(None)


def conversation_owner(create: bool = False) -> str:
    """Whose conversations this browser reads and continues: its key's digest (with `create`,
    a key is made, as a cookie only: no learner row for chatting)."""
    key = browser_key(create)
    return key_digest(key) if key else NOBODY


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
