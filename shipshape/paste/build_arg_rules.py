"""Dockerfile rules about build arguments across stages: an ARG from before the first FROM used
in a stage that did not declare it, and one stage's default taken for a later stage's."""

from __future__ import annotations

import re

from .dockerfile_parse import Instruction
from .raw_finding import VARIABLE, RawFinding, stages

# BuildKit sets these in the global scope, as if declared before the first FROM.
PLATFORM_ARGS = frozenset(
    f"{side}{part}"
    for side in ("BUILD", "TARGET")
    for part in ("PLATFORM", "OS", "ARCH", "VARIANT")
)


def _arg_declared(item: Instruction) -> str | None:
    match = re.match(r"([A-Za-z_][A-Za-z0-9_]*)", item.value[0]) if item.value else None
    return match.group(1) if match else None


def _global_args(instructions: tuple[Instruction, ...]) -> tuple[int | None, set[str]]:
    """Where the first FROM is, and the ARGs declared before it."""
    first = next((i for i, x in enumerate(instructions) if x.cmd == "FROM"), None)
    before = instructions[:first] if first is not None else ()
    return first, {name for x in before if x.cmd == "ARG" for name in [_arg_declared(x)] if name}


def _env_names(instructions: tuple[Instruction, ...]) -> set[str]:
    """Every name an ENV sets, `ENV A=1 B=2` or the older `ENV A 1`."""
    names = set()
    for item in (x for x in instructions if x.cmd == "ENV"):
        names |= set(re.findall(r"(\w+)=", item.shell)) or {item.shell.split()[0]}
    return names


def _global_arg_in_a_stage(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`ARG VERSION` before the first FROM (or a platform argument such as TARGETARCH), then
    `$VERSION` in a stage that did not say `ARG VERSION` again: there it is empty."""
    first, before = _global_args(instructions)
    if first is None:
        return []
    before |= PLATFORM_ARGS
    set_anyway = _env_names(instructions)
    found = []
    for stage in stages(instructions[first:]):
        declared: set[str] = set()
        for item in stage[1:]:
            if item.cmd == "ARG":
                declared.add(_arg_declared(item) or "")
                continue
            used = set(VARIABLE.findall(item.original)) & before
            for name in sorted(used - declared - set_anyway):
                message = f"`${name}` on line {item.line} is empty in this stage."
                found.append(RawFinding("SS109", item.line, message, f"ARG {name}"))
                declared.add(name)  # named once per stage
    return found


def _stage_arg_default_lost(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`ARG VERSION=1.0` in one stage, then a bare `ARG VERSION` in a later one: the later stage
    starts without it, so there it is empty unless the build passes `--build-arg`."""
    first, global_args = _global_args(instructions)
    if first is None:
        return []
    defaults: dict[str, Instruction] = {}
    found = []
    for stage in stages(instructions[first:]):
        args = [x for x in stage if x.cmd == "ARG" and _arg_declared(x)]
        for item in args:
            name = _arg_declared(item)
            if "=" not in item.value[0] and name in defaults and name not in global_args:
                given = defaults[name]
                message = (
                    f"`ARG {name}` on line {item.line} has no value: the one on line "
                    f"{given.line} belongs to an earlier stage."
                )
                found.append(RawFinding("SS110", item.line, message, f"ARG {given.value[0]}"))
        defaults |= {_arg_declared(x): x for x in args if "=" in x.value[0]}
    return found


RULES = (_global_arg_in_a_stage, _stage_arg_default_lost)
