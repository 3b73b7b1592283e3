"""Fixtures: an app with its own temporary database and index, built from the bundled content.

The database is SQLite, or PostgreSQL when TEST_DATABASE_URL is set (see tests/databases.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shipshape import create_app
from shipshape.extensions import db
from shipshape.runtime import ensure_ready, get_library

from .databases import drop_database, new_database

PROJECT = Path(__file__).resolve().parent.parent


def make_app(folder: Path, database_url: str, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SHIPSHAPE_INDEX_DIR": str(folder / "index"),
        "SHIPSHAPE_SYNC_INTERVAL": 0.0,
        "RATELIMIT_ENABLED": False,
        "WTF_CSRF_ENABLED": False,
    }
    config.update(overrides)
    return create_app(config)


def close(application) -> None:
    get_library(application).close()
    db.session.remove()
    db.engine.dispose()


@pytest.fixture(scope="session")
def prepared(tmp_path_factory):
    """A database and index built once from content/ and quiz/, copied for every test."""
    folder = tmp_path_factory.mktemp("template")
    url, name = new_database(folder)
    app = make_app(folder, url)
    with app.app_context():
        ensure_ready(app)
        close(app)
    yield folder, name
    drop_database(name)


@pytest.fixture
def app(prepared, tmp_path):
    folder, template = prepared
    shutil.copytree(folder / "index", tmp_path / "index")
    url, name = new_database(tmp_path, template)
    application = make_app(tmp_path, url)
    with application.app_context():
        ensure_ready(application)
        yield application
        close(application)
    drop_database(name)


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
