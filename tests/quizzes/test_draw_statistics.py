"""Quiz statistics with `draw:`: each question over the attempts that drew it, discrimination
against the attempt's percent on its other questions. Numbers worked out by hand."""

from __future__ import annotations

import pytest

from shipshape.quizzes.attempts import start_attempt, submit_attempt
from shipshape.quizzes.statistics import AnswerRow, AttemptRow, question_stats, summarize_quiz
from shipshape.quizzes.stats_data import load_quiz_data
from shipshape.quizzes.views import published_quiz
from tests.quizzes.helpers import five_true_false, import_bank

BANK = """\
title: Drawn
draw: 2
questions:
  - {id: q1, type: true_false, prompt: One., answer: true}
  - {id: q2, type: true_false, prompt: Two., answer: true}
  - {id: q3, type: true_false, prompt: Three., answer: true, points: 2}
"""


@pytest.fixture
def five():
    """Five attempts of two questions each (q1 and q2 worth 1, q3 worth 2):
    A  q1=1 q2=1  2/2 100%      B  q1=0 q3=2  2/3 66.7%     C  q2=0 q3=0  0/3 0%
    D  q1=1 q2=0  1/2  50%      E  q1=0 q3=2  2/3 66.7%"""
    doc = published_quiz(BANK, "drawn")
    points = {q.id: q.points for q in doc.questions}

    def attempt(**marks: float) -> AttemptRow:
        rows = tuple(AnswerRow(q, m, points[q], m == points[q]) for q, m in marks.items())
        return AttemptRow(sum(marks.values()), sum(points[q] for q in marks), rows, doc)

    return [
        attempt(q1=1, q2=1),
        attempt(q1=0, q3=2),
        attempt(q2=0, q3=0),
        attempt(q1=1, q2=0),
        attempt(q1=0, q3=2),
    ]


def test_each_question_counts_only_the_attempts_that_drew_it(five):
    assert [question_stats(q, five).attempts for q in ("q1", "q2", "q3")] == [4, 3, 3]


def test_facility_is_over_the_attempts_that_drew_the_question(five):
    assert question_stats("q1", five).facility == pytest.approx(50.0)
    assert question_stats("q2", five).facility == pytest.approx(100 / 3)
    assert question_stats("q3", five).facility == pytest.approx(200 / 3)


def test_discrimination_correlates_marks_with_the_percent_on_the_other_questions(five):
    """q1: marks 100, 0, 100, 0 (A B D E); the rest of each attempt: q2 100%, q3 100%, q2 0%,
    q3 100% -> deviations (50, -50, 50, -50) and (25, 25, -75, 25): covariance -5000,
    sums of squares 10000 and 7500, r = -5000 / sqrt(7.5e7) = -0.57735.
    (Raw rest scores 1, 2, 0, 2 would give -0.9045: q3's two points would weigh double.)
    q2: marks 100, 0, 0 (A C D) against rests 100, 0, 100: r = 3333.3 / 6666.7 = 0.5.
    q3: the rest is q1 = 0 or q2 = 0 in B, C and E: it does not vary, so no figure."""
    assert question_stats("q1", five).discrimination == pytest.approx(-57.735, abs=1e-3)
    assert question_stats("q2", five).discrimination == pytest.approx(50.0)
    assert question_stats("q3", five).discrimination is None


def test_the_quiz_summary_uses_each_attempts_own_percent(five):
    summary = summarize_quiz(five)

    assert summary.mean == pytest.approx((100 + 200 / 3 + 0 + 50 + 200 / 3) / 5)
    assert summary.median == pytest.approx(200 / 3)


def test_an_attempt_that_drew_one_question_has_no_rest_to_compare_with():
    doc = published_quiz(BANK, "drawn")
    alone = [AttemptRow(m, 1, (AnswerRow("q1", m, 1, m == 1),), doc) for m in (0, 1, 1)]

    stats = question_stats("q1", alone)

    assert (stats.attempts, stats.facility, stats.discrimination) == (
        3,
        pytest.approx(200 / 3),
        None,
    )


def test_loaded_attempts_hold_only_the_questions_they_drew(app, library):
    slug = import_bank(five_true_false("draw: 2\n"), "drawn-stats")
    for _ in range(3):
        attempt = start_attempt(slug)
        drawn = [q["id"] for q in attempt["questions"]]
        submit_attempt(attempt["attempt_id"], {drawn[0]: True}, library.catalog)

    data = load_quiz_data(slug)

    assert len(data.attempts) == 3
    for row in data.attempts:
        assert len(row.answers) == 2
        assert row.max_score == sum(int(a.question_id[1]) for a in row.answers)
