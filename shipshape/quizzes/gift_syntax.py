"""Reading Moodle GIFT's syntax: escapes, question blocks, ::names::, the {...} answer block and
its answers with their weights and feedback. What the answers become is gift.py's business."""

from __future__ import annotations

import re
from dataclasses import dataclass

SPECIAL = "~=#{}:"
STAR = "\ue010"  # an escaped '*' (a literal star in a short answer)
_HOLD = {ch: chr(0xE000 + i) for i, ch in enumerate("\\" + SPECIAL)}
RESTORE = str.maketrans({**{v: k for k, v in _HOLD.items()}, STAR: "\\*"})
_ESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)
_FORMAT_RE = re.compile(r"^\s*\[(?:html|moodle|plain|markdown)\]", re.IGNORECASE)
_TITLE_RE = re.compile(r"^::(.*?)::", re.DOTALL)
_WEIGHT_RE = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")


class Unsupported(Exception):
    """A question that cannot be converted; the message says why."""


@dataclass(frozen=True)
class Answer:
    mark: str  # "=" or "~"
    weight: float | None
    raw: str  # still protected: escapes are placeholders
    feedback: str


def protect(text: str) -> str:
    """Turn GIFT escapes into placeholders so the special characters can be split on safely."""

    def swap(match: re.Match[str]) -> str:
        char = match.group(1)
        if char == "n":
            return "\n"
        if char == "*":
            return STAR
        return _HOLD.get(char, match.group(0))

    return _ESCAPE_RE.sub(swap, text)


def without_format(raw: str) -> str:
    """The text without its leading [html]/[moodle]/[plain]/[markdown] marker, trimmed."""
    return _FORMAT_RE.sub("", raw, count=1).strip()


def clean(raw: str) -> str:
    """Protected GIFT text to plain text: format marker gone, escapes restored, trimmed."""
    return without_format(raw).translate(RESTORE).strip()


def blocks(text: str) -> list[tuple[int, list[str]]]:
    """Questions as (first line number, lines): blank lines separate, comments are dropped."""
    found: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            if current:
                found.append((start, current))
            current = []
        elif not stripped.startswith("//") and not stripped.startswith("$CATEGORY:"):
            if not current:
                start = number
            current.append(line)
    if current:
        found.append((start, current))
    return found


def split_title(raw: str) -> tuple[str, str]:
    match = _TITLE_RE.match(raw)
    if match:
        return clean(match.group(1)), raw[match.end() :]
    if raw.startswith("::"):
        raise Unsupported("unknown syntax: the question name '::...' is not closed")
    return "", raw


def split_braces(rest: str) -> tuple[str, str, str]:
    """Text before the answer block, the block, and text after it (a missing-word question)."""
    opening, closing = rest.find("{"), rest.find("}")
    if opening < 0 and closing < 0:
        raise Unsupported(
            "description item (no answer block {...}): the quiz format has no equivalent"
        )
    if closing < 0:
        raise Unsupported(
            "unknown syntax: '{' without a closing '}' (a blank line ends a question)"
        )
    if opening < 0 or closing < opening:
        raise Unsupported("unknown syntax: '}' without an opening '{'")
    before, body, after = rest[:opening], rest[opening + 1 : closing], rest[closing + 1 :]
    if "{" in body or "{" in after or "}" in after:
        raise Unsupported("unknown syntax: more than one answer block {...}")
    return before, body, after


def split_answers(text: str) -> list[Answer]:
    pieces = re.split(r"([=~])", text)
    if pieces[0].strip():
        raise Unsupported("unknown syntax: answer text before the first '=' or '~'")
    answers = []
    for mark, chunk in zip(pieces[1::2], pieces[2::2], strict=True):
        weight = _WEIGHT_RE.match(chunk)
        if weight:
            chunk = chunk[weight.end() :]
        raw, _, feedback = chunk.partition("#")
        value = float(weight.group(1)) if weight else None
        answers.append(Answer(mark, value, raw.strip(), clean(feedback)))
    return answers
