"""A topic's revisions as plain data: the history, one revision's text, a line diff of two."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from . import store

CONTEXT_LINES = 3


@dataclass(frozen=True)
class RevisionInfo:
    number: int
    action: str  # create | edit | import | delete | restore
    author: str | None
    created_at: datetime


@dataclass(frozen=True)
class RevisionText:
    info: RevisionInfo
    text: str


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "context" | "added" | "removed"
    old_number: int | None
    new_number: int | None
    text: str

    @property
    def marker(self) -> str:
        """The unified-diff marker, so a diff reads the same without colour."""
        return {"added": "+", "removed": "-"}.get(self.kind, " ")


@dataclass(frozen=True)
class Hunk:
    old_start: int
    old_count: int
    new_start: int
    new_count: int
    lines: tuple[DiffLine, ...]

    @property
    def header(self) -> str:
        return f"@@ -{self.old_start},{self.old_count} +{self.new_start},{self.new_count} @@"


@dataclass(frozen=True)
class TextDiff:
    hunks: tuple[Hunk, ...]
    added: int
    removed: int

    @property
    def identical(self) -> bool:
        return not self.hunks


@dataclass(frozen=True)
class RevisionDiff:
    old: RevisionInfo
    new: RevisionInfo
    diff: TextDiff


def _hunk(old: list[str], new: list[str], group: list[tuple]) -> Hunk:
    lines: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in group:
        if tag == "equal":
            span = range(i2 - i1)
            lines += [DiffLine("context", i1 + k + 1, j1 + k + 1, old[i1 + k]) for k in span]
            continue
        lines += [DiffLine("removed", i + 1, None, old[i]) for i in range(i1, i2)]
        lines += [DiffLine("added", None, j + 1, new[j]) for j in range(j1, j2)]
    first, last = group[0], group[-1]
    return Hunk(first[1] + 1, last[2] - first[1], first[3] + 1, last[4] - first[3], tuple(lines))


def diff_texts(old_text: str, new_text: str, context: int = CONTEXT_LINES) -> TextDiff:
    """A line diff of two texts in hunks with `context` unchanged lines around each change."""
    old, new = old_text.splitlines(), new_text.splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    hunks = tuple(_hunk(old, new, g) for g in matcher.get_grouped_opcodes(context))
    kinds = [line.kind for hunk in hunks for line in hunk.lines]
    return TextDiff(hunks, kinds.count("added"), kinds.count("removed"))


def _info(revision) -> RevisionInfo:
    return RevisionInfo(revision.number, revision.action, revision.author, revision.created_at)


def history(slug: str) -> list[RevisionInfo]:
    """Every revision of a topic, deleted or not, newest first; empty when there is no topic."""
    return [_info(r) for r in store.revisions_of(slug)]


def revision_text(slug: str, number: int) -> RevisionText | None:
    revision = store.get_revision(slug, number)
    return None if revision is None else RevisionText(_info(revision), revision.markdown)


def latest_number(slug: str) -> int:
    """The newest revision's number; 0 when the topic has none."""
    return store.latest_revision_number(slug)


def compare(slug: str, old: int, new: int) -> RevisionDiff | None:
    """The diff from revision `old` to revision `new`; None when either does not exist."""
    before, after = revision_text(slug, old), revision_text(slug, new)
    if before is None or after is None:
        return None
    return RevisionDiff(before.info, after.info, diff_texts(before.text, after.text))
