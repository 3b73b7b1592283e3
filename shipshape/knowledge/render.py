"""Markdown to HTML, always through the nh3 sanitizer."""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "kbd", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "code": {"class"},
    "th": {"style"},
    "td": {"style"},
    "h2": {"id"},
    "h3": {"id"},
}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # html=False: raw HTML in Markdown is shown as text, and nh3 cleans whatever is left.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


def sanitize(html: str) -> str:
    """Keep only harmless tags, attributes and URL schemes."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )


@lru_cache(maxsize=4096)
def render_markdown(markdown: str) -> str:
    """Render Markdown (fenced code, tables) to sanitized HTML."""
    return sanitize(_parser().render(markdown or ""))
