"""content/ as files: import a folder of topic files into the database, export it back."""

from __future__ import annotations

from pathlib import Path

from ..extensions import db
from ..textfiles import ImportFailed, ImportReport, import_each, read_text_exactly, write_texts
from . import store
from .topicfile import TopicDoc, TopicFormatError, parse_topic


def topic_files(folder: str | Path) -> list[Path]:
    """The topic files of a content folder; files starting with '_' are data, not topics."""
    return sorted(p for p in Path(folder).glob("*.md") if not p.name.startswith("_"))


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
    return [
        f"{doc.slug}.md: {key}: no topic '{missing}'"
        for doc in docs
        for key, missing in unknown_references(doc, slugs)
    ]


def unknown_references(doc: TopicDoc, slugs: set[str]) -> list[tuple[str, str]]:
    """(field, slug) for each related or compare entry that names no topic."""
    return [
        (key, slug)
        for key, values in (("related", doc.related), ("compare", doc.compare))
        for slug in values
        if slug not in slugs
    ]


def import_docs(docs: list[TopicDoc], author: str | None = None) -> ImportReport:
    """Save each topic whose text changed as a new revision, in one transaction."""
    report = import_each(
        ((d.slug, d) for d in docs),
        exists=lambda slug: store.get_topic(slug, include_deleted=True) is not None,
        save=lambda doc: store.write_topic(doc, action="import", author=author),
    )
    db.session.commit()
    return report


def import_folder(folder: str | Path, author: str | None = None) -> ImportReport:
    return import_docs(parse_folder(folder), author)


def export_folder(folder: str | Path) -> list[Path]:
    """Write every live topic's text, byte for byte, as <slug>.md."""
    return write_texts(folder, ((f"{t.slug}.md", t.markdown) for t in store.live_topics()))
