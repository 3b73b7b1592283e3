"""Instructor accounts: argon2id at OWASP's cost, tokens kept only as digests."""

import pytest

from shipshape.accounts.service import (
    AccountError,
    authenticate,
    create_instructor,
    create_token,
    instructor_for_token,
    list_tokens,
    revoke_token,
)
from shipshape.extensions import db
from shipshape.models import ApiToken, Instructor


def test_a_password_is_stored_as_argon2id_with_19_mib_and_two_passes(app):
    instructor = create_instructor("Ada@Example.org", "a long enough password")
    assert instructor.email == "ada@example.org"
    assert instructor.password_hash.startswith("$argon2id$")
    assert "m=19456,t=2,p=1" in instructor.password_hash
    assert "a long enough password" not in instructor.password_hash


def test_sign_in_checks_the_password_and_ignores_email_case(app):
    create_instructor("ada@example.org", "a long enough password")
    assert authenticate("ADA@example.org", "a long enough password").email == "ada@example.org"
    assert authenticate("ada@example.org", "a wrong password") is None
    assert authenticate("nobody@example.org", "a long enough password") is None


@pytest.mark.parametrize(
    ("email", "password", "field"),
    [("not-an-email", "a long enough password", "email"), ("a@b.org", "short", "password")],
)
def test_a_bad_email_or_short_password_is_refused(app, email, password, field):
    with pytest.raises(AccountError) as refused:
        create_instructor(email, password)
    assert refused.value.field == field
    assert db.session.query(Instructor).count() == 0


def test_creating_an_existing_instructor_again_sets_a_new_password(app):
    create_instructor("ada@example.org", "the first password")
    create_instructor("ada@example.org", "the second password")
    assert db.session.query(Instructor).count() == 1
    assert authenticate("ada@example.org", "the first password") is None
    assert authenticate("ada@example.org", "the second password") is not None


def test_a_token_is_stored_only_as_a_digest_and_finds_its_instructor(app):
    create_instructor("ada@example.org", "a long enough password")
    token = create_token("ada@example.org", "laptop")
    row = db.session.query(ApiToken).one()
    assert token not in (row.digest, row.prefix) and len(row.digest) == 64
    assert instructor_for_token(token).email == "ada@example.org"
    assert row.last_used_at is not None
    assert instructor_for_token(token + "x") is None


def test_tokens_are_listed_and_a_revoked_one_stops_working(app):
    create_instructor("ada@example.org", "a long enough password")
    keep, drop = create_token("ada@example.org", "keep"), create_token("ada@example.org", "drop")
    listed = {t.name: t for t in list_tokens("ada@example.org")}
    assert set(listed) == {"keep", "drop"}
    assert revoke_token(listed["drop"].id) is True
    assert revoke_token(listed["drop"].id) is False
    assert instructor_for_token(drop) is None
    assert instructor_for_token(keep) is not None


def test_a_token_for_an_unknown_instructor_is_refused(app):
    with pytest.raises(AccountError):
        create_token("nobody@example.org")
