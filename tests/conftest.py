"""Fixtures: an app with its own temporary database and index, built from the bundled content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shipshape import create_app
from shipshape.runtime import ensure_ready, get_library

PROJECT = Path(__file__).resolve().parent.parent


def make_app(folder: Path, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'test.db'}",
        "SHIPSHAPE_INDEX_DIR": str(folder / "index"),
        "SHIPSHAPE_SYNC_INTERVAL": 0.0,
        "RATELIMIT_ENABLED": False,
        "WTF_CSRF_ENABLED": False,
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture(scope="session")
def prepared(tmp_path_factory) -> Path:
    """A database and index built once from content/, copied for every test."""
    folder = tmp_path_factory.mktemp("template")
    app = make_app(folder)
    with app.app_context():
        ensure_ready(app)
        get_library(app).close()
    return folder


@pytest.fixture
def app(prepared, tmp_path):
    for name in ("test.db", "index"):
        source = prepared / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    application = make_app(tmp_path)
    with application.app_context():
        ensure_ready(application)
        yield application
        get_library(application).close()


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
    application = make_app(tmp_path, SHIPSHAPE_CONTENT_DIR=str(content))
    with application.app_context():
        yield application
