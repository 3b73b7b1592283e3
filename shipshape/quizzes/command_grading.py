"""Grade a typed docker command by meaning: aliases, flag order, -aq and --name=x all equal."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.commands import CommandSyntaxError, ParsedCommand, parse_command_line, split_words
from ..knowledge.topicfile import CommandSpec


@dataclass(frozen=True)
class CommandContext:
    specs: dict[str, CommandSpec]  # slug -> spec, from the command topics
    phrases: dict[str, str]  # command name or alias -> slug

    def parse(self, line: str) -> ParsedCommand:
        return parse_command_line(line, self.specs, self.phrases)


def _clause(help_text: str) -> str:
    return help_text.rstrip(". ")


def _flags(parsed: ParsedCommand) -> dict[str, tuple]:
    """Canonical flag -> (option, value) for the flags the command knows."""
    return {o.option.flags[-1]: (o.option, o.value) for o in parsed.options if o.option}


def _near_miss(expected: ParsedCommand, given: ParsedCommand) -> str:
    want, have = _flags(expected), _flags(given)
    notes = []
    for flag, (option, value) in want.items():
        if flag not in have:
            notes.append(f"it is missing `{'/'.join(option.flags)}`: {_clause(option.help)}")
        elif have[flag][1] != value:
            notes.append(f"`{flag}` should be given `{value}`")
    notes += [
        f"`{flag}` does not belong here: {_clause(have[flag][0].help)}"
        for flag in have
        if flag not in want
    ]
    notes += [f"`{flag}` is not an option of `{given.spec.name}`" for flag in given.unknown_flags]
    if expected.arguments != given.arguments:
        notes.append(f"the arguments should be `{' '.join(expected.arguments) or '(none)'}`")
    return "Right command, but " + "; ".join(notes) + "." if notes else "Right command."


def _words_or_none(line: str) -> list[str] | None:
    try:
        return split_words(line)
    except CommandSyntaxError:
        return None


def grade_command(expected_line: str, given_line: str, ctx: CommandContext) -> tuple[bool, str]:
    """(correct, hint): correct when both lines mean the same command."""
    try:
        expected = ctx.parse(expected_line)
    except CommandSyntaxError:  # e.g. `docker image --help`: no topic describes it; compare words
        ok = split_words(expected_line) == _words_or_none(given_line)
        return ok, "Right." if ok else f"Expected: `{expected_line}`."
    try:
        given = ctx.parse(given_line)
    except CommandSyntaxError as exc:
        return (
            False,
            f"I could not read that as a docker command ({exc}). Expected: `{expected_line}`.",
        )
    if given.meaning() == expected.meaning():
        return True, "Right."
    if given.spec.name != expected.spec.name:
        return False, (
            f"`{given.written_name}` is `{given.spec.name}`, a different command. "
            f"Expected: `{expected_line}`."
        )
    return False, _near_miss(expected, given) + f" Expected: `{expected_line}`."
