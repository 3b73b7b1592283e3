"""A topic file is YAML front matter plus Markdown; a bad one is refused with the field at fault."""

from __future__ import annotations

import pytest

from shipshape.knowledge.topicfile import (
    TopicFormatError,
    answer_sections,
    parse_topic,
    slugify,
    split_sections,
)

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

FULL_TOPIC = """
---
title: "  Images and containers  "
group: Basics
tags: [Image, CONTAINER]
questions:
  - What is the difference between an image and a container?
related: [writable-layer, docker-container-ls]
compare: [container-vs-vm]
difficulty: beginner
---
An image is a template; a container is a running instance of it.

## Images are read-only
Layers never change once built.

## Containers add a writable layer
Every change lands in that layer.
"""


def test_front_matter_fields_are_read_and_trimmed(make_topic):
    doc = make_topic(FULL_TOPIC.lstrip(), slug="image-vs-container")

    assert doc.slug == "image-vs-container"
    assert doc.title == "Images and containers"
    assert doc.group == "Basics"
    assert doc.tags == ("image", "container")
    assert doc.questions == ("What is the difference between an image and a container?",)
    assert doc.related == ("writable-layer", "docker-container-ls")
    assert doc.compare == ("container-vs-vm",)
    assert doc.extra == {"difficulty": "beginner"}
    assert doc.command is None


def test_group_defaults_to_topics_and_a_single_tag_string_becomes_a_list(make_topic):
    doc = make_topic("---\ntitle: T\ntags: volume\n---\nBody.\n")

    assert doc.group == "Topics"
    assert doc.tags == ("volume",)


def test_the_text_before_the_first_h2_is_the_summary_and_each_h2_a_section(make_topic):
    doc = make_topic(FULL_TOPIC.lstrip())

    assert doc.summary == "An image is a template; a container is a running instance of it."
    assert [(s.anchor, s.heading, s.markdown) for s in doc.sections] == [
        ("images-are-read-only", "Images are read-only", "Layers never change once built."),
        (
            "containers-add-a-writable-layer",
            "Containers add a writable layer",
            "Every change lands in that layer.",
        ),
    ]


def test_answer_sections_open_with_the_summary_under_the_title(make_topic):
    doc = make_topic(FULL_TOPIC.lstrip())

    sections = answer_sections(doc)

    assert (sections[0].anchor, sections[0].heading) == ("", "Images and containers")
    assert [s.anchor for s in sections[1:]] == [s.anchor for s in doc.sections]


@pytest.mark.parametrize("fence", ["```", "~~~", "```console"])
def test_a_double_hash_line_inside_fenced_code_is_not_a_heading(fence):
    closing = fence[:3]
    body = f"Summary.\n\n## Real\n{fence}\n## not a heading\n{closing}\nAfter.\n"

    _, sections = split_sections(body)

    assert [s.heading for s in sections] == ["Real"]
    assert "## not a heading" in sections[0].markdown
    assert sections[0].markdown.endswith("After.")


def test_a_level_three_heading_stays_inside_its_section():
    _, sections = split_sections("Intro.\n\n## Outer\n### Inner\ntext\n")

    assert [s.heading for s in sections] == ["Outer"]
    assert sections[0].markdown == "### Inner\ntext"


def test_duplicate_headings_get_unique_anchors():
    body = "S\n\n## Example\na\n## Example\nb\n## Example\nc\n## Example 2\nd\n"

    _, sections = split_sections(body)

    anchors = [s.anchor for s in sections]
    assert anchors[:3] == ["example", "example-2", "example-3"]
    assert len(set(anchors)) == len(anchors) == 4


def test_a_closing_hash_sequence_is_not_part_of_the_heading():
    _, sections = split_sections("S\n## Closed heading ##\ntext\n")

    assert sections[0].heading == "Closed heading"


def test_a_hash_that_ends_a_word_stays_in_the_heading():
    _, sections = split_sections("S\n## Using C#\ntext\n")

    assert sections[0].heading == "Using C#"


def test_a_tilde_line_inside_a_backtick_fence_does_not_close_it():
    body = "S\n\n```markdown\n~~~\n## inside code\n```\n\n## Real\ntext\n"

    _, sections = split_sections(body)

    assert [s.heading for s in sections] == ["Real"]


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("List all containers", "list-all-containers"),
        ("Use `--all` (flag)", "use-all-flag"),
        ("Images, tags & digests!", "images-tags-digests"),
        ("!!!", "section"),
    ],
)
def test_slugify_makes_lowercase_hyphenated_anchors(heading, anchor):
    assert slugify(heading) == anchor


