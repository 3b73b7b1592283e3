"""Adding a learner's question to a topic's `questions:`: one line more, every other line kept."""

from __future__ import annotations

from pathlib import Path

import frontmatter
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from shipshape.knowledge.phrasings import (
    MAX_PHRASING_LENGTH,
    PhrasingRejected,
    add_phrasing,
    add_question,
    clean_question,
    question_key,
)
from shipshape.knowledge.topicfile import parse_topic

CONTENT = Path(__file__).resolve().parents[2] / "content"

TOPIC = """\
---
title: Named volumes   # shown in the topic list
tags: [storage, "data: kept"]
questions:
  - How do I keep data after a container is removed?
  - 'Where do volumes live: on the host?'

  # more phrasings welcome
related: []
extra_key: {a: 1}
---
A volume stores files outside the writable layer.

## Create a volume
questions: this line is body text, not front matter.
"""

ODD_QUESTIONS = [
    'He said "hello": is that a container?',
    "it's an image, isn't it?",
    "what does # mean in a Dockerfile?",
    "key: value?",
    "- is this a list item?",
    "yes",
    "null",
    "123",
    "@mention & *alias !tag %directive `code` |pipe >fold",
    "{braces} and [brackets], commas",
    "back\\slash \\n not a newline",
    "Qu'est-ce qu'une image Docker ? ünïcödé — 容器是什么 🐳",
    "ends with a colon:",
    "  leading and trailing spaces  ",
    "tab\tand\nnewline inside",
    "'single quoted'",
    '"double quoted"',
    "--- looks like a boundary",
    "...",
]


