"""Security headers on every response (a strict Content-Security-Policy with no inline script;
no-store on private responses) and guards on what a request may carry."""

from __future__ import annotations

from flask import Flask, abort, request

from .encodable import first_unstorable

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


# Pages and endpoints that are someone's own: a learner's attempts, progress, review and account,
# an instructor's pages (the new-token page shows a token once), and the API's learner answers.
PRIVATE_PATHS = (
    "/instructor", "/account/", "/attempts/", "/progress", "/review", "/quizzes",
    "/api/attempts/", "/api/learners", "/api/progress", "/api/review", "/api/quizzes/",
)  # fmt: skip
CREDENTIAL_HEADERS = ("Authorization", "X-Learner-Key", "Cookie")


def private_response(response) -> bool:
    """Whether no cache (the browser's back button, a shared proxy) may keep this response: it is
    someone's own page, it answers a caller known by a credential, or it sets a cookie."""
    if request.endpoint == "static":
        return False
    return (
        request.path.startswith(PRIVATE_PATHS)
        or any(request.headers.get(name) for name in CREDENTIAL_HEADERS)
        or "Set-Cookie" in response.headers
    )


def register_security_headers(app: Flask) -> None:
    @app.after_request
    def add_headers(response):
        if private_response(response):
            response.headers["Cache-Control"] = "no-store"
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(values) -> bool:
    return any("\x00" in value for value in values)


def _unstorable_input() -> str | None:
    """The first query, form or file-name field whose text has no UTF-8 form (JSON bodies are
    checked where they are read, api/requests.py; file contents where they are decoded)."""
    pairs = [("the address", request.path), *request.args.items(multi=True)]
    if request.mimetype in FORM_TYPES:
        pairs += request.form.items(multi=True)
        pairs += [(name, f.filename or "") for name, f in request.files.items(multi=True)]
    return first_unstorable(pairs)


def register_input_guards(app: Flask) -> None:
    """Refuse NUL bytes in the path, query and form: no database stores them (PostgreSQL fails);
    and text that cannot be encoded as UTF-8, naming its field."""

    @app.before_request
    def refuse_nul_bytes():
        if "\x00" in request.path or _has_nul(request.args.values()):
            abort(400, "The address contains a NUL byte.")
        if request.mimetype in FORM_TYPES and _has_nul(request.form.values()):
            abort(400, "The form contains a NUL byte.")

    @app.before_request
    def refuse_unstorable_text():
        field = _unstorable_input()
        if field is not None:
            abort(400, f"'{field}' holds characters that are not text (a lone surrogate).")
