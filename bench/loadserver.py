"""The server under load: `make serve`-like gunicorn on loopback, its workers, its database."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(database_url: str, index_dir: Path) -> dict:
    env = os.environ | {
        "DATABASE_URL": database_url,
        "SHIPSHAPE_INDEX_DIR": str(index_dir),
        "SECRET_KEY": "load-test",
        "RATELIMIT_ENABLED": "false",
    }
    return env


def prepare_database(env: dict) -> None:
    """Migrate, import content/ and quiz/ and build the index, as `make setup` does."""
    command = [sys.executable, "-m", "flask", "--app", "app", "import"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"flask import failed:\n{done.stderr[-2000:]}")


def get(url: str, timeout: float = 5.0) -> tuple[int, dict | None]:
    """(status, JSON body or None); status 0 when nothing answered."""
    return call(url, timeout=timeout)


def call(url: str, body: dict | None = None, timeout: float = 5.0) -> tuple[int, dict | None]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, (json.loads(raw) if raw[:1] == b"{" else None)
    except (OSError, ValueError):
        return 0, None


class Server:
    """gunicorn app:app with sync workers, as `make serve` runs it."""

    def __init__(self, env: dict, workers: int, log_path: Path):
        self.port, self.workers = free_port(), workers
        self.base = f"http://{HOST}:{self.port}"
        self.log = open(log_path, "w")  # noqa: SIM115 (closed in stop)
        command = [sys.executable, "-m", "gunicorn", "--workers", str(workers)]
        command += ["--bind", f"{HOST}:{self.port}", "app:app"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )

    def wait_ready(self, deadline: float = 90.0) -> float:
        """Seconds until /healthz says 200 and every worker is up."""
        start = time.monotonic()
        while time.monotonic() - start < deadline:
            if get(self.base + "/healthz")[0] == 200 and len(self.worker_pids()) == self.workers:
                return time.monotonic() - start
            time.sleep(0.2)
        raise RuntimeError(f"the server did not become healthy in {deadline} s")

    def worker_pids(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(p) for p in path.read_text().split()]
        except FileNotFoundError:
            return []

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def rss_mib(pid: int) -> float | None:
    """Resident memory of a process, from /proc/<pid>/status."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return None
    return None


def postgres_cluster(database_url: str) -> tuple[str, str] | None:
    """(version, name) of the local cluster serving the URL's port, from pg_lsclusters."""
    if not database_url.startswith(("postgresql", "postgres:")):
        return None
    port = str(urlsplit(database_url).port or 5432)
    try:
        listing = subprocess.run(
            ["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    for line in listing.splitlines():
        version, name, cluster_port, *_ = line.split()
        if cluster_port == port:
            return version, name
    return None


def pg_ctl(cluster: tuple[str, str], action: str) -> None:
    subprocess.run(["pg_ctlcluster", *cluster, action], check=True, capture_output=True)


def database_scores(database_url: str, attempt_ids: list[str]) -> dict[str, tuple]:
    """attempt id -> (submitted_at, score) as the database has them."""
    from sqlalchemy import bindparam, create_engine, text

    from shipshape.config import normalize_database_url

    engine = create_engine(normalize_database_url(database_url))
    query = text("SELECT id, submitted_at, score FROM attempts WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    found: dict[str, tuple] = {}
    try:
        with engine.connect() as connection:
            for start in range(0, len(attempt_ids), 500):
                chunk = attempt_ids[start : start + 500]
                for row in connection.execute(query, {"ids": chunk}):
                    found[row.id] = (row.submitted_at, row.score)
    finally:
        engine.dispose()
    return found
