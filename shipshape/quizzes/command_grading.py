"""Grade a typed docker command by meaning: what Docker treats as the same command is equal.

Aliases, flag order, -aq, --name=x, deprecated spellings (--time), an implied :latest or
docker.io/library/ in an image name, and spaces inside a Go template's {{ }} do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge.commands import (
    EVERY_TAG_COMMANDS,
    EVERY_TAG_FLAGS,
    CommandSyntaxError,
    ParsedCommand,
    canonical_image,
    image_positions,
    parse_command_line,
    split_words,
)
from ..knowledge.topicfile import CommandSpec

TEMPLATE_ACTION_RE = re.compile(r"\{\{(-\s)?\s*(.*?)\s*(\s-)?\}\}", re.S)
TEMPLATE_FLAGS = {"--format"}


@dataclass(frozen=True)
class CommandContext:
    specs: dict[str, CommandSpec]  # slug -> spec, from the command topics
    phrases: dict[str, str]  # command name or alias -> slug

    def parse(self, line: str) -> ParsedCommand:
        return parse_command_line(line, self.specs, self.phrases)


def _template(text: str) -> str:
    """A Go template with the spaces inside each {{ }} action collapsed: {{ .X }} = {{.X}}.
    The trim markers `{{- ` and ` -}}` change the output, so they are kept."""
    return TEMPLATE_ACTION_RE.sub(
        lambda m: (
            "{{" + ("- " if m[1] else "") + " ".join(m[2].split()) + (" -" if m[3] else "") + "}}"
        ),
        text,
    )


def _value(flag: str, value: str | None) -> str:
    return _template(value) if value and flag in TEMPLATE_FLAGS else value or ""


def _arguments(parsed: ParsedCommand) -> tuple[str, ...]:
    """The arguments, each image name written the way Docker reads it (implied :latest...)."""
    first, rest = image_positions(parsed.spec)
    if first < 0:
        return parsed.arguments
    every_tag = parsed.spec.name in EVERY_TAG_COMMANDS or any(
        o.option and set(o.option.flags) & EVERY_TAG_FLAGS for o in parsed.options
    )
    last = len(parsed.arguments) if rest else first + 1
    return tuple(
        canonical_image(arg, not every_tag) if first <= i < last else arg
        for i, arg in enumerate(parsed.arguments)
    )


def meaning(parsed: ParsedCommand) -> tuple:
    """What the command does, independent of every spelling Docker accepts."""
    name, flags, unknown, _ = parsed.meaning()
    flags = tuple(sorted((flag, _value(flag, value)) for flag, value in flags))
    return (name, flags, unknown, _arguments(parsed))


def _clause(help_text: str) -> str:
    return help_text.rstrip(". ")


def _flags(parsed: ParsedCommand) -> dict[str, tuple]:
    """Canonical flag -> (option, value) for the flags the command knows."""
    return {
        o.option.flags[-1]: (o.option, _value(o.option.flags[-1], o.value))
        for o in parsed.options
        if o.option
    }


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
    if _arguments(expected) != _arguments(given):
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
    if meaning(given) == meaning(expected):
        return True, "Right."
    if given.spec.name != expected.spec.name:
        return False, (
            f"`{given.written_name}` is `{given.spec.name}`, a different command. "
            f"Expected: `{expected_line}`."
        )
    return False, _near_miss(expected, given) + f" Expected: `{expected_line}`."
