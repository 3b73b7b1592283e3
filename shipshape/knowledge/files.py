"""content/ as files: import a folder of topic files into the database, export it back."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..extensions import db
from . import store
from .topicfile import TopicDoc, TopicFormatError, parse_topic


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


class ImportFailed(ValueError):
    """Some files were not valid; nothing was imported. `problems` lists 'file: field: message'."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def topic_files(folder: str | Path) -> list[Path]:
    """The topic files of a content folder; files starting with '_' are data, not topics."""
    return sorted(p for p in Path(folder).glob("*.md") if not p.name.startswith("_"))


def read_text_exactly(path: Path) -> str:
    """A file's text with its line endings as they are, and without a byte-order mark."""
    return path.read_bytes().decode("utf-8-sig")


def parse_folder(folder: str | Path) -> list[TopicDoc]:
    """Parse every topic file, collecting all problems before failing."""
    docs, problems = [], []
    for path in topic_files(folder):
        try:
            docs.append(parse_topic(read_text_exactly(path), path.stem))
        except (TopicFormatError, UnicodeDecodeError) as exc:
            problems.append(f"{path.name}: {exc}")
    problems += check_references(docs, known=store.live_slugs())
    if problems:
        raise ImportFailed(problems)
    return docs


def check_references(docs: list[TopicDoc], known: set[str]) -> list[str]:
    """Problems with related and compare slugs that name no topic."""
    slugs = known | {d.slug for d in docs}
    problems = []
    for doc in docs:
        for key, values in (("related", doc.related), ("compare", doc.compare)):
            problems += [f"{doc.slug}.md: {key}: no topic '{s}'" for s in values if s not in slugs]
    return problems


def import_docs(docs: list[TopicDoc], author: str | None = None) -> ImportReport:
    """Save each topic whose text changed as a new revision, in one transaction."""
    report = ImportReport()
    for doc in docs:
        existed = store.get_topic(doc.slug, include_deleted=True) is not None
        saved = store.write_topic(doc, action="import", author=author)
        target = (
            report.unchanged if saved is None else report.updated if existed else report.created
        )
        target.append(doc.slug)
    db.session.commit()
    return report


def import_folder(folder: str | Path, author: str | None = None) -> ImportReport:
    return import_docs(parse_folder(folder), author)


def export_folder(folder: str | Path) -> list[Path]:
    """Write every live topic's text, byte for byte, as <slug>.md."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for topic in store.live_topics():
        path = target / f"{topic.slug}.md"
        tmp = path.with_suffix(".md.tmp")
        tmp.write_bytes(topic.markdown.encode("utf-8"))
        os.replace(tmp, path)
        written.append(path)
    return written
