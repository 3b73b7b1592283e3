"""Dockerfile rules about what COPY and ADD can reach: a source above the build context or written
as a path on the learner's disk, and a wildcard in a destination."""

from __future__ import annotations

import re

from .dockerfile_parse import Instruction
from .raw_finding import RawFinding

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


RULES = (_copy_source_outside, _wildcard_destination)
