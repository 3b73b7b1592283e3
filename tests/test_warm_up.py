"""A gunicorn worker warms up before its first request, and stores nothing doing so."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import func, select

from shipshape.chat.proximity import pair_rarity
from shipshape.extensions import db
from shipshape.models import Turn
from shipshape.runtime import get_library, warm_up

CONFIG = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"


def turns() -> int:
    return db.session.execute(select(func.count(Turn.id))).scalar_one()


def test_warming_up_scores_the_index_and_records_no_turn(app):
    assert warm_up(app) > 0
    assert turns() == 0


def test_warming_up_works_out_the_word_pairs_a_story_is_weighed_by(app):
    warm_up(app)
    library = get_library(app)
    # the pairs warm-up kept, every one counted; a catalog met first now would count none yet
    assert pair_rarity(library.catalog, library.vocabulary.filler).counted


def test_a_spent_warm_up_budget_scores_nothing_and_the_chat_still_answers(app, ask):
    app.config["SHIPSHAPE_WARM_UP_SECONDS"] = -1

    assert warm_up(app) == 0
    assert ask("what is an image")["kind"] == "answer"


def test_the_gunicorn_config_warms_each_worker_up(app, caplog):
    spec = importlib.util.spec_from_file_location("gunicorn_conf", CONFIG)
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)
    worker = SimpleNamespace(wsgi=app, log=logging.getLogger("gunicorn.error"))

    with caplog.at_level(logging.INFO, logger="shipshape.runtime"):
        config.post_worker_init(worker)

    assert any("warmed up" in r.getMessage() for r in caplog.records)
    assert turns() == 0
