"""Extension singletons, bound to an app in create_app()."""

from flask import current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def learners_limit():
    """One limit per client address on everything that makes a learner's rows: new learner keys,
    and attempt starts over the API and the quiz form (which may make a browser's learner)."""
    return limiter.shared_limit(
        lambda: current_app.config["SHIPSHAPE_LEARNER_RATE_LIMIT"], scope="learner-rows"
    )


def sign_in_limit():
    """One limit per client address on every way to try a password: instructor and learner
    sign-in and learner sign-up share SHIPSHAPE_SIGNIN_RATE_LIMIT (POST only)."""
    return limiter.shared_limit(
        lambda: current_app.config["SHIPSHAPE_SIGNIN_RATE_LIMIT"], scope="sign-in", methods=["POST"]
    )


LOOPBACK = frozenset({"127.0.0.1", "::1"})


def from_this_machine() -> bool:
    """The app's own process, or loopback when SHIPSHAPE_LOOPBACK_UNLIMITED says loopback is a
    local tool (off by default: behind a local proxy without PROXY_FIX, everyone is loopback).
    The own process is Flask's test client (the eval scripts' `--app`), which reaches the app over
    no connection: a loopback address with no REMOTE_PORT, which every server sets."""
    if get_remote_address() not in LOOPBACK:
        return False
    in_process = "REMOTE_PORT" not in request.environ
    return in_process or current_app.config.get("SHIPSHAPE_LOOPBACK_UNLIMITED", False)
