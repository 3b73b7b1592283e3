"""Shared helpers for the quiz tests: the bundled banks as raw YAML, small banks to import,
and a valid (not necessarily right) response for any question a learner is shown."""

from __future__ import annotations

from pathlib import Path

import yaml

from shipshape.quizzes.bank import parse_bank
from shipshape.quizzes.files import import_quiz_docs

QUIZ_DIR = Path(__file__).resolve().parents[2] / "quiz"
SLUGS = sorted(p.stem for p in QUIZ_DIR.glob("*.yaml"))


def raw_bank(slug: str) -> dict:
    return yaml.safe_load((QUIZ_DIR / f"{slug}.yaml").read_text(encoding="utf-8"))


SMALL_BANK = """\
title: Timed check
description: A short timed quiz for tests.
time_limit_minutes: {limit}
max_attempts: {max_attempts}
questions:
  - id: image-is
    type: single_choice
    prompt: Which statement about an image is true?
    topics: [image]
    explanation: An image is a read-only template.
    options:
      - {{id: a, text: It is a read-only template., correct: true, feedback: Right.}}
      - {{id: b, text: It changes when a container writes., feedback: No.}}
      - {{id: c, text: It is a running process., feedback: "No: that is a container."}}
  - id: own-kernel
    type: true_false
    prompt: "True or false: every container boots its own kernel."
    topics: [containers-vs-vms]
    explanation: Containers share the host kernel.
    answer: false
  - id: two-steps
    type: ordering
    prompt: Put these in order.
    topics: [dockerfile]
    explanation: Build before run.
    items:
      - {{id: s1, text: Build the image}}
      - {{id: s2, text: Run the container}}
  - id: three-steps
    type: ordering
    prompt: Put these in order too.
    topics: [dockerfile]
    explanation: Write, build, run.
    items:
      - {{id: s1, text: Write a Dockerfile}}
      - {{id: s2, text: Run docker build}}
      - {{id: s3, text: Run docker run}}
"""


def import_small_bank(slug: str = "timed-check", limit: float = 2, max_attempts: int = 2) -> str:
    """Import a four-question bank (call inside the app context); returns its slug."""
    text = SMALL_BANK.format(limit=limit, max_attempts=max_attempts)
    import_quiz_docs([parse_bank(text, slug)])
    return slug


def some_response(question: dict) -> object:
    """A response of the right shape for a question as the learner sees it."""
    kind = question["type"]
    if kind == "single_choice":
        return question["options"][0]["id"]
    if kind == "multiple_choice":
        return [question["options"][0]["id"]]
    if kind == "true_false":
        return True
    if kind == "short_answer":
        return "some words"
    if kind == "command":
        return "docker ps"
    if kind == "classify":
        return {question["items"][0]["id"]: question["categories"][0]["id"]}
    if kind == "ordering":
        return [i["id"] for i in question["items"]]
    raise AssertionError(kind)


def walk(value, key=None):
    """Every (key, value) pair in a JSON value, nested ones included."""
    yield key, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v, key)


def import_bank(text: str, slug: str) -> str:
    """Import a quiz from its text (call inside the app context); returns its slug."""
    import_quiz_docs([parse_bank(text, slug)])
    return slug


def five_true_false(settings: str = "") -> str:
    """A bank of five true/false questions worth 1 to 5 points (q1 ... q5, all true)."""
    questions = "".join(
        f"  - {{id: q{n}, type: true_false, prompt: Statement {n}., answer: true, points: {n},"
        f" explanation: Statement {n} is true.}}\n"
        for n in range(1, 6)
    )
    return f"title: Five statements\n{settings}questions:\n{questions}"
