"""Read a zip someone uploaded without trusting it: safe names, capped sizes, bounded reads."""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from ..textfiles import ImportFailed

MB = 1024 * 1024
CHUNK = 64 * 1024
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
# Errors a damaged or hostile member can raise while it is read.
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError)


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 1000
    max_member_bytes: int = 2 * MB
    max_total_bytes: int = 20 * MB
    max_ratio: int = 100  # uncompressed / compressed; text rarely passes 20
    ratio_floor: int = 64 * 1024  # tiny members may compress absurdly well; they cannot hurt


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes


class _Breach(Exception):
    """A member went over a limit while it was being read."""


def unsafe_reason(info: zipfile.ZipInfo) -> str | None:
    """Why an entry could write outside its folder or is not a plain file; None when it is fine."""
    name = info.filename
    if "\\" in name:
        return "uses backslashes in its path"
    if name.startswith("/") or _DRIVE_RE.match(name):
        return "is an absolute path"
    if ".." in name.split("/"):
        return "climbs out of its folder with '..'"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    if info.flag_bits & 0x1:
        return "is encrypted"
    return None


def _listing_problems(infos: list[zipfile.ZipInfo], label: str, limits: ZipLimits) -> list[str]:
    """Everything wrong with the entries' names and declared sizes, before any is read."""
    problems, seen = [], set()
    for info in infos:
        reason = unsafe_reason(info)
        if reason:
            problems.append(f"{info.filename}: {reason}; not allowed in an upload")
        elif info.filename in seen:
            problems.append(f"{info.filename}: appears twice in the zip")
        elif info.file_size > limits.max_member_bytes:
            problems.append(f"{info.filename}: {_too_big(limits)}")
        seen.add(info.filename)
    if sum(i.file_size for i in infos) > limits.max_total_bytes:
        problems.append(f"{label}: {_too_big_in_all(limits)}")
    return problems


def _too_big(limits: ZipLimits) -> str:
    return f"is larger than {limits.max_member_bytes // MB} MB unpacked"


def _too_big_in_all(limits: ZipLimits) -> str:
    return f"unpacks to more than {limits.max_total_bytes // MB} MB in all"


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, limits) -> bytes:
    """A member's bytes, read in chunks and given up the moment it passes a limit."""
    chunks, size = [], 0
    ratio_cap = max(limits.ratio_floor, limits.max_ratio * max(info.compress_size, 1))
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > cap:
                raise _Breach("size")
            if size > ratio_cap:
                raise _Breach("ratio")
            chunks.append(chunk)
    return b"".join(chunks)


def _read_members(archive: zipfile.ZipFile, infos, label: str, limits: ZipLimits) -> list[Member]:
    members, left = [], limits.max_total_bytes
    for info in infos:
        if info.is_dir():
            members.append(Member(info.filename, b""))
            continue
        cap = min(limits.max_member_bytes, left)
        try:
            data = _read_bounded(archive, info, cap, limits)
        except _Breach as exc:
            raise ImportFailed([_breach_message(info, exc, cap, label, limits)]) from exc
        except READ_ERRORS as exc:
            raise ImportFailed([f"{info.filename}: could not be unpacked ({exc})"]) from exc
        left -= len(data)
        members.append(Member(info.filename, data))
    return members


def _breach_message(info, exc: _Breach, cap: int, label: str, limits: ZipLimits) -> str:
    if str(exc) == "ratio":
        return (
            f"{info.filename}: unpacks to over {limits.max_ratio} times its packed size; "
            "this looks like a zip bomb"
        )
    if cap < limits.max_member_bytes:
        return f"{label}: {_too_big_in_all(limits)}"
    return f"{info.filename}: {_too_big(limits)}"


def read_zip(stream: BinaryIO, label: str, limits: ZipLimits | None = None) -> list[Member]:
    """Every entry of the zip `label` names (folders with empty data), or ImportFailed."""
    limits = limits or ZipLimits()
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFailed([f"{label}: is not a zip file (or it is damaged)"]) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise ImportFailed(
                [f"{label}: has {len(infos)} entries; at most {limits.max_members} are allowed"]
            )
        problems = _listing_problems(infos, label, limits)
        if problems:
            raise ImportFailed(problems)
        return _read_members(archive, infos, label, limits)
