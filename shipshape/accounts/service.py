"""Create instructors and tokens, check credentials. Callers commit."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import ApiToken, Instructor, utcnow
from .passwords import MIN_LENGTH, hash_password, signs_in

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{1,63}$")
TOKEN_PREFIX = "shp_"
MAX_EMAIL = 200  # it is recorded as the author of revisions, a 200-character column


class AccountError(ValueError):
    """A request about accounts that cannot be done; `field` names the input at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


@dataclass(frozen=True)
class TokenInfo:
    id: int
    email: str
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_instructor(email: str) -> Instructor | None:
    query = select(Instructor).where(Instructor.email == normalize_email(email))
    return db.session.execute(query).scalar_one_or_none()


def create_instructor(email: str, password: str) -> Instructor:
    """A new instructor, or a new password for an existing one (which ends its sessions)."""
    address = normalize_email(email)
    if not EMAIL_RE.match(address) or len(address) > MAX_EMAIL:
        raise AccountError("email", f"'{email}' is not an email address.")
    if len(password) < MIN_LENGTH:
        raise AccountError("password", f"Use at least {MIN_LENGTH} characters.")
    instructor = find_instructor(address)
    if instructor is None:
        instructor = Instructor(email=address, password_hash="", session_version=0)
        db.session.add(instructor)
    else:
        instructor.session_version += 1  # a copied session must not outlive the old password
    instructor.password_hash = hash_password(password)
    db.session.flush()
    return instructor


def authenticate(email: str, password: str) -> Instructor | None:
    """The instructor these credentials belong to, or None."""
    instructor = find_instructor(email) if email else None
    return instructor if signs_in(instructor, password) else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(email: str, name: str = "") -> str:
    """A new API token for an instructor; the plain token is returned once and never stored."""
    instructor = find_instructor(email)
    if instructor is None:
        raise AccountError("email", f"There is no instructor '{email}'.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    db.session.add(
        ApiToken(instructor=instructor, digest=_digest(token), prefix=token[:12], name=name[:100])
    )
    db.session.flush()
    return token


def instructor_for_token(token: str) -> Instructor | None:
    """The instructor a live token belongs to; records when it was last used."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = db.session.execute(
        select(ApiToken).where(ApiToken.digest == _digest(token))
    ).scalar_one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    row.last_used_at = utcnow()
    return row.instructor


def list_tokens(email: str | None = None) -> list[TokenInfo]:
    query = select(ApiToken, Instructor.email).join(Instructor).order_by(ApiToken.id)
    if email:
        query = query.where(Instructor.email == normalize_email(email))
    return [
        TokenInfo(t.id, mail, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at)
        for t, mail in db.session.execute(query)
    ]


def revoke_token(token_id: int, email: str | None = None) -> bool:
    """Revoke a token by id (only among this instructor's when an email is given); False when
    there is no such live token."""
    row = db.session.get(ApiToken, token_id)
    if row is None or row.revoked_at is not None:
        return False
    if email is not None and row.instructor.email != normalize_email(email):
        return False
    row.revoked_at = utcnow()
    return True
