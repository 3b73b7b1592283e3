"""Quiz statistics as Moodle defines them, checked against numbers worked out by hand; the score
histogram's bin edges; the wrong answers learners give most, read back through each revision."""

from __future__ import annotations

import math

import pytest

from shipshape.quizzes.histogram import BOTTOM, HEIGHT, TOP, bin_index, chart, histogram
from shipshape.quizzes.statistics import (
    AnswerRow,
    AttemptRow,
    all_question_stats,
    discrimination_index,
    pearson,
    question_stats,
    sample_sd,
    summarize_quiz,
)
from shipshape.quizzes.views import public_id, published_quiz
from shipshape.quizzes.wrong_answers import TOP as TOP_WRONG
from shipshape.quizzes.wrong_answers import WrongAnswer, most_chosen_wrong, normalize_command

BANK = """\
title: Hand-computed
questions:
  - id: q1
    type: single_choice
    prompt: Which is an image?
    options:
      - {id: a, text: A read-only template, correct: true}
      - {id: b, text: A running process}
      - {id: c, text: "A virtual machine"}
  - id: q2
    type: short_answer
    prompt: Docker's default registry?
    answers: [Docker Hub]
  - id: q3
    type: multiple_choice
    prompt: What does a container have?
    options:
      - {id: x, text: A writable layer, correct: true}
      - {id: y, text: A process, correct: true}
      - {id: z, text: Its own kernel}
"""
SLUG = "hand-computed"


def opaque(question_id: str, option: str) -> str:
    return public_id(SLUG, question_id, "option", option)


def attempt(doc, marks: dict[str, float], responses: dict[str, object]) -> AttemptRow:
    rows = tuple(
        AnswerRow(q.id, marks[q.id], q.points, marks[q.id] == q.points, responses.get(q.id))
        for q in doc.questions
    )
    return AttemptRow(sum(marks.values()), sum(q.points for q in doc.questions), rows, doc)


@pytest.fixture
def doc():
    return published_quiz(BANK, SLUG)


@pytest.fixture
def four(doc):
    """Four attempts. Marks (q1, q2, q3) and totals out of 3:
    A (1, 1, 1) = 3, B (1, 0, 1) = 2, C (0, 1, 1) = 2, D (0, 0, 0.5) = 0.5."""
    x, y, z = (opaque("q3", o) for o in "xyz")
    return [
        attempt(doc, {"q1": 1, "q2": 1, "q3": 1}, {"q1": opaque("q1", "a"), "q2": "Docker Hub",
                                                   "q3": [x, y]}),
        attempt(doc, {"q1": 1, "q2": 0, "q3": 1}, {"q1": opaque("q1", "a"), "q2": "Quay!",
                                                   "q3": [x, y]}),
        attempt(doc, {"q1": 0, "q2": 1, "q3": 1}, {"q1": opaque("q1", "b"), "q2": "docker hub",
                                                   "q3": [y, x]}),
        attempt(doc, {"q1": 0, "q2": 0, "q3": 0.5}, {"q1": opaque("q1", "c"), "q2": "  QUAY ",
                                                     "q3": [x, y, z]}),
    ]  # fmt: skip


def test_the_quiz_summary_matches_the_hand_computed_mean_median_and_sample_sd(four):
    # percents: 100, 200/3, 200/3, 50/3; mean = 250 / 4 = 62.5; median = (200/3 + 200/3) / 2
    # deviations from 62.5: 75/2, 25/6, 25/6, -275/6 -> squares sum to 127500/36
    # sample variance = 127500/36 / 3 = 1180.555...; sd = 34.3592...
    summary = summarize_quiz(four)
    assert summary.attempts == 4
    assert summary.mean == pytest.approx(62.5)
    assert summary.median == pytest.approx(66.6667, abs=1e-4)
    assert summary.sd == pytest.approx(34.3592, abs=1e-4)


def test_facility_sd_and_discrimination_of_a_question_match_the_hand_computation(four):
    # q1 marks 1, 1, 0, 0 (mean 0.5: facility 50%); rest of test 2, 1, 2, 0.5 (mean 1.375)
    # mark deviations .5, .5, -.5, -.5: sum of squares 1; sd = sqrt(1/3) = 0.57735 -> 57.735%
    # rest deviations .625, -.375, .625, -.875: sum of squares 1.6875
    # covariance sum .3125 - .1875 - .3125 + .4375 = .25; r = .25 / sqrt(1 x 1.6875) = 0.19245
    stats = question_stats("q1", four)
    assert stats.attempts == 4
    assert stats.facility == pytest.approx(50.0)
    assert stats.sd == pytest.approx(57.735, abs=1e-3)
    assert stats.discrimination == pytest.approx(19.245, abs=1e-3)


