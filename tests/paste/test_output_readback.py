"""Docker's own output is read back row by row, with the command for the likely next step."""

from pathlib import Path

import pytest

from shipshape.paste.output_readback import read_back
from shipshape.paste.parts import split_parts

pytestmark = pytest.mark.database_independent
DATA = Path(__file__).resolve().parent.parent / "data" / "paste"


def read(text):
    (part,) = split_parts(text)
    return read_back(part.table, part.rows)


def test_each_container_of_ps_a_is_read_with_its_state_and_ports():
    back = read((DATA / "ps_a.txt").read_text(encoding="utf-8"))
    web, sleepy = back.lines
    assert "**web**" in web and "running" in web
    assert "host port 8080 reaches container port 80" in web
    assert "exit code 137" in sleepy and "killed" in sleepy and "memory" in sleepy
    assert "docker logs sleepy_turing" in back.next_steps
    assert ("container-exit-codes", "exit-code-137-killed-or-out-of-memory") in back.taught_in


def test_a_port_only_exposed_is_said_to_be_unreachable_from_the_host():
    text = (
        "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS     NAMES\n"  # noqa: E501
        'a1b2c3d4e5f6   nginx     "/docker-entrypoint.…"   5 seconds ago   Up 4 seconds   80/tcp    web\n'  # noqa: E501
    )
    [line] = read(text).lines
    assert "exposed but not published" in line


def test_a_dangling_image_is_named_with_the_command_to_remove_it():
    back = read(
        "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n"
        "myapp        1.0       a6bd71f48f68   2 weeks ago   187MB\n"
        "<none>       <none>    3c2b1a0f9e8d   3 days ago    1.2GB\n"
    )
    assert "**myapp:1.0**" in back.lines[0]
    assert "dangling" in back.lines[1]
    assert back.next_steps[0] == "docker image prune"


def test_history_names_the_biggest_layer_and_the_missing_ones():
    back = read(
        "IMAGE          CREATED       CREATED BY                               SIZE      COMMENT\n"
        'a6bd71f48f68   2 weeks ago   CMD ["nginx" "-g" "daemon off;"]         0B        buildkit\n'
        "<missing>      2 weeks ago   RUN /bin/sh -c apt-get update            112MB     buildkit\n"
    )
    assert "a setting, no files" in back.lines[0]
    assert "the biggest" in back.lines[1] and "<missing>" in back.lines[1]
    assert back.next_steps == ("docker history --no-trunc a6bd71f48f68",)


def test_volumes_are_told_apart_anonymous_from_named():
    back = read("DRIVER    VOLUME NAME\nlocal     " + "ab" * 32 + "\nlocal     pgdata\n")
    assert "anonymous" in back.lines[0] and "named volume" in back.lines[1]
    assert "docker volume prune" in back.next_steps


def test_docker_port_lines_are_read_as_host_to_container():
    back = read("80/tcp -> 0.0.0.0:8080\n80/tcp -> 127.0.0.1:9090\n")
    assert "host port **8080**" in back.lines[0]
    assert "only from this machine" in back.lines[1]
    assert back.next_steps == ("curl http://localhost:8080/",)
