"""Development servers that listen on localhost unless told otherwise, started as a container's
program: published ports reach the container's network interface, never its loopback, so from the
host such a server answers "connection refused" or "empty reply"."""

from __future__ import annotations

import re

from .dockerfile_parse import Instruction
from .raw_finding import RawFinding, stages

_LOOPBACK = re.compile(r"(?<![\w.])(127\.0\.0\.1|localhost)(?=$|[\s:])")


def _runserver(command: str) -> str:
    """Django's `runserver [PORT]` on every interface, its port kept (8000 by default)."""
    return re.sub(
        r"\brunserver\b(\s+(\d+)\b)?",
        lambda m: f"runserver 0.0.0.0:{m.group(2) or 8000}",
        command,
        count=1,
    )


def _adding(option: str):
    return lambda command: f"{command} {option}"


# (what starts the server, what makes it listen on every interface, how to add that, whether a
# variable or file in the image can set the address instead of the command line)
_SERVERS = (
    (re.compile(r"\bflask\b.*\brun\b"), re.compile(r"--host|(^|\s)-h\s"),
     _adding("--host=0.0.0.0"), True),
    (re.compile(r"\bmanage\.py\s+runserver\b"), re.compile(r"runserver\s+(0\.0\.0\.0|\[::\])"),
     _runserver, False),
    (re.compile(r"\buvicorn\b"), re.compile(r"--host"), _adding("--host 0.0.0.0"), True),
    (re.compile(r"\brails\s+(server|s)\b"), re.compile(r"(^|\s)(-b|--binding)\b"),
     _adding("-b 0.0.0.0"), True),
    (re.compile(r"\bng\s+serve\b"), re.compile(r"--host"), _adding("--host 0.0.0.0"), True),
    (re.compile(r"\bhugo\s+server\b"), re.compile(r"--bind"), _adding("--bind 0.0.0.0"), True),
    (re.compile(r"\bjekyll\s+serve\b"), re.compile(r"(^|\s)(-H|--host)\b"),
     _adding("--host 0.0.0.0"), True),
)  # fmt: skip
_HOST_FROM_ENV = re.compile(r"\b(FLASK_RUN_HOST|UVICORN_HOST|HOST|BINDING)\b")


def _command(item: Instruction) -> str:
    return " ".join(item.value)


def loopback_server(command: str, env: str = "", image_unseen: bool = False) -> str | None:
    """The command made to listen on every interface, when it starts a server that listens only
    on localhost (by default, or because it says 127.0.0.1); None when it reaches the host. With
    `image_unseen` (a docker run line), a default counts only where nothing in the image could
    change it: Flask reads FLASK_RUN_HOST, which the image may set."""
    for starts, opens, opened, settable in _SERVERS:
        if not starts.search(command):
            continue
        if _LOOPBACK.search(command):
            return _LOOPBACK.sub("0.0.0.0", command)
        if opens.search(command) or _HOST_FROM_ENV.search(env) or (image_unseen and settable):
            return None
        return opened(command)
    return None


def _server_on_loopback(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """The image's program (its last stage's CMD and ENTRYPOINT) is a development server left
    listening on localhost."""
    last = stages(instructions)[-1] if instructions else []
    # any stage's ENV: the last one is often built FROM an earlier stage that set the host
    env = " ".join(_command(x) for x in instructions if x.cmd in ("ENV", "ARG"))
    started = [x for x in last if x.cmd in ("CMD", "ENTRYPOINT")]
    fixed = loopback_server(" ".join(_command(x) for x in started), env) if started else None
    if fixed is None:
        return []
    line = started[-1].line
    message = f"The program on line {line} listens only on localhost: start it as `{fixed}`."
    return [RawFinding("SS135", line, message)]


RULES = (_server_on_loopback,)
