"""A message is read once: what it asks, the errors and commands it pastes, the noise it carries."""

from __future__ import annotations

import pytest

from shipshape.chat.reading import mask_noise, read_question

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent


def test_a_short_message_is_all_question():
    question = read_question("how do I list containers?")
    assert question.asking == "how do I list containers?"
    assert question.context == ""
    assert not question.is_long


def test_a_long_message_finds_its_title_and_the_sentences_that_ask():
    text = (
        "Named volumes in Dockerfile: I tried VOLUME data:/some/path in my Dockerfile and "
        "rebuilt the image twice this morning. I still get random names in docker volume ls "
        "after every run. Why does the volume get a random name?"
    )
    question = read_question(text)
    assert question.asking.startswith("Named volumes in Dockerfile")
    assert question.asking.endswith("Why does the volume get a random name?")
    assert "rebuilt the image twice" in question.context
    assert question.is_long


def test_what_a_learner_told_in_their_own_words_leaves_out_what_they_pasted():
    message = (
        "My build fails\n\nI ran this Dockerfile:\n\n```\nFROM ubuntu\nRUN apt-get update\n"
        "RUN apt-get install -y curl\n```\n\ndocker build -t web .\n\n"
        "and got: E: Unable to locate package curl. What is wrong?"
    )
    told = " ".join(read_question(message).told)
    assert "My build fails" in told
    assert "Unable to locate package curl" in told  # an error line is the learner's report
    assert "FROM" not in told and "apt-get update" not in told
    assert "docker build -t web" not in told


def test_a_title_on_a_line_of_its_own_is_what_the_message_asks_about():
    text = (
        "container timezone\n\nAs I experience it, containers use their internal timezone, not "
        "the one of the host. I work around it with a start script that takes a parameter and "
        "links the right zone file. Or, is there another way to do this?"
    )
    question = read_question(text)
    assert question.asking.startswith("container timezone")
    assert "start script" in question.context


def test_a_title_stays_the_question_when_the_body_opens_with_indented_output():
    text = (
        "Container marked unhealthy but the app works fine\n\n"
        "    $ docker ps\n"
        "    CONTAINER ID   IMAGE   STATUS\n"
        "    3f2a   web   Up 2 minutes (unhealthy)\n\n"
        "The endpoint answers in the browser. "
        "Why does docker mark it unhealthy when the endpoint answers?"
    )
    question = read_question(text)
    assert question.asking.startswith("Container marked unhealthy but the app works fine")


@pytest.mark.parametrize(
    "ask", ["Any idea how to fix it?", "Is this a bug?", "Any solution for this?"]
)
def test_a_sentence_that_only_asks_is_not_taken_for_the_question(ask):
    text = (
        "Port not reachable from the host\n\nI started nginx with docker run -d nginx and "
        "opened localhost in the browser, and the page never loads even after a restart of "
        f"the machine and of the daemon. {ask}"
    )
    question = read_question(text)
    assert ask not in question.asking
    assert question.asking.startswith("Port not reachable from the host")


def test_an_error_prefix_is_not_taken_for_a_title():
    text = (
        "Error response from daemon: conflict: unable to delete 60eb93995196 (cannot be forced) "
        "- image has dependent child images. Why can I not delete it?"
    )
    question = read_question(text)
    assert question.errors and "dependent child images" in question.errors[0]
    assert "Why can I not delete it?" in question.asking


def test_command_lines_are_found_in_backticks_and_on_their_own_line():
    text = "When I run `docker ps -a` I see nothing.\n$ docker images --all\nWhy is that?"
    assert read_question(text).commands == ("docker ps -a", "docker images --all")


def test_a_line_that_starts_with_docker_but_asks_is_not_a_command_line():
    text = "My api keeps failing at startup.\ndocker logs api shows nothing at all why?"
    assert read_question(text).commands == ()


def test_prose_that_mentions_docker_is_not_a_command_line():
    text = "How is Docker different from a virtual machine? I keep rereading the docs about it."
    assert read_question(text).commands == ()


def test_ids_digests_and_long_paths_are_masked_but_words_stay():
    masked = mask_noise(
        "container 3061de2e8c9c uses sha256:690ed74de00f1234 at /home/me/app/build/out now"
    )
    assert "3061de2e8c9c" not in masked and "690ed74de00f" not in masked
    assert "/home/me/app" not in masked
    assert masked.split() == ["container", "uses", "at", "now"]


def test_comparisons_and_definitions_are_recognized():
    assert read_question("docker stop vs docker kill").sides == ("docker stop", "docker kill")
    assert read_question("What is a dangling image?").definition
    assert not read_question("How do I remove a dangling image?").definition


@pytest.mark.parametrize(
    "question",
    ["run vs start whats diff", "run vs start, what's the difference?", "run vs start which"],
)
def test_a_question_tacked_on_after_the_second_side_is_not_part_of_it(question):
    assert read_question(question).sides == ("run", "start")
