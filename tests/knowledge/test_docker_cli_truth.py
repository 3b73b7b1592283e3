"""Every docker command the course shows is one the docker CLI accepts, by the CLI's own --help.

tests/data/docker_help/ holds `docker <command> --help` for every command (`make docker-help`
captures it again), the flags the CLI hides (hidden.yaml) and buildx's reference page. Each
command line in content/ (code blocks, inline code) and quiz/ (keys, accepted answers, every text
a learner reads) is read as cobra reads it: the command and subcommand must exist, each flag must
belong to that command, a flag that takes a value gets one of its type, a switch gets none, and a
full line has the arguments its usage asks for. A line shown on purpose as a mistake is marked
(see tests/knowledge/command_lines.py) and must really fail.
"""

from __future__ import annotations

import pytest

from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import CommandOption, CommandSpec, parse_topic

from .cli_check import argument_range, check_command
from .command_lines import PROJECT, Shown, content_commands, quiz_commands
from .docker_help import load, parse_help

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

# Command topics that list the options the course teaches, not all of them (the CLI has ~100).
TAUGHT_SELECTIVELY = {
    "docker container run": "about 100 options",
    "docker container create": "the options of docker run",
    "docker image build": "the legacy builder's and buildx's options together",
    "docker volume create": "its other options are for Swarm cluster volumes only",
}


@pytest.fixture(scope="module")
def help():
    return load()


@pytest.fixture(scope="module")
def shown() -> list[Shown]:
    return content_commands() + quiz_commands()


@pytest.fixture(scope="module")
def command_topics():
    docs = [parse_topic(p.read_text("utf-8"), p.stem) for p in topic_files(PROJECT / "content")]
    return [doc for doc in docs if doc.command]


# the captured help


def test_the_help_comes_from_the_cli_the_course_teaches(help):
    assert help.version.startswith(("Docker version 28.", "Docker version 29."))
    assert {"docker container run", "docker image ls", "docker volume prune"} <= help.commands()


def test_a_help_text_is_read_into_usage_aliases_and_flags():
    page = parse_help(
        "docker container stop",
        "Usage:  docker container stop [OPTIONS] CONTAINER [CONTAINER...]\n\nStop containers\n\n"
        "Aliases:\n  docker container stop, docker stop\n\nOptions:\n"
        "  -s, --signal string   Signal to send to the container\n"
        "      --force           A switch\n"
        "      --time int        Seconds to wait (deprecated: use --timeout)\n"
        "  -t, --timeout int     Seconds to wait before killing the container\n",
    )
    assert page.aliases == ("docker container stop", "docker stop")
    assert page.flag("-t") is page.flag("--timeout")
    assert (page.flag("-t").kind, page.flag("--force").kind) == ("int", None)
    assert page.flag("--time").deprecated and not page.flag("--timeout").deprecated
    assert page.flag("--bogus") is None


def test_a_value_type_may_hold_a_hyphen(help):
    assert help.page("docker run").flag("--gpus").kind == "gpu-request"


def test_aliases_lead_to_the_same_command(help):
    assert help.page("docker ps") is help.page("docker container list")
    assert help.page("docker rmi").path == "docker image rm"


def test_hidden_deprecated_flags_are_known_and_named_deprecated(help):
    time = help.page("docker stop").flag("--time")
    assert (time.deprecated, time.use_instead, time.kind) == (True, "--timeout", "int")
    assert help.page("docker run").flag("--net").use_instead == "--network"


def test_with_buildx_docker_build_takes_buildx_flags(help):
    assert help.page("docker build").flag("--progress") is not None
    assert help.page("docker buildx build").flag("--push").kind is None


@pytest.mark.parametrize(
    ("usage", "expected"),
    [
        ("docker container stop [OPTIONS] CONTAINER [CONTAINER...]", (1, None)),
        ("docker build [OPTIONS] PATH | URL | -", (1, 1)),
        ("docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", (2, 2)),
        ("docker image ls [OPTIONS] [REPOSITORY[:TAG]]", (0, 1)),
        ("docker container top CONTAINER [ps OPTIONS]", (1, None)),
    ],
)
def test_a_usage_line_says_how_many_arguments(usage, expected):
    assert argument_range(usage) == expected


# the checker catches each kind of mistake


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("docker ps --everything", "--everything is not a flag"),
        ("docker prune", "`docker prune` is not a command"),
        ("docker image purge", "`docker image purge` is not a command"),
        ("docker stop -t web", "takes a int"),
        ("docker ps --all=yes", "is a switch"),
        ("docker run --name", "--name needs a value"),
        ("docker build -t myapp", "needs 1 argument"),
        ("docker stop --time 30 web", "--time is deprecated: use --timeout"),
        ("docker update -p 8081:80 web", "-p is not a flag"),
    ],
)
def test_the_check_catches(help, line, problem):
    problems = check_command(help, line).problems
    assert any(problem in p for p in problems), problems


@pytest.mark.parametrize(
    "line",
    [
        "docker run -d --name web -p 8080:80 nginx",
        "docker run --rm -it ubuntu bash -c 'ls -la'",  # after the image: the container's flags
        "docker ps -aq --filter status=exited",
        "docker ps --all=true",
        "docker stop -t 30 web",
        "docker logs --since 10m -n 20 web",
        "docker top web -eo pid,comm",
        "docker -H ssh://me@host ps",
        "docker COMMAND --help",
    ],
)
def test_the_check_accepts(help, line):
    assert check_command(help, line).problems == []


