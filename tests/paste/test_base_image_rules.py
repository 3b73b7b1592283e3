"""What the base image has, how CMD joins ENTRYPOINT and what layers keep: package lists, a Python,
curl in a health check, a shell in scratch, a program named twice, a shell-form ENTRYPOINT."""

import pytest

from tests.paste.reviews import findings

pytestmark = pytest.mark.database_independent


def test_apt_get_install_before_any_update_is_named_and_given_the_update():
    [found] = findings("FROM debian:12\nRUN apt-get install -y curl\n", "SS126")
    assert (found.line, found.fix) == (2, "RUN apt-get update && apt-get install -y curl")


@pytest.mark.parametrize(
    "text",
    [
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n",
        "FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y git\n",
    ],
)
def test_apt_get_install_after_an_update_is_no_finding(text):
    assert findings(text, "SS126") == []


def test_pip_on_a_distributions_own_python_is_named():
    text = "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3-pip\n"
    text += "RUN pip install flask\n"
    [found] = findings(text, "SS127")
    assert found.line == 3
    assert "externally-managed-environment" in found.why


@pytest.mark.parametrize(
    "text",
    [
        "FROM python:3.12-slim\nRUN pip install flask\n",
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip\n"
        "RUN pip install x\n",
        "FROM debian:12\nRUN python3 -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\n"
        "RUN pip install flask\n",
    ],
)
def test_pip_on_a_python_image_an_older_release_or_in_a_venv_is_no_finding(text):
    assert findings(text, "SS127") == []


def test_a_health_check_calling_curl_in_a_slim_image_without_it_is_named():
    text = "FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n"
    [found] = findings(text, "SS128")
    assert found.line == 2


def test_a_health_check_with_curl_installed_is_no_finding():
    text = "FROM node:20-alpine\nRUN apk add --no-cache curl\n"
    text += "HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n"
    assert findings(text, "SS128") == []


def test_shell_form_in_a_scratch_stage_is_named_but_exec_form_is_not():
    text = "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\n"
    text += 'COPY --from=build /app /app\nRUN chmod +x /app\nCMD /app\nENTRYPOINT ["/app"]\n'
    assert [f.line for f in findings(text, "SS129")] == [5, 6]


def test_a_program_named_in_both_entrypoint_and_cmd_is_named_and_cmd_kept_to_its_arguments():
    text = 'FROM python:3.12-slim\nENTRYPOINT ["python"]\nCMD ["python", "app.py"]\n'
    [found] = findings(text, "SS124")
    assert found.fix == 'CMD ["app.py"]'
    assert "`python python app.py`" in found.message


def test_an_init_entrypoint_with_a_program_in_cmd_is_no_finding():
    text = 'FROM node:20\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]\n'
    assert findings(text, "SS124") == []


def test_a_shell_form_entrypoint_beside_a_cmd_is_named():
    text = 'FROM python:3.12-slim\nENTRYPOINT python app.py\nCMD ["--port", "80"]\n'
    [found] = findings(text, "SS125")
    assert found.line == 2


def test_an_exec_form_entrypoint_beside_a_cmd_is_no_finding():
    text = 'FROM python:3.12-slim\nENTRYPOINT ["python", "app.py"]\nCMD ["--port", "80"]\n'
    assert findings(text, "SS125") == []
