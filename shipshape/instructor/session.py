"""Sign in and sign out (Flask-Login sessions), and the instructor's home page."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for

from .. import auth
from ..accounts.service import authenticate
from ..extensions import db, sign_in_limit
from . import bp
from .forms import SignInForm


def _safe_next(target: str | None) -> str:
    """Only paths on this site, so a crafted link cannot send someone elsewhere; no control
    character (a newline cannot go in a Location header) and no backslash (read as '/')."""
    if not target or not target.isprintable() or "\\" in target:
        return url_for("instructor.home")
    if target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("instructor.home")


@bp.route("/sign-in", methods=["GET", "POST"])
@sign_in_limit()
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        instructor = authenticate(form.email.data, form.password.data)
        if instructor is not None:
            db.session.commit()  # a rehashed password is kept
            auth.sign_in(instructor)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("That email and password do not match an instructor.")
    status = 400 if request.method == "POST" else 200
    return render_template("instructor/sign_in.html", form=form), status


@bp.post("/sign-out")
def sign_out():
    instructor = auth.current_instructor()
    if instructor is not None:
        auth.sign_out(instructor)  # CSRFProtect has already checked the form's token
    flash("You are signed out.", "info")
    return redirect(url_for("web.index"))


@bp.get("/")
def home():
    return render_template("instructor/home.html")
