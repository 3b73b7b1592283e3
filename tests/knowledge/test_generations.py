"""The index folder's bookkeeping: generations, the CURRENT pointer, the version each reflects."""

from __future__ import annotations

import pytest

from shipshape.knowledge.generations import (
    generation_prefix,
    make_current,
    new_generation,
    read_current,
    read_version,
    remove_generations_but,
    write_version,
)

pytestmark = pytest.mark.database_independent


def test_a_new_generation_is_an_empty_folder_named_for_the_analysis(tmp_path):
    folder = new_generation(tmp_path / "index")

    assert folder.is_dir() and not any(folder.iterdir())
    assert folder.name.startswith(generation_prefix())


def test_current_names_the_generation_made_current_while_its_folder_exists(tmp_path):
    first, second = new_generation(tmp_path), new_generation(tmp_path)
    assert read_current(tmp_path) is None

    make_current(tmp_path, first.name)
    make_current(tmp_path, second.name)
    assert read_current(tmp_path) == second.name

    second.rmdir()
    assert read_current(tmp_path) is None


def test_a_generation_without_a_readable_version_reflects_none(tmp_path):
    folder = new_generation(tmp_path)
    assert read_version(folder) == -1

    write_version(folder, 7)
    assert read_version(folder) == 7

    (folder / "applied_version").write_text("seven")
    assert read_version(folder) == -1


def test_removing_old_generations_keeps_the_named_one_and_other_files(tmp_path):
    old, kept = new_generation(tmp_path), new_generation(tmp_path)
    (tmp_path / ".rebuild.lock").write_text("")

    remove_generations_but(tmp_path, keep=kept.name)

    assert not old.exists() and kept.is_dir() and (tmp_path / ".rebuild.lock").exists()
