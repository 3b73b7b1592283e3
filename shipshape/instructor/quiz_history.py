"""A quiz's history in the editor: every revision, one revision's text, changes, restore."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from ..auth import author_name
from ..knowledge.revisions import diff_texts
from ..models import Quiz
from ..quizzes import history, store
from ..quizzes.authoring import QuizConflict, QuizRejected, restore_quiz_revision
from ..runtime import get_library
from . import bp


def _quiz(slug: str) -> Quiz:
    quiz = store.get_quiz(slug, include_deleted=True)
    if quiz is None:
        abort(404, f"There is no quiz '{slug}'.")
    return quiz


def _number(value: str | None) -> int:
    """A revision number from the query string, or a 404 for anything else."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit() and len(value) < 10):
        abort(404, "There is no such revision.")
    return int(value)


def _revision(slug: str, number: int):
    revision = history.get_revision(slug, number)
    if revision is None:
        abort(404, f"Quiz '{slug}' has no revision {number}.")
    return revision


@bp.get("/quizzes/<slug>/history")
def quiz_history(slug: str):
    return _history_page(_quiz(slug))


def _history_page(quiz: Quiz, status: int = 200, **context):
    revisions = history.revisions_of(quiz.slug)
    return render_template(
        "instructor/quiz_history.html", quiz=quiz, revisions=revisions, **context
    ), status


@bp.get("/quizzes/<slug>/revisions/<int:number>")
def quiz_revision(slug: str, number: int):
    quiz = _quiz(slug)
    revision = _revision(slug, number)
    return render_template("instructor/quiz_revision.html", quiz=quiz, revision=revision)


@bp.get("/quizzes/<slug>/diff")
def quiz_diff(slug: str):
    quiz = _quiz(slug)
    old = _revision(slug, _number(request.args.get("a")))
    new = _revision(slug, _number(request.args.get("b")))
    diff = diff_texts(old.source, new.source)
    return render_template("instructor/quiz_diff.html", quiz=quiz, old=old, new=new, diff=diff)


@bp.post("/quizzes/<slug>/restore")
def restore_quiz(slug: str):
    quiz = _quiz(slug)
    number = _number(request.form.get("revision"))
    _revision(slug, number)
    try:
        saved = restore_quiz_revision(slug, number, get_library(), author_name())
    except QuizRejected as exc:
        return _history_page(quiz, status=422, problems=exc.problems, tried=number)
    except QuizConflict as exc:
        return _history_page(quiz, status=409, notice=exc.message)
    if saved.revision is None:
        flash(f"Revision {number} is already the current text: nothing changed.", "info")
    else:
        flash(f"Restored revision {number} as revision {saved.revision}.", "info")
    return redirect(url_for("instructor.edit_quiz", slug=slug), code=303)
