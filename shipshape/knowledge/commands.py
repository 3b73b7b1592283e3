"""Docker command lines read the way the docker CLI reads them, from the command topics' data.

One parser serves the chat's command explainer and the quiz's command grader.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from .topicfile import CommandOption, CommandSpec

HELP_OPTION = CommandOption(("--help",), "Print the command's usage and options, then exit.")
MAX_WORDS = 200


class CommandSyntaxError(ValueError):
    """The text is not a docker command line this project knows."""


@dataclass(frozen=True)
class ParsedOption:
    written: str  # the flag as typed, e.g. "-a" or "--all"
    option: CommandOption | None  # None when the command has no such flag
    value: str | None = None


@dataclass(frozen=True)
class ParsedCommand:
    slug: str
    spec: CommandSpec
    written_name: str
    options: tuple[ParsedOption, ...]
    arguments: tuple[str, ...]

    @property
    def unknown_flags(self) -> tuple[str, ...]:
        return tuple(o.written for o in self.options if o.option is None)

    def meaning(self) -> tuple:
        """What the command does, independent of spelling: equal meanings are equal commands."""
        flags = sorted((o.option.flags[-1], o.value or "") for o in self.options if o.option)
        unknown = sorted(self.unknown_flags)
        return (self.spec.name, tuple(flags), tuple(unknown), self.arguments)


def split_words(line: str) -> list[str]:
    """Shell words of a command line, without a leading prompt or sudo."""
    line = line.strip().strip("`").strip()
    line = re.sub(r"^\$\s*", "", line)
    try:
        words = shlex.split(line)
    except ValueError as exc:
        raise CommandSyntaxError(f"unbalanced quotes: {exc}") from exc
    if words[:1] == ["sudo"]:
        words = words[1:]
    if len(words) > MAX_WORDS:
        raise CommandSyntaxError("the command line is too long")
    return words


def match_command(words: list[str], phrases: dict[str, str]) -> tuple[str, str, int]:
    """The longest known command at the start of the words: (phrase, slug, words used)."""
    lowered = [w.lower() for w in words]
    for size in range(min(4, len(words)), 1, -1):
        phrase = " ".join(lowered[:size])
        if phrase.startswith("docker ") and phrase in phrases:
            return phrase, phrases[phrase], size
    raise CommandSyntaxError("no docker command I know starts this line")


def _lookup(spec: CommandSpec, flag: str) -> CommandOption | None:
    if flag == "--help":
        return next((o for o in spec.options if o.spelled(flag)), HELP_OPTION)
    return next((o for o in spec.options if o.spelled(flag)), None)


def _takes_command(spec: CommandSpec) -> bool:
    """run, create and exec stop reading flags at the first argument, like the docker CLI."""
    return "COMMAND" in spec.synopsis


def _parse_long(word: str, rest: list[str], spec: CommandSpec) -> ParsedOption:
    name, eq, value = word.partition("=")
    option = _lookup(spec, name)
    if eq:
        return ParsedOption(name, option, value)
    if option is not None and option.value and rest:
        return ParsedOption(name, option, rest.pop(0))
    return ParsedOption(name, option, None)


def _parse_short(word: str, rest: list[str], spec: CommandSpec) -> list[ParsedOption]:
    parsed = []
    letters = word[1:]
    for i, letter in enumerate(letters):
        flag = "-" + letter
        option = _lookup(spec, flag)
        if option is not None and option.value:
            tail = letters[i + 1 :].removeprefix("=")
            value = tail if tail else (rest.pop(0) if rest else None)
            parsed.append(ParsedOption(flag, option, value))
            break
        parsed.append(ParsedOption(flag, option, None))
    return parsed


def parse_command_line(
    line: str, specs: dict[str, CommandSpec], phrases: dict[str, str]
) -> ParsedCommand:
    """Parse a docker command line against the command topics (slug -> spec, phrase -> slug)."""
    words = split_words(line)
    phrase, slug, used = match_command(words, phrases)
    spec = specs[slug]
    rest = words[used:]
    options: list[ParsedOption] = []
    arguments: list[str] = []
    while rest:
        word = rest.pop(0)
        if word == "--":
            arguments += rest
            break
        if arguments and _takes_command(spec):
            arguments.append(word)
        elif word.startswith("--") and len(word) > 2:
            options.append(_parse_long(word, rest, spec))
        elif word.startswith("-") and len(word) > 1:
            options.extend(_parse_short(word, rest, spec))
        else:
            arguments.append(word)
    return ParsedCommand(slug, spec, phrase, tuple(options), tuple(arguments))


def synopsis_placeholders(spec: CommandSpec) -> list[str]:
    """Positional placeholders: 'IMAGE [COMMAND] [ARG...]' -> IMAGE, COMMAND, ARG...;
    alternatives take one place: 'PATH | URL | -' -> PATH|URL|-."""
    text = spec.synopsis.split("[OPTIONS]", 1)[-1] if "[OPTIONS]" in spec.synopsis else ""
    text = re.sub(r"\s*\|\s*", "|", text)
    return [w.strip("[]") for w in text.split() if w.strip("[]")]


@dataclass(frozen=True)
class ImageReference:
    registry: str
    repository: str
    tag: str | None
    digest: str | None


def parse_image_reference(text: str) -> ImageReference:
    """Split [registry/][namespace/]repository[:tag][@digest] into its parts."""
    name, _, digest = text.partition("@")
    first, slash, remainder = name.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        registry, path = first, remainder
    else:
        registry, path = "docker.io", name
    repository, colon, tag = (
        path.rpartition(":") if ":" in path.rsplit("/", 1)[-1] else (path, "", "")
    )
    if registry == "docker.io" and "/" not in repository:
        repository = f"library/{repository}"
    return ImageReference(registry, repository, tag if colon else None, digest or None)


# Arguments that name an image, by the synopsis's placeholders (IMAGE, NAME[:TAG], REPOSITORY).
IMAGE_PLACEHOLDER_RE = re.compile(r"^\[?(?:\w*IMAGE|NAME|REPOSITORY)\b")
# Commands where a name without a tag means every tag, not :latest (the CLI's reading).
EVERY_TAG_COMMANDS = {"docker image save", "docker image ls"}
EVERY_TAG_FLAGS = {"--all-tags"}


def image_positions(spec: CommandSpec) -> tuple[int, bool]:
    """(the first image argument's position or -1, whether the arguments after it are images
    too), from the synopsis: `IMAGE [IMAGE...]` and `SOURCE_IMAGE TARGET_IMAGE` name several."""
    text = spec.synopsis.removeprefix(spec.name).replace("[OPTIONS]", " ")
    words = [w for w in text.split() if w not in {"|"}]
    for position, word in enumerate(words):
        if IMAGE_PLACEHOLDER_RE.match(word):
            return position, word.rstrip("]").endswith("...") or (
                position + 1 < len(words) and bool(IMAGE_PLACEHOLDER_RE.match(words[position + 1]))
            )
    return -1, False


def canonical_image(text: str, imply_latest: bool) -> str:
    """nginx, nginx:latest and docker.io/library/nginx:latest all as the last one."""
    if not re.fullmatch(r"[\w.\-/:@]+", text) or text.startswith("sha256:"):
        return text
    ref = parse_image_reference(text)
    tag = ref.tag or ("latest" if imply_latest and not ref.digest else None)
    return (
        f"{ref.registry}/{ref.repository}"
        + (f":{tag}" if tag else "")
        + (f"@{ref.digest}" if ref.digest else "")
    )
