"""A development server left listening on localhost inside the container is named, in a pasted
Dockerfile and in a pasted docker run line."""

import pytest

from shipshape.paste.command_mistakes import find_mistakes
from shipshape.paste.listen_rules import loopback_server
from tests.paste.reviews import findings

pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    ("command", "fixed"),
    [
        ("flask run", "flask run --host=0.0.0.0"),
        ("python manage.py runserver", "python manage.py runserver 0.0.0.0:8000"),
        ("uvicorn main:app --host 127.0.0.1", "uvicorn main:app --host 0.0.0.0"),
        ("bin/rails server", "bin/rails server -b 0.0.0.0"),
        ("python manage.py runserver 8080", "python manage.py runserver 0.0.0.0:8080"),
        (
            "uvicorn main:app --host 127.0.0.1 --port 8000",
            "uvicorn main:app --host 0.0.0.0 --port 8000",
        ),
    ],
)
def test_a_server_on_localhost_is_started_on_every_interface_with_its_other_options(command, fixed):
    assert loopback_server(command) == fixed


@pytest.mark.parametrize(
    ("command", "env"),
    [
        ("flask run --host=0.0.0.0", ""),
        ("python manage.py runserver 0.0.0.0:8000", ""),
        ("gunicorn app:app", ""),  # gunicorn.conf.py in the folder may set the address
        ("flask run", "FLASK_RUN_HOST=0.0.0.0"),
        ("python app.py", ""),  # the app's own code decides: nothing to tell from here
    ],
)
def test_a_server_told_to_listen_everywhere_or_an_unknown_program_is_left_alone(command, env):
    assert loopback_server(command, env) is None


def test_a_dockerfile_whose_program_listens_on_localhost_is_named():
    text = 'FROM python:3.12-slim\nRUN pip install flask\nCMD ["flask", "run"]\n'
    [found] = findings(text, "SS135")
    assert found.line == 3 and "flask run --host=0.0.0.0" in found.message


@pytest.mark.parametrize(
    ("line", "corrected"),
    [
        (
            "docker run -p 8000:8000 myweb python manage.py runserver",
            "docker run -p 8000:8000 myweb python manage.py runserver 0.0.0.0:8000",
        ),
        (
            "docker run -p 5000:5000 myflask flask run --host 127.0.0.1",
            "docker run -p 5000:5000 myflask flask run --host 0.0.0.0",
        ),
    ],
)
def test_a_published_run_line_starting_such_a_server_is_named_and_corrected(
    line, corrected, library
):
    [mistake] = find_mistakes(line, library.catalog)
    assert (mistake.rule, mistake.corrected) == ("server-on-loopback", corrected)


@pytest.mark.parametrize(
    "line",
    [
        "docker run myweb python manage.py runserver",  # nothing published
        "docker run -p 5000:5000 myflask flask run",  # the image may set FLASK_RUN_HOST
    ],
)
def test_a_run_line_that_may_well_work_is_no_mistake(line, library):
    assert find_mistakes(line, library.catalog) == []


def test_a_host_set_by_an_earlier_stage_the_last_one_builds_on_is_no_finding():
    text = "FROM python:3.12 AS base\nENV FLASK_RUN_HOST=0.0.0.0\nFROM base AS dev\n"
    text += 'CMD ["flask", "run"]\n'
    assert findings(text, "SS135") == []
