"""How several attempts make one grade: Moodle's highest, last, average and first."""

import pytest

from shipshape.quizzes.grading_methods import quiz_grade

SCORES = [40.0, 90.0, 60.0]


@pytest.mark.parametrize(
    ("method", "grade"),
    [("highest", 90.0), ("last", 60.0), ("first", 40.0), ("average", 63.3)],
)
def test_each_method_picks_its_grade(method, grade):
    assert quiz_grade(SCORES, method) == grade


def test_the_default_is_the_highest():
    assert quiz_grade(SCORES) == 90.0


def test_an_unknown_method_counts_as_highest():
    assert quiz_grade(SCORES, "median") == 90.0


def test_no_attempts_have_no_grade():
    assert quiz_grade([], "average") is None


def test_one_attempt_is_its_own_grade_by_every_method():
    assert {quiz_grade([55.5], m) for m in ("highest", "last", "average", "first")} == {55.5}
