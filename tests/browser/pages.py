"""Every page of the learner's and the instructor's side, reached with data on it: a browser that
asked, took a quiz (one submitted, one open), has cards to review, and an instructor signed in."""

from __future__ import annotations

from tests.conftest import INSTRUCTOR_EMAIL, INSTRUCTOR_PASSWORD

TOPIC = "image"
COMMAND_TOPIC = "docker-container-ls"  # has an options table


def quiz_slugs(page, base: str) -> list[str]:
    return [q["slug"] for q in page.request.get(base + "/api/quizzes").json()["quizzes"]]


def learner_paths(page, base: str) -> dict[str, str]:
    """Ask once, submit one quiz with every answer blank (so cards come due), leave one open."""
    slugs = quiz_slugs(page, base)
    page.goto(base + "/?ask=How+do+I+list+all+containers%3F")
    page.locator(".turn--answer").first.wait_for()
    conversation = page.locator("#conversation-id").input_value()
    page.goto(base + "/quizzes")
    page.locator(f"form[action='/quizzes/{slugs[0]}/start'] button").click()
    page.wait_for_selector("#quiz-form")
    submitted = page.url.replace(base, "")
    page.locator("button[value=summary]").click()
    page.wait_for_selector(".quiz-summary")
    page.locator("button[value=submit]").click()
    page.wait_for_selector(".score")
    page.goto(base + "/quizzes")
    page.locator(f"form[action='/quizzes/{slugs[1]}/start'] button").click()
    page.wait_for_selector("#quiz-form")
    open_attempt = page.url.replace(base, "")
    return {
        "chat": "/",
        "chat-conversation": f"/?c={conversation}",
        "topics": "/topics",
        "topic": f"/topics/{TOPIC}",
        "command-topic": f"/topics/{COMMAND_TOPIC}",
        "search": "/search?q=container",
        "quizzes": "/quizzes",
        "attempt": open_attempt,
        "results": submitted,
        "review": "/review",
        "progress": "/progress",
        "account-sign-in": "/account/sign-in",
        "account-sign-up": "/account/sign-up",
        "account": "/account",
        "attempt-summary": open_attempt + "/summary",
    }


def sign_in_instructor(page, base: str) -> None:
    page.goto(base + "/instructor/sign-in")
    page.fill("#email", INSTRUCTOR_EMAIL)
    page.fill("#password", INSTRUCTOR_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/instructor/")


def instructor_paths(page, base: str) -> dict[str, str]:
    quiz = quiz_slugs(page, base)[0]
    return {
        "instructor-home": "/instructor/",
        "instructor-topics": "/instructor/topics",
        "instructor-topic-new": "/instructor/topics/new",
        "instructor-topic-edit": f"/instructor/topics/{TOPIC}/edit",
        "instructor-topic-history": f"/instructor/topics/{TOPIC}/history",
        "instructor-quizzes": "/instructor/quizzes",
        "instructor-quiz-new": "/instructor/quizzes/new",
        "instructor-quiz-edit": f"/instructor/quizzes/{quiz}/edit",
        "instructor-quiz-history": f"/instructor/quizzes/{quiz}/history",
        "instructor-quiz-stats": "/instructor/quiz-stats",
        "instructor-quiz-stats-detail": f"/instructor/quiz-stats/{quiz}",
        "instructor-questions": "/instructor/questions",
        "instructor-tokens": "/instructor/tokens",
        "instructor-transfer": "/instructor/transfer",
    }
