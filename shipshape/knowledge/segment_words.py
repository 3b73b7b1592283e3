"""How many sections of each index segment hold each surface word: typo correction's vocabulary.

These counts were a Whoosh field (`words`) whose postings were half of every build's work, and
typo correction only ever read its word list and document frequencies. A file beside each
segment holds the same figures: Whoosh's, segment by segment, so deleted sections still count
until a merge drops them, as they did in the field's term statistics. Each section stores its
distinct words, so a segment that a merge makes is counted from its own sections.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from whoosh.reading import SegmentReader

FIELD = "words"  # the stored field: a section's distinct surface words, space-separated
# Named like the segment's own files, so Whoosh deletes it with them when a merge retires it.
SUFFIX = ".words"


def counts_path(folder: Path, segment_id: str) -> Path:
    return folder / f"{segment_id}{SUFFIX}"


def write_counts(folder: Path, segment_id: str, counts: Mapping[str, int]) -> None:
    """Write a segment's counts whole: readers see the old file or the new, never a part."""
    lines = "".join(f"{word} {count}\n" for word, count in sorted(counts.items()))
    tmp = folder / f".{segment_id}{SUFFIX}.{uuid.uuid4().hex}"  # a dot: Whoosh leaves it be
    tmp.write_text(lines, encoding="utf-8")
    os.replace(tmp, counts_path(folder, segment_id))


def read_counts(folder: Path, segment_id: str) -> dict[str, int] | None:
    """A segment's counts, None when it has no file yet."""
    try:
        text = counts_path(folder, segment_id).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    pairs = (line.split(" ") for line in text.splitlines())
    return {word: int(count) for word, count in pairs}


def count_stored_words(reader: SegmentReader) -> Counter:
    """Count the words of every section of a segment, deleted ones too (Whoosh's term
    statistics count them until a merge drops them)."""
    counts: Counter = Counter()
    for number in range(reader.doc_count_all()):
        counts.update(reader.stored_fields(number)[FIELD].split())
    return counts


def segments(reader) -> list[SegmentReader]:
    """The segment readers under a reader (none for an empty index)."""
    return [leaf for leaf, _ in reader.leaf_readers() if isinstance(leaf, SegmentReader)]


def segment_counts(folder: Path, reader: SegmentReader) -> dict[str, int]:
    """One segment's counts: from its file, else counted from its sections and written."""
    segment_id = reader.segment().segment_id()
    found = read_counts(folder, segment_id)
    if found is None:
        found = count_stored_words(reader)
        write_counts(folder, segment_id, found)
    return found


def save_counts(folder: Path, reader, fresh: Counter | None = None) -> None:
    """Give every segment of an index its counts file, after a commit. `fresh` are the counts
    of a whole index just written as one segment, which then need no reading back."""
    leaves = segments(reader)
    if fresh is not None and len(leaves) == 1:
        write_counts(folder, leaves[0].segment().segment_id(), fresh)
        return
    for leaf in leaves:
        segment_counts(folder, leaf)


def index_counts(folder: Path, reader) -> dict[str, int]:
    """Each word's number of sections in the whole index: the sum over its segments, as Whoosh
    sums a term's document frequency."""
    total: Counter = Counter()
    for leaf in segments(reader):
        total.update(segment_counts(folder, leaf))
    return dict(total)
