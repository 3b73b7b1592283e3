"""A Dockerfile parsed by Docker's own grammar (BuildKit's parser, through the `dockerfile`
package): instructions with their line numbers, flags, JSON form and heredocs."""

from __future__ import annotations

from dataclasses import dataclass

import dockerfile

MAX_DOCKERFILE_CHARS = 100_000


class DockerfileSyntaxError(ValueError):
    """Docker's parser refused the text; the message is the parser's own."""


@dataclass(frozen=True)
class Instruction:
    cmd: str  # upper case: RUN, COPY, …
    flags: tuple[str, ...]  # --from=build, --chown=app
    value: tuple[str, ...]  # the arguments, one string in shell form
    json: bool  # exec (JSON) form
    original: str  # the text as written, continuation lines included
    line: int  # first line, 1-based
    end_line: int
    heredocs: tuple[str, ...] = ()  # the bodies of its heredocs

    @property
    def shell(self) -> str:
        """The instruction's arguments as one line of text, heredoc bodies after."""
        return " ".join((*self.value, *self.heredocs))


def parse_instructions(text: str) -> tuple[Instruction, ...]:
    """The instructions of a Dockerfile, in order."""
    if len(text) > MAX_DOCKERFILE_CHARS:
        raise DockerfileSyntaxError("the Dockerfile is too long to read")
    try:
        commands = dockerfile.parse_string(text)
    except dockerfile.GoParseError as exc:
        raise DockerfileSyntaxError(str(exc)) from exc
    return tuple(
        Instruction(
            c.cmd.upper(),
            tuple(c.flags),
            tuple(c.value),
            c.json,
            c.original,
            c.start_line,
            c.end_line,
            tuple(h.content for h in c.heredocs),
        )
        for c in commands
    )
