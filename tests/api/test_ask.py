"""POST /api/ask: the shape DESIGN.md promises, conversations, and bad input answered with 4xx."""

import re

import pytest

from shipshape.chat.service import MAX_QUESTION_LENGTH

REPLY_KEYS = {
    "conversation_id", "kind", "answer", "sources", "confidence", "suggestions", "did_you_mean",
    "turn_id", "why",
}  # fmt: skip
KINDS = {"answer", "no_answer", "clarify", "smalltalk"}


def assert_reply_shape(reply: dict) -> None:
    assert set(reply) == REPLY_KEYS
    assert reply["kind"] in KINDS
    assert set(reply["answer"]) == {"markdown", "html"}
    assert reply["answer"]["markdown"].strip() and reply["answer"]["html"].strip()
    for source in reply["sources"]:
        assert set(source) == {"title", "section", "url", "score"}
        assert source["url"].startswith("/topics/")
        assert isinstance(source["score"], int | float)
    assert isinstance(reply["confidence"], int | float)
    assert 0 <= reply["confidence"] <= 1
    assert all(isinstance(s, str) for s in reply["suggestions"])
    assert reply["did_you_mean"] is None or isinstance(reply["did_you_mean"], str)
    assert_why_shape(reply["why"])


def assert_why_shape(why: dict) -> None:
    assert set(why) == {"matched", "closest_question", "runners_up"}
    assert all(isinstance(word, str) for word in why["matched"])
    assert why["closest_question"] is None or isinstance(why["closest_question"], str)
    for runner in why["runners_up"]:
        assert set(runner) == {"title", "section", "url", "score"}
        assert runner["url"].startswith("/topics/")


def assert_json_error(response, status: int | None = None) -> dict:
    assert 400 <= response.status_code < 500, response.get_data(as_text=True)
    if status is not None:
        assert response.status_code == status
    assert response.is_json
    body = response.get_json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] and body["error"]["message"]
    return body["error"]


def test_an_answer_has_exactly_the_promised_keys(ask):
    reply = ask("how do I rename a container")
    assert_reply_shape(reply)
    assert reply["kind"] == "answer"
    assert re.match(r"^/topics/docker-container-rename#[a-z0-9-]+$", reply["sources"][0]["url"])
    assert "<" in reply["answer"]["html"]


def test_the_html_is_the_markdown_rendered(ask):
    reply = ask("copy a file out of a container")
    assert "```" in reply["answer"]["markdown"]
    assert "<pre><code" in reply["answer"]["html"]
    assert "```" not in reply["answer"]["html"]


def test_a_no_answer_links_topics_in_its_html(ask):
    reply = ask("How do I make pancakes?")
    assert_reply_shape(reply)
    assert reply["kind"] == "no_answer"
    assert reply["sources"] == []
    assert re.search(r'<a href="/topics/[a-z0-9-]+"', reply["answer"]["html"])


# -- conversations ------------------------------------------------------------------------
def test_a_conversation_id_is_given_out_and_kept_when_sent_back(ask):
    first = ask("how do I rename a container")
    assert re.match(r"^c-[A-Za-z0-9_-]{16,}$", first["conversation_id"])
    second = ask("thanks", first["conversation_id"])
    assert second["conversation_id"] == first["conversation_id"]


def test_each_new_visitor_gets_a_different_conversation(ask):
    assert ask("hello")["conversation_id"] != ask("hello")["conversation_id"]


def test_an_unknown_conversation_id_gets_a_new_one(ask):
    unknown = "c-" + "z" * 22
    reply = ask("hello", unknown)
    assert reply["conversation_id"] != unknown
    assert reply["conversation_id"].startswith("c-")


@pytest.mark.parametrize("value", ["not-an-id", 12, ["c-x"], "c-" + "a" * 200])
def test_a_malformed_conversation_id_is_a_400(client, value):
    response = client.post("/api/ask", json={"question": "hello", "conversation_id": value})
    assert assert_json_error(response, 400)["code"] == "invalid_conversation_id"


