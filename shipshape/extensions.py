"""Extension singletons, bound to an app in create_app()."""

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
LOOPBACK = frozenset({"127.0.0.1", "::1"})


def from_this_machine() -> bool:
    """A request from loopback: a local tool or script, not a learner. Behind a proxy on the same
    machine, PROXY_FIX=true makes the learner's own address the one limits count."""
    return get_remote_address() in LOOPBACK
