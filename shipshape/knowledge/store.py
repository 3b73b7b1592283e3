"""Topics in the database: every save is a revision, every change bumps the content version."""

from __future__ import annotations

from sqlalchemy import func, select, update

from ..extensions import db
from ..models import ContentState, Topic, TopicRevision, utcnow
from .topicfile import TopicDoc, parse_topic


def content_version() -> int:
    """The database's content version; 0 before anything was saved."""
    value = db.session.execute(select(ContentState.version).where(ContentState.id == 1)).scalar()
    return int(value or 0)


def _bump_version() -> int:
    result = db.session.execute(
        update(ContentState).where(ContentState.id == 1).values(version=ContentState.version + 1)
    )
    if result.rowcount == 0:
        db.session.add(ContentState(id=1, version=1))
        db.session.flush()
        return 1
    return content_version()


def get_topic(slug: str, include_deleted: bool = False) -> Topic | None:
    topic = db.session.execute(select(Topic).where(Topic.slug == slug)).scalar_one_or_none()
    if topic is None or (topic.deleted and not include_deleted):
        return None
    return topic


def live_topics() -> list[Topic]:
    return list(
        db.session.execute(select(Topic).where(Topic.deleted.is_(False)).order_by(Topic.slug))
        .scalars()
        .all()
    )


def live_slugs() -> set[str]:
    return set(db.session.execute(select(Topic.slug).where(Topic.deleted.is_(False))).scalars())


def _add_revision(topic: Topic, text: str, action: str, author: str | None) -> None:
    number = len(topic.revisions) + 1
    topic.revisions.append(
        TopicRevision(number=number, markdown=text, action=action, author=author)
    )


def write_topic(doc: TopicDoc, action: str, author: str | None = None) -> Topic | None:
    """Store a topic's new text as a revision; None when the text is unchanged. No commit."""
    topic = get_topic(doc.slug, include_deleted=True)
    if topic is not None and not topic.deleted and topic.markdown == doc.text:
        return None
    version = _bump_version()
    if topic is None:
        topic = Topic(slug=doc.slug, title=doc.title, group=doc.group, markdown=doc.text)
        db.session.add(topic)
    topic.title, topic.group, topic.markdown = doc.title, doc.group, doc.text
    topic.deleted, topic.version, topic.updated_at = False, version, utcnow()
    _add_revision(topic, doc.text, action, author)
    return topic


def mark_deleted(slug: str, author: str | None = None) -> Topic | None:
    """Hide a topic; its revisions stay, so a restore brings it back. No commit."""
    topic = get_topic(slug)
    if topic is None:
        return None
    topic.deleted, topic.version, topic.updated_at = True, _bump_version(), utcnow()
    _add_revision(topic, topic.markdown, "delete", author)
    return topic


def get_revision(slug: str, number: int) -> TopicRevision | None:
    query = (
        select(TopicRevision).join(Topic).where(Topic.slug == slug, TopicRevision.number == number)
    )
    return db.session.execute(query).scalar_one_or_none()


def latest_revision_number(slug: str) -> int:
    """The newest revision's number; 0 when the topic has none."""
    query = select(func.max(TopicRevision.number)).join(Topic).where(Topic.slug == slug)
    return int(db.session.execute(query).scalar() or 0)


def revisions_of(slug: str) -> list[TopicRevision]:
    """A topic's revisions, newest first; empty when there is no such topic."""
    query = (
        select(TopicRevision)
        .join(Topic)
        .where(Topic.slug == slug)
        .order_by(TopicRevision.number.desc())
    )
    return list(db.session.execute(query).scalars())


def deleted_topics() -> list[Topic]:
    query = select(Topic).where(Topic.deleted.is_(True)).order_by(Topic.updated_at.desc())
    return list(db.session.execute(query).scalars())


def changes_since(version: int) -> tuple[list[TopicDoc], list[str]]:
    """Topics changed after a content version: (live ones parsed, slugs of deleted ones)."""
    rows = db.session.execute(select(Topic).where(Topic.version > version)).scalars().all()
    changed = [to_doc(t) for t in rows if not t.deleted]
    removed = [t.slug for t in rows if t.deleted]
    return changed, removed


def to_doc(topic: Topic) -> TopicDoc:
    return parse_topic(topic.markdown, topic.slug)
