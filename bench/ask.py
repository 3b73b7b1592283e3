"""Chat benchmark: prints figures, asserts nothing.

- in-process GET /livez latency, p50: the framework's floor, which moves with the machine's
  speed as much as anything else here, so the asks are also given as multiples of it;
- in-process POST /api/ask latency, p50 and p95, over the public questions (or built-in ones),
  after the warm-up a gunicorn worker does before its first request (runtime.warm_up): cold, the
  first time each question is asked, in three fresh processes pooled, each ask after a GET /livez
  timed alike (the machine's speed moves by half within a minute, and the floor moves with it);
  cold again (the answer cache emptied before every request, so each is worked out, but what is
  remembered per word, such as typo candidates, stays); and warm (every question answered once
  before, so each comes from the cache);
- the SQL statements one ask sends, in a new conversation and in a going one;
- time from create_app() to the first answer with an existing index, in a fresh process;
- full index build time and size for the bundled content and for 10,000 generated sections;
- in-process answer latency (no HTTP, no answer cache), p50 and p95, over the bundled content
  with 10,000 generated sections added.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import event

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import percentile, questions, timed_livez, timed_questions  # noqa: E402

from shipshape import create_app  # noqa: E402
from shipshape.chat.answerer import answer_question  # noqa: E402
from shipshape.knowledge.catalog import Catalog, parse_cached  # noqa: E402
from shipshape.knowledge.files import topic_files  # noqa: E402
from shipshape.knowledge.index import TopicIndex  # noqa: E402
from shipshape.knowledge.search import QUERY_FIELDS  # noqa: E402
from shipshape.knowledge.topicfile import parse_topic  # noqa: E402
from shipshape.knowledge.vocabulary import load_vocabulary  # noqa: E402
from shipshape.runtime import get_answer_cache, warm_up  # noqa: E402

WARM_UP_SECONDS = 5.0  # SHIPSHAPE_WARM_UP_SECONDS's default
FRESH_PROCESSES = 3
FIRST_ASKS = "--first-asks"  # run as a fresh process of bench_first_asks


def bench_config(folder: Path) -> dict:
    return {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}",
        "SHIPSHAPE_INDEX_DIR": str(folder / "index"),
        "RATELIMIT_ENABLED": False,
        "SECRET_KEY": "bench",
    }


def bench_app(folder: Path):
    return create_app(bench_config(folder))


def bench_first_asks(processes: int = FRESH_PROCESSES) -> None:
    """Each question asked for the first time, in `processes` fresh processes one after another:
    a fresh worker's figure, pooled so that no one moment's machine speed decides it. Each ask
    follows a GET /livez timed the same way, so the floor is measured in the same moments."""
    livez, asks = [], []
    for run in range(1, processes + 1):
        command = [sys.executable, __file__, FIRST_ASKS]
        output = subprocess.check_output(command, text=True, stderr=subprocess.DEVNULL)
        pairs = json.loads(output.splitlines()[-1])
        livez += [floor for floor, _ in pairs]
        asks += [ask for _, ask in pairs]
        print(f"  fresh process {run}: /livez p50 {statistics.median(f for f, _ in pairs):.2f} ms, "
              f"/api/ask p50 {statistics.median(a for _, a in pairs):.1f} ms")  # fmt: skip
    report(f"/api/ask, single questions, cold, each asked for the first time "
           f"({processes} fresh processes)", asks)  # fmt: skip
    print(f"  = {statistics.median(asks) / statistics.median(livez):.1f} x the p50 of the /livez "
          "requests between them")  # fmt: skip


def first_asks() -> None:
    """In a fresh process after the warm-up: (/livez ms, /api/ask ms) for each question asked
    once, as JSON on the last line of output."""
    with tempfile.TemporaryDirectory() as tmp:
        app = bench_app(Path(tmp))
        client = app.test_client()
        warm_up(app)  # as gunicorn.conf.py does in every worker
        pairs = []
        for question in questions():
            start = time.perf_counter()
            client.get("/livez")
            between = time.perf_counter()
            client.post("/api/ask", json={"question": question})
            end = time.perf_counter()
            pairs.append(((between - start) * 1000, (end - between) * 1000))
        print(json.dumps(pairs))


def bench_ask(folder: Path, rounds: int = 5) -> None:
    app = bench_app(folder)
    client = app.test_client()
    warm_up(app)  # as gunicorn.conf.py does in every worker
    cache = get_answer_cache(app)
    asked = questions()
    floor = statistics.median(timed_livez(client))
    print(f"GET /livez, the framework's floor through the same client: p50 {floor:.2f} ms")
    timed_questions(client, asked, 1, cache)  # the first time: see bench_first_asks
    again = timed_questions(client, asked, rounds - 1, cache)
    report("/api/ask, single questions, cold, asked again (only the answer cache emptied)", again)
    print(f"  = {statistics.median(again) / floor:.1f} x the /livez p50 of this process")
    report("/api/ask, follow-ups, cold", timed_follow_ups(client, rounds, cache))
    report("/api/ask, command explanations, cold", timed_questions(client, COMMANDS, rounds, cache))
    timed_questions(client, asked, 1)  # every question answered once: in the cache now
    report("/api/ask, single questions, warm (cached)", timed_questions(client, asked, rounds))
    report_statements(app, client)


def report_statements(app, client) -> None:
    """The statements of one ask, as SQLite traces them (the turn's INSERT goes past
    SQLAlchemy's events, straight through the DB-API); BEGIN and COMMIT are not counted."""
    sent: list[str] = []

    def keep(sql: str) -> None:
        if sql.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA"):
            sent.append(sql)

    with app.app_context():
        engine = app.extensions["sqlalchemy"].engine
    event.listen(engine, "checkout", lambda dbapi, *_: dbapi.set_trace_callback(keep))
    event.listen(engine, "checkin", lambda dbapi, _record: dbapi.set_trace_callback(None))
    first = client.post("/api/ask", json={"question": "what is an image"}).get_json()
    new = len(sent), sum(1 for x in sent if not x.lstrip().upper().startswith("SELECT"))
    sent.clear()
    body = {"question": "and a container?", "conversation_id": first["conversation_id"]}
    client.post("/api/ask", json=body)
    going = len(sent), sum(1 for x in sent if not x.lstrip().upper().startswith("SELECT"))
    print(
        f"SQL statements per ask: new conversation {new[0]} ({new[1]} writes), "
        f"going conversation {going[0]} ({going[1]} writes)"
    )


COMMANDS = [
    "docker run -it --rm -p 8080:80 -v data:/data nginx:1.25 sh",
    "docker ps -aq --filter status=exited",
    "what does docker image prune -a -f do",
    "docker build -t myapp:1.0 -f Dockerfile.prod --no-cache .",
    "docker exec -it -u root web bash",
]
FOLLOW_UPS = [
    ("how do I list containers", "and for images?"),
    ("what is a container", "how do I remove them?"),
    ("how do I see the logs of a container", "can I follow them live?"),
    ("how do I stop a container", "why?"),
]


def report(label: str, timings: list[float]) -> None:
    print(
        f"{label}: {len(timings)} requests, p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms"
    )


def timed_follow_ups(client, rounds: int, cold) -> list[float]:
    """Time the second question of each pair, asked in the first one's conversation."""
    timings = []
    for _ in range(rounds):
        for first, second in FOLLOW_UPS:
            conversation = client.post("/api/ask", json={"question": first}).get_json()
            cold.clear()
            body = {"question": second, "conversation_id": conversation["conversation_id"]}
            start = time.perf_counter()
            client.post("/api/ask", json=body)
            timings.append((time.perf_counter() - start) * 1000)
    return timings


STARTUP = """
import sys, time
start = time.perf_counter()
sys.path.insert(0, {root!r})
from shipshape import create_app
app = create_app({config!r})
reply = app.test_client().post("/api/ask", json={{"question": "what is a container"}})
assert reply.status_code == 200
print((time.perf_counter() - start) * 1000)
"""


def bench_startup(folder: Path) -> None:
    code = STARTUP.format(root=str(ROOT), config=bench_config(folder))
    runs = [
        float(
            subprocess.check_output(
                [sys.executable, "-c", code], text=True, stderr=subprocess.DEVNULL
            ).split()[-1]
        )
        for _ in range(3)
    ]
    print(
        f"create_app() to first answer, existing index: median {statistics.median(runs):.0f} ms"
        " (imports included)"
    )


def bundled_docs():
    return [parse_topic(p.read_text(), p.stem) for p in topic_files(ROOT / "content")]


def generated_docs(sections: int, per_topic: int = 10):
    words = [w for w in " ".join(d.text for d in bundled_docs()).split() if w.isalnum()]
    rng = random.Random(7)
    for t in range(sections // per_topic):
        body = [f"Generated summary {t} " + " ".join(rng.choices(words, k=40))]
        for s in range(per_topic - 1):
            body.append(
                f"## Heading {t} {s} {rng.choice(words)}\n" + " ".join(rng.choices(words, k=90))
            )
        text = f"---\ntitle: Generated topic {t}\ntags: [gen]\n---\n" + "\n\n".join(body)
        yield parse_cached(text, f"gen-{t}")


def bench_build(label: str, docs) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        index = TopicIndex(tmp)
        start = time.perf_counter()
        index.rebuild(docs, version=1)
        seconds = time.perf_counter() - start
        size = index.size_on_disk() / 1_048_576
        print(
            f"index build, {label}: {index.doc_count()} sections in {seconds:.2f} s, "
            f"{size:.1f} MiB on disk, {index.segment_count()} segment(s)"
        )
        index.close()


def bench_large_ask(generated: list, rounds: int = 3) -> None:
    """Answer the questions over the bundled content plus generated sections, in-process."""
    docs = bundled_docs() + generated
    with tempfile.TemporaryDirectory() as tmp:
        index = TopicIndex(tmp, time_limit=10.0)
        index.rebuild(docs, version=1)
        library = SimpleNamespace(
            index=index, catalog=Catalog.build(docs), vocabulary=load_vocabulary(ROOT / "content")
        )
        primed = index.prime(QUERY_FIELDS, WARM_UP_SECONDS)  # as a gunicorn worker does
        print(f"warm-up at {index.doc_count()} sections: {primed} terms scored in at most "
              f"{WARM_UP_SECONDS:.0f} s")  # fmt: skip
        asked = questions()
        answer_question(asked[0], library)  # the phrasebook and the model, as warm_up does
        timings = []
        for _ in range(rounds):
            for question in asked:
                start = time.perf_counter()
                answer_question(question, library)
                timings.append((time.perf_counter() - start) * 1000)
        report(f"answer in-process, {index.doc_count()} sections (bundled + generated)", timings)
        index.close()


def main() -> None:
    if FIRST_ASKS in sys.argv[1:]:
        first_asks()
        return
    bench_first_asks()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_ask(folder)
        bench_startup(folder)
    bench_build("bundled content", bundled_docs())
    generated = list(generated_docs(10_000))
    bench_build("10,000 generated sections", generated)
    bench_large_ask(generated)


if __name__ == "__main__":
    main()
