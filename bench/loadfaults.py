"""Faults injected while the load runs: a killed worker, a deleted index, a stopped database.
Each returns plain figures; the load keeps running throughout."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from loadgen import Run
from loadserver import Server, call, get, pg_ctl

PROBE_QUESTION = {"question": "How do I list all containers, including stopped ones?"}


@dataclass
class Probe:
    """Asks one answerable question (and reads /healthz) every interval, on its own."""

    base: str
    interval: float = 0.05
    with_health: bool = True
    ask: list[tuple[float, int, str]] = field(default_factory=list)  # (t, status, kind or code)
    health: list[tuple[float, int, str]] = field(default_factory=list)

    def __post_init__(self):
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while not self.stop.is_set():
            now = time.monotonic()
            status, body = call(self.base + "/api/ask", PROBE_QUESTION)
            self.ask.append((now, status, _what(body)))
            if self.with_health:
                status, body = get(self.base + "/healthz")
                self.health.append((time.monotonic(), status, _what(body)))
            time.sleep(self.interval)

    def finish(self) -> None:
        self.stop.set()
        self.thread.join(timeout=30)


def _what(body: dict | None) -> str:
    if not isinstance(body, dict):
        return "-"
    if "error" in body:
        return body["error"].get("code", "?")
    return str(body.get("kind") or body.get("status") or "?")


def _answered(sample: tuple[float, int, str]) -> bool:
    return sample[1] == 200 and sample[2] in ("answer", "ok")


def resumed_after(samples: list[tuple[float, int, str]], since: float) -> float | None:
    """Seconds from `since` to the first good sample after the last bad one; 0 if none failed."""
    after = [s for s in samples if s[0] >= since]
    bad = [i for i, s in enumerate(after) if not _answered(s)]
    if not bad:
        return 0.0
    good = [s for s in after[bad[-1] + 1 :] if _answered(s)]
    return good[0][0] - since if good else None


def kill_a_worker(server: Server, run: Run, settle: float) -> dict:
    """kill -9 one gunicorn worker under load; the master forks a new one."""
    victim = server.worker_pids()[0]
    killed_at = run.now()
    os.kill(victim, signal.SIGKILL)
    start = time.monotonic()
    respawned = None
    while time.monotonic() - start < settle:
        pids = server.worker_pids()
        if respawned is None and len(pids) == server.workers and victim not in pids:
            respawned = time.monotonic() - start
        time.sleep(0.05)
    return {"victim": victim, "at": killed_at, "respawned_s": respawned}


def delete_the_index(server: Server, run: Run, index_dir: Path, settle: float) -> dict:
    """rm -rf the index folder under load; the workers must rebuild it from the database."""
    probe = Probe(server.base, with_health=False)
    time.sleep(0.5)
    deleted_at, deleted_run_t = time.monotonic(), run.now()
    shutil.rmtree(index_dir, ignore_errors=True)
    rebuilt = None
    while time.monotonic() - deleted_at < settle:
        if rebuilt is None and (index_dir / "CURRENT").is_file():
            rebuilt = time.monotonic() - deleted_at
        time.sleep(0.02)
    probe.finish()
    after = [s for s in probe.ask if s[0] >= deleted_at]
    return {
        "at": deleted_run_t,
        "rebuilt_on_disk_s": rebuilt,
        "probe_asks": len(after),
        "probe_failures": sum(not _answered(s) for s in after),
        "answers_resumed_s": resumed_after(probe.ask, deleted_at),
    }


def stop_the_database(
    server: Server, run: Run, cluster: tuple[str, str], down: float, settle: float
) -> dict:
    """Stop PostgreSQL for `down` seconds under load, then start it again."""
    probe = Probe(server.base, interval=0.2)
    time.sleep(0.5)
    stopped_run_t = run.now()
    pg_ctl(cluster, "stop")
    stopped_at = time.monotonic()
    time.sleep(down)
    starting_at = time.monotonic()
    pg_ctl(cluster, "start")
    started_in = time.monotonic() - starting_at
    time.sleep(settle)
    probe.finish()
    return {
        "at": stopped_run_t,
        "stopped_for_s": starting_at - stopped_at,
        "while_down": _tally(probe, stopped_at, starting_at),
        "pg_ctlcluster_start_took_s": started_in,
        "ask_resumed_s (from start)": resumed_after(probe.ask, starting_at),
        "healthz_resumed_s (from start)": resumed_after(probe.health, starting_at),
    }


def _tally(probe: Probe, start: float, end: float) -> dict:
    """'status code' -> count for the probe's asks and health checks within [start, end)."""
    counts: dict[str, int] = {}
    for name, samples in (("ask", probe.ask), ("healthz", probe.health)):
        for t, status, what in samples:
            if start <= t < end:
                key = f"{name} {status} {what}"
                counts[key] = counts.get(key, 0) + 1
    return counts
