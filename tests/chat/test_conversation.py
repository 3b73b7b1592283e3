"""Multi-turn scripts: follow-ups lean on the turn before; a new subject is not dragged back."""

import pytest


def converse(ask, *questions):
    """Ask in one conversation; return every reply."""
    replies, conversation = [], None
    for question in questions:
        reply = ask(question, conversation)
        conversation = reply["conversation_id"]
        replies.append(reply)
    return replies


def slug(reply):
    return reply["sources"][0]["url"].split("/")[2].split("#")[0] if reply["sources"] else None


def test_a_new_entity_replaces_the_old_one(ask):
    first, second = converse(ask, "how can I list my containers", "and the images?")
    assert slug(first) == "docker-container-ls"
    assert slug(second) == "docker-image-ls"


def test_a_qualified_new_entity_keeps_the_action(ask):
    first, second = converse(ask, "how do I remove all dangling images", "and stopped containers?")
    assert slug(first) == "docker-image-prune"
    assert second["kind"] == "answer"
    assert slug(second) in {"docker-container-prune", "docker-container-rm"}


def test_a_new_action_on_the_same_subject_gets_a_new_section(ask):
    first, second = converse(ask, "how does the docker build cache work", "how do I skip it?")
    assert slug(first) == "build-cache"
    assert second["kind"] == "answer"
    assert second["sources"][0]["url"] != first["sources"][0]["url"]
    assert "--no-cache" in second["answer"]["markdown"]


def test_a_flag_alone_is_read_with_the_command_just_answered(ask):
    first, second = converse(ask, "how do i remove a container", "with -f?")
    assert slug(first) == slug(second) == "docker-container-rm"


def test_a_follow_up_is_read_with_the_vocabulary_s_phrases(ask):
    # "log out" is one word here (logout), not a container's log to swap for the last one's
    first, second = converse(ask, "how do I log into docker hub", "and how do i log out")
    assert first["sources"][0]["url"].endswith("#log-in-to-docker-hub")
    assert second["kind"] == "answer"
    assert second["sources"][0]["url"].endswith("#log-out-of-a-registry")


def test_a_new_action_keeps_the_entity(ask):
    *_, last = converse(ask, "show me my images", "and how do I delete them?")
    assert last["kind"] == "answer"
    assert slug(last) == "docker-image-rm"


def test_a_pronoun_stands_for_what_was_asked_about(ask):
    first, second = converse(ask, "what exactly is a container?", "how can I list them?")
    assert slug(first) == "container"
    assert slug(second) == "docker-container-ls"


def test_a_follow_up_without_a_pronoun_still_finds_its_topic(ask):
    *_, last = converse(ask, "how do I read what a container printed", "can I follow live?")
    assert slug(last) == "docker-container-logs"
    assert "-f" in last["answer"]["markdown"]


def test_asking_for_more_gives_another_section_of_the_same_topic(ask):
    first, second = converse(ask, "how do I stop a container", "why?")
    assert slug(second) == slug(first)
    assert second["sources"][0]["url"] != first["sources"][0]["url"]


def test_a_change_of_subject_is_not_dragged_back(ask):
    first, second = converse(ask, "how do I stop a container", "what is a dockerfile")
    assert slug(first) == "docker-container-stop"
    assert slug(second) == "dockerfile"


def test_the_same_follow_up_in_a_fresh_conversation_has_nothing_to_lean_on(ask):
    reply = ask("and how do I delete them?")
    assert slug(reply) != "docker-image-rm" or reply["kind"] != "answer"


@pytest.mark.parametrize("word", ["rm", "prune", "ls", "inspect"])
def test_a_word_naming_several_commands_gets_a_question_back(ask, word):
    reply = ask(word)
    assert reply["kind"] == "clarify"
    assert len(reply["suggestions"]) >= 2
    assert all(s.startswith("What does docker ") for s in reply["suggestions"])


def test_a_clarifying_choice_is_answered_from_its_command_topic(ask):
    reply = ask("prune")
    choice = next(s for s in reply["suggestions"] if "image prune" in s)
    assert slug(ask(choice, reply["conversation_id"])) == "docker-image-prune"


def test_a_word_naming_one_command_is_answered(ask):
    assert ask("ps")["kind"] == "answer"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("stop or kill?", "docker-stop-vs-kill"),
        ("docker save versus docker export", "docker-save-vs-export"),
        ("how is an image different from a container", "image-vs-container"),
        ("exec compared to attach", "docker-exec-vs-attach"),
        ("is docker save the same thing as docker export?", "docker-save-vs-export"),
        ("are containers equivalent to virtual machines", "container-vs-vm"),
        ("how does stop differ from kill", "docker-stop-vs-kill"),
        ("whats the diff between stop and kill", "docker-stop-vs-kill"),
    ],
)
def test_a_comparison_is_answered_from_its_comparison_topic_with_a_table(ask, question, topic):
    reply = ask(question)
    assert slug(reply) == topic
    assert "<table>" in reply["answer"]["html"]


def test_two_topics_without_a_comparison_are_put_side_by_side(ask):
    reply = ask("docker tag vs docker history")
    assert reply["kind"] == "answer"
    assert "<table>" in reply["answer"]["html"]
    urls = {s["url"] for s in reply["sources"]}
    assert urls == {"/topics/docker-image-tag#summary", "/topics/docker-image-history#summary"}


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("What is the difference between COPY and ADD?", ("copy", "add")),
        ("load vs import", ("load", "import")),
        # Each side's own word is enough: the words both sides share, or one side's
        # qualifier ("commands in a Dockerfile"), need not be in the heading.
        (
            "What is the difference between the COPY and ADD commands in a Dockerfile?",
            ("copy", "add"),
        ),
        (
            "what's the difference between docker load and import when restoring a tar file",
            ("load", "import"),
        ),
    ],
)
def test_a_section_comparing_both_sides_comes_before_a_table_built_from_two_topics(
    ask, question, sides
):
    reply = ask(question)
    assert "There is no single topic" not in reply["answer"]["markdown"]
    assert len(reply["sources"]) == 1
    heading = reply["sources"][0]["section"].lower()
    assert all(side in heading for side in sides), heading


def test_no_table_is_built_around_a_side_the_material_does_not_know(ask):
    reply = ask("docker tag vs a flux capacitor")
    assert "<table>" not in reply["answer"]["html"]
    assert len(reply["sources"]) <= 1


def test_a_side_is_what_its_last_noun_names_when_that_has_a_comparison(ask):
    reply = ask("difference between a running container and an image? I am confused")
    assert slug(reply) == "image-vs-container"


@pytest.mark.parametrize(
    "pasted",
    [
        'docker: Error response from daemon: Conflict. The container name "/web" is already in '
        'use by container "4f2a9c1b7d3e". You have to remove (or rename) that container to be '
        "able to reuse that name.",
        "I keep getting this when I start my app: docker: Error response from daemon: driver "
        "failed programming external connectivity on endpoint web (4f2a9c1b7d3e): Bind for "
        "0.0.0.0:8080 failed: port is already allocated. What should I do?",
    ],
)
def test_a_follow_up_never_pastes_the_answer_just_given_again(ask, pasted):
    first, follow_up = converse(ask, pasted, "and for images?")
    assert first["kind"] == "answer"
    assert follow_up["answer"]["markdown"] != first["answer"]["markdown"]
    if follow_up["sources"] and follow_up["sources"][0]["url"] == first["sources"][0]["url"]:
        assert follow_up["kind"] == "clarify"  # it says it has nothing new, and links back
        assert first["sources"][0]["url"] in follow_up["answer"]["markdown"]
