"""Helpers for learner page tests: take the recall bank's quiz through the plain HTML forms."""

from __future__ import annotations

from tests.quizzes.review_helpers import SLUG


def form_data(answers: dict) -> dict[str, str]:
    """Quiz answers as the page's form sends them."""
    return {
        f"q-{qid}": ("true" if value else "false") if isinstance(value, bool) else value
        for qid, value in answers.items()
    }


def take_in_browser(client, answers: dict) -> str:
    """Start the recall quiz with the form, submit these answers, return the attempt's path."""
    started = client.post(f"/quizzes/{SLUG}/start")
    assert started.status_code == 303, started.get_data(as_text=True)
    path = started.headers["Location"]
    submitted = client.post(path, data=form_data(answers) | {"action": "submit"})
    assert submitted.status_code == 303
    return path
