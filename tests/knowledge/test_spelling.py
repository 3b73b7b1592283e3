"""Words near a typo come from the word list as Whoosh's terms_within would give them."""

from __future__ import annotations

import pytest
from whoosh import index as whoosh_index

from shipshape.knowledge.index import TopicIndex
from shipshape.knowledge.spelling import WordList
from shipshape.knowledge.topicfile import parse_topic

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

TYPOS = ["contianer", "imgae", "volme", "stopd", "layres", "netwrok", "remvoe", "containr", "xyzzy"]


def topics(count: int) -> list:
    words = ["container", "containers", "image", "images", "volume", "layer", "network", "remove"]
    docs = []
    for i in range(count):
        picked = " ".join(words[(i + j) % len(words)] for j in range(5))
        text = f"---\ntitle: Topic {i}\n---\nA {picked} story.\n\n## Part {i}\nStopped {picked}.\n"
        docs.append(parse_topic(text, f"topic-{i}"))
    return docs


def whoosh_similar(searcher, word: str, maxdist: int) -> list[tuple[str, int]]:
    """What the index asked Whoosh before: terms_within, then the most frequent first."""
    reader = searcher.reader()
    found = [
        w.decode() if isinstance(w, bytes) else w
        for w in reader.terms_within("words", word, maxdist, prefix=1)
    ]
    ranked = [(w, reader.doc_frequency("words", w)) for w in found if w != word]
    return sorted(ranked, key=lambda p: -p[1])


def searcher_of(index: TopicIndex):
    generation, _ = index.state
    return whoosh_index.open_dir(str(index.root / generation)).searcher()


@pytest.fixture
def index(tmp_path):
    index = TopicIndex(tmp_path / "index")
    index.rebuild(topics(40), version=1)
    yield index
    index.close()


@pytest.mark.parametrize("maxdist", [1, 2, 3])
def test_one_segment_gives_what_whooshs_automaton_gives(index, maxdist):
    with searcher_of(index) as searcher:
        assert searcher.reader().is_atomic()
        words = WordList(searcher)
        for typo in TYPOS:
            assert words.similar(typo, maxdist) == whoosh_similar(searcher, typo, maxdist)


@pytest.mark.parametrize("maxdist", [1, 2, 3])
def test_several_segments_give_what_whooshs_comparison_gives(index, maxdist):
    index.apply(topics(1), removed=[], version=2)  # one topic of forty: no merge
    with searcher_of(index) as searcher:
        assert not searcher.reader().is_atomic()
        words = WordList(searcher)
        for typo in TYPOS:
            assert words.similar(typo, maxdist) == whoosh_similar(searcher, typo, maxdist)


def test_a_swap_of_two_letters_is_one_edit_only_across_segments(index):
    with searcher_of(index) as searcher:
        assert "image" not in [w for w, _ in WordList(searcher).similar("imgae", 1)]
    index.apply(topics(1), removed=[], version=2)
    with searcher_of(index) as searcher:
        assert "image" in [w for w, _ in WordList(searcher).similar("imgae", 1)]


def test_the_index_corrects_against_its_current_words(index):
    assert index.similar_words("contianer", 2)[0][0] in {"container", "containers"}
    assert index.similar_words("xyzzy", 2) == []
