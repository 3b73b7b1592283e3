"""Questions become term queries over the real content: typos fixed, query syntax meaningless."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from whoosh.query import Term

from shipshape.extensions import db
from shipshape.knowledge import store
from shipshape.knowledge.analysis import tokenize
from shipshape.knowledge.coverage import coverage
from shipshape.knowledge.generations import CURRENT
from shipshape.knowledge.search import (
    build_query,
    correct_word,
    plan_query,
    search_sections,
)
from shipshape.knowledge.topicfile import parse_topic

from .samples import NO_WORDS


def ask(library, question: str):
    plan = plan_query(question, library.index, library.vocabulary, library.catalog.commands)
    return plan, search_sections(library.index, plan)


def test_a_plain_question_finds_the_matching_section(library):
    _, hits = ask(library, "how do I list all containers including stopped ones")

    assert hits[0].slug == "docker-container-ls"


def test_a_command_phrase_in_a_question_finds_the_command_topic(library):
    plan, hits = ask(library, "what does docker ps -a do")

    assert plan.commands == ("docker ps",)
    assert hits[0].slug == "docker-container-ls"


QUERY_SYNTAX = ["AND (", "*", "title:foo", '"unbalanced', "name~2", "[a TO z]", "image OR", "ls^9"]


@pytest.mark.parametrize("question", QUERY_SYNTAX)
def test_whoosh_query_syntax_is_only_words(library, question):
    plan, hits = ask(library, question)

    words = set(tokenize(question)) | set(plan.corrections.values())
    assert {group.word for group in plan.groups} <= words
    assert all(isinstance(leaf, Term) for leaf in build_query(plan).leaves())
    assert isinstance(hits, list)


def test_a_field_prefix_is_searched_as_two_words(library):
    plan, _ = ask(library, "title:layers")

    assert [group.word for group in plan.groups] == ["title", "layers"]


def test_a_question_of_only_filler_finds_nothing(library):
    plan, hits = ask(library, "what is it")

    assert plan.empty
    assert hits == []


@pytest.mark.parametrize(("typo", "word"), [("continer", "container"), ("contaner", "container")])
def test_a_typo_is_corrected_to_a_word_of_the_content(library, typo, word):
    assert correct_word(typo, library.index, library.vocabulary) == word


def test_a_word_that_stems_like_its_nearest_known_word_is_no_typo(library):
    assert library.index.similar_words("imag", 1)[0][0] == "image"
    assert correct_word("imag", library.index, library.vocabulary) == "imag"


def test_did_you_mean_is_offered_only_for_unknown_words(library):
    typo, _ = ask(library, "how do I list every continer")
    correct, _ = ask(library, "how do I list every container")

    assert typo.corrections == {"continer": "container"}
    assert correct.corrections == {}


def test_a_corrected_question_finds_what_the_correct_one_finds(library):
    _, typo_hits = ask(library, "list every continer")
    _, hits = ask(library, "list every container")

    assert [(h.slug, h.anchor) for h in typo_hits[:3]] == [(h.slug, h.anchor) for h in hits[:3]]


@pytest.mark.parametrize("word", ["rn", "cpy", "ruj", "tsg"])
def test_words_shorter_than_four_letters_are_never_corrected(library, word):
    assert library.index.similar_words(word, 1)  # a correction was there to be made
    assert correct_word(word, library.index, library.vocabulary) == word


def test_known_words_and_filler_are_never_corrected(library):
    vocabulary = replace(library.vocabulary, known_words=frozenset({"continer"}))

    assert correct_word("continer", library.index, vocabulary) == "continer"
    assert correct_word("explain", library.index, library.vocabulary) == "explain"


def test_coverage_is_full_when_a_section_has_every_word_and_partial_otherwise(small_index):
    plan = plan_query("unused volumes", small_index, NO_WORDS)
    hits = {h.anchor: h for h in search_sections(small_index, plan)}

    assert coverage(plan, hits["remove-unused-volumes"]) == 1.0
    assert 0.0 < coverage(plan, hits["create-a-volume"]) < 1.0


def test_coverage_asked_again_and_in_turn_is_each_sections_own(small_index):
    plan = plan_query("unused volumes", small_index, NO_WORDS)
    hits = {h.anchor: h for h in search_sections(small_index, plan)}
    full, partial = hits["remove-unused-volumes"], hits["create-a-volume"]
    other = plan_query("create volumes", small_index, NO_WORDS)

    figures = [coverage(plan, full), coverage(plan, full), coverage(plan, partial)]
    figures += [coverage(other, partial), coverage(plan, full)]

    assert figures[:2] == [1.0, 1.0] and figures[4] == 1.0
    assert 0.0 < figures[2] < 1.0 and figures[3] == 1.0


def test_coverage_counts_a_command_phrase_only_for_its_topic(small_index, small_catalog):
    plan = plan_query("docker ps", small_index, NO_WORDS, small_catalog.commands)
    listing = search_sections(small_index, plan)[0]
    volumes = search_sections(small_index, plan_query("unused", small_index, NO_WORDS))[0]

    assert listing.slug == "docker-container-ls"
    assert coverage(plan, listing) > 0.0
    assert coverage(plan, volumes) == 0.0


def test_a_deleted_index_folder_is_rebuilt_by_ensure_fresh(library):
    library.index.close()
    shutil.rmtree(library.index.root)

    library.ensure_fresh(force=True)

    assert (library.index.root / CURRENT).is_file()
    assert library.index.applied_version() == store.content_version()
    _, hits = ask(library, "how do I list all containers")
    assert hits[0].slug == "docker-container-ls"


NEW_TOPIC = """\
---
title: Healthchecks
---
A HEALTHCHECK instruction tells the engine how to probe a container.

