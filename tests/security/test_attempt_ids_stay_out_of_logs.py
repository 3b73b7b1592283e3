"""Attempt and conversation ids, which open what they name, are kept out of the access logs of
gunicorn (`make serve`) and of the development server."""

from __future__ import annotations

import importlib.util
import logging
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from gunicorn.config import Config

from shipshape.logmask import MaskIds, masked

ATTEMPT_ID = "Zb4qW8nR2xT6yU1vK9mP3sL7dF5gH0jC"
CONVERSATION_ID = "c-Qm3vX8kL2pR7tY5wN1bZ4cF6"


def _gunicorn_logger():
    path = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"
    spec = importlib.util.spec_from_file_location("gunicorn_conf", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.logger_class(Config())


def test_the_gunicorn_access_log_hides_the_ids():
    environ = {
        "REQUEST_METHOD": "PUT",
        "RAW_URI": f"/api/attempts/{ATTEMPT_ID}/answers/q1?c={CONVERSATION_ID}",
        "PATH_INFO": f"/api/attempts/{ATTEMPT_ID}/answers/q1",
        "QUERY_STRING": f"c={CONVERSATION_ID}",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://shipshape.example/attempts/{ATTEMPT_ID}",
    }
    response = SimpleNamespace(status="200 OK", sent=12, headers=[])
    request = SimpleNamespace(headers=[])

    atoms = _gunicorn_logger().atoms(response, request, environ, timedelta(milliseconds=3))

    line = " ".join(str(atoms[key]) for key in ("r", "U", "q", "f"))
    assert ATTEMPT_ID not in line and CONVERSATION_ID not in line
    assert "/api/attempts/…/answers/q1" in atoms["r"]


def test_the_development_servers_request_log_hides_the_ids():
    record = logging.LogRecord(
        "werkzeug", logging.INFO, __file__, 1, '"%s" %s %s',
        (f"GET /attempts/{ATTEMPT_ID} HTTP/1.1", "200", "-"), None,
    )  # fmt: skip

    MaskIds().filter(record)

    assert ATTEMPT_ID not in record.getMessage()
    assert "/attempts/…" in record.getMessage()


def test_other_paths_are_left_as_they_are():
    assert (
        masked("GET /topics/image?q=attempts HTTP/1.1") == "GET /topics/image?q=attempts HTTP/1.1"
    )
    assert masked(f"GET /?c={CONVERSATION_ID}#latest") == "GET /?c=…#latest"
