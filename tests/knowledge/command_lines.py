"""Docker command lines as written in the bundled material: code blocks, inline code, quiz text.

Shared by the tests that read every command the course shows (test_bundled_commands.py against
the command topics, test_docker_cli_truth.py against the docker CLI's own help).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

from shipshape.knowledge.files import topic_files

PROJECT = Path(__file__).resolve().parents[2]
FENCE_RE = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)
INLINE_RE = re.compile(r"`(docker [^`\n]+)`")
SUBSTITUTION_RE = re.compile(r"\$\(([^()]*)\)")
OPERATORS = {"&&", "||", "|", ";", "&"}
REDIRECTS = {">", ">>", "<", "2>", "2>&1"}
REDIRECT_RE = re.compile(r"\d*[<>]+&?\d*")  # an unquoted redirection: >, 2>, >&2
# A line shown on purpose as a mistake is marked so: in a code block by a shell comment,
# `$ docker build   # wrong: no build context`; in prose by "(wrong)" right after the inline
# code; in a quiz by being a choice without `correct: true` (a distractor). The CLI test skips
# such lines, and counts them.
WRONG_COMMENT_RE = re.compile(r"#\s*wrong\b", re.I)
WRONG_AFTER_SPAN = "(wrong)"


@dataclass(frozen=True)
class Shown:
    where: str  # "content/docker-container-stop.md" or "quiz/troubleshooting.yaml#question-id"
    line: str  # one simple docker command, shell-quoted
    partial: bool = False  # inline code may name a flag without its value (`docker stop -t`)
    marked_wrong: bool = False
    context: str = ""  # the line of text it stands in, which must call a deprecated flag so

    @property
    def says_deprecated(self) -> bool:
        return "deprecated" in self.context.lower()


def _words(text: str) -> list[str]:
    lexer = shlex.shlex(text, posix=True, punctuation_chars=";&|<>")
    lexer.whitespace_split = True
    lexer.commenters = "#"
    return list(lexer)


def shell_commands(line: str) -> list[str]:
    """The simple commands of one shell line: $(...) contents and each part of && | ; chains."""
    inner = SUBSTITUTION_RE.findall(line)
    commands, current, skip = [], [], False
    for word in _words(SUBSTITUTION_RE.sub("ARG", line)):
        if skip:
            skip = False
        elif word in OPERATORS:
            commands.append(current)
            current = []
        elif word in REDIRECTS or REDIRECT_RE.fullmatch(word):
            skip = True
        else:
            current.append(word)
    commands.append(current)
    lines = [shlex.join(words) for words in commands if words[:1] == ["docker"]]
    return lines + [c for text in inner for c in shell_commands(text)]


def prompt_lines(markdown: str) -> list[str]:
    """The `$ ...` lines of every fenced block, with backslash continuations joined."""
    lines = []
    for block in FENCE_RE.findall(markdown):
        joined = re.sub(r"\s*\\\n\s*", " ", block)
        lines += [row[2:].strip() for row in joined.splitlines() if row.startswith("$ ")]
    return lines


def inline_commands(text: str) -> Iterator[tuple[str, bool, str]]:
    """(command, marked wrong, its line) for each inline code span starting with `docker `."""
    for line in FENCE_RE.sub("", text).splitlines():
        for match in INLINE_RE.finditer(line):
            wrong = line[match.end() :].lstrip().startswith(WRONG_AFTER_SPAN)
            try:
                commands = shell_commands(match.group(1))
            except ValueError:  # unbalanced quotes: prose like `docker run -e 'A=b`
                commands = [match.group(1)]
            yield from ((command, wrong, line) for command in commands)


def _from_block_line(where: str, raw: str) -> list[Shown]:
    wrong = bool(WRONG_COMMENT_RE.search(raw))
    return [Shown(where, command, False, wrong, raw) for command in shell_commands(raw)]


def content_commands(content: Path = PROJECT / "content") -> list[Shown]:
    """Every docker command in the topics' code blocks and inline code."""
    found: list[Shown] = []
    for path in topic_files(content):
        where = f"content/{path.name}"
        text = frontmatter.loads(path.read_text("utf-8")).content
        for raw in prompt_lines(text):
            found += _from_block_line(where, raw)
        found += [Shown(where, c, True, wrong, line) for c, wrong, line in inline_commands(text)]
    return found


def _question_texts(question: dict) -> Iterator[tuple[str, bool]]:
    """(text, is a distractor) for each text of a question a learner reads."""
    for key in ("prompt", "explanation"):
        yield str(question.get(key) or ""), False
    for choice in question.get("options") or []:
        yield str(choice.get("text") or ""), not choice.get("correct")
        yield str(choice.get("feedback") or ""), False
    for key in ("items", "categories"):
        yield from ((str(choice.get("text") or ""), False) for choice in question.get(key) or [])


def quiz_commands(quiz: Path = PROJECT / "quiz") -> list[Shown]:
    """Every docker command in the quizzes: command keys, accepted answers and inline code."""
    found: list[Shown] = []
    for path in sorted(quiz.glob("*.yaml")):
        for question in yaml.safe_load(path.read_text("utf-8"))["questions"]:
            where = f"quiz/{path.name}#{question['id']}"
            if question["type"] == "command":
                found.append(Shown(where, str(question["answer"])))
            for answer in question.get("answers") or []:
                if str(answer).startswith("docker "):
                    found.append(Shown(where, str(answer), True))
            for text, distractor in _question_texts(question):
                found += [
                    Shown(where, c, True, wrong or distractor, line)
                    for c, wrong, line in inline_commands(text)
                ]
    return found
