"""The topic editor: list and search, create, edit, preview, mistakes shown next to their field,
and an edit that would overwrite someone else's save refused."""

import pytest

from shipshape.knowledge import store
from shipshape.knowledge.authoring import save_topic
from shipshape.quizzes.store import questions_naming_topic
from tests.web.markup import parse_page

from .editor_pages import (
    QUOKKA,
    article,
    edit_form,
    field_error,
    has_error,
    revision_count,
    text_of,
    textarea,
)


def create(client, markdown, slug="quokka-layers", action="save"):
    data = {"slug": slug, "markdown": markdown, "action": action}
    return client.post("/instructor/topics/new", data=data)


def edit(client, slug, markdown, base, action="save"):
    data = {"markdown": markdown, "base_revision": str(base), "action": action}
    return client.post(f"/instructor/topics/{slug}/edit", data=data)


def test_the_list_links_every_live_topic_to_its_editor(instructor_client, library):
    page = parse_page(text_of(instructor_client.get("/instructor/topics")))
    edit_links = {h for h in page.hrefs() if h.endswith("/edit")}
    assert edit_links == {f"/instructor/topics/{slug}/edit" for slug in library.catalog.topics}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("docker-image-ls", {"docker-image-ls"}),  # a slug
        ("Comparisons", None),  # a group: every topic of it
        ("QUOKKA", {"quokka-layers"}),  # a title word, any case
        ("quokka concepts", {"quokka-layers"}),  # every word, each in some column
        ("100%_sure", set()),  # SQL wildcards are plain characters
    ],
)
def test_the_list_filters_by_title_slug_or_group(instructor_client, library, query, expected):
    assert create(instructor_client, QUOKKA).status_code == 302
    response = instructor_client.get("/instructor/topics", query_string={"q": query})
    assert response.status_code == 200
    edit_links = {h.split("/")[3] for h in parse_page(text_of(response)).hrefs() if "/edit" in h}
    if expected is None:
        expected = {s for s, d in library.catalog.topics.items() if d.group == query}
        assert len(expected) > 1
    assert edit_links == expected
    assert f"{len(expected)} of {len(library.catalog.topics)} topics match" in text_of(response)


def test_a_new_topic_is_saved_as_revision_1_and_answered_by_the_chat(instructor_client, ask):
    response = create(instructor_client, QUOKKA)
    assert response.headers["Location"] == "/instructor/topics/quokka-layers/edit"
    follow = instructor_client.get(response.headers["Location"])
    assert "Created revision 1" in text_of(follow)
    assert store.revisions_of("quokka-layers")[0].author == "teacher@example.org"
    reply = ask("where do quokka layers live?")
    assert reply["sources"][0]["url"].startswith("/topics/quokka-layers#")


def test_an_empty_slug_is_made_from_the_title(instructor_client):
    response = create(instructor_client, QUOKKA.replace("Quokka layers", "Quokka Läyers!"), slug="")
    assert response.headers["Location"] == "/instructor/topics/quokka-layers/edit"


def test_preview_shows_the_topic_as_learners_will_and_saves_nothing(instructor_client, client):
    preview = create(instructor_client, QUOKKA, action="preview")
    assert preview.status_code == 200
    assert 'id="preview"' in text_of(preview)
    assert store.get_topic("quokka-layers") is None
    assert client.get("/topics/quokka-layers").status_code == 404
    assert textarea(preview) == QUOKKA
    create(instructor_client, QUOKKA)
    assert article(preview) == article(client.get("/topics/quokka-layers"))


def test_preview_of_an_edit_saves_nothing(instructor_client):
    form = edit_form(instructor_client, "image")
    changed = form["markdown"] + "\n## A previewed heading\nOnly previewed.\n"
    preview = edit(instructor_client, "image", changed, form["base_revision"], action="preview")
    assert "A previewed heading" in article(preview)
    assert "A previewed heading" not in store.get_topic("image").markdown


MISTAKES = [
    ("---\ntitle: [unclosed\n---\nBody.\n", "front matter: is not valid YAML"),
    ("---\ntags: [x]\n---\nBody.\n", "title: is required"),
    ("---\ntitle: T\nrelated: [no-such-topic]\n---\nBody.\n", "related: there is no topic"),
    ("---\ntitle: T\ncompare: [image, no-such-topic]\n---\nBody.\n", "compare: there is no topic"),
    ("---\ntitle: T\n---\n", "body: is empty"),
]


@pytest.mark.parametrize("action", ["save", "preview"])
@pytest.mark.parametrize(("markdown", "message"), MISTAKES)
def test_a_mistake_in_a_new_topic_shows_next_to_the_text(
    instructor_client, markdown, message, action
):
    response = create(instructor_client, markdown, action=action)
    assert response.status_code == 422
    assert message in field_error(response, "topic-text")
    assert textarea(response) == markdown
    assert store.get_topic("quokka-layers", include_deleted=True) is None


