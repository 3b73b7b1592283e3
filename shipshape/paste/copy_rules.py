"""Dockerfile rules about what COPY and ADD can reach and bring: a source above the build context
or written as a path on the learner's disk, a wildcard in a destination, and a copied script run
as the container's program with no execute bit given."""

from __future__ import annotations

import re

from .dockerfile_parse import Instruction
from .raw_finding import SHELLS, RawFinding, stages

_HOST_PATH = re.compile(r"^(~|[A-Za-z]:[\\/]|/(home|Users|root|mnt|media|tmp)/)")


def _copy_source_outside(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """A COPY or ADD source above the build context (`../x`) or written as a path on the
    learner's disk (`/home/me/app`): sources are read from the build context only."""
    found = []
    for item in instructions:
        if item.cmd not in ("COPY", "ADD") or any(f.startswith("--from") for f in item.flags):
            continue
        for source in item.value[:-1]:
            if "://" in source:
                continue
            if source.startswith("../") or source == "..":
                message = f"`{source}` on line {item.line} is above the build context."
                found.append(RawFinding("SS113", item.line, message))
            elif _HOST_PATH.match(source):
                message = f"`{source}` on line {item.line} is read inside the build context."
                found.append(RawFinding("SS114", item.line, message))
    return found


def _wildcard_destination(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`COPY site/* /usr/share/nginx/html/*`: a destination is a path, never a pattern."""
    found = []
    for item in instructions:
        if item.cmd in ("COPY", "ADD") and len(item.value) >= 2 and "*" in item.value[-1]:
            destination = item.value[-1]
            fixed = destination[: destination.index("*")].rstrip("/") + "/"
            sources = " ".join(item.value[:-1])
            message = f"The destination `{destination}` on line {item.line} holds a `*`."
            fix = " ".join((item.cmd, *item.flags, sources, fixed))
            found.append(RawFinding("SS115", item.line, message, fix))
    return found


_INTERPRETERS = SHELLS | {"python", "python3"}  # run a script given to them: no execute bit


def _script_run(item: Instruction) -> str | None:
    """The script a CMD or ENTRYPOINT runs itself (`./start.sh`, `/app/entrypoint.sh`)."""
    words = list(item.value) if item.json else item.shell.split()
    if not words or words[0] in _INTERPRETERS or not words[0].endswith(".sh"):
        return None
    return words[0]


def _copied_script(stage: list[Instruction], script: str) -> Instruction | None:
    """The COPY that brings the script from the build context without setting its mode: one
    naming it, else a copy of the whole context to where the script is run from."""
    name = script.rsplit("/", 1)[-1]
    copies = [
        x for x in stage
        if x.cmd in ("COPY", "ADD") and not any(f.startswith("--from") for f in x.flags)
    ]  # fmt: skip
    named = [x for x in copies if any(s.rstrip("/").endswith(name) for s in x.value[:-1])]
    whole = [
        x for x in copies
        if set(x.value[:-1]) & {".", "./"}
        and (not script.startswith("/") or script.startswith(x.value[-1].rstrip("/") + "/"))
    ]  # fmt: skip
    copied = (named or whole or [None])[0]
    if copied is None or any(f.startswith("--chmod") for f in copied.flags):
        return None
    return copied


def _script_without_execute_bit(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`COPY start.sh /app/` then `ENTRYPOINT ["/app/start.sh"]`, and no chmod anywhere."""
    found = []
    for stage in stages(instructions):
        runs = " ".join(x.shell for x in stage if x.cmd == "RUN")
        for item in stage:
            script = _script_run(item) if item.cmd in ("CMD", "ENTRYPOINT") else None
            copied = _copied_script(stage, script) if script else None
            if copied is not None and "chmod" not in runs:
                message = f"`{script}` (line {item.line}) runs as a program;"
                message += f" line {copied.line} copies it."
                found.append(RawFinding("SS132", item.line, message))
    return found


RULES = (_copy_source_outside, _wildcard_destination, _script_without_execute_bit)
