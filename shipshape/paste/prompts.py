"""Shell prompts copied along with a command line: `$ `, `# `, `PS C:\\> `, `user@host:~$ `."""

from __future__ import annotations

import re

_PROMPT = re.compile(
    r"^\s*(?P<prompt>"
    r"PS [A-Za-z]:\\[^>]*>\s*"  # PowerShell
    r"|[A-Za-z]:\\[^>]*>\s*"  # cmd.exe
    r"|\[?[\w.-]+@[\w.-]+[: ][^$#\]]*\]?[$#]\s*"  # user@host:~$ , [user@host dir]#
    r"|~?[$#%>]\s+"  # $ , # , % , >
    r")(?=\S)"
)


def strip_prompt(line: str) -> tuple[str, str]:
    """(the prompt a line starts with, or "", the rest of the line)."""
    match = _PROMPT.match(line)
    if match is None:
        return "", line.strip()
    return match.group("prompt").strip(), line[match.end() :].strip()
