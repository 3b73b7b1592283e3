"""Fixtures: an app with its own temporary database and index, built from the bundled content.

The database is SQLite, or PostgreSQL when TEST_DATABASE_URL is set (see tests/databases.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask

from shipshape import create_app, runtime
from shipshape.extensions import db
from shipshape.knowledge import library as library_module
from shipshape.knowledge.vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary
from shipshape.runtime import ensure_ready, get_library

from .databases import ReusedDatabase, drop_database, new_database, using_postgres
from .web.markup import parse_page

PROJECT = Path(__file__).resolve().parent.parent


def make_app(folder: Path, database_url: str, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SHIPSHAPE_INDEX_DIR": str(folder / "index"),
        "SHIPSHAPE_SYNC_INTERVAL": 0.0,
        # Tests check what is answered, not how fast: a busy CI machine must not turn a long
        # question into a timeout (tests/knowledge/test_index.py checks the limit itself).
        "SHIPSHAPE_SEARCH_TIME_LIMIT": 10.0,
        "RATELIMIT_ENABLED": False,
        "WTF_CSRF_ENABLED": False,
    }
    config.update(overrides)
    return create_app(config)


def ready_from_template(application: Flask) -> None:
    """ensure_ready without Alembic's upgrade check, which loads every migration script again
    (about 15 ms a test): the database is a copy of the template, migrated by ensure_ready at the
    start of the session. Tests of migrations start from an empty database and migrate for real."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runtime, "upgrade", _already_migrated)
        ensure_ready(application)


def _already_migrated(directory: str) -> None:
    """Stands in for flask_migrate.upgrade while ready_from_template sets an app up."""


def close(application) -> None:
    get_library(application).close()
    db.session.remove()
    db.engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def vocabulary_parsed_once() -> Iterator[None]:
    """Each test's Library reads content/_vocabulary.yaml: about 25 ms of pure-Python YAML a test,
    in both runs. A Vocabulary is frozen and follows from the file's text alone, so one parse per
    text serves every test; an edited, broken or missing file is still read as it is."""
    parsed: dict[str | None, Vocabulary] = {}

    def load(content_dir: str | Path) -> Vocabulary:
        try:
            text = (Path(content_dir) / VOCABULARY_FILE).read_text(encoding="utf-8")
        except FileNotFoundError:
            text = None
        if text not in parsed:
            parsed[text] = load_vocabulary(content_dir)  # raises, as before, on a bad file
        return parsed[text]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(library_module, "load_vocabulary", load)
        yield


@pytest.fixture(scope="session")
def prepared(tmp_path_factory):
    """A database and index built once from content/ and quiz/ that every app starts from."""
    folder = tmp_path_factory.mktemp("template")
    url, name = new_database(folder)
    app = make_app(folder, url)
    with app.app_context():
        ensure_ready(app)
        close(app)
    yield folder, name
    drop_database(name)


@pytest.fixture(scope="session")
def reused_database(prepared) -> Iterator[ReusedDatabase | None]:
    """PostgreSQL: this worker's copy of the template, restored before each test (see
    ReusedDatabase). SQLite needs none: copying the template file is cheap."""
    if not using_postgres():
        yield None
        return
    database = ReusedDatabase(prepared[1])
    yield database
    database.drop()


@pytest.fixture
def app(prepared, reused_database, tmp_path):
    folder, template = prepared
    shutil.copytree(folder / "index", tmp_path / "index")
    if reused_database is None:
        url, _ = new_database(tmp_path, template)  # a file under tmp_path
    else:
        url = reused_database.restore()
    application = make_app(tmp_path, url)
    with application.app_context():
        ready_from_template(application)
        yield application
        close(application)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def library(app):
    return get_library(app)


