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
    conversation that starts with this ask. `owner` (a key's digest, or None) started it: a
    conversation is continued and read by its owner alone, so a `?c=` link passed on shows
    nothing to anyone else."""

    id: str
    recent: tuple[Remembered, ...] = ()
    owner: str | None = None


MEMORY = 5  # turns a follow-up looks back over


def load_or_start(
    conversation_id: str | None, ttl_hours: float, owner: str | None = None
) -> Conversation:
    """The owner's live conversation with that id, or a new one (nothing stored until its first
    turn) when it is unknown, someone else's, or its latest turn is older than the time to live."""
    if conversation_id:
        query = _RECENT_OPEN if owner is None else _RECENT_OWNED
        with db.engine.connect() as connection:  # Core, not the ORM session: see record_turn
            found = connection.execute(query, {"conversation_id": conversation_id,
                                               "owner": owner, "limit": MEMORY})  # fmt: skip
            recent = tuple(Remembered(*row) for row in found)
        if recent and recent[0].created_at >= utcnow() - timedelta(hours=ttl_hours):
            return Conversation(conversation_id, recent, owner)
    return Conversation(new_conversation_id(), owner=owner)


def record_turn(conversation: Conversation, question: str, reply: Reply, payload: dict) -> int:
    """Store a question and its reply with one INSERT, committed; the turn's id."""
    # In a transaction of its own, outside the ORM session, whose machinery costs more than the
    # INSERT on the chat's busiest path: on SQLite straight through the DB-API, on PostgreSQL in
    # autocommit mode (row_insert).
    row = {
        "conversation_id": conversation.id,
        "owner": conversation.owner,
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
_RECENT_OWNED = _RECENT.where(_TURNS.c.owner == bindparam("owner"))
_RECENT_OPEN = _RECENT.where(_TURNS.c.owner.is_(None))


def previous_turn(conversation: Conversation) -> Previous | None:
    """The last answered turn, as a follow-up reads it."""
    turn = next((t for t in conversation.recent if t.kind in ("answer", "clarify")), None)
    return Previous(turn.resolved or turn.question, turn.topic_slug, turn.anchor) if turn else None


def _latest_turns(conversation_id: str, owner: str | None, limit: int) -> list[Turn]:
    mine = Turn.owner.is_(None) if owner is None else Turn.owner == owner
    query = (
        select(Turn)
        .where(Turn.conversation_id == conversation_id, mine)
        .order_by(Turn.id.desc())
        .limit(limit)
    )
    return list(db.session.execute(query).scalars())


def recent_turns(conversation_id: str, owner: str | None = None, limit: int = 20) -> list[Turn]:
    """The conversation's last turns, oldest first, when `owner` started it (None: a conversation
    started by an API client without a key); none for anyone else."""
    return list(reversed(_latest_turns(conversation_id, owner, limit)))


def live_turns(
    conversation_id: str, ttl_hours: float, owner: str | None = None, limit: int = 20
) -> list[Turn]:
    """The conversation's last turns, oldest first, while it is live (its latest turn younger
    than the time to live, as load_or_start counts it) and `owner` started it; none when it is
    unknown, has ended or is someone else's."""
    turns = recent_turns(conversation_id, owner, limit)
    if turns and turns[-1].created_at >= utcnow() - timedelta(hours=ttl_hours):
        return turns
    return []


def conversations_of(owner: str | None, named: list[str] = ()) -> list[str]:
    """The conversations a learner's data holds: every one `owner` (a key's digest) started,
    and those `named` that nobody's key started (an API client's without one); never another
    learner's."""
    mine = Turn.owner == owner if owner else False
    keyless = Turn.conversation_id.in_(list(named)) & Turn.owner.is_(None)
    query = select(Turn.conversation_id).where(mine | keyless if owner else keyless).distinct()
    return sorted(db.session.execute(query).scalars())
