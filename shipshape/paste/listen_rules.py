"""Development servers that listen on localhost unless told otherwise, started as a container's
program: published ports reach the container's network interface, never its loopback, so from the
host such a server answers "connection refused" or "empty reply"."""

from __future__ import annotations

import re

from .dockerfile_parse import Instruction
from .raw_finding import RawFinding, stages

_LOOPBACK = re.compile(r"(^|[\s=:/])(127\.0\.0\.1|localhost)(:\d+)?(\s|$)")
# (what starts the server, what tells it to listen on every interface, the fixed start)
_SERVERS = (
    (re.compile(r"\bflask\b.*\brun\b"), re.compile(r"--host|(^|\s)-h\s"),
     "flask run --host=0.0.0.0"),
    (re.compile(r"\bmanage\.py\s+runserver\b"), re.compile(r"runserver\s+(0\.0\.0\.0|\[::\])"),
     "python manage.py runserver 0.0.0.0:8000"),
    (re.compile(r"\buvicorn\b"), re.compile(r"--host"), "uvicorn main:app --host 0.0.0.0"),
    (re.compile(r"\brails\s+(server|s)\b"), re.compile(r"(^|\s)(-b|--binding)\b"),
     "rails server -b 0.0.0.0"),
    (re.compile(r"\bng\s+serve\b"), re.compile(r"--host"), "ng serve --host 0.0.0.0"),
    (re.compile(r"\bhugo\s+server\b"), re.compile(r"--bind"), "hugo server --bind 0.0.0.0"),
    (re.compile(r"\bjekyll\s+serve\b"), re.compile(r"(^|\s)(-H|--host)\b"),
     "jekyll serve --host 0.0.0.0"),
)  # fmt: skip
_HOST_FROM_ENV = re.compile(r"\b(FLASK_RUN_HOST|UVICORN_HOST|HOST|BINDING)\b")
# Servers whose address only their command line sets: no variable or file in the image can.
_ADDRESS_ON_COMMAND_LINE = frozenset({"python manage.py runserver 0.0.0.0:8000"})


def _command(item: Instruction) -> str:
    return " ".join(item.value)


def loopback_server(command: str, env: str = "", image_unseen: bool = False) -> str | None:
    """The start command fixed to listen on every interface, when this one listens only on
    localhost (by default, or because it says 127.0.0.1); None when it reaches the host. With
    `image_unseen` (a docker run line), a default counts only where nothing in the image could
    change it: Flask reads FLASK_RUN_HOST, which the image may set."""
    for starts, opens, fixed in _SERVERS:
        if not starts.search(command):
            continue
        if _LOOPBACK.search(command):
            return fixed
        if opens.search(command) or _HOST_FROM_ENV.search(env):
            return None
        return fixed if not image_unseen or fixed in _ADDRESS_ON_COMMAND_LINE else None
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
