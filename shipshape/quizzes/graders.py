"""One grader per question type: check a response's shape, then grade it with teaching feedback."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from .bank import Question
from .command_grading import CommandContext, grade_command
from .patterns import pattern_matches

MAX_TEXT = 2000


class ResponseError(ValueError):
    """A response of the wrong shape for its question, or naming ids it does not have."""


@dataclass(frozen=True)
class Grade:
    points: float
    max_points: float
    correct: bool
    feedback: str
    correct_response: object


def _ids(choices) -> set[str]:
    return {c.id for c in choices}


def _check_single(q: Question, response: object) -> None:
    if not isinstance(response, str) or response not in _ids(q.options):
        raise ResponseError("choose one of the question's option ids")


def _check_multiple(q: Question, response: object) -> None:
    if not isinstance(response, list) or not all(isinstance(r, str) for r in response):
        raise ResponseError("send a list of option ids")
    if len(set(response)) != len(response) or not set(response) <= _ids(q.options):
        raise ResponseError("send distinct option ids that the question has")


def _check_bool(_q: Question, response: object) -> None:
    if not isinstance(response, bool):
        raise ResponseError("send true or false")


def _check_text(_q: Question, response: object) -> None:
    if not isinstance(response, str) or len(response) > MAX_TEXT or "\x00" in response:
        raise ResponseError(f"send text of at most {MAX_TEXT} characters")


def _check_classify(q: Question, response: object) -> None:
    if not isinstance(response, dict) or not set(response) <= _ids(q.items):
        raise ResponseError("send an object mapping the question's item ids to category ids")
    if not all(isinstance(v, str) and v in _ids(q.categories) for v in response.values()):
        raise ResponseError("every value must be one of the question's category ids")


def _check_ordering(q: Question, response: object) -> None:
    if not isinstance(response, list) or not all(isinstance(r, str) for r in response):
        raise ResponseError("send a list of item ids")
    if sorted(response) != sorted(_ids(q.items)):
        raise ResponseError("send every item id exactly once, in your order")


SHAPES = {
    "single_choice": _check_single,
    "multiple_choice": _check_multiple,
    "true_false": _check_bool,
    "short_answer": _check_text,
    "command": _check_text,
    "classify": _check_classify,
    "ordering": _check_ordering,
}


def check_response(question: Question, response: object) -> object:
    """The response if its shape fits the question, else ResponseError saying what is wrong."""
    SHAPES[question.type](question, response)
    return response


def _teach(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


def grade_single(q: Question, response: str, _ctx) -> Grade:
    right = next(o for o in q.options if o.correct)
    chosen = next(o for o in q.options if o.id == response)
    ok = chosen.id == right.id
    return Grade(
        q.points if ok else 0.0, q.points, ok, _teach(chosen.feedback, q.explanation), right.id
    )


def grade_multiple(q: Question, response: list, _ctx) -> Grade:
    right = {o.id for o in q.options if o.correct}
    picked = set(response)
    share = max(0.0, (len(picked & right) - len(picked - right)) / len(right))
    notes = [f"- {o.text}: {o.feedback}" for o in q.options if o.id in picked and o.feedback]
    missed = [f"- Also right: {o.text}" for o in q.options if o.id in right - picked]
    feedback = _teach("\n".join(notes + missed), q.explanation)
    return Grade(round(q.points * share, 4), q.points, picked == right, feedback, sorted(right))


def grade_true_false(q: Question, response: bool, _ctx) -> Grade:
    ok = response is q.answer
    verdict = "Right." if ok else f"Not quite: the statement is {'true' if q.answer else 'false'}."
    return Grade(q.points if ok else 0.0, q.points, ok, _teach(verdict, q.explanation), q.answer)


def normalize_text(text: str) -> str:
    """Case, spacing and punctuation ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def grade_short(q: Question, response: str, _ctx) -> Grade:
    given = normalize_text(response)
    ok = given in {normalize_text(a) for a in q.answers} and bool(given)
    if not ok and q.pattern:
        ok = pattern_matches(q.pattern, response.strip())
    verdict = (
        "Right." if ok else f"The expected answer is {q.answers[0] if q.answers else 'different'}."
    )
    expected = q.answers[0] if q.answers else None
    return Grade(q.points if ok else 0.0, q.points, ok, _teach(verdict, q.explanation), expected)


def grade_classify(q: Question, response: dict, _ctx) -> Grade:
    key = {i.id: i.category for i in q.items}
    names = {c.id: c.text for c in q.categories}
    right = [i for i in q.items if response.get(i.id) == i.category]
    wrong = [f"- {i.text} belongs under {names[i.category]}." for i in q.items if i not in right]
    share = len(right) / len(q.items)
    feedback = _teach("\n".join(wrong), q.explanation)
    return Grade(round(q.points * share, 4), q.points, share == 1.0, feedback, key)


def longest_ordered_run(response: list, order: list) -> int:
    """Length of the longest stretch of the response whose neighbours follow each other in order."""
    position = {item: i for i, item in enumerate(order)}
    best = run = 1
    for before, after in pairwise(response):
        run = run + 1 if position[after] == position[before] + 1 else 1
        best = max(best, run)
    return best if response else 0


def grade_ordering(q: Question, response: list, _ctx) -> Grade:
    order = [i.id for i in q.items]
    run = longest_ordered_run(response, order)
    share = run / len(order) if run > 1 else 0.0
    steps = "\n".join(f"{n}. {i.text}" for n, i in enumerate(q.items, 1))
    feedback = _teach("" if response == order else f"The right order:\n\n{steps}", q.explanation)
    return Grade(round(q.points * share, 4), q.points, response == order, feedback, order)


def grade_command_question(q: Question, response: str, ctx: CommandContext) -> Grade:
    ok, hint = grade_command(str(q.answer), response, ctx)
    return Grade(q.points if ok else 0.0, q.points, ok, _teach(hint, q.explanation), q.answer)


GRADERS: dict[str, Callable[[Question, object, CommandContext | None], Grade]] = {
    "single_choice": grade_single,
    "multiple_choice": grade_multiple,
    "true_false": grade_true_false,
    "short_answer": grade_short,
    "command": grade_command_question,
    "classify": grade_classify,
    "ordering": grade_ordering,
}


def grade(question: Question, response: object, ctx: CommandContext | None = None) -> Grade:
    """Grade one response; an unanswered question (None) scores zero and still teaches."""
    if response is None:
        feedback = _teach("Not answered.", question.explanation)
        return Grade(0.0, question.points, False, feedback, _expected(question))
    return GRADERS[question.type](question, check_response(question, response), ctx)


def _expected(q: Question) -> object:
    return {
        "single_choice": lambda: next(o.id for o in q.options if o.correct),
        "multiple_choice": lambda: sorted(o.id for o in q.options if o.correct),
        "true_false": lambda: q.answer,
        "short_answer": lambda: q.answers[0] if q.answers else None,
        "command": lambda: q.answer,
        "classify": lambda: {i.id: i.category for i in q.items},
        "ordering": lambda: [i.id for i in q.items],
    }[q.type]()
