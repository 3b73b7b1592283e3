"""Turn a quiz page's plain HTML form into API-shaped responses, question by question."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict


def _classify(question: dict, form: MultiDict) -> dict | None:
    chosen = {i["id"]: form.get(f"q-{question['id']}-{i['id']}", "") for i in question["items"]}
    picked = {k: v for k, v in chosen.items() if v}
    return picked or None


def _ordering(question: dict, form: MultiDict) -> list | None:
    places = {}
    for item in question["items"]:
        value = form.get(f"q-{question['id']}-{item['id']}", "")
        if not value.isdigit():
            return None
        places[item["id"]] = int(value)
    if len(set(places.values())) != len(places):
        return None  # two items in one place: not an order yet
    return sorted(places, key=places.get)


def response_from_form(question: dict, form: MultiDict) -> object:
    """The response a form holds for one question, or None when it holds none."""
    name, kind = f"q-{question['id']}", question["type"]
    if kind == "multiple_choice":
        return form.getlist(name) or None
    if kind == "true_false":
        value = form.get(name)
        return {"true": True, "false": False}.get(value or "")
    if kind == "classify":
        return _classify(question, form)
    if kind == "ordering":
        return _ordering(question, form)
    value = form.get(name, "")
    return value.strip() or None if kind in ("short_answer", "command") else value or None


def responses_from_form(questions: list[dict], form: MultiDict) -> dict:
    answers = {q["id"]: response_from_form(q, form) for q in questions}
    return {k: v for k, v in answers.items() if v is not None}
