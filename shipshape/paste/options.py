"""A command's options, from its topic: is a word one, which real one did a wrong one mean."""

from __future__ import annotations

import re
from difflib import get_close_matches

from ..knowledge.topicfile import CommandOption, CommandSpec


def is_option(spec: CommandSpec, word: str) -> bool:
    """A word the command itself would read as one of its options: a long option, one short
    option, or a run of short switches (`-it`). A longer single-dash word such as `-http` or
    `-config` is a program's own flag in Go's style, not `-h ttp`."""
    name = word.split("=", 1)[0]
    flags = {f for option in spec.options for f in option.flags}
    if name.startswith("--"):
        return name in flags
    if len(name) == 2:
        return name in flags
    switches = {f for option in spec.options if not option.value for f in option.flags}
    return len(name) > 2 and all(f"-{letter}" in switches for letter in name[1:])


def nearest_option(spec: CommandSpec, written: str) -> CommandOption | None:
    """The real option a mistyped or unknown flag most likely meant."""
    name = written.lstrip("-").lower()
    if not written.startswith("--") and len(name) == 1:
        starting = [o for o in spec.options if any(f.startswith(f"--{name}") for f in o.flags)]
        return starting[0] if starting else None
    by_flag = {f.lstrip("-"): o for o in spec.options for f in o.flags if f.startswith("--")}
    close = get_close_matches(name, list(by_flag), n=1, cutoff=0.7)
    if close:
        return by_flag[close[0]]
    stem = name.rstrip("s")[:5]
    helped = [o for o in spec.options if re.search(rf"\b{re.escape(stem)}", o.help, re.I)]
    return helped[0] if len(stem) >= 3 and helped else None
