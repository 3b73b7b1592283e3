"""The chat's turns expire: the ask log and its feedback are kept as long as the operator says."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete

from ..extensions import db
from ..models import Turn


def purge_turns(before: datetime) -> int:
    """Delete every turn asked before `before` (conversations go with their turns); returns how
    many. A conversation idle longer than its TTL starts afresh anyway. Commits."""
    removed = db.session.execute(delete(Turn).where(Turn.created_at < before)).rowcount
    db.session.commit()
    return removed
