"""/instructor/transfer and /instructor/export.zip: upload a file or a zip, download everything."""

import html
import io
import re

import pytest

from shipshape.knowledge import store
from shipshape.quizzes.store import get_quiz
from shipshape.transfer.export import export_zip
from tests.conftest import (
    INSTRUCTOR_EMAIL,
    INSTRUCTOR_PASSWORD,
    add_instructor,
    built_app,
    csrf_token,
)
from tests.transfer.zips import (
    QUIZ,
    TOPIC,
    make_zip,
    many_members_zip,
    symlink_zip,
    zeros_zip,
)
from tests.web.markup import parse_page as parse

MB = 1024 * 1024


def send(client, name: str, data: bytes | str, **fields: str):
    raw = data.encode() if isinstance(data, str) else data
    form = {"file": (io.BytesIO(raw), name), **fields}
    return client.post("/instructor/transfer", data=form, content_type="multipart/form-data")


def text_of(response) -> str:
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split()))


def test_the_page_offers_an_upload_form_and_the_export(instructor_client):
    response = instructor_client.get("/instructor/transfer")
    assert response.status_code == 200
    page = parse(response.get_data(as_text=True))
    (form,) = page.find_all("form", enctype="multipart/form-data")
    assert form["method"] == "post"
    assert page.find_all("input", type="hidden", name="csrf_token")
    assert page.find_all("label", **{"for": "upload-file"})
    assert page.find_all("input", type="file", name="file", id="upload-file")
    assert "/instructor/export.zip" in page.hrefs()
    assert "content/_vocabulary.yaml is not importable through an upload" in text_of(response)


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/instructor/transfer"), ("post", "/instructor/transfer"),
     ("get", "/instructor/export.zip")],
)  # fmt: skip
def test_learners_are_refused_the_page_the_upload_and_the_export(client, method, path):
    kwargs = {"data": {"file": (io.BytesIO(TOPIC.encode()), "quokka-layers.md")}}
    response = getattr(client, method)(path, **(kwargs if method == "post" else {}))
    assert response.status_code == 403
    assert store.get_topic("quokka-layers") is None


def test_a_topic_file_is_imported_and_answerable_at_once(instructor_client, ask):
    response = send(instructor_client, "quokka-layers.md", TOPIC)
    assert response.status_code == 200
    assert "Created (1) quokka-layers.md" in text_of(response)
    reply = ask("where do quokka layers live?")
    assert reply["sources"][0]["url"].startswith("/topics/quokka-layers#")
    assert store.revisions_of("quokka-layers")[0].author == INSTRUCTOR_EMAIL


def test_a_quiz_file_is_imported(instructor_client, client):
    assert send(instructor_client, "quokka-layers.md", TOPIC).status_code == 200
    response = send(instructor_client, "quokka.yml", QUIZ)
    assert "Created (1) quokka.yml" in text_of(response)
    slugs = [q["slug"] for q in client.get("/api/quizzes").get_json()["quizzes"]]
    assert "quokka" in slugs


def test_a_gift_file_is_imported_under_the_slug_given_with_notes(instructor_client):
    gift = "::ro:: Images are read-only {T#Right}\n"
    response = send(instructor_client, "export.gift", gift, quiz_slug="read-only", quiz_title="")
    assert response.status_code == 200
    assert "Created (1) export.gift" in text_of(response)
    assert "export.gift: line 1: question 'ro'" in text_of(response)
    assert get_quiz("read-only").title == "Read only"


def test_a_zip_lists_created_updated_and_unchanged_files(instructor_client):
    image, container = store.get_topic("image").markdown, store.get_topic("container").markdown
    data = make_zip({"content/quokka-layers.md": TOPIC, "content/image.md": image,
                     "content/container.md": container + "\nMore.\n"})  # fmt: skip
    text = text_of(send(instructor_client, "mine.zip", data))
    assert "Created (1) content/quokka-layers.md" in text
    assert "Updated (1) content/container.md" in text
    assert "Unchanged (1) content/image.md" in text


