"""What learners see of a quiz: opaque stable ids, a per-attempt shuffle, and no key before submit.

Two explicit serializers, one for taking (no key) and one for review (with key), so that a leak
would be a visible change here.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from functools import lru_cache

from ..knowledge.render import render_markdown
from .bank import Choice, Question, QuizDoc, parse_bank


def public_id(slug: str, question_id: str, kind: str, raw: str) -> str:
    """A stable id that tells nothing: the same in every attempt, unrelated to the author's id."""
    digest = hashlib.blake2b(f"{slug}|{question_id}|{kind}|{raw}".encode(), digest_size=5)
    return kind[0] + digest.hexdigest()


def _publish_question(slug: str, q: Question) -> Question:
    def ids(choices: tuple[Choice, ...], kind: str) -> tuple[Choice, ...]:
        return tuple(replace(c, id=public_id(slug, q.id, kind, c.id)) for c in choices)

    items = tuple(
        replace(i, category=public_id(slug, q.id, "category", i.category) if i.category else None)
        for i in ids(q.items, "item")
    )
    return replace(
        q, options=ids(q.options, "option"), items=items, categories=ids(q.categories, "category")
    )


@lru_cache(maxsize=256)
def published_quiz(text: str, slug: str) -> QuizDoc:
    """A quiz revision's text parsed, with every option, item and category id made opaque."""
    doc = parse_bank(text, slug)
    return replace(doc, questions=tuple(_publish_question(slug, q) for q in doc.questions))


def shuffled_questions(doc: QuizDoc, seed: int) -> list[Question]:
    """The attempt's own order of questions, options and items, fixed by its seed."""
    rng = random.Random(seed)
    questions = list(doc.questions)
    rng.shuffle(questions)
    result = []
    for q in questions:
        options, items = list(q.options), list(q.items)
        rng.shuffle(options)
        rng.shuffle(items)
        if q.type == "ordering" and len(items) > 1 and items == list(q.items):
            items = items[1:] + items[:1]  # never hand out the answer as the starting order
        result.append(replace(q, options=tuple(options), items=tuple(items)))
    return result


def draw_questions(doc: QuizDoc, rng: random.Random) -> list[str]:
    """The ids of the questions a new attempt gets: `draw` of them at random, in the bank's order,
    or every question when the quiz draws none."""
    ids = [q.id for q in doc.questions]
    if not doc.draw or doc.draw >= len(ids):
        return ids
    chosen = set(rng.sample(ids, doc.draw))
    return [i for i in ids if i in chosen]


def attempt_questions(doc: QuizDoc, seed: int, question_ids: list[str] | None) -> list[Question]:
    """The questions of one attempt in its own order: those it drew (None: all of them).
    Shuffled whole, then filtered, so attempts from before draws keep their order."""
    drawn = set(question_ids) if question_ids is not None else None
    return [q for q in shuffled_questions(doc, seed) if drawn is None or q.id in drawn]


def _choice_view(c: Choice) -> dict:
    return {"id": c.id, "text": c.text, "html": render_markdown(c.text)}


def question_for_learner(q: Question) -> dict:
    """A question as it is taken: prompt and choices, nothing that tells what is right."""
    view = {
        "id": q.id,
        "type": q.type,
        "prompt": q.prompt,
        "prompt_html": render_markdown(q.prompt),
        "points": q.points,
    }
    if q.type in ("single_choice", "multiple_choice"):
        view["options"] = [_choice_view(o) for o in q.options]
    if q.type in ("classify", "ordering"):
        view["items"] = [_choice_view(i) for i in q.items]
    if q.type == "classify":
        view["categories"] = [_choice_view(c) for c in q.categories]
    return view
