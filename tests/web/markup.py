"""A tiny HTML reader for page tests: ids, elements, scripts and links under each heading."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Page:
    elements: list[tuple[str, dict]] = field(default_factory=list)
    scripts: list[tuple[dict, str]] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (tag, text)
    links: list[tuple[str, str]] = field(default_factory=list)  # (last h2 text, href)

    @property
    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.elements if attrs.get("id")}

    def find_all(self, tag: str, **wanted: str) -> list[dict]:
        return [
            attrs
            for name, attrs in self.elements
            if name == tag and all(attrs.get(k) == v for k, v in wanted.items())
        ]

    def hrefs(self) -> list[str]:
        return [href for _, href in self.links]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._script: tuple[dict, list[str]] | None = None
        self._heading: tuple[str, list[str]] | None = None
        self._h2 = ""

    def handle_starttag(self, tag, attrs):
        found = {k: v if v is not None else "" for k, v in attrs}
        self.page.elements.append((tag, found))
        if tag == "script":
            self._script = (found, [])
        elif tag in {"h1", "h2", "h3"}:
            self._heading = (tag, [])
        elif tag == "a" and "href" in found:
            self.page.links.append((self._h2, found["href"]))

    def handle_startendtag(self, tag, attrs):
        self.page.elements.append((tag, {k: v if v is not None else "" for k, v in attrs}))

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        if self._heading is not None:
            self._heading[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.page.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None
        elif self._heading is not None and tag == self._heading[0]:
            text = " ".join("".join(self._heading[1]).split())
            self.page.headings.append((tag, text))
            if tag == "h2":
                self._h2 = text
            self._heading = None


def parse_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page
