"""A mistake found in a command line, the section that teaches it, and words made a line again."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where each mistake is taught: (topic slug, section anchor).
_USAGE = ("docker-help", "usage-errors-requires-at-least-1-argument-and-unknown-flag")
TAUGHT = {
    "options-after-image": ("docker-container-run", "options-after-the-image-go-to-the-container"),
    "copied-prompt": ("docker-help", "a-copied-prompt-is-not-part-of-the-command"),
    "pasted-output": _USAGE,
    "unknown-flag": _USAGE,
    "missing-argument": _USAGE,
    "missing-build-context": (
        "build-context-and-copy-errors", "docker-build-requires-exactly-1-argument"
    ),
    "uppercase-repository": ("pull-push-and-tag-errors", "repository-name-must-be-lowercase"),
    "two-commands": ("docker-help", "one-command-per-line-docker-run-push-is-not-docker-push"),
    "option-before-command": _USAGE,
    "missing-value": _USAGE,
    "look-alikes": ("docker-help", "dashes-and-quotes-changed-by-a-web-page"),
    "rm-with-restart": ("restart-policies", "rm-removes-the-container-when-it-exits"),
    "push-without-account": ("docker-image-push", "fix-requested-access-to-the-resource-is-denied"),
    "size-without-unit": ("limit-memory-and-cpu", "limit-memory-and-cpu-when-you-start-a-container"),  # noqa: E501
    "ports-with-host-network": ("container-networking-basics", "network-host-share-the-host-s-network"),  # noqa: E501
    "copy-without-container": ("docker-container-cp", "copy-a-file-from-the-host-into-a-container"),
    "bash-in-alpine": ("getting-inside-a-container", "open-a-shell-when-the-image-has-no-bash"),
    "builtin-as-command": ("keeping-a-container-running", "run-several-commands-in-one-container-command"),  # noqa: E501
    "server-on-loopback": ("container-networking-basics", "a-server-in-a-container-must-listen-on-0-0-0-0"),  # noqa: E501
}  # fmt: skip


@dataclass(frozen=True)
class Mistake:
    rule: str  # one of TAUGHT's keys
    message: str  # Markdown: what is wrong and what docker does with it
    corrected: str | None  # the command line as it was likely meant

    @property
    def taught_in(self) -> tuple[str, str]:
        return TAUGHT[self.rule]


# Words of a sentence, never of a command line: "docker run -i vs -t", "docker commit data
# container with VOLUME", "docker run fails with exit code 126" are questions put tersely.
PROSE_WORDS = frozenset(
    {"vs", "versus", "and", "or", "with", "without", "for", "from", "the", "a", "an", "to", "of",
     "in", "on", "is", "are", "not", "does", "doesn't", "how", "why", "what", "when", "fails",
     "failed", "works", "difference", "between", "as", "but", "after", "like", "instead", "using",
     "still"}
)  # fmt: skip


def reads_as_sentence(words: list[str] | tuple[str, ...]) -> bool:
    """Some of the words are a sentence's, so the line is a question, not a command."""
    return bool({w.lower() for w in words} & PROSE_WORDS)


_PLAIN_WORD = re.compile(r"[\w@%+=:,./${}()*-]+")


def shell_line(words: list[str]) -> str:
    """Words as a shell line again; quoting keeps `$PWD` and `$(pwd)` expanding as typed."""
    return " ".join(
        w if _PLAIN_WORD.fullmatch(w) else '"' + w.replace('"', '\\"') + '"' for w in words
    )
