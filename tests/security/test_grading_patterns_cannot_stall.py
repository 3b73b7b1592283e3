"""An instructor's `pattern:` that could backtrack for seconds is refused when saved, and a
pattern already stored is run with a time limit."""

from __future__ import annotations

import time

import pytest

from shipshape.quizzes.bank import parse_bank
from shipshape.quizzes.graders import grade_short
from shipshape.quizzes.patterns import pattern_matches, pattern_problem

QUIZ = """title: Patterns
questions:
  - id: stall
    type: short_answer
    prompt: Type some a's.
    pattern: '{pattern}'
"""
CATASTROPHIC = ["^(a|aa)+$", "(a+)+b", "^(\\w+\\s?)+$", "(x|xy)*z"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_a_catastrophic_pattern_is_refused_on_save(client, token_headers, pattern):
    headers = {**token_headers, "Content-Type": "application/yaml"}
    body = QUIZ.format(pattern=pattern).encode()

    response = client.put("/api/quizzes/patterns", data=body, headers=headers)

    assert response.status_code == 422
    assert "exponential time" in response.get_data(as_text=True)


@pytest.mark.parametrize("pattern", ["docker\\s*hub", "c\\s*groups?|control\\s*groups?", "(?:ab)+"])
def test_ordinary_patterns_are_accepted(pattern):
    assert pattern_problem(pattern) is None


def test_a_stored_catastrophic_pattern_is_cut_short_when_grading():
    question = parse_bank(QUIZ.format(pattern="^(a|aa)+$"), "patterns").questions[0]
    started = time.perf_counter()

    grade = grade_short(question, "a" * 38 + "b", None)

    assert time.perf_counter() - started < 1.0  # was 6 s
    assert grade.correct is False
    assert pattern_matches("^(a|aa)+$", "aaaa")
