"""A follow-up that names another thing is the previous question about that thing: which of the
previous question's things it stands in for, and what qualifies it."""

from pathlib import Path

import pytest

from shipshape.chat.followup import Previous, leans_on_previous, read_in_context
from shipshape.knowledge.vocabulary import load_vocabulary, parse_vocabulary

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

CONTENT = Path(__file__).resolve().parents[2] / "content"

VOCABULARY = parse_vocabulary(
    {
        "filler": [
            "how",
            "do",
            "i",
            "can",
            "a",
            "an",
            "the",
            "of",
            "to",
            "and",
            "what",
            "about",
            "for",
            "with",
        ],
        "entities": ["container", "image", "volume", "registry", "log", "process", "layer"],
        "entity_kinds": {
            "things": ["container", "image", "volume"],
            "parts": ["log", "process", "layer"],
            "places": ["registry"],
        },
        "qualifiers": ["all", "stopped", "dangling", "unused"],
    }
)


def reading(follow_up: str, previous: str, about: str = ""):
    turn = Previous(previous, "some-topic", "some-section", about)
    return read_in_context(follow_up, turn, VOCABULARY)


def read(follow_up: str, previous: str, about: str = "") -> str:
    return reading(follow_up, previous, about).text


def test_a_part_stands_in_for_the_part_not_for_its_owner():
    asked = read("and the processes?", "how do I see the logs of a container")
    assert asked == "how do I see the processes of a container"


def test_a_part_the_previous_question_did_not_name_is_asked_of_its_thing():
    asked = read("and its logs?", "how do I find the IP address of a container")
    assert asked == "logs of the container"


def test_a_thing_stands_in_for_the_thing_not_for_where_it_goes():
    asked = read("and an image?", "can I push a container to a registry")
    assert asked == "can I push a image to a registry"


def test_of_two_things_the_one_the_answer_was_about_is_replaced():
    asked = read(
        "and a volume?", "why can't I remove an image a container is using", "Removing an image"
    )
    assert asked == "why can't I remove an volume a container is using"


def test_without_an_answer_to_go_by_every_thing_of_the_kind_is_replaced():
    asked = read("and a volume?", "why can't I remove an image a container is using")
    assert asked == "why can't I remove an volume a volume is using"


def test_a_qualified_thing_replaces_the_thing_and_its_qualifiers():
    asked = read("and stopped containers?", "how do I remove all dangling images")
    assert asked == "how do I remove stopped containers"


def test_a_word_that_is_no_qualifier_is_not_read_as_a_new_thing():
    asked = read("and how do I delete containers?", "how do I list dangling images")
    assert "dangling" not in asked and "delete" in asked and "container" in asked


def test_a_new_action_keeps_what_the_answer_was_about_but_not_the_old_action():
    asked = read("how do I skip it?", "how does the build cache work", "The build cache")
    assert asked.split() == ["skip", "build", "cache"]
    asked = read("how do I stop it?", "how do I run nginx in the background", "Running a container")
    assert "run" not in asked.split() and "stop" in asked.split()


def test_a_new_action_on_the_same_thing_is_not_answered_with_the_section_just_given():
    assert reading("how do I skip it?", "how does the build cache work").avoid == (
        "some-topic",
        "some-section",
    )
    assert reading("and an image?", "how do I remove a container").avoid is None


@pytest.mark.parametrize("follow_up", ["same for images?", "images too?", "with -f?", "why not?"])
def test_a_short_fragment_goes_on_from_the_last_question(follow_up):
    assert leans_on_previous(follow_up, VOCABULARY)


def test_a_long_question_that_starts_like_a_fragment_stands_alone():
    question = "in a dockerfile what is the difference between ARG and ENV when I build"
    assert not leans_on_previous(question, VOCABULARY)


def test_same_for_another_thing_asks_the_same_of_it():
    assert read("same for images?", "how do I delete a container") == "how do I delete a images"


def test_another_number_replaces_the_number():
    assert read("what about 126?", "what does exit code 127 mean") == "what does exit code 126 mean"


def test_another_number_replaces_the_number_after_the_word_it_names():
    asked = read("and port 8080?", "how do i map port 80 in the container to 3000")
    assert asked == "how do i map port 8080 in the container to 3000"


def test_a_flag_alone_asks_the_same_with_the_flag():
    asked = read("with -f?", "how do I remove a container", "Removing a container (docker rm)")
    assert asked.split()[0] == "-f"
    assert {"remove", "container", "rm"} <= set(asked.split())


def test_a_follow_up_that_names_both_sides_of_a_comparison_stands_alone():
    asked = reading("what about stop vs kill?", "whats the difference between docker rm and rmi")
    assert asked.text == "stop vs kill?"
    assert not asked.leans


def test_another_way_to_the_same_end_keeps_the_action():
    asked = read("from a file instead?", "how do I pass an environment variable to docker run")
    assert {"file", "pass", "environment", "variable"} <= set(asked.split())


def test_entity_kinds_are_parsed_by_stem_and_qualifiers_as_words():
    assert VOCABULARY.entity_kinds["process"] == "parts"
    assert VOCABULARY.entity_kinds["registri"] == "places"  # "registry", stemmed
    assert "stopped" in VOCABULARY.qualifiers


def test_every_entity_of_the_bundled_vocabulary_has_a_kind():
    bundled = load_vocabulary(CONTENT)
    assert bundled.entity_stems
    assert bundled.entity_stems == set(bundled.entity_kinds)
