"""Dockerfile rules about what the base image has and how CMD joins ENTRYPOINT: apt-get install
with no package lists, pip refused by a distribution's Python, a health check calling a curl the
image lacks, shell form in an image with no shell, a program named in both ENTRYPOINT and CMD,
and a shell-form ENTRYPOINT that drops CMD."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath

from .dockerfile_parse import Instruction
from .raw_finding import RawFinding, base_image, stage_names, stages

_APT_INSTALL = re.compile(r"\bapt(-get)?\s+(-\S+\s+)*install\b")
_APT_UPDATE = re.compile(r"\bapt(-get)?\s+(-\S+\s+)*update\b")
_PIP_INSTALL = re.compile(r"\bpip3?\s+install\b")
# Distribution releases whose Python refuses pip (PEP 668): Debian 12+, Ubuntu 23.04+.
_MANAGED_PYTHON = re.compile(
    r"^(docker\.io/)?(library/)?(debian:(12|13|bookworm|trixie|sid|testing)|"
    r"ubuntu:(2[3-9]|[3-9]\d)\.\d\d|ubuntu:(lunar|mantic|noble|oracular|plucky|latest|rolling))"
)
_VENV = re.compile(r"\b(venv|virtualenv)\b|--break-system-packages|\bpipx\b|/bin/pip")
_NO_CURL = re.compile(r"-slim\b|alpine|distroless|busybox")
_INSTALLS_CURL = re.compile(r"\b(apt-get|apt|apk|yum|dnf|microdnf)\b[^\n]*\bcurl\b")
_CURL = re.compile(r"(^|[\s;&|(])curl\s")


_UPDATED = "apt-get update && apt-get install"


def _last(stage: list[Instruction], cmd: str) -> Instruction | None:
    """The stage's last instruction of a kind: the CMD or ENTRYPOINT that counts."""
    return next((x for x in reversed(stage) if x.cmd == cmd), None)


def _apt_without_lists(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`RUN apt-get install -y curl` with no `apt-get update` before it in the stage."""
    found = []
    named = stage_names(instructions)
    for stage in stages(instructions):
        if base_image(stage) in named:
            continue  # built on an earlier stage, which may have fetched the lists
        updated = False
        for item in stage:
            if item.cmd != "RUN":
                continue
            text = item.shell
            installs = _APT_INSTALL.search(text)
            if installs and not updated and not _APT_UPDATE.search(text[: installs.start()]):
                fixed = text.strip().replace(installs.group(0), _UPDATED, 1)
                message = f"Line {item.line} installs with apt-get before any `apt-get update`."
                found.append(RawFinding("SS126", item.line, message, f"RUN {fixed}"))
                break
            updated = updated or bool(_APT_UPDATE.search(text))
    return found


def _pip_on_managed_python(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`FROM ubuntu:24.04` then `RUN pip install …` outside a virtual environment."""
    found = []
    for stage in stages(instructions):
        base = base_image(stage)
        if not _MANAGED_PYTHON.match(base):
            continue
        setup = " ".join(x.shell for x in stage if x.cmd in ("RUN", "ENV"))
        if _VENV.search(setup):
            continue
        pip = next((x for x in stage if x.cmd == "RUN" and _PIP_INSTALL.search(x.shell)), None)
        if pip is not None:
            message = f"Line {pip.line} runs pip on `{base}`'s own Python."
            found.append(RawFinding("SS127", pip.line, message))
    return found


def _health_check_without_curl(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """A HEALTHCHECK that runs curl in a slim, Alpine or distroless image that never installs it."""
    found = []
    for stage in stages(instructions):
        base = base_image(stage)
        if not _NO_CURL.search(base) or any(_INSTALLS_CURL.search(x.shell) for x in stage):
            continue
        for item in stage:
            if item.cmd == "HEALTHCHECK" and _CURL.search(" " + item.shell):
                message = f"The health check on line {item.line} runs curl, which `{base}` lacks."
                found.append(RawFinding("SS128", item.line, message))
    return found


def _shell_form_in_scratch(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """Shell form (or RUN) in a stage built FROM scratch, where there is no /bin/sh."""
    found = []
    for stage in stages(instructions):
        if base_image(stage) != "scratch":
            continue
        for item in stage:
            if item.cmd == "RUN" or (item.cmd in ("CMD", "ENTRYPOINT") and not item.json):
                message = f"Line {item.line} needs `/bin/sh`, which a `scratch` image lacks."
                found.append(RawFinding("SS129", item.line, message))
    return found


def _program(word: str) -> str:
    return PurePosixPath(word).name


def _program_twice(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`ENTRYPOINT ["python"]` with `CMD ["python", "app.py"]`: CMD is appended to ENTRYPOINT."""
    found = []
    for stage in stages(instructions):
        entry, cmd = _last(stage, "ENTRYPOINT"), _last(stage, "CMD")
        if not (entry and cmd and entry.json and cmd.json and entry.value and cmd.value):
            continue
        if _program(cmd.value[0]) not in {_program(w) for w in (entry.value[0], entry.value[-1])}:
            continue
        runs = " ".join((*entry.value, *cmd.value))
        fix = f"CMD {json.dumps(list(cmd.value[1:]))}" if len(cmd.value) > 1 else None
        message = f"ENTRYPOINT and CMD both name `{cmd.value[0]}`: the container runs `{runs}`."
        found.append(RawFinding("SS124", cmd.line, message, fix))
    return found


def _shell_entrypoint_drops_cmd(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """A shell-form ENTRYPOINT in a stage that also has a CMD: the CMD never reaches it."""
    found = []
    for stage in stages(instructions):
        entry, cmd = _last(stage, "ENTRYPOINT"), _last(stage, "CMD")
        if entry and cmd and not entry.json and entry.shell.strip():
            message = f"The shell-form ENTRYPOINT on line {entry.line} drops CMD (line {cmd.line})."
            found.append(RawFinding("SS125", entry.line, message))
    return found


RULES = (
    _apt_without_lists,
    _pip_on_managed_python,
    _health_check_without_curl,
    _shell_form_in_scratch,
    _program_twice,
    _shell_entrypoint_drops_cmd,
)
