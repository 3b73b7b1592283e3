"""The likely mistake in a docker command line, found from the command topics' own synopsis and
option data: options after the image name, a copied prompt, output pasted as arguments, an
unknown flag (with the nearest real one), a missing argument such as the build context, a
repository name with capitals, two commands run together, dashes and quotes a web page changed,
--rm with a restart policy; and lines that parse but mean something else (value_mistakes)."""

from __future__ import annotations

import re
from contextlib import suppress

from ..knowledge.catalog import Catalog
from ..knowledge.commands import (
    CommandSyntaxError,
    ParsedCommand,
    parse_command_line,
    parse_image_reference,
    split_words,
)
from ..knowledge.topicfile import CommandOption
from .mistake import Mistake, reads_as_sentence, shell_line
from .options import is_option, nearest_option
from .output_tables import KINDS
from .synopsis import is_image_place, place_at, placeholders, required_count, takes_an_id
from .value_mistakes import RULES as VALUE_RULES

_REQUIRES = re.compile(r"requires (exactly |at least )?(1|one|a minimum of 1) argument", re.I)
_FAILED = re.compile(r"\b(fail\w*|error|does(n'?t| not) work|wrong|broken)\b", re.I)
_DOCKER_UNKNOWN = re.compile(r"unknown (shorthand )?flag|flag provided but not defined", re.I)
_NOT_FOUND = re.compile(r"command not found|is not recognized|no such file or directory", re.I)
_OUTPUT_WORDS = frozenset(w for kind in KINDS for c in kind.columns for w in c.split())
_OUTPUT_LINE = re.compile(r"^[A-Z][a-z]+( [a-z]+)*:$|^(Unable|Using|Status|Digest|latest)\b")
_OUTPUT_ID = re.compile(r"^(sha256:)?[0-9a-f]{64}$")  # an ID docker printed, pasted back
_SHELL_EXPANSION = re.compile(r"[$`]")
_ELISIONS = frozenset({"...", "\u2026", "[...]"})
_PLACEHOLDER = re.compile(r"<[^<>]+>")
_FILLERS = {"PATH": ".", "COMMAND": "sh", "CONTAINER": "CONTAINER", "IMAGE": "IMAGE"}
LOOK_ALIKES = "look-alikes"
# What pages and word processors put in place of the ASCII a shell needs: (name, plain form).
_DASHES = {"\u2010": "a hyphen", "\u2011": "a hyphen", "\u2012": "a dash", "\u2013": "an en dash",
           "\u2014": "an em dash", "\u2015": "a dash", "\u2212": "a minus sign"}  # fmt: skip
_QUOTES = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
           "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'"}  # fmt: skip
_SPACES = {"\u00a0", "\u2007", "\u2009", "\u202f"}


def _options_after_image(
    parsed: ParsedCommand, words: list[str], catalog: Catalog
) -> Mistake | None:
    """`docker run nginx -p 8080:80`: the word where the container's command goes is an option."""
    places = placeholders(parsed.spec)
    position = next((i for i, p in enumerate(places) if p.name == "COMMAND"), None)
    args = list(parsed.arguments)
    if position is None or len(args) <= position or not args[position].startswith("-"):
        return None
    if reads_as_sentence(args[:1]):
        return None
    if not is_option(parsed.spec, args[position]):
        return None
    tail = parse_command_line(
        shell_line([*parsed.written_name.split(), *args[position:]]),
        catalog.specs,
        catalog.commands,
    )
    rest = len(args) - len(tail.arguments)
    moved = args[position:rest]
    head = words[: len(words) - len(args)]
    corrected = shell_line([*head, *moved, *args[:position], *args[rest:]])
    thing = places[0].name.lower()
    return Mistake(
        "options-after-image",
        f"The options `{' '.join(moved)}` come after the {thing} name `{args[0]}`, so "
        f"`{parsed.written_name}` does not read them: everything after the {thing} is the command "
        f"run inside the container, and docker passes `{args[position]}` to it. Options go "
        f"before the {thing} name.",
        corrected,
    )


