"""The answer cache: bounded, keyed by everything a reply depends on, never stale after a save."""

import pytest

from shipshape.chat import answer_cache
from shipshape.chat.answer_cache import AnswerCache, cache_key, cached_answer, question_key
from shipshape.chat.answerer import answer_question
from shipshape.chat.followup import Previous
from shipshape.chat.reply import ANSWER, Reply
from shipshape.chat.service import ask as service_ask
from shipshape.knowledge.analysis import analysis_fingerprint
from shipshape.models import Turn
from shipshape.runtime import get_answer_cache
from tests.conftest import make_app

from ..api.test_topic_writes import put

PREVIOUS = Previous("how do I list containers", "docker-container-ls", None)


def reply(text: str) -> Reply:
    return Reply(kind=ANSWER, markdown=text)


@pytest.fixture
def counted(monkeypatch):
    """The questions the answerer really worked out, in order."""
    asked: list[str] = []

    def counting(question, library, previous=None):
        asked.append(question)
        return answer_question(question, library, previous)

    monkeypatch.setattr(answer_cache, "answer_question", counting)
    return asked


def test_the_least_recently_used_entry_goes_first_when_the_cache_is_full():
    cache = AnswerCache(size=2)
    cache.put("a", reply("A"))
    cache.put("b", reply("B"))
    assert cache.get("a").markdown == "A"  # "a" is now more recent than "b"
    cache.put("c", reply("C"))
    assert len(cache) == 2
    assert cache.get("b") is None
    assert [cache.get(k).markdown for k in ("a", "c")] == ["A", "C"]


def test_a_cache_of_size_zero_remembers_nothing():
    cache = AnswerCache(size=0)
    cache.put("a", reply("A"))
    assert cache.get("a") is None
    assert len(cache) == 0


def test_the_key_ignores_runs_of_white_space_but_keeps_case_and_punctuation():
    assert question_key("  what   is\tan image ") == "what is an image"
    key = cache_key("what is an  image", None, (3, 3))
    assert key == cache_key("what is an image", None, (3, 3))
    assert key != cache_key("What is an image", None, (3, 3))
    assert cache_key("docker ps -a", None, (3, 3)) != cache_key("docker ps a", None, (3, 3))


def test_the_key_holds_the_previous_turn_the_content_version_and_the_analysis():
    key = cache_key("and for images?", PREVIOUS, (3, 3))
    assert key != cache_key("and for images?", None, (3, 3))
    assert key != cache_key("and for images?", Previous(PREVIOUS.question, "x", None), (3, 3))
    assert key != cache_key("and for images?", Previous(PREVIOUS.question, None, "y"), (3, 3))
    assert key != cache_key("and for images?", PREVIOUS, (4, 3))
    assert analysis_fingerprint() in key


def test_the_same_question_is_worked_out_once_per_content_version(library, counted):
    cache = AnswerCache()
    first = cached_answer("what is an image", library, None, cache)
    again = cached_answer("what  is an image", library, None, cache)
    assert again == first
    assert counted == ["what is an image"]
    library.topics_changed()  # a sync that finds nothing new keeps the version
    cached_answer("what is an image", library, None, cache)
    assert len(counted) == 1


def test_a_follow_up_is_keyed_by_the_turn_it_leans_on(library, counted):
    cache = AnswerCache()
    for_containers = cached_answer("and for images?", library, PREVIOUS, cache)
    other = Previous("how do I remove a container", "docker-container-rm", None)
    for_removal = cached_answer("and for images?", library, other, cache)
    assert counted == ["and for images?", "and for images?"]
    assert for_containers.topic_slug != for_removal.topic_slug


def test_a_question_that_does_not_lean_on_the_last_turn_shares_the_fresh_entry(library, counted):
    cache = AnswerCache()
    fresh = cached_answer("what is an image", library, None, cache)
    in_conversation = cached_answer("what is an image", library, PREVIOUS, cache)
    assert in_conversation == fresh
    assert counted == ["what is an image"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("how do I list containers", "what is an image"),
        ("how do I stop a container", "how do I see the logs of a container"),
        ("what is a container", "docker run -it --rm ubuntu bash"),
    ],
)
def test_sharing_is_sound_a_question_not_leaning_gets_the_reply_it_gets_alone(
    library, first, second
):
    """What the sharing above relies on: such a question is answered as in a fresh chat."""
    conversation = service_ask(first, None, library)["conversation_id"]
    alone = service_ask(second, None, library)
    in_conversation = service_ask(second, conversation, library)
    assert alone["kind"] != "no_answer"
    ignored = ("conversation_id", "turn_id")
    assert {k: v for k, v in in_conversation.items() if k not in ignored} == {
        k: v for k, v in alone.items() if k not in ignored
    }


def test_a_saved_topic_changes_the_next_answer_in_the_same_process(
    client, token_headers, ask, counted
):
    question = "how often does kraken rotation happen"
    assert ask(question)["kind"] == "no_answer"
    assert ask(question)["kind"] == "no_answer"
    assert len(counted) == 1  # the second came from the cache
    assert put(client, "kraken-rotation", kraken("twelve"), token_headers).status_code == 201
    assert "twelve" in ask(question)["answer"]["markdown"]
    assert put(client, "kraken-rotation", kraken("forty"), token_headers).status_code == 200
    assert "forty" in ask(question)["answer"]["markdown"]


def kraken(hours: str) -> str:
    return (
        "---\ntitle: Kraken rotation\n---\nKraken rotation is an invented chore of this test.\n\n"
        f"## How often kraken rotation happens\nKraken rotation happens every {hours} hours.\n"
    )


def test_a_cached_answer_is_still_a_turn_of_its_own(app, ask, counted):
    replies = [ask("how to ship a container to my friend") for _ in range(3)]
    assert len(counted) == 1
    assert len({r["turn_id"] for r in replies}) == 3
    assert [r["kind"] for r in replies] == ["no_answer"] * 3
    stored = Turn.query.filter_by(question="how to ship a container to my friend").all()
    assert sorted(t.id for t in stored) == sorted(r["turn_id"] for r in replies)


def test_cached_no_answers_count_in_the_instructors_statistics(instructor_client, ask, counted):
    for _ in range(3):
        assert ask("how to ship a container to my friend")["kind"] == "no_answer"
    assert len(counted) == 1
    html = instructor_client.get("/instructor/questions").get_data(as_text=True)
    assert "3 not answered, 0 thumbs down" in html


def test_a_cache_size_of_zero_works_every_answer_out(app, ask, counted):
    app.config["SHIPSHAPE_ANSWER_CACHE_SIZE"] = 0
    ask("what is an image")
    ask("what is an image")
    assert counted == ["what is an image", "what is an image"]
    assert len(get_answer_cache(app)) == 0


def test_the_cache_size_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SHIPSHAPE_ANSWER_CACHE_SIZE", "7")
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'unused.db'}")
    assert get_answer_cache(app).size == 7
