"""Conversations in the database: recent turns are the chat's memory and the ask log."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from sqlalchemy import bindparam, inspect, select, update

from ..extensions import db
from ..models import Conversation, Turn, utcnow
from .followup import Previous
from .reply import Reply
from .smalltalk import normalize

CONVERSATION_ID_RE = re.compile(r"^c-[A-Za-z0-9_-]{16,64}$")


def new_conversation_id() -> str:
    return "c-" + secrets.token_urlsafe(16)


def load_or_start(conversation_id: str | None, ttl_hours: float) -> Conversation:
    """The live conversation with that id, or a new one (not stored until its first turn) when
    it is unknown or has expired."""
    if conversation_id:
        found = db.session.get(Conversation, conversation_id)
        if found is not None and found.updated_at >= utcnow() - timedelta(hours=ttl_hours):
            return found
    return Conversation(id=new_conversation_id())


def record_turn(conversation: Conversation, question: str, reply: Reply, payload: dict) -> int:
    """Store a question and its reply: one INSERT, after the conversation's own INSERT when it
    is new or the UPDATE of its updated_at; the turn's id. No commit."""
    # Plain Core statements with their values as parameters: compiled once per process, and no
    # ORM unit of work to flush.
    now, connection = utcnow(), db.session.connection()
    if inspect(conversation).transient:
        connection.execute(_OPEN, {"id": conversation.id, "created_at": now, "updated_at": now})
    else:
        connection.execute(_TOUCH, {"touched": conversation.id, "updated_at": now})
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
        "created_at": now,
    }
    return connection.execute(_ADD_TURN, row).inserted_primary_key[0]


_CONVERSATIONS = Conversation.__table__
_OPEN = _CONVERSATIONS.insert()
_TOUCH = update(_CONVERSATIONS).where(_CONVERSATIONS.c.id == bindparam("touched"))
_ADD_TURN = Turn.__table__.insert()


def previous_turn(conversation: Conversation) -> Previous | None:
    """The last answered turn, as a follow-up reads it."""
    if inspect(conversation).transient:  # just started: nothing to lean on, nothing to query
        return None
    last = _latest_turns(conversation.id, 5)
    turn = next((t for t in last if t.kind in ("answer", "clarify")), None)
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