## Probe intervals
Zanzibarite checks run every thirty seconds by default.
"""


def test_a_committed_new_topic_is_searchable_after_topics_changed(library):
    store.write_topic(parse_topic(NEW_TOPIC, "healthchecks"), action="edit")
    db.session.commit()

    library.topics_changed()

    assert library.index.applied_version() == store.content_version()
    assert library.catalog.get("healthchecks").title == "Healthchecks"
    _, hits = ask(library, "zanzibarite")
    assert [(h.slug, h.anchor) for h in hits] == [("healthchecks", "probe-intervals")]


def test_a_deleted_topic_is_no_longer_found_after_topics_changed(library):
    store.mark_deleted("dangling-images")
    db.session.commit()

    library.topics_changed()

    assert library.catalog.get("dangling-images") is None
    _, hits = ask(library, "dangling images")
    assert "dangling-images" not in {h.slug for h in hits}


def test_a_command_named_by_words_the_question_asks_anyway_is_not_required(library):
    """'docker images' in a sentence is also just the word 'images': a section that covers the
    words is not marked down for not being about the `docker images` command."""
    plan = plan_query(
        "Do Docker images ever change once built?", library.index, library.vocabulary,
        library.catalog.commands,
    )  # fmt: skip
    assert "docker images" in plan.commands
    hits = search_sections(library.index, plan, limit=20)
    best = max(coverage(plan, hit) for hit in hits if "docker images" not in hit.commands)
    without = replace(plan, commands=())
    assert best == max(coverage(without, h) for h in hits if "docker images" not in h.commands)
    assert best > 0.5


def test_an_inflection_of_a_word_the_material_uses_is_not_a_typo(library):
    """The material says "exited"; "exiting" is the same word, not a misspelt "existing"."""
    plan = plan_query("why is my container exiting", library.index, library.vocabulary)
    assert plan.corrections == {}
    typo = plan_query("why is my contaner exiting", library.index, library.vocabulary)
    assert typo.corrections == {"contaner": "container"}
