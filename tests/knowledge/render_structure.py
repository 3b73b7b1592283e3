"""The structure of rendered Markdown (headings, code blocks, tables, links, lists), as plain data.

Run as a script to write the snapshot the renderer is compared against:
    .venv/bin/python -m tests.knowledge.render_structure > tests/knowledge/render_structure.json
The committed snapshot was taken from the markdown-it-py renderer before the switch to
Python-Markdown (and, when topics were added later, regenerated with that same renderer: the
render.py of commit db6060e); tests/knowledge/test_render_structure.py lists the intended
differences.
"""

from __future__ import annotations

import hashlib
import json
from html.parser import HTMLParser
from pathlib import Path

import yaml

from shipshape.knowledge.files import topic_files
from shipshape.knowledge.render import render_markdown
from shipshape.knowledge.topicfile import answer_sections, parse_topic

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = Path(__file__).with_name("render_structure.json")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
INLINE = ("code", "strong", "em", "del", "kbd", "br", "hr", "blockquote")
QUIZ_TEXTS = ("prompt", "explanation")
KEYS = ("headings", "code_blocks", "tables", "links", "lists", "inline")


class _Structure(HTMLParser):
    """Collects what a reader relies on; paragraphs and whitespace are left out on purpose."""

    def __init__(self):
        super().__init__()
        self.headings, self.code_blocks, self.tables, self.links, self.lists = [], [], [], [], []
        self.inline: dict[str, int] = {}
        self._stack: list[tuple[str, dict]] = []
        self._text: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "code" and self._stack and self._stack[-1][0] == "pre":
            tag = "pre-code"
        elif tag in INLINE:
            self.inline[tag] = self.inline.get(tag, 0) + 1
        if tag == "table":
            self.tables.append({"header": [], "rows": 0, "align": []})
        elif tag == "tr" and self._inside("tbody"):
            self.tables[-1]["rows"] += 1
        elif tag == "th" and self.tables:
            self.tables[-1]["align"].append(attrs.get("style", "").replace(" ", "").rstrip(";"))
        elif tag in ("ul", "ol"):
            self.lists.append({"tag": tag, "items": 0})
            attrs = {**attrs, "index": len(self.lists) - 1}
        elif tag == "li" and self._innermost_list() is not None:
            self.lists[self._innermost_list()]["items"] += 1
        if tag not in ("br", "hr"):
            self._stack.append((tag, attrs))
            self._text.append([])

    def handle_endtag(self, tag):
        if tag == "code" and any(t == "pre-code" for t, _ in self._stack):
            tag = "pre-code"
        if not self._stack or self._stack[-1][0] != tag:
            return
        _, attrs = self._stack.pop()
        text = "".join(self._text.pop())
        if self._text:
            self._text[-1].append(text)
        self._record(tag, attrs, text)

    def handle_data(self, data):
        if self._text:
            self._text[-1].append(data)

    def _inside(self, tag: str) -> bool:
        return any(t == tag for t, _ in self._stack)

    def _innermost_list(self) -> int | None:
        return next((a["index"] for t, a in reversed(self._stack) if t in ("ul", "ol")), None)

    def _record(self, tag: str, attrs: dict, text: str) -> None:
        if tag in HEADINGS:
            self.headings.append({"tag": tag, "id": attrs.get("id"), "text": text.strip()})
        elif tag == "pre-code":
            language = attrs.get("class", "").removeprefix("language-") or None
            digest = hashlib.sha1(text.encode()).hexdigest()[:12]
            self.code_blocks.append({"language": language, "text_sha1": digest})
        elif tag == "a":
            self.links.append({"href": attrs.get("href"), "text": " ".join(text.split())})
        elif tag == "th" and self.tables and not self._inside("tbody"):
            self.tables[-1]["header"].append(text.strip())

    def result(self) -> dict:
        return {
            "headings": self.headings,
            "code_blocks": self.code_blocks,
            "tables": self.tables,
            "links": self.links,
            "lists": [{"tag": x["tag"], "items": x["items"]} for x in self.lists],
            "inline": dict(sorted(self.inline.items())),
        }


def structure(html: str) -> dict:
    """Headings with ids, code blocks with language and a digest of their text, tables with
    header, rows and alignment, links with address and text, lists with their item counts."""
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser.result()


def topic_body(text: str, slug: str) -> str:
    """A topic's Markdown after its front matter: the summary, then each H2 section."""
    doc = parse_topic(text, slug)
    return "\n\n".join([doc.summary, *(f"## {s.heading}\n\n{s.markdown}" for s in doc.sections)])


def sections_structure(text: str, slug: str) -> dict:
    """A topic's sections rendered one by one (as pages and the chat do), structures joined."""
    sections = answer_sections(parse_topic(text, slug))
    parts = [structure(render_markdown(s.markdown)) for s in sections]
    joined = {key: [x for part in parts for x in part[key]] for key in KEYS if key != "inline"}
    inline: dict[str, int] = {}
    for part in parts:
        for tag, n in part["inline"].items():
            inline[tag] = inline.get(tag, 0) + n
    return {**joined, "inline": dict(sorted(inline.items()))}


def quiz_texts(data: dict) -> list[str]:
    """Every piece of a quiz file that is rendered as Markdown."""
    texts = []
    for q in data.get("questions") or []:
        texts += [str(q[k]) for k in QUIZ_TEXTS if q.get(k)]
        for kind in ("options", "items", "categories"):
            for choice in q.get(kind) or []:
                texts += [str(choice[k]) for k in ("text", "feedback") if choice.get(k)]
    return texts


def digest(markdown: str) -> str:
    """A short digest of Markdown source: a snapshot compares only what is unchanged since."""
    return hashlib.sha1(markdown.encode()).hexdigest()[:12]


def quiz_markdown(path: Path) -> list[str]:
    return quiz_texts(yaml.safe_load(path.read_text(encoding="utf-8")))


def take_snapshot() -> dict:
    texts = {path.stem: path.read_text(encoding="utf-8") for path in topic_files(ROOT / "content")}
    bodies = {slug: topic_body(text, slug) for slug, text in texts.items()}
    quiz_files = {path.stem: quiz_markdown(path) for path in sorted((ROOT / "quiz").glob("*.yaml"))}
    return {
        "topics": {slug: structure(render_markdown(body)) for slug, body in bodies.items()},
        "quizzes": {
            slug: structure("".join(render_markdown(t) for t in parts))
            for slug, parts in quiz_files.items()
        },
        "sources": {
            "topics": {slug: digest(body) for slug, body in bodies.items()},
            "quizzes": {slug: digest("".join(parts)) for slug, parts in quiz_files.items()},
        },
    }


def dump(snapshot: dict) -> str:
    """One line per topic and quiz: small, and a diff shows which one changed."""
    lines = []
    for kind in ("topics", "quizzes", "sources"):
        entries = [f"  {json.dumps(k)}: {json.dumps(v, sort_keys=True, ensure_ascii=False)}"
                   for k, v in snapshot[kind].items()]  # fmt: skip
        lines.append(f' "{kind}": {{\n' + ",\n".join(entries) + "\n }")
    return "{\n" + ",\n".join(lines) + "\n}\n"


if __name__ == "__main__":
    print(dump(take_snapshot()), end="")
