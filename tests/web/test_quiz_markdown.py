"""Quiz text is Markdown wherever it is shown: items, categories and options on the attempt, in
"Your answer" and "Right answer" on the results, and in the instructors' most chosen wrong
answers; an answer of several parts is a list."""

from __future__ import annotations

import re

from shipshape.knowledge.render import markdown_as_text, render_inline
from shipshape.quizzes.views import public_id
from tests.quizzes.helpers import import_bank
from tests.quizzes.test_quiz_pages import start_in_browser

SLUG = "markdown-check"
BANK = """\
title: Markdown check
description: Backticks everywhere.
questions:
  - id: sort
    type: classify
    prompt: Sort the commands.
    categories:
      - {id: image, text: "An *image*"}
      - {id: container, text: A container}
    items:
      - {id: i1, text: "`docker rmi`", category: image}
      - {id: i2, text: "`docker logs`", category: container}
  - id: order
    type: ordering
    prompt: Order the steps.
    items:
      - {id: s1, text: "`docker rm` the container"}
      - {id: s2, text: "`docker rmi` the image"}
  - id: pick
    type: multiple_choice
    prompt: Which remove something?
    options:
      - {id: a, text: "`docker rm`", correct: true}
      - {id: b, text: "`docker rmi`", correct: true}
      - {id: c, text: "`docker ps`"}
"""


def test_inline_markdown_drops_the_paragraph_and_sanitizes():
    assert render_inline("Run `docker ps`") == "Run <code>docker ps</code>"
    assert render_inline("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert markdown_as_text("An *image* with `code`") == "An image with code"


def test_the_attempt_shows_items_as_markdown_and_categories_as_plain_text(app, client):
    import_bank(BANK, SLUG)
    html = client.get(start_in_browser(client, SLUG)).get_data(as_text=True)
    assert "<code>docker rmi</code>" in html
    assert "`" not in html.split("<main", 1)[1]
    assert ">An image</option>" in html


def test_results_show_markdown_and_a_several_part_right_answer_as_a_list(app, client):
    import_bank(BANK, SLUG)
    path = start_in_browser(client, SLUG)
    client.post(path, data={"q-pick": public_id(SLUG, "pick", "option", "a"), "action": "submit"})
    html = client.get(path).get_data(as_text=True)
    main = html.split("<main", 1)[1]
    assert "`" not in main
    [both] = re.findall(
        r'<ul class="answer-parts">((?:<li>.*?</li>)+)</ul>', main.split("Which remove", 1)[1]
    )[:1]
    assert set(re.findall(r"<li>(.*?)</li>", both)) == {
        "<code>docker rm</code>",
        "<code>docker rmi</code>",
    }  # in the order this attempt showed the options
    assert '<ol class="answer-parts">' in main  # the right order
    assert "<em>image</em>" in main  # a category's Markdown, in the right classification


def test_the_most_chosen_wrong_answers_are_markdown(app, client, instructor_client):
    import_bank(BANK, SLUG)
    path = start_in_browser(client, SLUG)
    client.post(path, data={"q-pick": public_id(SLUG, "pick", "option", "c"), "action": "submit"})
    html = instructor_client.get(f"/instructor/quiz-stats/{SLUG}").get_data(as_text=True)
    assert "<code>docker ps</code>" in html.split("quiz-stats-wrong", 1)[1]
