"""Split a message into its parts: prose, command lines, error lines, a Dockerfile, docker output.

Each part is recognised by its own shape: a Dockerfile by a `FROM` line followed by instructions
(fenced or not), a table of docker output by its header row, a command line by `docker` at its
start (after a copied prompt, if any). Parsing a part (the Dockerfile's instructions, the table's
rows) happens once, here, when a later step first asks for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .dockerfile_parse import Instruction, parse_instructions
from .output_tables import PORT, PORT_LINE, TableKind, parse_rows, table_kind
from .prompts import strip_prompt

PROSE, COMMAND, ERROR, DOCKERFILE, TABLE = "prose", "command", "error", "dockerfile", "table"
INSTRUCTIONS = frozenset(
    {"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
     "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"}
)  # fmt: skip
_INSTRUCTION = re.compile(r"^\s*([A-Za-z]+)(\s|$)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_BACKTICKED = re.compile(r"`([^`\n]+)`")
_HEREDOC = re.compile(r"<<-?\s*[\"']?(\w+)[\"']?")
_ERROR_WORDS = (
    r"error response from daemon|error:|\berror\b.*:|failed|invalid|no such|not found|"
    r"permission denied|conflict|cannot|can't|unable to|is already|requires (exactly|at least)"
)
# A sentence the chat's reading takes for a pasted error (chat/reading.py)...
ERROR_SENTENCE = re.compile(f"({_ERROR_WORDS})", re.I)
# ...and a line a paste reads as one, the CLI's own usage errors included.
ERROR_LINE = re.compile(rf"({_ERROR_WORDS}|not recognized|unknown (shorthand )?flag)", re.I)


@dataclass(frozen=True)
class Part:
    """One part of a message: its kind, its text and the line it starts on (1-based)."""

    kind: str
    text: str
    line: int
    prompt: str = ""  # a command line's copied prompt ("$ ", "PS C:\\> "), if any
    quoted: bool = False  # a command quoted as code inside a sentence, perhaps shortened

    @cached_property
    def command_line(self) -> str:
        """A command part's line without its copied prompt (the text itself otherwise)."""
        return self.text[len(self.prompt) :].strip() if self.prompt else self.text

    @cached_property
    def instructions(self) -> tuple[Instruction, ...]:
        """A Dockerfile part's instructions, parsed by Docker's own grammar (empty otherwise);
        DockerfileSyntaxError when that grammar refuses it."""
        return parse_instructions(self.text) if self.kind == DOCKERFILE else ()

    @cached_property
    def table(self) -> TableKind | None:
        """Which docker output a table part is (None otherwise)."""
        return table_kind(self.text.splitlines()[0]) if self.kind == TABLE else None

    @cached_property
    def rows(self) -> tuple[dict[str, str], ...]:
        """A table part's rows, column name -> cell."""
        return parse_rows(self.text, self.table) if self.table else ()


def instruction_of(line: str) -> str | None:
    """The Dockerfile instruction a line starts with, upper-cased, if any."""
    match = _INSTRUCTION.match(line)
    word = match.group(1).upper() if match else ""
    return word if word in INSTRUCTIONS else None


def _is_dockerfile_start(lines: list[str], i: int) -> bool:
    """A FROM line (or ARG before one) followed, soon, by another instruction."""
    first = instruction_of(lines[i])
    if first not in ("FROM", "ARG") or not lines[i].split()[0].isupper():
        return False
    following = [instruction_of(x) for x in lines[i + 1 : i + 6] if x.strip()]
    alone = not any(x.strip() and not x.lstrip().startswith("#") for x in lines[i + 1 :])
    single = alone and not any(x.strip() for x in lines[:i] if not x.lstrip().startswith("#"))
    if first == "FROM":
        return any(following) or single  # a block that is one FROM line is a Dockerfile too
    return "FROM" in following


def _dockerfile_end(lines: list[str], i: int) -> int:
    """Where a Dockerfile that starts at line i ends: at the first line that is none of an
    instruction, a comment, a blank line inside it, a continuation or a heredoc's body."""
    end, heredoc, continued = i, None, False
    for j in range(i, len(lines)):
        line = lines[j]
        if heredoc is not None:
            heredoc = None if line.strip() == heredoc else heredoc
        elif continued or instruction_of(line) or line.lstrip().startswith("#"):
            found = _HEREDOC.search(line) if instruction_of(line) in ("RUN", "COPY") else None
            heredoc = found.group(1) if found else None
        elif line.strip():
            break
        else:
            continued = False
            continue
        # Docker drops a comment line inside a continued instruction, and the instruction goes on
        comment_inside = continued and line.lstrip().startswith("#")
        continued = comment_inside or line.rstrip().endswith("\\")
        end = j + 1
    return end


