"""A second app with an empty database (nothing imported on start), for round trips."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask

from tests.conftest import close, make_app
from tests.databases import drop_database, new_database


@contextmanager
def fresh_app(folder: Path, **overrides) -> Iterator[Flask]:
    """An app on its own empty database and index folder, its context pushed."""
    folder.mkdir(parents=True)
    url, name = new_database(folder)
    application = make_app(folder, url, SHIPSHAPE_AUTO_IMPORT=False, **overrides)
    try:
        with application.app_context():
            try:
                yield application
            finally:
                close(application)
    finally:
        drop_database(name)
