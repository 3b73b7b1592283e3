"""Replies to what a message pastes: a Dockerfile reviewed, docker's output read back, the
mistake in a command line named first. Each reads the parts the reading found, never the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..knowledge.catalog import Catalog
from ..knowledge.commands import CommandSyntaxError, parse_command_line
from ..knowledge.library import Library
from ..knowledge.presenting import topic_url
from ..paste.command_mistakes import Mistake, find_mistakes, look_alikes
from ..paste.dockerfile_parse import DockerfileSyntaxError
from ..paste.dockerfile_review import Finding, Review, review_dockerfile
from ..paste.hadolint import RAN
from ..paste.output_readback import read_back
from ..paste.parts import COMMAND, DOCKERFILE, ERROR, PROSE, TABLE, Part
from .explain import explain
from .reading import Question
from .reply import ANSWER, REVIEW, Reply, Source

REVIEWED = 0.9  # Docker's grammar and hadolint read it: the rows and findings are certain
OWN_RULES_ONLY = 0.75  # hadolint did not run: fewer findings than there could be
READ_BACK = 0.9
NAMED = 0.85  # a mistake found from the command's own synopsis and options
_IN_A_SENTENCE = re.compile(r"(?<![\w-])docker\s+[a-z][^\n`]*")
# A sentence's own quotation marks around a command (“docker image inspect X”, «docker ps»,
# 「docker ps」) are punctuation: the command ends at the closing one, which is not part of it.
_QUOTED_BY = {"\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb", "\u300c": "\u300d",
              "\u201e": "\u201c", '"': '"'}  # fmt: skip
_APOSTROPHE = re.compile(r"(?<=\w)\u2019(?=\w)")
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def source_for(slug: str, anchor: str, catalog: Catalog) -> Source | None:
    """The link to a section that teaches something, when the topic and section exist."""
    doc = catalog.get(slug)
    if doc is None:
        return None
    section = next((s for s in doc.sections if s.anchor == anchor), None)
    heading = section.heading if section else doc.title
    return Source(doc.title, heading, topic_url(slug, anchor if section else ""), 1.0)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _finding_dict(finding: Finding, catalog: Catalog) -> dict:
    source = source_for(*finding.taught_in, catalog)
    return {
        "line": finding.line,
        "severity": finding.severity,
        "rule": finding.rule,
        "message": finding.message,
        "why": finding.why,
        "fix": finding.fix,
        "source": finding.source,
        "lesson": {"title": source.section, "url": source.url} if source else None,
    }


def review_body(review: Review, catalog: Catalog) -> dict:
    """The `review` object of the API's reply: rows, findings and how the linting went."""
    return {
        "rows": [vars(row) for row in review.rows],
        "findings": [_finding_dict(f, catalog) for f in review.findings],
        "linter": {
            "name": "hadolint",
            "status": review.linter.status,
            "detail": review.linter.detail,
        },
    }


_RULE = "| --- | --- | --- | --- | --- |"


def _review_markdown(body: dict) -> str:
    lines = [f"**Your Dockerfile, instruction by instruction** ({len(body['rows'])})", ""]
    lines += ["| Line | Instruction | What it does | Layer | Rebuilds when |", _RULE]
    for row in body["rows"]:
        cells = [f"`{_cell(row['instruction'])}`"]
        cells += [_cell(row[key]) for key in ("does", "layer", "rebuilds_when")]
        lines.append(f"| {row['line']} | " + " | ".join(cells) + " |")
    lines += ["", "A change to one step rebuilds it and every step after it.", ""]
    linter = body["linter"]
    lines.append(f"**Findings** ({len(body['findings'])})" + (
        "" if linter["status"] == RAN else f": hadolint did not run ({linter['detail']}), so "
        "these come from Shipshape's own rules only"))  # fmt: skip
    for f in body["findings"]:
        fix = f" Fix: `{f['fix']}`" if f["fix"] else ""
        lesson = f" ([{f['lesson']['title']}]({f['lesson']['url']}))" if f["lesson"] else ""
        message = f["message"].rstrip()
        message += "" if message.endswith((".", "!", "?", ":")) else "."
        said = f"{message} {f['why']}".strip()
        lines.append(f"- **Line {f['line']}, {f['severity']}, {f['rule']}**: {said}{fix}{lesson}")
    if not body["findings"]:
        lines.append("Nothing to point out.")
    return "\n".join(lines)


def review_reply(part: Part, library: Library) -> Reply:
    """A pasted Dockerfile reviewed, or what Docker's parser says is wrong with it."""
    catalog = library.catalog
    try:
        instructions = part.instructions
    except DockerfileSyntaxError as exc:
        return _unparsed(str(exc), catalog)
    review = review_dockerfile(instructions, part.text, library.hadolint)
    body = review_body(review, catalog)
    links = [source_for(*f.taught_in, catalog) for f in review.findings]
    sources = tuple(dict.fromkeys(s for s in links if s))[:5]
    sure = REVIEWED if review.linter.status == RAN else OWN_RULES_ONLY
    return Reply(REVIEW, _review_markdown(body), sure, sources, topic_slug="dockerfile",
                 review=body)  # fmt: skip


