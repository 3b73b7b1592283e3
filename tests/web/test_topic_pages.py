"""Topic pages, the topic list and the search page, as a learner's browser gets them."""

import pytest

from shipshape.knowledge.topicfile import answer_sections
from tests.web.markup import parse_page


def page_at(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_the_topic_list_links_every_topic_under_its_group(client, library):
    page = parse_page(page_at(client, "/topics"))
    under = {href: group for group, href in page.links if href.startswith("/topics/")}
    assert set(under) == {f"/topics/{slug}" for slug in library.catalog.topics}
    for slug, doc in library.catalog.topics.items():
        assert under[f"/topics/{slug}"] == doc.group


def test_the_topic_list_has_one_heading_per_group(client, library):
    page = parse_page(page_at(client, "/topics"))
    groups = [text for tag, text in page.headings if tag == "h2"]
    assert sorted(groups) == sorted(library.catalog.groups())


@pytest.mark.parametrize("slug", ["docker-container-rm", "image-vs-container", "docker-volume"])
def test_a_topic_page_renders_each_section_under_its_anchor(client, library, slug):
    doc = library.catalog.get(slug)
    page = parse_page(page_at(client, f"/topics/{slug}"))
    assert ("h1", doc.title) in page.headings
    headings = [text for tag, text in page.headings if tag == "h2"]
    for section in answer_sections(doc):
        anchor = section.anchor or "summary"
        assert anchor in page.ids, anchor
        if section.anchor:
            assert section.heading.replace("`", "") in [h.replace("`", "") for h in headings]
            assert f"#{anchor}" in page.hrefs()


def test_every_topic_page_has_an_id_for_each_of_its_sections(client, library):
    for slug, doc in library.catalog.topics.items():
        page = parse_page(page_at(client, f"/topics/{slug}"))
        missing = {s.anchor or "summary" for s in answer_sections(doc)} - page.ids
        assert not missing, (slug, missing)


def test_a_command_topic_shows_its_reference(client):
    html = page_at(client, "/topics/docker-container-run")
    page = parse_page(html)
    assert "command-reference" in page.ids
    assert "--publish" in html


def test_an_unknown_topic_is_a_friendly_404_page(client):
    html = page_at(client, "/topics/no-such-topic", status=404)
    page = parse_page(html)
    assert ("h1", "Page not found") in page.headings
    assert "/" in page.hrefs() and "/topics" in page.hrefs()
    assert '"error"' not in html


def test_an_unknown_page_is_a_friendly_404_too(client):
    page = parse_page(page_at(client, "/no/such/page", status=404))
    assert ("h1", "Page not found") in page.headings


def test_search_shows_highlighted_results_linking_to_sections(client):
    html = page_at(client, "/search?q=prune+dangling+images")
    page = parse_page(html)
    results = [h for h in page.hrefs() if h.startswith("/topics/") and "#" in h]
    assert results
    assert results[0].startswith("/topics/docker-image-prune#")
    assert '<p class="highlight">' in html
    assert "<b>" in html
    [box] = page.find_all("input", id="search-q")
    assert box["value"] == "prune dangling images"


def test_an_empty_search_shows_just_the_form(client):
    for path in ("/search", "/search?q=", "/search?q=+++"):
        page = parse_page(page_at(client, path))
        assert page.find_all("input", id="search-q")
        assert not page.find_all("ol", **{"class": "search-results"})


def test_a_search_that_finds_nothing_says_so(client):
    html = page_at(client, "/search?q=zzqxv+wvbnk")
    assert "Nothing found." in html
    assert not parse_page(html).find_all("ol", **{"class": "search-results"})


def test_search_syntax_and_nul_bytes_do_not_break_the_page(client):
    page_at(client, "/search?q=title%3A%28AND+%22x*+%5Ba+TO+z%5D")
    refused = client.get("/search?q=image%00s")
    assert refused.status_code == 400
    assert "NUL byte" in refused.get_data(as_text=True)
