"""/account: who this browser is, a download of everything held about the learner, and deleting
it all. Works for an account and for a browser without one."""

from __future__ import annotations

import json

from flask import Response, flash, redirect, render_template, request, session, url_for
from flask_login import logout_user

from ..accounts.learner_data import delete_learner, export_learner
from ..auth import current_learner_account
from ..chat.conversations import conversations_of
from ..models import utcnow
from . import bp
from .chat import SESSION_KEY as CONVERSATION
from .learners import NOBODY, conversation_owner, current_learner_id, forget_browser_key

BROWSER_KEYS = ("learner", CONVERSATION, "flags", "review_round")  # this browser's own state


def _conversations() -> list[str]:
    """Every conversation this browser's key started."""
    owner = conversation_owner()
    return conversations_of(owner if owner != NOBODY else None)


@bp.get("/account")
def account_page():
    data = export_learner(current_learner_id(), _conversations())
    return render_template("account.html", data=data)


@bp.get("/account/data.json")
def account_data():
    """Everything held about this learner, as a JSON download."""
    data = export_learner(current_learner_id(), _conversations())
    name = f"shipshape-data-{utcnow():%Y-%m-%d}.json"
    return Response(
        json.dumps(data, indent=2, ensure_ascii=False),
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.post("/account/delete")
def delete_account():
    """Delete the learner and all of it once the form's box is ticked; then forget this browser."""
    if request.form.get("confirm") != "yes":
        flash("Tick the box to confirm that everything should be deleted.", "error")
        return redirect(url_for("web.account_page"), code=303)
    delete_learner(current_learner_id(), _conversations())
    if current_learner_account() is not None:
        logout_user()
    for key in BROWSER_KEYS:
        session.pop(key, None)
    forget_browser_key()  # the key's cookie goes too: this browser starts afresh
    flash("Your data is deleted: attempts, answers, review cards and conversations.", "info")
    return redirect(url_for("web.index"), code=303)