def _unparsed(message: str, catalog: Catalog) -> Reply:
    source = source_for("dockerfile", "the-main-dockerfile-instructions", catalog)
    text = (
        f"Docker's own Dockerfile parser stops on this one: {message}. Check the line it names: "
        "an unclosed heredoc (`<<EOF` without its `EOF`) or a continuation `\\` at the very end "
        "are the usual causes."
    )
    return Reply(ANSWER, text, REVIEWED, (source,) if source else (), topic_slug="dockerfile")


def readback_reply(tables: tuple[Part, ...], library: Library) -> Reply:
    """The rows of the tables docker printed, in words, with the likely next commands."""
    lines, steps, taught = [], [], []
    for part in tables:
        back = read_back(part.table, part.rows)
        lines += [f"**What `{back.kind.command}` shows**", "", *(f"- {x}" for x in back.lines), ""]
        steps += back.next_steps
        taught += back.taught_in
    lines += ["Next, for example:", "", "```console", *dict.fromkeys(steps), "```"]
    sources = [source_for(slug, anchor, library.catalog) for slug, anchor in dict.fromkeys(taught)]
    slug = taught[0][0] if taught else None
    found = tuple(s for s in sources if s)
    return Reply(ANSWER, "\n".join(lines), READ_BACK, found, topic_slug=slug)


MISTAKE_LEAD = "**The likely mistake:**"  # how a reply naming a command line's mistake starts


def names_a_mistake(reply: Reply) -> bool:
    """The reply names a mistake in a pasted command line: it leads whatever else is said."""
    return reply.markdown.startswith(MISTAKE_LEAD)


def _mistake_markdown(mistakes: list[Mistake], line: str) -> list[str]:
    first = mistakes[0]
    lines = [f"{MISTAKE_LEAD} {first.message}", ""]
    if first.corrected and first.corrected != line:
        lines += ["What you probably meant:", "", "```console", first.corrected, "```"]
    lines += [f"\nAlso: {m.message}" for m in mistakes[1:]]
    return lines


def mistake_reply(part: Part, mistakes: list[Mistake], library: Library) -> Reply:
    """The mistake named first, then the corrected line, then the line part by part."""
    catalog = library.catalog
    line = part.command_line
    lines = _mistake_markdown(mistakes, line)
    sources = [source_for(*m.taught_in, catalog) for m in mistakes]
    try:
        parsed = parse_command_line(line, catalog.specs, catalog.commands)
    except CommandSyntaxError:
        parsed = None
    slug = sources[0] and mistakes[0].taught_in[0]
    if parsed is not None:
        table = explain(parsed, line, catalog)
        lines += ["", "How docker reads the line you wrote:", "", table.markdown]
        sources += list(table.sources)
    found = tuple(dict.fromkeys(s for s in sources if s))
    return Reply(ANSWER, "\n".join(lines).strip(), NAMED, found, topic_slug=slug or None)


def command_mistakes(part: Part, question: Question, library: Library) -> list[Mistake]:
    return find_mistakes(
        part.command_line, library.catalog, part.prompt, question.text, part.quoted
    )


def pasted_reply(question: Question, library: Library) -> Reply | None:
    """A reply to what the message pastes, when it pastes something read here: a Dockerfile,
    a table docker printed, or a command line with a mistake in it."""
    dockerfiles = question.parts_of(DOCKERFILE)
    if dockerfiles:
        return review_reply(dockerfiles[0], library)
    tables = question.parts_of(TABLE)
    if tables:
        return readback_reply(tables, library)
    for part in question.parts_of(COMMAND):
        mistakes = command_mistakes(part, question, library)
        if mistakes:
            return mistake_reply(part, mistakes, library)
    for part in _typed_in_sentences(question):
        mistake = look_alikes(part.text, library.catalog)
        if mistake is not None:
            return mistake_reply(part, [mistake], library)
    return None


def _typed_in_sentences(question: Question) -> Iterator[Part]:
    """Docker command lines written inside a sentence without quoting. Only their characters are
    checked: where such a line ends, and the sentence goes on, is a guess."""
    for part in (p for p in question.parts if p.kind in (PROSE, ERROR)):
        for found in _IN_A_SENTENCE.finditer(part.text):
            line = _CJK.split(found.group(0), maxsplit=1)[0]  # a command holds no CJK text
            line = _APOSTROPHE.sub("'", line)  # "there\u2019s": an apostrophe, not a quote
            before = part.text[: found.start()].rstrip()[-1:]
            if before in _QUOTED_BY:
                line = line.split(_QUOTED_BY[before], 1)[0]
            yield Part(COMMAND, line.strip(), part.line)
