"""Password hashing with argon2id at OWASP's minimum cost (19 MiB, 2 passes, 1 lane)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_LENGTH = 10
# A fixed hash to verify against when the email is unknown, so both paths take as long.
_DUMMY_HASH = HASHER.hash("shipshape-no-such-account")


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when the password matches; spends the same time when there is no account."""
    try:
        return HASHER.verify(stored or _DUMMY_HASH, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return HASHER.check_needs_rehash(stored)


def signs_in(account, password: str) -> bool:
    """True when the password opens the account (anything with a password_hash, or None for no
    such account, in the same time); an old-cost hash is upgraded on the way."""
    if not verify_password(account.password_hash if account else None, password):
        return False
    if needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    return True
