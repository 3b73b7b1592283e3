"""A learner's own text quoted in a chat answer stays text: a backtick in a pasted command line
cannot close the code span around it and put a live link into the answer."""

from __future__ import annotations

import pytest

from shipshape.chat.quoting import code_span, plain_text
from shipshape.knowledge.render import render_markdown

LINK = "[login](https://evil.example/login)"
COMMAND_LINES = [
    f'docker run --name "x`{LINK}`" nginx',
    f"docker run --name 'x``{LINK}``' nginx",
    f"docker run nginx:`{LINK}`",
    f'docker run -e "A=`{LINK}`" nginx',
]


@pytest.mark.parametrize("line", COMMAND_LINES)
def test_a_pasted_command_line_with_backticks_makes_no_link(ask, line):
    answer = ask(line)["answer"]

    assert "evil.example" in answer["markdown"]  # quoted, as the learner wrote it
    assert 'href="https://evil.example' not in answer["html"]


@pytest.mark.parametrize(
    "text", ["`", "``", "a`b", "`start", "end`", f"x`{LINK}`", "a | b", "two\nlines"]
)
def test_a_code_span_holds_any_text_whole(text):
    html = render_markdown(f"| part | meaning |\n| --- | --- |\n| {code_span(text)} | x |")

    assert html.count("<code>") == 1
    assert "<a " not in html
    assert "<td>x</td>" in html


def test_plain_text_escapes_every_markup_character():
    html = render_markdown(plain_text(f"*bold* _it_ {LINK} <b>x</b> # h"))

    assert "<a " not in html and "<em>" not in html and "<strong>" not in html
    assert "evil.example" in html