def test_a_partly_right_question_counts_its_partial_marks(four):
    # q3 marks 1, 1, 1, .5: shares 100, 100, 100, 50 -> facility 87.5%
    # mark deviations from .875: .125 x 3 and -.375: sum of squares .1875; sd = sqrt(.0625) = 25%
    # rest of test 2, 1, 1, 0 (mean 1): deviations 1, 0, 0, -1, sum of squares 2
    # covariance sum .125 + 0 + 0 + .375 = .5; r = .5 / sqrt(.1875 x 2) = 0.816497
    stats = question_stats("q3", four)
    assert stats.facility == pytest.approx(87.5)
    assert stats.sd == pytest.approx(25.0)
    assert stats.discrimination == pytest.approx(81.6497, abs=1e-4)


def test_one_attempt_leaves_the_spread_and_the_discrimination_undefined(doc):
    only = [attempt(doc, {"q1": 1, "q2": 0, "q3": 0.5}, {})]
    summary = summarize_quiz(only)
    assert (summary.attempts, summary.sd) == (1, None)
    assert summary.mean == summary.median == pytest.approx(50.0)
    stats = question_stats("q1", only)
    assert (stats.facility, stats.sd, stats.discrimination) == (100.0, None, None)


def test_a_question_everyone_scored_the_same_on_has_no_discrimination(doc):
    same = [
        attempt(doc, {"q1": 1, "q2": q2, "q3": 1}, {})
        for q2 in (0, 1, 0, 1)
    ]  # fmt: skip
    stats = question_stats("q1", same)
    assert stats.sd == 0.0
    assert stats.discrimination is None


def test_a_question_whose_rest_of_test_does_not_vary_has_no_discrimination(doc):
    rows = [attempt(doc, {"q1": m, "q2": 1, "q3": 1}, {}) for m in (0, 1, 1)]  # rest always 2
    assert question_stats("q1", rows).discrimination is None


def test_equal_float_values_have_exactly_zero_spread():
    tenths = [0.1, 0.1, 0.1]  # their float mean is 0.10000000000000002, not 0.1
    assert sample_sd(tenths) == 0.0
    assert pearson(tenths, [1.0, 2.0, 3.0]) is None


def test_discrimination_is_a_hundred_times_pearson_r():
    assert discrimination_index([0, 1, 2], [1, 3, 5]) == pytest.approx(100.0)
    assert discrimination_index([0, 1, 2], [5, 3, 1]) == pytest.approx(-100.0)
    assert discrimination_index([1], [2]) is None
    with pytest.raises(ValueError):
        pearson([1, 2], [1])


def test_no_attempts_give_no_numbers():
    summary = summarize_quiz([])
    assert (summary.attempts, summary.mean, summary.median, summary.sd) == (0, None, None, None)


@pytest.mark.parametrize(
    ("percent", "index"),
    [(0, 0), (9.99, 0), (10, 1), (10.01, 1), (55, 5), (89.999, 8), (90, 9), (99.9, 9), (100, 9)],
)
def test_a_score_lands_in_its_ten_point_bin_and_100_in_the_last(percent, index):
    assert bin_index(percent) == index


def test_a_percent_a_rounding_error_below_a_bin_edge_lands_on_the_edge():
    assert 100 * 2.3 / 23 < 10  # 9.999999999999998
    assert bin_index(100 * 2.3 / 23) == 1


def test_out_of_range_percents_are_clamped_into_the_first_and_last_bins():
    assert (bin_index(-5), bin_index(130)) == (0, 9)


def test_the_histogram_counts_each_attempt_once_in_ten_bins():
    bins = histogram([0, 9.99, 10, 100, 95, 66.7])
    assert [b.count for b in bins] == [2, 1, 0, 0, 0, 0, 1, 0, 0, 2]
    assert (bins[0].label, bins[9].label) == ("0\N{EN DASH}10%", "90\N{EN DASH}100%")


def test_the_fullest_bar_reaches_the_top_and_empty_bins_have_no_height():
    bars = chart(histogram([5, 5, 55])).bars
    full = HEIGHT - TOP - BOTTOM
    assert bars[0].height == full and bars[0].y == TOP
    assert bars[5].height == pytest.approx(full / 2)
    assert bars[1].height == 0 and bars[1].title.startswith("0 attempts scored from 10%")
    assert bars[0].title == "2 attempts scored from 0% to under 10%"
    assert bars[9].title == "0 attempts scored from 90% to 100%"


