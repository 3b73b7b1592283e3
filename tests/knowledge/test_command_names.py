"""Finding the command names a question writes."""

from __future__ import annotations

import pytest

from shipshape.knowledge.command_names import find_commands

pytestmark = pytest.mark.database_independent


def test_find_commands_reports_the_longest_name_only():
    phrases = {"docker container ls": "ls", "container ls": "ls", "docker ps": "ls"}

    assert find_commands("Run docker container ls -a", phrases) == ("docker container ls",)
    assert find_commands("docker ps and docker container ls", phrases) == (
        "docker container ls",
        "docker ps",
    )
    assert find_commands("the ps command", phrases) == ()


def test_a_new_set_of_names_is_read_afresh():
    assert find_commands("docker ps now", {"docker ps": "ls"}) == ("docker ps",)
    assert find_commands("docker ps now", {"docker images": "image-ls"}) == ()
