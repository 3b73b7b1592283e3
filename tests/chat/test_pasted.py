"""What learners paste gets its own reply: a review, docker's output read back, the mistake."""

from pathlib import Path

import pytest

from shipshape.chat.answerer import TWO_READINGS, answer_question
from shipshape.chat.service import MAX_QUESTION_LENGTH
from shipshape.runtime import get_library
from tests.chat.models import surer_model
from tests.conftest import make_app

DATA = Path(__file__).resolve().parent.parent / "data" / "paste"
DOCKERFILE = (
    "FROM ubuntu\nRUN apt-get update\nRUN apt-get install curl\nCOPY . /app\nCMD python app.py"
)


def test_a_pasted_dockerfile_is_reviewed_line_by_line(ask):
    reply = ask(f"Any problems with this Dockerfile?\n```\n{DOCKERFILE}\n```")
    assert reply["kind"] == "review"
    review = reply["review"]
    assert [row["line"] for row in review["rows"]] == [1, 2, 3, 4, 5]
    rules = {f["rule"] for f in review["findings"]}
    assert {"DL3006", "DL3014", "DL3025", "SS106"} <= rules
    assert all(f["lesson"]["url"].startswith("/topics/") for f in review["findings"])
    assert review["linter"]["status"] == "ran"
    assert "<table>" in reply["answer"]["html"]


def test_without_hadolint_the_review_says_so_and_still_comes(ask, library):
    library.hadolint = "/nowhere/hadolint"
    reply = ask(DOCKERFILE)
    assert reply["kind"] == "review"
    assert reply["review"]["linter"]["status"] == "missing"
    assert "hadolint did not run" in reply["answer"]["markdown"]
    assert {f["source"] for f in reply["review"]["findings"]} == {"shipshape"}


def test_a_dockerfile_docker_cannot_parse_is_answered_not_a_500(ask):
    reply = ask("FROM ubuntu\nRUN <<EOF\napt-get update\n")
    assert reply["kind"] == "answer"
    assert "parser" in reply["answer"]["markdown"]


def test_a_200_line_dockerfile_fits_in_the_chat_box(ask):
    lines = ["FROM python:3.12-slim", "WORKDIR /app"]
    lines += [f"ENV SETTING_{n}=value-number-{n}" for n in range(197)]
    lines.append('CMD ["python", "app.py"]')
    text = "\n".join(lines)
    assert len(lines) == 200 and len(text) < MAX_QUESTION_LENGTH
    reply = ask(text)
    assert reply["kind"] == "review" and len(reply["review"]["rows"]) == 200


def test_a_ps_a_table_is_read_back_row_by_row(library):
    reply = answer_question((DATA / "ps_a.txt").read_text(encoding="utf-8"), library)
    assert reply.markdown.startswith("**What `docker ps -a` shows**")
    assert "**sleepy_turing**" in reply.markdown and "exit code 137" in reply.markdown
    assert "docker logs sleepy_turing" in reply.markdown
    assert any("exit-code-137" in s.url for s in reply.sources)


def test_a_mistaken_command_line_gets_the_mistake_first_then_the_line_part_by_part(library):
    reply = answer_question("docker run nginx -p 8080:80", library)
    first = reply.markdown.split("\n")[0]
    assert first.startswith("**The likely mistake:**") and "`-p`" in first
    assert "docker run -p 8080:80 nginx" in reply.markdown
    assert "| Part | What it means |" in reply.markdown
    assert reply.sources[0].url.endswith("#options-after-the-image-go-to-the-container")


def test_a_mistaken_command_quoted_in_a_sentence_is_caught_too(library):
    reply = answer_question("I ran `docker build -t myapp` and it fails, why?", library)
    assert reply.markdown.startswith("**The likely mistake:**")
    assert "docker build -t myapp ." in reply.markdown


def test_a_dash_a_web_page_made_of_two_hyphens_is_named_even_unquoted_in_a_sentence(library):
    reply = answer_question(
        "I got docker: invalid reference format. when I ran docker run \u2013rm -p 8080:80 nginx",
        library,
    )
    assert reply.markdown.startswith("**The likely mistake:**") and "en dash" in reply.markdown
    assert "docker run --rm -p 8080:80 nginx" in reply.markdown
    assert reply.sources[0].url.endswith("#dashes-and-quotes-changed-by-a-web-page")


def test_a_dash_between_words_of_a_sentence_is_no_mistaken_option(library):
    reply = answer_question("I ran docker ps \u2013 it printed nothing at all", library)
    assert not reply.markdown.startswith("**The likely mistake:**")


@pytest.mark.parametrize(
    "question",
    [
        "\u5728arm64\u4e0a\u7528\u201cdocker image inspect app\u201d\u68c0\u67e5\u8fc7\u4e86",
        "I checked with \u201cdocker image inspect app\u201d and it says arm64",
        "Ich habe \u201edocker ps\u201c versucht, nichts",
    ],
)
def test_a_sentences_own_quotation_marks_around_a_command_are_no_mistake(question, library):
    reply = answer_question(question, library)
    assert not reply.markdown.startswith("**The likely mistake:**")


