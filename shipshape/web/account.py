"""Learner accounts: sign up, sign in (adopting this browser's history), sign out.
A learner session is "l:<id>" in Flask-Login and never opens an instructor page."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from ..accounts.learners import adopt, authenticate_learner, sign_up
from ..accounts.service import AccountError
from ..auth import current_learner_account, sign_in, sign_out
from ..extensions import db, sign_in_limit
from . import bp
from .account_forms import LearnerSignInForm, LearnerSignUpForm
from .learners import browser_learner_row, forget_browser_key


def _signed_in(learner) -> None:
    """Sign in as the account; this browser's key is dropped (its history now lives there)."""
    db.session.commit()
    sign_in(learner)
    forget_browser_key()


@bp.route("/account/sign-up", methods=["GET", "POST"])
@sign_in_limit()
def sign_up_page():
    form = LearnerSignUpForm()
    if form.validate_on_submit():
        try:
            learner = sign_up(form.email.data, form.password.data, browser_learner_row())
        except AccountError as exc:
            getattr(form, exc.field).errors.append(exc.message)
        else:
            _signed_in(learner)
            flash("Your account is ready: your progress follows you when you sign in.", "info")
            return redirect(url_for("web.progress"), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("account_sign_up.html", form=form), status


@bp.route("/account/sign-in", methods=["GET", "POST"])
@sign_in_limit()
def sign_in_page():
    form = LearnerSignInForm()
    if form.validate_on_submit():
        learner = authenticate_learner(form.email.data, form.password.data)
        if learner is not None:
            moved = adopt(learner, browser_learner_row())
            _signed_in(learner)
            note = f" {moved} attempts from this browser joined your account." if moved else ""
            flash("You are signed in." + note, "info")
            return redirect(url_for("web.progress"), code=303)
        form.password.errors.append("That email and password do not match a learner account.")
    status = 400 if request.method == "POST" else 200
    return render_template("account_sign_in.html", form=form), status


@bp.post("/account/sign-out")
def sign_out_page():
    account = current_learner_account()
    if account is not None:
        sign_out(account)  # CSRFProtect has already checked the form's token
        flash("You are signed out.", "info")
    return redirect(url_for("web.index"), code=303)
