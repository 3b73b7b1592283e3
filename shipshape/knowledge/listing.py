"""Topics for the instructors' list: filtered by title, slug or group, with their counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from ..extensions import db
from ..models import Topic, TopicRevision

MAX_QUERY = 200


@dataclass(frozen=True)
class TopicRow:
    slug: str
    title: str
    group: str
    latest_revision: int  # revisions are numbered 1, 2, …: also how many there are
    updated_at: datetime
    last_author: str | None
    deleted: bool


def _latest_revision():
    return (
        select(func.max(TopicRevision.number))
        .where(TopicRevision.topic_id == Topic.id)
        .scalar_subquery()
    )


def _last_author():
    return (
        select(TopicRevision.author)
        .where(TopicRevision.topic_id == Topic.id)
        .order_by(TopicRevision.number.desc())
        .limit(1)
        .scalar_subquery()
    )


def _matching(query: str):
    words = query.split()
    columns = (Topic.title, Topic.slug, Topic.group)
    # every word must appear in one of the columns; autoescape keeps % and _ literal
    return [or_(*(c.icontains(word, autoescape=True) for c in columns)) for word in words]


def topic_rows(query: str = "", deleted: bool = False) -> list[TopicRow]:
    """Live (or deleted) topics whose title, slug or group contain every word of `query`."""
    statement = (
        select(Topic.slug, Topic.title, Topic.group, Topic.updated_at)
        .add_columns(_latest_revision(), _last_author())
        .where(Topic.deleted.is_(deleted), *_matching(query[:MAX_QUERY]))
        .order_by(Topic.updated_at.desc() if deleted else func.lower(Topic.title))
    )
    return [
        TopicRow(slug, title, group, latest or 0, updated_at, author, deleted)
        for slug, title, group, updated_at, latest, author in db.session.execute(statement)
    ]


def topic_count(deleted: bool = False) -> int:
    statement = select(func.count(Topic.id)).where(Topic.deleted.is_(deleted))
    return int(db.session.execute(statement).scalar() or 0)
