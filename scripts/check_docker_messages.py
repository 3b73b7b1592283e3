"""Look up the Docker messages the topics quote (their `errors:`) in Docker's own source.

Not part of the tests: it needs local clones, e.g. the search tool's fetch of docker/cli,
moby/moby, docker/buildx, runc, containerd and distribution. A message is a chain of errors joined
by ": " behind a prefix the client adds ("docker: ", "Error response from daemon: "); each link is
cut into its literal pieces (placeholders, quoted values, numbers and paths removed) and each piece
of 12 characters or more is searched with `git grep -F` in the Go files (tests left out) at the
given revisions. It prints, per message, the pieces found and where, and those not found.

    python scripts/check_docker_messages.py CLI_GIT@v28.2.2 MOBY_GIT@v28.2.2 BUILDX_GIT@v0.24.0 ...
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import parse_topic

CONTENT = Path(__file__).resolve().parents[1] / "content"
# What a message's own values look like: <placeholders>, "quoted names", numbers, paths.
VALUE_RE = re.compile(r"<[^>]*>|\"[^\"]*\"|'[^']*'|\b\d[\w.:/-]*|/[\w./-]+|\([^)]*\)")
PREFIX_RE = re.compile(r"^(?:docker: |Error response from daemon: |Error: |ERROR: )+")
MIN_PIECE = 12


def pieces(message: str) -> list[str]:
    """The literal parts of a message's links, in order."""
    links = PREFIX_RE.sub("", message).split(": ")
    parts = [p.strip(" .:-[]") for link in links for p in VALUE_RE.split(link)]
    return [p for p in parts if len(p) >= MIN_PIECE]


def where(piece: str, repos: list[tuple[str, str]]) -> str | None:
    """The first repo:path holding the piece, or None."""
    for git_dir, rev in repos:
        done = subprocess.run(
            [
                "git",
                "--git-dir",
                git_dir,
                "grep",
                "-F",
                "-l",
                "-e",
                piece,
                rev,
                "--",
                "*.go",
                ":(exclude)*_test.go",
                ":(exclude)integration*",
                ":(exclude)e2e",
            ],
            capture_output=True,
            text=True,
        )
        if done.stdout:
            return f"{Path(git_dir).parent.name}:{done.stdout.splitlines()[0]}"
    return None


def main(args: list[str]) -> int:
    repos = [tuple(arg.rsplit("@", 1)) for arg in args]
    for path in topic_files(CONTENT):
        for error in parse_topic(path.read_text("utf-8"), path.stem).errors:
            found = [(piece, where(piece, repos)) for piece in pieces(error.message)]
            missing = [piece for piece, place in found if place is None]
            if not found:
                status = "no piece long enough to look up"
            else:
                status = "all pieces found" if not missing else f"not found: {missing}"
            places = sorted(
                {
                    place.split(":", 2)[0] + ":" + place.split(":", 2)[2]
                    for _, place in found
                    if place
                }
            )
            print(f"{path.stem}\t{error.message}\t{status}\t{places}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
