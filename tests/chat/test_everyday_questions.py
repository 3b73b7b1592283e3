"""Questions learners really ask, answered by the section that answers them (not a neighbour)."""

from __future__ import annotations

import pytest

from shipshape.chat.answerer import answer_question
from shipshape.chat.followup import Previous


def address(reply) -> tuple[str | None, str | None]:
    return reply.topic_slug, reply.anchor


@pytest.mark.parametrize(
    ("question", "slug", "anchor"),
    [
        ("What is an image?", "image", ""),
        ("what is a container?", "container", ""),
        ("What exactly is a container?", "container", ""),
        ("docker ps show only container ids", "docker-container-ls", "show-only-container-ids"),
        ("How to stop all docker containers at once", "docker-container-stop",
         "stop-every-running-container-at-once"),
        ("how do i make a container delete itself when it stops", "restart-policies",
         "rm-removes-the-container-when-it-exits"),
        # "log" alone is a container's output; logging out of a registry is docker logout
        ("how do i log out", "docker-login", "log-out-of-a-registry"),
        ("how to sign out of docker hub", "docker-login", "log-out-of-a-registry"),
        # "log into a container" is a shell, "log into a registry" is docker login
        ("how do I log into docker hub", "docker-login", "log-in-to-docker-hub"),
        ("log into my private registry", "docker-login", "log-in-to-a-private-registry"),
        ("nuke all images", "docker-image-rm", "remove-all-images-or-many-at-once"),
        # leaving a container's shell is not a container that exited: the stems are the same
        ("how do i exit a container", "getting-inside-a-container",
         "detach-from-a-container-without-stopping-it"),
        ("why did my container exit", "container-exit-codes", "find-out-why-a-container-exited"),
        # "dont" was a rare word, and matched a phrasing "container exits and i dont know why"
        ("make a container but dont start it", "docker-create-vs-run",
         "docker-create-vs-docker-run-at-a-glance"),
    ],
)  # fmt: skip
def test_a_plain_question_lands_on_its_section(library, question, slug, anchor):
    reply = answer_question(question, library)
    assert reply.kind == "answer"
    assert address(reply) == (slug, anchor)


def test_docker_versus_a_virtual_machine_is_answered_from_the_comparison(library):
    reply = answer_question("how does docker differ from a VM", library)
    assert reply.topic_slug in {"container-vs-vm", "containers-vs-vms"}
    assert "kernel" in reply.markdown.lower()


def test_a_follow_up_naming_another_thing_asks_the_same_about_it(library):
    first = answer_question("What is an image?", library)
    previous = Previous(first.resolved, first.topic_slug, first.anchor)
    reply = answer_question("and a container?", library, previous)
    assert address(reply) == ("container", "")
    assert reply.resolved.lower() == "what is an container?"


def test_two_names_of_one_command_are_said_to_be_one(library):
    reply = answer_question("docker ps vs docker container ls", library)
    assert reply.topic_slug == "docker-container-ls"
    assert "same command" in reply.markdown
