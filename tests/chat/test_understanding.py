"""How the chat reads a question: typos, filler, greetings and questions outside the material."""

import re

import pytest

from shipshape.chat.answerer import LIKELY, answer_question, understand
from shipshape.chat.smalltalk import smalltalk_reply

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

TOPIC_LINK = re.compile(r"\]\(/topics/([a-z0-9-]+)\)")


def slug_of(reply):
    return reply.sources[0].url.removeprefix("/topics/").split("#")[0]


# -- typos --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typo", "meant", "word"),
    [
        ("how do i renme a contaner", "how do i rename a container", "container"),
        ("what is a volumme", "what is a volume", "volume"),
        ("what is a registy", "what is a registry", "registry"),
    ],
)
def test_a_misspelled_question_lands_where_the_right_spelling_does(library, typo, meant, word):
    reply = answer_question(typo, library)
    right = answer_question(meant, library)
    assert reply.kind == right.kind == "answer"
    assert reply.did_you_mean is not None
    assert word in reply.did_you_mean
    assert slug_of(reply) == slug_of(right)


def test_a_correctly_spelled_question_has_no_did_you_mean(library):
    reply = answer_question("how do I rename a container", library)
    assert reply.kind == "answer"
    assert reply.did_you_mean is None


def test_a_typo_with_the_right_stem_still_gets_the_words_synonyms(library):
    reply = answer_question("how do i delet a contaner", library)
    right = answer_question("how do i delete a container", library)
    assert reply.kind == right.kind == "answer"
    assert "container" in reply.did_you_mean
    assert slug_of(reply) == slug_of(right) == "docker-container-rm"


@pytest.mark.parametrize(
    ("question", "meant", "slug"),
    [
        ("how do i remvoe a contaner", "remove", "docker-container-rm"),
        ("how do i stpo a container", "stop", "docker-container-stop"),
    ],
)
def test_swapped_letters_are_corrected_too(library, question, meant, slug):
    reply = answer_question(question, library)
    assert reply.kind == "answer"
    assert reply.did_you_mean is not None
    assert "container" in reply.did_you_mean
    assert meant in reply.did_you_mean
    assert slug_of(reply) == slug


# -- filler -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "please tell me what a volume is",
        "could you kindly explain to me what exactly a volume actually is",
    ],
)
def test_polite_filler_does_not_drown_the_one_word_that_matters(library, question):
    reply = answer_question(question, library)
    assert reply.kind == "answer"
    assert "volume" in slug_of(reply)
    assert "volume" in reply.markdown.lower()


# -- outside the material -----------------------------------------------------------------
OFF_TOPIC = [
    "How long should I boil an egg?",
    "How do I make pancakes?",
    "who is the best tennis player ever",
    "Which team won the NBA finals last year?",
    "blorp snizzle wuzzle",
]


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_a_question_outside_the_material_gets_a_plain_no_answer(library, question):
    reply = answer_question(question, library)
    assert reply.kind == "no_answer"
    assert reply.sources == ()
    assert "don't know" in reply.markdown
    assert reply.topic_slug is None


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_a_no_answer_points_at_topics_that_exist(library, question):
    reply = answer_question(question, library)
    linked = TOPIC_LINK.findall(reply.markdown)
    assert 1 <= len(linked) <= 3
    assert all(library.catalog.get(slug) is not None for slug in linked)
    assert reply.suggestions, "a learner who got nothing should get something to try"


def test_a_question_about_a_tool_outside_the_material_is_declined_beside_a_docker_error(library):
    question = (
        "Cannot connect to the Docker daemon in my GitLab CI job\n\n"
        "The job fails with: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. "
        "Is the docker daemon running?"
    )
    reply = answer_question(question, library)
    assert reply.kind == "no_answer"
    assert "does not cover" in reply.markdown


# -- near the material: a tool that drives the same containers --------------------------
def test_a_compose_question_the_material_answers_is_answered(library):
    reply = answer_question("in docker-compose, how do I publish a port to the host?", library)
    assert reply.kind == "answer"
    assert reply.confidence >= 0.5
    assert "port" in reply.sources[0].title.lower() + reply.sources[0].section.lower()


