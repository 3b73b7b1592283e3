"""Quiz statistics after Moodle's definitions ("Quiz statistics calculations"), on plain data.

Every submitted attempt counts as an independent attempt (Moodle's "all attempts"). Standard
deviations are sample ones (divided by n - 1), and undefined (None) below two attempts.
With `draw:` each attempt has its own questions: a question's figures come from the attempts that
drew it, and the test score its marks are correlated with is the attempt's percent on its other
questions (scores out of different totals are not comparable; without draws it is the same r).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

from .bank import QuizDoc
from .wrong_answers import WrongAnswer, most_chosen_wrong


class AnswerRow(NamedTuple):
    """One question's mark in one attempt; response None when it was not answered.

    A named tuple: one is built per question per attempt, and a frozen dataclass is ~2.5x slower.
    """

    question_id: str
    points: float
    max_points: float
    correct: bool
    response: object = None


@dataclass(frozen=True)
class AttemptRow:
    """A submitted attempt: its score, a mark for every question it drew, and that revision."""

    score: float
    max_score: float
    answers: tuple[AnswerRow, ...]
    doc: QuizDoc

    @property
    def percent(self) -> float:
        return 100 * self.score / self.max_score if self.max_score else 0.0

    def rest_percent(self, answer: AnswerRow) -> float | None:
        """The percent on the attempt's other questions; None when it drew no other."""
        rest_max = self.max_score - answer.max_points
        return 100 * (self.score - answer.points) / rest_max if rest_max > 0 else None

    @cached_property
    def by_question(self) -> dict[str, AnswerRow]:
        return {a.question_id: a for a in self.answers}


@dataclass(frozen=True)
class QuizSummary:
    attempts: int
    mean: float | None
    median: float | None
    sd: float | None


@dataclass(frozen=True)
class QuestionStats:
    """Facility and sd in percent of the question's marks; discrimination from -100 to 100."""

    question_id: str
    type: str
    prompt: str
    attempts: int
    facility: float | None
    sd: float | None
    discrimination: float | None
    wrong_answers: tuple[WrongAnswer, ...]
    in_current_revision: bool


def mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _constant(values: Sequence[float]) -> bool:
    # compared directly: a float mean of equal values can differ from them by a rounding error
    return min(values) == max(values)


def sample_sd(values: Sequence[float]) -> float | None:
    """Standard deviation with n - 1; None below two values, 0.0 when they are all equal."""
    if len(values) < 2:
        return None
    return 0.0 if _constant(values) else statistics.stdev(values)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; None below two pairs or when either side does not vary."""
    if len(xs) != len(ys):
        raise ValueError("pearson needs two sequences of the same length")
    if len(xs) < 2 or _constant(xs) or _constant(ys):
        return None
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    covariance = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    spread = math.sqrt(sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys))
    return max(-1.0, min(1.0, covariance / spread))


def discrimination_index(marks: Sequence[float], rest: Sequence[float]) -> float | None:
    """100 x the correlation between a question's marks and the marks on the rest of the test."""
    r = pearson(marks, rest)
    return None if r is None else 100 * r


def summarize_quiz(attempts: Sequence[AttemptRow]) -> QuizSummary:
    percents = [a.percent for a in attempts]
    return QuizSummary(len(percents), mean(percents), median(percents), sample_sd(percents))


def _marks_of(
    question_id: str, attempts: Sequence[AttemptRow]
) -> list[tuple[AttemptRow, AnswerRow]]:
    rows = ((attempt, attempt.by_question.get(question_id)) for attempt in attempts)
    return [(attempt, row) for attempt, row in rows if row is not None]


def question_stats(
    question_id: str, attempts: Sequence[AttemptRow], in_current_revision: bool = True
) -> QuestionStats:
    """Statistics of one question over the attempts that drew it (any revision)."""
    pairs = _marks_of(question_id, attempts)
    shares = [100 * a.points / a.max_points if a.max_points else 0.0 for _, a in pairs]
    rests = [attempt.rest_percent(a) for attempt, a in pairs]
    marks = [share for share, rest in zip(shares, rests, strict=True) if rest is not None]
    rest = [r for r in rests if r is not None]
    docs = {id(attempt.doc): attempt.doc for attempt, _ in pairs}  # one per revision drawn
    drawn = {key: doc.question(question_id) for key, doc in docs.items()}
    question = drawn[id(pairs[-1][0].doc)] if pairs else None
    return QuestionStats(
        question_id=question_id,
        type=question.type if question else "",
        prompt=question.prompt if question else "",
        attempts=len(pairs),
        facility=mean(shares),
        sd=sample_sd(shares),
        discrimination=discrimination_index(marks, rest),
        wrong_answers=most_chosen_wrong(
            [(drawn[id(attempt.doc)], a.response, a.correct) for attempt, a in pairs]
        ),
        in_current_revision=in_current_revision,
    )


def question_order(current: QuizDoc, attempts: Sequence[AttemptRow]) -> list[str]:
    """The current revision's questions in order, then any only older revisions had."""
    order = {q.id: None for q in current.questions}
    for attempt in attempts:
        order.update((a.question_id, None) for a in attempt.answers if a.question_id not in order)
    return list(order)


def all_question_stats(current: QuizDoc, attempts: Sequence[AttemptRow]) -> list[QuestionStats]:
    present = {q.id for q in current.questions}
    return [
        _with_current_prompt(question_stats(qid, attempts, qid in present), current)
        for qid in question_order(current, attempts)
    ]


def _with_current_prompt(stats: QuestionStats, current: QuizDoc) -> QuestionStats:
    question = current.question(stats.question_id)
    if question is None:
        return stats
    return replace(stats, type=question.type, prompt=question.prompt)
