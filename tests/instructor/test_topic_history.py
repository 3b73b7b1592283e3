"""Deleting and restoring topics, their history and diffs, and who may do any of it."""

import re

import pytest

from shipshape.knowledge import store
from tests.conftest import csrf_token

from .editor_pages import QUOKKA, edit_form, revision_count, text_of


def save(client, slug, markdown):
    form = edit_form(client, slug)
    data = {"markdown": markdown, "base_revision": form["base_revision"], "action": "save"}
    assert client.post(f"/instructor/topics/{slug}/edit", data=data).status_code == 302


@pytest.fixture
def quokka(instructor_client):
    data = {"slug": "quokka-layers", "markdown": QUOKKA, "action": "save"}
    assert instructor_client.post("/instructor/topics/new", data=data).status_code == 302
    return "quokka-layers"


def test_delete_asks_first_then_hides_the_topic_until_restored(instructor_client, client, quokka):
    confirm = instructor_client.get(f"/instructor/topics/{quokka}/delete")
    assert "Delete “Quokka layers”?" in text_of(confirm)
    assert client.get(f"/topics/{quokka}").status_code == 200  # asking deleted nothing
    response = instructor_client.post(f"/instructor/topics/{quokka}/delete")
    assert response.headers["Location"] == "/instructor/topics"
    assert client.get(f"/topics/{quokka}").status_code == 404
    listing = text_of(instructor_client.get("/instructor/topics"))
    restore = f"/instructor/topics/{quokka}/revisions/2/restore"
    assert restore in listing.split("Deleted topics")[1]
    assert instructor_client.post(restore).status_code == 302
    assert "quokka layers live" in text_of(client.get(f"/topics/{quokka}"))
    assert [r.action for r in store.revisions_of(quokka)] == ["restore", "delete", "create"]


def test_the_delete_page_names_the_topics_that_link_to_it(instructor_client):
    page = text_of(instructor_client.get("/instructor/topics/layers/delete"))
    assert 'href="/instructor/topics/image/edit"' in page  # image lists layers as related


def test_the_history_lists_every_revision_with_its_author(instructor_client, quokka):
    save(instructor_client, quokka, QUOKKA + "\nA second paragraph.\n")
    page = text_of(instructor_client.get(f"/instructor/topics/{quokka}/history"))
    row = r"<tr>\s*<th scope=\"row\"><a [^>]*>(\d+)</a></th>\s*<td>(\w+)</td>\s*<td>([^<]*)</td>"
    author = "teacher@example.org"
    assert re.findall(row, page) == [("2", "edit", author), ("1", "create", author)]
    assert 'name="a" value="1"' in page and 'name="b" value="2"' in page


def test_a_diff_marks_added_and_removed_lines_also_without_colour(instructor_client, quokka):
    changed = QUOKKA.replace("made-up story", "invented story")
    save(instructor_client, quokka, changed + "\nA new last line.\n")
    page = text_of(instructor_client.get(f"/instructor/topics/{quokka}/diff?a=1&b=2"))
    removed = re.findall(
        r'diff-line--removed">.*?diff-marker">(.)<.*?<code>(.*?)</code>', page, re.S
    )
    added = re.findall(r'diff-line--added">.*?diff-marker">(.)<.*?<code>(.*?)</code>', page, re.S)
    assert removed == [
        ("-", "Quokka layers sit between the image and the container in this made-up story.")
    ]
    assert (
        "+",
        "Quokka layers sit between the image and the container in this invented story.",
    ) in added
    assert ("+", "A new last line.") in added
    assert "3 lines added (marked +), 1 line removed" in page  # and a blank one


def test_one_revision_shows_its_text_and_can_be_restored(instructor_client, client, quokka):
    save(instructor_client, quokka, QUOKKA.replace("made-up story", "second story"))
    page = text_of(instructor_client.get(f"/instructor/topics/{quokka}/revisions/1"))
    assert "made-up story" in page and "Restore this revision" in page
    response = instructor_client.post(f"/instructor/topics/{quokka}/revisions/1/restore")
    assert response.headers["Location"] == f"/instructor/topics/{quokka}/history"
    assert "Restored revision 1 as revision 3" in text_of(instructor_client.get(response.location))
    assert "made-up story" in text_of(client.get(f"/topics/{quokka}"))


