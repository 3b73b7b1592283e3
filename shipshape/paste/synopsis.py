"""A command's positional arguments, read from its synopsis line in the command topic."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge.topicfile import CommandSpec

_TOKEN = re.compile(r"\[(?:[^\[\]]|\[[^\]]*\])*\]|\S+")
_IMAGE_NAMES = ("IMAGE", "NAME", "REPOSITORY", "SOURCE_IMAGE", "TARGET_IMAGE")
# Places an ID docker printed may fill: `docker inspect <id>`, `docker rm <id>`, `docker tag <id>`.
_ID_NAMES = ("CONTAINER", "IMAGE", "NAME", "ID", "SOURCE_IMAGE")


@dataclass(frozen=True)
class Placeholder:
    name: str  # its base name: IMAGE, CONTAINER, PATH, COMMAND, ARG…
    written: str  # as the synopsis writes it: [REPOSITORY[:TAG]]
    required: bool
    repeats: bool  # CONTAINER... takes any number


def _tokens(spec: CommandSpec) -> list[str]:
    text = spec.synopsis.strip()
    if text.lower().startswith(spec.name.lower()):
        text = text[len(spec.name) :]
    text = text.replace("[OPTIONS]", " ", 1)
    merged: list[str] = []
    for token in _TOKEN.findall(text):
        if merged and (token.startswith("|") or merged[-1].endswith("|")):
            merged[-1] += token  # PATH | URL | -: one argument, written three ways
        else:
            merged.append(token)
    return merged


def placeholders(spec: CommandSpec) -> list[Placeholder]:
    """The positional arguments the synopsis names, in order; a repeat of the one before
    (`CONTAINER [CONTAINER...]`) marks that one as taking several."""
    found: list[Placeholder] = []
    for token in _tokens(spec):
        required = not token.startswith("[")
        inner = token[1:-1] if not required else token
        name = re.split(r"[\[:|./]", inner, maxsplit=1)[0] or inner
        if "OPTIONS" in inner:
            continue
        repeats = "..." in inner
        if repeats and found and found[-1].name == name:
            found[-1] = Placeholder(name, found[-1].written, found[-1].required, True)
            continue
        found.append(Placeholder(name, token, required, repeats))
    return found


def required_count(places: list[Placeholder]) -> int:
    return sum(1 for p in places if p.required)


def is_image_place(place: Placeholder) -> bool:
    return place.name in _IMAGE_NAMES


def place_at(places: list[Placeholder], index: int) -> Placeholder | None:
    """The place the argument at this index fills: the last one again when it repeats."""
    if index < len(places):
        return places[index]
    return places[-1] if places and places[-1].repeats else None


def takes_an_id(place: Placeholder | None) -> bool:
    return place is not None and place.name in _ID_NAMES
