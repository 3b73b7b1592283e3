"""Who may write: instructors signed in by session, or calling the API with a bearer token."""

from __future__ import annotations

import hashlib
from functools import wraps

from flask import abort, current_app, g, request, session
from flask_login import LoginManager, current_user, login_user, logout_user
from flask_wtf.csrf import validate_csrf
from wtforms.validators import ValidationError

from .accounts.service import instructor_for_token
from .errors import ApiError
from .extensions import db
from .models import Instructor, Learner

login_manager = LoginManager()
login_manager.session_protection = "strong"
VERSION_KEY = "session_version"  # the account's session_version when this session signed in


def _session_identifier() -> str:
    """What "strong" protection ties a session to: the client's address as the WSGI server (or
    ProxyFix, when PROXY_FIX says a proxy sets it) sees it, never a client's own X-Forwarded-For,
    which Flask-Login's default trusts; and the user agent."""
    base = f"{request.remote_addr}|{request.headers.get('User-Agent', '')}"
    return hashlib.sha512(base.encode("utf-8", "replace")).hexdigest()


login_manager._session_identifier_generator = _session_identifier


def sign_in(user: Instructor | Learner) -> None:
    """Start an account's session: a fresh CSRF token (one seen before signing in is no use
    after), and the account's session version, so signing out anywhere ends this session."""
    session.pop("csrf_token", None)
    g.pop("csrf_token", None)
    login_user(user)
    session[VERSION_KEY] = user.session_version


def sign_out(user: Instructor | Learner) -> None:
    """End every session of the account, copied cookies included: its version moves on."""
    user.session_version += 1
    db.session.commit()
    logout_user()
    session.pop(VERSION_KEY, None)


def forget_cached_user() -> None:
    """Start every request without a user; g outlives requests inside one app context (tests)."""
    g.pop("_login_user", None)
    g.pop("instructor", None)


@login_manager.user_loader
def load_user(user_id: str) -> Instructor | Learner | None:
    """ "i:3" is an instructor, "l:5" a learner account; a bare "3" is an instructor session
    from before learners had accounts, so those sessions keep working."""
    kind, _, number = user_id.rpartition(":")
    if not number.isdigit() or len(number) > 18:
        return None
    model = {"": Instructor, "i": Instructor, "l": Learner}.get(kind)
    user = db.session.get(model, int(number)) if model is not None else None
    if user is None or session.get(VERSION_KEY, 0) != user.session_version:
        return None  # signed out or password changed since this session began
    return user


def current_instructor() -> Instructor | None:
    """The signed-in instructor; None for nobody and for a signed-in learner."""
    user = current_user._get_current_object() if current_user else None
    return user if isinstance(user, Instructor) else None


def current_learner_account() -> Learner | None:
    """The signed-in learner account; None for nobody and for an instructor."""
    user = current_user._get_current_object() if current_user else None
    return user if isinstance(user, Learner) else None


@login_manager.unauthorized_handler
def unauthorized():
    abort(403, "This page is for instructors. Sign in at /instructor/sign-in.")


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def api_instructor() -> Instructor:
    """The instructor behind an API write: a bearer token, or a session sending its CSRF token."""
    token = _bearer_token()
    if token is not None:
        instructor = instructor_for_token(token)
        if instructor is None:
            raise ApiError(401, "invalid_token", "The API token is unknown or revoked.")
        return instructor
    instructor = current_instructor()
    if instructor is None:
        raise ApiError(403, "forbidden", "Instructors only: send 'Authorization: Bearer <token>'.")
    try:
        if current_app.config.get("WTF_CSRF_ENABLED", True):
            validate_csrf(request.headers.get("X-CSRFToken"))
    except ValidationError as exc:
        raise ApiError(400, "csrf_failed", "Send the page's CSRF token in X-CSRFToken.") from exc
    return instructor


def instructor_api(view):
    """Decorate an API view that only instructors may call; the instructor lands in g."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        g.instructor = api_instructor()
        return view(*args, **kwargs)

    return wrapper


def author_name() -> str | None:
    """The email to record on a revision made by this request."""
    instructor = getattr(g, "instructor", None)
    if instructor is None:
        instructor = current_instructor()
    return instructor.email if instructor is not None else None
