"""The docker CLI's captured `--help` texts (tests/data/docker_help/) read into commands and flags.

Each file is one command's help; its "Aliases:" line names the other spellings, its
"Options:" lines the flags, with the type word that says a flag takes a value (`--name string`).
hidden.yaml adds what the CLI accepts without showing it (deprecated and hidden flags).
plugins/ holds the reference page of a CLI plugin this machine lacks (buildx): with buildx, which
Docker's packages install, `docker build` is `docker buildx build`, so its flags count too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

HELP_DIR = Path(__file__).resolve().parents[1] / "data" / "docker_help"
FLAG_RE = re.compile(
    r"^  (?:-(\w), )?\s*--([a-z0-9][a-z0-9-]*)(?: ([a-zA-Z][a-zA-Z0-9-]*))?(?:\s{2,}|$)"
)
COMMANDS_RE = re.compile(r"^(?:\w+ )?Commands:$")
COMMAND_RE = re.compile(r"^  ([a-z][a-z0-9-]*)\*?\s{2,}")
TABLE_FLAG_RE = re.compile(r"`(--?[a-zA-Z0-9-]+)`")
TABLE_ROW_RE = re.compile(r"^\|([^|]*)\|\s*`(\w+)`\s*\|")
# Value types whose values are numbers: a word there is a mistake (`docker stop -t web`).
NUMERIC = {"int", "uint", "uint16", "uint32", "int64", "float", "decimal"}


@dataclass(frozen=True)
class Flag:
    long: str  # "--all"
    short: str | None = None  # "-a"
    kind: str | None = None  # the type word ("string", "int", "list"), None for a boolean
    deprecated: bool = False
    hidden: bool = False
    use_instead: str | None = None

    @property
    def takes_value(self) -> bool:
        return self.kind is not None

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.short, self.long) if self.short else (self.long,)


@dataclass
class HelpPage:
    path: str  # "docker container ls"
    usage: str
    aliases: tuple[str, ...] = ()
    subcommands: tuple[str, ...] = ()
    flags: dict[str, Flag] = field(default_factory=dict)  # each spelling -> its flag
    global_flags: dict[str, Flag] = field(default_factory=dict)  # docker's own, before a command

    def flag(self, written: str) -> Flag | None:
        return self.flags.get(written)


def _sections(text: str) -> dict[str, list[str]]:
    """Lines under each heading ("Options:", "Commands:", ...), keyed by the heading."""
    found: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line and not line.startswith(" "):
            current = line.strip()
            found[current] = []
        elif current is not None and line.strip():
            found[current].append(line)
    return found


def _flags(lines: list[str]) -> dict[str, Flag]:
    """Each flag line's flag; one whose description says "deprecated" is marked so."""
    flags: dict[str, Flag] = {}
    for line in lines:
        if match := FLAG_RE.match(line):
            short, long, kind = match.groups()
            deprecated = "deprecated" in line[match.end() :].lower()
            flag = Flag("--" + long, "-" + short if short else None, kind, deprecated)
            flags.update(dict.fromkeys(flag.spellings, flag))
    return flags


def parse_help(path: str, text: str) -> HelpPage:
    """One command's help text as a HelpPage."""
    sections = _sections(text)
    usage = next((h for h in sections if h.startswith("Usage:")), "Usage:").split(":", 1)[1]
    aliases = tuple(a.strip() for line in sections.get("Aliases:", []) for a in line.split(","))
    subcommands = tuple(
        m.group(1)
        for heading, lines in sections.items()
        if COMMANDS_RE.match(heading)
        for line in lines
        if (m := COMMAND_RE.match(line))
    )
    return HelpPage(
        path,
        " ".join(usage.split()),
        tuple(a for a in aliases if a),
        subcommands,
        _flags(sections.get("Options:", [])),
        _flags(sections.get("Global Options:", [])),
    )


def parse_reference(path: str, markdown: str) -> HelpPage:
    """A plugin's reference page (docs/reference/*.md: usage, aliases, options table)."""
    usage = re.search(r"```text\n(.*?)\n```", markdown, re.S)
    aliases = re.search(r"### Aliases\n\n(.*?)\n", markdown)
    flags: dict[str, Flag] = {}
    for row in markdown.splitlines():
        if (match := TABLE_ROW_RE.match(row)) and (names := TABLE_FLAG_RE.findall(match[1])):
            long = next(n for n in names if n.startswith("--"))
            short = next((n for n in names if not n.startswith("--")), None)
            flag = Flag(long, short, None if match[2] == "bool" else match[2])
            flags.update(dict.fromkeys(flag.spellings, flag))
    names = re.findall(r"`([^`]+)`", aliases[1]) if aliases else []
    return HelpPage(path, usage[1] if usage else path, (path, *names), (), flags)


def _add_plugins(pages: dict[str, HelpPage], directory: Path) -> None:
    """Each plugin page, its group ("docker buildx"), and its flags on the commands it replaces."""
    for file in sorted(directory.glob("*.md")):
        plugin = parse_reference(file.stem.replace("_", " "), file.read_text())
        group = plugin.path.rsplit(" ", 1)[0]
        pages.setdefault(group, HelpPage(group, f"{group} COMMAND"))
        pages[group].subcommands += (plugin.path.rsplit(" ", 1)[1],)
        pages[plugin.path] = plugin
        for alias in plugin.aliases:
            if (page := pages.get(alias)) is not None and page is not plugin:
                page.flags = {**page.flags, **plugin.flags}


@dataclass
class DockerHelp:
    version: str
    pages: dict[str, HelpPage]  # every spelling of a command (aliases too) -> its page
    stops_at_first_argument: frozenset[str]

    def page(self, path: str) -> HelpPage | None:
        return self.pages.get(path)

    @property
    def root(self) -> HelpPage:
        return self.pages["docker"]

    def commands(self) -> set[str]:
        """The distinct command pages' paths."""
        return {page.path for page in self.pages.values()}


def _add_hidden(pages: dict[str, HelpPage], entries: list[dict]) -> None:
    for entry in entries:
        page = pages[entry["command"]]
        page.flags[entry["flag"]] = Flag(
            entry["flag"],
            kind=entry.get("value"),
            deprecated=bool(entry.get("deprecated")),
            hidden=True,
            use_instead=entry.get("use_instead"),
        )


@cache
def load(directory: Path = HELP_DIR) -> DockerHelp:
    """The captured help of every docker command, aliases resolved, hidden flags added."""
    pages: dict[str, HelpPage] = {}
    for file in sorted(directory.glob("*.txt")):
        path = file.stem.replace("_", " ")
        pages[path] = parse_help(path, file.read_text())
    _add_plugins(pages, directory / "plugins")
    hidden = yaml.safe_load((directory / "hidden.yaml").read_text())
    _add_hidden(pages, hidden["flags"])
    for entry in hidden["commands"]:
        pages[entry["command"]] = HelpPage(entry["command"], entry["usage"])
        pages["docker"].subcommands += (entry["command"].split()[-1],)
    for page in list(pages.values()):
        for alias in page.aliases:
            pages.setdefault(alias, page)
    # The top-level shortcuts (`docker ps`) have pages of their own with the same flags; one page
    # per command keeps hidden flags in one place.
    for page in list(pages.values()):
        canonical = page.aliases[0] if page.aliases else page.path
        if canonical in pages and pages[canonical] is not page:
            pages[page.path] = pages[canonical]
    version = (directory / "VERSION").read_text().strip()
    return DockerHelp(version, pages, frozenset(hidden["stops_at_first_argument"]))
