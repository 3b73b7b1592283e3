"""Instructors' topic changes: check, store as a revision, commit, update this process's index."""

from __future__ import annotations

from dataclasses import dataclass

from ..extensions import db
from . import store
from .files import unknown_references
from .library import Library
from .topicfile import TopicDoc, TopicFormatError, parse_topic


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


class TopicRejected(ValueError):
    """A topic text that cannot be saved; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Saved:
    slug: str
    revision: int | None  # None when the text was already the current one
    created: bool


def check_topic(text: str, slug: str, creating: bool = False) -> TopicDoc:
    """The parsed topic, or TopicRejected naming each field at fault."""
    try:
        doc = parse_topic(text, slug)
    except TopicFormatError as exc:
        raise TopicRejected([Problem(exc.field, exc.message)]) from exc
    if creating and store.get_topic(slug) is not None:
        raise TopicRejected([Problem("slug", f"a topic '{slug}' already exists")])
    unknown = unknown_references(doc, store.live_slugs() | {slug})
    if unknown:
        raise TopicRejected([Problem(key, f"there is no topic '{s}'") for key, s in unknown])
    return doc


def save_topic(
    text: str, slug: str, library: Library, author: str | None, creating: bool = False
) -> Saved:
    """Check and store a topic's text; the very next question can find it."""
    doc = check_topic(text, slug, creating)
    existed = store.get_topic(slug) is not None
    topic = store.write_topic(doc, action="edit" if existed else "create", author=author)
    return _commit(library, slug, topic, created=not existed)


def delete_topic(slug: str, library: Library, author: str | None) -> Saved | None:
    """Hide a topic from learners and search; None when there is no such live topic."""
    topic = store.mark_deleted(slug, author)
    return None if topic is None else _commit(library, slug, topic, created=False)


def restore_revision(slug: str, number: int, library: Library, author: str | None) -> Saved:
    """Make an earlier revision the current text again (also brings back a deleted topic)."""
    revision = store.get_revision(slug, number)
    if revision is None:
        raise TopicRejected([Problem("revision", f"'{slug}' has no revision {number}")])
    doc = check_topic(revision.markdown, slug)
    topic = store.write_topic(doc, action="restore", author=author)
    return _commit(library, slug, topic, created=False)


def _commit(library: Library, slug: str, topic, created: bool) -> Saved:
    number = topic.revisions[-1].number if topic is not None else None
    db.session.commit()
    if topic is not None:
        library.topics_changed()
    return Saved(slug, number, created)
