"""Saving from the topic editor: create without clobbering, edit without losing someone's update."""

from __future__ import annotations

import unicodedata

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Topic
from . import store
from .authoring import Problem, Saved, TopicRejected, check_topic, save_topic
from .library import Library
from .revisions import latest_number
from .topicfile import TopicDoc, TopicFormatError, parse_topic, slugify

MAX_SLUG = 120


class EditConflict(Exception):
    """Someone saved the topic after the editor opened it; nothing was written."""

    def __init__(self, slug: str, base: int, current: int):
        super().__init__(f"'{slug}' is at revision {current}, the edit started from {base}")
        self.slug, self.base, self.current = slug, base, current


class NoSuchTopic(LookupError):
    """The topic to edit does not exist, or is deleted."""


def suggested_slug(text: str) -> str:
    """A slug made from the topic's title (accents dropped); '' when there is no readable title."""
    try:
        title = parse_topic(text, "draft").title
    except TopicFormatError:
        return ""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    if not any(c.isalnum() for c in ascii_title):
        return ""  # slugify would answer its fallback, 'section'
    return slugify(ascii_title)[:MAX_SLUG].strip("-")


def _refuse_deleted_slug(slug: str) -> None:
    """A new topic must not quietly take over a deleted one's slug and history."""
    existing = store.get_topic(slug, include_deleted=True)
    if existing is not None and existing.deleted:
        message = f"a deleted topic '{slug}' exists: restore it, or pick another slug"
        raise TopicRejected([Problem("slug", message)])


def check_new_topic(text: str, slug: str) -> TopicDoc:
    """What create_topic would refuse, without saving: for a preview."""
    _refuse_deleted_slug(slug)
    return check_topic(text, slug, creating=True)


def create_topic(text: str, slug: str, library: Library, author: str | None) -> Saved:
    """Save a new topic; a slug already taken, even by a deleted topic, is refused."""
    _refuse_deleted_slug(slug)
    try:
        return save_topic(text, slug, library, author, creating=True)
    except TopicRejected:
        db.session.rollback()
        raise
    except IntegrityError as exc:  # another instructor created the same slug a moment ago
        db.session.rollback()
        raise TopicRejected([Problem("slug", f"a topic '{slug}' already exists")]) from exc


def edit_topic(text: str, slug: str, base: int, library: Library, author: str | None) -> Saved:
    """Save a new text for a live topic, only if its newest revision is still `base`."""
    _lock_topic(slug)
    current = latest_number(slug)
    if current != base:
        db.session.rollback()
        raise EditConflict(slug, base, current)
    try:
        return save_topic(text, slug, library, author)
    except TopicRejected:
        db.session.rollback()
        raise


def _lock_topic(slug: str) -> None:
    """Hold the topic's row until commit, so two saves from the same base cannot both pass."""
    locked = db.session.execute(
        update(Topic)
        .where(Topic.slug == slug, Topic.deleted.is_(False))
        .values(version=Topic.version)  # writes nothing new; takes the row (SQLite: db) lock
        .execution_options(synchronize_session=False)
    )
    if locked.rowcount == 0:
        db.session.rollback()
        raise NoSuchTopic(slug)
    # Objects loaded before the lock may predate a save that committed in between.
    db.session.expire_all()
