"""Build zips in memory for the tests, hostile ones included."""

from __future__ import annotations

import io
import stat
import struct
import zipfile

TOPIC = """---
title: Quokka layers
related: [image]
---
A quokka layer is an invented kind of layer that exists only in these tests.

## Where quokka layers live
Quokka layers sit between the image and the container in this made-up story.
"""

QUIZ = """title: Quokka quiz
questions:
  - id: quokka-home
    type: true_false
    prompt: Quokka layers sit between the image and the container.
    topics: [quokka-layers]
    answer: true
"""


def make_zip(files: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip holding these names and contents, exactly as given (no name clean-up)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            archive.writestr(info, data)
    return buffer.getvalue()


def symlink_zip(name: str, target: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo(name)
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, target)
    return buffer.getvalue()


def zeros_zip(name: str, size: int) -> bytes:
    """One member of `size` zero bytes, deflated to almost nothing."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w") as member:
            chunk = bytes(1 << 20)
            for start in range(0, size, len(chunk)):
                member.write(chunk[: min(len(chunk), size - start)])
    return buffer.getvalue()


def many_members_zip(count: int) -> bytes:
    return make_zip({f"content/t{i}.md": "" for i in range(count)}, zipfile.ZIP_STORED)


def understate_sizes(data: bytes, size: int) -> bytes:
    """Rewrite every central-directory entry to claim `size` bytes unpacked (a lying header)."""
    raw = bytearray(data)
    offset = raw.find(b"PK\x01\x02")
    while offset != -1:
        struct.pack_into("<I", raw, offset + 24, size)
        offset = raw.find(b"PK\x01\x02", offset + 4)
    return bytes(raw)
