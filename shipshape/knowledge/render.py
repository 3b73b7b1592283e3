"""Markdown to HTML with Python-Markdown, always through the nh3 sanitizer."""

from __future__ import annotations

import html
import re
import threading
from functools import lru_cache

import markdown
import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.preprocessors import Preprocessor

from .topicfile import slugify

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


class RawHtmlAsText(Extension):
    """Raw HTML in Markdown is shown as text: the block and inline HTML readers are taken out,
    so `<script>` reaches the serializer as characters and is escaped. nh3 cleans what is left."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # Python-Markdown's method name
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


class Strikethrough(Extension):
    """~~text~~ as <del>, as CommonMark's strikethrough extension did before."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "del", 175)


_LIST_ITEM = re.compile(r"^(?:[-*+]|1[.)])\s+\S")
_PLAIN_LINE = re.compile(r"^[^\s>|#]")


class ListsInterruptParagraphs(Extension):
    """A list straight after a line of text starts a list, as in CommonMark ("Steps:\n- one"):
    Python-Markdown alone wants a blank line first. Fenced code is already set aside by then."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_BlankLineBeforeLists(md), "blank_before_lists", 15)


class _BlankLineBeforeLists(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        result: list[str] = []
        for line in lines:
            previous = result[-1] if result else ""
            starts_list = _LIST_ITEM.match(line) and not _LIST_ITEM.match(previous)
            if starts_list and _PLAIN_LINE.match(previous):
                result.append("")
            result.append(line)
        return result


def _heading_id(value: str, _separator: str) -> str:
    # the anchors topics use for their sections, so /topics/<slug>#<anchor> finds the heading
    return slugify(value)


def _new_parser() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            "fenced_code",  # ```lang blocks: <pre><code class="language-lang">
            "tables",
            "sane_lists",  # a numbered list and a bulleted one next to each other stay apart
            "toc",  # heading ids
            RawHtmlAsText(),
            Strikethrough(),
            ListsInterruptParagraphs(),
        ],
        extension_configs={"toc": {"slugify": _heading_id, "marker": ""}},
        output_format="html",
    )


_local = threading.local()


def _parser() -> markdown.Markdown:
    """One parser per thread: a Markdown instance keeps state while it converts."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = _new_parser()
    return parser.reset()


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
def render_markdown(markdown_text: str) -> str:
    """Render Markdown (fenced code, tables, heading ids) to sanitized HTML."""
    return sanitize(_parser().convert(markdown_text or ""))


_ONE_PARAGRAPH = re.compile(r"^<p>((?:(?!</?p>).)*)</p>\s*$", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@lru_cache(maxsize=4096)
def render_inline(markdown_text: str) -> str:
    """A short text (an option, an item, a category) as sanitized inline HTML: the Markdown of
    one paragraph without its <p>, so it sits inside a label, a list item or a sentence."""
    html = render_markdown(markdown_text)
    found = _ONE_PARAGRAPH.match(html)
    return found.group(1) if found else html


def markdown_as_text(markdown_text: str) -> str:
    """A short Markdown text as plain text, for places that take no markup (a select's options)."""
    return html.unescape(_TAG.sub("", render_inline(markdown_text))).strip()
