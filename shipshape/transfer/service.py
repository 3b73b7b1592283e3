"""Import a checked bundle in one transaction; the index learns of new topics right after."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..knowledge import store as topic_store
from ..knowledge.library import Library
from ..quizzes import store as quiz_store
from ..textfiles import ImportFailed, ImportReport
from .bundle import Bundle
from .checks import Plan, check_bundle


@dataclass
class TransferResult:
    """What an import did, by file name."""

    topics: ImportReport = field(default_factory=ImportReport)
    quizzes: ImportReport = field(default_factory=ImportReport)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"topics: {self.topics.summary()}; quizzes: {self.quizzes.summary()}"


def _write(plan: Plan, author: str | None) -> TransferResult:
    """Store each changed file as a new revision. No commit."""
    result = TransferResult()
    for file, doc in plan.topics:
        existed = topic_store.get_topic(doc.slug, include_deleted=True) is not None
        saved = topic_store.write_topic(doc, action="import", author=author)
        result.topics.record(file, existed, changed=saved is not None)
    for file, doc in plan.quizzes:
        existed = quiz_store.get_quiz(doc.slug, include_deleted=True) is not None
        saved = quiz_store.write_quiz(doc, action="import", author=author)
        result.quizzes.record(file, existed, changed=saved is not None)
    return result


def import_bundle(bundle: Bundle, library: Library, author: str | None) -> TransferResult:
    """Check everything, then write it all or nothing; ImportFailed lists every problem."""
    plan = check_bundle(bundle)
    try:
        result = _write(plan, author)
        db.session.commit()
    except IntegrityError as exc:  # someone created the same slug a moment ago
        db.session.rollback()
        raise ImportFailed(["upload: another change landed at the same time; try again"]) from exc
    except Exception:
        db.session.rollback()
        raise
    result.notes = list(bundle.notes)
    if result.topics.created or result.topics.updated:
        library.topics_changed()
    return result
