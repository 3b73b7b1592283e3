"""A section as a search returns it: its stored fields and its score."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    slug: str
    anchor: str
    title: str
    heading: str
    markdown: str
    body: str
    group: str
    order: int
    commands: tuple[str, ...]
    score: float
    stems: frozenset[str]  # every stem of the section's body text
    key_stems: frozenset[str]  # every stem of its title, heading, alternate questions and tags
    highlight: str = ""


def hit_from_fields(fields: dict, score: float) -> Hit:
    """The hit for a section's stored fields."""
    return Hit(
        slug=fields["slug"],
        anchor=fields["anchor"],
        title=fields["title"],
        heading=fields.get("heading") or "",
        markdown=fields["markdown"],
        body=fields["body"],
        group=fields["group"],
        order=fields["order"],
        commands=tuple(c for c in (fields.get("commands") or "").split(",") if c),
        score=score,
        stems=frozenset((fields.get("stems") or "").split()),
        key_stems=frozenset((fields.get("key_stems") or "").split()),
    )


def with_score(hit: Hit, score: float) -> Hit:
    """A copy of a hit with another score; dataclasses.replace() would check every field again."""
    scored = object.__new__(Hit)
    scored.__dict__.update(hit.__dict__, score=score)
    return scored