def test_restoring_the_current_text_says_no_changes(instructor_client, quokka):
    response = instructor_client.post(f"/instructor/topics/{quokka}/revisions/1/restore")
    assert "No changes" in text_of(instructor_client.get(response.location))
    assert revision_count(quokka) == 1


def test_a_revision_that_no_longer_passes_the_checks_is_not_restored(instructor_client, quokka):
    linked = QUOKKA.replace("related: [image]", "related: [image, layers]")
    save(instructor_client, quokka, linked)
    save(instructor_client, quokka, QUOKKA)
    instructor_client.post("/instructor/topics/layers/delete")
    response = instructor_client.post(f"/instructor/topics/{quokka}/revisions/2/restore")
    assert response.status_code == 422
    assert "related: there is no topic &#39;layers&#39;" in text_of(response)
    assert revision_count(quokka) == 3


@pytest.mark.parametrize(
    "path",
    [
        "/instructor/topics/image/diff?a=1&b=99",
        "/instructor/topics/image/diff?a=0&b=1",
        "/instructor/topics/image/diff?a=x&b=1",
        "/instructor/topics/image/diff?a=%C2%B2&b=1",  # a superscript two is a digit, not a number
        "/instructor/topics/image/diff?a=99999999999999999999&b=1",
        "/instructor/topics/image/diff",
        "/instructor/topics/no-such-topic/diff?a=1&b=1",
        "/instructor/topics/image/revisions/99",
        "/instructor/topics/image/revisions/0",
        "/instructor/topics/image/revisions/99999999999999999999",
        "/instructor/topics/no-such-topic/history",
    ],
)
def test_bad_revision_numbers_are_404(instructor_client, path):
    assert instructor_client.get(path).status_code == 404


def test_restoring_a_revision_that_does_not_exist_is_404(instructor_client):
    assert (
        instructor_client.post("/instructor/topics/image/revisions/99/restore").status_code == 404
    )
    assert revision_count("image") == 1


PAGES = [
    ("get", "/instructor/topics"),
    ("get", "/instructor/topics/new"),
    ("post", "/instructor/topics/new"),
    ("get", "/instructor/topics/image/edit"),
    ("post", "/instructor/topics/image/edit"),
    ("get", "/instructor/topics/image/delete"),
    ("post", "/instructor/topics/image/delete"),
    ("get", "/instructor/topics/image/history"),
    ("get", "/instructor/topics/image/diff?a=1&b=1"),
    ("get", "/instructor/topics/image/revisions/1"),
    ("post", "/instructor/topics/image/revisions/1/restore"),
]


@pytest.mark.parametrize(("method", "path"), PAGES)
def test_learners_get_403_on_every_editor_page(client, method, path):
    data = {"slug": "quokka-layers", "markdown": QUOKKA, "base_revision": "1", "action": "save"}
    response = getattr(client, method)(path, data=data if method == "post" else None)
    assert response.status_code == 403
    assert store.get_topic("image") is not None and revision_count("image") == 1
    assert store.get_topic("quokka-layers") is None


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/instructor/topics/new", {"slug": "quokka-layers", "markdown": QUOKKA}),
        ("/instructor/topics/image/edit", {"markdown": QUOKKA, "base_revision": "1"}),
        ("/instructor/topics/image/delete", {}),
        ("/instructor/topics/image/revisions/1/restore", {}),
    ],
)
def test_a_post_without_its_csrf_token_is_refused_and_saves_nothing(csrf_client, path, data):
    response = csrf_client.post(path, data={**data, "action": "save"})
    assert response.status_code == 400
    assert store.get_topic("quokka-layers") is None
    assert revision_count("image") == 1
    token = csrf_token(csrf_client, "/instructor/topics/image/edit")
    with_token = csrf_client.post(path, data={**data, "action": "save", "csrf_token": token})
    assert with_token.status_code == 302  # the same request with its token goes through
