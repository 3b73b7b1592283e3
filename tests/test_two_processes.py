"""Two machines, one database: two real gunicorn processes, each with its own index folder,
share one database (PostgreSQL when TEST_DATABASE_URL is set, else one SQLite file)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from .databases import drop_database, new_database

PROJECT = Path(__file__).resolve().parent.parent
EMAIL = "ops@example.org"
QUIZ = "images-vs-containers"
SLUG = "healthcheck-intervals"
TOPIC = """\
---
title: Healthcheck intervals
tags: [healthcheck]
---
A HEALTHCHECK instruction tells the engine how often to probe a container.

## How often probes run
Zanzibarite probes run every thirty seconds unless the interval option says otherwise.
"""

pytestmark = pytest.mark.slow


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def call(base: str, method: str, path: str, body=None, headers=None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def flask(env: dict, *args: str) -> str:
    command = [sys.executable, "-m", "flask", "--app", "app", *args]
    done = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


@contextmanager
def served(env: dict, folder: Path, names: tuple[str, ...]):
    """One `gunicorn -w 1` per name, each with its own instance and index folders (as two
    machines would have); killed at the end."""
    processes, logs, bases = [], [], []
    try:
        for name in names:
            port = free_port()
            own = env | {
                "SHIPSHAPE_INDEX_DIR": str(folder / f"index-{name}"),
                "SHIPSHAPE_INSTANCE_DIR": str(folder / f"instance-{name}"),
            }
            logs.append(open(folder / f"{name}.log", "w"))  # noqa: SIM115 (closed below)
            command = [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}"]
            processes.append(
                subprocess.Popen(
                    [*command, "app:app"], cwd=PROJECT, env=own, stdout=logs[-1], stderr=logs[-1]
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        yield bases
    finally:
        for process in processes:
            process.kill()
            process.wait(timeout=10)
        for log in logs:
            log.close()


def wait_healthy(base: str, deadline: float = 30.0) -> None:
    """Poll /healthz (the first request also sets the process up: index build)."""
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        try:
            if call(base, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{base} did not become healthy in {deadline} s")


@pytest.fixture(scope="module")
def two_machines(tmp_path_factory):
    """(A, B, token headers, database URL): the database set up by the CLI, both processes up."""
    folder = tmp_path_factory.mktemp("two-machines")
    url, name = new_database(folder)
    env = os.environ | {
        "DATABASE_URL": url, "SECRET_KEY": "two-machines", "RATELIMIT_ENABLED": "false",
    }  # fmt: skip
    env.pop("SHIPSHAPE_INDEX_DIR", None)
    with served(env, folder, ("a", "b")) as (a, b):
        flask(env, "create-instructor", EMAIL, "--password", "long enough password")
        token = flask(env, "create-token", EMAIL)
        wait_healthy(a)  # A imports the bundled content into the empty database
        wait_healthy(b)
        yield a, b, {"Authorization": f"Bearer {token}"}, url
    drop_database(name)


def test_a_topic_saved_on_one_process_is_answered_by_the_other_within_5_seconds(two_machines):
    a, b, headers, _ = two_machines
    question = {"question": "how often do zanzibarite probes run"}
    assert call(b, "POST", "/api/ask", question)[1]["kind"] == "no_answer"

    status, _ = call(a, "PUT", f"/api/topics/{SLUG}", {"markdown": TOPIC}, headers)
    saved_at = time.monotonic()
    assert status == 201
    while True:
        reply = call(b, "POST", "/api/ask", question)[1]
        elapsed = time.monotonic() - saved_at
        if reply["kind"] == "answer" and reply["sources"][0]["url"].startswith(f"/topics/{SLUG}"):
            break
        assert elapsed < 5.0, f"B still answers {reply['kind']} {elapsed:.1f} s after the save"
        time.sleep(0.1)
    assert elapsed < 5.0


def ferret_topic(hours: str) -> str:
    return (
        "---\ntitle: Ferret rotation\n---\nFerret rotation is a chore invented for this test.\n\n"
        f"## How often ferret rotation happens\nFerret rotation happens every {hours} hours.\n"
    )


def wait_for_answer(base: str, question: dict, words: str, since: float) -> float:
    """Seconds from `since` until the process at `base` answers with those words (at most 5)."""
    while True:
        markdown = call(base, "POST", "/api/ask", question)[1]["answer"]["markdown"]
        elapsed = time.monotonic() - since
        if words in markdown:
            return elapsed
        assert elapsed < 5.0, f"{base} still answers {markdown[:80]!r} {elapsed:.1f} s later"
        time.sleep(0.1)


def test_an_edit_on_one_process_replaces_the_other_ones_cached_answer_within_5_seconds(
    two_machines,
):
    a, b, headers, _ = two_machines
    question = {"question": "how often does ferret rotation happen"}
    path = "/api/topics/ferret-rotation"
    assert call(a, "PUT", path, {"markdown": ferret_topic("twelve")}, headers)[0] == 201
    wait_for_answer(b, question, "every twelve hours", time.monotonic())
    for _ in range(3):  # answered from B's cache now
        reply = call(b, "POST", "/api/ask", question)[1]
        assert "every twelve hours" in reply["answer"]["markdown"]

    assert call(a, "PUT", path, {"markdown": ferret_topic("forty")}, headers)[0] == 200
    assert wait_for_answer(b, question, "every forty hours", time.monotonic()) < 5.0


def start_attempt(base: str) -> tuple[str, str]:
    """(attempt id, the id of a true/false question in it), started on one process."""
    status, attempt = call(base, "POST", f"/api/quizzes/{QUIZ}/attempts")
    assert status == 201
    question = next(q for q in attempt["questions"] if q["type"] == "true_false")
    return attempt["attempt_id"], question["id"]


def test_an_attempt_started_on_one_process_is_graded_on_the_other(two_machines):
    a, b, _, _ = two_machines
    attempt_id, question_id = start_attempt(a)
    body = {"answers": {question_id: True}}
    status, result = call(b, "POST", f"/api/attempts/{attempt_id}/submit", body)
    assert status == 200
    assert result["max_score"] > 0
    assert any(r["question_id"] == question_id for r in result["results"])
    assert call(a, "GET", f"/api/attempts/{attempt_id}")[1]["score"] == result["score"]


def race_submits(a: str, b: str, attempt_id: str, question_id: str) -> list[tuple[int, dict]]:
    """Submit opposite answers on A and B at the same instant."""
    barrier, results = threading.Barrier(2), [None, None]

    def submit(index: int, base: str, answer: bool) -> None:
        barrier.wait()
        body = {"answers": {question_id: answer}}
        results[index] = call(base, "POST", f"/api/attempts/{attempt_id}/submit", body)

    threads = [
        threading.Thread(target=submit, args=(i, base, i == 0)) for i, base in enumerate((a, b))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_racing_submits_on_two_processes_grade_the_attempt_once(two_machines):
    a, b, _, url = two_machines
    engine = create_engine(url)
    try:
        for _ in range(3):
            attempt_id, question_id = start_attempt(a)
            (status_a, first), (status_b, second) = race_submits(a, b, attempt_id, question_id)
            assert status_a == status_b == 200
            assert first == second  # one answer was true, the other false: one grading won
            with engine.connect() as connection:
                rows = connection.execute(
                    text("SELECT submitted_at, score FROM attempts WHERE id = :id"),
                    {"id": attempt_id},
                ).all()
            assert len(rows) == 1 and rows[0].submitted_at is not None
            assert rows[0].score == first["score"]
    finally:
        engine.dispose()


def test_two_machines_starting_together_on_an_empty_database_both_come_up(tmp_path):
    """Both run the migrations and the first import; one waits for the other (advisory lock on
    PostgreSQL, the busy timeout on SQLite) instead of failing on a duplicate."""
    url, name = new_database(tmp_path)
    env = os.environ | {"DATABASE_URL": url, "SECRET_KEY": "two", "RATELIMIT_ENABLED": "false"}
    try:
        with served(env, tmp_path, ("a", "b")) as bases:
            for base in bases:  # wait until both listen, without sending a request
                wait_listening(base)
            statuses: list[int] = []
            threads = [
                threading.Thread(
                    target=lambda b=base: statuses.append(call(b, "GET", "/healthz")[0])
                )
                for base in bases
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            assert statuses == [200, 200]
            topics = [call(base, "GET", "/api/topics")[1]["topics"] for base in bases]
            assert (
                len(topics[0])
                == len(topics[1])
                == len(list((PROJECT / "content").glob("[!_]*.md")))
            )
    finally:
        drop_database(name)


def wait_listening(base: str, deadline: float = 30.0) -> None:
    host, port = base.removeprefix("http://").split(":")
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        try:
            with socket.create_connection((host, int(port)), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{base} is not listening after {deadline} s")
