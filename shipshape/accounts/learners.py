"""Learners: keys for browsers and API clients (kept as SHA-256 digests), optional accounts
(email + argon2id password), and adopting a browser's history on sign-in. Callers commit."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select, update

from ..extensions import db
from ..models import Learner, ReviewCard
from ..quizzes.adoption import adopt_attempts
from .passwords import MIN_LENGTH, hash_password, signs_in
from .service import EMAIL_RE, MAX_EMAIL, AccountError, normalize_email

KEY_PREFIX = "lrn_"
BROWSER_COOKIE = "shipshape_learner"  # a browser's own key: its learner, its conversations
UNIFORM_REFUSAL = "No account could be made with that email and password. Have one? Sign in."
MAX_KEY = 200


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_learner() -> tuple[Learner, str]:
    """A new learner and its key; the key is returned once and only its digest is stored."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    learner = Learner(key_digest=key_digest(key))
    db.session.add(learner)
    db.session.flush()
    return learner, key


def learner_for_key(key: str | None) -> Learner | None:
    """The learner a key belongs to, or None for a missing, malformed or unknown key."""
    if not key or len(key) > MAX_KEY or not key.isprintable():
        return None
    query = select(Learner).where(Learner.key_digest == key_digest(key))
    return db.session.execute(query).scalar_one_or_none()


def browser_learner(key: str) -> Learner:
    """The learner behind a browser's session key, made on first need."""
    learner = learner_for_key(key)
    if learner is None:
        learner = Learner(key_digest=key_digest(key))
        db.session.add(learner)
        db.session.flush()
    return learner


def find_account(email: str) -> Learner | None:
    query = select(Learner).where(Learner.email == normalize_email(email))
    return db.session.execute(query).scalar_one_or_none()


def sign_up(email: str, password: str, browser: Learner | None) -> Learner:
    """A learner account; the browser's own learner becomes it, so its history stays. An email
    already registered is not told apart: its own password signs in (adopting this browser's
    history, as sign-in does); any other gets the reply a sign-up gets for any refusal."""
    address = normalize_email(email)
    if not EMAIL_RE.match(address) or len(address) > MAX_EMAIL:
        raise AccountError("email", f"'{email}' is not an email address.")
    if len(password) < MIN_LENGTH:
        raise AccountError("password", f"Use at least {MIN_LENGTH} characters.")
    existing = find_account(address)
    if existing is not None:  # the same reply as any refusal, and an argon2 check's time
        if not signs_in(existing, password):
            raise AccountError("email", UNIFORM_REFUSAL)
        adopt(existing, browser)
        return existing
    learner = browser if browser is not None and browser.email is None else Learner()
    learner.email, learner.password_hash = address, hash_password(password)
    learner.key_digest = None  # from now on the account is reached by signing in, not the key
    db.session.add(learner)
    db.session.flush()
    return learner


def authenticate_learner(email: str, password: str) -> Learner | None:
    """The learner account these credentials open, or None (in the same time either way)."""
    learner = find_account(email) if email else None
    return learner if signs_in(learner, password) else None


def adopt(account: Learner, browser: Learner | None) -> int:
    """Move a browser learner's attempts (within max_attempts) and review cards to the account;
    returns how many attempts moved. A card both have keeps the account's (its schedule is the
    longer story)."""
    if browser is None or browser.id == account.id or browser.email is not None:
        return 0
    query = select(ReviewCard.quiz_id, ReviewCard.question_id)
    taken = {
        tuple(row) for row in db.session.execute(query.where(ReviewCard.learner_id == account.id))
    }
    cards = db.session.execute(select(ReviewCard).where(ReviewCard.learner_id == browser.id))
    for card in cards.scalars():
        if (card.quiz_id, card.question_id) in taken:
            db.session.delete(card)
    db.session.flush()
    db.session.execute(
        update(ReviewCard).where(ReviewCard.learner_id == browser.id).values(learner_id=account.id)
    )
    moved = adopt_attempts(browser.id, account.id)
    db.session.delete(browser)
    db.session.flush()
    return moved
