"""Moodle GIFT export of a quiz bank (a pure function, no app or database).

`bank_to_gift` writes single_choice, multiple_choice (weights), true_false, short_answer
and classify (as matching) questions. Command and ordering questions, short-answer regex patterns
and points have no GIFT form: they are reported (line 0). Topics are not exported.
"""

from __future__ import annotations

from .bank import Question, QuizDoc
from .gift import NO_PLACE, GiftProblem
from .gift_syntax import SPECIAL, Unsupported


def _esc(text: str, extra: str = "") -> str:
    """Plain text to GIFT: backslash-escape the special characters, newlines as \\n."""
    out = text.replace("\\", "\\\\")
    for char in SPECIAL + extra:
        out = out.replace(char, "\\" + char)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _percent(value: float) -> str:
    return "%" + f"{value:.5f}".rstrip("0").rstrip(".") + "%"


def _feedback(text: str) -> str:
    return f"#{_esc(text)}" if text else ""


def _write_choice(question: Question) -> tuple[list[str], list[str]]:
    options = question.options
    if question.type == "single_choice":
        marks = ["=" if option.correct else "~" for option in options]
    else:
        right = sum(option.correct for option in options)
        wrong = len(options) - right
        marks = [
            "~" + _percent(100 / right if option.correct else -100 / wrong) for option in options
        ]
    lines = [
        f"{mark}{_esc(option.text)}{_feedback(option.feedback)}"
        for mark, option in zip(marks, options, strict=True)
    ]
    return lines, []


def _write_true_false(question: Question) -> tuple[list[str], list[str]]:
    return ["TRUE" if question.answer else "FALSE"], []


def _write_short_answer(question: Question) -> tuple[list[str], list[str]]:
    if not question.answers:
        raise Unsupported("only a regex pattern, which GIFT cannot express")
    notes = []
    if question.pattern:
        notes.append("the regex pattern is not exported, only the listed answers")
    return [f"={_esc(answer, '*')}" for answer in question.answers], notes


def _write_classify(question: Question) -> tuple[list[str], list[str]]:
    names = {category.id: category.text for category in question.categories}
    if any("->" in item.text for item in question.items):
        raise Unsupported("an item contains '->', which GIFT cannot escape")
    lines = [f"={_esc(item.text)} -> {_esc(names[item.category])}" for item in question.items]
    used = {item.category for item in question.items}
    lines += [f"= -> {_esc(c.text)}" for c in question.categories if c.id not in used]
    notes = [f"feedback on item '{item.id}' {NO_PLACE}" for item in question.items if item.feedback]
    return lines, notes


_WRITERS = {
    "single_choice": _write_choice,
    "multiple_choice": _write_choice,
    "true_false": _write_true_false,
    "short_answer": _write_short_answer,
    "classify": _write_classify,
}


def _write_question(question: Question, lines: list[str]) -> str:
    body = [f"\t{line}" for line in lines]
    if question.explanation:
        body.append(f"\t####{_esc(question.explanation)}")
    head = f"::{_esc(question.id)}::[markdown]{_esc(question.prompt)} {{"
    return "\n".join([head, *body, "}"])


def _header(doc: QuizDoc) -> str:
    lines = [f"// {' '.join(doc.title.split())}", f"// Shipshape quiz '{doc.slug}'"]
    if doc.description:
        lines.insert(1, f"// {' '.join(doc.description.split())}")
    return "\n".join(lines)


def _export(question: Question) -> tuple[str | None, list[str]]:
    """One question as GIFT text (None when left out), plus problem messages."""
    where = f"question '{question.id}' ({question.type})"
    writer = _WRITERS.get(question.type)
    if writer is None:
        return None, [f"{where}: GIFT has no equivalent; left out"]
    try:
        lines, notes = writer(question)
    except Unsupported as exc:
        return None, [f"{where}: {exc}; left out"]
    if question.points != 1:
        notes.append(f"points ({question.points:g}) are not exported; GIFT has no points")
    return _write_question(question, lines), [f"{where}: {note}" for note in notes]


def _settings_notes(doc: QuizDoc) -> list[str]:
    """Quiz settings set away from their defaults: GIFT holds questions, not quiz settings."""
    settings = {
        "draw": doc.draw,
        "grade_method": None if doc.grade_method == "highest" else doc.grade_method,
        "show_correct": None if doc.show_correct == "immediately" else doc.show_correct,
        "closes_at": doc.closes_at.isoformat() + "Z" if doc.closes_at else None,
    }
    return [
        f"quiz setting '{key}: {value}' is not exported; GIFT has no quiz settings"
        for key, value in settings.items()
        if value is not None
    ]


def bank_to_gift(doc: QuizDoc) -> tuple[str, list[GiftProblem]]:
    """A parsed quiz to GIFT text, plus the questions, details and settings GIFT cannot express."""
    parts = [_header(doc)]
    problems = [GiftProblem(0, message) for message in _settings_notes(doc)]
    for question in doc.questions:
        text, messages = _export(question)
        if text is not None:
            parts.append(text)
        problems.extend(GiftProblem(0, message) for message in messages)
    return "\n\n".join(parts) + "\n", problems
