"""Error messages topics explain: a pasted error matches whatever IDs, names and quotes it holds."""

from __future__ import annotations

import pytest

from shipshape.knowledge.errors import constant_text, error_patterns, match_errors

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

TOPIC = """\
---
title: Removing images
errors:
  - message: >-
      Error response from daemon: conflict: unable to remove repository reference "<name>"
      (must force) - container <id> is using its referenced image <id>
    section: an-image-a-container-uses
  - message: 'Error response from daemon: No such image: <name>'
---
Removing images.

## An image a container uses
Remove the container first.
"""


@pytest.fixture
def patterns(make_topic):
    return error_patterns([make_topic(TOPIC, slug="docker-image-rm")])


def test_placeholders_are_left_out_of_the_words_every_copy_shares():
    assert constant_text("No such image: <name> (tag <tag>)") == "No such image: (tag )"


def test_an_error_entry_names_its_section_or_the_summary(patterns):
    assert [(p.slug, p.anchor) for p in patterns] == [
        ("docker-image-rm", "an-image-a-container-uses"),
        ("docker-image-rm", ""),
    ]


@pytest.mark.parametrize(
    "pasted",
    [
        'Error response from daemon: conflict: unable to remove repository reference "nginx:1.25" '
        "(must force) - container 4a5b6c7d8e9f is using its referenced image 0f1e2d3c4b5a",
        'why does docker rmi say: conflict: unable to remove repository reference "my/app" (must'
        " force) - container abc123 is using its referenced image def456 ?? i stopped it",
        "conflict: unable to remove repository reference 'hello-world' (must force) - container "
        "3061de2e8c9c is using its referenced image 690ed74de00f",
    ],
)
def test_a_pasted_error_with_its_own_values_lands_on_the_section(patterns, pasted):
    found = match_errors(pasted, patterns)
    assert found and (found[0].slug, found[0].anchor) == (
        "docker-image-rm",
        "an-image-a-container-uses",
    )
    assert found[0].share >= 0.8


def test_most_of_an_error_in_order_is_enough_but_a_few_shared_words_are_not(patterns):
    truncated = "unable to remove repository reference (must force) container is using its image"
    assert match_errors(truncated, patterns)
    assert not match_errors("how do I remove a container that is using an image?", patterns)


def test_words_out_of_order_do_not_make_the_error(patterns):
    shuffled = "image referenced its using is container force must reference repository remove"
    assert not match_errors(shuffled, patterns)


RUNTIME = "failed to create task for container: failed to create shim task: OCI runtime create \
failed: runc create failed: unable to start container process:"
RUNTIME_ERRORS = f"""\
---
title: Starting containers
errors:
  - message: '{RUNTIME} exec: "<command>": executable file not found in $PATH: unknown'
    section: not-found
  - message: '{RUNTIME} exec: "<path>": permission denied: unknown'
    section: not-allowed
  - message: '{RUNTIME} error mounting "<path>" to rootfs at "<path>": not a directory: unknown'
    section: file-onto-folder
---
Starting containers.

## Not found
The command is not in the image.

## Not allowed
The file is not executable.

## File onto folder
A file mounted onto a folder.
"""


@pytest.fixture
def runtime_patterns(make_topic):
    return error_patterns([make_topic(RUNTIME_ERRORS, slug="starting")])


def test_the_words_an_error_shares_with_many_messages_weigh_less_than_its_own(runtime_patterns):
    """A story around another runtime error says "not found" and "file" too: the boilerplate
    it shares with every runtime message does not make it the "executable not found" error."""
    story = (
        f"docker run fails with {RUNTIME} exec format error: unknown. The file is in the image, "
        "it is not found missing or anything, I checked the path"
    )
    assert not [m for m in match_errors(story, runtime_patterns) if m.anchor == "not-found"]


def test_a_runtime_error_lands_on_its_own_words_not_the_boilerplate(runtime_patterns):
    pasted = f'docker: Error response from daemon: {RUNTIME} exec: "/start.sh": permission denied'
    assert [m.anchor for m in match_errors(pasted, runtime_patterns)] == ["not-allowed"]


SHORT_MESSAGE = """\
---
title: Starting scripts
errors:
  - message: 'exec <path>: no such file or directory'
---
Starting scripts.
"""


@pytest.fixture
def short_patterns(make_topic):
    return error_patterns([make_topic(SHORT_MESSAGE, slug="scripts")])


def test_a_short_message_matches_only_whole(short_patterns):
    assert match_errors("exec /entrypoint.sh: no such file or directory", short_patterns)
    # One word less is the operating system's generic message, which many errors end with.
    assert not match_errors("COPY failed: no such file or directory", short_patterns)
    assert not match_errors("dial unix /var/run/docker.sock: no such file or directory",
                            short_patterns)  # fmt: skip


def test_an_error_is_found_in_one_place_not_gathered_from_a_whole_story(short_patterns):
    story = (
        "I can exec into the container fine. Later I rebuilt the image, changed the volume "
        "to another folder of the project, restarted the machine and reinstalled the tools, "
        "and now the log says no such file or directory"
    )
    assert not match_errors(story, short_patterns)
    assert match_errors(f"{story}. Before that: exec ./run.sh: no such file or directory",
                        short_patterns)  # fmt: skip


def test_words_the_message_has_side_by_side_must_stand_side_by_side(patterns):
    """Only a placeholder lets other words in between: 'No such image: <name>' is not an
    application's 'no such table' in a story that later says 'image'."""
    assert match_errors("Error: No such image: my/app:1.2", patterns)
    assert not match_errors("no such table: files_file when using a Docker image", patterns)


USAGE_ERRORS = """\
---
title: Usage errors
errors:
  - message: '"docker <command>" requires exactly 1 argument.'
    section: any-command
  - message: '"docker build" requires exactly 1 argument.'
    section: the-build
---
Usage errors.

## Any command
The generic one.

## The build
The build's own.
"""


def test_the_message_that_names_more_of_the_text_is_the_one_it_matches(make_topic):
    patterns = error_patterns([make_topic(USAGE_ERRORS, slug="usage")])
    found = match_errors(
        'then this came back: "docker build" requires exactly 1 argument.', patterns
    )
    assert [m.anchor for m in found] == ["the-build"]
    assert [
        m.anchor for m in match_errors('"docker rm" requires exactly 1 argument.', patterns)
    ] == ["any-command"]
