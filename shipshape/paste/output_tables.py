"""Tables docker prints, recognised by their header row and cut into rows of named cells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class TableKind:
    name: str  # "ps", "images", "history", "volume ls", "port"
    command: str  # the command that prints it
    columns: tuple[str, ...]  # the header's column names, in order; () for headerless output


PS_COLUMNS = ("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES")
PS = TableKind("ps", "docker ps -a", PS_COLUMNS)
IMAGES = TableKind("images", "docker images", ("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"))
HISTORY = TableKind(
    "history", "docker history IMAGE", ("IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT")
)
VOLUMES = TableKind("volume ls", "docker volume ls", ("DRIVER", "VOLUME NAME"))
PORT = TableKind("port", "docker port CONTAINER", ())
KINDS = (PS, IMAGES, HISTORY, VOLUMES)
PORT_LINE = re.compile(
    r"^\s*(?P<private>\d+/(?:tcp|udp|sctp))\s*->\s*(?P<host>\S+):(?P<port>\d+)\s*$"
)
_OPTIONAL = {"SIZE", "DIGEST", "PORTS", "COMMENT"}  # columns docker adds or may leave empty


def _header_words(line: str) -> str:
    return " ".join(line.split())


def table_kind(line: str) -> TableKind | None:
    """The docker output a header row (or a `docker port` line) starts."""
    if PORT_LINE.match(line):
        return PORT
    header = _header_words(line)
    for kind in KINDS:
        wanted = " ".join(c for c in kind.columns if c not in _OPTIONAL)
        if _without_optional(header) == wanted:
            return kind
    return None


def _without_optional(header: str) -> str:
    for column in _OPTIONAL:
        header = re.sub(rf"\b{column}\b", " ", header)
    return " ".join(header.split())


def _column_starts(header: str, names: list[str]) -> list[int]:
    starts, position = [], 0
    for name in names:
        position = header.index(name, position)
        starts.append(position)
        position += len(name)
    return starts


def _header_columns(header: str, kind: TableKind) -> list[str]:
    """The columns this header has, in order (docker adds SIZE to `ps -s`, DIGEST to
    `images --digests`)."""
    found = re.split(r"\s{2,}", header.strip())
    known = {*kind.columns, "SIZE", "DIGEST"}
    return [c for c in found if c in known] or list(kind.columns)


def _cells(row: str, header: str, columns: list[str]) -> list[str]:
    split = re.split(r"\s{2,}|\t+", row.strip())
    if len(split) == len(columns):
        return split
    starts = [*_column_starts(header, columns), None]
    return [row[a:b].strip() for a, b in pairwise(starts)]


def parse_rows(text: str, kind: TableKind) -> tuple[dict[str, str], ...]:
    """The rows of a table docker printed: column name -> cell."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if kind is PORT:
        found = (PORT_LINE.match(line) for line in lines)
        return tuple(m.groupdict() for m in found if m)
    header, rows = lines[0], lines[1:]
    columns = _header_columns(header, kind)
    try:
        return tuple(dict(zip(columns, _cells(r, header, columns), strict=False)) for r in rows)
    except ValueError:  # a header whose names were re-spaced: cells split on wide gaps only
        split = (re.split(r"\s{2,}", r.strip()) for r in rows)
        return tuple(dict(zip(columns, cells, strict=False)) for cells in split)
