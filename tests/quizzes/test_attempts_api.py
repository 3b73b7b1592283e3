"""The quiz JSON API: list, start, save, submit once, review; nothing of the key before submit;
bad input refused without touching the attempt; time limits and attempt limits."""

from __future__ import annotations

import html
import json
import re
import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event

from shipshape.accounts.learners import create_learner
from shipshape.extensions import db
from shipshape.models import Attempt, utcnow
from shipshape.quizzes.attempts import (
    GRACE,
    AttemptError,
    attempt_payload,
    save_answer,
    start_attempt,
    submit_attempt,
)
from tests.quizzes.helpers import SLUGS, import_small_bank, raw_bank, some_response, walk

RESULT_KEYS = {
    "question_id",
    "correct",
    "points",
    "max_points",
    "feedback",
    "correct_response",
    "sources",
}
KEY_WORDS = ("correct", "feedback", "explanation")
SECRET_KEYS = {
    "correct",
    "feedback",
    "explanation",
    "answer",
    "answers",
    "pattern",
    "category",
    "correct_response",
    "results",
    "score",
}
ID_RE = re.compile(r"^[A-Za-z0-9_-]{24,}$")


def start(client, slug: str) -> dict:
    response = client.post(f"/api/quizzes/{slug}/attempts")
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def get(client, attempt_id: str):
    return client.get(f"/api/attempts/{attempt_id}")


def put(client, attempt_id: str, question_id: str, response):
    url = f"/api/attempts/{attempt_id}/answers/{question_id}"
    return client.put(url, json={"response": response})


def submit(client, attempt_id: str, answers: dict | None = None):
    body = {"answers": answers} if answers is not None else None
    return client.post(f"/api/attempts/{attempt_id}/submit", json=body)


def assert_json_error(response, status: int | None = None):
    if status is None:
        assert 400 <= response.status_code < 500, response.status_code
    else:
        assert response.status_code == status, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["code"] and error["message"]


def by_type(payload: dict, kind: str) -> dict:
    return next(q for q in payload["questions"] if q["type"] == kind)


def choice_ids(question: dict) -> dict[str, set]:
    return {k: {c["id"] for c in question.get(k, [])} for k in ("options", "items", "categories")}


# listing and starting


def test_quiz_list_gives_every_bank_with_its_question_count(client):
    listed = {q["slug"]: q for q in client.get("/api/quizzes").get_json()["quizzes"]}
    assert sorted(listed) == SLUGS
    for slug in SLUGS:
        raw = raw_bank(slug)
        assert listed[slug]["title"] == raw["title"]
        assert listed[slug]["description"] == raw["description"].strip()
        assert listed[slug]["question_count"] == raw.get("draw", len(raw["questions"]))
        assert listed[slug]["bank_size"] == len(raw["questions"])


def test_starting_an_attempt_gives_an_unguessable_id_and_the_questions(client):
    first = client.post("/api/quizzes/images-vs-containers/attempts")
    second = client.post("/api/quizzes/images-vs-containers/attempts")
    assert first.status_code == second.status_code == 201
    a, b = first.get_json(), second.get_json()
    assert ID_RE.match(a["attempt_id"]) and ID_RE.match(b["attempt_id"])
    assert a["attempt_id"] != b["attempt_id"]
    raw = raw_bank("images-vs-containers")
    assert sorted(q["id"] for q in a["questions"]) == sorted(q["id"] for q in raw["questions"])
    for q in a["questions"]:
        assert {"id", "type", "prompt"} <= set(q)
    assert a["status"] == "in_progress"
    assert a["saved"] == {}


def test_starting_an_unknown_quiz_is_a_404(client):
    assert_json_error(client.post("/api/quizzes/no-such-quiz/attempts"), 404)


# no leaks before submit


def _visible_text(raw: dict) -> str:
    parts = [raw["title"], raw.get("description", "")]
    for q in raw["questions"]:
        parts += [q["id"], q["prompt"]]
        for kind in ("options", "items", "categories"):
            parts += [c["text"] for c in q.get(kind, [])]
    return " ".join(parts).lower()


