"""Quiz benchmark: prints figures, asserts nothing.

Start, save and submit latency (p50, p95) for a 20-question quiz on SQLite, in-process, and graded
submissions per second.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shipshape import create_app  # noqa: E402
from shipshape.quizzes.bank import parse_bank  # noqa: E402
from shipshape.quizzes.files import import_quiz_docs  # noqa: E402
from shipshape.runtime import ensure_ready  # noqa: E402

ROUNDS = 60


def twenty_questions() -> str:
    """A 20-question bench quiz made from the bundled banks, mixing every type."""
    questions = []
    for path in sorted((ROOT / "quiz").glob("*.yaml")):
        questions += yaml.safe_load(path.read_text())["questions"]
    by_type: dict[str, list] = {}
    for q in questions:
        by_type.setdefault(q["type"], []).append(q)
    picked = []
    while len(picked) < 20:
        for items in by_type.values():
            if items and len(picked) < 20:
                picked.append(items.pop())
    return yaml.safe_dump({"title": "Bench", "questions": picked}, sort_keys=False)


def response_for(question: dict) -> object:
    """Some well-shaped response for a learner view of a question."""
    kind = question["type"]
    if kind == "single_choice":
        return question["options"][0]["id"]
    if kind == "multiple_choice":
        return [question["options"][0]["id"]]
    if kind == "true_false":
        return True
    if kind in ("short_answer", "command"):
        return "docker ps -a" if kind == "command" else "docker hub"
    if kind == "classify":
        return {i["id"]: question["categories"][0]["id"] for i in question["items"]}
    return [i["id"] for i in question["items"]]


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, (time.perf_counter() - start) * 1000


def report(label: str, values: list[float]) -> None:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(
        f"{label}: p50 {statistics.median(values):.1f} ms, p95 {p95:.1f} ms ({len(values)} calls)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db",
            "SHIPSHAPE_INDEX_DIR": f"{tmp}/index", "RATELIMIT_ENABLED": False, "SECRET_KEY": "b",
        })  # fmt: skip
        with app.app_context():
            ensure_ready(app)
            import_quiz_docs([parse_bank(twenty_questions(), "bench")])
        client = app.test_client()
        starts, saves, submits = [], [], []
        for _ in range(ROUNDS):
            reply, ms = timed(lambda: client.post("/api/quizzes/bench/attempts").get_json())
            starts.append(ms)
            attempt = reply["attempt_id"]
            for q in reply["questions"]:
                url = f"/api/attempts/{attempt}/answers/{q['id']}"
                _, ms = timed(
                    lambda url=url, q=q: client.put(url, json={"response": response_for(q)})
                )
                saves.append(ms)
            _, ms = timed(lambda a=attempt: client.post(f"/api/attempts/{a}/submit", json={}))
            submits.append(ms)
        report("start a 20-question attempt", starts)
        report("save one answer", saves)
        report("submit and grade 20 answers", submits)
        rate = 1000 / statistics.mean(submits)
        print(f"graded submissions per second, in-process, one thread: {rate:.0f}")


if __name__ == "__main__":
    main()
