"""What a Dockerfile rule finds, before it is taught; the build stages, their base images and
users, `$VARIABLE`s and program-running lines the rules read."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


def stage_names(instructions: tuple[Instruction, ...]) -> set[str]:
    """The names given to stages (`FROM node:20 AS build`), lower-cased."""
    return {x.value[2].lower() for x in instructions if x.cmd == "FROM" and len(x.value) == 3}


def base_image(stage: list[Instruction]) -> str:
    """The image a stage starts FROM, lower-cased ("" for what comes before the first FROM)."""
    head = stage[0]
    return head.value[0].lower() if head.cmd == "FROM" and head.value else ""


def below_user(stage: list[Instruction]) -> Iterator[tuple[Instruction, str | None]]:
    """Each instruction of a stage with the user a USER line switched to, None while root."""
    user = None
    for item in stage:
        if item.cmd == "USER":
            name = item.shell.split(":")[0].strip()
            user = None if name in ("root", "0") else name
        yield item, user


def exec_form_programs(instructions: tuple[Instruction, ...]) -> list[Instruction]:
    """The exec-form lines that start a program with no shell in between (not `["sh", "-c", …]`):
    nothing there expands `$VARIABLE`s or reads `&&`."""
    return [
        item for item in instructions
        if item.cmd in COMMANDS and item.json and item.value and item.value[0] not in SHELLS
    ]  # fmt: skip
