"""A learner's own text quoted in a chat answer's Markdown: nothing in it may close a code span
or start a link (a backtick in a pasted command line made `[login](https://...)` live)."""

from __future__ import annotations

import re

_BACKTICKS = re.compile(r"`+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


def code_span(text: str) -> str:
    """The text as one inline code span, whatever it holds: fenced by one backtick more than its
    longest run of backticks, padded when it starts or ends with one (Markdown strips one space
    each side), and on one line, so it can sit in a table cell (tables respect code spans)."""
    flat = " ".join(text.split())
    longest = max((len(run) for run in _BACKTICKS.findall(flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def plain_text(text: str) -> str:
    """The text as prose with every Markdown character escaped: shown as written, never markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
