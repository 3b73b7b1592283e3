"""What learners paste, benchmarked: prints figures, asserts nothing.

- Dockerfiles: the real ones under bench/data/dockerfiles/ (sources.json says where each came
  from) are asked through POST /api/ask: how many get a review, and any 5xx. On the hand-labelled
  ones (labels.json: the findings of severity warning or error a reviewer would raise, by rule and
  line), the review's precision and recall;
- the p50 and p95 time of reviewing a 60-line Dockerfile in-process, hadolint included (the whole
  answer: reading the message into parts, Docker's parser, hadolint, the own rules, the reply);
- command lines (bench/data/command_lines.json, from real questions): how often the mistake is
  named first in the reply, and how many correct lines get a false alarm.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shipshape import create_app  # noqa: E402
from shipshape.chat.answerer import answer_question  # noqa: E402
from shipshape.chat.pasted import MISTAKE_LEAD as MISTAKE_FIRST  # noqa: E402
from shipshape.chat.reading import read_question  # noqa: E402
from shipshape.paste.command_mistakes import find_mistakes  # noqa: E402
from shipshape.paste.dockerfile_review import review_dockerfile  # noqa: E402
from shipshape.paste.parts import COMMAND, DOCKERFILE, split_parts  # noqa: E402
from shipshape.paste.teaching import ERROR, WARNING  # noqa: E402
from shipshape.runtime import get_library  # noqa: E402

DATA = ROOT / "bench" / "data"
DOCKERFILES = DATA / "dockerfiles"
TIMED_RUNS = 40


def _app(folder: Path):
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}",
            "SHIPSHAPE_INDEX_DIR": str(folder / "index"),
            "RATELIMIT_ENABLED": False,
            "SECRET_KEY": "bench",
        }
    )


def _dockerfiles() -> list[tuple[str, str]]:
    sources = json.loads((DOCKERFILES / "sources.json").read_text(encoding="utf-8"))
    return [(s["file"], (DOCKERFILES / s["file"]).read_text(encoding="utf-8")) for s in sources]


def bench_api(client, files: list[tuple[str, str]]) -> None:
    statuses, reviews = [], 0
    for _, text in files:
        response = client.post("/api/ask", json={"question": text})
        statuses.append(response.status_code)
        reviews += response.status_code == 200 and response.get_json()["kind"] == "review"
    errors = sum(s >= 500 for s in statuses)
    print(f"dockerfiles via POST /api/ask: {len(files)} asked, {reviews} reviewed, {errors} 5xx")


def _raised(text: str, hadolint: str | None) -> set[tuple[str, int]]:
    (part,) = [p for p in split_parts(text) if p.kind == DOCKERFILE][:1]
    review = review_dockerfile(part.instructions, part.text, hadolint)
    return {(f.rule, f.line) for f in review.findings if f.severity in (ERROR, WARNING)}


def bench_labels(files: dict[str, str], hadolint: str | None) -> None:
    data = json.loads((DOCKERFILES / "labels.json").read_text(encoding="utf-8"))
    for name in ("labels", "held_out"):
        _precision_recall(name, data[name], files, hadolint)


def _precision_recall(
    group: str, labels: dict, files: dict[str, str], hadolint: str | None
) -> None:
    found = wanted = hits = 0
    for name, raised in labels.items():
        expected = {(r["rule"], r["line"]) for r in raised}
        got = _raised(files[name], hadolint)
        found, wanted, hits = found + len(got), wanted + len(expected), hits + len(got & expected)
    precision = hits / found if found else 1.0
    recall = hits / wanted if wanted else 1.0
    print(f"labelled dockerfiles ({group}): {len(labels)}, {wanted} findings labelled, "
          f"{found} raised, precision {precision:.2f}, recall {recall:.2f}")  # fmt: skip


def _cpu_seconds() -> float:
    """CPU time used so far by this process and its finished children (hadolint)."""
    mine, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def bench_timing(library, files: dict[str, str]) -> None:
    text = next(t for t in files.values() if 55 <= t.count("\n") <= 65)
    configured = library.hadolint
    library.hadolint = "off"
    _time_reviews(library, text, "hadolint off (the project's own part)")
    library.hadolint = configured
    _time_reviews(library, text, "hadolint included")


def _time_reviews(library, text: str, label: str) -> None:
    answer_question(text, library)  # the first run loads what every later one shares
    times, cpu = [], []
    for _ in range(TIMED_RUNS):
        start, used = time.perf_counter(), _cpu_seconds()
        answer_question(text, library)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((_cpu_seconds() - used) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    p50 = statistics.median(times)
    print(f"review of a {text.count(chr(10))}-line Dockerfile, {label}: "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms ({TIMED_RUNS} runs); CPU time, this process "
          f"and hadolint's, p50 {statistics.median(cpu):.1f} ms; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip


def _first_mistake(message: str, library) -> str | None:
    question = read_question(message)
    for part in question.parts_of(COMMAND):
        line = part.text[len(part.prompt) :].strip() if part.prompt else part.text
        mistakes = find_mistakes(line, library.catalog, part.prompt, question.text, part.quoted)
        if mistakes:
            return mistakes[0].rule
    return None


def bench_commands(library) -> None:
    data = json.loads((DATA / "command_lines.json").read_text(encoding="utf-8"))
    named = first = 0
    for case in data["mistaken"]:
        message = "\n".join(x for x in (case["line"], case["output"]) if x)
        reply = answer_question(message, library)
        first += reply.markdown.startswith(MISTAKE_FIRST)
        named += _first_mistake(message, library) == case["expected"]
        if _first_mistake(message, library) != case["expected"]:
            print(f"  not named: {case['line']!r} -> {_first_mistake(message, library)}")
    alarms = []
    for case in data["correct"]:
        reply = answer_question(case["line"], library)
        if reply.markdown.startswith(MISTAKE_FIRST):
            alarms.append(case["line"])
    total = len(data["mistaken"])
    print(f"mistaken command lines: {total}, a mistake named first in {first}, the expected one "
          f"in {named} ({named / total:.0%})")  # fmt: skip
    print(f"correct command lines: {len(data['correct'])}, false alarms {len(alarms)}")
    for line in alarms:
        print(f"  false alarm: {line}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = _app(Path(folder))
        files = _dockerfiles()
        with app.app_context():
            client = app.test_client()
            client.get("/livez")
            bench_api(client, files)
            library = get_library(app)
            bench_labels(dict(files), library.hadolint)
            bench_timing(library, dict(files))
            bench_commands(library)


if __name__ == "__main__":
    main()
