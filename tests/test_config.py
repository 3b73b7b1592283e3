"""Configuration from the environment and overrides."""

from shipshape.config import load_config


def test_a_database_server_s_connections_are_tested_before_use(tmp_path):
    config = load_config(str(tmp_path), {"SQLALCHEMY_DATABASE_URI": "postgresql://u@h/db"})
    assert config["SQLALCHEMY_ENGINE_OPTIONS"] == {"pool_pre_ping": True}


def test_a_sqlite_file_s_connections_are_not_pinged(tmp_path):
    config = load_config(str(tmp_path), {"SQLALCHEMY_DATABASE_URI": "sqlite:///x.db"})
    assert config["SQLALCHEMY_ENGINE_OPTIONS"] == {"pool_pre_ping": False}


def test_engine_options_given_are_kept(tmp_path):
    options = {"pool_size": 3}
    config = load_config(str(tmp_path), {"SQLALCHEMY_ENGINE_OPTIONS": options})
    assert config["SQLALCHEMY_ENGINE_OPTIONS"] is options


def test_the_hadolint_binary_is_found_unless_the_environment_names_one(tmp_path, monkeypatch):
    monkeypatch.delenv("SHIPSHAPE_HADOLINT", raising=False)
    assert load_config(str(tmp_path))["SHIPSHAPE_HADOLINT"] is None
    monkeypatch.setenv("SHIPSHAPE_HADOLINT", "/nowhere/hadolint")
    assert load_config(str(tmp_path))["SHIPSHAPE_HADOLINT"] == "/nowhere/hadolint"
