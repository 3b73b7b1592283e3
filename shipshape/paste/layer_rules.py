"""Dockerfile rules about what a layer keeps: a RUN that only cleans up what earlier layers hold
(the image does not shrink), and chown or chmod of copied files in a later step (the files are
stored twice)."""

from __future__ import annotations

import re

from .dockerfile_parse import Instruction
from .raw_finding import RawFinding, stages

_SEPARATOR = re.compile(r"&&|;|\n")
# A removed configuration file (`rm /etc/nginx/conf.d/default.conf`) is about behaviour, not size.
_CONFIG_ONLY = re.compile(r"^rm\s+(-\S+\s+)*(/etc/\S+\s*)+$")
_CLEANS = re.compile(
    r"^(rm\s|"
    r"apt-get\s+(-\S+\s+)*(clean|autoclean|autoremove|purge)\b|apt\s+(clean|autoremove)\b|"
    r"(npm|yarn)\s+cache\s+clean\b|pip3?\s+cache\s+(purge|remove)\b|apk\s+del\b|"
    r"(yum|dnf)\s+clean\b|conda\s+clean\b)"
)
_RECURSIVE_OWNER = re.compile(r"^(chown|chmod)\s+(-\S*R\S*|--recursive)\s+(\S+\s+)?(?P<path>/\S+)")


def _commands(item: Instruction) -> list[str]:
    return [c.strip() for c in _SEPARATOR.split(item.shell) if c.strip() and c.strip() != "\\"]


def _cleanup_alone(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`RUN rm -rf /var/lib/apt/lists/*` in a RUN of its own, after the layer that made them."""
    found = []
    for stage in stages(instructions):
        for item in stage[1:]:  # stage[0] is FROM
            commands = _commands(item) if item.cmd == "RUN" and not item.heredocs else []
            cleans = all(_CLEANS.match(c) and not _CONFIG_ONLY.match(c) for c in commands)
            if commands and cleans:
                message = f"Line {item.line} only deletes, in a layer of its own."
                found.append(RawFinding("SS130", item.line, message))
    return found


def _copied_to(stage: list[Instruction], before: int) -> list[str]:
    return [
        x.value[-1].rstrip("/") or "/"
        for x in stage[:before]
        if x.cmd in ("COPY", "ADD") and len(x.value) >= 2 and x.value[-1].startswith("/")
    ]


def _owner_changed_later(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`COPY . /app` then `RUN chown -R app /app`: every copied file is stored again."""
    found = []
    for stage in stages(instructions):
        for i, item in enumerate(stage):
            if item.cmd != "RUN":
                continue
            for command in _commands(item):
                changed = _RECURSIVE_OWNER.match(command)
                path = changed.group("path").rstrip("/") if changed else ""
                copied = [t for t in _copied_to(stage, i) if path and _under(t, path)]
                if copied:
                    tool = changed.group(1)
                    message = f"`{tool} -R {path}` on line {item.line} rewrites copied files."
                    found.append(RawFinding("SS131", item.line, message))
                    break
    return found


def _under(target: str, path: str) -> bool:
    """The copy's target is the changed path or inside it (`/app/src` under `/app`)."""
    return target == path or target.startswith(path + "/")


RULES = (_cleanup_alone, _owner_changed_later)
