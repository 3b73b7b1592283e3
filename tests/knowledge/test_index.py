"""The Whoosh index: one document per section, rebuilt into a fresh folder or updated per topic."""

from __future__ import annotations

import pytest
from whoosh.collectors import TimeLimit, TimeLimitCollector

from shipshape.knowledge.analysis import analysis_fingerprint
from shipshape.knowledge.generations import CURRENT
from shipshape.knowledge.index import SearchTimeout, TopicIndex
from shipshape.knowledge.search import plan_query, search_including, search_sections
from shipshape.knowledge.topicfile import parse_topic

from .samples import NO_WORDS, VOLUMES, found

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

NEW_VOLUMES = """\
---
title: Named volumes
---
A volume stores files outside the writable layer.

## Back up a volume
Mount it in a throwaway helper and archive its files.
"""


def generations(index: TopicIndex) -> list[str]:
    return sorted(p.name for p in index.root.iterdir() if p.is_dir() and p.name.startswith("gen-"))


def test_every_section_and_summary_is_one_document(small_index):
    # volumes: summary + 2 sections, listing: summary + 1, layers: summary + 1
    assert small_index.doc_count() == 7
    assert small_index.applied_version() == 1


def test_search_finds_a_topic_by_a_word_only_in_its_title(small_index):
    hits = found(small_index, "named")

    assert hits and {slug for slug, _ in hits} == {"volumes"}


def test_search_finds_a_section_by_a_word_only_in_its_heading(small_index):
    assert found(small_index, "unused") == [("volumes", "remove-unused-volumes")]


def test_search_finds_a_section_by_a_word_only_in_its_body(small_index):
    assert found(small_index, "exited") == [("docker-container-ls", "include-stopped-containers")]


def test_search_finds_a_topic_by_an_alternate_question(small_index):
    assert found(small_index, "keep data")[0][0] == "volumes"


def test_search_finds_sections_by_a_command_flag(small_index):
    hits = found(small_index, "--all")

    assert {slug for slug, _ in hits} == {"docker-container-ls"}
    assert ("docker-container-ls", "include-stopped-containers") in hits


def test_a_flag_and_the_bare_word_are_different_terms(small_index):
    assert found(small_index, "all") == []


def test_search_finds_a_command_topic_by_a_command_phrase(small_index, small_catalog):
    plan = plan_query("docker ps", small_index, NO_WORDS, small_catalog.commands)

    assert plan.commands == ("docker ps",)
    assert found(small_index, "docker ps", small_catalog.commands)[0][0] == "docker-container-ls"


def test_without_command_phrases_a_command_name_is_only_words(small_index):
    assert found(small_index, "docker ps") == []


def test_highlights_mark_the_matched_words_in_the_body(small_index):
    plan = plan_query("exited", small_index, NO_WORDS)

    (hit,) = search_sections(small_index, plan, highlight=True)

    assert "exited" in hit.highlight.lower()
    assert "<b" in hit.highlight


def test_rebuild_swaps_to_a_new_generation_folder_and_removes_the_old(small_index, small_topics):
    before = (small_index.root / CURRENT).read_text()

    small_index.rebuild(small_topics, version=5)

    after = (small_index.root / CURRENT).read_text()
    assert after != before
    assert generations(small_index) == [after]
    assert small_index.is_current()
    assert small_index.applied_version() == 5
    assert found(small_index, "unused") == [("volumes", "remove-unused-volumes")]


def test_a_second_handle_sees_the_generation_another_one_built(small_index, small_topics):
    other = TopicIndex(small_index.root)
    assert other.open()

    small_index.rebuild(small_topics, version=2)

    assert not other.is_current()
    assert other.open() and other.applied_version() == 2
    other.close()


STALE_SEARCHER = (
    "BUG: TopicIndex.apply refreshes with Searcher.refresh(), and Whoosh-Reloaded 2.7.5 reuses the"
    " old segment readers (segments compare by id), so deletions never show and merged-away"
    " segments come back: old sections and deleted topics stay findable in this process"
)


def test_apply_adds_a_changed_topics_new_sections_and_bumps_applied_version(small_index):
    small_index.apply([parse_topic(NEW_VOLUMES, "volumes")], removed=["layers"], version=2)

    assert small_index.applied_version() == 2
    assert found(small_index, "throwaway") == [("volumes", "back-up-a-volume")]


def test_apply_removes_a_changed_topics_old_sections_and_deleted_topics(small_index):
    small_index.apply([parse_topic(NEW_VOLUMES, "volumes")], removed=["layers"], version=2)

    assert found(small_index, "unused") == []
    assert "layers" not in {slug for slug, _ in found(small_index, "layers write")}
    assert small_index.doc_count() == 4  # volumes: 2, listing: 2


def test_apply_removals_are_on_disk_for_a_freshly_opened_handle(small_index):
    small_index.apply([parse_topic(NEW_VOLUMES, "volumes")], removed=["layers"], version=2)

    fresh = TopicIndex(small_index.root)
    assert fresh.open()
    assert fresh.doc_count() == 4
    assert found(fresh, "unused") == []
    assert found(fresh, "throwaway") == [("volumes", "back-up-a-volume")]
    fresh.close()


def test_apply_at_a_version_already_reached_changes_nothing(small_index):
    small_index.apply([], removed=["layers"], version=1)

    fresh = TopicIndex(small_index.root)
    assert fresh.open()
    assert (small_index.applied_version(), fresh.doc_count()) == (1, 7)
    fresh.close()


# Whoosh's merge policy folds small segments together: an edit never optimizes the whole index.
MAX_SEGMENTS = 6


