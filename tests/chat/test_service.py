"""The chat's entry point: what counts as a question, and how conversations are kept."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event

from shipshape.chat.conversations import (
    CONVERSATION_ID_RE,
    load_or_start,
    new_conversation_id,
    recent_turns,
)
from shipshape.chat.service import MAX_QUESTION_LENGTH, InvalidQuestion, ask, validate_question
from shipshape.extensions import db


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "Send a question"),
        ("", "empty"),
        ("  \n\t ", "empty"),
        (42, "string"),
        (["what is an image"], "string"),
        ({"text": "hi"}, "string"),
        (True, "string"),
        ("what is\x00 an image", "NUL"),
        ("x" * (MAX_QUESTION_LENGTH + 1), f"at most {MAX_QUESTION_LENGTH:,}"),
    ],
)
def test_a_question_that_is_not_one_is_refused_naming_the_field(value, reason):
    with pytest.raises(InvalidQuestion) as caught:
        validate_question(value)
    assert caught.value.field == "question"
    assert reason in caught.value.message


def test_a_question_of_exactly_the_limit_is_accepted_and_trimmed():
    text = ("y" * (MAX_QUESTION_LENGTH - 2)).center(MAX_QUESTION_LENGTH)
    assert len(text) == MAX_QUESTION_LENGTH
    assert validate_question(text) == "y" * (MAX_QUESTION_LENGTH - 2)


def test_a_conversation_id_the_chat_did_not_give_out_is_refused(library):
    with pytest.raises(InvalidQuestion) as caught:
        ask("what is an image", "not-an-id", library)
    assert caught.value.field == "conversation_id"


def test_asking_remembers_the_turn_in_its_conversation(library):
    first = ask("how do I rename a container", None, library)
    second = ask("thanks", first["conversation_id"], library)
    assert second["conversation_id"] == first["conversation_id"]
    turns = recent_turns(first["conversation_id"])
    assert [t.question for t in turns] == ["how do I rename a container", "thanks"]
    assert [t.kind for t in turns] == ["answer", "smalltalk"]
    assert turns[0].topic_slug == "docker-container-rename"


def test_new_conversation_ids_are_random_and_well_formed():
    ids = {new_conversation_id() for _ in range(20)}
    assert len(ids) == 20
    assert all(CONVERSATION_ID_RE.match(i) for i in ids)


def test_an_unknown_conversation_id_starts_a_new_conversation(app):
    unknown = "c-" + "u" * 22
    conversation = load_or_start(unknown, ttl_hours=24)
    assert conversation.id != unknown
    assert CONVERSATION_ID_RE.match(conversation.id)


def age_turns(conversation_id: str, hours: float) -> None:
    """Make every turn of a conversation `hours` older."""
    for turn in recent_turns(conversation_id):
        turn.created_at -= timedelta(hours=hours)
    db.session.commit()


def test_a_conversation_is_continued_while_its_latest_turn_is_within_the_time_to_live(library):
    old = ask("how do I rename a container", None, library)["conversation_id"]
    age_turns(old, 23)

    kept = load_or_start(old, ttl_hours=24)

    assert kept.id == old
    assert [t.question for t in kept.recent] == ["how do I rename a container"]


def test_an_expired_conversation_is_not_continued(library):
    old = ask("how do I rename a container", None, library)["conversation_id"]
    age_turns(old, 25)

    started = load_or_start(old, ttl_hours=24)

    assert started.id != old
    assert started.recent == ()


def test_a_conversation_remembers_its_latest_turns_newest_first(library):
    conversation_id = ask("how do I rename a container", None, library)["conversation_id"]
    for question in ("thanks", "what is an image", "hello", "list images", "bye"):
        ask(question, conversation_id, library)

    recent = load_or_start(conversation_id, ttl_hours=24).recent

    assert [t.question for t in recent] == ["bye", "list images", "hello", "what is an image",
                                            "thanks"]  # fmt: skip


@contextmanager
def writes():
    """The write statements sent to the database meanwhile, by their first three words."""
    sent: list[str] = []

    def keep(statement: str) -> None:
        if statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            sent.append(" ".join(statement.split()[:3]))

    # On SQLite the turn goes straight through the DB-API (row_insert), past SQLAlchemy's
    # events: SQLite's own trace of each checked-out connection sees every statement there.
    # The session gives its connection back first, so none is in use without a trace.
    db.session.close()
    listeners = (
        [("checkout", lambda dbapi, _record, _proxy: dbapi.set_trace_callback(keep)),
         ("checkin", lambda dbapi, _record: dbapi.set_trace_callback(None))]
        if db.engine.dialect.name == "sqlite"
        else [("before_cursor_execute", lambda _c, _k, statement, *_: keep(statement))]
    )  # fmt: skip
    for name, listener in listeners:
        event.listen(db.engine, name, listener)
    try:
        yield sent
    finally:
        for name, listener in listeners:
            event.remove(db.engine, name, listener)


def test_a_turn_in_a_new_conversation_is_one_insert(app, library):
    with writes() as sent:
        reply = ask("how do I rename a container", None, library)
    assert sent == ["INSERT INTO turns"]
    assert recent_turns(reply["conversation_id"])[0].id == reply["turn_id"]


def test_a_turn_in_a_going_conversation_is_one_insert(app, library):
    first = ask("how do I rename a container", None, library)
    with writes() as sent:
        second = ask("and for images?", first["conversation_id"], library)
    assert sent == ["INSERT INTO turns"]
    assert second["conversation_id"] == first["conversation_id"]
    assert second["turn_id"] > first["turn_id"]
