"""The topic editor: list, search, create, edit, preview, delete; history is in topic_history."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from ..auth import author_name
from ..knowledge import authoring, editing, store
from ..knowledge.authoring import Problem, Saved, TopicRejected
from ..knowledge.listing import MAX_QUERY, topic_count, topic_rows
from ..knowledge.presenting import article_view
from ..knowledge.revisions import latest_number, revision_text
from ..knowledge.topicfile import answer_sections
from ..quizzes.store import questions_naming_topic
from ..runtime import get_library
from . import bp, topic_history  # noqa: F401  (topic_history registers its views on bp)
from .topic_forms import TopicForm

NEW_TOPIC_TEXT = """---
title:
group: Concepts
tags: []
questions:
  - A question learners ask that this topic answers?
related: []
---
One-paragraph summary: the short answer.

## A section heading
Each section answers one question on its own.
"""


@bp.get("/topics")
def topics():
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    return render_template(
        "instructor/topic_list.html",
        query=query,
        rows=topic_rows(query),
        total=topic_count(),
        deleted=topic_rows(deleted=True),
        sections={s: len(answer_sections(d)) for s, d in get_library().catalog.topics.items()},
    )


@bp.route("/topics/new", methods=["GET", "POST"])
def new_topic():
    form = TopicForm()
    if request.method == "GET":
        form.markdown.data = NEW_TOPIC_TEXT
        return _editor(form)
    if not form.validate():
        return _editor(form, status=400)
    form.slug.data = form.slug.data or editing.suggested_slug(form.markdown.data)
    if not form.slug.data:
        form.add_problem("slug", "write a slug, or a title in the front matter to make one from")
        return _editor(form, status=422)
    if _previewing():
        return _preview(form, form.slug.data, creating=True)
    try:
        saved = editing.create_topic(
            form.markdown.data, form.slug.data, get_library(), author_name()
        )
    except TopicRejected as exc:
        return _rejected(form, exc.problems)
    return _after_save(saved)


@bp.route("/topics/<slug>/edit", methods=["GET", "POST"])
def edit_topic(slug: str):
    topic = store.get_topic(slug)
    if topic is None:
        abort(404, f"There is no topic '{slug}'. It may have been deleted: see the topic list.")
    form = TopicForm()
    if request.method == "GET":
        form.markdown.data, form.base_revision.data = topic.markdown, str(latest_number(slug))
        return _editor(form, slug=slug, title=topic.title)
    if not form.validate():
        return _editor(form, slug=slug, title=topic.title, status=400)
    if form.base() is None:
        abort(400, "The form did not say which revision it started from. Open the editor again.")
    if _previewing():
        return _preview(form, slug, creating=False, title=topic.title)
    return _save_edit(form, slug, topic.title)


def _save_edit(form: TopicForm, slug: str, title: str):
    try:
        saved = editing.edit_topic(
            form.markdown.data, slug, form.base(), get_library(), author_name()
        )
    except TopicRejected as exc:
        return _rejected(form, exc.problems, slug=slug, title=title)
    except editing.EditConflict as exc:
        form.base_revision.data = str(exc.current)  # saving again is now a deliberate overwrite
        theirs = revision_text(slug, exc.current)
        return _editor(form, slug=slug, title=title, conflict=exc, theirs=theirs, status=409)
    except editing.NoSuchTopic:
        gone = "Not saved: this topic was deleted while you edited it. Restore it from the list."
        return _editor(form, slug=slug, title=title, notice=gone, status=409)
    return _after_save(saved)


@bp.route("/topics/<slug>/delete", methods=["GET", "POST"])
def delete_topic(slug: str):
    topic = store.get_topic(slug)
    if topic is None:
        abort(404, f"There is no topic '{slug}' to delete.")
    if request.method == "POST":
        authoring.delete_topic(slug, get_library(), author_name())
        flash(f"Deleted '{topic.title}'. Restore it from the deleted topics below.", "info")
        return redirect(url_for("instructor.topics"))
    catalog = get_library().catalog
    linking = [d for d in catalog.topics.values() if slug in (*d.related, *d.compare)]
    quizzes = questions_naming_topic(slug)
    return render_template(
        "instructor/topic_delete.html", topic=topic, linking=linking, quizzes=quizzes
    )


def _previewing() -> bool:
    return request.form.get("action") == "preview"


def _preview(form: TopicForm, slug: str, creating: bool, title: str | None = None):
    try:
        if creating:
            doc = editing.check_new_topic(form.markdown.data, slug)
        else:
            doc = authoring.check_topic(form.markdown.data, slug)
    except TopicRejected as exc:
        return _rejected(form, exc.problems, slug=None if creating else slug, title=title)
    return _editor(
        form,
        slug=None if creating else slug,
        title=title,
        preview=article_view(doc, get_library().catalog),
    )


def _rejected(form: TopicForm, problems: list[Problem], **context):
    for problem in problems:
        form.add_problem(problem.field, problem.message)
    return _editor(form, status=422, **context)


def _after_save(saved: Saved):
    if saved.revision is None:
        flash("No changes: the text is the same as the current revision.", "info")
    else:
        verb = "Created" if saved.created else "Saved"
        flash(f"{verb} revision {saved.revision}. Learners and the chat see it now.", "info")
    return redirect(url_for("instructor.edit_topic", slug=saved.slug))


def _editor(form: TopicForm, slug: str | None = None, title: str | None = None, status=200, **more):
    return render_template(
        "instructor/topic_form.html", form=form, slug=slug, title=title, **more
    ), status
