"""What a Dockerfile rule finds, before it is taught; the build stages, `$VARIABLE`s and
program-running lines the rules read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dockerfile_parse import Instruction

COMMANDS = ("CMD", "ENTRYPOINT", "RUN")  # the instructions that run a program
SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "/bin/sh", "/bin/bash", "/bin/ash",
                    "/usr/bin/env", "/bin/dash", "/bin/zsh"})  # fmt: skip
VARIABLE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")  # $NAME or ${NAME...}; group 1 the name


@dataclass(frozen=True)
class RawFinding:
    """A rule's finding before it is taught: which rule, where, what, and the line fixed."""

    rule: str
    line: int
    message: str
    fix: str | None = None


def stages(instructions: tuple[Instruction, ...]) -> list[list[Instruction]]:
    """The instructions split at each FROM (what comes before the first is a stage of its own)."""
    found: list[list[Instruction]] = []
    for item in instructions:
        if item.cmd == "FROM" or not found:
            found.append([])
        found[-1].append(item)
    return found


def exec_form_programs(instructions: tuple[Instruction, ...]) -> list[Instruction]:
    """The exec-form lines that start a program with no shell in between (not `["sh", "-c", …]`):
    nothing there expands `$VARIABLE`s or reads `&&`."""
    return [
        item for item in instructions
        if item.cmd in COMMANDS and item.json and item.value and item.value[0] not in SHELLS
    ]  # fmt: skip
