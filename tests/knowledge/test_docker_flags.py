"""Docker's own flags complete the command topics, so a command line is read as docker reads it."""

import importlib.util
import json
from pathlib import Path

import pytest

from shipshape.knowledge.command_flags import FLAGS_FILE
from shipshape.knowledge.commands import parse_command_line

pytestmark = pytest.mark.database_independent

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "docker_flags.py"


def test_the_bundled_flags_are_the_captured_help_of_every_command_topic():
    spec = importlib.util.spec_from_file_location("docker_flags", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert json.loads(FLAGS_FILE.read_text(encoding="utf-8")) == script.bundled()


def parsed(line, library):
    catalog = library.catalog
    return parse_command_line(line, catalog.specs, catalog.commands)


def test_a_flag_the_topic_leaves_out_is_read_with_its_value(library):
    command = parsed("docker run --gpus all --cap-add NET_ADMIN nvidia/cuda nvidia-smi", library)
    assert command.unknown_flags == ()
    assert [(o.written, o.value) for o in command.options] == [
        ("--gpus", "all"),
        ("--cap-add", "NET_ADMIN"),
    ]
    assert command.arguments == ("nvidia/cuda", "nvidia-smi")


def test_a_hidden_older_spelling_docker_still_accepts_is_known(library):
    command = parsed("docker run --net backend nginx", library)
    assert command.unknown_flags == () and command.arguments == ("nginx",)


def test_a_flag_docker_does_not_have_stays_unknown(library):
    assert parsed("docker run --detatch nginx", library).unknown_flags == ("--detatch",)


def test_the_topics_own_option_keeps_its_help(library):
    [option] = [o for o in parsed("docker run --rm alpine", library).options]
    assert option.option.help  # the course's sentence, not an empty one from docker's list