@pytest.mark.parametrize(
    "question",
    ["how do I scale docker compose services across several hosts",
     "docker compose depends_on does not wait for the database"],
)  # fmt: skip
def test_a_compose_question_no_section_answers_is_declined_as_outside(library, question):
    reply = answer_question(question, library)
    assert reply.kind == "no_answer"
    assert "does not cover" in reply.markdown


@pytest.mark.parametrize(
    ("question", "named"),
    [("docker compose build ignores my .dockerignore file", ".dockerignore"),
     ("my docker-compose volume is empty after the first start", "volume")],
)  # fmt: skip
def test_a_compose_question_declined_points_at_the_closest_topics(library, question, named):
    reply = answer_question(question, library)
    assert reply.kind == "no_answer"
    assert "does not cover" in reply.markdown
    titles = [library.catalog.get(slug).title for slug in TOPIC_LINK.findall(reply.markdown)]
    assert any(named in title.lower() for title in titles), titles


# A story that names a tool the material leaves out, around a question in its own words.
_STORY = (
    "I have been learning Docker for a few weeks and most things work. Our team runs everything "
    "through {tool} on a shared runner, and the step that builds and starts things has been "
    "flaky since last week. Nothing in our code changed as far as I can tell.\n\n"
)


def test_a_story_in_a_tool_outside_the_material_is_declined_when_no_section_is_likely(library):
    question = (
        "The service never becomes ready\n\n"
        + _STORY.format(tool="GitHub Actions")
        + "How do I make the next step wait until the app inside is ready?"
    )
    reply = answer_question(question, library)
    assert reply.kind == "no_answer"
    assert "github actions" in reply.markdown.lower()
    assert "does not cover" in reply.markdown


@pytest.mark.parametrize(
    ("title", "asks", "section"),
    [("Remove stopped containers", "How do I remove all stopped containers?", "stopped"),
     ("Which side of -p is which",
      "In -p 8080:80, which number is the host port and which the container port?", "host port")],
)  # fmt: skip
def test_a_story_naming_such_a_tool_still_gets_the_section_that_answers_it(
    library, title, asks, section
):
    reply = answer_question(f"{title}\n\n{_STORY.format(tool='GitLab CI')}{asks}", library)
    assert reply.kind == "answer"
    assert reply.confidence >= 0.5
    assert section in reply.sources[0].section.lower()


# -- smalltalk ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "message",
    ["Hello!", "hey there", "good morning", "Thanks a lot!!", "thank you so much", "ok",
     "help", "what can I ask you?", "?", "see you later"],
)  # fmt: skip
def test_greetings_thanks_and_help_are_smalltalk(library, message):
    reply = answer_question(message, library)
    assert reply.kind == "smalltalk"
    assert reply.sources == ()
    assert reply.markdown
    assert smalltalk_reply(message) == reply.markdown


@pytest.mark.parametrize(
    "message", ["hello, how do I rename a container", "thanks, but how do I rename a container?"]
)
def test_a_greeting_with_a_real_question_gets_an_answer(library, message):
    reply = answer_question(message, library)
    assert reply.kind == "answer"
    assert slug_of(reply) == "docker-container-rename"


def test_help_says_what_the_chat_can_do(library):
    reply = answer_question("what can you do", library)
    assert "docker" in reply.markdown.lower()
    assert "`docker " in reply.markdown  # an example command to paste


def test_a_dockerfile_instruction_in_capitals_is_not_filler(library):
    reply = answer_question("what does FROM do", library)
    assert reply.kind == "answer"
    assert reply.topic_slug == "dockerfile"


def test_a_short_unknown_word_does_not_sink_a_clear_question(library):
    reply = answer_question("wat is a container", library)
    assert reply.kind == "answer"
    assert reply.topic_slug == "container"


def test_a_compose_question_is_answered_at_a_lower_bar_than_a_story_naming_a_ci_service(library):
    compose = understand("docker-compose: how do I keep my postgres data?", library)
    story = understand(_STORY.format(tool="GitHub Actions") + "Why is my volume empty?", library)
    assert compose.near_scope and story.near_scope
    assert compose.near_scope_bar < story.near_scope_bar == LIKELY
