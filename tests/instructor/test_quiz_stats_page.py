"""The "What learners miss" pages: after attempts submitted through the API, an instructor sees
the attempt count, the mean, a histogram, per-question facility and the wrong answers given most."""

from __future__ import annotations

import re

import pytest

from shipshape.quizzes.bank import parse_bank
from shipshape.quizzes.files import import_quiz_docs

SLUG = "stats-check"
BANK = """\
title: Stats check
questions:
  - id: image-is
    type: single_choice
    prompt: Which statement about an **image** is true?
    options:
      - {id: a, text: It is a read-only template., correct: true}
      - {id: b, text: It is a running process.}
      - {id: c, text: "It is <b>a VM</b>."}
  - id: registry
    type: short_answer
    prompt: What is Docker's default registry called?
    answers: [Docker Hub]
  - id: own-kernel
    type: true_false
    prompt: Every container boots its own kernel.
    answer: false
"""


def import_bank(text: str = BANK, slug: str = SLUG) -> None:
    import_quiz_docs([parse_bank(text, slug)])


def start(client, slug: str = SLUG) -> dict:
    response = client.post(f"/api/quizzes/{slug}/attempts")
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def option(attempt: dict, question_id: str, text: str) -> str:
    question = next(q for q in attempt["questions"] if q["id"] == question_id)
    return next(o["id"] for o in question["options"] if o["text"] == text)


def submit(client, attempt: dict, choice: str, registry: str, kernel: bool) -> float:
    answers = {
        "image-is": option(attempt, "image-is", choice),
        "registry": registry,
        "own-kernel": kernel,
    }
    url = f"/api/attempts/{attempt['attempt_id']}/submit"
    response = client.post(url, json={"answers": answers})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["percent"]


RIGHT = "It is a read-only template."


@pytest.fixture
def taken(app, client):
    """Three submitted attempts (100%, 33.3%, 33.3%) and one still in progress."""
    import_bank()
    assert submit(client, start(client), RIGHT, "Docker Hub", False) == 100.0
    assert submit(client, start(client), "It is a running process.", "Quay", False) == 33.3
    assert submit(client, start(client), RIGHT, " quay! ", True) == 33.3
    start(client)
    return SLUG


def page(client, slug: str = SLUG):
    return client.get(f"/instructor/quiz-stats/{slug}")


def test_the_page_shows_the_submitted_attempts_and_their_mean_and_median(instructor_client, taken):
    response = page(instructor_client)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<dt>Submitted attempts</dt><dd>3</dd>" in html
    assert "<dt>Mean score</dt><dd>55.6%</dd>" in html  # (100 + 100/3 + 100/3) / 3
    assert "<dt>Median score</dt><dd>33.3%</dd>" in html
    assert "retakes included" in html


def test_the_histogram_is_an_svg_with_a_titled_bar_per_bin_and_a_table(instructor_client, taken):
    html = page(instructor_client).get_data(as_text=True)
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count('class="histogram-bar"') == 10
    assert "<title>2 attempts scored from 30% to under 40%</title>" in svg
    assert "<title>1 attempt scored from 90% to 100%</title>" in svg
    assert "<title>0 attempts scored from 0% to under 10%</title>" in svg
    assert re.search(r"<th scope=\"row\">30% to under 40%</th><td>2</td>", html)


def test_each_question_shows_its_facility_and_the_wrong_answers_given(instructor_client, taken):
    html = page(instructor_client).get_data(as_text=True)
    rows = {
        qid: html[html.index(f'id="question-{qid}"') :].split("</tr>")[0]
        for qid in ("image-is", "registry", "own-kernel")
    }
    assert '<td class="quiz-stats-facility">66.7%</td>' in rows["image-is"]  # 2 of 3 right
    assert '<td class="quiz-stats-facility">33.3%</td>' in rows["registry"]
    assert '<td class="quiz-stats-facility">66.7%</td>' in rows["own-kernel"]
    assert "It is a running process." in rows["image-is"]
    assert re.search(r"quay\s*<span class=\"quiz-stats-count\">\(2 times\)", rows["registry"])
    assert re.search(r"True\s*<span class=\"quiz-stats-count\">\(1 time\)", rows["own-kernel"])
    assert "<strong>image</strong>" in rows["image-is"]  # the prompt's Markdown, sanitized


def test_the_page_has_no_inline_styles_or_scripts(instructor_client, taken):
    html = page(instructor_client).get_data(as_text=True)
    assert not re.search(r"\sstyle=|<script(?![^>]*\ssrc=)|\son[a-z]+=", html)


def test_text_from_options_and_learners_is_escaped(app, client, instructor_client):
    import_bank()
    attempt = start(client)
    submit(client, attempt, "It is <b>a VM</b>.", "<script>alert(1)</script>", True)
    html = page(instructor_client).get_data(as_text=True)
    assert "It is &lt;b&gt;a VM&lt;/b&gt;." in html
    assert "<script>alert" not in html
    assert "script alert 1 script" in html  # a short answer is counted normalized


def test_an_option_reworded_later_is_counted_with_the_attempts_on_the_old_text(
    app, client, instructor_client
):
    import_bank()
    first = start(client)
    import_bank(BANK.replace("It is a running process.", "It is a process that runs."))
    second = start(client)
    submit(client, first, "It is a running process.", "Docker Hub", False)
    submit(client, second, "It is a process that runs.", "Docker Hub", False)
    html = page(instructor_client).get_data(as_text=True)
    assert re.search(r"It is a process that runs\.\s*<span[^>]*>\(2 times\)", html)
    assert "It is a running process." not in html


def test_a_quiz_without_submitted_attempts_says_so(app, client, instructor_client):
    import_bank()
    start(client)  # in progress: not counted
    html = page(instructor_client).get_data(as_text=True)
    assert "No attempt at this quiz has been submitted yet" in html
    assert "<svg" not in html


def test_the_index_lists_every_quiz_with_its_attempts_and_mean(instructor_client, taken):
    response = instructor_client.get("/instructor/quiz-stats")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    row = html[html.index(f'href="/instructor/quiz-stats/{SLUG}"') :].split("</tr>")[0]
    assert "<td>3</td>" in row and "<td>55.6%</td>" in row
    assert 'href="/instructor/quiz-stats/images-vs-containers"' in html
    assert 'aria-current="page">What learners miss</a>' in html


def test_an_unknown_quiz_is_a_404(instructor_client):
    response = page(instructor_client, "no-such-quiz")
    assert response.status_code == 404
    assert "There is no quiz" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("slug", "status"), [("a%00b", 400), ("x" * 300, 404), ("Upper-Case", 404), ("..%2Fetc", 404)]
)
def test_a_malformed_slug_is_a_client_error_not_a_server_error(instructor_client, slug, status):
    assert page(instructor_client, slug).status_code == status


@pytest.mark.parametrize("url", ["/instructor/quiz-stats", f"/instructor/quiz-stats/{SLUG}"])
def test_learners_are_refused(client, taken, url):
    response = client.get(url)
    assert response.status_code == 403
    assert "Submitted attempts" not in response.get_data(as_text=True)
