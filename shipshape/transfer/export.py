"""Everything as one zip in the repository's layout; the same data always gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..knowledge import store as topic_store
from ..quizzes import store as quiz_store

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: no clock in the bytes
VOCABULARY_FILE = "_vocabulary.yaml"


def export_files(content_dir: str | Path | None) -> list[tuple[str, bytes]]:
    """(path in the zip, bytes) for the live topics, the vocabulary and the live quizzes, sorted."""
    topics = topic_store.live_topics()
    files = [(f"content/{t.slug}.md", t.markdown.encode("utf-8")) for t in topics]
    vocabulary = Path(content_dir) / VOCABULARY_FILE if content_dir else None
    if vocabulary is not None and vocabulary.is_file():
        files.append((f"content/{VOCABULARY_FILE}", vocabulary.read_bytes()))
    files += [(f"quiz/{q.slug}.yaml", q.source.encode("utf-8")) for q in quiz_store.live_quizzes()]
    return sorted(files)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever machine exports
    info.external_attr = 0o100644 << 16  # a plain file, rw-r--r--
    return info


def zip_files(files: list[tuple[str, bytes]]) -> bytes:
    """(name, bytes) pairs as a zip with nothing in it that changes from one run to the next."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in sorted(files):
            archive.writestr(_entry(name), data, compresslevel=6)
    return buffer.getvalue()


def export_zip(content_dir: str | Path | None) -> bytes:
    """The zip's bytes: content/<slug>.md, content/_vocabulary.yaml, quiz/<slug>.yaml."""
    return zip_files(export_files(content_dir))
