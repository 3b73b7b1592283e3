"""Write shipshape/knowledge/docker_flags.json: every flag the docker CLI accepts for each command
a topic teaches, read from the captured help (tests/data/docker_help/, `make docker-help`).

Four command topics list only the options the course teaches (`docker run` has about 100); the
chat completes them with this list, so a real flag the course leaves out (`--gpus all`) is read
with its value and never called unknown. Only names and whether a flag takes a value are kept,
not docker's help sentences. Run it after `make docker-help`; tests/knowledge/test_docker_flags.py
fails while the file and the captured help disagree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "shipshape" / "knowledge" / "docker_flags.json"


def flags_by_command(help_pages, commands: list[str]) -> dict[str, list[list]]:
    """command -> [[short or None, long, value type or None], ...], sorted by the long flag."""
    found = {}
    for command in commands:
        page = help_pages.page(command)
        flags = {flag.long: flag for flag in page.flags.values()} if page else {}
        found[command] = [[f.short, f.long, f.kind] for f in sorted(flags.values(), key=_long)]
    return found


def _long(flag) -> str:
    return flag.long


def bundled() -> dict[str, list[list]]:
    """What the file should hold now: the flags of every command topic's command."""
    sys.path.insert(0, str(ROOT))
    from shipshape.knowledge.files import topic_files
    from shipshape.knowledge.topicfile import parse_topic
    from tests.knowledge.docker_help import load

    docs = [parse_topic(p.read_text("utf-8"), p.stem) for p in topic_files(ROOT / "content")]
    commands = sorted(d.command.name for d in docs if d.command)
    return flags_by_command(load(), commands)


def as_text(flags: dict[str, list[list]]) -> str:
    """JSON with one flag per line, so a new CLI's changes read as a short diff."""
    return "{\n" + ",\n".join(_command(c, listed) for c, listed in flags.items()) + "\n}\n"


def _command(command: str, listed: list[list]) -> str:
    lines = ",\n".join(f"    {json.dumps(flag)}" for flag in listed)
    return f"  {json.dumps(command)}: [\n{lines}\n  ]"


def main() -> None:
    OUT.write_text(as_text(bundled()), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
