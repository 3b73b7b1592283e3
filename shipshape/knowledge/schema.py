"""What the index holds per section, and how a whole new index is written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from .analysis import text_analyzer
from .documents import section_documents
from .segment_words import FIELD as WORDS_FIELD
from .segment_words import save_counts
from .topicfile import TopicDoc

# Whoosh's estimate of its postings pool before it pickles a sorted run to disk and merges the
# runs back at commit (a pickle per posting). 10,000 sections are about 110 MB by its estimate,
# less in fact; sorting them in memory took two fifths off a full build.
BUILD_POOL_MB = 512


def make_schema() -> Schema:
    text = text_analyzer()
    return Schema(
        id=ID(unique=True, stored=True),
        slug=ID(stored=True),
        anchor=STORED,
        title=STORED,
        heading=STORED,
        # Fewer, wider fields keep a query to three matchers per word: title with heading,
        # alternate questions with tags, and the body.
        head=TEXT(analyzer=text, field_boost=3.0, phrase=False),
        questions=TEXT(analyzer=text, field_boost=2.0, phrase=False),
        commands=KEYWORD(commas=True, lowercase=True, stored=True, scorable=True),
        body=TEXT(analyzer=text, stored=True, phrase=False),
        # The section's distinct surface words. Typo correction needs only how many sections
        # hold each word, kept per segment beside the index (segment_words.py): as postings
        # they were half of every build's work.
        words=STORED,
        markdown=STORED,
        # The stems of the section's text and of its title, heading, questions and tags: what
        # coverage checks a question against.
        stems=STORED,
        key_stems=STORED,
        group=STORED,
        order=STORED,
    )


def write_generation(folder: Path, topics: Iterable[TopicDoc]) -> None:
    """A new index of the topics in an empty folder: one segment, with its word counts."""
    ix = whoosh_index.create_in(str(folder), make_schema())
    writer = ix.writer(limitmb=BUILD_POOL_MB)
    counts: Counter = Counter()
    for topic in topics:
        for document in section_documents(topic):
            writer.add_document(**document)
            counts.update(document[WORDS_FIELD].split())
    writer.commit(optimize=True)
    with ix.reader() as reader:
        save_counts(folder, reader, fresh=counts)