def _secrets(raw: dict) -> list[str]:
    texts = [q["explanation"] for q in raw["questions"]]
    texts += [o["feedback"] for q in raw["questions"] for o in q.get("options", [])]
    return [t.strip() for t in texts if t and t.strip()]


def _plain(text: str) -> str:
    return " ".join(text.replace("`", "").replace("*", "").split())


def _assert_no_key_in_json(payload: dict, raw: dict):
    keys = {k for k, _ in walk(payload) if k is not None}
    assert not keys & SECRET_KEYS
    text = json.dumps(payload, ensure_ascii=False).lower()
    visible = _visible_text(raw)
    for word in KEY_WORDS:
        if word not in visible:  # a prompt may itself say "correct"; nothing else may
            assert word not in text
    strings = [v for _, v in walk(payload) if isinstance(v, str)]
    for secret in _secrets(raw):
        assert not any(secret in s for s in strings), secret
    raw_ids = {
        str(c["id"])
        for q in raw["questions"]
        for kind in ("options", "items", "categories")
        for c in q.get(kind, [])
    }
    for question in payload["questions"]:
        for ids in choice_ids(question).values():
            assert not ids & raw_ids


def _assert_no_key_in_page(page: str, raw: dict):
    text = _plain(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    visible = _visible_text(raw)
    for word in KEY_WORDS:
        if word not in visible:
            assert word not in page.lower()
    for secret in _secrets(raw):
        assert _plain(secret) not in text, secret
    raw_ids = {
        str(c["id"])
        for q in raw["questions"]
        for kind in ("options", "items", "categories")
        for c in q.get(kind, [])
    }
    values = set(re.findall(r'value="([^"]*)"', page))
    suffixes = {n.rsplit("-", 1)[-1] for n in re.findall(r'name="q-[^"]*"', page)}
    assert not (values | suffixes) & raw_ids


@pytest.mark.parametrize("slug", SLUGS)
def test_nothing_of_the_key_leaks_before_submit(client, slug):
    raw = raw_bank(slug)
    fresh = start(client, slug)
    _assert_no_key_in_json(fresh, raw)
    shown = get(client, fresh["attempt_id"])
    assert shown.status_code == 200
    _assert_no_key_in_json(shown.get_json(), raw)
    page = client.get(f"/attempts/{fresh['attempt_id']}")
    assert page.status_code == 200
    _assert_no_key_in_page(page.get_data(as_text=True), raw)


def test_the_leak_checks_do_catch_the_key(client):
    """The checks above are not vacuous: the submitted review and results page fail them."""
    raw = raw_bank("images-vs-containers")
    attempt = start(client, "images-vs-containers")
    review = submit(client, attempt["attempt_id"]).get_json()
    with pytest.raises(AssertionError):
        _assert_no_key_in_json(review, raw)
    page = client.get(f"/attempts/{attempt['attempt_id']}").get_data(as_text=True)
    with pytest.raises(AssertionError):
        _assert_no_key_in_page(page, raw)


def test_saved_answers_do_not_reveal_the_key_either(client):
    raw = raw_bank("images-vs-containers")
    attempt = start(client, "images-vs-containers")
    for q in attempt["questions"]:
        assert put(client, attempt["attempt_id"], q["id"], some_response(q)).status_code == 200
    shown = get(client, attempt["attempt_id"]).get_json()
    assert shown["status"] == "in_progress"
    _assert_no_key_in_json(shown, raw)


# stable ids, per-attempt order


def test_ids_are_stable_across_attempts(client):
    for slug in ("images-vs-containers", "container-lifecycle-commands"):
        one, two = start(client, slug), start(client, slug)
        first = {q["id"]: choice_ids(q) for q in one["questions"]}
        second = {q["id"]: choice_ids(q) for q in two["questions"]}
        assert first == second


def test_attempts_usually_order_questions_and_options_differently(client):
    def order(payload):
        return [(q["id"], [c["id"] for c in q.get("options", q.get("items", []))]) for q in payload]

    orders = [order(start(client, "images-vs-containers")["questions"]) for _ in range(5)]
    assert any(o != orders[0] for o in orders[1:])


def test_the_order_of_an_attempt_is_kept_when_it_is_shown_again(client):
    attempt = start(client, "images-vs-containers")
    again = get(client, attempt["attempt_id"]).get_json()
    assert again["questions"] == attempt["questions"]


def test_ordering_items_never_start_in_the_right_order(app, client):
    slug = import_small_bank(limit=60, max_attempts=1000)
    for _ in range(20):
        attempt = start(client, slug)
        shown = {q["id"]: [i["id"] for i in q.get("items", [])] for q in attempt["questions"]}
        result = submit(client, attempt["attempt_id"]).get_json()
        for r in result["results"]:
            if r["question_id"] in ("two-steps", "three-steps"):
                assert shown[r["question_id"]] != r["correct_response"]


def test_bundled_ordering_questions_never_start_in_the_right_order(client):
    for _ in range(3):
        for slug in SLUGS:
            attempt = start(client, slug)
            shown = {q["id"]: [i["id"] for i in q.get("items", [])] for q in attempt["questions"]}
            result = submit(client, attempt["attempt_id"]).get_json()
            kinds = {q["id"]: q["type"] for q in attempt["questions"]}
            for r in result["results"]:
                if kinds[r["question_id"]] == "ordering":
                    assert shown[r["question_id"]] != r["correct_response"]


# saving and resuming


def test_a_saved_answer_shows_when_the_attempt_is_resumed(client):
    attempt = start(client, "images-vs-containers")
    question = by_type(attempt, "multiple_choice")
    picks = [question["options"][1]["id"], question["options"][0]["id"]]
    saved = put(client, attempt["attempt_id"], question["id"], picks)
    assert saved.status_code == 200
    assert saved.get_json()["saved"] is True
    resumed = get(client, attempt["attempt_id"]).get_json()
    assert resumed["status"] == "in_progress"
    assert resumed["saved"] == {question["id"]: picks}


def test_saving_again_replaces_the_answer(client):
    attempt = start(client, "images-vs-containers")
    question = by_type(attempt, "true_false")
    put(client, attempt["attempt_id"], question["id"], True)
    put(client, attempt["attempt_id"], question["id"], False)
    assert get(client, attempt["attempt_id"]).get_json()["saved"] == {question["id"]: False}


@pytest.mark.parametrize(
    "kind",
    [
        "single_choice",
        "multiple_choice",
        "true_false",
        "short_answer",
        "command",
        "classify",
        "ordering",
    ],
)
def test_every_question_type_can_be_saved(client, kind):
    attempt = start(client, "container-lifecycle-commands")
    question = by_type(attempt, kind)
    response = some_response(question)
    assert put(client, attempt["attempt_id"], question["id"], response).status_code == 200
    assert get(client, attempt["attempt_id"]).get_json()["saved"][question["id"]] == response


# submitting


def test_submit_grades_every_question(client):
    attempt = start(client, "container-lifecycle-commands")
    answers = {q["id"]: some_response(q) for q in attempt["questions"]}
    response = submit(client, attempt["attempt_id"], answers)
    assert response.status_code == 200
    result = response.get_json()
    raw = raw_bank("container-lifecycle-commands")
    assert result["max_score"] == sum(q.get("points", 1) for q in raw["questions"])
    assert 0 <= result["score"] <= result["max_score"]
    assert result["percent"] == pytest.approx(100 * result["score"] / result["max_score"], abs=0.1)
    assert sorted(r["question_id"] for r in result["results"]) == sorted(answers)
    for r in result["results"]:
        assert set(r) >= RESULT_KEYS
        assert 0 <= r["points"] <= r["max_points"]
        assert isinstance(r["correct"], bool)
        assert r["feedback"]
        for source in r["sources"]:
            assert source["url"].startswith("/topics/") and source["title"]
    assert result["score"] == pytest.approx(sum(r["points"] for r in result["results"]))


def test_correct_response_has_the_shape_of_a_response_and_scores_full_marks(client):
    """Ids are stable, so the key of one attempt answers the next one perfectly."""
    first = start(client, "container-lifecycle-commands")
    key = {
        r["question_id"]: r["correct_response"]
        for r in submit(client, first["attempt_id"]).get_json()["results"]
    }
    second = start(client, "container-lifecycle-commands")
    result = submit(client, second["attempt_id"], key).get_json()
    assert result["percent"] == 100
    assert all(r["correct"] for r in result["results"])
    assert result["passed"] is True


def test_unanswered_submit_scores_zero_with_feedback(client):
    attempt = start(client, "misconceptions")
    result = submit(client, attempt["attempt_id"]).get_json()
    assert (result["score"], result["percent"]) == (0, 0)
    assert all(not r["correct"] and r["feedback"] for r in result["results"])


def test_saved_answers_count_at_submit(client):
    attempt = start(client, "misconceptions")
    tf = [q for q in attempt["questions"] if q["type"] == "true_false"]
    key = {
        r["question_id"]: r["correct_response"]
        for r in submit(client, start(client, "misconceptions")["attempt_id"]).get_json()["results"]
    }
    put(client, attempt["attempt_id"], tf[0]["id"], key[tf[0]["id"]])
    result = submit(client, attempt["attempt_id"], {tf[1]["id"]: key[tf[1]["id"]]}).get_json()
    right = {r["question_id"] for r in result["results"] if r["correct"]}
    assert right == {tf[0]["id"], tf[1]["id"]}


def test_submitting_again_returns_the_identical_result(client):
    attempt = start(client, "images-vs-containers")
    answers = {q["id"]: some_response(q) for q in attempt["questions"]}
    first = submit(client, attempt["attempt_id"], answers)
    tf = by_type(attempt, "true_false")
    second = submit(client, attempt["attempt_id"], {tf["id"]: not answers[tf["id"]]})
    third = submit(client, attempt["attempt_id"])
    assert second.status_code == third.status_code == 200
    assert first.get_json() == second.get_json() == third.get_json()
    assert first.get_data() == second.get_data()
    review = get(client, attempt["attempt_id"])
    assert review.get_json() == first.get_json()


def test_two_racing_submits_grade_once(app, client):
    attempt = start(client, "images-vs-containers")
    tf = by_type(attempt, "true_false")
    barrier = threading.Barrier(2)
    replies: dict[int, tuple[int, bytes]] = {}
    claims: list[int] = []

    def count_claims(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("UPDATE ATTEMPTS") and "submitted_at" in statement:
            claims.append(cursor.rowcount)

    def racer(n: int):
        with app.test_client() as own:
            barrier.wait(timeout=10)
            reply = submit(own, attempt["attempt_id"], {tf["id"]: n == 0})
            replies[n] = (reply.status_code, reply.get_data())

    engine = db.engine
    event.listen(engine, "after_cursor_execute", count_claims)
    try:
        threads = [threading.Thread(target=racer, args=(n,)) for n in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    finally:
        event.remove(engine, "after_cursor_execute", count_claims)
    assert replies[0][0] == replies[1][0] == 200
    assert json.loads(replies[0][1]) == json.loads(replies[1][1])
    assert sum(c for c in claims if c > 0) == 1
    db.session.expire_all()
    row = db.session.get(Attempt, attempt["attempt_id"])
    assert row.submitted_at is not None
    assert row.result == json.loads(replies[0][1])


# bad input: a 4xx JSON error and the attempt untouched


def _bad_requests(attempt: dict) -> list:
    mc = by_type(attempt, "multiple_choice")
    single = by_type(attempt, "single_choice")
    short = by_type(attempt, "short_answer")
    tf = by_type(attempt, "true_false")
    classify = by_type(attempt, "classify")
    aid = attempt["attempt_id"]
    url = f"/api/attempts/{aid}/answers"
    return [
        ("string for multiple_choice", "put", f"{url}/{mc['id']}", {"json": {"response": "a"}}),
        ("unknown question", "put", f"{url}/no-such-question", {"json": {"response": True}}),
        ("unknown option", "put", f"{url}/{single['id']}", {"json": {"response": "a"}}),
        (
            "unknown option in list",
            "put",
            f"{url}/{mc['id']}",
            {"json": {"response": [mc["options"][0]["id"], "zzz"]}},
        ),
        (
            "unknown item",
            "put",
            f"{url}/{classify['id']}",
            {"json": {"response": {"i1": classify["categories"][0]["id"]}}},
        ),
        ("non-bool true_false", "put", f"{url}/{tf['id']}", {"json": {"response": "true"}}),
        ("100 KB string", "put", f"{url}/{short['id']}", {"json": {"response": "x" * 100_000}}),
        ("NUL byte", "put", f"{url}/{short['id']}", {"json": {"response": "Docker\x00Hub"}}),
        (
            "lone surrogate",
            "put",
            f"{url}/{short['id']}",
            {"data": '{"response": "Docker \\udfff"}', "content_type": "application/json"},
        ),
        (
            "invalid JSON",
            "put",
            f"{url}/{tf['id']}",
            {"data": '{"response": tru', "content_type": "application/json"},
        ),
        ("body not an object", "put", f"{url}/{tf['id']}", {"json": [True]}),
        ("no response key", "put", f"{url}/{tf['id']}", {"json": {"answer": True}}),
        ("not JSON at all", "put", f"{url}/{tf['id']}", {"data": "response=true"}),
        (
            "submit with a wrong shape",
            "post",
            f"/api/attempts/{aid}/submit",
            {"json": {"answers": {tf["id"]: True, mc["id"]: "a"}}},
        ),
        (
            "submit with an unknown question",
            "post",
            f"/api/attempts/{aid}/submit",
            {"json": {"answers": {"no-such-question": True}}},
        ),
        (
            "submit answers as a list",
            "post",
            f"/api/attempts/{aid}/submit",
            {"json": {"answers": [True]}},
        ),
        (
            "submit invalid JSON",
            "post",
            f"/api/attempts/{aid}/submit",
            {"data": "{", "content_type": "application/json"},
        ),
    ]


CASES = [
    "string for multiple_choice",
    "unknown question",
    "unknown option",
    "unknown option in list",
    "unknown item",
    "non-bool true_false",
    "100 KB string",
    "NUL byte",
    "lone surrogate",
    "invalid JSON",
    "body not an object",
    "no response key",
    "not JSON at all",
    "submit with a wrong shape",
    "submit with an unknown question",
    "submit answers as a list",
    "submit invalid JSON",
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_and_leaves_the_attempt_untouched(client, case):
    attempt = start(client, "images-vs-containers")
    tf = by_type(attempt, "true_false")
    put(client, attempt["attempt_id"], tf["id"], False)
    before = get(client, attempt["attempt_id"]).get_json()
    _, method, url, kwargs = next(r for r in _bad_requests(attempt) if r[0] == case)
    response = getattr(client, method)(url, **kwargs)
    expected = 404 if "unknown question" in case else None
    assert_json_error(response, expected)
    assert get(client, attempt["attempt_id"]).get_json() == before


def test_unknown_attempt_id_is_a_404_everywhere(client):
    assert_json_error(get(client, "no-such-attempt"), 404)
    assert_json_error(put(client, "no-such-attempt", "own-kernel", True), 404)
    assert_json_error(submit(client, "no-such-attempt"), 404)
    assert_json_error(
        client.get("/attempts/no-such-attempt", headers={"Accept": "application/json"}), 404
    )


def test_saving_after_submit_is_a_409_and_changes_nothing(client):
    attempt = start(client, "images-vs-containers")
    tf = by_type(attempt, "true_false")
    result = submit(client, attempt["attempt_id"], {tf["id"]: True}).get_json()
    response = put(client, attempt["attempt_id"], tf["id"], False)
    assert_json_error(response, 409)
    assert response.get_json()["error"]["code"] == "attempt_submitted"
    assert get(client, attempt["attempt_id"]).get_json() == result


# time limit and attempt limit, on a frozen clock

T = datetime(2030, 1, 1, 12, 0, 0)


def _tf_id(payload: dict) -> str:
    return by_type(payload, "true_false")["id"]


def test_answers_are_saved_until_the_deadline_and_its_grace(app, library):
    slug = import_small_bank(limit=2)
    attempt = start_attempt(slug, now=T)
    assert attempt["deadline"] == "2030-01-01T12:02:00Z"
    qid = _tf_id(attempt)
    save_answer(attempt["attempt_id"], qid, True, now=T + timedelta(minutes=1))
    save_answer(attempt["attempt_id"], qid, False, now=T + timedelta(minutes=2) + GRACE)
    with pytest.raises(AttemptError) as late:
        save_answer(
            attempt["attempt_id"],
            qid,
            True,
            now=T + timedelta(minutes=2) + GRACE + timedelta(seconds=1),
        )
    assert (late.value.status, late.value.code) == (409, "attempt_expired")
    shown = attempt_payload(attempt["attempt_id"], library.catalog, now=T + timedelta(minutes=2))
    assert shown["saved"] == {qid: False}


def test_submitting_answers_after_the_deadline_is_refused(app, library):
    slug = import_small_bank(limit=2)
    attempt = start_attempt(slug, now=T)
    late = T + timedelta(minutes=10)
    with pytest.raises(AttemptError) as refused:
        submit_attempt(attempt["attempt_id"], {_tf_id(attempt): False}, library.catalog, now=late)
    assert (refused.value.status, refused.value.code) == (409, "attempt_expired")
    still = attempt_payload(attempt["attempt_id"], library.catalog, now=T + timedelta(minutes=1))
    assert still["status"] == "in_progress"


def test_after_the_deadline_only_answers_saved_in_time_are_graded(app, library):
    slug = import_small_bank(limit=2)
    attempt = start_attempt(slug, now=T)
    aid = attempt["attempt_id"]
    single = by_type(attempt, "single_choice")["id"]
    tf = _tf_id(attempt)
    save_answer(aid, tf, False, now=T + timedelta(minutes=1))  # right, and in time
    with pytest.raises(AttemptError):
        save_answer(aid, single, "x", now=T + timedelta(minutes=5))
    late = T + timedelta(minutes=5)
    with pytest.raises(AttemptError):
        submit_attempt(
            aid,
            {single: by_type(attempt, "single_choice")["options"][0]["id"]},
            library.catalog,
            now=late,
        )
    result = attempt_payload(aid, library.catalog, now=late)
    assert result["status"] == "submitted"
    graded = {r["question_id"]: r for r in result["results"]}
    assert graded[tf]["correct"] is True
    assert graded[single]["response"] is None and graded[single]["points"] == 0
    assert result["score"] == 1
    assert submit_attempt(aid, None, library.catalog, now=late + timedelta(hours=1)) == result


def test_submitting_without_answers_after_the_deadline_grades_the_saved_ones(app, library):
    slug = import_small_bank(limit=2)
    attempt = start_attempt(slug, now=T)
    tf = _tf_id(attempt)
    save_answer(attempt["attempt_id"], tf, False, now=T + timedelta(minutes=1))
    result = submit_attempt(
        attempt["attempt_id"], None, library.catalog, now=T + timedelta(hours=1)
    )
    assert result["score"] == 1


def test_an_expired_attempt_is_graded_when_fetched_over_the_api(app, client):
    slug = import_small_bank(limit=2)
    attempt = start_attempt(slug, now=utcnow() - timedelta(hours=1))
    tf = _tf_id(attempt)
    save_answer(attempt["attempt_id"], tf, False, now=utcnow() - timedelta(minutes=59))
    assert_json_error(put(client, attempt["attempt_id"], tf, True), 409)
    shown = get(client, attempt["attempt_id"]).get_json()
    assert shown["status"] == "submitted"
    assert shown["score"] == 1


def test_max_attempts_is_enforced_per_learner(app):
    slug = import_small_bank(limit=60, max_attempts=2)
    (x, _), (y, _) = create_learner(), create_learner()
    start_attempt(slug, learner_id=x.id, now=T)
    start_attempt(slug, learner_id=x.id, now=T)
    with pytest.raises(AttemptError) as limit:
        start_attempt(slug, learner_id=x.id, now=T)
    assert (limit.value.status, limit.value.code) == (409, "attempt_limit")
    assert start_attempt(slug, learner_id=y.id, now=T)["attempt_id"]