@pytest.fixture
def ask(client):
    """Ask the chat through the API and return the JSON reply."""

    def _ask(question, conversation_id=None):
        response = client.post(
            "/api/ask", json={"question": question, "conversation_id": conversation_id}
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_json()

    return _ask


@pytest.fixture
def empty_app(tmp_path):
    """An app whose database starts empty and whose content folder is a temporary copy."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    url, name = new_database(tmp_path)
    application = make_app(tmp_path, url, SHIPSHAPE_CONTENT_DIR=str(content))
    with application.app_context():
        yield application
        close(application)
    drop_database(name)


INSTRUCTOR_EMAIL = "teacher@example.org"
INSTRUCTOR_PASSWORD = "correct horse battery"


@pytest.fixture
def instructor(app):
    """An instructor account: (email, password)."""
    from shipshape.accounts.service import create_instructor

    create_instructor(INSTRUCTOR_EMAIL, INSTRUCTOR_PASSWORD)
    db.session.commit()
    return INSTRUCTOR_EMAIL, INSTRUCTOR_PASSWORD


@pytest.fixture
def instructor_client(app, instructor):
    """A test client signed in as the instructor."""
    signed_in = app.test_client()
    email, password = instructor
    response = signed_in.post("/instructor/sign-in", data={"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return signed_in


@pytest.fixture
def token_headers(app, instructor):
    """Authorization headers carrying a fresh API token of the instructor."""
    from shipshape.accounts.service import create_token

    token = create_token(instructor[0], "tests")
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


# Apps configured as in production (CSRF checked, rate limits on), each on its own database and
# index under a subfolder of tmp_path, so a test may also use `app`.


@contextmanager
def built_app(folder: Path, **overrides) -> Iterator[Flask]:
    """An app on its own new database and index folder, its context pushed; dropped after."""
    folder.mkdir(parents=True)
    url, name = new_database(folder)
    with _app_on(folder, url, name, overrides) as application:
        yield application


@contextmanager
def copied_app(prepared, folder: Path, **overrides) -> Iterator[Flask]:
    """An app on its own copy of the template's database and index, set up: the bundled content
    without importing it again (seconds a test). Its context pushed; dropped after."""
    template_folder, template = prepared
    folder.mkdir(parents=True)
    shutil.copytree(template_folder / "index", folder / "index")
    url, name = new_database(folder, template)
    with _app_on(folder, url, name, overrides) as application:
        ready_from_template(application)
        yield application


@contextmanager
def _app_on(folder: Path, url: str, name: str, overrides: dict) -> Iterator[Flask]:
    application = make_app(folder, url, **overrides)
    try:
        with application.app_context():
            try:
                yield application
            finally:
                close(application)
    finally:
        drop_database(name)


def add_instructor(application: Flask) -> None:
    """Migrate and import as the app's config says, then create the INSTRUCTOR_EMAIL account."""
    from shipshape.accounts.service import create_instructor

    ensure_ready(application)
    create_instructor(INSTRUCTOR_EMAIL, INSTRUCTOR_PASSWORD)
    db.session.commit()


def csrf_token(
    client, path: str = "/instructor/sign-in", base_url: str = "http://localhost"
) -> str:
    """The value of the first hidden csrf_token input on the page, whatever its attribute order."""
    response = client.get(path, base_url=base_url)
    inputs = parse_page(response.get_data(as_text=True)).find_all(
        "input", type="hidden", name="csrf_token"
    )
    assert inputs, f"no hidden csrf_token input on {path} ({response.status_code})"
    return inputs[0]["value"]


@pytest.fixture
def csrf_app(prepared, tmp_path):
    """An app that checks CSRF tokens, with the bundled content and the instructor account."""
    with copied_app(prepared, tmp_path / "csrf", WTF_CSRF_ENABLED=True) as application:
        add_instructor(application)
        yield application


@pytest.fixture
def csrf_client(csrf_app):
    """A test client signed in as the instructor on csrf_app, with the sign-in form's token."""
    signed_in = csrf_app.test_client()
    data = {"email": INSTRUCTOR_EMAIL, "password": INSTRUCTOR_PASSWORD}
    data["csrf_token"] = csrf_token(signed_in)
    response = signed_in.post("/instructor/sign-in", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return signed_in


@pytest.fixture
def limited_client(prepared, tmp_path):
    """A learner's client on an app with rate limits on: two questions a minute."""
    overrides = {"RATELIMIT_ENABLED": True, "SHIPSHAPE_ASK_RATE_LIMIT": "2 per minute"}
    with copied_app(prepared, tmp_path / "limited", **overrides) as application:
        # Come from a learner's address, as a deployed app sees them.
        client = application.test_client()
        client.environ_base["REMOTE_ADDR"] = "203.0.113.7"
        yield client
