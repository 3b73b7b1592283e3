"""A four-question bank for progress and review tests, with right and wrong responses to it."""

from __future__ import annotations

from datetime import datetime

from shipshape.accounts.learners import create_learner
from shipshape.extensions import db
from shipshape.quizzes.attempts import start_attempt, submit_attempt
from shipshape.quizzes.bank import parse_bank
from shipshape.quizzes.files import import_quiz_docs
from shipshape.quizzes.views import public_id
from shipshape.runtime import get_library

SLUG = "recall-check"
BANK = """\
title: Recall check
description: Four questions to miss and review.
{extra}
questions:
  - id: image-is
    type: single_choice
    prompt: Which statement about an image is true?
    topics: [image]
    explanation: An image is a read-only template.
    options:
      - {{id: a, text: It is a read-only template., correct: true}}
      - {{id: b, text: It is a running process., feedback: "No: that is a container."}}
  - id: own-kernel
    type: true_false
    prompt: "True or false: every container boots its own kernel."
    topics: [containers-vs-vms]
    explanation: Containers share the host kernel.
    answer: false
  - id: default-registry
    type: short_answer
    prompt: What is Docker's default public registry called?
    topics: [registries]
    answers: [Docker Hub, docker.io]
    pattern: "docker\\\\s*hub.*"
  - id: list-all
    type: command
    prompt: List every container, stopped ones too.
    topics: [docker-container-ls]
    answer: docker ps -a
"""
OPTION_A = public_id(SLUG, "image-is", "option", "a")
OPTION_B = public_id(SLUG, "image-is", "option", "b")
RIGHT = {
    "image-is": OPTION_A,
    "own-kernel": False,
    "default-registry": "Docker Hub",
    "list-all": "docker container ls --all",
}
WRONG = {
    "image-is": OPTION_B,
    "own-kernel": True,
    "default-registry": "quay",
    "list-all": "docker ps",
}


def import_recall_bank(extra: str = "") -> str:
    import_quiz_docs([parse_bank(BANK.format(extra=extra), SLUG)])
    db.session.commit()
    return SLUG


def new_learner() -> int:
    learner, _key = create_learner()
    db.session.commit()
    return learner.id


def take(learner_id: int | None, answers: dict, now: datetime | None = None) -> dict:
    """Start and submit one attempt on the recall bank with these answers."""
    attempt = start_attempt(SLUG, learner_id=learner_id, now=now)
    catalog = get_library().catalog
    return submit_attempt(attempt["attempt_id"], answers, catalog, now=now, learner_id=learner_id)
