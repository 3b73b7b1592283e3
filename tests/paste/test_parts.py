"""A message is split once into its parts, each recognised by its own shape."""

from pathlib import Path

import pytest

from shipshape.chat.reading import read_question
from shipshape.paste.dockerfile_parse import DockerfileSyntaxError
from shipshape.paste.parts import COMMAND, DOCKERFILE, ERROR, PROSE, TABLE, split_parts

pytestmark = pytest.mark.database_independent
DATA = Path(__file__).resolve().parent.parent / "data" / "paste"

PS_TABLE = (DATA / "ps_a.txt").read_text(encoding="utf-8").rstrip("\n")


def kinds(text):
    return [p.kind for p in split_parts(text)]


def test_a_message_with_every_kind_of_part_is_split_in_order():
    message = (
        "My image will not build, why?\n```\nFROM ubuntu\nRUN apt-get update\nCOPY . /app\n```\n"
        "$ docker run myapp -p 8080:80\n"
        "docker: Error response from daemon: driver failed programming external connectivity.\n"
        f"{PS_TABLE}\n"
    )
    assert kinds(message) == [PROSE, DOCKERFILE, COMMAND, ERROR, TABLE]


def test_an_unfenced_dockerfile_ends_where_prose_starts():
    parts = split_parts("FROM node:20\nWORKDIR /app\nRUN npm ci \\\n  --omit=dev\nthat's all")
    assert [p.kind for p in parts] == [DOCKERFILE, PROSE]
    assert parts[0].text.endswith("--omit=dev")


def test_a_comment_inside_a_continued_instruction_does_not_end_the_dockerfile():
    text = (
        "FROM debian:12\nRUN set -eux; \\\n# the tools the build needs\n"
        '    apt-get update; \\\n    apt-get install -y make\nCMD ["make"]'
    )
    (part,) = split_parts(text)
    assert [i.cmd for i in part.instructions] == ["FROM", "RUN", "CMD"]
    assert "apt-get install -y make" in part.instructions[1].original


def test_a_heredoc_body_stays_inside_the_dockerfile():
    text = 'FROM alpine:3.20\nRUN <<EOF\nset -e\nwhy not this line\nEOF\nCMD ["sh"]'
    (part,) = split_parts(text)
    assert [i.cmd for i in part.instructions] == ["FROM", "RUN", "CMD"]
    assert "why not this line" in part.instructions[1].heredocs[0]


def test_instructions_carry_their_lines_flags_and_json_form():
    text = 'FROM golang:1.22 AS build\nCOPY --from=build /out /app\nCMD ["/app"]'
    (part,) = split_parts(text)
    copy, cmd = part.instructions[1], part.instructions[2]
    assert (copy.line, copy.flags) == (2, ("--from=build",))
    assert cmd.json and cmd.value == ("/app",)


def test_a_word_from_in_prose_is_not_a_dockerfile():
    assert DOCKERFILE not in kinds("From what I read\nRun it twice and copy the output")


def test_a_refused_dockerfile_says_why():
    (part,) = split_parts("FROM ubuntu\nRUN <<EOF\n")
    with pytest.raises(DockerfileSyntaxError):
        part.instructions  # noqa: B018


def test_a_ps_table_is_read_into_rows_by_its_header():
    (part,) = split_parts(PS_TABLE)
    assert part.table.name == "ps"
    assert part.rows[1]["STATUS"] == "Exited (137) 2 hours ago"
    assert part.rows[1]["PORTS"] == ""
    assert part.rows[0]["PORTS"] == "0.0.0.0:8080->80/tcp"


@pytest.mark.parametrize(
    "header, name",
    [
        ("REPOSITORY   TAG       IMAGE ID       CREATED        SIZE", "images"),
        ("IMAGE          CREATED        CREATED BY                SIZE      COMMENT", "history"),
        ("DRIVER    VOLUME NAME", "volume ls"),
        ("80/tcp -> 0.0.0.0:8080", "port"),
    ],
)  # fmt: skip
def test_each_table_docker_prints_is_known_by_its_header(header, name):
    (part,) = split_parts(header)
    assert part.kind == TABLE and part.table.name == name


@pytest.mark.parametrize(
    "line, prompt",
    [("$ docker ps", "$"), ("PS C:\\Users\\me> docker ps", "PS C:\\Users\\me>"),
     ("me@box:~/app$ docker ps", "me@box:~/app$"), ("docker ps", "")],
)  # fmt: skip
def test_a_copied_prompt_is_kept_apart_from_the_command(line, prompt):
    (part,) = split_parts(line)
    assert part.kind == COMMAND and part.prompt == prompt


def test_the_reading_of_a_question_carries_its_parts():
    question = read_question("What does this mean?\n" + PS_TABLE)
    assert [p.kind for p in question.parts] == [PROSE, TABLE]
    assert question.parts_of(TABLE)[0].rows[0]["NAMES"] == "web"


def test_a_sentence_that_starts_with_docker_is_prose_with_its_quoted_command():
    parts = split_parts("docker history reports ids: `docker history -q` shows <missing>")
    assert [(p.kind, p.quoted) for p in parts] == [(PROSE, False), (COMMAND, True)]
    assert parts[1].text == "docker history -q"


def test_a_line_that_starts_with_docker_and_ends_in_a_question_mark_is_prose():
    parts = split_parts("docker stop takes forever why?")
    assert [p.kind for p in parts] == [PROSE]