@pytest.mark.parametrize(("markdown", "message"), MISTAKES)
def test_a_mistake_in_an_edit_shows_next_to_the_text_and_saves_nothing(
    instructor_client, markdown, message
):
    form = edit_form(instructor_client, "image")
    response = edit(instructor_client, "image", markdown, form["base_revision"])
    assert response.status_code == 422
    assert message in field_error(response, "topic-text")
    assert textarea(response) == markdown
    assert revision_count("image") == int(form["base_revision"])


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("image", "a topic 'image' already exists"),
        ("Not A Slug", "use lowercase letters, digits and hyphens"),
        ("x" * 121, "Field cannot be longer than 120 characters"),
    ],
)
def test_a_bad_slug_shows_next_to_the_slug_field(instructor_client, slug, message):
    before = store.get_topic("image").markdown
    response = create(instructor_client, QUOKKA, slug=slug)
    assert response.status_code in (400, 422)
    assert message in field_error(response, "topic-slug")
    assert not has_error(response, "topic-text")
    assert textarea(response) == QUOKKA
    assert store.get_topic("image").markdown == before


def test_the_slug_of_a_deleted_topic_is_not_taken_over(instructor_client):
    create(instructor_client, QUOKKA)
    instructor_client.post("/instructor/topics/quokka-layers/delete")
    for action in ("preview", "save"):
        response = create(instructor_client, QUOKKA + "\nNew words.\n", action=action)
        assert "a deleted topic 'quokka-layers' exists" in field_error(response, "topic-slug")
    assert revision_count("quokka-layers") == 2  # created, deleted; nothing more


def test_a_topic_too_long_to_save_is_told_next_to_the_text(instructor_client):
    response = create(instructor_client, QUOKKA + "x" * 200_000)
    assert response.status_code == 400
    assert "Keep a topic under 200000 characters" in field_error(response, "topic-text")
    assert store.get_topic("quokka-layers") is None


def test_an_edit_makes_a_new_revision_that_learners_see(instructor_client, client):
    form = edit_form(instructor_client, "image")
    changed = form["markdown"].replace("read-only template", "read-only quokka template", 1)
    response = edit(instructor_client, "image", changed, form["base_revision"])
    assert response.status_code == 302
    number = int(form["base_revision"]) + 1
    assert f"Saved revision {number}" in text_of(
        instructor_client.get(response.headers["Location"])
    )
    assert "read-only quokka template" in text_of(client.get("/topics/image"))


def test_saving_an_unchanged_text_says_no_changes(instructor_client):
    form = edit_form(instructor_client, "image")
    response = edit(instructor_client, "image", form["markdown"], form["base_revision"])
    assert "No changes" in text_of(instructor_client.get(response.headers["Location"]))
    assert revision_count("image") == int(form["base_revision"])


def test_a_browsers_crlf_line_ends_are_stored_as_lf(instructor_client):
    form = edit_form(instructor_client, "image")
    crlf = form["markdown"].replace("\n", "\r\n")
    response = edit(instructor_client, "image", crlf, form["base_revision"])
    assert "No changes" in text_of(instructor_client.get(response.headers["Location"]))


def test_an_edit_from_an_old_revision_is_refused_not_overwriting(instructor_client, library):
    form = edit_form(instructor_client, "image")
    base = int(form["base_revision"])
    theirs = form["markdown"] + "\nTheir sentence.\n"
    save_topic(theirs, "image", library, "someone@example.org")
    mine = form["markdown"] + "\nMy sentence.\n"
    response = edit(instructor_client, "image", mine, base)
    assert response.status_code == 409
    body = text_of(response)
    assert "Not saved" in body and "someone@example.org" in body
    assert f"/instructor/topics/image/diff?a={base}&amp;b={base + 1}" in body
    assert textarea(response) == mine
    assert store.get_topic("image").markdown == theirs
    assert f'name="base_revision" value="{base + 1}"' in body  # saving again is deliberate
    assert edit(instructor_client, "image", mine, base + 1).status_code == 302
    assert store.get_topic("image").markdown == mine


def test_an_edit_without_its_base_revision_is_a_bad_request(instructor_client):
    response = instructor_client.post(
        "/instructor/topics/image/edit", data={"markdown": QUOKKA, "action": "save"}
    )
    assert response.status_code == 400
    assert "Quokka" not in store.get_topic("image").markdown


def test_editing_a_topic_that_does_not_exist_is_404(instructor_client):
    assert instructor_client.get("/instructor/topics/no-such-topic/edit").status_code == 404
    assert edit(instructor_client, "no-such-topic", QUOKKA, 1).status_code == 404


def test_the_delete_page_names_the_quiz_questions_that_point_at_the_topic(instructor_client):
    page = instructor_client.get("/instructor/topics/image/delete").get_data(as_text=True)
    named = questions_naming_topic("image")
    assert named, "the bundled quizzes point at the image topic"
    for quiz_slug, _title, ids in named:
        assert f"/instructor/quizzes/{quiz_slug}/edit" in page
        assert ids[0] in page
