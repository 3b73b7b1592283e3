"""Shipshape: learn how Docker images and containers differ."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

from . import sqlite_writes  # noqa: F401  (SQLite connection events)
from .auth import login_manager
from .config import PROJECT_ROOT, load_config
from .extensions import csrf, db, limiter, migrate
from .logmask import MaskIds

_MASK_IDS = MaskIds()  # one instance: addFilter keeps a filter once however many apps are made


def create_app(overrides: dict | None = None) -> Flask:
    """Wire configuration, extensions, blueprints and commands; open nothing."""
    app = Flask(
        __name__,
        instance_path=instance_folder(overrides),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.update(load_config(app.instance_path, overrides))
    configure_logging(app)
    configure_extensions(app)
    configure_blueprints(app)
    configure_request_hooks(app)
    if app.config["PROXY_FIX"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    return app


def instance_folder(overrides: dict | None) -> str:
    """SHIPSHAPE_INSTANCE_DIR (secret key, SQLite file, index, locks), default instance/."""
    chosen = (overrides or {}).get("SHIPSHAPE_INSTANCE_DIR") or os.environ.get(
        "SHIPSHAPE_INSTANCE_DIR"
    )
    return str(Path(chosen).resolve()) if chosen else str(PROJECT_ROOT / "instance")


def configure_logging(app: Flask) -> None:
    logging.getLogger("werkzeug").addFilter(_MASK_IDS)  # the development server's request log
    if not app.debug and not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )


def configure_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)


def configure_blueprints(app: Flask) -> None:
    from . import api, health, instructor, web
    from .cli import register_commands
    from .errors import register_error_handlers
    from .security import register_input_guards, register_security_headers

    csrf.exempt(api.bp)  # the JSON API takes no cookies for learners; instructor calls use tokens
    app.register_blueprint(health.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)
    app.register_blueprint(instructor.bp)
    register_error_handlers(app)
    register_security_headers(app)
    register_input_guards(app)
    register_commands(app)


def configure_request_hooks(app: Flask) -> None:
    from .auth import forget_cached_user
    from .runtime import ensure_ready, get_library

    app.before_request(forget_cached_user)

    @app.before_request
    def prepare():
        if request.endpoint in (None, "static", "health.livez"):
            return
        ensure_ready()
        get_library().ensure_fresh()


__all__ = ["create_app"]
