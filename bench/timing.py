"""Timing helpers the chat benchmarks share; no import of the app, so that bench/revisions.py can
use them with another version's `shipshape` on the path."""

from __future__ import annotations

import json
import time
from pathlib import Path

PUBLIC = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev_questions.json"
FALLBACK = [
    "what is an image",
    "how do I list containers",
    "docker run -it --rm ubuntu bash",
    "difference between stop and kill",
    "how to remove all stopped containers",
]


def questions() -> list[str]:
    """The public questions, or a few built-in ones where the eval folder is missing."""
    if PUBLIC.exists():
        return [item["question"] for item in json.loads(PUBLIC.read_text())]
    return FALLBACK


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def timed_questions(client, asked: list[str], rounds: int, cold=None) -> list[float]:
    """Each question `rounds` times; with `cold` (the answer cache) emptied before each ask."""
    timings = []
    for _ in range(rounds):
        for question in asked:
            if cold is not None:
                cold.clear()
            start = time.perf_counter()
            client.post("/api/ask", json={"question": question})
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def timed_livez(client, times: int = 300) -> list[float]:
    timings = []
    for _ in range(times):
        start = time.perf_counter()
        client.get("/livez")
        timings.append((time.perf_counter() - start) * 1000)
    return timings
