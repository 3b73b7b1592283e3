r"""Moodle GIFT import for quiz banks (pure functions, no app or database; export: gift_export).

GIFT is Moodle's plain-text question format (https://docs.moodle.org/en/GIFT_format).

Import, `gift_to_yaml`, writes quiz YAML that `parse_bank` accepts:
  {=right ~wrong ~wrong}          -> single_choice (several '=' answers -> multiple_choice)
  {~%50%a ~%50%b ~%-100%c}        -> multiple_choice (an answer with a positive weight is correct)
  {T} {TRUE} {F} {FALSE}          -> true_false
  {=answer =alternate}            -> short_answer ('*' wildcards become a regex `pattern`)
  {=item -> category ...}         -> classify (the distinct right-hand sides are the categories)
  text {...} more text            -> the same, with "_____" marking the gap in the prompt
It reads ::names:: (they become ids), // comments, [html]/[moodle]/[plain]/[markdown] markers,
#feedback per answer, ####general feedback (the explanation), the escapes \\ \~ \= \# \{ \} \:
and \n, and skips $CATEGORY: lines. Essay, numerical, description-only items and unknown syntax are
reported as GiftProblem with the line where the question starts, as is every detail the quiz format
has no place for (true/false and short-answer feedback, partial-credit short answers, feedback on
matching pairs). GIFT weights only decide which options are correct: the quiz grades itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import safe_yaml
from .gift_syntax import (
    RESTORE,
    STAR,
    Answer,
    Unsupported,
    blocks,
    clean,
    protect,
    split_answers,
    split_braces,
    split_title,
    without_format,
)

GAP = "_____"
_TRUE_FALSE_RE = re.compile(
    r"^(TRUE|FALSE|T|F)\s*(?:#(.*?))?(?:#(.*))?$", re.IGNORECASE | re.DOTALL
)
NO_PLACE = "has no place in the quiz format; dropped"


@dataclass(frozen=True)
class GiftProblem:
    """Something that could not be carried over: line is 1-based in the GIFT file, 0 on export."""

    line: int
    message: str


# ---------------------------------------------------------------- text helpers


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def _unique(base: str, used: set[str]) -> str:
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate


def _letter(index: int) -> str:
    return chr(ord("a") + index) if index < 26 else f"o{index + 1}"


# ---------------------------------------------------------------- import


def _gap_prompt(before: str, after: str) -> str:
    if not after:
        return before
    if not before:
        return f"{GAP} {after}"
    joiner = "" if after[0] in ".,;:!?)'\"" else " "
    return f"{before} {GAP}{joiner}{after}"


def _true_false(match: re.Match[str]) -> tuple[dict, list[str]]:
    notes = []
    if any(clean(part or "") for part in match.groups()[1:]):
        notes.append(f"true/false answer feedback {NO_PLACE}")
    return {"type": "true_false", "answer": match.group(1).upper().startswith("T")}, notes


def _is_correct(answer: Answer) -> bool:
    """'=' means right, '~' wrong; a weight overrides the mark (positive = right)."""
    if answer.weight is not None:
        return answer.weight > 0
    return answer.mark == "="


def _option(index: int, answer: Answer) -> dict:
    text = clean(answer.raw)
    if not text:
        raise Unsupported("unknown syntax: an answer has no text")
    option: dict = {"id": _letter(index), "text": text}
    if _is_correct(answer):
        option["correct"] = True
    if answer.feedback:
        option["feedback"] = answer.feedback
    return option


def _choice(answers: list[Answer]) -> tuple[dict, list[str]]:
    options = [_option(index, answer) for index, answer in enumerate(answers)]
    right = sum(1 for option in options if option.get("correct"))
    if len(options) < 2:
        raise Unsupported("multiple choice with fewer than two answers")
    if not right:
        raise Unsupported("multiple choice without a right answer (no '=' and no positive weight)")
    weighted = any(answer.weight is not None for answer in answers)
    kind = "multiple_choice" if weighted or right > 1 else "single_choice"
    return {"type": kind, "options": options}, []


def _wildcard(raw: str) -> str | None:
    """A regex for a Moodle short answer with '*' wildcards; None when there is none."""
    if "*" not in raw:
        return None
    text = without_format(raw)
    parts = (part.replace(STAR, "*").translate(RESTORE) for part in text.split("*"))
    return ".*".join(re.escape(part) for part in parts)


def _short_answer(answers: list[Answer]) -> tuple[dict, list[str]]:
    accepted, patterns, notes = [], [], []
    for answer in answers:
        shown = clean(answer.raw.replace(STAR, "*"))
        if answer.weight is not None and answer.weight != 100:
            notes.append(f"answer '{shown}' worth {answer.weight:g}% left out (no partial credit)")
            continue
        if answer.feedback:
            notes.append(f"feedback on short answer '{shown}' {NO_PLACE}")
        pattern = _wildcard(answer.raw)
        if pattern is not None:
            patterns.append(pattern)
        elif shown:
            accepted.append(shown)
    if not accepted and not patterns:
        raise Unsupported("short answer without a fully right answer")
    fields: dict = {"type": "short_answer", "answers": accepted}
    if patterns:
        fields["pattern"] = (
            "|".join(f"(?:{p})" for p in patterns) if len(patterns) > 1 else patterns[0]
        )
    return fields, notes


def _matching(answers: list[Answer]) -> tuple[dict, list[str]]:
    categories: list[str] = []
    items: list[tuple[str, str]] = []
    notes = []
    for answer in answers:
        left, arrow, right = answer.raw.partition("->")
        category = clean(right)
        if answer.mark != "=" or not arrow or answer.weight is not None or not category:
            raise Unsupported("unknown syntax: a matching question needs '=item -> match' pairs")
        if answer.feedback:
            notes.append(f"feedback on matching pair '{clean(left)}' {NO_PLACE}")
        if category not in categories:
            categories.append(category)
        if clean(left):
            items.append((clean(left), category))
    if not items:
        raise Unsupported("matching question without items")
    used: set[str] = set()
    ids = {text: _unique(_slug(text) or f"c{n}", used) for n, text in enumerate(categories, 1)}
    return {
        "type": "classify",
        "categories": [{"id": ids[text], "text": text} for text in categories],
        "items": [
            {"id": f"i{n}", "text": text, "category": ids[category]}
            for n, (text, category) in enumerate(items, 1)
        ],
    }, notes


def _answer_fields(body: str) -> tuple[dict, list[str]]:
    """The type and type-specific fields of one answer block, plus notes on dropped details."""
    text = body.strip()
    if not text:
        raise Unsupported("essay question ({}): the quiz format has no equivalent")
    if text.startswith("#"):
        raise Unsupported("numerical question ({#...}): the quiz format has no equivalent")
    true_false = _TRUE_FALSE_RE.match(text)
    if true_false:
        return _true_false(true_false)
    answers = split_answers(text)
    if any("->" in answer.raw for answer in answers):
        return _matching(answers)
    if all(answer.mark == "=" for answer in answers):
        return _short_answer(answers)
    return _choice(answers)


def _convert(lines: list[str], number: int, used: set[str]) -> tuple[dict, list[str]]:
    """One GIFT question (its lines) to a quiz question mapping, plus notes."""
    name, rest = split_title(protect("\n".join(lines)).strip())
    before, body, after = split_braces(rest)
    body, _, general = body.partition("####")
    fields, notes = _answer_fields(body)
    prompt = _gap_prompt(clean(before), clean(after))
    if not prompt:
        raise Unsupported("the question has no text")
    question = {
        "id": _unique(_slug(name) or f"q{number}", used),
        "type": fields.pop("type"),
        "prompt": prompt,
        "topics": [],
        "explanation": clean(general),
    }
    question.update(fields)
    return question, notes


def gift_to_yaml(text: str, slug: str, title: str) -> tuple[str, list[GiftProblem]]:
    """A GIFT file to quiz YAML text, plus what could not be carried over (never silently)."""
    questions: list[dict] = []
    problems: list[GiftProblem] = []
    used: set[str] = set()
    for number, (line, lines) in enumerate(blocks(text), 1):
        try:
            question, notes = _convert(lines, number, used)
        except Unsupported as exc:
            problems.append(GiftProblem(line, f"{exc}; left out"))
            continue
        questions.append(question)
        problems.extend(GiftProblem(line, f"question '{question['id']}': {n}") for n in notes)
    if not questions:
        problems.append(GiftProblem(0, "no question could be imported"))
    data = {"title": title.strip() or slug, "questions": questions}
    return safe_yaml.dump(data, allow_unicode=True, sort_keys=False, width=100), problems
