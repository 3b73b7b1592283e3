"""A pasted docker command is explained part by part, from its command topic."""

import pytest

from shipshape.chat.answerer import answer_question
from shipshape.chat.explain import find_command_line
from tests.chat.models import surer_model

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

PASTED = "docker run -it --rm -p 8080:80 nginx:1.25 sh"


def table_rows(markdown: str) -> dict[str, str]:
    """First cell -> second cell of every table row, the header and rule left out."""
    rows = {}
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and cells[0] not in {"Part", "---"}:
            rows[cells[0]] = cells[1]
    return rows


@pytest.fixture
def explained(library):
    return answer_question(PASTED, library)


def test_a_pasted_command_is_answered_from_the_run_command_topic(explained):
    assert explained.kind == "answer"
    assert [s.url for s in explained.sources] == ["/topics/docker-container-run#command-reference"]
    assert explained.topic_slug == "docker-container-run"


def test_every_flag_of_the_pasted_command_has_a_row(explained):
    parts = " ".join(table_rows(explained.markdown))
    for flag in ("`-i`", "`-t`", "`--rm`", "`-p` `8080:80`"):
        assert flag in parts, flag
    assert "`docker run`" in parts
    assert "`sh`" in parts


def test_the_image_row_names_its_repository_and_tag(explained):
    rows = table_rows(explained.markdown)
    image = rows["`nginx:1.25`"]
    assert "repository `library/nginx`" in image
    assert "tag `1.25`" in image


def test_an_image_without_a_tag_is_said_to_mean_latest(library):
    reply = answer_question("docker pull alpine", library)
    assert "`latest`" in table_rows(reply.markdown)["`alpine`"]


def test_a_private_registry_is_told_apart_from_the_repository(library):
    reply = answer_question("docker pull registry.example.com:5000/team/api:2.1", library)
    row = table_rows(reply.markdown)["`registry.example.com:5000/team/api:2.1`"]
    assert "registry `registry.example.com:5000`" in row
    assert "repository `team/api`" in row
    assert "tag `2.1`" in row


def test_an_unknown_flag_is_said_plainly(library):
    reply = answer_question("docker run --frobnicate nginx", library)
    assert reply.kind == "answer"
    assert "not an option" in table_rows(reply.markdown)["`--frobnicate`"]
    assert "I don't know `--frobnicate`" in reply.markdown
    assert "--help" in reply.markdown


def test_known_flags_raise_no_warning(explained):
    assert "I don't know" not in explained.markdown


def test_a_long_alias_and_long_flags_find_the_same_topic(library):
    reply = answer_question("what does `docker container ls --all --quiet` do?", library)
    assert reply.sources[0].url == "/topics/docker-container-ls#command-reference"
    assert {"`--all` (also `-a`)", "`--quiet` (also `-q`)"} <= set(table_rows(reply.markdown))


def test_an_explained_command_also_suggests_next_questions(explained):
    assert 2 <= len(explained.suggestions) <= 3


@pytest.mark.parametrize(
    ("message", "line"),
    [
        (f"$ {PASTED}", PASTED),
        ("sudo docker image ls -a", "sudo docker image ls -a"),
        ("what does `docker stop -t 3 web` do?", "docker stop -t 3 web"),
        ("what does docker rm -f web mean?", "docker rm -f web"),
    ],
)
def test_a_command_line_is_found_in_a_message(message, line):
    assert find_command_line(message) == line


@pytest.mark.parametrize(
    "message", ["what is docker", "how do I use docker run", "tell me about containers"]
)
def test_prose_about_docker_is_not_taken_for_a_command(message):
    assert find_command_line(message) is None


@pytest.mark.parametrize(
    ("question", "section_words"),
    [
        ("docker exec as root user", "root"),
        ("docker logs since", "time"),
        ("docker images dangling", "dangling"),
    ],
)
def test_a_command_line_that_asks_in_words_gets_the_answer_first_and_the_explanation_under_it(
    library, question, section_words
):
    """When the section that names the words is very likely right (here made so)."""
    reply = answer_question(question, library, model=surer_model())
    assert reply.anchor != "command-reference"
    assert section_words in reply.sources[0].section.lower()
    answer, _, explanation = reply.markdown.partition(f"**`{question}`**")
    assert answer.strip() and explanation, "the answer comes first, the explanation under it"
    assert reply.sources[-1].url.endswith("#command-reference")
    assert "| Part |" in explanation or "`docker" in explanation


@pytest.mark.parametrize(
    "question",
    [
        "what does `docker logs since` do?",
        "docker run nginx",
        "`docker rm web`",
        "docker run -it ubuntu bash",
        "docker exec -it web bash",
    ],
)
def test_a_pasted_command_line_is_explained_alone(library, question):
    reply = answer_question(question, library)
    assert reply.anchor == "command-reference"


def test_a_message_that_starts_with_a_command_but_reads_as_prose_is_not_explained(library):
    reply = answer_question("docker stop takes forever, like 10 seconds every time. why?", library)
    assert reply.anchor != "command-reference"


def test_alternatives_in_a_synopsis_take_one_place_so_extra_words_make_a_question(library):
    reply = answer_question("docker build command accepts lowercase only", library)
    assert reply.anchor != "command-reference"
    assert answer_question("docker build .", library).anchor == "command-reference"


def test_a_quoted_format_string_does_not_make_a_command_line_prose(library):
    reply = answer_question('docker ps --format "{{.Names}}, {{.Status}}"', library)
    assert reply.anchor == "command-reference"


def test_an_option_the_course_leaves_out_is_named_as_such_with_where_to_read_about_it(library):
    reply = answer_question("docker run --gpus all nvidia/cuda nvidia-smi", library)
    assert "| `--gpus` `all` | an option of `docker container run` the course leaves out" in (
        reply.markdown
    )
    assert "I don't know" not in reply.markdown


def test_a_command_followed_by_a_sentence_is_answered_not_explained(library):
    reply = answer_question("docker run fails with exit code 126", library)
    assert reply.anchor != "command-reference"
    assert "126" in reply.markdown
