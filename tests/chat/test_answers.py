"""An answer is one curated section, linked to where it lives, with a few next questions."""

import re

import pytest

from shipshape.chat.answerer import answer_question
from shipshape.knowledge.topicfile import answer_sections
from tests.web.markup import parse_page

# Our own phrasings, each about a different topic.
ANSWERABLE = [
    "how can I view the output a container printed",
    "copy a file out of a container",
    "how do I rename a container",
    "which command uploads an image to a registry",
]

SOURCE_URL = re.compile(r"^/topics/(?P<slug>[a-z0-9-]+)#(?P<anchor>[a-z0-9-]+)$")


def source_of(reply):
    """(slug, anchor) of the reply's one source."""
    assert len(reply.sources) == 1, reply.sources
    match = SOURCE_URL.match(reply.sources[0].url)
    assert match, reply.sources[0].url
    return match["slug"], match["anchor"]


@pytest.mark.parametrize("question", ANSWERABLE)
def test_an_answer_is_one_section_not_the_whole_topic(library, question):
    reply = answer_question(question, library)
    assert reply.kind == "answer"
    slug, anchor = source_of(reply)
    doc = library.catalog.get(slug)
    section = next(s for s in answer_sections(doc) if (s.anchor or "summary") == anchor)
    assert section.markdown in reply.markdown
    assert len(reply.markdown) < len(doc.text)
    others = [s for s in doc.sections if s.anchor != section.anchor]
    assert others, f"{slug} should have several sections for this test to mean anything"
    assert not any(f"## {s.heading}" in reply.markdown for s in others)
    assert "\n## " not in reply.markdown


@pytest.mark.parametrize("question", ANSWERABLE)
def test_the_source_link_points_at_an_anchor_on_the_topic_page(library, client, question):
    reply = answer_question(question, library)
    slug, anchor = source_of(reply)
    page = client.get(f"/topics/{slug}")
    assert page.status_code == 200
    assert anchor in parse_page(page.get_data(as_text=True)).ids


@pytest.mark.parametrize("question", ANSWERABLE)
def test_an_answer_suggests_two_or_three_next_questions(library, question):
    reply = answer_question(question, library)
    assert 2 <= len(reply.suggestions) <= 3
    assert all(isinstance(s, str) and s.strip() for s in reply.suggestions)
    assert len(set(reply.suggestions)) == len(reply.suggestions)
    assert question not in reply.suggestions


def test_suggestions_are_questions_the_chat_can_answer(library):
    reply = answer_question("how do I rename a container", library)
    for suggestion in reply.suggestions:
        assert answer_question(suggestion, library).kind == "answer", suggestion


def test_confidence_is_a_share_between_zero_and_one(library):
    for question in [*ANSWERABLE, "How long should I boil an egg?", "hello"]:
        confidence = answer_question(question, library).confidence
        assert 0.0 <= confidence <= 1.0, (question, confidence)


def test_confidence_is_lower_when_the_material_does_not_cover_the_question(library):
    answered = [answer_question(q, library) for q in ANSWERABLE]
    unanswered = [
        answer_question(q, library)
        for q in ("How long should I boil an egg?", "who is the best tennis player ever")
    ]
    assert {r.kind for r in answered} == {"answer"}
    assert {r.kind for r in unanswered} == {"no_answer"}
    assert max(r.confidence for r in unanswered) < min(r.confidence for r in answered)


@pytest.mark.parametrize(
    "question, thing",
    [
        ("how do I list all images", "image"),
        ("list all volumes", "volume"),
        ("how do i remove all volumes", "volume"),
    ],
)
def test_a_short_question_about_one_thing_is_answered_from_a_section_about_it(
    library, question, thing
):
    # "all containers" matched "all images" on its other words: words such as "image" and
    # "container" are in most sections and weigh little.
    reply = answer_question(question, library)
    assert reply.kind == "answer"
    slug, _ = source_of(reply)
    named = f"{library.catalog.get(slug).title} {reply.sources[0].section}".lower()
    assert thing in named
