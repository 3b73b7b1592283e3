"""The wrong answers learners give most, per question: option texts, or normalized responses.

Option, item and category ids are the published ones, stable across revisions, so counts are
keyed by id and labelled with the text of the revision each attempt drew (the latest one seen wins).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .bank import Question
from .graders import normalize_text

TOP = 5  # for free text, commands, placements and orders; choice questions list every option
MAX_LABEL = 200
CHOICE_TYPES = ("single_choice", "multiple_choice", "true_false")

Pick = tuple[str, str]  # (key that groups equal answers, text shown to the instructor)


@dataclass(frozen=True)
class WrongAnswer:
    text: str
    count: int


def _single(q: Question, response: object, _correct: bool) -> list[Pick]:
    chosen = next((o for o in q.options if o.id == response), None)
    return [(chosen.id, chosen.text)] if chosen is not None and not chosen.correct else []


def _multiple(q: Question, response: object, _correct: bool) -> list[Pick]:
    picked = {r for r in response if isinstance(r, str)} if isinstance(response, list) else set()
    return [(o.id, o.text) for o in q.options if o.id in picked and not o.correct]


def _true_false(q: Question, response: object, _correct: bool) -> list[Pick]:
    if not isinstance(response, bool) or response is q.answer:
        return []
    return [(str(response), "True" if response else "False")]


def _text_with(normalize: Callable[[str], str]) -> Callable[[Question, object, bool], list[Pick]]:
    def pick(_q: Question, response: object, correct: bool) -> list[Pick]:
        text = normalize(response) if isinstance(response, str) else ""
        return [(text, text)] if text and not correct else []

    return pick


def normalize_command(text: str) -> str:
    """Spacing ignored; case kept, since names and values in a command line are case-sensitive."""
    return " ".join(text.split())


def _classify(q: Question, response: object, _correct: bool) -> list[Pick]:
    if not isinstance(response, dict):
        return []
    names = {c.id: c.text for c in q.categories}
    placed = [(i, response.get(i.id)) for i in q.items if i.id in response]
    return [
        (f"{i.id}>{where}", f"{i.text} → {names.get(where, '?')}")
        for i, where in placed
        if where != i.category
    ]


def _ordering(q: Question, response: object, correct: bool) -> list[Pick]:
    if correct or not isinstance(response, list) or not response:
        return []
    texts = {i.id: i.text for i in q.items}
    return [("|".join(map(str, response)), " → ".join(texts.get(r, "?") for r in response))]


PICKERS: dict[str, Callable[[Question, object, bool], list[Pick]]] = {
    "single_choice": _single,
    "multiple_choice": _multiple,
    "true_false": _true_false,
    "short_answer": _text_with(normalize_text),
    "command": _text_with(normalize_command),
    "classify": _classify,
    "ordering": _ordering,
}


def wrong_picks(question: Question, response: object, correct: bool) -> list[Pick]:
    """What was wrong in one response: the wrong options picked, or the wrong text given."""
    if response is None:
        return []
    return PICKERS[question.type](question, response, correct)


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def most_chosen_wrong(
    answers: Iterable[tuple[Question | None, object, bool]],
) -> tuple[WrongAnswer, ...]:
    """(question as the attempt drew it, response, graded correct) -> the most frequent wrong."""
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    kind = ""
    for question, response, correct in answers:
        if question is None:
            continue
        kind = question.type
        for key, label in wrong_picks(question, response, correct):
            counts[key] += 1
            labels[key] = label
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], labels[pair[0]]))
    limit = None if kind in CHOICE_TYPES else TOP
    return tuple(WrongAnswer(_short(labels[key]), n) for key, n in ranked[:limit])
