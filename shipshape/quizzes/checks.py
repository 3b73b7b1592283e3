"""Everything wrong with a quiz text at once, each problem naming where: for the quiz editor.

The bank parser stops at the first problem; this module lists the others too, and adds what a
file alone cannot show (topics, command answers against the command topics).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import yaml

from .. import safe_yaml
from ..knowledge.catalog import Catalog
from ..knowledge.commands import CommandSyntaxError, split_words
from .bank import MAX_QUESTIONS, SLUG_RE, BankError, Question, QuizDoc, parse_bank, parse_question
from .command_grading import CommandContext
from .files import check_quiz

MAX_TITLE = 200  # the quizzes.title column
SLUG_RULE = "use lowercase letters, digits and hyphens, starting with a letter or digit"
TYPO_CUTOFF = 0.85
_STAND_IN = {"id": "stand-in", "type": "true_false", "prompt": "stand-in", "answer": True}


@dataclass(frozen=True)
class Problem:
    where: str  # "file", "slug", "title", "question 'id'", "question 'id' options[0]", ...
    message: str

    @property
    def question(self) -> str | None:
        """The question id the problem is about, if any."""
        found = re.match(r"question '([^']+)'", self.where)
        return found.group(1) if found else None

    @property
    def part(self) -> str:
        """Where inside the question ("options[0]"); empty when about the question as a whole."""
        question = self.question
        return self.where.removeprefix(f"question '{question}'").strip() if question else ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def load_raw(text: str) -> object:
    """The YAML as plain data, or None when it cannot be read."""
    try:
        return safe_yaml.load(text)
    except (yaml.YAMLError, RecursionError):
        return None


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _question_problems(raw_questions: list) -> list[Problem]:
    """Every question's first problem, and repeated ids, even when an earlier question fails."""
    problems = []
    for index, raw in enumerate(raw_questions):
        try:
            parse_question(raw, index)
        except BankError as exc:
            problems.append(Problem(exc.where, exc.message))
    ids = [q.get("id") for q in raw_questions if isinstance(q, dict)]
    repeated = sorted({i for i in ids if isinstance(i, str) and ids.count(i) > 1})
    if repeated:  # worded as the bank words it, so the two are one problem
        problems.append(Problem("questions", f"repeated id(s): {', '.join(repeated)}"))
    return problems


def _field_problems(data: dict) -> list[Problem]:
    """The first problem with the quiz's own fields, its questions set aside."""
    questions = data.get("questions")
    count = min(len(questions), MAX_QUESTIONS) if isinstance(questions, list) else 0
    stand_ins = [{**_STAND_IN, "id": f"stand-in-{i}"} for i in range(max(count, 1))]
    try:  # as many stand-ins as questions, so that `draw:` is checked against the real count
        parse_bank(safe_yaml.dump({**data, "questions": stand_ins}), "stand-in")
    except BankError as exc:
        return [Problem(exc.where, exc.message)]
    except (yaml.YAMLError, RecursionError):
        pass
    return []


def _every_bank_problem(first: BankError, data: object) -> list[Problem]:
    problems = [Problem(first.where, first.message)]
    if isinstance(data, dict) and first.where not in ("file", "slug"):
        questions = data.get("questions")
        problems += _field_problems(data)
        problems += _question_problems(questions) if isinstance(questions, list) else []
    return problems


def _strictness_problems(data: object) -> list[Problem]:
    """Values YAML reads without complaint but the bank would misread."""
    questions = data.get("questions") if isinstance(data, dict) else None
    problems = []
    for raw in questions if isinstance(questions, list) else []:
        raw = raw if isinstance(raw, dict) else {}
        where = f"question '{raw.get('id')}'"
        answers = raw.get("answers", [])
        if raw.get("type") == "short_answer" and not isinstance(answers, list):
            problems.append(Problem(where, "'answers' must be a list, e.g. [Docker Hub]"))
        for kind in ("options", "items"):
            entries = raw.get(kind)
            for i, entry in enumerate(entries if isinstance(entries, list) else []):
                flag = entry.get("correct", False) if isinstance(entry, dict) else False
                if not isinstance(flag, bool):
                    problems.append(
                        Problem(f"{where} {kind}[{i}]", "'correct' must be true or false")
                    )
    return problems


def _title_problems(title: str) -> list[Problem]:
    if len(title) > MAX_TITLE:
        return [Problem("title", f"must be at most {MAX_TITLE} characters")]
    if any(ord(c) < 32 for c in title):
        return [Problem("title", "must be one line of text without control characters")]
    return []


def _command_words(words: list[str]) -> list[str]:
    """The leading words that name the command, before the first flag."""
    named = []
    for word in words[:4]:
        if word.startswith("-"):
            break
        named.append(word.lower())
    return named


def _typo_of(words: list[str], phrases: dict[str, str]) -> str | None:
    """A known command this unknown one is a near miss of, e.g. `docker contaner ls`."""
    named = _command_words(words)
    for size in range(min(4, len(named)), 1, -1):
        phrase = " ".join(named[:size])
        if any(known.startswith(phrase + " ") for known in phrases):
            return None  # a command group such as `docker image --help`
        close = difflib.get_close_matches(phrase, list(phrases), n=1, cutoff=TYPO_CUTOFF)
        if close:
            return close[0]
    return None


def _command_finding(q: Question, ctx: CommandContext) -> tuple[bool, Problem] | None:
    """(blocking, problem) for a command answer the grader cannot read by meaning, else None."""
    where, answer = f"question '{q.id}'", str(q.answer)
    try:
        words = split_words(answer)
    except CommandSyntaxError as exc:
        return True, Problem(where, f"the answer is not a command line: {exc}")
    try:
        ctx.parse(answer)
        return None
    except CommandSyntaxError:
        typo = _typo_of(words, ctx.phrases)
    if typo:
        return True, Problem(where, f"unknown command in `{answer}`; did you mean `{typo}`?")
    return False, Problem(
        where, f"no command topic describes `{answer}`: only these exact words will count"
    )


def command_findings(doc: QuizDoc, ctx: CommandContext) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) about command answers: unreadable or mistyped, or graded by words."""
    problems, warnings = [], []
    for q in doc.questions:
        found = _command_finding(q, ctx) if q.type == "command" else None
        if found:
            (problems if found[0] else warnings).append(found[1])
    return problems, warnings


def _context(catalog: Catalog) -> CommandContext:
    return CommandContext(catalog.specs, catalog.commands)


def read_quiz(text: str, slug: str, catalog: Catalog) -> tuple[QuizDoc | None, list[Problem]]:
    """The parsed quiz and every problem found in it; the quiz is None when there are problems."""
    bad_slug = not SLUG_RE.match(slug or "")
    data = load_raw(text)
    problems = [Problem("slug", SLUG_RULE)] if bad_slug else []
    problems += _strictness_problems(data)
    try:
        doc = parse_bank(text, "stand-in" if bad_slug else slug)
    except BankError as exc:
        return None, _unique(problems + _every_bank_problem(exc, data))
    except RecursionError:
        return None, [*problems, Problem("file", "is nested too deeply to read")]
    ctx = _context(catalog)
    problems += _title_problems(doc.title)
    problems += [Problem(*p.split(": ", 1)) for p in check_quiz(doc, set(catalog.topics), ctx)]
    problems += command_findings(doc, ctx)[0]
    return (None if problems else doc), problems


def warnings_for(doc: QuizDoc, catalog: Catalog) -> list[Problem]:
    """What is allowed but worth a second look, e.g. a command graded by its exact words."""
    return command_findings(doc, _context(catalog))[1]
