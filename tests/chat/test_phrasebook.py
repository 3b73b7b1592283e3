"""The phrasebook's shortlist (numpy) finds just what comparing every phrasing would find."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from shipshape.chat.phrasebook import TOPIC, Phrasebook
from shipshape.chat.similarity import best_match, content_stems, cosine, squared_norm
from shipshape.knowledge.catalog import Catalog
from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import parse_topic

pytestmark = pytest.mark.database_independent

CONTENT = Path(__file__).resolve().parents[2] / "content"
FILLER = frozenset({"what", "is", "a", "an", "the", "how", "do", "i", "to", "of", "my"})
QUESTIONS = [
    "what is an image",
    "how do I remove all stopped containers",
    "docker run port mapping",
    "list images",
    "why does my container exit right away",
    "copy files from a container to the host",
    "volume",
]


@pytest.fixture(scope="module")
def book() -> Phrasebook:
    docs = [parse_topic(p.read_text(), p.stem) for p in topic_files(CONTENT)]
    return Phrasebook(Catalog.build(docs), FILLER)


def weigh(stem: str) -> float:
    """A fixed, uneven weight per stem, as rarity would give."""
    return 1.0 + zlib.crc32(stem.encode()) % 700 / 100


def every_phrasing(book: Phrasebook, words: frozenset[str], limit: int):
    """The phrasebook's answer worked out the long way: every phrasing sharing a stem, compared."""
    shared = {n for stem in words for n in book.by_stem.get(stem, ())}
    scored = sorted(
        ((cosine(words, book.entries[n].stems, weigh), n) for n in shared), reverse=True
    )
    found = {}
    for _, number in scored:
        entry = book.entries[number]
        found.setdefault((entry.slug, entry.anchor), entry)
        if len(found) == limit:
            break
    return list(found.values())


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("limit", [1, 8, 400])
def test_closest_finds_what_comparing_every_phrasing_finds(book, question, limit):
    words = content_stems(question, FILLER)

    found = book.closest(words, weigh, limit)

    assert found, "the bundled phrasings should share a word with the question"
    assert found == every_phrasing(book, words, limit)


def test_phrasings_with_the_same_words_keep_their_order(book):
    entry = next(e for e in book.entries if len(e.stems) > 1)
    twins = [n for n, e in enumerate(book.entries) if e.stems == entry.stems]
    words = frozenset(entry.stems)  # a copy: the same stems in a set of its own

    assert book.closest(words, weigh, 3) == every_phrasing(book, words, 3)
    assert book.closest(words, weigh, 1)[0] is book.entries[max(twins)]


def test_no_shared_word_finds_nothing(book):
    assert book.closest(frozenset({"zzzunknownzzz"}), weigh, 8) == []


def test_a_squared_norm_is_the_sum_of_squared_weights_per_weigher():
    stems = frozenset({"imag", "dangl"})

    assert squared_norm(stems, weigh) == sum(weigh(s) ** 2 for s in stems)
    assert squared_norm(stems, lambda s: 2.0) == 8.0  # another weigher, other weights


@pytest.mark.parametrize("question", QUESTIONS)
def test_similarities_give_each_place_the_cosine_of_its_closest_phrasing(book, question):
    words = content_stems(question, FILLER)
    similar = book.similarities(words, weigh)

    for (kind, slug, anchor), numbers in book.groups.items():
        entries = [book.entries[n] for n in numbers]
        expected, text = best_match(words, [(e.text, e.stems) for e in entries], weigh)
        score, closest = similar.best(kind, slug, anchor)
        assert score == pytest.approx(expected, abs=1e-12)
        assert closest == text or score == pytest.approx(
            cosine(words, content_stems(closest, FILLER), weigh), abs=1e-12
        )


def test_a_place_without_phrasings_of_a_kind_scores_nothing(book):
    similar = book.similarities(content_stems("list images", FILLER), weigh)

    assert similar.best(TOPIC, "no-such-topic", "") == (0.0, None)
