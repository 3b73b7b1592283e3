"""Every docker command the bundled topics show is one the docker CLI accepts.

Each `$ docker ...` line in a topic's code blocks is read with the project's own command parser
against the command topics' options: a flag a command topic does not list fails, so the topics
never teach a flag that does not exist, and the command topics list every flag the material uses.
"""

from __future__ import annotations

import contextlib
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from shipshape.knowledge.catalog import Catalog
from shipshape.knowledge.commands import CommandSyntaxError, ParsedCommand, parse_command_line
from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import parse_topic

from .command_lines import prompt_lines, shell_commands

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

CONTENT = Path(__file__).resolve().parents[2] / "content"
# Words after these commands' first argument belong to another program (docker top passes them
# to ps), as the synopsis says with "[ps OPTIONS]"; the parser only knows run/exec's COMMAND.
PASSES_ON = ("[ps OPTIONS]",)
MIN_SHARE_CHECKED = 0.9


@dataclass(frozen=True)
class Shown:
    slug: str
    line: str


def shown_commands() -> list[Shown]:
    found = []
    for path in topic_files(CONTENT):
        for line in prompt_lines(path.read_text("utf-8")):
            found += [Shown(path.stem, command) for command in shell_commands(line)]
    return found


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.build(parse_topic(p.read_text("utf-8"), p.stem) for p in topic_files(CONTENT))


def read(catalog: Catalog, command: str) -> ParsedCommand:
    """Parse a command line; for docker top, only up to the container (the rest goes to ps)."""
    parsed = parse_command_line(command, catalog.specs, catalog.commands)
    if any(mark in parsed.spec.synopsis for mark in PASSES_ON):
        words = shlex.split(command)
        used = len(parsed.written_name.split())
        first = next((i for i, w in enumerate(words[used:], used) if not w.startswith("-")), None)
        if first is not None:
            own = shlex.join(words[: first + 1])
            return parse_command_line(own, catalog.specs, catalog.commands)
    return parsed


def checked_commands(catalog: Catalog) -> tuple[list[Shown], list[ParsedCommand]]:
    """Every command shown, and the parse of those that name a command with a topic."""
    shown, parsed = shown_commands(), []
    for item in shown:
        with contextlib.suppress(CommandSyntaxError):
            parsed.append(read(catalog, item.line))
    return shown, parsed


def test_shell_lines_are_split_into_the_docker_commands_they_run():
    line = "docker stop web && docker rm $(docker ps -aq) | grep x > out.txt # done"
    assert shell_commands(line) == ["docker stop web", "docker rm ARG", "docker ps -aq"]


def test_quoted_operators_stay_inside_their_argument():
    line = "docker exec web sh -c 'echo hi > /tmp/x && cat /tmp/x'"
    assert shell_commands(line) == ["docker exec web sh -c 'echo hi > /tmp/x && cat /tmp/x'"]


def test_words_a_command_passes_to_another_program_are_not_its_flags(catalog):
    assert read(catalog, "docker top web -eo pid,comm").unknown_flags == ()


def test_continued_lines_are_joined_before_reading():
    block = "```console\n$ docker run -d \\\n    --name web nginx\nweb\n```\n"
    assert prompt_lines(block) == ["docker run -d --name web nginx"]


def test_every_flag_shown_is_one_the_command_topic_lists(catalog):
    unknown = []
    for shown in shown_commands():
        try:
            parsed = read(catalog, shown.line)
        except CommandSyntaxError:
            continue
        unknown += [f"{shown.slug}: {shown.line}: {flag}" for flag in parsed.unknown_flags]
    assert unknown == []


def test_nearly_every_command_shown_has_a_command_topic(catalog):
    shown, parsed = checked_commands(catalog)
    assert len(shown) > 300
    assert len(parsed) / len(shown) >= MIN_SHARE_CHECKED


def test_a_made_up_flag_would_be_caught(catalog):
    assert read(catalog, "docker ps --everything").unknown_flags == ("--everything",)
