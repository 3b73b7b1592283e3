"""Explain a pasted docker command part by part, like explainshell, from the command topics."""

from __future__ import annotations

import re

from ..knowledge.catalog import Catalog
from ..knowledge.commands import (
    CommandSyntaxError,
    ParsedCommand,
    parse_command_line,
    parse_image_reference,
    synopsis_placeholders,
)
from ..knowledge.documents import first_sentences
from ..knowledge.presenting import topic_url
from .quoting import code_span
from .reply import ANSWER, Reply, Source, Why

_BACKTICKED = re.compile(r"`([^`]*\bdocker\s[^`]*)`")
_TRAILING_ASK = re.compile(r"\s+(do|does|mean|means|stand for)\s*\??\s*$", re.I)
_INLINE = re.compile(r"(?<![\w-])docker\s+[a-z].*\s-{1,2}[A-Za-z]", re.I)


def find_command_line(message: str) -> str | None:
    """The docker command line a message contains, if it contains one worth explaining."""
    text = message.strip()
    quoted = _BACKTICKED.search(text)
    if quoted:
        return quoted.group(1)
    bare = re.sub(r"^\$\s*", "", text)
    if re.match(r"^(sudo\s+)?docker\s+\S", bare, re.I):
        return _TRAILING_ASK.sub("", bare).rstrip("?")
    inline = _INLINE.search(text)
    if inline:
        return _TRAILING_ASK.sub("", text[inline.start() :]).rstrip("?")
    return None


def _cell(text: str) -> str:
    """Prose the topics wrote, in a table cell (a learner's text goes in code_span instead)."""
    return text.replace("|", "\\|").replace("\n", " ")


def _describe_argument(placeholder: str, value: str) -> str:
    name = placeholder.rstrip(".").upper()
    if "IMAGE" in name or name.startswith("NAME[") or name.startswith("REPOSITORY"):
        ref = parse_image_reference(value)
        tag = f"tag {code_span(ref.tag)}" if ref.tag else "no tag, so `latest`"
        digest = f", digest {code_span(ref.digest)}" if ref.digest else ""
        where = f"registry {code_span(ref.registry)}, repository {code_span(ref.repository)}"
        return f"the image: {where}, {tag}{digest}"
    if name.startswith("CONTAINER"):
        return "the container, by name or ID"
    if name.startswith("COMMAND"):
        return "the command to run inside the container, instead of the image's default"
    if name.startswith("ARG"):
        return "an argument passed to that command"
    alternatives = placeholder.strip(".").lower().replace("_", " ").split("|")
    return " or ".join(alternatives)


def _argument_rows(parsed: ParsedCommand) -> list[str]:
    placeholders = synopsis_placeholders(parsed.spec) or ["ARG..."]
    rows = []
    for i, value in enumerate(parsed.arguments):
        placeholder = placeholders[min(i, len(placeholders) - 1)]
        if i >= len(placeholders) and not placeholder.endswith("..."):
            placeholder = "ARG..."
        rows.append(f"| {code_span(value)} | {_cell(_describe_argument(placeholder, value))} |")
    return rows


def _untaught(parsed: ParsedCommand) -> str:
    name = parsed.spec.name
    return f"an option of `{name}` the course leaves out; `{name} --help` describes it"


def _option_rows(parsed: ParsedCommand) -> list[str]:
    rows = []
    for item in parsed.options:
        if item.option is None:
            rows.append(
                f"| {code_span(item.written)} | not an option of `{parsed.spec.name}` that I know |"
            )
            continue
        other = [f for f in item.option.flags if f != item.written]
        also = f" (also `{other[0]}`)" if other else ""
        value = f" {code_span(item.value)}" if item.value else ""
        written = f"{code_span(item.written)}{value}"
        rows.append(f"| {written}{also} | {_cell(item.option.help or _untaught(parsed))} |")
    return rows


def explain(parsed: ParsedCommand, line: str, catalog: Catalog) -> Reply:
    """A part-by-part table of a parsed command, sourced from its command topic."""
    doc = catalog.get(parsed.slug)
    same = "" if parsed.written_name == parsed.spec.name else f", the same as `{parsed.spec.name}`"
    rows = [
        f"| {code_span(parsed.written_name)} | the command{same} |",
        *_option_rows(parsed),
        *_argument_rows(parsed),
    ]
    lines = [f"**{code_span(line)}**", "", first_sentences(doc.summary, 2), ""]
    lines += ["| Part | What it means |", "| --- | --- |", *rows]
    if parsed.unknown_flags:
        flags = ", ".join(code_span(f) for f in parsed.unknown_flags)
        lines += [
            "",
            f"I don't know {flags} as an option of `{parsed.spec.name}`: check the spelling, "
            f"or run `{parsed.spec.name} --help`.",
        ]
    source = Source(doc.title, "Command reference", topic_url(doc.slug, "command-reference"), 1.0)
    return Reply(
        ANSWER, "\n".join(lines), 1.0, (source,), topic_slug=doc.slug, anchor="command-reference",
        why=_evidence(parsed),
    )  # fmt: skip


def _evidence(parsed: ParsedCommand) -> Why:
    """Which parts of the line the command reference knows, in a sentence."""
    known = [o.written for o in parsed.options if o.option is not None]
    unknown = len(parsed.unknown_flags)
    basis = (
        f"Each part was looked up in the command reference of `{parsed.spec.name}`: "
        f"{len(known)} option{'s' if len(known) != 1 else ''} found there"
        + (f", {unknown} not." if unknown else ".")
    )
    return Why(matched=(parsed.written_name, *known), basis=basis)


def explain_message(message: str, catalog: Catalog) -> Reply | None:
    """An explanation when the message holds a docker command line I can read, else None."""
    line = find_command_line(message)
    if line is None:
        return None
    try:
        parsed = parse_command_line(line, catalog.specs, catalog.commands)
    except CommandSyntaxError:
        return None
    return explain(parsed, line, catalog)
