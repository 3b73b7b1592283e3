"""Revisions as plain data: a line diff in hunks with +/- markers, the history, comparing two."""

from hypothesis import given
from hypothesis import strategies as st

from shipshape.knowledge import revisions
from shipshape.knowledge.authoring import save_topic
from shipshape.knowledge.revisions import diff_texts

OLD = "\n".join(f"line {n}" for n in range(1, 21)) + "\n"


def test_identical_texts_have_no_hunks():
    diff = diff_texts(OLD, OLD)
    assert diff.identical and (diff.added, diff.removed) == (0, 0)


def test_a_changed_line_is_removed_then_added_with_both_line_numbers():
    diff = diff_texts(OLD, OLD.replace("line 10\n", "line ten\n"))
    (hunk,) = diff.hunks
    changed = [
        (x.marker, x.old_number, x.new_number, x.text) for x in hunk.lines if x.kind != "context"
    ]
    assert changed == [("-", 10, None, "line 10"), ("+", None, 10, "line ten")]
    assert hunk.header == "@@ -7,7 +7,7 @@"


def test_only_three_unchanged_lines_surround_a_change():
    (hunk,) = diff_texts(OLD, OLD.replace("line 10\n", "")).hunks
    context = [x.text for x in hunk.lines if x.kind == "context"]
    assert context == ["line 7", "line 8", "line 9", "line 11", "line 12", "line 13"]
    assert [x.marker for x in hunk.lines if x.kind == "context"] == [" "] * 6


def test_changes_far_apart_make_separate_hunks_and_are_counted():
    new = OLD.replace("line 2\n", "").replace("line 19\n", "line 19\nline 19b\nline 19c\n")
    diff = diff_texts(OLD, new)
    assert len(diff.hunks) == 2
    assert (diff.added, diff.removed) == (2, 1)


def test_a_text_from_nothing_is_all_added():
    diff = diff_texts("", "one\ntwo\n")
    assert [(x.marker, x.new_number) for h in diff.hunks for x in h.lines] == [("+", 1), ("+", 2)]


def as_text(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


lines = st.lists(st.sampled_from(["a", "b", "c", "", "## d"]), max_size=30)


@given(lines, lines)
def test_applying_a_diff_to_the_old_text_gives_the_new_one(old, new):
    diff = diff_texts(as_text(old), as_text(new), context=10_000)
    rebuilt = [x.text for h in diff.hunks for x in h.lines if x.kind != "removed"]
    original = [x.text for h in diff.hunks for x in h.lines if x.kind != "added"]
    assert (rebuilt, original) == ((new, old) if diff.hunks else ([], []))
    assert diff.identical == (old == new)


def test_history_and_compare_read_a_topics_revisions(app, library):
    text = revisions.revision_text("image", 1).text
    save_topic(text + "\nOne more line.\n", "image", library, "ada@example.org")
    assert [(r.number, r.action, r.author) for r in revisions.history("image")] == [
        (2, "edit", "ada@example.org"),
        (1, "import", None),
    ]
    assert revisions.latest_number("image") == 2
    compared = revisions.compare("image", 1, 2)
    assert (compared.old.number, compared.new.number) == (1, 2)
    added = [x.text for h in compared.diff.hunks for x in h.lines if x.kind == "added"]
    assert added == ["", "One more line."]


def test_compare_is_none_when_a_revision_or_topic_is_missing(app):
    assert revisions.compare("image", 1, 2) is None
    assert revisions.compare("no-such-topic", 1, 1) is None
    assert revisions.history("no-such-topic") == []
    assert revisions.latest_number("no-such-topic") == 0
