"""What learners ask: unanswered and thumbs-down turns, grouped by their normalized question."""

from datetime import datetime, timedelta

import pytest

from shipshape.chat import insights
from shipshape.chat.conversations import new_conversation_id
from shipshape.chat.feedback import rate_turn
from shipshape.chat.insights import Filters, question_groups
from shipshape.chat.service import ask
from shipshape.chat.smalltalk import normalize
from shipshape.extensions import db
from shipshape.models import Turn

NOW = datetime(2030, 6, 15, 12, 0, 0)
ALL_TIME = Filters(days=None)


@pytest.fixture
def log(app):
    """Add a turn to the ask log as the chat would store it: log(question, kind, days_ago, ...)."""
    conversation_id = new_conversation_id()

    def _log(question, kind="no_answer", days_ago=0.0, helpful=None, topic=None) -> Turn:
        turn = Turn(
            conversation_id=conversation_id,
            question=question,
            normalized=normalize(question),
            kind=kind,
            topic_slug=topic,
            helpful=helpful,
            reply={},
            created_at=NOW - timedelta(days=days_ago),
        )
        db.session.add(turn)
        db.session.commit()
        return turn

    return _log


def keys(page) -> list[str]:
    return [group.key for group in page.groups]


def test_three_wordings_that_normalize_alike_make_one_group_with_their_dates(log):
    log("How do I frobnicate a container?", days_ago=5)
    log("how do i frobnicate a container", days_ago=3)
    log("HOW DO I FROBNICATE A CONTAINER ?!", days_ago=1)
    page = question_groups(ALL_TIME, now=NOW)
    [group] = page.groups
    assert (page.total, group.count, group.no_answer, group.thumbs_down) == (1, 3, 3, 0)
    assert group.key == "how do i frobnicate a container"
    assert group.first_asked == NOW - timedelta(days=5)
    assert group.last_asked == NOW - timedelta(days=1)
    assert group.latest_question == "HOW DO I FROBNICATE A CONTAINER ?!"
    assert group.wordings == (
        "HOW DO I FROBNICATE A CONTAINER ?!",
        "how do i frobnicate a container",
        "How do I frobnicate a container?",
    )


def test_questions_asked_through_the_chat_group_the_same_way(library):
    for wording in ["What is Kubernetes?", "what is kubernetes", "What is kubernetes ??"]:
        assert ask(wording, None, library)["kind"] == "no_answer"
    [group] = question_groups(ALL_TIME).groups
    assert (group.key, group.count, group.latest_question) == (
        "what is kubernetes",
        3,
        "What is kubernetes ??",
    )


def test_an_answer_rated_down_is_listed_with_the_topic_it_came_from(library):
    reply = ask("how do I rename a container", None, library)
    ask("how do I remove a container", None, library)  # answered and not rated: not listed
    rate_turn(reply["turn_id"], False, reply["conversation_id"])
    [group] = question_groups(ALL_TIME).groups
    assert (group.latest_question, group.latest_kind) == ("how do I rename a container", "answer")
    assert (group.no_answer, group.thumbs_down) == (0, 1)
    assert group.latest_topic == "docker-container-rename"


def test_the_show_filter_picks_unanswered_thumbs_down_or_both(log):
    log("what is a sidecar")
    log(
        "how do I rename a container", kind="answer", helpful=False, topic="docker-container-rename"
    )
    log("what is an image", kind="answer", helpful=True, topic="image")
    shown = {
        show: sorted(keys(question_groups(Filters(show=show, days=None), now=NOW)))
        for show in ("both", "no_answer", "thumbs_down")
    }
    assert shown == {
        "both": ["how do i rename a container", "what is a sidecar"],
        "no_answer": ["what is a sidecar"],
        "thumbs_down": ["how do i rename a container"],
    }


def test_the_period_filter_leaves_out_older_questions(log):
    log("asked today")
    log("asked ten days ago", days_ago=10)
    log("asked forty days ago", days_ago=40)
    shown = {days: len(question_groups(Filters(days=days), now=NOW).groups) for days in (7, 30)}
    assert shown == {7: 1, 30: 2}
    assert len(question_groups(ALL_TIME, now=NOW).groups) == 3


def test_a_group_counts_only_the_turns_inside_the_period(log):
    log("what is a sidecar", days_ago=2)
    log("what is a sidecar", days_ago=45)
    [group] = question_groups(Filters(days=30), now=NOW).groups
    assert (group.count, group.first_asked) == (1, NOW - timedelta(days=2))


def test_groups_come_newest_first_or_most_frequent_first(log):
    for days_ago in (9, 8, 7):
        log("what is a sidecar", days_ago=days_ago)
    log("what is kubernetes", days_ago=1)
    recent = question_groups(Filters(days=None, order="recent"), now=NOW)
    frequent = question_groups(Filters(days=None, order="frequent"), now=NOW)
    assert keys(recent) == ["what is kubernetes", "what is a sidecar"]
    assert keys(frequent) == ["what is a sidecar", "what is kubernetes"]


def test_groups_are_paged(log, monkeypatch):
    monkeypatch.setattr(insights, "PAGE_SIZE", 2)
    for n in range(5):
        log(f"unanswered question number {n}", days_ago=n)
    pages = [question_groups(Filters(days=None, page=p), now=NOW) for p in (1, 2, 3)]
    assert [p.pages for p in pages] == [3, 3, 3]
    assert [len(p.groups) for p in pages] == [2, 2, 1]
    assert keys(pages[0]) == ["unanswered question number 0", "unanswered question number 1"]
    beyond = question_groups(Filters(days=None, page=99), now=NOW)
    assert (beyond.page, keys(beyond)) == (3, keys(pages[2]))


def test_a_group_shows_at_most_three_distinct_wordings(log):
    for wording in [
        "What is a sidecar?",
        "what is a sidecar",
        "What is a sidecar?",
        "WHAT IS A SIDECAR",
    ]:
        log(wording)
    [group] = question_groups(ALL_TIME, now=NOW).groups
    assert group.count == 4
    assert len(group.wordings) == 3
    assert len(set(group.wordings)) == 3


def test_nothing_to_show_is_an_empty_first_page(app):
    page = question_groups(Filters())
    assert (page.groups, page.total, page.page, page.pages) == ([], 0, 1, 1)
