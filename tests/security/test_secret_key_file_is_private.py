"""The generated secret key is readable by its owner alone: reading it is enough to forge an
instructor's session."""

from __future__ import annotations

import stat

from shipshape.config import load_config


def test_a_generated_secret_key_file_is_0600(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)

    key = load_config(str(tmp_path))["SECRET_KEY"]

    path = tmp_path / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip() == key
    assert load_config(str(tmp_path))["SECRET_KEY"] == key  # kept, not made again


def test_a_world_readable_key_from_before_is_made_private(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    path = tmp_path / "secret_key"
    path.write_text("an older key")
    path.chmod(0o644)

    assert load_config(str(tmp_path))["SECRET_KEY"] == "an older key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
