"""Docker command lines are read as the docker CLI reads them, from the command topics' data."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipshape.knowledge.catalog import Catalog
from shipshape.knowledge.commands import (
    CommandSyntaxError,
    ImageReference,
    parse_command_line,
    parse_image_reference,
    split_words,
    synopsis_placeholders,
)
from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import parse_topic

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    """The bundled topics' catalog, read straight from content/ (the same as the library's)."""
    return Catalog.build(parse_topic(p.read_text("utf-8"), p.stem) for p in topic_files(CONTENT))


@pytest.fixture
def parse(catalog):
    """Parse a line against the bundled command topics."""
    return lambda line: parse_command_line(line, catalog.specs, catalog.commands)


def test_the_catalog_read_from_content_is_the_librarys(library, catalog):
    assert library.catalog.commands == catalog.commands
    assert library.catalog.specs == catalog.specs
    assert catalog.commands["docker ps"] == "docker-container-ls"


def meanings(parse, *lines):
    return {line: parse(line).meaning() for line in lines}


def assert_same_meaning(parse, *lines):
    found = meanings(parse, *lines)
    assert len(set(found.values())) == 1, found


def test_aliases_and_short_or_long_flags_mean_the_same_listing(parse):
    assert_same_meaning(
        parse,
        "docker ps -a",
        "docker ps --all",
        "docker container ls -a",
        "docker container list --all",
    )
    assert parse("docker ps -a").slug == "docker-container-ls"


def test_a_different_flag_is_a_different_meaning(parse):
    assert parse("docker ps -a").meaning() != parse("docker ps -q").meaning()
    assert parse("docker ps").meaning() != parse("docker ps -a").meaning()


def test_bundled_short_flags_equal_separate_ones_in_any_order(parse):
    assert_same_meaning(
        parse, "docker ps -aq", "docker ps -a -q", "docker ps -q --all", "docker ps -qa"
    )


def test_a_long_option_value_may_follow_an_equals_sign_or_a_space(parse):
    assert_same_meaning(parse, "docker run --name=web nginx", "docker run --name web nginx")
    option = parse("docker run --name=web nginx").options[0]
    assert (option.written, option.value) == ("--name", "web")


def test_a_short_option_value_may_be_attached_or_separate(parse):
    assert_same_meaning(parse, "docker run -p8080:80 nginx", "docker run -p 8080:80 nginx")
    assert parse("docker run -p 8080:80 nginx").arguments == ("nginx",)


def test_a_quoted_value_stays_one_word(parse):
    command = parse('docker run -e "A=b c" nginx')

    assert [(o.option.flags[-1], o.value) for o in command.options] == [("--env", "A=b c")]
    assert command.arguments == ("nginx",)


def test_flags_after_the_image_belong_to_the_command_inside(parse):
    command = parse("docker run -d --rm ubuntu ls -la --all")

    assert [o.written for o in command.options] == ["-d", "--rm"]
    assert command.arguments == ("ubuntu", "ls", "-la", "--all")
    assert command.unknown_flags == ()


def test_interactive_tty_spellings_mean_the_same(parse):
    assert_same_meaning(
        parse,
        "docker run -it ubuntu bash",
        "docker run -ti ubuntu bash",
        "docker run -i -t ubuntu bash",
        "docker container run --interactive --tty ubuntu bash",
    )


def test_an_unknown_flag_is_reported(parse):
    command = parse("docker ps -a --bogus -Z")

    assert command.unknown_flags == ("--bogus", "-Z")
    assert [o.option.flags[-1] for o in command.options if o.option] == ["--all"]


def test_help_is_known_to_every_command(parse):
    command = parse("docker ps --help")

    assert command.unknown_flags == ()
    assert command.options[0].option.flags == ("--help",)


@pytest.mark.parametrize("prefix", ["$ ", "sudo ", "`"])
def test_a_prompt_sudo_or_backticks_around_the_line_are_ignored(parse, prefix):
    suffix = "`" if prefix == "`" else ""

    assert parse(f"{prefix}docker ps -a{suffix}").meaning() == parse("docker ps -a").meaning()


@pytest.mark.parametrize(
    "line", ['docker run -e "A=b nginx', "docker ps 'unclosed", 'echo "never closed']
)
def test_unbalanced_quotes_raise_command_syntax_error(line):
    with pytest.raises(CommandSyntaxError, match="unbalanced quotes"):
        split_words(line)


@pytest.mark.parametrize("line", ["", "docker", "docker frobnicate -a", "ls -la", "podman ps"])
def test_a_line_that_is_no_known_docker_command_raises(parse, line):
    with pytest.raises(CommandSyntaxError):
        parse(line)


def test_a_very_long_line_is_refused():
    with pytest.raises(CommandSyntaxError, match="too long"):
        split_words("docker ps " + " ".join(["-a"] * 300))


def test_synopsis_placeholders_list_the_positional_arguments(catalog):
    specs = catalog.specs

    assert synopsis_placeholders(specs["docker-container-run"]) == ["IMAGE", "COMMAND", "ARG..."]
    assert synopsis_placeholders(specs["docker-container-ls"]) == []
    assert synopsis_placeholders(specs["docker-image-build"]) == ["PATH|URL|-"]


IMAGE_REFERENCES = {
    "nginx": ImageReference("docker.io", "library/nginx", None, None),
    "nginx:1.25": ImageReference("docker.io", "library/nginx", "1.25", None),
    "team/app": ImageReference("docker.io", "team/app", None, None),
    "myreg.example.com:5000/team/app:2": ImageReference(
        "myreg.example.com:5000", "team/app", "2", None
    ),
    "localhost/app": ImageReference("localhost", "app", None, None),
    "ubuntu@sha256:abc": ImageReference("docker.io", "library/ubuntu", None, "sha256:abc"),
    "ubuntu:24.04@sha256:abc": ImageReference("docker.io", "library/ubuntu", "24.04", "sha256:abc"),
}


@pytest.mark.parametrize(("text", "reference"), IMAGE_REFERENCES.items(), ids=IMAGE_REFERENCES)
def test_parse_image_reference_splits_registry_repository_tag_and_digest(text, reference):
    assert parse_image_reference(text) == reference
