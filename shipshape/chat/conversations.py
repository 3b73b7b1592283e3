"""Conversations in the database: recent turns are the chat's memory and the ask log."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select

from ..extensions import db
from ..models import Turn, utcnow
from ..row_insert import insert_row
from .followup import Previous
from .reply import Reply
from .smalltalk import normalize

CONVERSATION_ID_RE = re.compile(r"^c-[A-Za-z0-9_-]{16,64}$")


def new_conversation_id() -> str:
    return "c-" + secrets.token_urlsafe(16)


@dataclass(frozen=True)
class Remembered:
    """What a follow-up needs of an earlier turn."""

    question: str
    resolved: str | None
    kind: str
    topic_slug: str | None
    anchor: str | None
    created_at: datetime


@dataclass(frozen=True)
class Conversation:
    """A conversation is its turns: `recent` holds its latest ones, newest first; none for a
    conversation that starts with this ask."""

    id: str
    recent: tuple[Remembered, ...] = ()


MEMORY = 5  # turns a follow-up looks back over


def load_or_start(conversation_id: str | None, ttl_hours: float) -> Conversation:
    """The live conversation with that id, or a new one (nothing stored until its first turn)
    when it is unknown or its latest turn is older than the time to live."""
    if conversation_id:
        with db.engine.connect() as connection:  # Core, not the ORM session: see record_turn
            found = connection.execute(_RECENT, {"conversation_id": conversation_id,
                                                 "limit": MEMORY})  # fmt: skip
            recent = tuple(Remembered(*row) for row in found)
        if recent and recent[0].created_at >= utcnow() - timedelta(hours=ttl_hours):
            return Conversation(conversation_id, recent)
    return Conversation(new_conversation_id())


def record_turn(conversation: Conversation, question: str, reply: Reply, payload: dict) -> int:
    """Store a question and its reply with one INSERT, committed; the turn's id."""
    # In a transaction of its own, outside the ORM session, whose machinery costs more than the
    # INSERT on the chat's busiest path: on SQLite straight through the DB-API, on PostgreSQL in
    # autocommit mode (row_insert).
    row = {
        "conversation_id": conversation.id,
        "question": question,
        "resolved": reply.resolved,
        "normalized": normalize(question)[:1000],
        "kind": reply.kind,
        "confidence": reply.confidence,
        "topic_slug": reply.topic_slug,
        "anchor": reply.anchor,
        "reply": payload,
        "helpful": None,
        "created_at": utcnow(),
    }
    return insert_row(db.engine, _TURNS, row)


_TURNS = Turn.__table__
_RECENT = (
    select(*(_TURNS.c[column.name] for column in fields(Remembered)))
    .where(_TURNS.c.conversation_id == bindparam("conversation_id"))
    .order_by(_TURNS.c.id.desc())
    .limit(bindparam("limit"))
)


def previous_turn(conversation: Conversation) -> Previous | None:
    """The last answered turn, as a follow-up reads it."""
    turn = next((t for t in conversation.recent if t.kind in ("answer", "clarify")), None)
    return Previous(turn.resolved or turn.question, turn.topic_slug, turn.anchor) if turn else None


def _latest_turns(conversation_id: str, limit: int) -> list[Turn]:
    query = (
        select(Turn)
        .where(Turn.conversation_id == conversation_id)
        .order_by(Turn.id.desc())
        .limit(limit)
    )
    return list(db.session.execute(query).scalars())


def recent_turns(conversation_id: str, limit: int = 20) -> list[Turn]:
    """The conversation's last turns, oldest first."""
    return list(reversed(_latest_turns(conversation_id, limit)))


def live_turns(conversation_id: str, ttl_hours: float, limit: int = 20) -> list[Turn]:
    """The conversation's last turns, oldest first, while it is live (its latest turn younger
    than the time to live, as load_or_start counts it); none when it is unknown or has ended."""
    turns = recent_turns(conversation_id, limit)
    if turns and turns[-1].created_at >= utcnow() - timedelta(hours=ttl_hours):
        return turns
    return []
