"""Check one docker command line against the CLI's captured help, the way cobra reads it."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from .docker_help import NUMERIC, DockerHelp, Flag, HelpPage

HELP_FLAG = Flag("--help")
BOOLEAN_VALUES = {"true", "false", "1", "0"}
# A value written as a stand-in (`-t N`, `--memory <size>`, `$TIMEOUT`, `ARG` for $(...)) is not
# checked against the flag's type.
PLACEHOLDER_RE = re.compile(r"^(?:[A-Z][A-Z0-9_]*|<[^>]*>|\$.*|\.\.\.)$")
VALUE_RE = {
    "number": re.compile(r"^-?\d+(?:\.\d+)?$"),
    "duration": re.compile(r"^(?:0|(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)$"),
    "bytes": re.compile(r"^\d+(?:\.\d+)?[bkmgBKMG]?[bB]?$"),
}


@dataclass
class Checked:
    line: str
    command: str | None = None  # the command page's path, when the line names a known command
    flags: int = 0  # flags looked at
    problems: list[str] = field(default_factory=list)


def _value_problem(flag: Flag, value: str) -> str | None:
    kind = "number" if flag.kind in NUMERIC else flag.kind
    pattern = VALUE_RE.get(kind or "")
    if pattern is None or PLACEHOLDER_RE.match(value) or pattern.match(value):
        return None
    return f"{flag.long} takes a {flag.kind}, given {value!r}"


class _Reader:
    """Walks the words of one command like cobra: flags, values, subcommands, arguments."""

    def __init__(self, words: list[str], result: Checked, partial: bool):
        self.words, self.result, self.partial = words, result, partial

    def lookup(self, page_flags: dict[str, Flag], written: str) -> Flag | None:
        self.result.flags += 1
        flag = page_flags.get(written) or (HELP_FLAG if written == "--help" else None)
        if flag is None:
            self.result.problems.append(f"{written} is not a flag of `{self.result.command}`")
        elif flag.deprecated:
            self.result.problems.append(f"{written} is deprecated: use {flag.use_instead}")
        return flag

    def take_value(self, flag: Flag, written: str) -> None:
        if not self.words:
            if not self.partial:
                self.result.problems.append(f"{written} needs a value")
            return
        self.check_value(flag, self.words.pop(0))

    def check_value(self, flag: Flag, value: str) -> None:
        if problem := _value_problem(flag, value):
            self.result.problems.append(problem)

    def long_flag(self, flags: dict[str, Flag], word: str) -> None:
        name, eq, value = word.partition("=")
        flag = self.lookup(flags, name)
        if flag is None:
            return
        if not flag.takes_value:
            if eq and value.lower() not in BOOLEAN_VALUES:
                self.result.problems.append(f"{name} is a switch: it takes no value ({word})")
        elif eq:
            self.check_value(flag, value)
        else:
            self.take_value(flag, name)

    def short_flags(self, flags: dict[str, Flag], word: str) -> None:
        letters = word[1:]
        for i, letter in enumerate(letters):
            flag = self.lookup(flags, "-" + letter)
            if flag is not None and flag.takes_value:
                tail = letters[i + 1 :].removeprefix("=")
                if tail:
                    self.check_value(flag, tail)
                else:
                    self.take_value(flag, "-" + letter)
                return

    def flag(self, flags: dict[str, Flag], word: str) -> None:
        if word.startswith("--"):
            self.long_flag(flags, word)
        else:
            self.short_flags(flags, word)


def _is_flag(word: str) -> bool:
    return word.startswith("-") and word not in {"-", "--"}


def _command_page(help: DockerHelp, reader: _Reader) -> HelpPage | None:
    """Global flags, then the longest run of subcommands; None when a word names no command."""
    page = help.root
    reader.result.command = "docker"
    while reader.words and _is_flag(reader.words[0]):
        reader.flag(page.global_flags, reader.words.pop(0))
    while reader.words and page.subcommands and not _is_flag(reader.words[0]):
        word = reader.words[0]
        if PLACEHOLDER_RE.match(word):  # `docker COMMAND --help`: any command; nothing to check
            reader.result.command = None
            return None
        found = help.page(f"{reader.result.command} {word}")
        if found is None:
            reader.result.problems.append(f"`{reader.result.command} {word}` is not a command")
            return None
        reader.words.pop(0)
        page, reader.result.command = found, f"{reader.result.command} {word}"
    return page


USAGE_WORD_RE = re.compile(r"\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]|\S+")


def argument_range(usage: str) -> tuple[int, int | None]:
    """(fewest, most) arguments a usage line allows: 'CONTAINER [CONTAINER...]' -> (1, None)."""
    words = USAGE_WORD_RE.findall(re.sub(r"\s*\|\s*", "|", usage))
    while words and re.fullmatch(r"[a-z][a-z0-9-]*", words[0]):
        words.pop(0)  # the command's own words
    words = [w for w in words if w != "[OPTIONS]"]
    required = [w for w in words if not w.startswith("[")]
    optional = [w for w in words if w.startswith("[")]
    unbounded = any("..." in w or "OPTIONS" in w for w in words)  # [ARG...], [ps OPTIONS]
    return len(required), None if unbounded else len(required) + len(optional)


def _check_arguments(page: HelpPage, arguments: list[str], result: Checked) -> None:
    fewest, most = argument_range(page.usage)
    if len(arguments) < fewest:
        result.problems.append(f"`{page.path}` needs {fewest} argument(s), given {arguments}")
    elif most is not None and len(arguments) > most and "ARG" not in arguments:
        result.problems.append(f"`{page.path}` takes at most {most} argument(s), given {arguments}")


def check_command(help: DockerHelp, line: str, partial: bool = False) -> Checked:
    """Every command word and flag of one docker command line, checked against the help."""
    result = Checked(line)
    reader = _Reader(shlex.split(line)[1:], result, partial)
    page = _command_page(help, reader)
    if page is None:
        return result
    result.command = page.path
    flags = {**page.flags, **page.global_flags} if page is help.root else page.flags
    stops = page.path in help.stops_at_first_argument
    arguments: list[str] = []
    while reader.words:
        word = reader.words.pop(0)
        if word == "--":
            arguments += reader.words
            break
        if _is_flag(word):
            reader.flag(flags, word)
        else:
            arguments.append(word)
            if stops:  # the rest are arguments (the container's command, ps options)
                arguments += reader.words
                break
    asked_for_help = "--help" in line.split()
    if not partial and not page.subcommands and not asked_for_help:
        _check_arguments(page, arguments, result)
    return result
