"""Liveness and readiness probes."""

from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text

from .errors import error_body
from .extensions import db
from .runtime import get_library

bp = Blueprint("health", __name__)


@bp.get("/livez")
def livez():
    return jsonify({"status": "alive"})


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:
        db.session.rollback()
        return jsonify(error_body("database_unavailable", "The database does not answer.")), 503
    library = get_library()
    sections = library.index.doc_count()
    if sections == 0:
        return jsonify(error_body("index_unavailable", "The search index is empty or closed.")), 503
    return jsonify(
        {
            "status": "ok",
            "database": "ok",
            "index": {"sections": sections, "version": library.index.applied_version()},
        }
    )
