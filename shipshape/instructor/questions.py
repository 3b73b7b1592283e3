"""What learners ask: unanswered and thumbs-down questions, grouped, each addable as a phrasing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask import flash, redirect, render_template, request, url_for

from ..auth import author_name
from ..chat.answerer import answer_question
from ..chat.insights import ORDERS, SHOWS, Filters, question_groups
from ..chat.reply import ANSWER
from ..knowledge.authoring import TopicRejected
from ..knowledge.catalog import Catalog
from ..knowledge.phrasings import PhrasingRejected, add_phrasing, clean_question, question_key
from ..runtime import get_library
from . import bp

PERIODS = {"7": 7, "30": 30, "all": None}


@dataclass(frozen=True)
class PhrasingError:
    """A refused "add as phrasing", shown next to the form of the group it came from."""

    key: str
    topic: str
    message: str


def parse_filters(values: Mapping[str, str]) -> Filters:
    """Filters from the query or a form; anything unknown falls back to the default."""
    default = Filters()
    show, order, page = values.get("show"), values.get("order"), values.get("page", "")
    return Filters(
        show=show if show in SHOWS else default.show,
        days=PERIODS.get(values.get("days", ""), default.days),
        order=order if order in ORDERS else default.order,
        page=int(page) if page.isascii() and page.isdigit() and len(page) <= 6 else 1,
    )


def filter_args(filters: Filters) -> dict[str, str]:
    """The filters as query arguments (without the page)."""
    days = "all" if filters.days is None else str(filters.days)
    return {"show": filters.show, "days": days, "order": filters.order}


def _owners(catalog: Catalog) -> dict[str, str]:
    """Each listed phrasing's key -> the slug of the topic that lists it."""
    return {question_key(q): d.slug for d in catalog.topics.values() for q in d.questions}


def answered_now(question: str) -> dict | None:
    """How the chat answers the question today (after a phrasing was added, say): its source and
    how sure it is; None while it still finds no answer."""
    reply = answer_question(question, get_library())
    if reply.kind != ANSWER or not reply.sources:
        return None
    source = reply.sources[0]
    return {"title": source.title, "section": source.section, "url": source.url,
            "percent": min(round(reply.confidence * 100), 99)}  # fmt: skip


def _topic_groups(catalog: Catalog) -> dict[str, list]:
    """Topics by their group, for a picker of optgroups instead of one long list."""
    groups: dict[str, list] = {}
    for doc in sorted(catalog.topics.values(), key=lambda d: (d.group.lower(), d.title.lower())):
        groups.setdefault(doc.group, []).append(doc)
    return groups


def _render(filters: Filters, error: PhrasingError | None = None):
    catalog = get_library().catalog
    result = question_groups(filters)
    now = {group.key: answered_now(group.latest_question) for group in result.groups}
    return render_template(
        "instructor/questions.html",
        result=result,
        filters=filters,
        args=filter_args(filters),
        topic_groups=_topic_groups(catalog),
        answered=now,
        titles={slug: doc.title for slug, doc in catalog.topics.items()},
        owners=_owners(catalog),
        question_key=question_key,
        error=error,
    )


@bp.get("/questions")
def questions():
    return _render(parse_filters(request.args))


@bp.post("/questions/phrasings")
def add_question_phrasing():
    """Add a group's latest wording to a topic's `questions:`; a new revision, found at once."""
    filters = parse_filters(request.form)
    slug, question = request.form.get("topic", ""), request.form.get("question", "")
    try:
        saved = add_phrasing(slug, question, get_library(), author_name())
    except PhrasingRejected as exc:
        return _render(filters, PhrasingError(request.form.get("key", ""), slug, exc.message)), 422
    except TopicRejected as exc:
        message = f"The topic cannot be saved: {exc}"
        return _render(filters, PhrasingError(request.form.get("key", ""), slug, message)), 422
    doc = get_library().catalog.get(slug)
    title = doc.title if doc else slug
    flash(f"Added “{clean_question(question)}” to “{title}” (revision {saved.revision}).", "info")
    target = url_for("instructor.questions", page=filters.page, **filter_args(filters))
    return redirect(target, code=303)
