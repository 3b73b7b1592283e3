"""How many bytes of rows one client can make the app store in a minute: prints figures, asserts
nothing.

From one address, as fast as the app lets it, for each way a learner (or anyone) makes rows:
chat turns (POST /api/ask, 1000-character questions), attempts over the API (each then answered
in full, with the longest responses the graders accept), quiz-form starts from a browser that
drops its cookies (a learner row each) and new learner keys; then the same asks from loopback.
Each kind stops at its first 429 or after CAP requests; a kind that never met a limit is counted
at the rate the server kept up (requests per second x 60), since only speed bounds it.
Bytes are the stored values' lengths (SQLite, every column of turns, attempts, attempt_answers
and learners), not pages.

Run it against another checkout to compare: `python bench/learner_storage.py --tree DIR`
(`git archive REV | tar -x -C DIR` makes one).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAP = 150  # requests per kind; a kind allowed all of them is bounded by speed alone
TABLES = ("turns", "attempts", "attempt_answers", "learners")
OUTSIDE, LOOPBACK = "203.0.113.7", "127.0.0.1"
QUIZ = "images-vs-containers"


def table_bytes(db, text) -> dict[str, int]:
    """Each table's stored bytes: the sum of every column's length, as SQLite keeps it."""
    sizes = {}
    for table in TABLES:
        columns = [row[1] for row in db.session.execute(text(f"PRAGMA table_info({table})"))]
        total = " + ".join(f"coalesce(length(CAST({c} AS BLOB)), 0)" for c in columns)
        sizes[table] = db.session.execute(
            text(f"SELECT coalesce(sum({total}), 0) FROM {table}")
        ).scalar()
    return sizes


def burst(send) -> tuple[int, float, bool]:
    """(requests that made rows, seconds taken, whether a limit stopped it)."""
    made, started = 0, time.perf_counter()
    for number in range(CAP):
        if send(number) == 429:
            return made, time.perf_counter() - started, True
        made += 1
    return made, time.perf_counter() - started, False


def long_response(question: dict) -> object:
    """The biggest response of the right shape the graders accept for a question."""
    kind = question["type"]
    if kind in ("short_answer", "command"):
        return "docker " + "x" * 1990
    if kind == "single_choice":
        return question["options"][0]["id"]
    if kind == "multiple_choice":
        return [o["id"] for o in question["options"]]
    if kind == "true_false":
        return True
    if kind == "classify":
        return {i["id"]: question["categories"][0]["id"] for i in question["items"]}
    return [i["id"] for i in question["items"]]


def kinds(app, address: str) -> dict:
    """The ways to make rows, each a function of the request number that returns its status."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address

    def ask(number: int) -> int:
        question = f"what is an image number {number} " + "words " * 160
        return client.post("/api/ask", json={"question": question[:1000]}).status_code

    def api_attempt(_number: int) -> int:
        started = client.post(f"/api/quizzes/{QUIZ}/attempts")
        if started.status_code == 201:
            attempt = started.get_json()
            for question in attempt["questions"]:
                path = f"/api/attempts/{attempt['attempt_id']}/answers/{question['id']}"
                client.put(path, json={"response": long_response(question)})
        return started.status_code

    def form_start(_number: int) -> int:
        browser = app.test_client()  # a fresh cookie jar every time
        browser.environ_base["REMOTE_ADDR"] = address
        return browser.post(f"/quizzes/{QUIZ}/start").status_code

    def learner_key(_number: int) -> int:
        return client.post("/api/learners").status_code

    return {"chat turns (/api/ask)": ask, "API attempts, answered": api_attempt,
            "form starts without cookies": form_start, "new learner keys": learner_key}  # fmt: skip


def measure(app, db, text, address: str, only: tuple[str, ...] | None = None) -> int:
    """Print each kind's figures from one address; return the bytes a minute in all."""
    total = 0
    for name, send in kinds(app, address).items():
        if only and name not in only:
            continue
        before = sum(table_bytes(db, text).values())
        made, seconds, limited = burst(send)
        grown = sum(table_bytes(db, text).values()) - before
        per_request = grown / made if made else 0
        per_minute = made if limited else made / seconds * 60
        bound = "limit" if limited else "speed only"
        megabytes = per_request * per_minute / 1e6
        print(f"  {name:30} {made:4} made, {per_request / 1024:6.1f} KB each; "
              f"{per_minute:7.0f} a minute ({bound}): {megabytes:8.2f} MB")  # fmt: skip
        total += per_request * per_minute
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to measure")
    tree = parser.parse_args().tree.resolve()
    sys.path.insert(0, str(tree))
    from sqlalchemy import text

    from shipshape import create_app
    from shipshape.extensions import db
    from shipshape.runtime import ensure_ready

    with tempfile.TemporaryDirectory() as folder:
        app = create_app({
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/storage.db",
            "SHIPSHAPE_INDEX_DIR": f"{folder}/index", "SHIPSHAPE_INSTANCE_DIR": folder,
            "SHIPSHAPE_CONTENT_DIR": str(tree / "content"),
            "SHIPSHAPE_QUIZ_DIR": str(tree / "quiz"),
            "SECRET_KEY": "bench", "RATELIMIT_ENABLED": True, "WTF_CSRF_ENABLED": False,
        })  # fmt: skip
        with app.app_context():
            ensure_ready(app)
            print(f"{tree}: limits as configured by default, one client address")
            outside = measure(app, db, text, OUTSIDE)
            print(f"  from {OUTSIDE}: {outside / 1e6:.2f} MB a minute")
            loopback = measure(app, db, text, LOOPBACK, only=("chat turns (/api/ask)",))
            print(f"  from loopback, asks alone: {loopback / 1e6:.2f} MB a minute")


if __name__ == "__main__":
    main()
