"""Question similarity weighs rare words most: an extra rare word counts against a phrasing."""

from __future__ import annotations

import pytest

from shipshape.chat.similarity import best_match, content_stems, cosine

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

FILLER = frozenset({"what", "is", "a", "an", "the", "how", "do", "i"})
RARITY = {"docker": 1.0, "imag": 1.5, "dangl": 4.0, "remov": 2.5}


def weigh(stem: str) -> float:
    return RARITY.get(stem, 3.0)


def stems(text: str) -> frozenset[str]:
    return content_stems(text, FILLER)


def test_a_common_extra_word_costs_little_and_a_rare_one_much():
    asked = stems("What is an image?")
    assert cosine(asked, stems("What is a Docker image?"), weigh) > 0.8
    assert cosine(asked, stems("What is a dangling image?"), weigh) < 0.4


def test_the_closest_phrasing_is_the_one_without_the_rare_extra_word():
    phrasings = [(q, stems(q)) for q in ("What is a dangling image?", "What is a Docker image?")]
    score, closest = best_match(stems("what is an image"), phrasings, weigh)
    assert closest == "What is a Docker image?"
    assert 0 < score <= 1


def test_nothing_in_common_is_zero_and_identical_is_one():
    assert cosine(stems("remove an image"), stems("what is docker"), weigh) == 0.0
    assert abs(cosine(stems("remove an image"), stems("remove the image"), weigh) - 1.0) < 1e-9
