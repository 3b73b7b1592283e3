"""Per-process state, made on first use inside a worker: the library and the one-time set-up."""

from __future__ import annotations

import fcntl
import itertools
import logging
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app
from flask_migrate import upgrade
from sqlalchemy import inspect, select, text

from .chat.answer_cache import AnswerCache
from .chat.answerer import answer_question
from .chat.composing import compose_comparison, section_markdown
from .chat.proximity import pair_rarity
from .extensions import db
from .knowledge.files import import_folder
from .knowledge.library import Library
from .knowledge.render import render_markdown
from .knowledge.search import QUERY_FIELDS
from .models import Topic
from .quizzes.command_grading import CommandContext
from .quizzes.files import import_quiz_docs, parse_quiz_folder
from .textfiles import ImportReport

log = logging.getLogger(__name__)
_LIBRARY_KEY = "shipshape.library"
_ANSWER_CACHE_KEY = "shipshape.answer_cache"
_READY_KEY = "shipshape.ready"
_lock = threading.RLock()
SETUP_LOCK_KEY = 7_364_128_811  # any number, the same on every machine
MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


def get_library(app: Flask | None = None) -> Library:
    """This process's library, created on first use (never before a fork)."""
    app = app or current_app._get_current_object()
    library = app.extensions.get(_LIBRARY_KEY)
    if library is None:
        with _lock:
            library = app.extensions.get(_LIBRARY_KEY)
            if library is None:
                library = Library(
                    app.config["SHIPSHAPE_INDEX_DIR"],
                    app.config["SHIPSHAPE_CONTENT_DIR"],
                    app.config["SHIPSHAPE_SYNC_INTERVAL"],
                    app.config["SHIPSHAPE_SEARCH_TIME_LIMIT"],
                    app.config.get("SHIPSHAPE_HADOLINT"),
                )
                app.extensions[_LIBRARY_KEY] = library
    return library


def get_answer_cache(app: Flask | None = None) -> AnswerCache:
    """This process's answer cache (SHIPSHAPE_ANSWER_CACHE_SIZE entries; 0 turns it off)."""
    app = app or current_app._get_current_object()
    cache = app.extensions.get(_ANSWER_CACHE_KEY)
    if cache is None:
        with _lock:
            cache = app.extensions.setdefault(
                _ANSWER_CACHE_KEY, AnswerCache(app.config["SHIPSHAPE_ANSWER_CACHE_SIZE"])
            )
    return cache


def migrate_database() -> None:
    """Migrate under the set-up lock: a CLI command and workers warming up take turns."""
    app = current_app._get_current_object()
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    with _setup_lock(app):
        upgrade(directory=MIGRATIONS_DIR)


def import_quizzes(folder: str, library: Library, author: str | None = None) -> ImportReport:
    """Import quiz banks, checking topic slugs and command answers against the live topics."""
    catalog = library.catalog
    ctx = CommandContext(catalog.specs, catalog.commands)
    docs = parse_quiz_folder(folder, set(catalog.topics), ctx)
    return import_quiz_docs(docs, author)


def database_is_empty() -> bool:
    if not inspect(db.engine).has_table(Topic.__tablename__):
        return True
    return db.session.execute(select(Topic.id).limit(1)).first() is None


@contextmanager
def _file_lock(path: Path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock():
    with db.engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SETUP_LOCK_KEY})
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SETUP_LOCK_KEY})


def _setup_lock(app: Flask):
    """One process at a time migrates and imports: every process that shares the database."""
    url = db.engine.url
    if url.get_backend_name() == "postgresql":
        return _advisory_lock()  # processes on every machine
    database = Path(url.database or ":memory:")
    on_disk = url.database not in (None, "", ":memory:") and database.parent.is_dir()
    if url.get_backend_name() == "sqlite" and on_disk:
        return _file_lock(database.with_name(database.name + ".setup.lock"))  # beside the file
    return _file_lock(Path(app.instance_path) / ".setup.lock")


def _setup(app: Flask) -> None:
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    with _setup_lock(app):
        _migrate_and_import(app)


def _migrate_and_import(app: Flask) -> None:
    upgrade(directory=MIGRATIONS_DIR)  # the set-up lock is held
    library = get_library(app)
    if app.config["SHIPSHAPE_AUTO_IMPORT"] and database_is_empty():
        report = import_folder(app.config["SHIPSHAPE_CONTENT_DIR"])
        log.info("imported bundled topics: %s", report.summary())
        library.ensure_fresh(force=True)
        report = import_quizzes(app.config["SHIPSHAPE_QUIZ_DIR"], library)
        log.info("imported bundled quizzes: %s", report.summary())
    library.ensure_fresh(force=True)


def warm_up(app: Flask) -> int:
    """Do now, in a fresh worker, what its first asks would otherwise pay for: set-up, the
    catalog, the phrasebook, the sections' word pairs and the ranking model, then for
    SHIPSHAPE_WARM_UP_SECONDS at most the typo word list, the index's sections, its scored
    postings and each section rendered as an answer. gunicorn.conf.py calls it before a worker
    takes requests. Nothing is stored: no turn, no statistics. The number of terms scored."""
    started = time.monotonic()
    with app.app_context():
        ensure_ready(app)
        library = get_library(app)
        library.ensure_fresh(force=True)
        answer_question("what is the difference between an image and a container", library)
        pair_rarity(library.catalog, library.vocabulary.filler).count_all()  # for a story's ask
        seconds = app.config["SHIPSHAPE_WARM_UP_SECONDS"]
        deadline = time.monotonic() + seconds
        terms = library.index.prime(QUERY_FIELDS, seconds)
        rendered = _render_answers(library, deadline)
    log.info("warmed up in %.2f s (%d terms scored, %d answers rendered)",
             time.monotonic() - started, terms, rendered)  # fmt: skip
    return terms


def _render_answers(library: Library, deadline: float) -> int:
    """Render each section as an answer shows it, and each curated comparison, into
    render_markdown's cache (Python-Markdown takes a few milliseconds a section); the number
    rendered before the deadline."""
    by_topic: dict[str, list] = {}
    for hit in library.index.sections():
        by_topic.setdefault(hit.slug, []).append(hit)
    answers = (section_markdown(hit) for hits in by_topic.values() for hit in hits)
    compared = (
        compose_comparison(hits, library, None).markdown
        for slug, hits in by_topic.items()
        if (doc := library.catalog.get(slug)) is not None and doc.compare
    )
    done = 0
    for markdown in itertools.chain(answers, compared):
        if time.monotonic() > deadline:
            break
        render_markdown(markdown)
        done += 1
    return done


def ensure_ready(app: Flask | None = None) -> None:
    """Migrate, import the bundled content into an empty database and build the index, once."""
    app = app or current_app._get_current_object()
    if app.extensions.get(_READY_KEY):
        return
    with _lock:
        if not app.extensions.get(_READY_KEY):
            _setup(app)
            app.extensions[_READY_KEY] = True