def _leading_comments(lines: list[str], i: int, parts: list[Part], offset: int) -> int:
    """Where the comments just above a Dockerfile's first instruction start (a `# syntax=`
    line belongs to it); those lines leave the prose part they were put in."""
    start = i
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    if not any(line.strip() and not line.lstrip().startswith("#") for line in lines[:i]):
        start = 0  # the block opens with the Dockerfile: keep its own line numbers
    while parts and parts[-1].line > offset + start:
        parts.pop()  # those lines were read as prose a moment ago
    return start


_QUOTED = re.compile(r"(['\"]).*?\1")
# No command line ends in a question mark; a sentence that asks does.
_SENTENCE = re.compile(r"`|[,;!?]\s|\.\s|:\s+[a-z]|\?\s*$", re.I)


def _reads_as_prose(line: str) -> bool:
    """Sentence marks outside quotes: "docker history reports …: `docker history -q` shows",
    "docker stop takes forever why?"."""
    return bool(_SENTENCE.search(_QUOTED.sub(" ", line)))


def _line_kind(line: str) -> tuple[str, str]:
    prompt, rest = strip_prompt(line)
    if re.match(r"^(sudo\s+)?docker(\s|$)", rest) and not _reads_as_prose(rest):
        return COMMAND, prompt
    if ERROR_LINE.search(line):
        return ERROR, ""
    return PROSE, ""


def _table_end(lines: list[str], i: int) -> int:
    """Where a table ends: at a blank line, a command line or another table's header (a run of
    `docker port` lines is a table of its own)."""
    kind, end = table_kind(lines[i]), i + 1
    while end < len(lines) and lines[end].strip() and _line_kind(lines[end])[0] != COMMAND:
        if table_kind(lines[end]) not in (None, kind) or (kind is PORT) != bool(
            PORT_LINE.match(lines[end])
        ):
            break
        end += 1
    return end


def _quoted_commands(line: str, number: int) -> list[Part]:
    """Command lines quoted as code inside a sentence: "`docker run nginx -p 80:80` fails"."""
    quoted = (q.strip() for q in _BACKTICKED.findall(line))
    commands = (q for q in quoted if re.match(r"^(sudo\s+)?docker\s", q))
    return [Part(COMMAND, q, number, quoted=True) for q in commands]


def _block_parts(lines: list[str], offset: int) -> list[Part]:
    parts: list[Part] = []
    i = 0
    while i < len(lines):
        if _is_dockerfile_start(lines, i):
            start, end = _leading_comments(lines, i, parts, offset), _dockerfile_end(lines, i)
            text = "\n".join(lines[start:end]).rstrip("\n")
            parts.append(Part(DOCKERFILE, text, offset + start + 1))
        elif table_kind(lines[i]) is not None:
            end = _table_end(lines, i)
            parts.append(Part(TABLE, "\n".join(lines[i:end]), offset + i + 1))
        else:
            end = i + 1
            if lines[i].strip():
                kind, prompt = _line_kind(lines[i])
                parts.append(Part(kind, lines[i].strip(), offset + i + 1, prompt))
                parts += _quoted_commands(lines[i], offset + i + 1) if kind != COMMAND else []
        i = end
    return parts


def _blocks(text: str) -> list[tuple[list[str], int]]:
    """The message's lines, cut at code fences: (lines, offset of the first) per block."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(text.splitlines()):
        if _FENCE.match(line):
            blocks.append((current, start))
            current, start = [], number + 1
        else:
            current.append(line)
    blocks.append((current, start))
    return [(b, s) for b, s in blocks if b]


def _merge_prose(parts: list[Part]) -> list[Part]:
    merged: list[Part] = []
    for part in parts:
        if merged and part.kind == PROSE and merged[-1].kind == PROSE:
            last = merged[-1]
            merged[-1] = Part(PROSE, f"{last.text}\n{part.text}", last.line)
        else:
            merged.append(part)
    return merged


def split_parts(text: str) -> tuple[Part, ...]:
    """The parts of a message, in order."""
    parts: list[Part] = []
    for lines, offset in _blocks(text):
        parts += _block_parts(lines, offset)
    return tuple(_merge_prose(parts))
