"""Words are split and stemmed the same way at index and query time; command flags stay whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipshape.knowledge.analysis import (
    index_terms,
    stem_word,
    surface_analyzer,
    surface_words,
    text_analyzer,
    tokenize,
)
from shipshape.knowledge.vocabulary import load_vocabulary, parse_vocabulary

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent


def test_tokenize_keeps_short_long_and_hyphenated_flags_whole():
    assert tokenize("docker ps -a --all --no-cache") == [
        "docker",
        "ps",
        "-a",
        "--all",
        "--no-cache",
    ]


def test_tokenize_splits_hyphenated_words_into_words():
    assert tokenize("Docker-Compose up") == ["docker", "compose", "up"]


def test_tokenize_drops_punctuation_and_lowercases():
    assert tokenize("What's `docker ps`?!") == ["what", "s", "docker", "ps"]


@pytest.mark.parametrize("flag", ["-a", "--all", "--no-trunc", "-it"])
def test_stem_word_leaves_flags_alone(flag):
    assert stem_word(flag) == flag


def test_stem_word_maps_containers_to_container_not_to_the_verb_contain():
    assert stem_word("containers") == stem_word("container") == "container"
    assert stem_word("contains") != "container"


@pytest.mark.parametrize(("word", "stem"), [("images", "imag"), ("runs", "run"), ("stops", "stop")])
def test_stem_word_stems_ordinary_words(word, stem):
    assert stem_word(word) == stem


@pytest.mark.parametrize(("state", "act"), [("running", "run"), ("stopped", "stop")])
def test_running_and_stopped_are_states_not_the_acts_of_run_and_stop(state, act):
    """'How do I run a container?' is not about 'remove a running container'."""
    assert stem_word(state) == state != stem_word(act)


def test_the_index_analyzer_stems_words_drops_stop_words_and_keeps_flags():
    tokens = [t.text for t in text_analyzer()("List the containers with --all and -q")]

    assert tokens == ["list", "container", "with", "--all", "-q"]


AWKWARD = [
    "List the containers with --all and -q",
    "docker-compose up -d --build; it's THE Running container's log",
    "x--y --9 -- - a-b --c-d- foo_bar -_x 123abc -1",
    "Ünïcode wörds: café -é naïve-flag, ß and ǅ",
    "one\n-two\n--three-four\tfive-\nsix",
    "",
]
CONTENT = Path(__file__).resolve().parents[2] / "content"


def bundled_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(CONTENT.glob("*.md"))]


@pytest.mark.parametrize("text", AWKWARD)
def test_index_terms_are_what_the_index_analyzer_gives(text):
    assert index_terms(text) == [t.text for t in text_analyzer()(text, mode="index")]


@pytest.mark.parametrize("text", AWKWARD)
def test_surface_words_are_what_the_surface_analyzer_gives(text):
    assert surface_words(text) == [t.text for t in surface_analyzer()(text, mode="index")]


def test_every_bundled_topic_is_analyzed_as_the_whoosh_analyzers_would():
    texts = bundled_texts()
    assert len(texts) > 50
    for text in texts:
        assert index_terms(text) == [t.text for t in text_analyzer()(text, mode="index")]
        assert surface_words(text) == [t.text for t in surface_analyzer()(text, mode="index")]


def test_vocabulary_synonym_groups_work_in_both_directions():
    vocabulary = parse_vocabulary({"synonyms": [["remove", "delete", "rm"]]})

    assert vocabulary.alternatives("delete") == (("remove",), ("rm",))
    assert ("delete",) in vocabulary.alternatives("rm")


def test_vocabulary_reads_filler_abbreviations_and_known_words_lowercased():
    vocabulary = parse_vocabulary(
        {
            "filler": ["How", "do"],
            "abbreviations": {"VM": "virtual machine"},
            "known_words": ["K8s"],
        }
    )

    assert vocabulary.filler == {"how", "do"}
    assert vocabulary.alternatives("vm") == (("virtual", "machine"),)
    assert vocabulary.known_words == {"k8s"}


def test_a_phrase_of_several_words_is_read_as_the_word_it_means():
    vocabulary = parse_vocabulary({"phrases": {"get into": "enter", "get rid of": "remove"}})
    assert vocabulary.rewrite("How do I GET  INTO it?") == "How do I enter it?"
    assert vocabulary.rewrite("get rid of old images") == "remove old images"
    assert vocabulary.rewrite("target into") == "target into"  # whole words only


def test_the_first_out_of_scope_term_listed_is_named_and_none_when_none_is_there():
    vocabulary = parse_vocabulary({"out_of_scope": ["Kubernetes", "docker swarm"]})
    assert vocabulary.out_of_scope_term("deploy with kubernetes or Docker-Swarm?") == "docker swarm"
    assert vocabulary.out_of_scope_term("docker swarming bees") is None
    assert parse_vocabulary({}).out_of_scope_term("anything at all") is None
    assert parse_vocabulary({}).rewrite("get into it") == "get into it"


def test_a_term_inside_a_path_is_no_mention_of_it():
    vocabulary = parse_vocabulary({"out_of_scope": ["dind", "docker/login-action"]})
    assert vocabulary.out_of_scope_term("COPY ./src/install/dind /opt/ failed") is None
    assert vocabulary.out_of_scope_term("my dind job on CI fails") == "dind"
    assert vocabulary.out_of_scope_term("uses: docker/login-action@v3") == "docker/login-action"


def test_a_long_name_typo_correction_knows_is_found_misspelt():
    vocabulary = parse_vocabulary(
        {"out_of_scope": ["kubernetes", "minikube", "replicaset", "pod"],
         "known_words": ["kubernetes", "minikube", "pod"]}
    )  # fmt: skip
    assert vocabulary.out_of_scope_term("pull images into kubernets") == "kubernetes"
    assert vocabulary.out_of_scope_term("a kuberentes cluster") == "kubernetes"  # a swap
    assert vocabulary.out_of_scope_term("Minicube will not start") == "minikube"


def test_a_word_a_letter_away_from_a_term_is_no_mention_of_it_unless_the_term_is_a_long_name():
    vocabulary = parse_vocabulary({"out_of_scope": ["replicaset", "pod"], "known_words": ["pod"]})
    assert vocabulary.out_of_scope_term("replicate the container") is None  # not a known word
    assert vocabulary.out_of_scope_term("a pot of tea, a pad") is None  # too short to guess
    assert vocabulary.out_of_scope_term("ubernetes") is None  # a typo keeps the first letter


def test_near_scope_terms_are_found_apart_from_out_of_scope_ones():
    vocabulary = parse_vocabulary(
        {"out_of_scope": ["depends_on"], "near_scope": ["docker compose"]}
    )
    assert vocabulary.near_scope_term("a volume in Docker-Compose") == "docker compose"
    assert vocabulary.out_of_scope_term("a volume in Docker-Compose") is None
    assert vocabulary.near_scope_term("depends_on order") is None


def test_a_bare_on_in_the_filler_list_is_refused_because_yaml_reads_it_as_true(tmp_path):
    (tmp_path / "_vocabulary.yaml").write_text("filler: [a, on, the]\n")
    with pytest.raises(ValueError, match="quote"):
        load_vocabulary(tmp_path)


def test_the_bundled_vocabulary_loads_and_keeps_on_as_filler():
    vocabulary = load_vocabulary(Path(__file__).resolve().parents[2] / "content")
    assert "on" in vocabulary.filler
    assert vocabulary.rewrite("how do I ssh into it") == "how do I enter it"
