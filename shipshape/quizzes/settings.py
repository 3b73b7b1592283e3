"""A quiz file's keys: the ones it may use, and Moodle's settings (draw, grade method, when the
right answers show, the closing time), read into plain values. Errors name the key."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import UTC, datetime

GRADE_METHODS = ("highest", "last", "average", "first")
SHOW_CORRECT = ("immediately", "after_deadline", "never")
GRADE_METHOD_TEXT = {  # "Your grade is ..." on the quiz list
    "highest": "the highest of your attempts",
    "last": "your last attempt",
    "average": "the average of your attempts",
    "first": "your first attempt",
}
QUIZ_KEYS = (
    "title", "description", "pass_percent", "time_limit_minutes", "max_attempts",
    "draw", "grade_method", "show_correct", "closes_at", "questions",
)  # fmt: skip
COMMON_QUESTION_KEYS = ("id", "type", "prompt", "explanation", "topics", "points")
QUESTION_KEYS = {
    "single_choice": ("options",),
    "multiple_choice": ("options",),
    "true_false": ("answer",),
    "short_answer": ("answers", "answer", "pattern"),
    "command": ("answer",),
    "classify": ("categories", "items"),
    "ordering": ("items",),
}
CHOICE_KEYS = ("id", "text", "correct", "feedback", "category")
ALL_QUESTION_KEYS = set(COMMON_QUESTION_KEYS).union(*QUESTION_KEYS.values())


class SettingError(ValueError):
    """A key that does not belong, or a setting with a value it cannot take."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where, self.message = where, message


@dataclass(frozen=True)
class QuizSettings:
    draw: int | None = None  # questions per attempt; None: all of them
    grade_method: str = "highest"
    show_correct: str = "immediately"
    closes_at: datetime | None = None  # naive UTC, as the database keeps times


def _unknown(raw: dict, known: tuple[str, ...] | set[str]) -> list[str]:
    return [str(k) for k in raw if k not in known]


def _named(key: str, known) -> str:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.75)
    return f"unknown key '{key}'" + (f" (did you mean '{close[0]}'?)" if close else "")


def check_quiz_keys(data: dict) -> None:
    """Every top-level key must be one the quiz format knows."""
    unknown = _unknown(data, QUIZ_KEYS)
    if unknown:
        raise SettingError("quiz", "; ".join(_named(k, QUIZ_KEYS) for k in unknown))


def check_question_keys(raw: dict, qtype: str, where: str) -> None:
    """A question's keys: common ones and those of its type; another type's key is named so."""
    allowed = (*COMMON_QUESTION_KEYS, *QUESTION_KEYS.get(qtype, ()))
    problems = [
        f"'{k}' does not apply to a {qtype} question"
        if k in ALL_QUESTION_KEYS
        else _named(k, allowed)
        for k in _unknown(raw, allowed)
    ]
    if problems:
        raise SettingError(where, "; ".join(problems))


def check_choice_keys(raw: dict, where: str) -> None:
    unknown = _unknown(raw, CHOICE_KEYS)
    if unknown:
        raise SettingError(where, "; ".join(_named(k, CHOICE_KEYS) for k in unknown))


def _draw(data: dict, question_count: int) -> int | None:
    value = data.get("draw")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= question_count:
        raise SettingError(
            "draw", f"must be a whole number from 1 to {question_count} (the number of questions)"
        )
    return value


def _choice(data: dict, key: str, allowed: tuple[str, ...]) -> str:
    value = data.get(key)
    if value is None:
        return allowed[0]
    if value not in allowed:
        raise SettingError(key, f"must be one of {', '.join(allowed)}")
    return value


def _closes_at(data: dict) -> datetime | None:
    value = data.get("closes_at")
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            value = None
    if not isinstance(value, datetime):  # a bare date (YAML reads one) has no time of day
        raise SettingError("closes_at", "must be a date and time in UTC, e.g. 2026-06-30T18:00:00Z")
    if value.tzinfo is not None:
        try:
            value = value.astimezone(UTC).replace(tzinfo=None)
        except OverflowError as exc:  # e.g. 0001-01-01T00:00:00+01:00 is before year 1 in UTC
            raise SettingError("closes_at", "is out of range") from exc
    return value


def parse_settings(data: dict, question_count: int, has_time_limit: bool) -> QuizSettings:
    """The quiz-level settings of a file already known to have `question_count` questions."""
    settings = QuizSettings(
        draw=_draw(data, question_count),
        grade_method=_choice(data, "grade_method", GRADE_METHODS),
        show_correct=_choice(data, "show_correct", SHOW_CORRECT),
        closes_at=_closes_at(data),
    )
    if settings.show_correct == "after_deadline" and not (settings.closes_at or has_time_limit):
        raise SettingError(
            "show_correct",
            "after_deadline needs a deadline: set closes_at or time_limit_minutes",
        )
    return settings


def iso_utc(moment: datetime | None) -> str | None:
    """A naive UTC time as ISO 8601 with a Z, as the API writes times."""
    return moment.isoformat() + "Z" if moment else None
