"""Two versions of the chat timed in the same minutes: prints figures, asserts nothing.

This machine's speed moves by half and more from one minute to the next (a shared virtual
machine), so a p50 measured today cannot be set beside one measured on another day. The same
questions asked of two versions, their processes taking turns, can: the ratio between them holds
while the machine's speed moves both. `python bench/revisions.py REV` times the working tree
against the revision REV (any git name), each in fresh processes, alternately:

- cold, first asks: each public question asked once, after the start-up a worker of that
  version does (the warm-up where it has one; else the set-up and one ask, as its bench did);
- cold, asked again: each question four more times, the answer cache (where there is one)
  emptied before every ask;
- GET /livez: the framework's floor, which should come out about the same for both.

REV is exported with `git archive` into a temporary folder and installed into a virtualenv of
its own (pip install -e, its own dependencies from the package index), so it runs as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import percentile, questions, timed_livez, timed_questions

ROOT = Path(__file__).resolve().parent.parent
AGAIN = 4  # rounds of asking every question again
MEASURE = "--measure"  # run as a child: time the version whose package is on sys.path


# -- the child: one fresh process of one version --------------------------------------------
def measure() -> None:
    """Time one version (the `shipshape` first on sys.path); JSON on the last line."""
    from shipshape import create_app, runtime

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(tmp) / 'bench.db'}",
                "SHIPSHAPE_INDEX_DIR": str(Path(tmp) / "index"),
                "RATELIMIT_ENABLED": False,
                "SECRET_KEY": "bench",
            }
        )
        client = app.test_client()
        asked = questions()
        start_up(app, client, runtime, asked[0])
        cache = runtime.get_answer_cache(app) if hasattr(runtime, "get_answer_cache") else None
        first = timed_questions(client, asked, 1)
        again = timed_questions(client, asked, AGAIN, cache)
        livez = timed_livez(client)
        print(json.dumps({"first": first, "again": again, "livez": livez}))


def start_up(app, client, runtime, question: str) -> None:
    """What a worker of this version does before its first request; for a version without a
    warm-up, its set-up and one ask, as its own bench/ask.py did."""
    if hasattr(runtime, "warm_up"):
        runtime.warm_up(app)
        return
    with app.app_context():
        runtime.ensure_ready(app)
    client.post("/api/ask", json={"question": question})


# -- the parent ---------------------------------------------------------------------------
def export(revision: str, folder: Path) -> Path:
    """The revision's files in `folder`, installed into a virtualenv of their own; its python."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision],
        check=True,
        capture_output=True,
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    venv = folder / ".venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", str(folder)], check=True)
    return python


def run_once(python: Path, folder: Path) -> dict[str, list[float]]:
    env = dict(os.environ, PYTHONPATH=str(folder))
    done = subprocess.run(
        [str(python), str(Path(__file__).resolve()), MEASURE],
        cwd=folder,
        env=env,
        text=True,
        capture_output=True,
    )
    if done.returncode != 0:  # a version this script cannot drive: say why, in its own words
        sys.exit(f"timing {folder} failed:\n" + "\n".join(done.stderr.splitlines()[-15:]))
    return json.loads(done.stdout.splitlines()[-1])


def compare(revision: str, pairs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"exporting and installing {revision} ...", flush=True)
        versions = {
            revision: (export(revision, Path(tmp)), Path(tmp)),
            "working tree": (Path(sys.executable), ROOT),
        }
        gathered: dict[str, dict[str, list[float]]] = {name: {} for name in versions}
        for pair in range(pairs):
            order = list(versions) if pair % 2 == 0 else list(reversed(versions))
            for name in order:
                figures = run_once(*versions[name])
                for key, values in figures.items():
                    gathered[name].setdefault(key, []).extend(values)
                first, livez = (statistics.median(figures[k]) for k in ("first", "livez"))
                print(f"  {name}: first asks p50 {first:.1f} ms, /livez p50 {livez:.2f} ms")
    report(revision, gathered)


def figure(values: list[float], share: float) -> float:
    """The p50 as a median, as bench/ask.py gives it; any other share by rank."""
    return statistics.median(values) if share == 0.5 else percentile(values, share)


def report(revision: str, gathered: dict[str, dict[str, list[float]]]) -> None:
    old, new = gathered[revision], gathered["working tree"]
    rows = [
        ("/api/ask, cold, first asks, p50", "first", 0.5),
        ("/api/ask, cold, first asks, p95", "first", 0.95),
        ("/api/ask, cold, asked again, p50", "again", 0.5),
        ("/api/ask, cold, asked again, p95", "again", 0.95),
        ("GET /livez, p50", "livez", 0.5),
    ]
    print(f"{'':36} {revision:>14} {'working tree':>14} {'ratio':>7}")
    for label, key, share in rows:
        a, b = (
            statistics.median(v) if share == 0.5 else percentile(v, share)
            for v in (old[key], new[key])
        )
        print(f"{label:36} {a:11.2f} ms {b:11.2f} ms {a / b:6.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", help="the git revision to time against")
    parser.add_argument("--pairs", type=int, default=3, help="fresh processes of each version")
    parser.add_argument(MEASURE, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure()
    elif args.revision:
        compare(args.revision, args.pairs)
    else:
        parser.error("name a revision to compare with, e.g. HEAD~5")


if __name__ == "__main__":
    main()
