"""Dockerfile rules about what a command leaves behind when it ends: a service started in the
background (by CMD, which then exits, or by a RUN step, whose processes end with it), systemctl
with no systemd to talk to, an environment activated for one RUN line only, and ENV lines that
expect a shell (`$(…)`) or replace the search path, with COPY ignoring USER."""

from __future__ import annotations

import json
import re

from .dockerfile_parse import Instruction
from .raw_finding import COMMANDS, SHELLS, RawFinding, below_user, exec_form_programs, stages

_SEPARATOR = re.compile(r"&&|\|\||;|\n")
_SERVICE = re.compile(
    r"^(?:sudo\s+)?(?:service\s+(\S+)\s+(?:re)?start|/etc/init\.d/(\S+)\s+(?:re)?start)\b"
)
_SYSTEMCTL = re.compile(r"\bsystemctl\s+(?:--\S+\s+)*(start|restart|stop|reload|status)\b")
_ACTIVATE = re.compile(
    r"^(?:source|\.)\s+(?P<venv>\S*?)/?bin/activate\b|^(?:source\s+)?(?:conda|mamba) activate\s+"
    r"(?P<env>\S+)|^(?:source|\.)\s+\S*(?:\.bashrc|\.profile|nvm\.sh)$"
)
# The foreground form of services learners start with `service NAME start`.
_FOREGROUND = {
    "nginx": ["nginx", "-g", "daemon off;"],
    "apache2": ["apachectl", "-D", "FOREGROUND"],
    "cron": ["cron", "-f"],
    "ssh": ["/usr/sbin/sshd", "-D"],
    "mysql": ["mysqld"],
}


def _script(item: Instruction) -> str:
    """What a shell runs for the instruction: `sh -c`'s script in exec form, else its text."""
    words = item.value
    if item.json and len(words) >= 3 and words[0] in SHELLS and words[1].startswith("-"):
        return words[-1]
    return " ".join(words) if item.json else item.shell


def _last_command(script: str) -> str:
    parts = [p.strip() for p in _SEPARATOR.split(script) if p.strip()]
    return parts[-1] if parts else ""


def _started_service(command: str) -> str | None:
    """The service a command starts in the background (its name, or `&` for `prog &`)."""
    started = _SERVICE.match(command)
    if started:
        return started.group(1) or started.group(2)
    return "&" if command.endswith("&") else None


def _background_service(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`CMD service nginx start` (the container exits once it has started the daemon) and
    `RUN service mysql start` as a step's last command (it stops when the step ends)."""
    found = []
    for item in instructions:
        if item.cmd not in COMMANDS or _SYSTEMCTL.search(_script(item)):
            continue
        command = _last_command(_script(item))
        name = _started_service(command)
        if name is None:
            continue
        if item.cmd == "RUN":
            message = f"Line {item.line} starts `{command}` in a build step."
            found.append(RawFinding("SS118", item.line, message))
            continue
        fix = f"{item.cmd} {json.dumps(_FOREGROUND[name])}" if name in _FOREGROUND else None
        message = f"`{command}` on line {item.line} ends once its program runs in the background."
        found.append(RawFinding("SS117", item.line, message, fix))
    return found


def _systemctl(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`systemctl start …` in a Dockerfile: no systemd runs in a build or a container."""
    found = []
    for item in instructions:
        used = _SYSTEMCTL.search(_script(item)) if item.cmd in COMMANDS else None
        if used:
            message = f"Line {item.line} runs `systemctl {used.group(1)}`."
            found.append(RawFinding("SS119", item.line, message))
    return found


def _activation_alone(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`RUN source venv/bin/activate` or `RUN conda activate env` as a step's last command."""
    found = []
    for item in instructions:
        if item.cmd != "RUN":
            continue
        activated = _ACTIVATE.match(_last_command(_script(item)))
        if activated is None:
            continue
        fix = None
        if activated.group("venv") is not None:
            fix = f'ENV PATH="{activated.group("venv") or "."}/bin:$PATH"'
        elif activated.group("env"):
            fix = f'ENV PATH="/opt/conda/envs/{activated.group("env")}/bin:$PATH"'
        message = f"Line {item.line} ends with `{_last_command(_script(item))}`."
        found.append(RawFinding("SS120", item.line, message, fix))
    return found


def _env_pairs(item: Instruction) -> list[tuple[str, str]]:
    return list(zip(item.value[::2], item.value[1::2], strict=False))


def _env_expects_a_shell(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`ENV DIR=$(pwd)` (ENV runs nothing) and `ENV PATH=/opt/app/bin` (no `$PATH` kept)."""
    found = []
    for item in instructions:
        if item.cmd != "ENV":
            continue
        for name, value in _env_pairs(item):
            if "$(" in value or "`" in value:
                message = f"`{name}` on line {item.line} is set to the text `{value}`."
                found.append(RawFinding("SS121", item.line, message))
            elif name == "PATH" and not re.search(r"\$\{?PATH\b|(^|:)(/usr)?/bin/?(:|$)", value):
                message = f"`ENV PATH={value}` on line {item.line} keeps none of the system path."
                fix = f'ENV PATH="{value.strip(chr(34))}:$PATH"'
                found.append(RawFinding("SS122", item.line, message, fix))
    return found


def _chowns_or_stage(item: Instruction) -> bool:
    """It says whose the files are, or copies what an earlier stage built (a program to run)."""
    return any(f.startswith(("--chown", "--from")) for f in item.flags)


def _copy_after_user(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """The first COPY or ADD without --chown below a USER other than root, per stage."""
    found = []
    for stage in stages(instructions):
        for item, user in below_user(stage):
            if item.cmd in ("COPY", "ADD") and user and not _chowns_or_stage(item):
                message = f"Line {item.line} copies files that belong to root, not `{user}`."
                fix = " ".join((item.cmd, f"--chown={user}", *item.flags, *item.value))
                found.append(RawFinding("SS123", item.line, message, fix))
                break
    return found


_SHELL_SYNTAX = frozenset({"&&", "||", "|", ";", ">", ">>", "<", "2>&1", "&"})


def _shell_syntax_in_exec_form(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`CMD ["npm", "install", "&&", "npm", "start"]`: with no shell, `&&` is an argument."""
    found = []
    for item in exec_form_programs(instructions):
        used = next((w for w in item.value if w in _SHELL_SYNTAX), None)
        if used is not None:
            fix = f"{item.cmd} {json.dumps(['sh', '-c', ' '.join(item.value)])}"
            message = f"`{used}` on line {item.line} is in exec form, where no shell reads it."
            found.append(RawFinding("SS134", item.line, message, fix))
    return found


RULES = (
    _shell_syntax_in_exec_form,
    _background_service,
    _systemctl,
    _activation_alone,
    _env_expects_a_shell,
    _copy_after_user,
)
