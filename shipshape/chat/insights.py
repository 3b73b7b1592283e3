"""What learners ask that the chat could not answer or that they marked unhelpful, grouped.

Turns are grouped by their normalized question (lowercase words, see smalltalk.normalize) with
question marks dropped, so "How do I X?" and "how do i x ?" land together. Grouping, ordering
and paging run in the database; only the page's groups are read in detail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, or_, select

from ..extensions import db
from ..models import Turn, utcnow
from .reply import NO_ANSWER

SHOWS = ("both", "no_answer", "thumbs_down")
ORDERS = ("recent", "frequent")
PAGE_SIZE = 20
SAMPLE_SIZE = 3  # original wordings shown per group
_READ_PER_GROUP = 10  # latest turns read per group to find distinct wordings


@dataclass(frozen=True)
class Filters:
    show: str = "both"  # one of SHOWS
    days: int | None = 30  # None: all time
    order: str = "recent"  # one of ORDERS
    page: int = 1


@dataclass(frozen=True)
class QuestionGroup:
    key: str
    count: int
    no_answer: int  # turns the chat could not answer
    thumbs_down: int  # turns a learner marked unhelpful
    first_asked: datetime
    last_asked: datetime
    latest_question: str  # the most recent original wording
    latest_kind: str
    latest_topic: str | None  # the topic the most recent reply came from, if any
    wordings: tuple[str, ...]  # distinct original wordings, newest first
    latest_reply: dict | None = None  # the reply as the learner got it, evidence (`why`) included


@dataclass(frozen=True)
class GroupPage:
    groups: list[QuestionGroup]
    total: int  # groups matching the filters, on every page
    page: int
    pages: int


def _group_key():
    # normalize() keeps '?', so "x?" and "x ?" would differ; the group ignores it.
    return func.trim(func.replace(func.replace(Turn.normalized, " ?", ""), "?", ""))


def _matching(filters: Filters, now: datetime):
    no_answer, thumbs_down = Turn.kind == NO_ANSWER, Turn.helpful.is_(False)
    picked = {"no_answer": no_answer, "thumbs_down": thumbs_down}.get(
        filters.show, or_(no_answer, thumbs_down)
    )
    if filters.days is not None:
        picked = and_(picked, Turn.created_at >= now - timedelta(days=filters.days))
    return picked


def _grouped(filters: Filters, now: datetime):
    turns = (
        select(_group_key().label("key"), Turn.kind, Turn.helpful, Turn.created_at)
        .where(_matching(filters, now))
        .subquery()
    )
    return select(
        turns.c.key,
        func.count().label("asked"),
        func.min(turns.c.created_at).label("first_at"),
        func.max(turns.c.created_at).label("last_at"),
        func.sum(case((turns.c.kind == NO_ANSWER, 1), else_=0)).label("unanswered"),
        func.sum(case((turns.c.helpful.is_(False), 1), else_=0)).label("unhelpful"),
    ).group_by(turns.c.key)


def _ordered(query, order: str):
    columns = query.selected_columns
    most, newest = columns.asked.desc(), columns.last_at.desc()
    first = (most, newest) if order == "frequent" else (newest, most)
    return query.order_by(*first, columns.key)


def question_groups(filters: Filters, now: datetime | None = None) -> GroupPage:
    """One page of question groups matching the filters, newest or most frequent first."""
    now = now or utcnow()
    grouped = _grouped(filters, now)
    total = db.session.execute(select(func.count()).select_from(grouped.subquery())).scalar_one()
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(max(1, filters.page), pages)
    query = _ordered(grouped, filters.order).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    rows = db.session.execute(query).all()
    latest = _latest_turns([row.key for row in rows], filters, now)
    groups = [_group(row, latest[row.key]) for row in rows if latest[row.key]]
    return GroupPage(groups, total, page, pages)


def _latest_turns(keys: list[str], filters: Filters, now: datetime) -> dict[str, list]:
    """The latest few matching turns of each group, newest first."""
    if not keys:
        return {}
    key = _group_key()
    newest_first = func.row_number().over(
        partition_by=key, order_by=(Turn.created_at.desc(), Turn.id.desc())
    )
    ranked = (
        select(
            key.label("key"),
            Turn.question,
            Turn.kind,
            Turn.topic_slug,
            Turn.reply,
            newest_first.label("n"),
        )
        .where(_matching(filters, now), key.in_(keys))
        .subquery()
    )
    query = select(ranked).where(ranked.c.n <= _READ_PER_GROUP).order_by(ranked.c.key, ranked.c.n)
    found: dict[str, list] = {k: [] for k in keys}
    for row in db.session.execute(query):
        found[row.key].append(row)
    return found


def _group(row, turns: list) -> QuestionGroup:
    latest = turns[0]
    wordings = list(dict.fromkeys(t.question for t in turns))[:SAMPLE_SIZE]
    return QuestionGroup(
        key=row.key,
        count=row.asked,
        no_answer=int(row.unanswered or 0),
        thumbs_down=int(row.unhelpful or 0),
        first_asked=row.first_at,
        last_asked=row.last_at,
        latest_question=latest.question,
        latest_kind=latest.kind,
        latest_topic=latest.topic_slug,
        wordings=tuple(wordings),
        latest_reply=latest.reply if isinstance(latest.reply, dict) else None,
    )