def apply_editions(index: TopicIndex, count: int) -> None:
    """Apply `count` edits of the volumes topic, each at the next content version."""
    for version in range(2, count + 2):
        text = VOLUMES.replace("outside", f"outside edition{version}")
        index.apply([parse_topic(text, "volumes")], removed=[], version=version)
        assert index.segment_count() <= MAX_SEGMENTS


def test_segments_stay_few_after_many_applies(small_index):
    apply_editions(small_index, 30)

    assert small_index.segment_count() <= MAX_SEGMENTS
    assert small_index.applied_version() == 31
    assert found(small_index, "edition31")[0] == ("volumes", "")


def test_after_many_applies_each_section_is_found_once(small_index):
    apply_editions(small_index, 10)

    assert small_index.doc_count() == 7
    assert found(small_index, "edition2") == []


def test_apply_on_an_index_that_is_not_open_raises(tmp_path):
    with pytest.raises(RuntimeError):
        TopicIndex(tmp_path).apply([], removed=[], version=1)


def test_open_reports_false_when_there_is_no_index(tmp_path):
    index = TopicIndex(tmp_path / "missing")

    assert index.open() is False
    assert index.applied_version() == -1


@pytest.fixture(scope="module")
def big_index_root(tmp_path_factory):
    """~2,200 sections that all share the same words, built once for the module."""
    docs = []
    for i in range(200):
        sections = "\n\n".join(
            f"## Part {j}\nContainers images volumes networks word{i}x{j}." for j in range(10)
        )
        text = f"---\ntitle: Topic {i}\n---\nContainers and images.\n\n{sections}\n"
        docs.append(parse_topic(text, f"topic-{i}"))
    builder = TopicIndex(tmp_path_factory.mktemp("big"))
    builder.rebuild(docs, version=1)
    builder.close()
    return builder.root


@pytest.fixture
def big_index(big_index_root):
    """A handle on the big index with a time limit far too small for any search."""
    index = TopicIndex(big_index_root, time_limit=0.0000001)
    assert index.open()
    yield index
    index.close()


def test_a_tiny_time_limit_either_answers_or_raises_search_timeout(big_index):
    plan = plan_query("containers images volumes networks", big_index, NO_WORDS)

    try:
        hits = search_sections(big_index, plan)
    except SearchTimeout:
        pass
    else:
        assert len(hits) == 10


def out_of_time(collector):
    raise TimeLimit


def test_whooshs_time_limit_becomes_search_timeout(big_index, monkeypatch):
    monkeypatch.setattr(TimeLimitCollector, "collect_matches", out_of_time)
    plan = plan_query("containers", big_index, NO_WORDS)

    with pytest.raises(SearchTimeout):
        search_sections(big_index, plan)


def test_the_index_still_answers_after_a_timeout(big_index, monkeypatch):
    plan = plan_query("containers", big_index, NO_WORDS)
    with monkeypatch.context() as patch:
        patch.setattr(TimeLimitCollector, "collect_matches", out_of_time)
        with pytest.raises(SearchTimeout):
            search_sections(big_index, plan)
    big_index.time_limit = 5.0

    assert len(search_sections(big_index, plan, limit=3)) == 3


def test_an_index_built_by_another_analysis_is_not_opened_so_it_gets_rebuilt(small_index):
    """Generation folders are named after the analysis; a changed stemmer means new terms."""
    old = generations(small_index)[0]
    assert old.startswith(f"gen-{analysis_fingerprint()}-")
    stale = "gen-00000000-" + old.rsplit("-", 1)[1]
    small_index.close()
    (small_index.root / old).rename(small_index.root / stale)
    (small_index.root / CURRENT).write_text(stale)

    assert TopicIndex(small_index.root).open() is False


def test_an_edit_that_leaves_many_deleted_sections_merges_them_away(small_index, small_topics):
    """Deleted sections count in word statistics until merged: a big edit optimizes."""
    small_index.apply(small_topics[:1], [], version=2)  # one topic of three: well over a tenth
    ix = small_index._ix
    assert ix.doc_count_all() == ix.doc_count() == 7
    assert small_index.applied_version() == 2


def test_a_search_including_named_sections_scores_them_as_the_full_search_does(small_index):
    plan = plan_query("remove unused volumes", small_index, NO_WORDS)
    everything = {(h.slug, h.anchor): h.score for h in search_sections(small_index, plan, None)}
    last = min(everything, key=everything.get)
    hits = search_including(small_index, plan, 1, [last, ("layers", "")])
    assert len(hits) == 3
    assert hits[0].score == max(everything.values())
    assert (hits[1].slug, hits[1].anchor) == last and hits[1].score == everything[last]
    assert (hits[2].slug, hits[2].anchor, hits[2].score) == ("layers", "", 0.0)


def test_a_remembered_value_is_worked_out_once_per_state_of_the_index(small_index):
    worked = []

    def work():
        worked.append(small_index.doc_count())
        return worked[-1]

    first = [small_index.remembered("sections", work) for _ in range(3)]
    small_index.apply([parse_topic(NEW_VOLUMES, "volumes")], removed=[], version=2)
    after = small_index.remembered("sections", work)

    assert len(set(first)) == 1 and after != first[0]  # the volumes topic lost a section
    assert worked == [first[0], after]


def test_what_search_remembers_of_a_word_follows_the_index(small_index):
    def weight() -> float:
        return plan_query("throwaway", small_index, NO_WORDS).groups[0].weight

    unknown = weight()
    small_index.apply([parse_topic(NEW_VOLUMES, "volumes")], removed=[], version=2)

    assert weight() < unknown
