"""Commented, valid skeletons of each question type, added to the end of a quiz's questions."""

from __future__ import annotations

import re

import yaml

from .. import safe_yaml
from .bank import TYPES

TYPE_LABELS = {
    "single_choice": "Single choice (one right option)",
    "multiple_choice": "Multiple choice (several right options)",
    "true_false": "True or false",
    "short_answer": "Short answer (typed words)",
    "command": "Docker command (graded by meaning)",
    "classify": "Classify (sort items into categories)",
    "ordering": "Ordering (put steps in order)",
}

_COMMON = """\
- id: {id}  # stable: attempts and statistics refer to it
  type: {type}
  prompt: Write the question here (Markdown).
  topics: []  # slugs of the topics that teach it, e.g. [image]; they become "learn more" links
  explanation: Shown after submit, whatever the answer.
"""

_BODIES = {
    "single_choice": """\
  options:  # exactly one has correct: true; all or nothing
    - {id: a, text: The right answer., correct: true, feedback: Why it is right.}
    - {id: b, text: A tempting wrong answer., feedback: Why it is wrong.}
""",
    "multiple_choice": """\
  options:  # at least one has correct: true; partial credit
    - {id: a, text: A true statement., correct: true, feedback: Why it is true.}
    - {id: b, text: Another true statement., correct: true, feedback: Why it is true.}
    - {id: c, text: A false statement., feedback: Why it is false.}
""",
    "true_false": """\
  answer: true  # or false
""",
    "short_answer": """\
  answers: [Docker Hub, docker.io]  # case, spacing and punctuation are ignored
  # pattern: "docker\\\\s*hub"  # optional regular expression that also counts as right
""",
    "command": """\
  answer: docker container ls --all  # equivalent spellings count: docker ps -a, ...
""",
    "classify": """\
  categories:
    - {id: image, text: Image}
    - {id: container, text: Container}
  items:  # each item names the category it belongs to
    - {id: i1, text: Read-only, category: image}
    - {id: i2, text: Has a writable layer, category: container}
""",
    "ordering": """\
  items:  # in the right order; learners see them shuffled
    - {id: s1, text: Write a Dockerfile}
    - {id: s2, text: Run docker build}
    - {id: s3, text: Run docker run}
""",
}

SETTINGS = """\
# draw: 10  # optional: each attempt gets 10 questions drawn at random, fixed for that attempt
# grade_method: highest  # optional: highest | last | average | first of a learner's attempts
# show_correct: immediately  # optional: immediately | after_deadline | never
# closes_at: 2030-06-30T18:00:00Z  # optional, UTC: no attempt starts or is answered after it
"""
STARTER = (
    """\
title: A new quiz
description: One sentence shown on the quiz list.
pass_percent: 70  # optional
# time_limit_minutes: 20  # optional, enforced on the server
# max_attempts: 3  # optional, per learner
"""
    + SETTINGS
    + "questions:\n"
)
SETTING_KEYS = ("draw", "grade_method", "show_correct", "closes_at")


class CannotAddQuestion(ValueError):
    """The text cannot take a new question (or the settings) as it is written."""


def skeleton(question_type: str, question_id: str) -> str:
    """A valid question of that type, with comments, as a YAML list entry at column 0."""
    if question_type not in TYPES:
        raise CannotAddQuestion(f"there is no question type '{question_type}'")
    head = _COMMON.replace("{id}", question_id).replace("{type}", question_type)
    return head + _BODIES[question_type]


def starter_text() -> str:
    """What a new quiz begins with: its own fields and one single-choice question."""
    return STARTER + _indented(skeleton("single_choice", "first-question"), 2)


def _indented(block: str, indent: int) -> str:
    return "".join(" " * indent + line if line.strip() else line for line in block.splitlines(True))


def _free_id(text: str, question_type: str) -> str:
    base = "new-" + question_type.replace("_", "-")
    number = 1
    while f"{base}-{number}" in text:
        number += 1
    return f"{base}-{number}"


def _questions(text: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    """(key node, value node) of the top-level `questions`, or (None, None) when absent."""
    try:
        root = safe_yaml.compose(text)
    except (yaml.YAMLError, RecursionError) as exc:
        raise CannotAddQuestion("the text is not valid YAML yet; fix it first") from exc
    if root is None:
        return None, None
    if not isinstance(root, yaml.MappingNode):
        raise CannotAddQuestion("the file must be a YAML mapping with title and questions")
    return next(((k, v) for k, v in root.value if k.value == "questions"), (None, None))


def _end_of_list(text: str, node: yaml.SequenceNode) -> int:
    """Where a new entry goes: after the last one, before trailing blanks and what follows."""
    end = node.end_mark.index
    if node.end_mark.column:  # the file ends on the last entry's line
        return end
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end]
        indent = len(line) - len(line.lstrip())
        if line.strip() and not (line.strip().startswith("#") and indent < node.start_mark.column):
            return end
        end = start
    return end


def add_question(text: str, question_type: str) -> str:
    """The text with a skeleton of that type appended to its questions list."""
    newline = "\r\n" if "\r\n" in text else "\n"
    entry = skeleton(question_type, _free_id(text, question_type))
    key, node = _questions(text)
    if node is None:
        body = text if not text or text.endswith(("\n", "\r")) else text + newline
        return (body + "questions:\n" + _indented(entry, 2)).replace("\n", newline)
    if isinstance(node, yaml.SequenceNode) and not node.flow_style:
        at = _end_of_list(text, node)
        lead = "" if text[:at].endswith(("\n", "\r")) else newline
        block = lead + _indented(entry, node.start_mark.column).replace("\n", newline)
        return text[:at] + block + text[at:]
    empty = (isinstance(node, yaml.SequenceNode) and not node.value) or node.tag.endswith(":null")
    if not empty:
        raise CannotAddQuestion("write the questions as a block list ('- id: ...' lines) first")
    block = newline + _indented(entry, key.start_mark.column + 2).replace("\n", newline)
    before, after = text[: node.start_mark.index], text[node.end_mark.index :]
    return before.rstrip(" ") + block + after.lstrip(" \r\n")


def _top_level_keys(text: str) -> set[str]:
    """Keys written at column 0, commented out or not (a commented one is already offered)."""
    return set(re.findall(r"^#?\s*([a-z_]+):", text, re.MULTILINE))


def add_settings(text: str) -> str:
    """The text with the quiz settings it does not mention yet, commented out, just above
    `questions:` (at the end when there is none). Comments change nothing until uncommented."""
    newline = "\r\n" if "\r\n" in text else "\n"
    present = _top_level_keys(text)
    lines = [line for key, line in zip(SETTING_KEYS, SETTINGS.splitlines(True), strict=True)
             if key not in present]  # fmt: skip
    if not lines:
        raise CannotAddQuestion("every quiz setting is already in the text")
    block = "".join(lines).replace("\n", newline)
    key, _ = _questions(text)
    if key is None or key.start_mark.column != 0:
        body = text if not text or text.endswith(("\n", "\r")) else text + newline
        return body + block
    at = key.start_mark.index
    return text[:at] + block + text[at:]
