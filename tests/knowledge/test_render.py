"""Markdown renders to HTML that can be shown as it is: nothing executable survives."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import pytest

from shipshape.knowledge.render import render_markdown, sanitize
from shipshape.knowledge.topicfile import slugify

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

DANGEROUS_TAGS = {"script", "iframe", "svg", "img", "object", "embed", "style", "math", "form"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
ALLOWED_STYLES = {"", "text-align:left", "text-align:right", "text-align:center"}


class _Elements(HTMLParser):
    """Every (tag, attributes) pair in an HTML fragment."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


def assert_harmless(html: str) -> None:
    for tag, attrs in elements(html):
        assert tag not in DANGEROUS_TAGS, html
        for name, value in attrs.items():
            assert not name.startswith("on"), html
            if name in URL_ATTRIBUTES:
                assert value.startswith(("http://", "https://", "mailto:", "#", "/")), html
            if name == "style":
                assert value.replace(" ", "") in ALLOWED_STYLES, html


def test_fenced_code_gets_a_language_class():
    html = render_markdown("```python\nprint('hi')\n```\n")

    assert html == "<pre><code class=\"language-python\">print('hi')\n</code></pre>"


def test_tables_render_with_their_alignment():
    html = render_markdown("| Flag | Meaning |\n|-----:|---------|\n| -a | all |\n")

    tags = [tag for tag, _ in elements(html)]
    assert {"table", "thead", "tbody", "th", "td"} <= set(tags)
    assert '<td style="text-align:right">-a</td>' in html


def test_safe_links_keep_their_address_and_open_without_referrer():
    html = render_markdown("[docs](https://docs.docker.com/)")

    assert elements(html)[1] == (
        "a",
        {"href": "https://docs.docker.com/", "rel": "noopener noreferrer"},
    )


def test_headings_get_the_ids_topic_anchors_use():
    html = render_markdown("## Remove a *stopped* container (`docker rm`)\n\n### Then: prune?")

    assert elements(html) == [
        ("h2", {"id": "remove-a-stopped-container-docker-rm"}),
        ("em", {}),
        ("code", {}),
        ("h3", {"id": "then-prune"}),
    ]
    assert slugify("Remove a *stopped* container (`docker rm`)") == elements(html)[0][1]["id"]


def test_a_list_right_after_a_line_of_text_is_a_list():
    html = render_markdown("Steps:\n- pull\n- run\n\nThen:\n1. stop\n2. remove")

    assert [tag for tag, _ in elements(html)] == ["p", "ul", "li", "li", "p", "ol", "li", "li"]


def test_list_markers_inside_code_and_mid_paragraph_stay_text():
    html = render_markdown("```\nSteps:\n- not a list\n```\n\nIn 2024.\n2025. was next")

    assert [tag for tag, _ in elements(html)] == ["pre", "code", "p"]


def test_strikethrough_and_blockquotes_render():
    html = render_markdown("> ~~docker rmi~~ is `docker image rm`")

    inner = "<p><del>docker rmi</del> is <code>docker image rm</code></p>"
    assert html == f"<blockquote>\n{inner}\n</blockquote>"


def test_threads_rendering_at_once_each_get_their_own_html():
    texts = [f"## Part {n}\n\n| a |\n|---|\n| {n} |\n\n```sh\necho {n}\n```" for n in range(200)]
    alone = [render_markdown.__wrapped__(t) for t in texts]  # past the cache

    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(render_markdown.__wrapped__, texts))

    assert together == alone
    assert 'id="part-7"' in alone[7] and "echo 7" in alone[7]


def test_a_toc_marker_is_plain_text():
    assert render_markdown("[TOC]") == "<p>[TOC]</p>"


ATTACKS = {
    "script tag": "<script>alert(1)</script>",
    "onerror handler": '<img src=x onerror="alert(1)">',
    "javascript link": "[click](javascript:alert(1))",
    "javascript link, mixed case": "[click](JaVaScRiPt:alert(1))",
    "javascript link, entity": "[click](&#106;avascript:alert(1))",
    "javascript reference link": "[x]: javascript:alert(1)\n\n[click][x]",
    "svg onload": '<svg onload="alert(1)"><circle/></svg>',
    "data URL link": "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "data URL image": "![pic](data:image/png;base64,iVBORw0KGgo=)",
    "data URL html image": "![pic](data:text/html,<script>alert(1)</script>)",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "style attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "raw anchor": '<a href="javascript:alert(1)">x</a>',
    "html in a table cell": "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "html in a heading": "## <img src=x onerror=alert(1)> title",
    "html in a fenced block's language": '```"><script>alert(1)</script>\nx\n```',
    "autolink with a script scheme": "<javascript:alert(1)>",
    "html comment": "<!-- <script>alert(1)</script> -->",
}


@pytest.mark.parametrize("markdown", ATTACKS.values(), ids=ATTACKS.keys())
def test_nothing_executable_survives_render_markdown(markdown):
    assert_harmless(render_markdown(markdown))


@pytest.mark.parametrize(
    "markdown",
    ["<script>alert(1)</script>", "<b onclick='x()'>bold</b>", '<iframe src="x"></iframe>'],
)
def test_raw_html_in_markdown_is_shown_as_text(markdown):
    html = render_markdown(markdown)

    assert [tag for tag, _ in elements(html)] == ["p"]
    assert "&lt;" in html


SANITIZER_INPUTS = {
    "script": ("<p>ok</p><script>alert(1)</script>", "<p>ok</p>"),
    "onerror": ("<p>a<img src=x onerror=alert(1)>b</p>", "<p>ab</p>"),
    "svg onload": ("<p>a</p><svg onload=alert(1)></svg>", "<p>a</p>"),
    "iframe": ('<p>a</p><iframe src="https://e.example"></iframe>', "<p>a</p>"),
    "style": ('<p style="color:red">x</p>', "<p>x</p>"),
    "javascript href": (
        '<a href="javascript:alert(1)">x</a>',
        '<a rel="noopener noreferrer">x</a>',
    ),
    "data href": ('<a href="data:text/html,x">x</a>', '<a rel="noopener noreferrer">x</a>'),
}


@pytest.mark.parametrize(("dirty", "clean"), SANITIZER_INPUTS.values(), ids=SANITIZER_INPUTS.keys())
def test_sanitize_drops_dangerous_tags_attributes_and_schemes(dirty, clean):
    assert sanitize(dirty) == clean


def test_sanitize_keeps_only_text_align_in_table_cell_styles():
    html = sanitize(
        '<table><tr><td style="text-align:right;background:url(javascript:x)">1</td></tr></table>'
    )

    assert elements(html)[-1] == ("td", {"style": "text-align:right"})