def _one_dash(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """`-name web`: a long option written with one dash, read as the letters -n -a -m -e."""
    flags = {f for option in parsed.spec.options for f in option.flags if f.startswith("--")}
    for word in words:
        name = word.split("=", 1)[0]
        if re.fullmatch(r"-[a-z][a-z-]+", name) and f"-{name}" in flags:
            return Mistake(
                "unknown-flag",
                f"`{name}` has one dash, so docker reads it as the one-letter options "
                f"`-{name[1]}`, `-{name[2]}`… (\"unknown shorthand flag: '{name[1]}' in {name}\"). "
                f"A long option takes two: `-{name}`.",
                shell_line([f"-{w}" if w == word else w for w in words]),
            )
    return None


def _unknown_flag(parsed: ParsedCommand, words: list[str], message: str) -> Mistake | None:
    """A flag docker does not have for the command (the topic's options, completed with docker's
    own list): a mistake when a real flag is near it, or when docker itself said so."""
    unknown = next((o for o in parsed.options if o.option is None), None)
    if unknown is None:
        return None
    nearest = nearest_option(parsed.spec, unknown.written)
    kind = "unknown flag" if unknown.written.startswith("--") else "unknown shorthand flag"
    text = f'`{parsed.written_name}` has no option `{unknown.written}` (docker says "{kind}").'
    if nearest is None:
        if not _DOCKER_UNKNOWN.search(message):
            return None
        return Mistake("unknown-flag", f"{text} `{parsed.written_name} --help` lists them.", None)
    flag = nearest.flags[-1]
    fixed = [flag if w == unknown.written else w for w in words]
    corrected = shell_line(fixed) if unknown.written in words else None
    also = f" (`{nearest.flags[0]}`)" if len(nearest.flags) > 1 else ""
    said = f": {nearest.help}" if nearest.help else "."
    return Mistake("unknown-flag", f"{text} You probably meant `{flag}`{also}{said}", corrected)


def _missing_argument(
    parsed: ParsedCommand, words: list[str], message: str, quoted: bool
) -> Mistake | None:
    """A required argument missing from a line typed as a command. Quoted in a sentence, a
    command is often shortened (`docker stop`, `docker history -q`): there only docker's
    "requires … argument", or the learner saying it failed, makes the missing argument likely."""
    bare = len(words) == len(parsed.written_name.split())  # `docker stop` names a command
    said_failed = _FAILED.search(_sentence_with(" ".join(words), message))
    if not _REQUIRES.search(message) and (bare or (quoted and not said_failed)):
        return None
    last = parsed.options[-1] if parsed.options else None
    if not parsed.arguments and last and last.option and last.option.value and not last.value:
        return None  # `docker build -f`: a question about the option, put tersely
    if parsed.unknown_flags and not _REQUIRES.search(message):
        return None  # `docker stop --rm`: a flag wished for, or one docker refuses first
    places = placeholders(parsed.spec)
    needed = required_count(places)
    if len(parsed.arguments) >= needed:
        return None
    missing = [p for p in places if p.required][len(parsed.arguments)]
    fill = _FILLERS.get(missing.name.split("[")[0], missing.name)
    corrected = shell_line([*words, fill])
    if missing.name == "PATH" and "build" in parsed.spec.name:
        return Mistake(
            "missing-build-context",
            f"`{parsed.written_name}` has no build context: the last argument, usually `.` (the "
            "current folder), is the folder whose files the Dockerfile can COPY. Docker stops "
            f"with a usage error ('{parsed.written_name}' requires 1 argument).",
            corrected,
        )
    about = f" ({parsed.spec.arguments})" if parsed.spec.arguments else ""
    return Mistake(
        "missing-argument",
        f"`{parsed.written_name}` needs `{missing.name}`{about}, and the line has none.",
        corrected,
    )


def _sentence_with(line: str, message: str) -> str:
    """The sentence of the message that quotes the line (the whole message if none does)."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n", message):
        if line in " ".join(sentence.replace("`", " ").split()):
            return sentence
    return message


def _uppercase_repository(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    places = placeholders(parsed.spec)
    named = [a for a, p in zip(parsed.arguments, places, strict=False) if is_image_place(p)]
    named += [o.value for o in parsed.options if o.value and o.option and _names_image(o.option)]
    for value in named:
        if _SHELL_EXPANSION.search(value):
            continue  # `$IMAGE` or `date` output: the shell fills it in, docker never sees it
        repository = parse_image_reference(value).repository
        if repository != repository.lower():
            return Mistake(
                "uppercase-repository",
                f"The image name `{value}` has capital letters in its repository part: docker "
                'refuses it ("invalid reference format: repository name must be lowercase"). Only '
                "the tag after `:` may have capitals.",
                shell_line([_lower_name(w) if w == value else w for w in words]),
            )
    return None


def _lower_name(value: str) -> str:
    """The image reference with its name lower-cased and its tag and digest as written."""
    name, at, digest = value.partition("@")
    path, colon, tag = name.rpartition(":") if ":" in name.rsplit("/", 1)[-1] else (name, "", "")
    return f"{path.lower()}{colon}{tag}{at}{digest}"


def _names_image(option: CommandOption) -> bool:
    return bool(option.value) and "tag" in option.value.lower()


def _rm_with_restart(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """`docker run --rm --restart always`: a container deleted when it exits cannot restart."""
    given = {o.option.flags[-1]: o for o in parsed.options if o.option}
    restart = given.get("--restart")
    if "--rm" not in given or restart is None or (restart.value or "no") == "no":
        return None
    kept = [w for w in words if w != given["--rm"].written]
    return Mistake(
        "rm-with-restart",
        f"`{given['--rm'].written}` and `{restart.written} {restart.value}` cannot go together: "
        "`--rm` deletes the container when it exits, so nothing is left to restart, and docker "
        'refuses with "Conflicting options: --restart and --rm". Keep the one you mean.',
        shell_line(kept),
    )


def _two_commands(parsed: ParsedCommand, catalog: Catalog) -> Mistake | None:
    """`docker run push myimage`: the image's place holds another docker command's name."""
    places = placeholders(parsed.spec)
    if len(parsed.arguments) < 2 or not places or not is_image_place(places[0]):
        return None
    first = parsed.arguments[0].lower()
    if reads_as_sentence(parsed.arguments):
        return None  # "docker run build create difference": a question put tersely
    other = f"docker {first}"
    if other not in catalog.commands or catalog.commands[other] == parsed.slug:
        return None
    return Mistake(
        "two-commands",
        f"`{parsed.written_name}` and `{other}` are two commands: here `{first}` stands where "
        f"the {places[0].name.lower()} name goes, so docker looks for an image called "
        f"`{first}`. Run one command per line.",
        shell_line([*other.split(), *parsed.arguments[1:]]),
    )


def _pasted_output(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """More words than the synopsis takes, and they read like docker's own output."""
    places = placeholders(parsed.spec)
    last = len(parsed.arguments) - 1
    if (  # the ID of `docker inspect <id>` stands where one goes
        last >= 0
        and words[-1] == parsed.arguments[last]
        and _OUTPUT_ID.match(words[-1])
        and not takes_an_id(place_at(places, last))
    ):
        return Mistake(
            "pasted-output",
            f"`{words[-1][:12]}…` is an ID docker printed, pasted back onto the command line: "
            f"`{parsed.written_name}` takes it as one more argument.",
            shell_line(words[:-1]),
        )
    if any(p.repeats for p in places) or "COMMAND" in {p.name for p in places}:
        return None
    extra = list(parsed.arguments[len(places) :])
    if not extra:
        return None
    if not (set(extra) & _OUTPUT_WORDS or any(_OUTPUT_LINE.match(w) for w in extra)):
        return None
    if reads_as_sentence(extra):
        return None
    kept = list(parsed.arguments[: len(places)])
    return Mistake(
        "pasted-output",
        f"The words after `{' '.join([parsed.written_name, *kept])}` look like docker's output "
        f"(`{' '.join(extra[:6])}`), pasted back as arguments: `{parsed.written_name}` takes "
        f"{len(places) or 'no'} argument{'' if len(places) == 1 else 's'} there.",
        shell_line(words[: -len(extra)]) if words[-len(extra) :] == extra else None,
    )


def _missing_value(parsed: ParsedCommand) -> Mistake | None:
    """`--name -P`: an option that takes a value swallowed the next option as its value."""
    for item in parsed.options:
        if item.option and item.option.value and item.value and item.value.startswith("-"):
            flags = {f for o in parsed.spec.options for f in o.flags}
            if item.value.split("=", 1)[0] in flags or item.value[:2] in flags:
                return Mistake(
                    "missing-value",
                    f"`{item.written}` needs a value ({item.option.value}), so it took the next "
                    f"option `{item.value}` as that value: give `{item.written}` its own value.",
                    None,
                )
    return None


def _option_before_command(words: list[str], catalog: Catalog) -> Mistake | None:
    """`docker -t pcehr build`: a command's options typed before the command's name."""
    if len(words) < 3 or not words[1].startswith("-"):
        return None
    for start in range(2, min(len(words), 8)):
        for size in (2, 1):
            phrase = " ".join(["docker", *words[start : start + size]]).lower()
            if phrase in catalog.commands:
                moved, rest = words[1:start], words[start + size :]
                return Mistake(
                    "option-before-command",
                    f"`{' '.join(moved)}` comes before the command `{phrase}`: there docker "
                    "reads it as an option of `docker` itself, which has no such option. "
                    "Options go after the command's name.",
                    shell_line([*phrase.split(), *moved, *rest]),
                )
    return None


def _dashed(word: str) -> bool:
    """An option whose hyphens became a dash: a dash, then a letter."""
    return word[:1] in _DASHES and word[1:2].isalpha()


def _retyped_option(word: str, flags: set[str]) -> str:
    """An option whose leading hyphens a page turned into a dash, with its hyphens back: two for a
    long option, one for a run of one-letter options (`-it` with a dash for its hyphen)."""
    name = word[1:].split("=", 1)[0]
    if f"--{name}" not in flags and name and all(f"-{c}" in flags for c in name):
        return f"-{word[1:]}"
    return f"--{word[1:]}"


def _retyped(line: str, catalog: Catalog) -> str:
    """The line with plain quotes, spaces and hyphens where a page had put look-alikes."""
    for quote, plain in _QUOTES.items():
        line = line.replace(quote, plain)
    line = "".join(" " if c in _SPACES else c for c in line)
    words = line.split(" ")
    guess = " ".join(f"--{w[1:]}" if _dashed(w) else w for w in words)
    flags: set[str] = set()
    with suppress(CommandSyntaxError):
        spec = parse_command_line(guess, catalog.specs, catalog.commands).spec
        flags = {f for option in spec.options for f in option.flags}
    return " ".join(_retyped_option(w, flags) if _dashed(w) else w for w in words)


def look_alikes(line: str, catalog: Catalog) -> Mistake | None:
    """`--rm` or `"nginx"` as a page prints them: dashes, curly quotes or non-breaking spaces that
    look right but are not what the shell and docker read as hyphens, quotes and word breaks."""
    dashed = next((w for w in line.split() if _dashed(w)), None)
    quotes = [c for c in dict.fromkeys(line) if c in _QUOTES]
    spaced = any(c in _SPACES for c in line)
    if dashed is None and not quotes and not spaced:
        return None
    said = []
    if dashed is not None:
        said.append(
            f"`{dashed}` starts with {_DASHES[dashed[0]]}, not with hyphens, so docker does not "
            "read it as an option: it takes it for an argument, often the image name, and stops "
            'with "invalid reference format".'
        )
    if quotes:
        marks = " ".join(f"`{c}`" for c in quotes)
        said.append(
            f"{marks} are curly quotes: the shell does not treat them as quotes, so they stay "
            "part of the word docker receives."
        )
    if spaced:
        said.append("A non-breaking space looks like a space but does not separate two words.")
    said.append(
        "Web pages, chat apps and word processors put such characters in place of what was "
        "typed: type them again as plain hyphens, quotes and spaces."
    )
    return Mistake(LOOK_ALIKES, " ".join(said), _retyped(line, catalog))


def _copied_prompt(prompt: str, line: str, message: str) -> Mistake | None:
    if not prompt or not _NOT_FOUND.search(message.replace(line, " ")):
        return None
    return Mistake(
        "copied-prompt",
        f"`{prompt}` at the start is the prompt from the page you copied, not part of the command: "
        f"the shell tries to run a program called `{prompt.split()[0]}`.",
        line,
    )


def find_mistakes(
    line: str, catalog: Catalog, prompt: str = "", message: str = "", quoted: bool = False
) -> list[Mistake]:
    """The likely mistakes in a command line, most telling first; [] when it reads as meant."""
    found = [_copied_prompt(prompt, line, message)]
    look_alikes_found = look_alikes(line, catalog)
    if look_alikes_found is not None:  # the rest would be read from the changed characters
        return [m for m in (*found, look_alikes_found) if m]
    try:
        parsed = parse_command_line(line, catalog.specs, catalog.commands)
    except CommandSyntaxError:
        with suppress(CommandSyntaxError):
            found.append(_option_before_command(split_words(line), catalog))
        return [m for m in found if m]
    words = split_words(line)
    if any(w in _ELISIONS or _PLACEHOLDER.fullmatch(w) for w in words):
        return [m for m in found if m]  # a sketch of a command (`docker run ... nginx`)
    one_dash = _one_dash(parsed, words)
    if one_dash is not None:  # the rest was read from its letters: nothing more to tell
        return [m for m in (*found, one_dash) if m]
    found += [
        _missing_value(parsed),
        _unknown_flag(parsed, words, message),  # docker stops at these before it runs anything
        _options_after_image(parsed, words, catalog),
        _two_commands(parsed, catalog),
        _pasted_output(parsed, words),
        _missing_argument(parsed, words, message, quoted),
        _uppercase_repository(parsed, words),
        _rm_with_restart(parsed, words),
        *(rule(parsed, words) for rule in VALUE_RULES),
    ]
    mistakes = [m for m in found if m]
    return mistakes[:1] if mistakes and mistakes[0].rule == "two-commands" else mistakes
