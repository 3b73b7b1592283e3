"""The learner's data is theirs: /account shows what is held, downloads all of it as JSON and
deletes it all; the API does the same for an X-Learner-Key. Nothing of theirs is left after."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import func, select

from shipshape.extensions import db
from shipshape.models import Attempt, AttemptAnswer, Learner, Turn
from tests.quizzes.review_helpers import WRONG, import_recall_bank
from tests.web.learner_pages import take_in_browser


def rows_left(learner_id: int, attempt_ids: list[str], conversation: str | None) -> dict:
    """Rows naming the learner in any table, their attempts' answers, the conversation's turns."""
    counts = {}
    for table in db.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is Learner.__table__:
                query = select(func.count()).select_from(table).where(fk.parent == learner_id)
                counts[f"{table.name}.{fk.parent.name}"] = db.session.scalar(query)
    counts["learners"] = db.session.scalar(select(func.count()).where(Learner.id == learner_id))
    counts["attempt_answers"] = db.session.scalar(
        select(func.count()).where(AttemptAnswer.attempt_id.in_(attempt_ids))
    )
    if conversation:
        counts["turns"] = db.session.scalar(
            select(func.count()).where(Turn.conversation_id == conversation)
        )
    return counts


def learner_of(path: str) -> tuple[int, str]:
    attempt = db.session.get(Attempt, path.rsplit("/", 1)[1])
    return attempt.learner_id, attempt.id


def ask(client, question: str) -> str:
    response = client.post("/ask", data={"question": question, "conversation_id": ""})
    return parse_qs(urlsplit(response.headers["Location"]).query)["c"][0]


def test_the_download_holds_attempts_answers_cards_and_the_conversation(client):
    import_recall_bank()
    path = take_in_browser(client, WRONG)
    conversation = ask(client, "how do I rename a container")
    response = client.get("/account/data.json")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.get_data(as_text=True))
    [attempt] = data["attempts"]
    assert attempt["attempt_id"] == path.rsplit("/", 1)[1]
    assert {a["question_id"] for a in attempt["answers"]} == set(WRONG)
    assert len(data["review_cards"]) == 4
    assert data["conversations"][0]["conversation_id"] == conversation
    assert data["conversations"][0]["turns"][0]["question"] == "how do I rename a container"
    assert "password_hash" not in json.dumps(data) and "key_digest" not in json.dumps(data)
    page = client.get("/account").get_data(as_text=True)
    assert "1 quiz attempt, with 4 saved answers" in page and "4 review cards" in page


def test_deleting_needs_the_box_ticked(client):
    import_recall_bank()
    path = take_in_browser(client, WRONG)
    learner_id, _ = learner_of(path)
    response = client.post("/account/delete", data={})
    assert response.status_code == 303
    assert db.session.get(Learner, learner_id) is not None


def test_deleting_leaves_nothing_of_the_browser_learner_in_any_table(client):
    import_recall_bank()
    path = take_in_browser(client, WRONG)
    conversation = ask(client, "how do I rename a container")
    learner_id, attempt_id = learner_of(path)
    assert any(rows_left(learner_id, [attempt_id], conversation).values())
    assert client.post("/account/delete", data={"confirm": "yes"}).status_code == 303
    db.session.expire_all()
    left = rows_left(learner_id, [attempt_id], conversation)
    assert left and not any(left.values()), left
    assert client.get(path).status_code == 404
    assert "0 quiz attempts" in client.get("/account").get_data(as_text=True)


def test_deleting_an_account_signs_it_out_and_removes_it(client):
    import_recall_bank()
    client.post(
        "/account/sign-up",
        data={"email": "me@example.org", "password": "long enough pw", "confirm": "long enough pw"},
    )
    path = take_in_browser(client, WRONG)
    learner_id, attempt_id = learner_of(path)
    assert db.session.get(Learner, learner_id).email == "me@example.org"
    client.post("/account/delete", data={"confirm": "yes"})
    db.session.expire_all()
    assert not any(rows_left(learner_id, [attempt_id], None).values())
    assert "me@example.org" not in client.get("/account").get_data(as_text=True)


def test_the_api_exports_and_deletes_the_learner_of_a_key(client):
    import_recall_bank()
    key = client.post("/api/learners").get_json()["learner_key"]
    headers = {"X-Learner-Key": key}
    started = client.post("/api/quizzes/recall-check/attempts", headers=headers).get_json()
    client.post(
        f"/api/attempts/{started['attempt_id']}/submit", json={"answers": WRONG}, headers=headers
    )
    conversation = client.post("/api/ask", json={"question": "what is an image"}).get_json()[
        "conversation_id"
    ]
    data = client.get(f"/api/learners/me/data?conversation_id={conversation}", headers=headers)
    assert data.status_code == 200
    body = data.get_json()
    assert len(body["attempts"]) == 1 and len(body["review_cards"]) == 4
    assert body["conversations"][0]["turns"][0]["question"] == "what is an image"
    learner_id = db.session.get(Attempt, started["attempt_id"]).learner_id
    deleted = client.delete(f"/api/learners/me?conversation_id={conversation}", headers=headers)
    assert deleted.get_json() == {
        "deleted": {"attempts": 1, "answers": 4, "review_cards": 4, "turns": 1}
    }
    db.session.expire_all()
    assert not any(rows_left(learner_id, [started["attempt_id"]], conversation).values())
    assert client.get("/api/learners/me/data", headers=headers).status_code == 401


def test_the_api_refuses_without_a_key_or_with_a_bad_conversation_id(client):
    assert client.get("/api/learners/me/data").status_code == 401
    key = client.post("/api/learners").get_json()["learner_key"]
    bad = client.delete("/api/learners/me?conversation_id=nope", headers={"X-Learner-Key": key})
    assert bad.status_code == 400
    assert bad.get_json()["error"]["code"] == "invalid_conversation_id"
