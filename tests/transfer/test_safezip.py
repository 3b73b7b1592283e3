"""Reading an uploaded zip: unsafe names, bombs and damage are refused before anything is used."""

import io
import zipfile

import pytest

from shipshape.textfiles import ImportFailed
from shipshape.transfer.safezip import MB, ZipLimits, read_zip

from .zips import make_zip, many_members_zip, symlink_zip, understate_sizes, zeros_zip


def problems_of(data: bytes, limits: ZipLimits | None = None) -> list[str]:
    with pytest.raises(ImportFailed) as failure:
        read_zip(io.BytesIO(data), "upload.zip", limits)
    return failure.value.problems


def test_a_plain_zip_gives_back_every_entry_with_its_bytes():
    members = read_zip(io.BytesIO(make_zip({"content/": "", "content/a.md": "é\r\n"})), "up.zip")
    assert [(m.name, m.data) for m in members] == [
        ("content/", b""),
        ("content/a.md", "é\r\n".encode()),
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.md", "climbs out of its folder with '..'"),
        ("content/../../evil.md", "climbs out of its folder with '..'"),
        ("/abs.md", "is an absolute path"),
        ("C:/windows.md", "is an absolute path"),
        ("content\\evil.md", "uses backslashes in its path"),
    ],
)
def test_a_name_that_could_land_outside_the_folder_is_refused(name, reason):
    assert problems_of(make_zip({name: "x", "content/fine.md": "y"})) == [
        f"{name}: {reason}; not allowed in an upload"
    ]


def test_a_symbolic_link_entry_is_refused():
    assert problems_of(symlink_zip("content/link.md", "/etc/passwd")) == [
        "content/link.md: is a symbolic link; not allowed in an upload"
    ]


def test_every_unsafe_entry_is_listed_not_just_the_first():
    problems = problems_of(make_zip({"../a.md": "", "/b.md": "", "content\\c.md": ""}))
    assert [p.split(":")[0] for p in problems] == ["../a.md", "/b.md", "content\\c.md"]


def test_an_entry_that_appears_twice_is_refused():
    data = make_zip({"content/a.md": "one"})
    with_repeat = make_zip({"content/a.md": "one", "content/b.md": "two"}).replace(
        b"content/b.md", b"content/a.md"
    )
    assert read_zip(io.BytesIO(data), "up.zip")
    assert problems_of(with_repeat) == ["content/a.md: appears twice in the zip"]


def test_more_than_a_thousand_entries_is_refused_before_reading_any():
    assert problems_of(many_members_zip(1001)) == [
        "upload.zip: has 1001 entries; at most 1000 are allowed"
    ]
    assert len(read_zip(io.BytesIO(many_members_zip(1000)), "up.zip")) == 1000


def test_fifty_megabytes_of_zeros_is_refused_by_its_declared_size_without_unpacking(monkeypatch):
    opened = []
    real_open = zipfile.ZipFile.open

    def watched_open(self, member, *args, **kwargs):
        opened.append(member)
        return real_open(self, member, *args, **kwargs)

    bomb = zeros_zip("content/bomb.md", 50 * MB)
    monkeypatch.setattr(zipfile.ZipFile, "open", watched_open)

    assert problems_of(bomb) == [
        "content/bomb.md: is larger than 2 MB unpacked",
        "upload.zip: unpacks to more than 20 MB in all",
    ]
    assert opened == []  # refused from the header: not one byte inflated


def test_a_member_whose_header_understates_its_size_is_not_trusted():
    lying = understate_sizes(zeros_zip("content/bomb.md", 3 * MB), 1000)
    (problem,) = problems_of(lying)
    assert problem.startswith("content/bomb.md: could not be unpacked")


def test_a_member_that_unpacks_to_a_hundred_times_its_packed_size_is_a_bomb():
    (problem,) = problems_of(zeros_zip("content/bomb.md", MB + MB // 2))
    assert problem == (
        "content/bomb.md: unpacks to over 100 times its packed size; this looks like a zip bomb"
    )


def test_small_members_may_compress_as_well_as_they_like():
    (member,) = read_zip(io.BytesIO(zeros_zip("content/zeros.md", 60_000)), "up.zip")
    assert member.data == bytes(60_000)


def test_the_total_unpacked_size_is_capped():
    limits = ZipLimits(max_member_bytes=MB, max_total_bytes=2 * MB, max_ratio=10**6)
    data = make_zip({f"quiz/q{i}.yaml": bytes(900_000) for i in range(3)})
    assert read_zip(io.BytesIO(make_zip({"quiz/a.yaml": bytes(900_000)})), "up.zip", limits)
    assert problems_of(data, limits) == ["upload.zip: unpacks to more than 2 MB in all"]


@pytest.mark.parametrize(
    "data", [b"", b"not a zip at all", b"PK\x03\x04 truncated"], ids=["empty", "text", "cut"]
)
def test_something_that_is_not_a_zip_is_named_as_such(data):
    assert problems_of(data) == ["upload.zip: is not a zip file (or it is damaged)"]