# -- bad input: always a 4xx JSON error, never a 500 --------------------------------------
JSON = "application/json"
BAD_REQUESTS = {
    "empty question": dict(json={"question": ""}),
    "whitespace question": dict(json={"question": " \n\t "}),
    "number question": dict(json={"question": 42}),
    "list question": dict(json={"question": ["what is an image"]}),
    "null question": dict(json={"question": None}),
    "object question": dict(json={"question": {"text": "what is an image"}}),
    "missing field": dict(json={"conversation_id": None}),
    "empty object": dict(json={}),
    "invalid json": dict(data='{"question": "what is', content_type=JSON),
    "empty body": dict(data="", content_type=JSON),
    "non-utf-8 bytes": dict(data=b'{"question": "caf\xe9 \xff"}', content_type=JSON),
    "json array body": dict(json=["what is an image"]),
    "json string body": dict(json="what is an image"),
    "deeply nested json": dict(data="[" * 50_000, content_type=JSON),
    "form body": dict(data={"question": "what is an image"}),
    "text/plain body": dict(data="what is an image", content_type="text/plain"),
    "no content type": dict(data='{"question": "what is an image"}'),
    "over the limit": dict(json={"question": "a" * (MAX_QUESTION_LENGTH + 1)}),
    "NUL byte": dict(json={"question": "what is\x00 an image"}),
    "lone surrogate": dict(data='{"question": "what is \\ud800"}', content_type=JSON),
}


@pytest.mark.parametrize("request_kwargs", BAD_REQUESTS.values(), ids=BAD_REQUESTS.keys())
def test_bad_input_is_a_json_4xx(client, request_kwargs):
    assert_json_error(client.post("/api/ask", **request_kwargs))


@pytest.mark.parametrize(
    ("request_kwargs", "status", "code"),
    [
        (BAD_REQUESTS["over the limit"], 413, "question_too_long"),
        (BAD_REQUESTS["NUL byte"], 400, "invalid_question"),
        (BAD_REQUESTS["empty question"], 400, "invalid_question"),
        (BAD_REQUESTS["invalid json"], 400, "invalid_json"),
        (BAD_REQUESTS["json array body"], 400, "invalid_json"),
        (BAD_REQUESTS["non-utf-8 bytes"], 400, "invalid_encoding"),
        (BAD_REQUESTS["lone surrogate"], 400, "invalid_text"),
        (BAD_REQUESTS["form body"], 415, "unsupported_media_type"),
    ],
)
def test_bad_input_names_what_is_wrong(client, request_kwargs, status, code):
    assert assert_json_error(client.post("/api/ask", **request_kwargs), status)["code"] == code


def test_a_message_over_the_limit_is_refused_with_413_telling_the_limit(client):
    response = client.post("/api/ask", json={"question": "a" * (MAX_QUESTION_LENGTH + 1)})
    error = assert_json_error(response, 413)
    assert error["code"] == "question_too_long"
    assert f"{MAX_QUESTION_LENGTH:,}" in error["message"]


def test_a_question_of_exactly_the_limit_is_answered(ask):
    question = ("how do I rename a container " * 800)[:MAX_QUESTION_LENGTH]
    assert len(question) == MAX_QUESTION_LENGTH
    assert_reply_shape(ask(question))


# -- odd but harmless input: a normal answer ----------------------------------------------
ODD_QUESTIONS = [
    "AND (",
    "*",
    "title:",
    '"unbalanced',
    "image~2",
    "[a TO z]",
    "container* OR NOT image^5",
    "🐳 how do I name my container? 🚢",
    "¿qué es un contenedor?",
    "'; DROP TABLE topics; --",
    "1' OR '1'='1",
    "<script>alert(1)</script>",
    "docker `",
    "-" * 50,
]


@pytest.mark.parametrize("question", ODD_QUESTIONS)
def test_odd_input_gets_a_normal_reply(ask, question):
    assert_reply_shape(ask(question))


def test_sql_in_a_question_leaves_the_topics_alone(ask, client):
    before = len(client.get("/api/topics").get_json()["topics"])
    ask("'; DROP TABLE topics; --")
    assert len(client.get("/api/topics").get_json()["topics"]) == before


def test_markup_in_a_question_is_never_echoed_as_html(ask):
    reply = ask("what does `docker run <script>alert(1)</script>` do?")
    assert "<script" not in reply["answer"]["html"]