BROKEN_TOPICS = {
    "bad YAML": ("---\ntitle: [unclosed\n---\nBody\n", "front matter"),
    "missing title": ("---\ntags: [a]\n---\nBody\n", "title"),
    "blank title": ("---\ntitle: '   '\n---\nBody\n", "title"),
    "no front matter": ("Just a body.\n", "title"),
    "tags as a mapping": ("---\ntitle: T\ntags: {a: 1}\n---\nBody\n", "tags"),
    "tags as a number": ("---\ntitle: T\ntags: 5\n---\nBody\n", "tags"),
    "related not a slug": ("---\ntitle: T\nrelated: [Not A Slug]\n---\nBody\n", "related"),
    "NUL byte": ("---\ntitle: T\n---\nBo\x00dy\n", "file"),
    "empty body": ("---\ntitle: T\n---\n\n   \n", "body"),
    "command without name": ("---\ntitle: T\ncommand: {aliases: [x]}\n---\nB\n", "command"),
    "option flags without dash": (
        "---\ntitle: T\ncommand:\n  name: docker x\n  options:\n    - flags: [a]\n---\nB\n",
        "command.options[0]",
    ),
}


@pytest.mark.parametrize(("text", "field"), BROKEN_TOPICS.values(), ids=BROKEN_TOPICS.keys())
def test_a_broken_topic_is_refused_naming_the_field(text, field):
    with pytest.raises(TopicFormatError) as caught:
        parse_topic(text, "sample")

    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


@pytest.mark.parametrize("slug", ["", "Upper", "has space", "-leading", "../etc", "a_b", "a" * 121])
def test_a_bad_slug_is_refused_naming_the_slug(slug):
    with pytest.raises(TopicFormatError) as caught:
        parse_topic("---\ntitle: T\n---\nBody.\n", slug)

    assert caught.value.field == "slug"


def test_a_yaml_error_reports_the_file_line_at_fault():
    text = "---\ntitle: a\n  b: : c\n---\nBody\n"  # line 3 is the bad one

    with pytest.raises(TopicFormatError) as caught:
        parse_topic(text, "sample")

    assert "(line 3)" in caught.value.message


COMMAND_TOPIC = """
---
title: Listing containers
command:
  name: "docker   container ls"
  aliases: [docker ps, "docker  container list"]
  synopsis: docker container ls [OPTIONS]
  arguments: none
  options:
    - flags: [-a, --all]
      help: Show every container.
    - flags: "-f, --filter"
      value: filter
      help: Keep only matching containers.
---
Lists containers.
"""


def test_command_name_aliases_and_options_are_parsed(make_topic):
    command = make_topic(COMMAND_TOPIC.lstrip()).command

    assert command.name == "docker container ls"
    assert command.names == ("docker container ls", "docker ps", "docker container list")
    assert command.synopsis == "docker container ls [OPTIONS]"
    assert command.arguments == "none"
    all_flag, filter_flag = command.options
    assert (all_flag.flags, all_flag.value, all_flag.help) == (
        ("-a", "--all"),
        None,
        "Show every container.",
    )
    assert (filter_flag.flags, filter_flag.value) == (("-f", "--filter"), "filter")


@pytest.mark.parametrize(
    ("front", "field"),
    [(f"title: {'t' * 201}", "title"), (f"title: T\ngroup: {'g' * 81}", "group")],
)
def test_a_title_or_group_longer_than_the_database_keeps_is_refused(front, field):
    with pytest.raises(TopicFormatError) as refused:
        parse_topic(f"---\n{front}\n---\nA summary.\n", "long")
    assert refused.value.field == field


SECTIONED = """\
---
title: Stopping containers
sections:
  stop-a-running-container:
    questions: [how do i stop a container, docker stop not working]
  summary:
    questions: [what does docker stop do]
errors:
  - message: "Error response from daemon: No such container: <name>"
    section: stop-a-running-container
---
Stopping sends SIGTERM.

## Stop a running container
Run docker stop.
"""


def test_sections_carry_their_own_phrasings_and_errors_name_their_section(make_topic):
    doc = make_topic(SECTIONED)

    assert doc.questions_for("stop-a-running-container") == (
        "how do i stop a container",
        "docker stop not working",
    )
    assert doc.questions_for("") == ("what does docker stop do",)
    assert [(e.anchor, e.message) for e in doc.errors] == [
        ("stop-a-running-container", "Error response from daemon: No such container: <name>")
    ]
    assert "sections" not in doc.extra and "errors" not in doc.extra


@pytest.mark.parametrize(
    ("front_matter", "field"),
    [
        ("sections:\n  no-such-heading:\n    questions: [q]\n", "sections.no-such-heading"),
        ("sections: [a, b]\n", "sections"),
        ("sections:\n  summary: [q]\n", "sections.summary"),
        ("errors: {message: x}\n", "errors"),
        ("errors:\n  - section: summary\n", "errors[0]"),
        ("errors:\n  - message: short\n", "errors[0]"),
        ("errors:\n  - message: Error response from daemon\n    hint: x\n", "errors[0]"),
        ("errors:\n  - message: Error response from daemon\n    section: nope\n", "errors[0]"),
    ],
)
def test_bad_sections_and_errors_are_refused_naming_the_field(make_topic, front_matter, field):
    text = f"---\ntitle: T\n{front_matter}---\nSummary.\n\n## A heading\nBody.\n"
    with pytest.raises(TopicFormatError) as caught:
        make_topic(text)
    assert caught.value.field == field
