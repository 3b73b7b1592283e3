"""A topic's history: every revision, a diff of any two, one revision's text, restoring one."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from ..auth import author_name
from ..knowledge import revisions, store
from ..knowledge.authoring import TopicRejected, restore_revision
from ..runtime import get_library
from . import bp

REVISION = "<int(min=1, max=999999999):number>"  # a bounded int: never overflows a database int


@bp.get("/topics/<slug>/history")
def topic_history(slug: str):
    history = revisions.history(slug)
    if not history:
        abort(404, f"There is no topic '{slug}'.")
    return render_template("instructor/topic_history.html", topic=_topic(slug), history=history)


@bp.get("/topics/<slug>/diff")
def topic_diff(slug: str):
    old, new = _revision_arg("a"), _revision_arg("b")
    compared = revisions.compare(slug, old, new) if old and new else None
    if compared is None:
        abort(404, f"Pick two revisions of '{slug}' that exist, from its history page.")
    return render_template("instructor/topic_diff.html", topic=_topic(slug), compared=compared)


@bp.get(f"/topics/<slug>/revisions/{REVISION}")
def topic_revision(slug: str, number: int):
    return _revision_page(slug, number)


@bp.post(f"/topics/<slug>/revisions/{REVISION}/restore")
def restore_topic_revision(slug: str, number: int):
    try:
        saved = restore_revision(slug, number, get_library(), author_name())
    except TopicRejected as exc:
        if any(p.field == "revision" for p in exc.problems):
            abort(404, f"'{slug}' has no revision {number}.")
        return _revision_page(slug, number, problems=exc.problems, status=422)
    if saved.revision is None:
        flash(f"No changes: revision {number} is already the current text.", "info")
    else:
        flash(f"Restored revision {number} as revision {saved.revision}.", "info")
    return redirect(url_for("instructor.topic_history", slug=slug))


def _revision_page(slug: str, number: int, problems=(), status: int = 200):
    revision = revisions.revision_text(slug, number)
    if revision is None:
        abort(404, f"'{slug}' has no revision {number}.")
    page = render_template(
        "instructor/topic_revision.html",
        topic=_topic(slug),
        revision=revision,
        latest=revisions.latest_number(slug),
        problems=problems,
    )
    return page, status


def _topic(slug: str):
    return store.get_topic(slug, include_deleted=True)


def _revision_arg(name: str) -> int | None:
    value = request.args.get(name, "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 9 else None
