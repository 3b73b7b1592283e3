"""/instructor/questions: what the chat could not answer, grouped, and the fix of a new phrasing."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import update

from shipshape.chat import insights
from shipshape.extensions import db
from shipshape.knowledge import store
from shipshape.models import Turn, utcnow
from tests.conftest import INSTRUCTOR_EMAIL, csrf_token
from tests.web.markup import parse_page

PAGE = "/instructor/questions"
ACTION = "/instructor/questions/phrasings"
UNANSWERED = "how to ship a container to my friend"


def html_of(response) -> str:
    return response.get_data(as_text=True)


def add(client, question, topic, **extra):
    data = {"question": question, "topic": topic, "key": question.lower(), **extra}
    return client.post(ACTION, data=data)


def age_turns(question: str, days: int) -> None:
    """Make the turns of a question look as if asked `days` ago."""
    when = utcnow() - timedelta(days=days)
    db.session.execute(update(Turn).where(Turn.question == question).values(created_at=when))
    db.session.commit()


@pytest.fixture
def asked(ask, client):
    """Three wordings of one unanswered question, another one, and an answer rated down."""
    for wording in [
        UNANSWERED,
        "How to ship a container to my friend?",
        "HOW TO SHIP A CONTAINER TO MY FRIEND",
    ]:
        assert ask(wording)["kind"] == "no_answer"
    assert ask("what is kubernetes")["kind"] == "no_answer"
    rated = ask("how do I rename a container")
    body = {
        "turn_id": rated["turn_id"],
        "helpful": False,
        "conversation_id": rated["conversation_id"],
    }
    assert client.post("/api/feedback", json=body).status_code == 200


def test_the_page_groups_what_went_unanswered_or_was_rated_down(instructor_client, asked):
    html = html_of(instructor_client.get(PAGE))
    page = parse_page(html)
    titles = [text for tag, text in page.headings if tag == "h2"]
    assert sorted(titles) == [
        "HOW TO SHIP A CONTAINER TO MY FRIEND",
        "how do I rename a container",
        "what is kubernetes",
    ]
    assert "3 times" in html
    assert "3 not answered, 0 thumbs down" in html
    assert "0 not answered, 1 thumbs down" in html
    assert "How to ship a container to my friend?" in html  # another wording, shown as asked
    assert 'href="/topics/docker-container-rename"' in html
    assert len(page.find_all("time")) == 6
    assert "3 questions." in html


def test_instructors_see_the_evidence_learners_saw(instructor_client, asked):
    html = html_of(instructor_client.get(PAGE))
    page = parse_page(html)
    assert len(page.find_all("details", **{"class": "why"})) >= 2
    assert "Your words found in it" in html and "<code>rename</code>" in html
    assert "Also considered" in html


def test_the_filters_pick_kind_and_period(instructor_client, asked):
    age_turns("what is kubernetes", days=12)

    def titles(query):
        page = parse_page(html_of(instructor_client.get(f"{PAGE}?{query}")))
        return sorted(text for tag, text in page.headings if tag == "h2")

    assert titles("show=thumbs_down&days=all") == ["how do I rename a container"]
    assert "how do I rename a container" not in titles("show=no_answer&days=all")
    assert "what is kubernetes" in titles("days=30")
    assert "what is kubernetes" not in titles("days=7")
    page = parse_page(
        html_of(instructor_client.get(f"{PAGE}?show=no_answer&days=7&order=frequent"))
    )
    assert page.find_all("option", value="no_answer", selected="")
    assert page.find_all("option", value="7", selected="")
    assert page.find_all("option", value="frequent", selected="")


def test_most_frequent_first_puts_the_three_wordings_on_top(instructor_client, asked):
    page = parse_page(html_of(instructor_client.get(f"{PAGE}?order=frequent")))
    first = next(text for tag, text in page.headings if tag == "h2")
    assert first == "HOW TO SHIP A CONTAINER TO MY FRIEND"


@pytest.mark.parametrize(
    "query", ["show=everything", "days=abc", "days=9999", "order=random", "page=-1", "page=x" * 50]
)
def test_unknown_filter_values_fall_back_to_the_defaults(instructor_client, asked, query):
    response = instructor_client.get(f"{PAGE}?{query}")
    assert response.status_code == 200
    assert "3 questions." in html_of(response)


def test_a_long_list_is_paged_keeping_the_filters(instructor_client, asked, monkeypatch):
    monkeypatch.setattr(insights, "PAGE_SIZE", 2)
    html = html_of(instructor_client.get(f"{PAGE}?show=both&days=all&order=frequent"))
    assert "page 1 of 2" in html
    [next_link] = re.findall(r'href="([^"]+)" rel="next"', html)
    assert "page=2" in next_link and "order=frequent" in next_link and "days=all" in next_link
    second = parse_page(html_of(instructor_client.get(next_link.replace("&amp;", "&"))))
    assert len([t for tag, t in second.headings if tag == "h2"]) == 1


def test_adding_a_phrasing_makes_a_revision_and_the_chat_then_answers_from_it(
    instructor_client, asked, ask
):
    before = store.revisions_of("sharing-container-changes")
    response = add(instructor_client, UNANSWERED, "sharing-container-changes", days="all")
    assert response.status_code == 303
    assert response.headers["Location"].startswith(PAGE + "?")
    assert "days=all" in response.headers["Location"]
    [latest, *_] = store.revisions_of("sharing-container-changes")
    assert latest.number == before[0].number + 1
    assert (latest.action, latest.author) == ("edit", INSTRUCTOR_EMAIL)
    assert f"  - {UNANSWERED}\n" in latest.markdown
    reply = ask(UNANSWERED)
    assert reply["kind"] == "answer"
    assert reply["sources"][0]["url"].startswith("/topics/sharing-container-changes#")
    html = html_of(instructor_client.get(response.headers["Location"]))
    assert "Added “how to ship a container to my friend”" in html
    assert "Already a phrasing of" in html


def test_the_phrasing_added_is_the_cleaned_wording(instructor_client, asked):
    wording = "  what   is\nkubernetes?  " + "really " * 40
    assert add(instructor_client, wording, "container").status_code == 303
    text = store.get_topic("container").markdown
    [line] = [line for line in text.splitlines() if "kubernetes" in line]
    assert line.startswith("  - what is kubernetes? really")
    assert len(line) <= len("  - ") + 200


@pytest.mark.parametrize(
    ("question", "topic", "message"),
    [
        ("What is a Docker image?", "image", "already lists this question"),
        (UNANSWERED, "", "Choose one of the topics."),
        (UNANSWERED, "no-such-topic", "Choose one of the topics."),
        ("   ", "image", "The question is empty."),
    ],
)
def test_a_refused_phrasing_shows_the_page_again_with_the_reason_by_the_form(
    instructor_client, asked, question, topic, message
):
    revisions = len(store.revisions_of("image"))
    response = add(instructor_client, question, topic)
    assert response.status_code == 422
    html = html_of(response)
    assert message in html
    assert len(store.revisions_of("image")) == revisions


def test_an_error_is_tied_to_its_groups_topic_select(instructor_client, asked):
    response = add(instructor_client, "what is kubernetes", "container")
    assert response.status_code == 303
    again = add(instructor_client, "what is kubernetes", "container")
    page = parse_page(html_of(again))
    [select] = page.find_all("select", **{"aria-invalid": "true"})
    [error] = page.find_all("p", id=select["aria-describedby"])
    assert error["class"] == "field-error"
    assert page.find_all("option", value="container", selected="")


def test_every_control_has_a_label_and_the_page_has_no_inline_script_or_style(
    instructor_client, asked
):
    html = html_of(instructor_client.get(PAGE))
    page = parse_page(html)
    labels = {attrs["for"] for attrs in page.find_all("label")}
    selects = page.find_all("select")
    assert len(selects) == 3 + 3  # the three filters, one topic choice per group
    assert all(select["id"] in labels for select in selects)
    assert all(not body.strip() for _, body in page.scripts)
    assert not [name for _, attrs in page.elements for name in attrs if name[:2] == "on"]
    assert "style=" not in html
    assert len(page.find_all("input", name="csrf_token")) >= 3


@pytest.mark.parametrize(("method", "path"), [("get", PAGE), ("post", ACTION)])
def test_learners_get_403_and_change_nothing(client, asked, method, path):
    data = {"question": UNANSWERED, "topic": "image", "key": UNANSWERED}
    revisions = len(store.revisions_of("image"))
    response = getattr(client, method)(path, data=data if method == "post" else None)
    assert response.status_code == 403
    assert len(store.revisions_of("image")) == revisions


def test_the_action_needs_its_csrf_token(csrf_client):
    revisions = len(store.revisions_of("image"))
    assert add(csrf_client, UNANSWERED, "image").status_code == 400
    assert len(store.revisions_of("image")) == revisions
    token = csrf_token(csrf_client, PAGE)
    assert add(csrf_client, UNANSWERED, "image", csrf_token=token).status_code == 303
    assert len(store.revisions_of("image")) == revisions + 1


def test_after_a_phrasing_is_added_the_page_says_how_the_question_is_answered_now(
    instructor_client, asked
):
    def group_of(html: str) -> str:
        groups = html.split('<li class="question-group"')[1:]
        return next(g for g in groups if UNANSWERED in g.lower()).split("</dl>", 1)[0]

    group = group_of(html_of(instructor_client.get(PAGE + "?days=all")))
    assert "Answered now" in group and "still not answered" in group
    response = add(instructor_client, UNANSWERED, "sharing-container-changes", days="all")
    group = group_of(html_of(instructor_client.get(response.headers["Location"])))
    assert 'href="/topics/sharing-container-changes#' in group.split("Answered now", 1)[1]
    assert "% sure)" in group


def test_the_topic_picker_groups_the_topics(instructor_client, asked):
    html = html_of(instructor_client.get(PAGE + "?days=all"))
    picker = html.split('name="topic"', 1)[1].split("</select>", 1)[0]
    assert picker.count("<optgroup") >= 5
    assert '<optgroup label="Container commands">' in picker


def test_the_overview_says_what_each_part_is_for(instructor_client):
    html = html_of(instructor_client.get("/instructor/"))
    assert "add one as a phrasing of a topic" in html
