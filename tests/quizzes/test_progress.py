"""A learner's progress: grades per quiz by grade method, answers per topic, scores over time."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from shipshape.quizzes.attempts import start_attempt
from shipshape.quizzes.progress import learner_progress
from shipshape.quizzes.progress_chart import score_chart
from shipshape.runtime import get_library
from tests.quizzes.review_helpers import RIGHT, WRONG, import_recall_bank, new_learner, take

T = datetime(2026, 3, 1, 9, 0)
HALF = WRONG | {"image-is": RIGHT["image-is"], "own-kernel": False}  # 2 of 4 right


@pytest.fixture
def learner(app) -> int:
    import_recall_bank()
    return new_learner()


def progress(learner_id: int | None) -> dict:
    return learner_progress(learner_id, get_library().catalog)


def test_a_new_learner_has_no_progress(learner):
    assert progress(learner) == {"quizzes": [], "topics": [], "history": []}


def test_no_learner_has_no_progress(app):
    assert progress(None)["quizzes"] == []


def test_each_quiz_shows_attempts_grade_best_and_last(learner):
    take(learner, HALF, now=T)
    take(learner, RIGHT, now=T + timedelta(hours=1))
    take(learner, WRONG, now=T + timedelta(hours=2))
    assert progress(learner)["quizzes"] == [
        {
            "slug": "recall-check", "title": "Recall check", "attempts": 3, "grade": 100.0,
            "grade_method": "highest", "best_percent": 100.0, "last_percent": 0.0,
        }
    ]  # fmt: skip


def test_an_attempt_in_progress_does_not_count(learner):
    take(learner, HALF, now=T)
    start_attempt("recall-check", learner_id=learner, now=T)
    assert progress(learner)["quizzes"][0]["attempts"] == 1


def test_topics_count_questions_answered_and_right_by_the_latest_answer(learner):
    take(learner, WRONG, now=T)
    take(learner, {"image-is": RIGHT["image-is"]}, now=T + timedelta(hours=1))
    topics = {t["slug"]: t for t in progress(learner)["topics"]}
    assert topics["image"] == {"slug": "image", "title": topics["image"]["title"],
                               "answered": 1, "correct": 1}  # fmt: skip
    assert (topics["registries"]["answered"], topics["registries"]["correct"]) == (1, 0)
    assert set(topics) == {"image", "containers-vs-vms", "registries", "docker-container-ls"}
    assert topics["docker-container-ls"]["title"] != "docker-container-ls"  # a topic's title


def test_one_learners_attempts_are_not_in_anothers_progress(learner):
    take(learner, RIGHT, now=T)
    take(new_learner(), WRONG, now=T)
    assert progress(learner)["quizzes"][0]["best_percent"] == 100.0
    assert progress(learner)["quizzes"][0]["attempts"] == 1


def test_history_is_oldest_first_for_the_chart(learner):
    take(learner, RIGHT, now=T + timedelta(hours=1))
    take(learner, HALF, now=T)
    assert [h["percent"] for h in progress(learner)["history"]] == [50.0, 100.0]


def test_the_chart_puts_higher_scores_higher_and_later_attempts_to_the_right():
    history = [
        {"slug": "q", "quiz": "Q", "submitted_at": T, "percent": 20.0},
        {"slug": "q", "quiz": "Q", "submitted_at": T + timedelta(days=1), "percent": 80.0},
    ]
    chart = score_chart(history)
    (series,) = chart.series
    first, second = series.points
    assert first.x < second.x
    assert second.y < first.y  # SVG y grows downwards
    assert first.title == "Q: 20% on 2026-03-01 09:00 UTC"
    assert series.polyline == f"{first.x},{first.y} {second.x},{second.y}"


def test_the_chart_keeps_scores_inside_the_plot():
    chart = score_chart([{"slug": "q", "quiz": "Q", "submitted_at": T, "percent": 100.0}])
    (only,) = chart.points
    assert only.y == chart.top
    zero = score_chart([{"slug": "q", "quiz": "Q", "submitted_at": T, "percent": 0.0}]).points[0]
    assert zero.y == chart.baseline


def test_each_quiz_is_its_own_series_with_its_grade_marked():
    history = [
        {"slug": "a", "quiz": "A", "submitted_at": T, "percent": 73.0},
        {"slug": "b", "quiz": "B", "submitted_at": T + timedelta(days=1), "percent": 6.0},
        {"slug": "a", "quiz": "A", "submitted_at": T + timedelta(days=2), "percent": 90.0},
    ]
    chart = score_chart(history, {"a": 90.0, "b": 6.0})
    a, b = chart.series
    assert [p.percent for p in a.points] == [73.0, 90.0]  # 73% then 6% is not one line
    assert [p.percent for p in b.points] == [6.0]
    assert a.grade_y == a.points[1].y
    assert a.shape != b.shape and a.style != b.style


def test_the_x_axis_is_dates_placed_by_time_and_fewer_on_a_phone():
    history = [
        {"slug": "a", "quiz": "A", "submitted_at": T, "percent": 10.0},
        {"slug": "a", "quiz": "A", "submitted_at": T + timedelta(days=1), "percent": 20.0},
        {"slug": "a", "quiz": "A", "submitted_at": T + timedelta(days=10), "percent": 30.0},
    ]
    wide = score_chart(history, width=640)
    xs = [p.x for p in wide.points]
    assert xs[1] - xs[0] < (xs[2] - xs[1]) / 5  # a day apart, then nine days
    assert wide.x_ticks[0].label == "1 Mar" and wide.x_ticks[-1].label == "11 Mar"
    assert len(score_chart(history, width=340).x_ticks) < len(wide.x_ticks)
    assert score_chart(history, width=340).right == 340 - 16
