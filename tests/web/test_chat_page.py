"""The chat page: usable without JavaScript, accessible, and with no inline script."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from markupsafe import escape

from shipshape.chat.service import MAX_QUESTION_LENGTH
from tests.web.markup import parse_page


def html_of(response) -> str:
    return response.get_data(as_text=True)


def ask_by_form(client, question, conversation_id=""):
    return client.post("/ask", data={"question": question, "conversation_id": conversation_id})


def conversation_of(response) -> str:
    location = urlsplit(response.headers["Location"])
    assert location.path == "/"
    return parse_qs(location.query)["c"][0]


def test_the_question_box_is_a_labelled_textarea_in_a_form_posting_to_ask(client):
    page = parse_page(html_of(client.get("/")))
    [box] = page.find_all("textarea", name="question")
    assert page.find_all("label", **{"for": box["id"]})
    [form] = page.find_all("form", id="ask-form")
    assert form["method"].lower() == "post"
    assert form["action"] == "/ask"
    assert box["maxlength"] == str(MAX_QUESTION_LENGTH)


def test_new_answers_are_announced_by_a_live_region(client):
    page = parse_page(html_of(client.get("/")))
    live = [
        attrs for _, attrs in page.elements if attrs.get("aria-live") in {"polite", "assertive"}
    ]
    assert live
    assert live[0]["id"] == "conversation"


def test_asking_without_javascript_redirects_to_the_conversation(client):
    response = ask_by_form(client, "how do I rename a container")
    assert response.status_code == 303
    assert re.match(r"^c-[A-Za-z0-9_-]+$", conversation_of(response))


def test_the_conversation_page_shows_the_question_and_its_sourced_answer(client):
    conversation = conversation_of(ask_by_form(client, "how do I rename a container"))
    html = html_of(client.get(f"/?c={conversation}"))
    page = parse_page(html)
    assert "how do I rename a container" in html
    assert 'class="answer answer--answer"' in html
    assert any(h.startswith("/topics/docker-container-rename#") for h in page.hrefs())
    [kept] = page.find_all("input", name="conversation_id", id="conversation-id")
    assert kept["value"] == conversation


def test_a_follow_up_by_form_stays_in_the_same_conversation(client):
    conversation = conversation_of(ask_by_form(client, "how do I rename a container"))
    again = ask_by_form(client, "copy a file out of a container", conversation)
    assert conversation_of(again) == conversation
    html = html_of(client.get(f"/?c={conversation}"))
    assert html.index("how do I rename a container") < html.index("copy a file out of a container")


def test_a_question_is_shown_as_text_never_as_markup(client):
    question = '<img src=x onerror="alert(1)"> how do I rename a container'
    conversation = conversation_of(ask_by_form(client, question))
    html = html_of(client.get(f"/?c={conversation}"))
    assert str(escape(question)) in html
    assert "<img src=x" not in html
    assert not parse_page(html).find_all("img")


@pytest.mark.parametrize(
    "question, status", [("", 400), ("   ", 400), ("x" * (MAX_QUESTION_LENGTH + 1), 413)]
)
def test_a_bad_form_question_shows_the_page_again_with_an_error(client, question, status):
    response = ask_by_form(client, question)
    assert response.status_code == status
    page = parse_page(html_of(response))
    assert page.find_all("p", role="alert")
    assert page.find_all("textarea", name="question", **{"aria-invalid": "true"})


def test_an_unknown_conversation_shows_an_empty_chat(client):
    response = client.get("/?c=c-" + "q" * 22)
    assert response.status_code == 200
    assert 'class="turn turn--question"' not in html_of(response)


# -- security headers and script policy, on every kind of page ----------------------------
PAGES = ["/", "/topics", "/topics/docker-container-rm", "/search?q=volume", "/topics/nope"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_script_only_from_files(client, path):
    page = parse_page(html_of(client.get(path)))
    for attrs, body in page.scripts:
        assert attrs.get("src", "").startswith("/static/"), attrs
        assert not body.strip()
    handlers = [(tag, name) for tag, attrs in page.elements for name in attrs if name[:2] == "on"]
    assert handlers == []


def test_the_chat_page_has_its_script(client):
    page = parse_page(html_of(client.get("/")))
    assert [attrs["src"] for attrs, _ in page.scripts] == [
        "/static/js/site.js",
        "/static/js/why.js",
        "/static/js/chat.js",
    ]
    with client.get("/static/js/chat.js") as script:
        assert script.status_code == 200
        assert script.mimetype in {"text/javascript", "application/javascript"}


def directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("path", PAGES)
def test_the_content_security_policy_forbids_inline_script_and_framing(client, path):
    response = client.get(path)
    policy = directives(response)
    scripts = policy.get("script-src", policy.get("default-src"))
    assert scripts, "no script policy"
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in scripts
    assert policy["frame-ancestors"] in (["'none'"], ["'self'"])
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_api_carries_the_same_headers(client):
    response = client.get("/api/topics")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors" in response.headers["Content-Security-Policy"]


def test_the_chat_page_without_c_shows_the_conversation_this_browser_had_open(client):
    conversation = conversation_of(ask_by_form(client, "how do I rename a container"))
    html = html_of(client.get("/"))
    assert "how do I rename a container" in html
    [kept] = parse_page(html).find_all("input", name="conversation_id", id="conversation-id")
    assert kept["value"] == conversation


def test_a_link_to_the_conversation_shows_it_in_this_browser_only(app, client):
    """A conversation is its learner's (issue 26): the link reopens it in the browser that had
    it, in any tab; another browser is told plainly it cannot be shown, and sees none of it."""
    conversation = conversation_of(ask_by_form(client, "how do I rename a container"))
    assert "how do I rename a container" in html_of(client.get(f"/?c={conversation}"))
    html = html_of(app.test_client().get(f"/?c={conversation}"))
    assert "how do I rename a container" not in html
    assert "belongs to another browser" in html


def test_new_conversation_starts_afresh(client):
    ask_by_form(client, "how do I rename a container")
    response = client.post("/chat/new")
    assert response.status_code == 303
    html = html_of(client.get("/"))
    assert "how do I rename a container" not in html
    assert "Try asking" in html
    assert "has ended" not in html


@pytest.mark.parametrize("wanted", ["c-unknownunknownunknown", "not-an-id"])
def test_an_unknown_conversation_starts_a_new_one_and_says_so(client, wanted):
    html = html_of(client.get(f"/?c={wanted}"))
    assert "That conversation has ended, belongs to another browser or could not be found" in html
    [kept] = parse_page(html).find_all("input", name="conversation_id", id="conversation-id")
    assert kept["value"] == ""


def test_an_expired_conversation_starts_a_new_one_and_says_so(app, client):
    from datetime import timedelta

    from shipshape.extensions import db
    from shipshape.models import Turn

    conversation = conversation_of(ask_by_form(client, "how do I rename a container"))
    hours = app.config["SHIPSHAPE_CONVERSATION_TTL_HOURS"]
    for turn in db.session.query(Turn).filter_by(conversation_id=conversation):
        turn.created_at -= timedelta(hours=hours + 1)
    db.session.commit()
    html = html_of(client.get("/"))
    assert "That conversation has ended, belongs to another browser or could not be found" in html
    assert "how do I rename a container" not in html
    assert "has ended" not in html_of(client.get("/"))  # the browser forgot it: said once
