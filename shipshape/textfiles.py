"""Files instructors keep in git (topics, quizzes): read and written byte for byte."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged"
        )

    def record(self, slug: str, existed: bool, changed: bool) -> None:
        target = self.updated if existed else self.created
        (target if changed else self.unchanged).append(slug)


class ImportFailed(ValueError):
    """Some files were not valid; nothing was imported. `problems` lists 'file: field: message'."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def read_text_exactly(path: Path) -> str:
    """A file's text with its line endings as they are, and without a byte-order mark."""
    return path.read_bytes().decode("utf-8-sig")


def write_texts(folder: str | Path, texts: Iterable[tuple[str, str]]) -> list[Path]:
    """Write (file name, text) pairs byte for byte; each file is replaced whole or not at all."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in texts:
        path = target / name
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(text.encode("utf-8"))
        os.replace(tmp, path)
        written.append(path)
    return written


def import_each(
    slugs_and_docs: Iterable[tuple[str, object]],
    exists: Callable[[str], bool],
    save: Callable[[object], object | None],
) -> ImportReport:
    """Save each document (save returns None when its text is unchanged) and report what changed."""
    report = ImportReport()
    for slug, doc in slugs_and_docs:
        existed = exists(slug)
        report.record(slug, existed, save(doc) is not None)
    return report
