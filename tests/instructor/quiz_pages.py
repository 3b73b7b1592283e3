"""Reading and posting the quiz editor's pages in tests."""

from __future__ import annotations

import html
import re

QUIZ = """\
title: Quokka quiz
description: Made up for the editor's tests.
questions:
  - id: quokka-home
    type: single_choice
    prompt: Where do quokka layers live?
    topics: [image]
    explanation: QUOKKA-EXPLANATION sits on the key only.
    options:
      - {id: opt-right, text: Between image and container, correct: true, feedback: QUOKKA-RIGHT}
      - {id: opt-wrong, text: Inside the kernel, feedback: QUOKKA-WRONG}
  - id: quokka-list
    type: command
    prompt: List every container.
    topics: [image]
    answer: docker ps --all
"""


def text_of(response) -> str:
    return response.get_data(as_text=True)


def textarea(response) -> str:
    found = re.search(r'<textarea id="quiz-text"[^>]*>\n(.*?)</textarea>', text_of(response), re.S)
    assert found, "the page has no quiz textarea"
    return html.unescape(found.group(1))


def plain(markup: str) -> str:
    return html.unescape(" ".join(re.sub(r"<[^>]+>", "", markup).split()))


def section(response, element_id: str) -> str:
    body = text_of(response)
    start = body.index(f'id="{element_id}"')
    return body[start : body.index("</section>", start)]


def create(client, text=QUIZ, slug="quokka-quiz", action="save", **more):
    data = {"slug": slug, "text": text, "action": action, **more}
    return client.post("/instructor/quizzes/new", data=data)


def edit(client, text, base, slug="quokka-quiz", action="save", **more):
    data = {"text": text, "base_revision": str(base), "action": action, **more}
    return client.post(f"/instructor/quizzes/{slug}/edit", data=data)
