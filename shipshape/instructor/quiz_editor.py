"""The quiz editor: create and edit quizzes with validation and a learner's preview."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for

from ..auth import author_name
from ..quizzes import history, store
from ..quizzes.authoring import (
    QuizConflict,
    QuizRejected,
    Saved,
    check_quiz_text,
    delete_quiz,
    save_quiz,
    suggested_slug,
)
from ..quizzes.checks import Problem, warnings_for
from ..quizzes.preview import quiz_preview
from ..quizzes.skeletons import (
    TYPE_LABELS,
    CannotAddQuestion,
    add_question,
    add_settings,
    starter_text,
)
from ..runtime import get_library
from . import bp, quiz_history  # noqa: F401  (quiz_history registers its views on bp)
from .quiz_forms import QuizForm


@bp.get("/quizzes")
def quizzes():
    return render_template(
        "instructor/quiz_list.html", rows=history.quiz_rows(), deleted=history.deleted_rows()
    )


@bp.route("/quizzes/new", methods=["GET", "POST"])
def new_quiz():
    form = QuizForm()
    if request.method == "GET":
        form.text.data = starter_text()
        return _editor(form)
    if not form.validate():
        return _editor(form, status=400)
    if _action() in ("add", "settings"):
        return _add_question(form)
    form.slug.data = form.slug.data or suggested_slug(form.text.data or "")
    if _action() == "preview":
        return _preview(form, form.slug.data, creating=True)
    library, author = get_library(), author_name()
    return _save(form, partial(save_quiz, form.text.data, form.slug.data, library, author, True))


@bp.route("/quizzes/<slug>/edit", methods=["GET", "POST"])
def edit_quiz(slug: str):
    quiz = store.get_quiz(slug, include_deleted=request.method == "POST")
    if quiz is None:
        abort(404, f"There is no quiz '{slug}'. It may have been deleted: see the quiz list.")
    form = QuizForm()
    context = {"slug": slug, "title": quiz.title}
    if request.method == "GET":
        form.text.data, form.base_revision.data = quiz.source, str(history.current_number(quiz))
        return _editor(form, **context)
    if not form.validate():
        return _editor(form, status=400, **context)
    if form.base() is None:
        abort(400, "The form did not say which revision it started from. Open the editor again.")
    if _action() in ("add", "settings"):
        return _add_question(form, **context)
    if _action() == "preview":
        return _preview(form, slug, creating=False, **context)
    saving = partial(
        save_quiz, form.text.data, slug, get_library(), author_name(), base_revision=form.base()
    )
    return _save(form, saving, **context)


@bp.post("/quizzes/<slug>/delete")
def remove_quiz(slug: str):
    saved = delete_quiz(slug, author_name())
    if saved is None:
        abort(404, f"There is no quiz '{slug}' to delete.")
    flash(
        f"Deleted '{slug}'. Learners no longer see it; attempts already started can be finished. "
        "Restore it from the deleted quizzes below.",
        "info",
    )
    return redirect(url_for("instructor.quizzes"), code=303)


def _action() -> str:
    action = request.form.get("action", "preview")
    return action if action in ("add", "settings", "preview", "save") else "preview"


def _add_question(form: QuizForm, **context):
    """Append a question skeleton, or (action "settings") the quiz settings, commented."""
    settings = _action() == "settings"
    try:
        text = form.text.data or ""
        form.text.data = (
            add_settings(text) if settings else add_question(text, form.question_type.data)
        )
    except CannotAddQuestion as exc:
        what = "no settings were added" if settings else "no question was added"
        return _editor(form, problems=[Problem("file", f"{what}: {exc}")], status=422, **context)
    if settings:
        return _editor(form, added_settings=True, **context)
    return _editor(form, added=TYPE_LABELS.get(form.question_type.data or ""), **context)


def _preview(form: QuizForm, quiz_slug: str, creating: bool, **context):
    catalog = get_library().catalog
    try:
        doc = check_quiz_text(form.text.data or "", quiz_slug, catalog, creating)
    except QuizRejected as exc:
        return _editor(form, problems=exc.problems, status=422, **context)
    warnings = warnings_for(doc, catalog)
    return _editor(form, preview=quiz_preview(doc), warnings=warnings, **context)


def _save(form: QuizForm, saving: Callable[[], Saved], **context):
    try:
        saved = saving()
    except QuizRejected as exc:
        return _editor(form, problems=exc.problems, status=422, **context)
    except QuizConflict as exc:
        base = form.base()
        form.base_revision.data = str(exc.current)  # saving again is now a deliberate overwrite
        return _editor(form, conflict=exc, base=base, status=409, **context)
    return _after_save(saved)


def _after_save(saved: Saved):
    if saved.revision is None:
        flash("No changes: the text is the same as the current revision.", "info")
    else:
        verb = "Created" if saved.created else "Saved"
        flash(
            f"{verb} revision {saved.revision} ({saved.question_count} questions). New attempts "
            "use it; attempts already started keep the revision they began on.",
            "info",
        )
    for warning in saved.warnings:
        flash(f"Check {warning}", "info")
    return redirect(url_for("instructor.edit_quiz", slug=saved.slug), code=303)


def _editor(form: QuizForm, status: int = 200, **context):
    problems = context.pop("problems", [])
    return render_template(
        "instructor/quiz_form.html",
        form=form,
        slug_problems=[p for p in problems if p.where == "slug"],
        text_problems=[p for p in problems if p.where != "slug"],
        type_labels=TYPE_LABELS,
        **context,
    ), status
