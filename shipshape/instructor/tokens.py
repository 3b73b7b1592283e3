"""API tokens of the signed-in instructor: list, create (shown once) and revoke."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..accounts.service import create_token, list_tokens, revoke_token
from ..extensions import db
from . import bp


def _page(new_token: str | None = None, status: int = 200):
    tokens = list_tokens(current_user.email)
    return render_template("instructor/tokens.html", tokens=tokens, new_token=new_token), status


@bp.get("/tokens")
def tokens():
    return _page()


@bp.post("/tokens")
def create_api_token():
    name = request.form.get("name", "").strip()[:100]
    token = create_token(current_user.email, name)
    db.session.commit()
    return _page(new_token=token, status=201)


@bp.post("/tokens/<int:token_id>/revoke")
def revoke_api_token(token_id: int):
    if not revoke_token(token_id, current_user.email):
        abort(404, "You have no live token with that id.")
    db.session.commit()
    flash(f"Token {token_id} is revoked.", "info")
    return redirect(url_for("instructor.tokens"), code=303)
