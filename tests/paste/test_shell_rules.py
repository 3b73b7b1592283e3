"""What a Dockerfile command leaves behind when it ends: services started in the background,
systemctl, environments activated for one step, ENV lines that expect a shell, COPY below USER."""

import pytest

from tests.paste.reviews import findings

pytestmark = pytest.mark.database_independent


def test_a_cmd_that_starts_a_service_in_the_background_is_named_with_its_foreground_form():
    [found] = findings("FROM ubuntu:24.04\nCMD service nginx start\n", "SS117")
    assert found.line == 2
    assert found.fix == 'CMD ["nginx", "-g", "daemon off;"]'
    assert "exits with code 0" in found.why


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ('CMD ["sh", "-c", "/etc/init.d/cron start"]', 'CMD ["cron", "-f"]'),
        ("ENTRYPOINT ./setup.sh && ./server &", None),
    ],
)
def test_a_command_whose_last_step_runs_in_the_background_is_named(line, fix):
    [found] = findings(f"FROM debian:12\n{line}\n", "SS117")
    assert found.fix == fix


@pytest.mark.parametrize(
    "line",
    [
        'CMD ["sh", "-c", "service nginx start && tail -f /dev/null"]',
        'CMD ["nginx", "-g", "daemon off;"]',
        "CMD service ssh start; exec /usr/sbin/sshd -D",
    ],
)
def test_a_command_that_ends_in_the_foreground_is_no_finding(line):
    assert findings(f"FROM debian:12\n{line}\n", "SS117") == []


def test_a_build_step_that_ends_by_starting_a_service_is_named():
    text = "FROM mysql:8\nRUN service mysql start\n"
    [found] = findings(text, "SS118")
    assert found.line == 2
    assert found.taught_in == ("dockerfile-instructions-compared", "run-vs-cmd-vs-entrypoint")


def test_a_build_step_that_uses_the_service_it_started_is_no_finding():
    text = 'FROM mysql:8\nRUN service mysql start && mysql -e "CREATE DATABASE app"\n'
    assert findings(text, "SS118") == []


def test_systemctl_is_named_once_and_not_also_as_a_background_service():
    text = "FROM ubuntu:24.04\nRUN systemctl enable nginx && systemctl start nginx\n"
    assert [f.line for f in findings(text, "SS119")] == [2]
    assert findings(text, "SS118") == []


def test_systemctl_enable_alone_is_no_finding():
    assert findings("FROM fedora:40\nRUN systemctl enable httpd\n", "SS119") == []


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        (
            "RUN python3 -m venv /opt/venv && . /opt/venv/bin/activate",
            'ENV PATH="/opt/venv/bin:$PATH"',
        ),
        ("RUN source venv/bin/activate", 'ENV PATH="venv/bin:$PATH"'),
        ("RUN conda activate science", 'ENV PATH="/opt/conda/envs/science/bin:$PATH"'),
        ("RUN . ~/.nvm/nvm.sh", None),
    ],
)
def test_an_environment_activated_as_a_steps_last_command_is_named(line, fix):
    [found] = findings(f"FROM python:3.12\n{line}\n", "SS120")
    assert found.fix == fix


def test_an_environment_activated_for_the_command_that_uses_it_is_no_finding():
    text = "FROM python:3.12\nRUN . /opt/venv/bin/activate && pip install -r requirements.txt\n"
    assert findings(text, "SS120") == []


def test_command_substitution_in_env_is_named_as_text():
    text = "FROM ruby:3\nENV GEMS=\"$(ruby -e 'print Gem.user_dir')\"\n"
    [found] = findings(text, "SS121")
    assert "`GEMS`" in found.message


@pytest.mark.parametrize("line", ["ENV PATH=/opt/app/bin", "ENV PATH /opt/app/bin"])
def test_an_env_path_that_drops_the_system_path_is_named_and_extended(line):
    [found] = findings(f"FROM alpine:3.20\n{line}\n", "SS122")
    assert found.fix == 'ENV PATH="/opt/app/bin:$PATH"'


@pytest.mark.parametrize(
    "line",
    [
        'ENV PATH="/opt/venv/bin:$PATH"',
        "ENV PATH=${PATH}:/opt/tool",
        "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/opt/x",
    ],
)
def test_an_env_path_that_keeps_the_system_path_is_no_finding(line):
    assert findings(f"FROM alpine:3.20\n{line}\n", "SS122") == []


def test_the_first_copy_below_a_non_root_user_is_named_with_chown():
    text = "FROM node:20\nUSER node\nCOPY . /app\nCOPY run.sh /app/\n"
    [found] = findings(text, "SS123")
    assert (found.line, found.fix) == (3, "COPY --chown=node . /app")


@pytest.mark.parametrize(
    "line", ["COPY --chown=node . /app", "COPY --from=build /out/app /usr/local/bin/"]
)
def test_a_copy_that_says_whose_files_or_copies_a_stages_build_is_no_finding(line):
    text = f"FROM node:20 AS build\nRUN make\nFROM node:20\nUSER node\n{line}\n"
    assert findings(text, "SS123") == []


def test_a_copy_after_switching_back_to_root_is_no_finding():
    text = "FROM node:20\nUSER node\nUSER root\nCOPY . /app\n"
    assert findings(text, "SS123") == []


def test_shell_syntax_in_exec_form_is_named_and_run_through_a_shell():
    text = 'FROM node:20\nCMD ["npm", "install", "&&", "npm", "start"]\n'
    [found] = findings(text, "SS134")
    assert found.fix == 'CMD ["sh", "-c", "npm install && npm start"]'


def test_shell_syntax_handed_to_a_shell_in_exec_form_is_no_finding():
    text = 'FROM node:20\nCMD ["sh", "-c", "npm install && npm start"]\n'
    assert findings(text, "SS134") == []
