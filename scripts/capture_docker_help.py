"""Capture `docker <command> --help` for every docker command into tests/data/docker_help/.

The CLI test (tests/knowledge/test_docker_cli_truth.py) reads these files as the truth about
which commands and flags exist. Run `make docker-help` after installing another docker CLI; the
VERSION file records which CLI wrote them. No daemon is needed: --help never contacts one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "docker_help"
# The help text names the config folder in defaults ("/root/.docker"): a fixed HOME keeps the
# captured text the same on every machine, and no DOCKER_* variable changes what is shown.
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/root", "LANG": "C"}
SECTION_RE = re.compile(r"^(?:\w+ )?Commands:$")
COMMAND_RE = re.compile(r"^  ([a-z][a-z0-9-]*)\*?\s{2,}")


def help_text(path: list[str]) -> str:
    """`docker ... --help` as the CLI prints it (stdout only: stderr carries notices)."""
    done = subprocess.run(
        [*path, "--help"], env=ENV, capture_output=True, text=True, check=True, timeout=30
    )
    return done.stdout


def subcommands(text: str) -> list[str]:
    """The names listed under the help's '... Commands:' headings."""
    names, inside = [], False
    for line in text.splitlines():
        if SECTION_RE.match(line):
            inside = True
        elif not line.strip():
            inside = False
        elif inside and (match := COMMAND_RE.match(line)):
            names.append(match.group(1))
    return names


def capture(path: list[str], out: Path) -> int:
    """Write the help of one command and, recursively, of its subcommands; the files written."""
    text = help_text(path)
    (out / ("_".join(path) + ".txt")).write_text(text)
    return 1 + sum(capture([*path, name], out) for name in subcommands(text))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.txt"):
        old.unlink()
    version = subprocess.run(["docker", "--version"], env=ENV, capture_output=True, text=True)
    (OUT / "VERSION").write_text(version.stdout)
    count = capture(["docker"], OUT)
    print(f"{count} help texts of {version.stdout.strip()} in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
