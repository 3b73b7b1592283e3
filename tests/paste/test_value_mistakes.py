"""Command lines that parse but mean something else are named: a push without an account, a
size without a unit, ports beside host networking, docker cp with no container, bash on Alpine."""

import pytest

from shipshape.paste.command_mistakes import find_mistakes

pytestmark = pytest.mark.database_independent


def first(line, library):
    mistakes = find_mistakes(line, library.catalog)
    return (mistakes[0].rule, mistakes[0].corrected) if mistakes else (None, None)


def test_a_push_without_an_account_in_the_name_is_named_with_a_placeholder_account(library):
    [mistake] = find_mistakes("docker push myapp:1.0", library.catalog)
    assert mistake.corrected == "docker push YOUR_USER/myapp:1.0"
    assert "docker.io/library/myapp" in mistake.message
    assert mistake.taught_in[1] == "fix-requested-access-to-the-resource-is-denied"


@pytest.mark.parametrize(
    "line",
    ["docker push me/myapp:1.0", "docker push localhost:5000/app", "docker push denied"],
)
def test_a_push_with_an_account_or_of_a_plain_word_is_no_mistake(line, library):
    assert first(line, library) == (None, None)


@pytest.mark.parametrize(
    "line, corrected",
    [
        ("docker run -m 512 nginx", "docker run -m 512m nginx"),
        ("docker run --memory=256 -d nginx", "docker run --memory=256m -d nginx"),
    ],
)
def test_a_memory_size_without_a_unit_is_named_with_the_unit_added(line, corrected, library):
    assert first(line, library) == ("size-without-unit", corrected)


@pytest.mark.parametrize("line", ["docker run -m 512m nginx", "docker run -m 2147483648 nginx"])
def test_a_size_with_a_unit_or_a_large_byte_count_is_no_mistake(line, library):
    assert first(line, library) == (None, None)


@pytest.mark.parametrize(
    "line, corrected",
    [
        ("docker run --network host -p 8080:80 -d nginx", "docker run --network host -d nginx"),
        ("docker run --network=host -P nginx", "docker run --network=host nginx"),
    ],
)
def test_ports_published_beside_host_networking_are_named_and_dropped(line, corrected, library):
    assert first(line, library) == ("ports-with-host-network", corrected)


def test_ports_on_a_network_of_its_own_are_no_mistake(library):
    assert first("docker run --network backend -p 8080:80 nginx", library) == (None, None)


def test_docker_cp_between_two_host_paths_is_named(library):
    [mistake] = find_mistakes("docker cp app.py web/app/", library.catalog)
    assert mistake.rule == "copy-without-container"
    assert "CONTAINER:PATH" in mistake.message


@pytest.mark.parametrize(
    "line", ["docker cp app.py web:/app/", "docker cp web:/var/log/app.log .", "docker cp into it"]
)
def test_docker_cp_with_a_container_side_or_without_paths_is_no_mistake(line, library):
    assert first(line, library) == (None, None)


@pytest.mark.parametrize(
    "line, corrected",
    [
        ("docker run -it alpine bash", "docker run -it alpine sh"),
        ("docker run -it node:20-alpine /bin/bash", "docker run -it node:20-alpine sh"),
        ("docker run --rm -it busybox bash", "docker run --rm -it busybox sh"),
    ],
)
def test_bash_asked_of_an_alpine_or_busybox_image_is_named_with_sh(line, corrected, library):
    assert first(line, library) == ("bash-in-alpine", corrected)


def test_bash_in_an_image_that_has_it_is_no_mistake(library):
    assert first("docker run -it ubuntu:24.04 bash", library) == (None, None)


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("docker run -v $(pwd):/data tool export LEVEL=2", "-e LEVEL=2"),
        ("docker exec web cd /var/log", "-w /path"),
    ],
)
def test_a_shell_built_in_run_as_the_containers_program_is_named(line, meant, library):
    [mistake] = find_mistakes(line, library.catalog)
    assert mistake.rule == "builtin-as-command" and meant in mistake.message


def test_a_built_in_given_to_a_shell_is_no_mistake(library):
    assert first('docker run alpine sh -c "export A=1 && env"', library) == (None, None)


def test_an_exported_variable_is_moved_into_an_e_option_before_the_image(library):
    [mistake] = find_mistakes("docker run -u app tool export LEVEL=2 MODE=x", library.catalog)
    assert mistake.corrected == "docker run -u app -e LEVEL=2 -e MODE=x tool"