def test_inline_code_may_name_a_flag_without_its_value(help):
    assert check_command(help, "docker stop -t", partial=True).problems == []
    assert "-t needs a value" in check_command(help, "docker stop -t").problems


# the material


def problems_of(help, shown: Shown) -> list[str]:
    """What the CLI would refuse in a line; a deprecated flag is fine where the text says so."""
    problems = check_command(help, shown.line, shown.partial).problems
    return [p for p in problems if not (" is deprecated: " in p and shown.says_deprecated)]


def test_every_docker_command_line_in_the_material_is_accepted_by_the_cli(help, shown):
    wrong = [
        f"{s.where}: {s.line}: {'; '.join(problems)}"
        for s in shown
        if not s.marked_wrong and (problems := problems_of(help, s))
    ]
    assert wrong == []


def test_a_deprecated_flag_passes_only_where_the_text_calls_it_deprecated(help):
    line = "docker stop --time 30 web"
    assert problems_of(help, Shown("x", line, context=f"`{line}` (deprecated)")) == []
    assert problems_of(help, Shown("x", line, context=f"Run `{line}`.")) != []


def test_the_check_covers_the_material(help, shown):
    checked = [check_command(help, s.line, s.partial) for s in shown if not s.marked_wrong]
    assert len(checked) > 2000
    assert sum(c.flags for c in checked) > 1000
    assert {s.where.split("/")[0] for s in shown} == {"content", "quiz"}
    assert sum(c.command is not None for c in checked) / len(checked) > 0.99


def test_a_line_marked_wrong_in_a_topic_really_is(help, shown):
    marked = [s for s in shown if s.marked_wrong and s.where.startswith("content/")]
    assert marked
    assert [s.line for s in marked if not check_command(help, s.line, s.partial).problems] == []


# the command topics' option data


def test_each_command_topic_names_real_commands_and_every_alias(help, command_topics):
    problems = []
    for doc in command_topics:
        spec, page = doc.command, help.page(doc.command.name)
        unknown = [name for name in spec.names if help.page(name) is None]
        missing = set(page.aliases) - set(spec.names) if page else set()
        if unknown or missing:
            problems.append(f"{doc.slug}: unknown {unknown}, aliases not listed {sorted(missing)}")
    assert problems == []


def _flag_problem(option, flag, written: str) -> str | None:
    """What is wrong with one listed spelling of an option, against the CLI's flag."""
    if bool(option.value) != flag.takes_value:
        return f"{written}: topic value {option.value!r}, CLI type {flag.kind}"
    if flag.deprecated and "deprecated" not in option.help.lower():
        return f"{written} is deprecated: its help must say so"
    if written in option.flags and not flag.hidden and set(option.flags) != set(flag.spellings):
        return f"{option.flags}: the CLI spells it {flag.spellings}"
    if written in option.deprecated and not flag.hidden:
        return f"{written} is listed as deprecated but the CLI shows it as current"
    return None


def _option_problems(help, spec) -> list[str]:
    """Flags a topic lists that none of its command's names has, or that differ from the CLI's."""
    pages = [help.page(name) for name in spec.names]
    problems = []
    for option in spec.options:
        for written in (*option.flags, *option.deprecated):
            flag = next((p.flag(written) for p in pages if p.flag(written)), None)
            if flag is None:
                problems += [f"{written} is not a flag of {spec.name}"] * (written != "--help")
            elif problem := _flag_problem(option, flag, written):
                problems.append(problem)
    return problems


def test_each_option_in_the_topics_is_the_clis_with_its_value(help, command_topics):
    problems = [f"{d.slug}: {p}" for d in command_topics for p in _option_problems(help, d.command)]
    assert problems == []


def test_command_topics_list_every_option_of_their_command(help, command_topics):
    missing = []
    for doc in command_topics:
        if doc.command.name in TAUGHT_SELECTIVELY:
            continue
        listed = {flag for option in doc.command.options for flag in option.flags}
        page = help.page(doc.command.name)
        shown_flags = {f.long for f in page.flags.values() if not f.hidden}
        missing += [f"{doc.slug}: {flag}" for flag in sorted(shown_flags - listed)]
    assert missing == []


@pytest.mark.parametrize(
    ("option", "problem"),
    [
        (CommandOption(("-a", "--all"), "Show all.", "what"), "topic value 'what', CLI type None"),
        (CommandOption(("--every",), "Show all."), "--every is not a flag"),
        (CommandOption(("--all",), "Show all."), "the CLI spells it ('-a', '--all')"),
        (CommandOption(("-n", "--last"), "Show n."), "CLI type int"),
    ],
)
def test_the_option_check_catches(help, option, problem):
    spec = CommandSpec("docker container ls", ("docker ps",), options=(option,))
    assert any(problem in p for p in _option_problems(help, spec)), _option_problems(help, spec)


def test_a_deprecated_spelling_must_be_the_clis_and_said_so(help):
    said = CommandOption(("-t", "--timeout"), "Seconds (--time is deprecated).", "s", ("--time",))
    unsaid = CommandOption(("-t", "--timeout"), "Seconds.", "s", ("--time",))
    assert _option_problems(help, CommandSpec("docker container stop", options=(said,))) == []
    assert _option_problems(help, CommandSpec("docker container stop", options=(unsaid,)))
