"""Words a long message puts side by side count for the sections that put them side by side too,
and the more for how few sections do."""

from __future__ import annotations

import pytest

from shipshape.chat.proximity import (
    PairRarity,
    message_pairs,
    story_pairs,
    word_pairs,
)
from shipshape.chat.reading import read_question
from shipshape.knowledge.catalog import Catalog
from shipshape.knowledge.hits import Hit
from shipshape.knowledge.topicfile import parse_topic

pytestmark = pytest.mark.database_independent

FILLER = frozenset({"the", "a", "of", "my", "i", "is", "it", "and", "to", "in", "after"})


def topic(title: str, sections: dict[str, str]) -> str:
    body = [f"{title} in short."] + [f"## {h}\n{text}" for h, text in sections.items()]
    return f"---\ntitle: {title}\n---\n" + "\n\n".join(body) + "\n"


TOPICS = {
    "volumes": topic("Volumes", {
        "Named volumes": "A named volume keeps data when the container is removed.",
        "Volume drivers": "Pick a driver when you create it: each is named by a plugin.",
    }),
    "images": topic("Images", {
        "Tags": "A tag names an image version.",
        "Dangling": "An image without a tag is dangling; a named tag moves to the new build.",
    }),
}  # fmt: skip


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.build([parse_topic(text, slug) for slug, text in TOPICS.items()])


@pytest.fixture(scope="module")
def rarity(catalog) -> PairRarity:
    return PairRarity.build(catalog, FILLER)


def hit(slug: str, anchor: str) -> Hit:
    return Hit(slug, anchor, "", "", "", "", "", 0, (), 1.0, frozenset(), frozenset())


def test_pairs_are_unordered_stems_with_filler_left_out():
    assert word_pairs("the cache of the build", FILLER, 1) == {("build", "cach")}
    assert word_pairs("builds cached", FILLER, 1) == word_pairs("cache builds", FILLER, 1)


def test_pairs_reach_only_as_far_as_asked():
    words = "volume data container removed"
    assert ("container", "volum") not in word_pairs(words, FILLER, 1)
    assert ("container", "volum") in word_pairs(words, FILLER, 2)
    assert ("remov", "volum") not in word_pairs(words, FILLER, 2)


def test_no_pair_spans_two_parts_of_a_message():
    assert message_pairs(("my volume", "data lost"), FILLER) == {("data", "lost")}


def test_a_section_holding_the_pair_close_counts_and_one_holding_its_words_apart_does_not(
    rarity,
):
    asked = word_pairs("named volume", FILLER, 1)
    assert rarity.weight(rarity.hashed(asked), hit("volumes", "named-volumes")) > 0
    assert (
        rarity.weight(rarity.hashed(asked), hit("volumes", "volume-drivers")) == 0
    )  # "volume" … "named"


def test_a_pair_few_sections_hold_weighs_more_than_one_many_hold(rarity):
    common = word_pairs("image tag", FILLER, 1)  # in Tags and in Dangling
    rare = word_pairs("new build", FILLER, 1)  # in Dangling only
    dangling = hit("images", "dangling")
    assert (
        rarity.weight(rarity.hashed(rare), dangling)
        > rarity.weight(rarity.hashed(common), dangling)
        > 0
    )


def test_a_section_the_catalog_does_not_know_holds_no_pairs(rarity):
    assert rarity.weight(rarity.hashed(word_pairs("named volume", FILLER, 1)), hit("gone", "")) == 0


def test_only_a_story_in_the_learners_own_words_is_read_for_pairs():
    story = read_question(
        "My data is gone\n\nI stored everything in a named volume and after I removed the "
        "container and started a new one the files were not there any more. What did I miss?"
    )
    beside_a_paste = read_question(
        "Named volume data vanishes after each build\n```\nFROM ubuntu\nRUN apt-get update\n"
        "RUN apt-get install curl\nVOLUME /data\nCMD python app.py\n```"
    )
    assert story.is_long and beside_a_paste.is_long
    assert ("name", "volum") in story_pairs(story, FILLER)
    assert story_pairs(beside_a_paste, FILLER) == frozenset()  # the words alone decide
    assert story_pairs(read_question("why is my named volume empty"), FILLER) == frozenset()


def test_counting_every_pair_at_once_gives_the_weights_counting_when_asked_gives(catalog):
    asked = PairRarity.hashed(word_pairs("a named tag moves to the new build", FILLER, 2))
    dangling = hit("images", "dangling")
    lazily = PairRarity.build(catalog, FILLER).weight(asked, dangling)
    assert lazily > 0
    assert PairRarity.build(catalog, FILLER).count_all().weight(asked, dangling) == lazily
