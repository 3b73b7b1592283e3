"""Search, topics, errors for unknown paths and methods, and the health probes."""

from pathlib import Path

import pytest

from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import answer_sections

CONTENT = Path(__file__).resolve().parents[2] / "content"


def assert_json_error(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    error = response.get_json()["error"]
    assert error["code"] and error["message"]
    return error


# -- search -------------------------------------------------------------------------------
def test_search_returns_ranked_sections_with_highlights(client):
    body = client.get("/api/search?q=prune+dangling+images").get_json()
    results = body["results"]
    assert body["query"] == "prune dangling images"
    assert len(results) >= 3
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert results[0]["url"].startswith("/topics/docker-image-prune#")
    assert "<b>" in results[0]["highlight"]
    assert all(r["url"].startswith("/topics/") and "#" in r["url"] for r in results)
    assert all({"title", "section", "url", "score", "highlight"} <= set(r) for r in results)


def test_search_highlights_carry_no_other_markup(client):
    results = client.get("/api/search?q=run+shell+container").get_json()["results"]
    for r in results:
        stripped = r["highlight"].replace("<b>", "").replace("</b>", "")
        assert "<" not in stripped.replace("&lt;", "")


def test_search_for_nothing_known_is_an_empty_list(client):
    response = client.get("/api/search?q=zzqxv+wvbnk")
    assert response.status_code == 200
    assert response.get_json()["results"] == []


def test_search_syntax_is_taken_as_words(client):
    response = client.get("/api/search", query_string={"q": 'title:(AND "x* [a TO z]'})
    assert response.status_code == 200
    assert isinstance(response.get_json()["results"], list)


@pytest.mark.parametrize("query", ["", "?q=", "?q=+++", "?other=1"])
def test_search_without_words_is_a_400(client, query):
    assert assert_json_error(client.get(f"/api/search{query}"), 400)["code"] == "missing_query"


def test_search_with_a_nul_byte_is_a_400(client):
    assert_json_error(client.get("/api/search?q=image%00"), 400)


# -- topics -------------------------------------------------------------------------------
def test_topics_lists_every_topic_with_slug_title_group_and_url(client):
    topics = client.get("/api/topics").get_json()["topics"]
    assert {t["slug"] for t in topics} == {p.stem for p in topic_files(CONTENT)}
    for t in topics:
        assert {"slug", "title", "group", "url"} <= set(t)
        assert t["url"] == f"/topics/{t['slug']}"
        assert t["title"] and t["group"]


def test_a_topic_comes_with_its_sections_rendered(client, library):
    body = client.get("/api/topics/docker-container-rm").get_json()
    doc = library.catalog.get("docker-container-rm")
    assert body["slug"] == "docker-container-rm"
    assert body["title"] == doc.title
    anchors = [s["anchor"] for s in body["sections"]]
    assert anchors == [s.anchor or "summary" for s in answer_sections(doc)]
    for section in body["sections"]:
        assert section["html"].startswith("<")
        assert section["markdown"]
    assert body["command"]["name"] == "docker container rm"


def test_an_unknown_topic_is_a_404(client):
    assert assert_json_error(client.get("/api/topics/no-such-topic"), 404)["code"] == "not_found"


# -- unknown paths and methods ------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/nothing-here", "/api/topics/a/b", "/api/"])
def test_an_unknown_api_path_is_a_json_404_even_for_a_browser(client, path):
    assert_json_error(client.get(path, headers={"Accept": "text/html"}), 404)


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/ask"), ("put", "/api/ask"), ("post", "/api/topics"), ("post", "/api/search")],
)
def test_a_wrong_method_is_a_json_405_that_says_which_are_allowed(client, method, path):
    response = getattr(client, method)(path)
    assert assert_json_error(response, 405)["code"] == "method_not_allowed"
    assert response.headers["Allow"]


# -- health -------------------------------------------------------------------------------
def test_livez_answers_while_the_process_runs(client):
    response = client.get("/livez")
    assert response.status_code == 200
    assert response.get_json()["status"] == "alive"


def test_healthz_reports_the_database_and_the_index(client, library):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["index"]["sections"] > 0
    assert body["index"]["sections"] == library.index.doc_count()
