"""Reading the topic editor's pages in tests: the textarea, field errors, the preview, counts."""

from __future__ import annotations

import html
import re

from shipshape.knowledge import store

QUOKKA = """---
title: Quokka layers
group: Concepts
related: [image]
---
A quokka layer is an invented kind of layer that exists only in these tests.

## Where quokka layers live
Quokka layers sit between the image and the container in this made-up story.
"""


def text_of(page: str) -> str:
    return page if isinstance(page, str) else page.get_data(as_text=True)


def textarea(page) -> str:
    """The topic text the editor's textarea holds, as a browser would read it."""
    found = re.search(r'<textarea id="topic-text"[^>]*>\n(.*?)</textarea>', text_of(page), re.S)
    assert found, "the page has no topic textarea"
    return html.unescape(found.group(1))


def field_error(page, field_id: str) -> str:
    """The error shown next to a field, checking the field points at it and is marked invalid."""
    body = text_of(page)
    tag = re.search(rf'<(?:input|textarea) id="{field_id}"[^>]*>', body, re.S)
    assert tag, f"no field {field_id}"
    assert 'aria-invalid="true"' in tag.group(0)
    assert f"{field_id}-error" in re.search(r'aria-describedby="([^"]*)"', tag.group(0)).group(1)
    found = re.search(rf'id="{field_id}-error">(.*?)</(?:p|div)>\s*(?:</div>|$)', body, re.S)
    assert found, f"no error next to {field_id}"
    return html.unescape(re.sub(r"<[^>]+>", " ", found.group(1)))


def has_error(page, field_id: str) -> bool:
    return f'id="{field_id}-error"' in text_of(page)


def article(page) -> str:
    """The topic article as learners read it: the same markup on the topic page and in preview."""
    found = re.search(r'<article class="topic">.*?</article>', text_of(page), re.S)
    assert found, "no topic article on the page"
    return found.group(0)


def revision_count(slug: str) -> int:
    topic = store.get_topic(slug, include_deleted=True)
    return 0 if topic is None else len(store.revisions_of(slug))


def edit_form(client, slug: str) -> dict:
    """The edit form's fields as the browser would send them back unchanged."""
    page = client.get(f"/instructor/topics/{slug}/edit")
    assert page.status_code == 200
    base = re.search(r'name="base_revision" value="(\d+)"', text_of(page)).group(1)
    return {"markdown": textarea(page), "base_revision": base}