def added_line(old: str, new: str) -> str:
    """The one line `new` has that `old` lacks; fails unless that is the only difference."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    assert len(new_lines) == len(old_lines) + 1
    pairs = zip(old_lines, new_lines, strict=False)
    at = next((i for i, (a, b) in enumerate(pairs) if a != b), len(old_lines))
    assert new_lines[:at] + new_lines[at + 1 :] == old_lines
    return new_lines[at]


def questions_of(text: str) -> tuple[str, ...]:
    return parse_topic(text, "sample").questions


@pytest.mark.parametrize("question", ODD_QUESTIONS)
def test_an_odd_question_is_added_as_one_line_and_reads_back_exactly(question):
    edited = add_question(TOPIC, question)
    line = added_line(TOPIC, edited)
    assert line.startswith("  - ") and line.endswith("\n")
    assert questions_of(edited) == (*questions_of(TOPIC), clean_question(question))


def test_the_new_item_goes_after_the_last_item_before_trailing_blank_and_comment_lines():
    edited = add_question(TOPIC, "Can two containers share a volume?")
    lines = edited.splitlines()
    at = lines.index("  - Can two containers share a volume?")
    assert lines[at - 1] == "  - 'Where do volumes live: on the host?'"
    assert lines[at + 1 : at + 3] == ["", "  # more phrasings welcome"]


def test_the_items_indentation_is_followed():
    text = "---\ntitle: T\nquestions:\n    - First?\nrelated: []\n---\nBody.\n"
    assert added_line(text, add_question(text, "Second?")) == "    - Second?\n"


def test_a_topic_without_questions_gets_a_block_before_the_closing_line():
    text = "---\ntitle: T\ntags: [x]\n---\nBody.\n"
    edited = add_question(text, "What is T?")
    assert edited == "---\ntitle: T\ntags: [x]\nquestions:\n  - What is T?\n---\nBody.\n"


def test_an_empty_questions_key_keeps_its_line_and_comment():
    text = "---\ntitle: T\nquestions:   # to do\ntags: [x]\n---\nBody.\n"
    assert added_line(text, add_question(text, "What is T?")) == "  - What is T?\n"


def test_an_empty_inline_list_becomes_a_block():
    text = "---\ntitle: T\nquestions: []\ntags: [x]\n---\nBody.\n"
    edited = add_question(text, "What is T?")
    assert edited == "---\ntitle: T\nquestions:\n  - What is T?\ntags: [x]\n---\nBody.\n"


def test_an_inline_list_is_extended_in_place_keeping_its_comment():
    text = "---\ntitle: T\nquestions: [First?, 'Second: yes']  # keep\n---\nBody.\n"
    edited = add_question(text, 'Third "one"?')
    assert (
        edited.splitlines()[2] == 'questions: [First?, \'Second: yes\', "Third \\"one\\"?"]  # keep'
    )
    assert questions_of(edited) == ("First?", "Second: yes", 'Third "one"?')


def test_an_inline_list_with_a_trailing_comma_is_extended_too():
    text = "---\ntitle: T\nquestions: [First?, ]\n---\nBody.\n"
    assert questions_of(add_question(text, "Second?")) == ("First?", "Second?")


def test_windows_line_endings_are_kept():
    text = TOPIC.replace("\n", "\r\n")
    assert added_line(text, add_question(text, "Is this CRLF?")) == "  - Is this CRLF?\r\n"


@pytest.mark.parametrize(
    "wording",
    [
        "How do I keep data after a container is removed?",
        "how do i keep data after a container is removed",
        "  HOW do I keep data, after a container is removed?!  ",
    ],
)
def test_a_question_the_topic_already_lists_is_refused(wording):
    with pytest.raises(PhrasingRejected) as caught:
        add_question(TOPIC, wording)
    assert caught.value.field == "question"
    assert "already lists" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: T\nquestions: one string only\n---\nBody.\n",
        "---\ntitle: T\nquestions: {a: b}\n---\nBody.\n",
        "---\ntitle: [unclosed\n---\nBody.\n",
        "No front matter at all.\n",
        "---\ntitle: T\nquestions:\n  - never closed?\n",
    ],
)
def test_a_topic_whose_questions_cannot_be_extended_safely_is_refused(text):
    with pytest.raises(PhrasingRejected) as caught:
        add_question(text, "What is T?")
    assert caught.value.field == "topic"


@pytest.mark.parametrize("question", ["", "   \n\t ", "\x00\x01", 42, None])
def test_an_empty_or_non_text_question_is_refused(question):
    with pytest.raises(PhrasingRejected) as caught:
        add_question(TOPIC, question)
    assert caught.value.field == "question"


def test_cleaning_trims_joins_lines_and_caps_the_length():
    assert clean_question("  what\n is\t an   image?  ") == "what is an image?"
    long = "why " * 100
    cleaned = clean_question(long)
    assert len(cleaned) <= MAX_PHRASING_LENGTH
    assert long.startswith(cleaned)


def test_question_keys_ignore_case_punctuation_and_spacing():
    assert question_key("What's an image?") == question_key("  what s AN image ")
    assert question_key("What is an image?") != question_key("What is a container?")


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.md")), ids=lambda p: p.stem)
def test_every_bundled_topic_takes_a_new_phrasing_as_one_added_line(path):
    text = path.read_text(encoding="utf-8")
    edited = add_question(text, "Is this a brand-new way to ask: yes or #no?")
    added_line(text, edited)
    assert questions_of(edited)[-1] == "Is this a brand-new way to ask: yes or #no?"
    assert frontmatter.loads(edited).content == frontmatter.loads(text).content


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_any_text_is_added_exactly_or_refused_as_empty(question):
    try:
        cleaned = clean_question(question)
    except PhrasingRejected:
        with pytest.raises(PhrasingRejected):
            add_question(TOPIC, question)
        return
    assume(question_key(cleaned) not in {question_key(q) for q in questions_of(TOPIC)})
    edited = add_question(TOPIC, question)
    added_line(TOPIC, edited)
    assert questions_of(edited)[-1] == cleaned


def test_a_save_landing_between_reading_and_writing_keeps_both_changes(app, library, monkeypatch):
    """Another instructor saves the topic while the phrasing is being added: the question goes
    into their text, so neither change is lost."""
    from shipshape.knowledge import phrasings, store
    from shipshape.knowledge.authoring import save_topic

    original = store.get_topic("image").markdown
    theirs = original.replace("\n## ", "\n## Their heading\nTheir words.\n\n## ", 1)
    real_add, calls = phrasings.add_question, []

    def add_while_someone_saves(text, question):
        calls.append(text)
        if len(calls) == 1:
            save_topic(theirs, "image", library, "someone@example.org")
        return real_add(text, question)

    monkeypatch.setattr(phrasings, "add_question", add_while_someone_saves)
    add_phrasing("image", "Is an image like a class in programming?", library, "me@example.org")
    final = store.get_topic("image").markdown
    assert "Their heading" in final
    assert "Is an image like a class in programming?" in final
    assert len(calls) == 2
