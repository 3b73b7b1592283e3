"""What an upload holds: topic and quiz texts by file, plus notes and problems, nothing checked yet.

Accepted: one topic (.md), one quiz (.yaml/.yml), one Moodle GIFT file (.gift, converted to a quiz)
or a .zip laid out like the repository: content/<slug>.md and quiz/<slug>.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import BinaryIO

from ..quizzes.gift import gift_to_yaml
from ..textfiles import ImportFailed
from .safezip import Member, ZipLimits, read_zip

TOPIC_SUFFIXES = (".md",)
QUIZ_SUFFIXES = (".yaml", ".yml")
ACCEPTED = ".md, .yaml, .yml, .gift or .zip"
VOCABULARY = "content/_vocabulary.yaml"
SKIPPED_NOTE = (
    "{name}: skipped; the vocabulary is not importable through an upload "
    "(it is read from the server's content folder)"
)
IGNORED_PARTS = {"__MACOSX", ".DS_Store"}  # what macOS's Compress adds


@dataclass(frozen=True)
class Incoming:
    file: str  # the name the instructor knows it by: content/image.md, or the uploaded name
    slug: str
    text: str


@dataclass
class Bundle:
    topics: list[Incoming] = field(default_factory=list)
    quizzes: list[Incoming] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GiftOptions:
    slug: str = ""  # default: from the file name
    title: str = ""  # default: from the slug


def base_name(filename: str) -> str:
    """The last part of an uploaded file's name, whichever separator the browser used."""
    return re.split(r"[\\/]", filename or "")[-1].strip()


def slug_from(name: str) -> str:
    """A file name's stem as a slug: 'My Quiz.gift' -> 'my-quiz'."""
    stem = PurePosixPath(name).stem
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:120]


def decode(name: str, data: bytes, problems: list[str]) -> str | None:
    """UTF-8 text without a byte-order mark, or None with a problem recorded."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(f"{name}: is not UTF-8 text; save it as UTF-8 and upload it again")
        return None


def _add_text(bundle: Bundle, target: list[Incoming], name: str, slug: str, data: bytes) -> None:
    text = decode(name, data, bundle.problems)
    if text is not None:
        target.append(Incoming(name, slug, text))


def _add_gift(bundle: Bundle, name: str, data: bytes, gift: GiftOptions) -> None:
    text = decode(name, data, bundle.problems)
    if text is None:
        return
    slug = gift.slug.strip() or slug_from(name)
    title = gift.title.strip() or slug.replace("-", " ").capitalize()
    yaml_text, notes = gift_to_yaml(text, slug, title)
    messages = [f"{name}: {f'line {n.line}' if n.line else 'file'}: {n.message}" for n in notes]
    if any(n.line == 0 for n in notes):  # not one question could be converted
        bundle.problems += messages
        return
    bundle.quizzes.append(Incoming(name, slug, yaml_text))
    bundle.notes += messages


def _place_member(bundle: Bundle, member: Member) -> None:
    """Sort one zip entry into topics or quizzes, or say why it does not belong."""
    name, parts = member.name, member.name.split("/")
    if IGNORED_PARTS & set(parts):
        return
    if name.endswith("/"):
        if name not in ("content/", "quiz/"):
            bundle.problems.append(f"{name}: {_layout_hint()}")
        return
    folder, file = (parts[0], parts[1]) if len(parts) == 2 else ("", name)
    suffix = PurePosixPath(file).suffix.lower()
    if name == VOCABULARY:
        bundle.notes.append(SKIPPED_NOTE.format(name=name))
    elif folder == "content" and suffix in TOPIC_SUFFIXES and not file.startswith("_"):
        _add_text(bundle, bundle.topics, name, PurePosixPath(file).stem, member.data)
    elif folder == "quiz" and suffix in QUIZ_SUFFIXES:
        _add_text(bundle, bundle.quizzes, name, PurePosixPath(file).stem, member.data)
    elif folder in ("content", "quiz"):
        bundle.problems.append(f"{name}: {_type_hint(folder, file)}")
    else:
        bundle.problems.append(f"{name}: {_layout_hint()}")


def _layout_hint() -> str:
    return "unexpected place; a zip holds content/<slug>.md and quiz/<slug>.yaml only"


def _type_hint(folder: str, file: str) -> str:
    if folder == "content" and file.startswith("_"):
        return "files starting with '_' are data, not topics, and cannot be uploaded"
    wanted = "topics as .md files" if folder == "content" else "quizzes as .yaml files"
    return f"unknown file type; {folder}/ holds {wanted}"


def _check_repeats(bundle: Bundle) -> None:
    """quiz/a.yaml and quiz/a.yml would both be the quiz 'a'."""
    for kind, items in (("topic", bundle.topics), ("quiz", bundle.quizzes)):
        seen: dict[str, str] = {}
        for item in items:
            if item.slug in seen:
                bundle.problems.append(
                    f"{item.file}: is the same {kind} '{item.slug}' as {seen[item.slug]}"
                )
            seen.setdefault(item.slug, item.file)


def bundle_from_zip(stream: BinaryIO, label: str, limits: ZipLimits | None = None) -> Bundle:
    """The topics and quizzes of a zip; ImportFailed at once when the zip itself is unsafe."""
    bundle = Bundle()
    for member in read_zip(stream, label, limits):
        _place_member(bundle, member)
    _check_repeats(bundle)
    if not (bundle.topics or bundle.quizzes or bundle.problems):
        bundle.problems.append(f"{label}: holds no content/<slug>.md or quiz/<slug>.yaml files")
    return bundle


def bundle_from_upload(
    filename: str,
    stream: BinaryIO,
    gift: GiftOptions | None = None,
    limits: ZipLimits | None = None,
) -> Bundle:
    """One uploaded file as a bundle, chosen by its extension."""
    limits = limits or ZipLimits()
    name = base_name(filename)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        return bundle_from_zip(stream, name, limits)
    bundle = Bundle()
    if suffix not in (*TOPIC_SUFFIXES, *QUIZ_SUFFIXES, ".gift"):
        bundle.problems.append(f"{name or 'the file'}: unknown file type; upload {ACCEPTED}")
        return bundle
    data = stream.read(limits.max_member_bytes + 1)
    if len(data) > limits.max_member_bytes:
        raise ImportFailed([f"{name}: is larger than {limits.max_member_bytes // (1 << 20)} MB"])
    if suffix == ".gift":
        _add_gift(bundle, name, data, gift or GiftOptions())
    else:
        target = bundle.topics if suffix in TOPIC_SUFFIXES else bundle.quizzes
        _add_text(bundle, target, name, PurePosixPath(name).stem, data)
    return bundle
