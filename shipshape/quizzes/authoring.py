"""Instructors' quiz changes: check, store as a revision, commit once.

Attempts already started keep the revision they began on, so an edit never changes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..knowledge.catalog import Catalog
from ..knowledge.library import Library
from ..models import Quiz
from . import history, store
from .bank import QuizDoc
from .checks import Problem, load_raw, read_quiz, warnings_for


class QuizRejected(ValueError):
    """A quiz text that cannot be saved; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class QuizConflict(Exception):
    """Someone else changed the quiz since the text was loaded; nothing was written."""

    def __init__(self, message: str, current: int):
        super().__init__(message)
        self.message, self.current = message, current


@dataclass(frozen=True)
class Saved:
    slug: str
    revision: int | None  # None when the text was already the current one
    created: bool
    question_count: int
    warnings: tuple[Problem, ...] = ()


def check_quiz_text(text: str, slug: str, catalog: Catalog, creating: bool = False) -> QuizDoc:
    """The parsed quiz, or QuizRejected listing every problem with where it is."""
    problems = []
    if creating and store.get_quiz(slug) is not None:
        problems.append(Problem("slug", f"a quiz '{slug}' already exists"))
    doc, found = read_quiz(text, slug, catalog)
    if problems or found:
        raise QuizRejected(problems + found)
    return doc


def _guard(quiz: Quiz | None, base_revision: int) -> None:
    """Refuse to overwrite what was saved after the editor loaded revision `base_revision`."""
    current = history.current_number(quiz)
    if quiz is not None and quiz.deleted:
        raise QuizConflict("This quiz was deleted after you opened it; restore it first.", current)
    if current != base_revision:
        raise QuizConflict(
            f"Revision {current} was saved after revision {base_revision}, the one you edited.",
            current,
        )


def save_quiz(
    text: str,
    slug: str,
    library: Library,
    author: str | None,
    creating: bool = False,
    base_revision: int | None = None,
) -> Saved:
    """Check and store a quiz's text as a new revision; new attempts use it at once."""
    library.ensure_fresh(force=True)  # check against topics other processes just saved
    doc = check_quiz_text(text, slug, library.catalog, creating)
    quiz = store.get_quiz(slug, include_deleted=True)
    if base_revision is not None:
        _guard(quiz, base_revision)
    existed = quiz is not None and not quiz.deleted
    quiz = store.write_quiz(doc, action="edit" if existed else "create", author=author)
    return _commit(slug, quiz, doc, created=not existed, catalog=library.catalog)


def delete_quiz(slug: str, author: str | None) -> Saved | None:
    """Hide a quiz from learners; attempts under way can still be finished. None if no quiz."""
    quiz = history.mark_deleted(slug, author)
    if quiz is None:
        return None
    return _commit(slug, quiz, None, created=False, catalog=None)


def restore_quiz_revision(slug: str, number: int, library: Library, author: str | None) -> Saved:
    """Make an earlier revision the current text again (also brings back a deleted quiz)."""
    revision = history.get_revision(slug, number)
    if revision is None:
        raise QuizRejected([Problem("revision", f"'{slug}' has no revision {number}")])
    library.ensure_fresh(force=True)
    doc = check_quiz_text(revision.source, slug, library.catalog)
    quiz = store.write_quiz(doc, action="restore", author=author)
    return _commit(slug, quiz, doc, created=False, catalog=library.catalog)


def _commit(
    slug: str, quiz: Quiz | None, doc: QuizDoc | None, created: bool, catalog: Catalog | None
) -> Saved:
    number = quiz.revisions[-1].number if quiz is not None else None
    try:
        db.session.commit()
    except IntegrityError as exc:  # two saves raced for the same revision number or slug
        db.session.rollback()
        current = history.current_number(store.get_quiz(slug, include_deleted=True))
        raise QuizConflict("Someone saved this quiz at the same moment.", current) from exc
    count = len(doc.questions) if doc is not None else 0
    warnings = tuple(warnings_for(doc, catalog)) if doc is not None and catalog else ()
    return Saved(slug, number, created, count, warnings)


def suggested_slug(text: str) -> str:
    """A slug made from the quiz's title, or '' when the text has none."""
    data = load_raw(text)
    title = data.get("title") if isinstance(data, dict) else None
    words = re.findall(r"[a-z0-9]+", title.lower()) if isinstance(title, str) else []
    return "-".join(words)[:120].strip("-")
