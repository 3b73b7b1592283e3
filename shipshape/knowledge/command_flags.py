"""The docker CLI's own flags for each command a topic teaches (docker_flags.json, written by
scripts/docker_flags.py from the captured `--help`): they complete a topic that lists only the
options the course teaches, so a command line is read the way docker reads it."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

from .topicfile import CommandOption, CommandSpec

FLAGS_FILE = Path(__file__).resolve().parent / "docker_flags.json"


@cache
def docker_flags() -> dict[str, tuple[CommandOption, ...]]:
    """command -> its flags as options without help text (the course does not explain them)."""
    raw = json.loads(FLAGS_FILE.read_text(encoding="utf-8"))
    return {
        command: tuple(
            CommandOption(tuple(f for f in (short, long) if f), "", kind)
            for short, long, kind in flags
        )
        for command, flags in raw.items()
    }


def completed(spec: CommandSpec) -> CommandSpec:
    """The spec with docker's flags that its topic does not list added after its own."""
    listed = {f for option in spec.options for f in (*option.flags, *option.deprecated)}
    extra = [
        option for option in docker_flags().get(spec.name, ()) if not listed & set(option.flags)
    ]
    return replace(spec, options=(*spec.options, *extra)) if extra else spec
