"""The index folder's bookkeeping: one subfolder per generation, CURRENT naming the live one,
and in each generation the content version it reflects. Every swap is an atomic rename, so a
reader sees the old generation or the new one, never half of either."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from .analysis import analysis_fingerprint

CURRENT = "CURRENT"
VERSION_FILE = "applied_version"


def generation_prefix() -> str:
    """Generation folders carry the analysis fingerprint, so a changed analyzer means a rebuild."""
    return f"gen-{analysis_fingerprint()}-"


def new_generation(root: Path) -> Path:
    """A new, empty generation folder under root."""
    root.mkdir(parents=True, exist_ok=True)
    folder = root / f"{generation_prefix()}{uuid.uuid4().hex[:12]}"
    folder.mkdir()
    return folder


def read_current(root: Path) -> str | None:
    """The live generation's name; None when there is none or its folder is gone."""
    try:
        name = (root / CURRENT).read_text().strip()
    except FileNotFoundError:
        return None
    return name if name and (root / name).is_dir() else None


def make_current(root: Path, name: str) -> None:
    _replace_text(root / CURRENT, name)


def read_version(folder: Path) -> int:
    """The content version a generation reflects; -1 when it says none."""
    try:
        return int((folder / VERSION_FILE).read_text())
    except (FileNotFoundError, ValueError):
        return -1


def write_version(folder: Path, version: int) -> None:
    _replace_text(folder / VERSION_FILE, str(version))


def remove_generations_but(root: Path, keep: str) -> None:
    for child in root.iterdir():
        if child.is_dir() and child.name.startswith("gen-") and child.name != keep:
            shutil.rmtree(child, ignore_errors=True)


def _replace_text(path: Path, text: str) -> None:
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}")
    tmp.write_text(text)
    os.replace(tmp, path)
