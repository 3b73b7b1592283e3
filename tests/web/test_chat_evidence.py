"""Every answer shows its evidence behind a "Why this answer?" disclosure that needs no JavaScript,
and the thumbs are drawn, not emoji that a browser without the font shows as empty boxes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.web.markup import parse_page


def conversation_page(client, question: str) -> str:
    response = client.post("/ask", data={"question": question, "conversation_id": ""})
    conversation = parse_qs(urlsplit(response.headers["Location"]).query)["c"][0]
    return client.get(f"/?c={conversation}").get_data(as_text=True)


def test_an_answer_discloses_its_matched_words_confidence_and_runners_up(client):
    html = conversation_page(client, "how do I rename a container")
    page = parse_page(html)
    assert page.find_all("details", **{"class": "why"})
    assert "Why this answer?" in html
    assert "Your words found in it" in html and "<code>rename</code>" in html
    assert "that this is the right section (about " in html
    others = [href for href in page.hrefs() if href.startswith("/topics/")]
    assert len(set(others)) >= 2  # the source and at least one runner-up


def test_thumbs_are_svg_drawings_with_text_labels(client):
    html = conversation_page(client, "how do I rename a container")
    assert html.count('class="thumb-icon"') == 2
    assert "\U0001f44d" not in html and "\U0001f44e" not in html
    assert "This answer helped" in html and "This answer did not help" in html


def test_the_api_gives_the_same_evidence_the_page_shows(client):
    reply = client.post("/api/ask", json={"question": "how do I rename a container"}).get_json()
    assert "rename" in reply["why"]["matched"]
    assert reply["why"]["runners_up"]
    assert all(r["url"].startswith("/topics/") for r in reply["why"]["runners_up"])
    assert reply["sources"][0]["url"] not in [r["url"] for r in reply["why"]["runners_up"]]


def test_an_unsure_answer_says_so_in_words(client, monkeypatch):
    from shipshape.chat import ranking

    unsure = ranking.Model(ranking.load_model().weights, {"bias": 0.0}, 0.1)  # always 0.5
    monkeypatch.setattr(ranking, "load_model", lambda *a: unsure)
    monkeypatch.setattr("shipshape.chat.answerer.load_model", lambda *a: unsure)
    html = conversation_page(client, "how do I rename a container")
    assert "Not sure this is what you asked" not in html  # 0.5 is not below 0.5
    low = ranking.Model(unsure.weights, {"bias": -1.0}, 0.1)  # about 0.27
    monkeypatch.setattr("shipshape.chat.answerer.load_model", lambda *a: low)
    html = conversation_page(client, "how do I copy a file out of a container")
    assert "Not sure this is what you asked" in html


def why_text(html: str) -> str:
    """The words of the first "Why this answer?" disclosure, tags dropped."""
    import re

    block = html.split('<details class="why">', 1)[1].split("</details>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", block).split())


def test_the_evidence_is_in_words_with_confidence_capped_at_99(client, monkeypatch):
    from shipshape.chat import ranking

    sure = ranking.Model(ranking.load_model().weights, {"bias": 50.0}, 0.1)  # about 1.0
    monkeypatch.setattr("shipshape.chat.answerer.load_model", lambda *a: sure)
    text = why_text(conversation_page(client, "how do I rename a container"))
    assert "Likely that this is the right section (about 99%)" in text
    assert "100%" not in text
    assert "score" not in text
    assert "match)" in text  # each runner-up said in words: "a weaker match"


def test_a_comparison_and_a_command_explanation_carry_their_evidence(client):
    explained = why_text(conversation_page(client, "docker run -d -p 8080:80 nginx"))
    assert "How this reply was made" in explained
    assert "command reference of docker container run" in explained
    assert "-d" in explained.split("Your words found in it", 1)[1]
    compared = client.post("/api/ask", json={"question": "docker run vs docker container run"})
    assert "one command" in compared.get_json()["why"]["basis"]