def test_a_curly_quote_inside_a_command_quoted_by_the_sentence_is_still_named(library):
    reply = answer_question("I typed \u201cdocker run -e \u2018A=1\u2019 nginx\u201d", library)
    assert reply.markdown.startswith("**The likely mistake:**") and "curly" in reply.markdown


def test_a_correct_command_line_is_still_explained_without_alarm(library):
    reply = answer_question("docker run -d -p 8080:80 nginx", library)
    assert not reply.markdown.startswith("**The likely mistake:**")
    assert "| Part | What it means |" in reply.markdown


@pytest.mark.parametrize("question", ["What is a Dockerfile?", "How do I list containers?"])
def test_questions_in_words_are_not_taken_for_pastes(question, library):
    assert answer_question(question, library).kind == "answer"


def test_a_configured_hadolint_that_is_missing_reaches_the_review(tmp_path):

    app = make_app(
        tmp_path, f"sqlite:///{tmp_path / 'x.db'}", SHIPSHAPE_HADOLINT="/nowhere/hadolint"
    )
    assert get_library(app).hadolint == "/nowhere/hadolint"


def test_a_review_asked_for_alone_is_sure(ask):
    reply = ask(f"what is wrong with my Dockerfile?\n{DOCKERFILE}")
    assert reply["kind"] == "review"
    assert reply["confidence"] > 0.75


@pytest.mark.parametrize(
    ("words", "section"),
    [
        ("My container exits immediately after starting, why?", "exits immediately"),
        ("Why is my image so slow to build?", "cache"),
    ],
)
def test_a_question_in_words_beside_a_dockerfile_is_answered_with_the_review_under_it(
    ask, words, section
):
    """Two readings of one message: the section that answers the words comes first, no surer
    than the learner meaning the file, and the Dockerfile's review follows."""
    reply = ask(f"{words}\n```\n{DOCKERFILE}\n```")
    assert reply["kind"] == "answer"
    assert section in reply["sources"][0]["section"].lower()
    assert 0.5 <= reply["confidence"] <= 0.75
    markdown = reply["answer"]["markdown"]
    assert markdown.index(reply["sources"][0]["section"]) < markdown.index("DL3014")
    assert {f["rule"] for f in reply["review"]["findings"]} >= {"DL3014", "SS106"}


@pytest.mark.parametrize(
    ("words", "section"),
    [
        ("Dangling images pile up after each build", "dangling"),
        ("Why does the image keep growing after I remove files?", "deleting files"),
    ],
)
def test_words_a_section_names_are_answered_over_the_review_though_not_likely(ask, words, section):
    """A section whose heading or phrasings hold the learner's own words answers them as it
    would without the paste, even when it is less than likely right (here below 0.5)."""
    reply = ask(f"{words}\n```\n{DOCKERFILE}\n```")
    assert reply["kind"] == "answer"
    assert section in reply["sources"][0]["section"].lower()
    assert reply["confidence"] < 0.5
    assert {f["rule"] for f in reply["review"]["findings"]} >= {"DL3014"}


def test_words_beside_a_paste_that_ask_about_what_the_material_leaves_out_are_declined(ask):
    reply = ask(f"Why does my pod on minikube never start with this image?\n```\n{DOCKERFILE}\n```")
    assert reply["kind"] == "no_answer"
    assert "minikube" in reply["answer"]["markdown"]
    assert "does not cover" in reply["answer"]["markdown"]


def test_words_no_section_answers_leave_the_review_alone_and_unsure(ask):
    reply = ask(f"my cat walked over the keyboard overnight\n```\n{DOCKERFILE}\n```")
    assert reply["kind"] == "review"
    assert reply["confidence"] <= 0.5


def test_a_question_in_words_beside_docker_output_is_answered_over_the_read_back(library):
    table = (DATA / "ps_a.txt").read_text(encoding="utf-8")
    message = f"Why does my container keep exiting right away?\n{table}"
    reply = answer_question(message, library, model=surer_model())
    assert reply.kind == "answer"
    assert "exited" in reply.sources[0].section.lower()
    assert reply.markdown.index(reply.sources[0].section) < reply.markdown.index("**What `docker")
    assert reply.confidence == TWO_READINGS  # however sure: the learner may mean the table


def test_a_mistaken_line_beside_a_question_in_words_names_the_mistake_then_answers(library):
    message = (
        "How can I set the time zone inside a container?\ndocker run -timezone Europe/Berlin ubuntu"
    )
    reply = answer_question(message, library, model=surer_model())
    assert reply.markdown.startswith("**The likely mistake:**")
    assert any("time zone" in s.section.lower() for s in reply.sources)
    assert reply.confidence <= TWO_READINGS


def test_an_apostrophe_after_a_command_in_a_sentence_is_no_curly_quote(library):
    reply = answer_question("I ran docker ps and there\u2019s nothing listed", library)
    assert not reply.markdown.startswith("**The likely mistake:**")
