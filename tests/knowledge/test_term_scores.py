"""Scored postings remembered per index state: the same ranking and scores as a Whoosh search."""

from __future__ import annotations

import pytest
from whoosh.query import And, Or, Term

from shipshape.knowledge.index import SearchTimeout, TopicIndex
from shipshape.knowledge.search import build_query, plan_query
from shipshape.knowledge.term_scores import flat_terms
from shipshape.knowledge.topicfile import parse_topic

from .samples import NO_WORDS

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

EDITED_LAYERS = """\
---
title: Image layers
group: Images
---
An image is a stack of read-only layers, shared between images and cached by the builder.

## Squash layers
A multi-stage build copies only the final files into a fresh image.
"""

QUESTIONS = [
    "remove unused volumes",
    "how do containers write files on top of image layers",
    "show stopped containers",
    "keep data after a container is removed",
]


def whoosh_ranking(index: TopicIndex, query) -> list[tuple[str, str, float]]:
    return [(h.slug, h.anchor, h.score) for h in index.search(query, limit=None)]


def cached_ranking(index: TopicIndex, query) -> list[tuple[str, str, float]]:
    return [(h.slug, h.anchor, h.score) for h in index.search_including(query, 100, [])]


def assert_same_ranking(index: TopicIndex, query) -> None:
    expected = whoosh_ranking(index, query)
    got = cached_ranking(index, query)
    assert expected, "the query should match something"
    assert [(s, a) for s, a, _ in got] == [(s, a) for s, a, _ in expected]
    assert [score for *_, score in got] == pytest.approx([score for *_, score in expected])


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_chats_queries_rank_and_score_as_a_whoosh_search_does(small_index, question):
    plan = plan_query(question, small_index, NO_WORDS)

    assert_same_ranking(small_index, build_query(plan))


def test_boosts_and_repeated_terms_count_as_whoosh_counts_them(small_index):
    query = Or(
        [
            Term("body", "volum", boost=0.4),
            Term("head", "volum", boost=2.5),
            Term("body", "volum", boost=0.4),  # Whoosh does not merge repeats: neither do we
            Term("commands", "docker container ls", boost=8.0),
            Term("body", "nosuchword"),
        ]
    )

    assert_same_ranking(small_index, query)


def test_sections_with_equal_scores_keep_whooshs_order(small_index):
    query = Or([Term("commands", "docker ps")])  # on the topic's summary and its one section
    scores = [score for *_, score in whoosh_ranking(small_index, query)]

    assert len(scores) == 2 and scores[0] == scores[1]
    assert_same_ranking(small_index, query)


def test_a_query_that_is_not_a_flat_or_of_terms_is_left_to_whoosh(small_index):
    query = And([Term("body", "volum"), Term("body", "contain")])
    expected = whoosh_ranking(small_index, query)

    assert flat_terms(query) is None
    assert cached_ranking(small_index, query) == expected


def test_flat_terms_reads_each_clause_in_order():
    query = Or([Term("head", "imag", boost=3.0), Term("body", "layer")])

    assert flat_terms(query) == [("head", "imag", 3.0), ("body", "layer", 1.0)]
    assert flat_terms(Or([query, Term("body", "x")])) is None  # nested: Whoosh's business


def test_a_save_gives_the_new_state_its_own_scores(small_index):
    query = Or([Term("body", "layer"), Term("head", "layer"), Term("body", "build")])
    before = cached_ranking(small_index, query)

    small_index.apply([parse_topic(EDITED_LAYERS, "layers")], removed=[], version=2)
    after = cached_ranking(small_index, query)

    assert after != before
    assert ("layers", "squash-layers") in [(s, a) for s, a, _ in after]
    assert ("layers", "copy-on-write") not in [(s, a) for s, a, _ in after]
    assert_same_ranking(small_index, query)  # two segments and a deletion now


def test_named_sections_get_their_score_or_zero(small_index):
    query = Or([Term("body", "prune"), Term("head", "remov")])
    scores = {(s, a): score for s, a, score in whoosh_ranking(small_index, query)}

    hits = small_index.search_including(query, 0, ["volumes#remove-unused-volumes", "layers#"])
    named = [(h.slug, h.anchor) for h in hits]

    assert named == [("volumes", "remove-unused-volumes"), ("layers", "")]
    assert hits[0].score == pytest.approx(scores[("volumes", "remove-unused-volumes")])
    assert hits[1].score == 0.0


def test_scoring_past_the_time_limit_raises_search_timeout(small_index):
    small_index.time_limit = -1.0  # out of time before the first term is added

    with pytest.raises(SearchTimeout):
        small_index.search_including(Or([Term("body", "volum")]), 10, [])


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_a_limit_keeps_whooshs_best_even_with_ties_at_the_cut(small_index, limit):
    query = Or([Term("commands", "docker ps"), Term("body", "layer", boost=0.5)])
    expected = [(h.slug, h.anchor) for h in small_index.search(query, limit=limit)]

    hits = small_index.search_including(query, limit, [])

    assert [(h.slug, h.anchor) for h in hits] == expected


def test_an_empty_index_finds_nothing(tmp_path):
    index = TopicIndex(tmp_path / "empty")
    index.rebuild([], version=1)

    assert index.search_including(Or([Term("body", "imag")]), 10, ["images#"]) == []
    index.close()


@pytest.mark.parametrize("question", QUESTIONS)
def test_primed_postings_rank_and_score_as_a_whoosh_search_does(small_index, question):
    scored = small_index.prime(("head", "questions", "body"), seconds=60)
    plan = plan_query(question, small_index, NO_WORDS)

    assert scored > 0
    assert_same_ranking(small_index, build_query(plan))


def test_priming_scores_every_term_of_the_fields_and_stops_at_its_deadline(small_index):
    reader = small_index._searcher.reader()
    terms = sum(1 for field in ("head", "body") for _ in reader.lexicon(field))

    assert small_index.prime(("head", "body"), seconds=60) == terms
    assert small_index.prime(("head", "body"), seconds=-1) == 0


def test_once_primed_a_word_the_fields_lack_costs_no_lookup_in_the_index(small_index, monkeypatch):
    query = Or([Term("body", "zzyzx"), Term("head", "zzyzx"), Term("body", "imag")])
    expected = whoosh_ranking(small_index, query)
    small_index.prime(("head", "questions", "body"), seconds=60)

    def lookup(*args, **kwargs):
        raise AssertionError("the index's files were asked")

    searcher = small_index._scores._searcher
    monkeypatch.setattr(searcher, "doc_frequency", lookup)
    monkeypatch.setattr(searcher, "leaf_searchers", lookup)

    got = cached_ranking(small_index, query)
    assert small_index.doc_frequency("head", "zzyzx") == 0
    assert [(s, a) for s, a, _ in got] == [(s, a) for s, a, _ in expected]
    assert [score for *_, score in got] == pytest.approx([score for *_, score in expected])
