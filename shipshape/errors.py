"""One error shape for the whole app: JSON for the API, a friendly page for people."""

from __future__ import annotations

import contextlib
import logging

from flask import Flask, jsonify, render_template, request
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from .extensions import db

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error a client caused (or could see), with a machine-readable code."""

    def __init__(self, status: int, code: str, message: str, details: list | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.details = details


def error_body(code: str, message: str, details: list | None = None) -> dict:
    """The one error shape; `details` lists per-field problems when there are several."""
    error = {"code": code, "message": message}
    if details:
        error["details"] = details
    return {"error": error}


def wants_json() -> bool:
    if request.path.startswith("/api/") or request.path in {"/healthz", "/livez"}:
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and not request.accept_mimetypes.accept_html


def database_unavailable(err: Exception) -> bool:
    """A database that cannot be reached, is shutting down or is too busy: the client may retry.
    (OperationalError also covers SQLite's "database is locked" after the busy timeout.)"""
    if isinstance(err, OperationalError | PoolTimeout):
        return True
    return isinstance(err, DBAPIError) and err.connection_invalidated


def _respond(status: int, code: str, message: str, details: list | None = None):
    if wants_json():
        return jsonify(error_body(code, message, details)), status
    return render_template("error.html", status=status, message=message), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def handle_api_error(err: ApiError):
        return _respond(err.status, err.code, err.message, err.details)

    @app.errorhandler(HTTPException)
    def handle_http(err: HTTPException):
        code = (err.name or "error").lower().replace(" ", "_")
        message = err.description or err.name
        if err.code == 429:
            message = f"Too many requests: the limit is {message}. Wait a minute and try again."
        response = _respond(err.code or 500, code, message)
        if err.code == 405 and hasattr(err, "valid_methods") and err.valid_methods:
            body, status = response
            return body, status, {"Allow": ", ".join(err.valid_methods)}
        return response

    @app.errorhandler(DBAPIError)  # OperationalError is one
    @app.errorhandler(PoolTimeout)
    def handle_database_error(err: Exception):
        if not database_unavailable(err):
            return handle_unexpected(err)
        _let_go_of_the_transaction()
        reason = str(getattr(err, "orig", None) or err).strip().partition("\n")[0]
        log.warning("database unavailable on %s %s: %s", request.method, request.path, reason)
        message = "The database does not answer. Try again in a moment."
        body, status = _respond(503, "database_unavailable", message)
        return body, status, {"Retry-After": "5"}

    @app.errorhandler(Exception)
    def handle_unexpected(err: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        return _respond(500, "internal_error", "Something went wrong on our side.")


def _let_go_of_the_transaction() -> None:
    """Roll back the session whose connection failed, so the next request on the same session
    (an app context that outlives one request) reconnects instead of raising
    PendingRollbackError. A rollback on a dead connection may fail too: nothing more to undo."""
    with contextlib.suppress(Exception):
        db.session.rollback()
