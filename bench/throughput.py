"""Throughput under wrk: prints figures, asserts nothing. The first half of `make load`.

For each worker count (default 2 and 4) it starts gunicorn as `make serve` does (sync workers,
rate limits off, a temporary instance folder, index and SQLite database, or DATABASE_URL) and
points wrk (Debian's package: C, event loop; not the bottleneck, unlike a Python client) at it,
one run after another against the same server:

- livez: GET /livez, the framework's floor;
- ask:   POST /api/ask cycling real learners' questions: those of ../shared/eval (about 130)
         when that folder exists, else the alternate phrasings of the bundled topics
         (content/*.md `questions:`); each worker works a question out once, then answers it
         from its cache;
- cold:  the same cycle with a number no earlier request carried put into each question, so
         every ask is one this server has not answered before (no cache can help);
- hot:   the cycle's first --hot questions, after a --warm-up run of them: what an ask costs
         when every worker has its answer cached (the cycle tends to this the longer a server
         runs and the more often questions repeat; in one short run it mostly does not);
- livez again: the floor once more, after the asks.

Each line: requests/s, p50 and p99 latency, errors (non-2xx answers and socket errors), then
ask/s ÷ livez/s, livez/s being the mean of the two livez lines (the machine's speed drifts over
a run). The generator runs on the same machine as the server.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loadgen import load_material
from loadserver import Server, prepare_database, server_env

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "wrk" / "ask.lua"
EVAL = ROOT.parent / "shared" / "eval"


def cycle_questions() -> list[str]:
    """The eval's questions when that folder exists, else the bundled topics' phrasings."""
    asked = []
    for path in sorted(EVAL.glob("*.json")) if EVAL.is_dir() else []:
        asked += [item["question"] for item in json.loads(path.read_text()) if "question" in item]
    asked = asked or list(load_material().questions)
    return list(dict.fromkeys(q.strip() for q in asked if q.strip()))


def write_bodies(path: Path, questions: list[str]) -> Path:
    """One JSON body a line, as the Lua script reads them (json.dumps escapes every newline)."""
    path.write_text("".join(json.dumps({"question": q}) + "\n" for q in questions))
    return path


def wrk(url: str, args, bodies: Path | None = None, cold: bool = False, seconds=None) -> dict:
    """Run wrk once; its figures from the script's WRK-RESULT line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHIPSHAPE_WRK_")}
    if bodies is not None:
        env |= {"SHIPSHAPE_WRK_BODIES": str(bodies), "SHIPSHAPE_WRK_COLD": "1" if cold else "0"}
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds or args.seconds}s"]
    command += ["--timeout", "10s", "-s", str(LUA), url]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("WRK-RESULT "))
    figures = json.loads(line.removeprefix("WRK-RESULT "))
    figures["rate"] = figures["requests"] / figures["seconds"]
    figures["errors"] = figures["not_2xx"] + figures["socket_errors"]
    return figures


def show(label: str, f: dict) -> None:
    print(
        f"  {label:13} {f['rate']:8.1f} req/s   p50 {f['p50_ms']:7.2f} ms   "
        f"p99 {f['p99_ms']:7.2f} ms   errors {f['errors']} ({f['requests']} requests)"
    )


def measure(args, env: dict, folder: Path, workers: int, bodies: dict[str, Path]) -> None:
    server = Server(env, workers, folder / f"gunicorn-{workers}.log")
    ask_url = server.base + "/api/ask"
    try:
        server.wait_ready()
        print(
            f"\n== {workers} gunicorn sync workers; wrk {args.threads} threads, "
            f"{args.connections} connections, {args.seconds} s a line"
        )
        before = wrk(server.base + "/livez", args)
        show("livez", before)
        rates = {}
        for label, kind, cold in (("cycle", "cycle", False), ("cold", "cycle", True)):
            figures = wrk(ask_url, args, bodies[kind], cold=cold)
            show(f"ask ({label})", figures)
            rates[label] = figures["rate"]
        wrk(ask_url, args, bodies["hot"], seconds=args.warm_up)
        figures = wrk(ask_url, args, bodies["hot"])
        show(f"ask (hot {args.hot})", figures)
        rates[f"hot {args.hot}"] = figures["rate"]
        after = wrk(server.base + "/livez", args)
        show("livez again", after)
        # The machine's speed drifts over a run (2 shared cores): the asks are compared with
        # the mean of the floor measured before and after them, not with one end alone.
        floor = (before["rate"] + after["rate"]) / 2
        ratios = ", ".join(f"{rate / floor:.3f} ({label})" for label, rate in rates.items())
        print(f"  ask/s ÷ livez/s (mean of both livez lines, {floor:.0f}/s): {ratios}")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--hot", type=int, default=20, help="questions in the hot set")
    parser.add_argument("--warm-up", type=int, default=5, help="seconds of hot asks untimed")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `make load` installs it (apt-get install wrk)")
    with tempfile.TemporaryDirectory(prefix="shipshape-wrk-") as tmp:
        folder = Path(tmp)
        url = args.database_url or f"sqlite:///{folder / 'load.db'}"
        env = server_env(url, folder / "index") | {"SHIPSHAPE_INSTANCE_DIR": str(folder)}
        started = time.monotonic()
        prepare_database(env)
        questions = cycle_questions()
        bodies = {
            "cycle": write_bodies(folder / "cycle.txt", questions),
            "hot": write_bodies(folder / "hot.txt", questions[: args.hot]),
        }
        shown = url.split("@")[-1] if "@" in url else url
        print(f"database {shown}; set-up {time.monotonic() - started:.1f} s")
        print(f"question cycle: {len(questions)} questions; load average before: {load()}")
        for workers in args.workers:
            measure(args, env, folder, workers, bodies)
        print(f"\nload average after: {load()} (2 cores, shared by server and wrk)")


def load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
