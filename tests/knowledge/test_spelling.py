"""Words near a typo come from the word counts as Whoosh's terms_within gave them from a field
of the sections' words, and the counts are that field's document frequencies, edits and merges
included."""

from __future__ import annotations

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema

from shipshape.knowledge.analysis import surface_analyzer
from shipshape.knowledge.documents import section_documents
from shipshape.knowledge.index import TopicIndex
from shipshape.knowledge.segment_words import index_counts, segments
from shipshape.knowledge.spelling import WordList
from shipshape.knowledge.topicfile import parse_topic

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

TYPOS = ["contianer", "imgae", "volme", "stopd", "layres", "netwrok", "remvoe", "containr", "xyzzy"]


def topics(count: int, first: int = 0, extra: str = "") -> list:
    """Topics `first`.. with two sections each; `extra` adds words to every section."""
    words = ["container", "containers", "image", "images", "volume", "layer", "network", "remove"]
    docs = []
    for i in range(first, first + count):
        picked = " ".join(words[(i + j) % len(words)] for j in range(5)) + extra
        text = f"---\ntitle: Topic {i}\n---\nA {picked} story.\n\n## Part {i}\nStopped {picked}.\n"
        docs.append(parse_topic(text, f"topic-{i}"))
    return docs


class WordsField:
    """What typo correction read before: a Whoosh index whose `words` field holds each section's
    words, written as TopicIndex writes (one optimized segment, then edits that delete a topic's
    sections and add its new ones)."""

    def __init__(self, folder, docs: list):
        schema = Schema(slug=ID, words=TEXT(analyzer=surface_analyzer(), phrase=False))
        folder.mkdir()
        self.ix = whoosh_index.create_in(str(folder), schema)
        self.edit(docs, [], optimize=True)

    def edit(self, changed: list, removed: list[str], optimize: bool = False) -> None:
        writer = self.ix.writer()
        for slug in [*removed, *(t.slug for t in changed)]:
            writer.delete_by_term("slug", slug)
        for topic in changed:
            for document in section_documents(topic):
                writer.add_document(slug=document["slug"], words=document["words"])
        writer.commit(optimize=optimize)

    def similar(self, word: str, maxdist: int) -> list[tuple[str, int]]:
        """terms_within, then the most frequent first, as the index asked Whoosh."""
        with self.ix.searcher() as searcher:
            reader = searcher.reader()
            found = list(reader.terms_within("words", word, maxdist, prefix=1))
            ranked = [(w, reader.doc_frequency("words", w)) for w in found if w != word]
        return sorted(ranked, key=lambda p: -p[1])

    def counts(self) -> dict[str, int]:
        with self.ix.searcher() as searcher:
            reader = searcher.reader()
            return {w.decode(): reader.doc_frequency("words", w) for w in reader.lexicon("words")}


def searcher_of(index: TopicIndex):
    generation, _ = index.state
    return whoosh_index.open_dir(str(index.root / generation)).searcher()


def words_of(index: TopicIndex, searcher) -> WordList:
    generation, _ = index.state
    return WordList(searcher, index.root / generation)


@pytest.fixture
def index(tmp_path):
    index = TopicIndex(tmp_path / "index")
    index.rebuild(topics(40), version=1)
    yield index
    index.close()


@pytest.fixture
def field(tmp_path):
    return WordsField(tmp_path / "field", topics(40))


@pytest.mark.parametrize("maxdist", [1, 2, 3])
def test_one_segment_gives_what_whooshs_automaton_gave(index, field, maxdist):
    with searcher_of(index) as searcher:
        assert searcher.reader().is_atomic()
        words = words_of(index, searcher)
        for typo in TYPOS:
            assert words.similar(typo, maxdist) == field.similar(typo, maxdist)


@pytest.mark.parametrize("maxdist", [1, 2, 3])
def test_several_segments_give_what_whooshs_comparison_gave(index, field, maxdist):
    index.apply(topics(1), removed=[], version=2)  # one topic of forty: no merge
    field.edit(topics(1), [])
    with searcher_of(index) as searcher:
        assert not searcher.reader().is_atomic()
        words = words_of(index, searcher)
        for typo in TYPOS:
            assert words.similar(typo, maxdist) == field.similar(typo, maxdist)


def test_counts_are_the_fields_document_frequencies_through_edits_and_merges(index, field):
    assert index_counts(index.root / index.state[0], index._searcher.reader()) == field.counts()
    # an edit brings new words; the replaced and removed sections' words count until a merge
    index.apply(topics(2, extra=" netwrok overlay"), removed=["topic-5"], version=2)
    field.edit(topics(2, extra=" netwrok overlay"), ["topic-5"])
    assert index.segment_count() == 2
    assert index_counts(index.root / index.state[0], index._searcher.reader()) == field.counts()
    # a tenth of the sections stale: the edit merges everything, and the removed words go
    index.apply(topics(3, first=10), removed=["topic-0", "topic-1"], version=3)
    field.edit(topics(3, first=10), ["topic-0", "topic-1"], optimize=True)
    assert index.segment_count() == 1
    counts = field.counts()
    assert "overlay" not in counts
    assert index_counts(index.root / index.state[0], index._searcher.reader()) == counts


def test_the_index_answers_document_frequencies_of_words_from_the_counts(index, field):
    for word, count in field.counts().items():
        assert index.doc_frequency("words", word) == count
    assert index.doc_frequency("words", "xyzzy") == 0
    assert index.doc_frequency("words", "contain") == 0  # a stem, not a word anyone wrote


def test_a_merge_leaves_the_counts_of_the_current_segments_only(index):
    index.apply(topics(1), removed=[], version=2)
    index.apply(topics(8, first=20), removed=[], version=3)  # a fifth stale: everything merges
    folder = index.root / index.state[0]
    with searcher_of(index) as searcher:
        (segment,) = segments(searcher.reader())
        assert sorted(folder.glob("*.words")) == [
            folder / f"{segment.segment().segment_id()}.words"
        ]


def test_a_segment_without_its_counts_file_is_counted_from_its_sections(index, field):
    index.apply(topics(2, extra=" overlay"), removed=["topic-5"], version=2)
    field.edit(topics(2, extra=" overlay"), ["topic-5"])
    before = index.similar_words("contianer", 2)
    folder = index.root / index.state[0]
    for path in folder.glob("*.words"):
        path.unlink()  # as after a crash between Whoosh's commit and the counts' write
    again = TopicIndex(index.root)
    assert again.open()
    assert again.similar_words("contianer", 2) == before
    assert index_counts(folder, again._searcher.reader()) == field.counts()  # deleted ones too
    assert len(list(folder.glob("*.words"))) == 2
    again.close()


def test_a_swap_of_two_letters_is_one_edit_only_across_segments(index):
    with searcher_of(index) as searcher:
        assert "image" not in [w for w, _ in words_of(index, searcher).similar("imgae", 1)]
    index.apply(topics(1), removed=[], version=2)
    with searcher_of(index) as searcher:
        assert "image" in [w for w, _ in words_of(index, searcher).similar("imgae", 1)]


def test_the_index_corrects_against_its_current_words(index):
    assert index.similar_words("contianer", 2)[0][0] in {"container", "containers"}
    assert index.similar_words("xyzzy", 2) == []