def test_a_zip_with_one_bad_topic_imports_nothing_and_lists_the_problem(instructor_client):
    data = make_zip({"content/quokka-layers.md": TOPIC, "content/broken.md": "---\n---\nBody.\n"})
    response = send(instructor_client, "mixed.zip", data)
    assert response.status_code == 422
    assert "Nothing was imported: 1 problem content/broken.md : title: is required" in text_of(
        response
    )
    page = parse(response.get_data(as_text=True))
    (field,) = page.find_all("input", id="upload-file")
    assert "upload-problems" in field["aria-describedby"].split()
    assert field["aria-invalid"] == "true"
    assert store.get_topic("quokka-layers") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (make_zip({"../evil.md": TOPIC}), "../evil.md : climbs out of its folder with '..'"),
        (make_zip({"/abs.md": TOPIC}), "/abs.md : is an absolute path"),
        (symlink_zip("content/link.md", "/etc/passwd"), "content/link.md : is a symbolic link"),
        (zeros_zip("content/zeros.md", 50 * MB), "content/zeros.md : is larger than 2 MB unpacked"),
        (many_members_zip(2000), "has 2000 entries; at most 1000 are allowed"),
        (b"just text", "upload.zip : is not a zip file"),
    ],
    ids=["dot-dot", "absolute", "symlink", "fifty-mb-of-zeros", "2000-members", "not-a-zip"],
)
def test_a_hostile_or_broken_zip_is_refused_with_a_clear_message(instructor_client, data, message):
    before = store.content_version()
    response = send(instructor_client, "upload.zip", data)
    assert response.status_code == 422
    assert message in text_of(response)
    assert store.content_version() == before


def test_no_file_chosen_is_a_field_error(instructor_client):
    response = instructor_client.post("/instructor/transfer", data={"quiz_slug": ""})
    assert response.status_code == 400
    page = parse(response.get_data(as_text=True))
    (field,) = page.find_all("input", id="upload-file")
    assert "upload-file-error" in field["aria-describedby"].split()
    assert "Choose a file to upload." in text_of(response)


def test_a_bad_gift_slug_is_shown_next_to_its_field(instructor_client):
    response = send(instructor_client, "x.gift", "Q {T}\n", quiz_slug="Not A Slug")
    assert response.status_code == 400
    page = parse(response.get_data(as_text=True))
    (field,) = page.find_all("input", id="quiz_slug")
    assert (field["value"], field["aria-invalid"]) == ("Not A Slug", "true")
    assert "quiz_slug-error" in field["aria-describedby"].split()


def send_oversized(client):
    """A body over the limit, sent from memory (the test client spools big forms to a file)."""
    body = b"x" * (5 * MB + 1)
    content_type = "multipart/form-data; boundary=b"
    return client.post("/instructor/transfer", data=body, content_type=content_type)


def test_an_upload_over_five_megabytes_gets_a_friendly_413_on_the_page(instructor_client):
    response = send_oversized(instructor_client)
    assert response.status_code == 413
    assert "upload : is larger than 5 MB; nothing was imported." in text_of(response)
    assert parse(response.get_data(as_text=True)).find_all("input", id="upload-file")


def test_the_export_downloads_a_zip_of_everything(instructor_client, app):
    response = instructor_client.get("/instructor/export.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == "attachment; filename=shipshape-export.zip"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.data == export_zip(app.config["SHIPSHAPE_CONTENT_DIR"])


def test_the_upload_needs_the_forms_csrf_token(csrf_client):
    assert send(csrf_client, "quokka-layers.md", TOPIC).status_code == 400
    assert store.get_topic("quokka-layers") is None
    token = csrf_token(csrf_client, "/instructor/transfer")
    response = send(csrf_client, "new-topic.md", "---\ntitle: New\n---\nBody.\n", csrf_token=token)
    assert response.status_code == 200


def test_an_instructor_over_five_megabytes_gets_the_page_when_csrf_reads_the_body(csrf_client):
    response = send_oversized(csrf_client)
    assert response.status_code == 413
    assert parse(response.get_data(as_text=True)).find_all("input", id="upload-file")


def test_a_learner_over_five_megabytes_gets_the_plain_error_not_the_page(csrf_app):
    response = send_oversized(csrf_app.test_client())
    assert response.status_code == 413
    assert "The request is larger than 5 MB." in text_of(response)
    assert not parse(response.get_data(as_text=True)).find_all("input", id="upload-file")


def test_export_then_upload_into_an_empty_app_then_export_gives_the_same_bytes(
    instructor_client, tmp_path
):
    first = instructor_client.get("/instructor/export.zip").data
    with built_app(tmp_path / "fresh", SHIPSHAPE_AUTO_IMPORT=False) as application:
        add_instructor(application)
        browser = application.test_client()
        data = {"email": INSTRUCTOR_EMAIL, "password": INSTRUCTOR_PASSWORD}
        assert browser.post("/instructor/sign-in", data=data).status_code == 302
        response = send(browser, "shipshape-export.zip", first)
        assert response.status_code == 200, text_of(response)
        assert "content/_vocabulary.yaml: skipped" in text_of(response)
        assert browser.get("/instructor/export.zip").data == first
