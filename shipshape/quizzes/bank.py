"""Quiz bank files (YAML) to plain data; errors name the file, the question and the problem."""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import yaml

from .. import safe_yaml
from .settings import (
    SettingError,
    check_choice_keys,
    check_question_keys,
    check_quiz_keys,
    parse_settings,
)

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
MAX_TITLE = 200  # the database column's size
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")
TYPES = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "short_answer",
    "command",
    "classify",
    "ordering",
)
MAX_QUESTIONS = 500


class BankError(ValueError):
    """A quiz file that cannot be accepted: where (question id or field) and what is wrong."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where, self.message = where, message


@contextmanager
def _as_bank_error():
    try:
        yield
    except SettingError as exc:
        raise BankError(exc.where, exc.message) from exc


@dataclass(frozen=True)
class Choice:
    """An option of a choice question, an item to classify or order, or a category."""

    id: str
    text: str
    correct: bool = False
    feedback: str = ""
    category: str | None = None


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    explanation: str = ""
    topics: tuple[str, ...] = ()
    points: float = 1.0
    options: tuple[Choice, ...] = ()
    items: tuple[Choice, ...] = ()
    categories: tuple[Choice, ...] = ()
    answer: object = None  # true_false: bool; command: the canonical command line
    answers: tuple[str, ...] = ()  # short_answer alternates
    pattern: str | None = None


@dataclass(frozen=True)
class QuizDoc:
    slug: str
    title: str
    description: str
    questions: tuple[Question, ...]
    text: str
    pass_percent: float = 70.0
    time_limit_minutes: float | None = None
    max_attempts: int | None = None
    draw: int | None = None  # questions drawn per attempt; None: every question
    grade_method: str = "highest"  # highest | last | average | first
    show_correct: str = "immediately"  # immediately | after_deadline | never
    closes_at: datetime | None = None  # naive UTC

    @property
    def questions_per_attempt(self) -> int:
        return self.draw or len(self.questions)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def _title(data: dict) -> str:
    title = _text(data, "title", "file")
    if len(title) > MAX_TITLE:
        raise BankError("title", f"at most {MAX_TITLE} characters")
    return title


def _text(raw: dict, key: str, where: str, required: bool = True) -> str:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BankError(where, f"'{key}' is required")
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise BankError(where, f"'{key}' must be text")
    return str(value).strip()


def _choices(raw: object, where: str, kind: str) -> tuple[Choice, ...]:
    if not isinstance(raw, list) or not raw:
        raise BankError(where, f"'{kind}' must be a non-empty list")
    choices, seen = [], set()
    for i, entry in enumerate(raw):
        spot = f"{where} {kind}[{i}]"
        if not isinstance(entry, dict):
            raise BankError(spot, "must be a mapping with id and text")
        with _as_bank_error():
            check_choice_keys(entry, spot)
        cid = _text(entry, "id", spot)
        if not ID_RE.match(cid) or cid in seen:
            raise BankError(spot, f"id '{cid}' is invalid or repeated")
        seen.add(cid)
        category = entry.get("category")
        choices.append(
            Choice(
                cid,
                _text(entry, "text", spot),
                bool(entry.get("correct", False)),
                _text(entry, "feedback", spot, required=False),
                str(category) if category is not None else None,
            )
        )
    return tuple(choices)


def _number(raw: dict, key: str, where: str, default, low: float, high: float):
    value = default if raw.get(key) is None else raw[key]  # `points:` left empty means the default
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise BankError(where, f"'{key}' must be a number from {low:g} to {high:g}")
    return value


def _check_choice(q: dict, where: str, single: bool) -> dict:
    options = _choices(q.get("options"), where, "options")
    right = sum(o.correct for o in options)
    if single and right != 1:
        raise BankError(where, f"a single_choice needs exactly one correct option, found {right}")
    if not single and right < 1:
        raise BankError(where, "a multiple_choice needs at least one correct option")
    if len(options) < 2:
        raise BankError(where, "needs at least two options")
    return {"options": options}


def _check_true_false(q: dict, where: str) -> dict:
    if not isinstance(q.get("answer"), bool):
        raise BankError(where, "a true_false needs 'answer: true' or 'answer: false'")
    return {"answer": q["answer"]}


def _check_short_answer(q: dict, where: str) -> dict:
    raw = q.get("answers") or ([q["answer"]] if q.get("answer") is not None else [])
    answers = tuple(str(a).strip() for a in raw if str(a).strip())
    pattern = q.get("pattern")
    if pattern is not None:
        try:
            re.compile(str(pattern))
        except re.error as exc:
            raise BankError(where, f"'pattern' is not a valid regex: {exc}") from exc
    if not answers and pattern is None:
        raise BankError(where, "a short_answer needs 'answers' (a list) or a 'pattern'")
    return {"answers": answers, "pattern": str(pattern) if pattern is not None else None}


def _check_command(q: dict, where: str) -> dict:
    answer = _text(q, "answer", where)
    if not answer.lower().startswith("docker "):
        raise BankError(where, "a command answer must be a docker command line")
    return {"answer": answer}


def _check_classify(q: dict, where: str) -> dict:
    categories = _choices(q.get("categories"), where, "categories")
    items = _choices(q.get("items"), where, "items")
    known = {c.id for c in categories}
    for item in items:
        if item.category not in known:
            raise BankError(where, f"item '{item.id}' names no known category")
    return {"categories": categories, "items": items}


def _check_ordering(q: dict, where: str) -> dict:
    items = _choices(q.get("items"), where, "items")
    if len(items) < 2:
        raise BankError(where, "an ordering needs at least two items")
    return {"items": items}


CHECKS = {
    "single_choice": lambda q, w: _check_choice(q, w, single=True),
    "multiple_choice": lambda q, w: _check_choice(q, w, single=False),
    "true_false": _check_true_false,
    "short_answer": _check_short_answer,
    "command": _check_command,
    "classify": _check_classify,
    "ordering": _check_ordering,
}


def parse_question(raw: object, index: int) -> Question:
    if not isinstance(raw, dict):
        raise BankError(f"question {index + 1}", "must be a mapping")
    qid = _text(raw, "id", f"question {index + 1}")
    where = f"question '{qid}'"
    if not ID_RE.match(qid):
        raise BankError(where, "the id may use letters, digits, '-', '_' and '.'")
    qtype = _text(raw, "type", where)
    if qtype not in CHECKS:
        raise BankError(where, f"unknown type '{qtype}'; use one of {', '.join(TYPES)}")
    topics = raw.get("topics") or []
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        raise BankError(where, "'topics' must be a list of topic slugs")
    question = Question(
        id=qid,
        type=qtype,
        prompt=_text(raw, "prompt", where),
        explanation=_text(raw, "explanation", where, required=False),
        topics=tuple(topics),
        points=float(_number(raw, "points", where, 1, 0.1, 100)),
        **CHECKS[qtype](raw, where),
    )
    with _as_bank_error():  # after the checks above: a missing prompt is the first thing to fix
        check_question_keys(raw, qtype, where)
    return question


def parse_bank(text: str, slug: str) -> QuizDoc:
    """Parse one quiz file; BankError names the question and the problem."""
    if not SLUG_RE.match(slug or ""):
        raise BankError("slug", "use lowercase letters, digits and hyphens")
    try:
        data = safe_yaml.load(text)
    except yaml.YAMLError as exc:
        raise BankError("file", safe_yaml.problem(exc)) from exc
    if not isinstance(data, dict):
        raise BankError("file", "must be a YAML mapping with title and questions")
    with _as_bank_error():
        check_quiz_keys(data)
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise BankError("questions", "must be a non-empty list")
    if len(raw_questions) > MAX_QUESTIONS:
        raise BankError("questions", f"at most {MAX_QUESTIONS} per quiz")
    questions = tuple(parse_question(q, i) for i, q in enumerate(raw_questions))
    ids = [q.id for q in questions]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise BankError("questions", f"repeated id(s): {', '.join(repeated)}")
    max_attempts = _number(data, "max_attempts", "max_attempts", None, 1, 1000)
    time_limit = _number(data, "time_limit_minutes", "time_limit_minutes", None, 0.5, 1440)
    with _as_bank_error():
        settings = parse_settings(data, len(questions), has_time_limit=time_limit is not None)
    return QuizDoc(
        slug=slug,
        title=_title(data),
        description=_text(data, "description", "file", required=False),
        questions=questions,
        text=text,
        pass_percent=float(_number(data, "pass_percent", "pass_percent", 70, 0, 100)),
        time_limit_minutes=time_limit,
        max_attempts=int(max_attempts) if max_attempts is not None else None,
        draw=settings.draw,
        grade_method=settings.grade_method,
        show_correct=settings.show_correct,
        closes_at=settings.closes_at,
    )