def test_a_chart_with_no_attempts_draws_flat_bars():
    drawn = chart(histogram([]))
    assert drawn.most == 0 and all(b.height == 0 for b in drawn.bars)


def test_wrong_choices_are_listed_by_option_text_with_counts(four):
    stats = {s.question_id: s for s in all_question_stats(four[0].doc, four)}
    assert stats["q1"].wrong_answers == (
        WrongAnswer("A running process", 1),
        WrongAnswer("A virtual machine", 1),
    )
    assert stats["q3"].wrong_answers == (WrongAnswer("Its own kernel", 1),)


def test_wrong_text_answers_are_normalized_before_they_are_counted(four):
    assert question_stats("q2", four).wrong_answers == (WrongAnswer("quay", 2),)


def test_an_option_reworded_in_a_later_revision_is_counted_once_under_its_newest_text():
    old = published_quiz(BANK, SLUG)
    new = published_quiz(BANK.replace("A running process", "A running container"), SLUG)
    wrong = opaque("q1", "b")
    rows = [
        (old.question("q1"), wrong, False),
        (new.question("q1"), wrong, False),
        (new.question("q1"), opaque("q1", "a"), True),
    ]
    assert most_chosen_wrong(rows) == (WrongAnswer("A running container", 2),)


def test_only_the_most_common_five_wrong_text_answers_are_kept(doc):
    q2 = doc.question("q2")
    answers = [(q2, f"answer {n}", False) for n in range(8) for _ in range(n + 1)]
    top = most_chosen_wrong(answers)
    assert len(top) == TOP_WRONG
    assert [w.count for w in top] == [8, 7, 6, 5, 4]
    assert top[0].text == "answer 7"


def test_unanswered_and_right_responses_are_not_wrong_answers(doc):
    q2 = doc.question("q2")
    assert most_chosen_wrong([(q2, None, False), (q2, "Docker Hub", True), (q2, "  ", False)]) == ()


def test_commands_keep_their_case_and_lose_extra_spacing():
    assert normalize_command("  docker   ps  -A ") == "docker ps -A"


OTHER_TYPES = """\
title: Other types
questions:
  - id: tf
    type: true_false
    prompt: Containers boot a kernel.
    answer: false
  - id: cmd
    type: command
    prompt: List all containers.
    answer: docker ps -a
  - id: sort
    type: classify
    prompt: Sort.
    categories: [{id: image, text: Image}, {id: container, text: Container}]
    items:
      - {id: i1, text: Read-only, category: image}
      - {id: i2, text: Writable layer, category: container}
  - id: order
    type: ordering
    prompt: Order.
    items: [{id: s1, text: Build}, {id: s2, text: Run}]
"""


def test_true_false_classify_ordering_and_command_answers_show_what_was_wrong():
    doc = published_quiz(OTHER_TYPES, "other-types")
    pid = lambda q, kind, raw: public_id("other-types", q, kind, raw)  # noqa: E731
    sort = {pid("sort", "item", "i1"): pid("sort", "category", "container"),
            pid("sort", "item", "i2"): pid("sort", "category", "container")}  # fmt: skip
    backwards = [pid("order", "item", "s2"), pid("order", "item", "s1")]
    q = doc.question
    assert most_chosen_wrong([(q("tf"), True, False), (q("tf"), False, True)]) == (
        WrongAnswer("True", 1),
    )
    assert most_chosen_wrong([(q("cmd"), "docker  ps", False)]) == (WrongAnswer("docker ps", 1),)
    assert most_chosen_wrong([(q("sort"), sort, False)]) == (
        WrongAnswer("Read-only → Container", 1),
    )
    assert most_chosen_wrong([(q("order"), backwards, False)]) == (WrongAnswer("Run → Build", 1),)


def test_a_question_dropped_from_the_quiz_is_listed_after_the_current_ones(doc):
    current = published_quiz(BANK.split("  - id: q3")[0], SLUG)
    rows = [attempt(doc, {"q1": 1, "q2": 0, "q3": 1}, {})]
    listed = all_question_stats(current, rows)
    assert [(s.question_id, s.in_current_revision) for s in listed] == [
        ("q1", True),
        ("q2", True),
        ("q3", False),
    ]
    assert listed[2].prompt == "What does a container have?"
    assert math.isclose(listed[2].facility, 100.0)
