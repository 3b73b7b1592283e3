"""Fault test under load: prints figures, asserts nothing. The second half of `make load`.

Starts gunicorn as `make serve` does (sync workers, rate limits off, a temporary index; SQLite in
a temporary folder, or DATABASE_URL / --database-url), drives it with --connections closed-loop
clients for --seconds of mixed learner traffic, then injects faults under the same load:
(a) kill -9 one worker, (b) delete the index folder, (c) stop PostgreSQL (only when the database
is a local PostgreSQL cluster this user may stop), checks that no submit answered 200 was lost,
and reports RSS per worker at the end.

The clients are Python threads on the server's machine: they saturate before the server does
(under them even /livez waits ~100 ms), so the request rates printed here are the generator's,
not the server's. The server's throughput is bench/throughput.py's (wrk), the first half of
`make load`.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loadfaults import delete_the_index, kill_a_worker, stop_the_database
from loadgen import CONNECTION_ERROR, Record, Run, load_material
from loadserver import (
    HOST,
    Server,
    database_scores,
    get,
    postgres_cluster,
    prepare_database,
    rss_mib,
    server_env,
)

OK = {200, 201}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else float("nan")


def window(records: list[Record], start: float, end: float) -> list[Record]:
    """The requests that finished within [start, end)."""
    return [r for r in records if start <= r.done < end]


def errors_by_status(records: list[Record]) -> str:
    counts: dict[str, int] = {}
    for r in records:
        if r.status not in OK:
            key = f"{r.kind} " + (r.detail if r.status == CONNECTION_ERROR else str(r.status))
            counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "none"


def report_steady(run: Run, records: list[Record], seconds: float) -> None:
    print(f"\n== steady load: {seconds:.0f} s, {len(run.clients)} Python clients")
    print(f"errors by status: {errors_by_status(records)}")
    print(f"ask replies by kind: {ask_kinds(records)}")
    print("completed by the clients (the generator's rate, not the server's; see throughput.py):")
    for kind in sorted({r.kind for r in records}):
        ms = [r.ms for r in records if r.kind == kind]
        print(
            f"  {kind:14} {len(ms):6} requests {len(ms) / seconds:7.1f}/s"
            f"  p50 {percentile(ms, 0.5):7.1f} ms  p99 {percentile(ms, 0.99):7.1f} ms"
        )


def report_fault(name: str, figures: dict, records: list[Record], end: float) -> None:
    affected = window(records, figures["at"], end)
    print(f"\n== fault: {name} at t={figures['at']:.1f} s")
    for key, value in figures.items():
        if key != "at":
            print(f"  {key}: {value}")
    server_errors = sum(1 for r in affected if r.status >= 500)
    dropped = sum(1 for r in affected if r.status == CONNECTION_ERROR)
    print(
        f"  requests done in the {end - figures['at']:.1f} s after: {len(affected)}; 5xx: "
        f"{server_errors}; connection errors: {dropped}; by status: {errors_by_status(affected)}"
    )
    in_flight = [r for r in records if r.at < figures["at"] <= r.done]
    failed = [r for r in in_flight if r.status not in OK]
    print(f"  in flight at that moment: {len(in_flight)}, of which failed: {len(failed)}")
    print(f"  ask replies by kind: {ask_kinds(affected)}")


def ask_kinds(records: list[Record]) -> str:
    counts: dict[str, int] = {}
    for r in records:
        if r.kind == "ask" and r.status == 200:
            counts[r.detail] = counts.get(r.detail, 0) + 1
    return ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "none"


def check_submits(run: Run, database_url: str) -> None:
    """Every submit the server answered 200 is in the database once, with the score it gave."""
    told: dict[str, set[float]] = {}
    for s in run.submitted():
        told.setdefault(s.attempt_id, set()).add(s.score)
    stored = database_scores(database_url, list(told))
    lost = [a for a in told if stored.get(a, (None,))[0] is None]
    differing = [a for a, scores in told.items() if len(scores) > 1]
    mismatched = [a for a, s in told.items() if a in stored and stored[a][1] not in s]
    print(
        f"\n== submits: {len(run.submitted())} answered 200 for {len(told)} attempts; "
        f"failed then retried: {len(run.failed_submits())}; lost (200 but not in the database): "
        f"{len(lost)}; two different results for one attempt: {len(differing)}; database score "
        f"differs from the client's: {len(mismatched)}"
    )


def report_memory(server: Server) -> None:
    master = rss_mib(server.process.pid) or 0
    workers = {pid: rss_mib(pid) for pid in server.worker_pids()}
    listed = ", ".join(f"{pid}: {mib:.0f} MiB" for pid, mib in workers.items() if mib)
    print(f"\n== memory (VmRSS): master {master:.0f} MiB; workers {listed}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"load average (1, 5, 15 min) at the end: {load} (2 cores, shared with the generator)")
    print(f"the load generator's own CPU: {usage.ru_utime + usage.ru_stime:.0f} s")


def run_faults(args, server: Server, run: Run, index_dir: Path, url: str) -> list[tuple]:
    done = []
    figures = kill_a_worker(server, run, args.fault_seconds)
    done.append(("kill -9 one worker", figures, run.now()))
    figures = delete_the_index(server, run, index_dir, args.fault_seconds)
    done.append(("delete the index folder", figures, run.now()))
    cluster = None if args.keep_database_up else postgres_cluster(url)
    if cluster is None:
        print("\n(fault c skipped: not a local PostgreSQL cluster, or --keep-database-up)")
    else:
        figures = stop_the_database(server, run, cluster, args.down_seconds, args.fault_seconds)
        done.append((f"stop PostgreSQL {' '.join(cluster)}", figures, run.now()))
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 4)))
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--fault-seconds", type=float, default=10.0)
    parser.add_argument("--down-seconds", type=float, default=5.0)
    parser.add_argument("--no-faults", action="store_true")
    parser.add_argument(
        "--keep-database-up", action="store_true", help="skip fault (c): others use the cluster"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shipshape-load-") as tmp:
        folder = Path(tmp)
        url = args.database_url or f"sqlite:///{folder / 'load.db'}"
        index_dir = folder / "index"
        env = server_env(url, index_dir)
        started = time.monotonic()
        prepare_database(env)
        server = Server(env, args.workers, folder / "gunicorn.log")
        try:
            drive(args, server, url, index_dir, time.monotonic() - started)
        finally:
            server.stop()


def drive(args, server: Server, url: str, index_dir: Path, setup_s: float) -> None:
    ready = server.wait_ready()
    shown = url.split("@")[-1] if "@" in url else url
    print(f"database {shown}; {args.workers} gunicorn sync workers on {server.base}")
    print(f"set-up (migrate, import, index) {setup_s:.1f} s; workers ready {ready:.1f} s later")
    material = load_material()
    material.quizzes = [q["slug"] for q in get(server.base + "/api/quizzes")[1]["quizzes"]]
    run = Run(HOST, server.port, material)
    run.start(args.connections)
    time.sleep(args.seconds)
    steady_end = run.now()
    faults = [] if args.no_faults else run_faults(args, server, run, index_dir, url)
    run.finish()
    records = run.records()
    report_steady(run, window(records, 0, steady_end), steady_end)
    for name, figures, end in faults:
        report_fault(name, figures, records, end)
    check_submits(run, url)
    report_memory(server)
    report_server_log(server)


def report_server_log(server: Server) -> None:
    """Problems gunicorn and the app logged: errors, and the exception ending each traceback."""
    server.log.flush()
    lines = Path(server.log.name).read_text(errors="replace").splitlines()
    flagged = [line for line in lines if "ERROR" in line or "CRITICAL" in line]
    print(f"\n== server log: {len(lines)} lines, {len(flagged)} errors")
    for line in flagged[:8]:
        print(f"  {line[:200]}")
    ends = [b for a, b in itertools.pairwise(lines) if a.startswith("  ") and b[:1] != " "]
    for line in sorted({e for e in ends if "Error" in e or "Exception" in e})[:8]:
        print(f"  raised: {line[:200]}")


if __name__ == "__main__":
    main()
