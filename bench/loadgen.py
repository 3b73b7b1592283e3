"""A closed-loop HTTP load generator: one thread and one keep-alive http.client connection per
simulated client, mixed learner traffic, every request recorded (start time, kind, status, ms)."""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
CONNECTION_ERROR = 0  # the status recorded when no HTTP answer came back


@dataclass(frozen=True)
class Record:
    at: float  # seconds since the run started, when the request was sent
    kind: str
    status: int
    ms: float
    detail: str = ""  # an ask's reply kind, or the exception's name when no answer came back

    @property
    def done(self) -> float:
        return self.at + self.ms / 1000


@dataclass
class Material:
    """What the clients ask for: taken from content/ and from the server's quiz list."""

    questions: list[str]
    words: list[str]
    slugs: list[str]
    quizzes: list[str] = field(default_factory=list)


def load_material() -> Material:
    from shipshape.knowledge.files import topic_files
    from shipshape.knowledge.topicfile import parse_topic

    docs = [parse_topic(p.read_text(), p.stem) for p in topic_files(ROOT / "content")]
    questions = [q for d in docs for q in d.questions]
    words = sorted({w.lower() for d in docs for w in d.title.split() if w.isalpha() and len(w) > 3})
    return Material(questions, words, [d.slug for d in docs])


@dataclass
class Submitted:
    """A submit the server answered 200 to: what the client was told."""

    attempt_id: str
    score: float


class Client:
    """One simulated learner on one connection, looping until the run's stop event."""

    def __init__(self, run: Run, seed: int):
        self.run = run
        self.rng = random.Random(seed)
        self.connection = http.client.HTTPConnection(run.host, run.port, timeout=30)
        self.records: list[Record] = []
        self.submitted: list[Submitted] = []
        self.failed_submits: list[str] = []

    def request(self, kind: str, method: str, path: str, body=None) -> tuple[int, dict | None]:
        payload = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if payload is not None else {}
        start, detail = time.perf_counter(), ""
        try:
            self.connection.request(method, path, body=payload, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            self.connection.close()  # reconnects on the next request
            status, data, detail = CONNECTION_ERROR, b"", type(exc).__name__
        ms = (time.perf_counter() - start) * 1000
        body = json.loads(data) if data[:1] in (b"{", b"[") else None
        if kind == "ask" and isinstance(body, dict) and "kind" in body:
            detail = body["kind"]
        self.records.append(Record(start - self.run.started, kind, status, ms, detail))
        return status, body

    def loop(self) -> None:
        while not self.run.stop.is_set():
            step = self.rng.choices(MIX, weights=WEIGHTS)[0]
            getattr(self, f"do_{step}")()
        self.connection.close()

    def do_ask(self) -> None:
        question = self.rng.choice(self.run.material.questions)
        self.request("ask", "POST", "/api/ask", {"question": question})

    def do_search(self) -> None:
        words = " ".join(self.rng.sample(self.run.material.words, 2))
        self.request("search", "GET", f"/api/search?q={quote(words)}")

    def do_topic(self) -> None:
        self.request("topic_page", "GET", f"/topics/{self.rng.choice(self.run.material.slugs)}")

    def do_livez(self) -> None:
        self.request("livez", "GET", "/livez")

    def do_quiz(self) -> None:
        """Start an attempt, save two answers, submit; a submit that got no answer is retried."""
        slug = self.rng.choice(self.run.material.quizzes)
        status, attempt = self.request("quiz_start", "POST", f"/api/quizzes/{slug}/attempts")
        if status != 201 or attempt is None:
            return
        attempt_id = attempt["attempt_id"]
        for question in self.rng.sample(attempt["questions"], 2):
            path = f"/api/attempts/{attempt_id}/answers/{question['id']}"
            self.request("quiz_save", "PUT", path, {"response": response_for(question)})
        self.submit(attempt_id)

    def submit(self, attempt_id: str, kind: str = "quiz_submit") -> None:
        status, result = self.request(kind, "POST", f"/api/attempts/{attempt_id}/submit", {})
        if status == 200 and result is not None:
            self.submitted.append(Submitted(attempt_id, result["score"]))
        elif kind == "quiz_submit":
            self.failed_submits.append(attempt_id)
            self.submit(attempt_id, "quiz_resubmit")  # what a learner's retry does


MIX = ["ask", "search", "topic", "quiz", "livez"]
WEIGHTS = [40, 15, 15, 10, 10]  # a quiz step is 4 requests: about 28% of requests


def response_for(question: dict) -> object:
    """A well-formed response of the question's type (right or wrong does not matter)."""
    kind = question["type"]
    if kind in ("single_choice", "multiple_choice"):
        first = question["options"][0]["id"]
        return first if kind == "single_choice" else [first]
    if kind == "true_false":
        return True
    if kind in ("short_answer", "command"):
        return "docker ps -a"
    if kind == "classify":
        return {i["id"]: question["categories"][0]["id"] for i in question["items"]}
    return [i["id"] for i in question["items"]]


class Run:
    """Many clients against one server until stop() is called."""

    def __init__(self, host: str, port: int, material: Material):
        self.host, self.port, self.material = host, port, material
        self.stop = threading.Event()
        self.started = time.perf_counter()
        self.clients: list[Client] = []
        self.threads: list[threading.Thread] = []

    def now(self) -> float:
        return time.perf_counter() - self.started

    def start(self, clients: int, seed: int = 7) -> None:
        """Start that many clients, each following MIX."""
        for n in range(clients):
            client = Client(self, seed + n)
            self.clients.append(client)
            self.threads.append(threading.Thread(target=client.loop, daemon=True))
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def records(self) -> list[Record]:
        return sorted((r for c in self.clients for r in c.records), key=lambda r: r.at)

    def submitted(self) -> list[Submitted]:
        return [s for c in self.clients for s in c.submitted]

    def failed_submits(self) -> list[str]:
        return [a for c in self.clients for a in c.failed_submits]
