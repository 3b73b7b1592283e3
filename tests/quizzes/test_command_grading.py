"""Command answers are graded by meaning: aliases, flag order, combined short flags, --name=x and
quoting do not matter; a different flag, argument or command does, with a hint saying which."""

from __future__ import annotations

import contextlib
import functools
import shlex

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shipshape.knowledge.catalog import Catalog
from shipshape.knowledge.commands import CommandSyntaxError
from shipshape.knowledge.files import topic_files
from shipshape.knowledge.topicfile import parse_topic
from shipshape.quizzes.bank import parse_bank
from shipshape.quizzes.command_grading import CommandContext, grade_command
from tests.conftest import PROJECT
from tests.knowledge.docker_help import load as load_docker_help

# Nothing here touches the database: the PostgreSQL run of the suite skips it.
pytestmark = pytest.mark.database_independent

PS_FORMS = ["docker ps", "docker container ls", "docker container list", "docker container ps"]
# docker ps flags: (short form or None, long form)
PS_FLAGS = {"all": ("-a", "--all"), "quiet": ("-q", "--quiet"), "size": ("-s", "--size")}
PS_FLAGS["no-trunc"] = (None, "--no-trunc")
OTHER_PS_FLAGS = {"latest": ("-l", "--latest")}
NAMES = st.from_regex(r"[a-z][a-z0-9]{2,8}", fullmatch=True)


@pytest.fixture(scope="module")
def ctx() -> CommandContext:
    """The command context of the bundled topics, read straight from content/ once."""
    docs = [parse_topic(p.read_text(), p.stem) for p in topic_files(PROJECT / "content")]
    catalog = Catalog.build(docs)
    return CommandContext(catalog.specs, catalog.commands)


def same(ctx: CommandContext, expected: str, given: str) -> bool:
    return grade_command(expected, given, ctx)[0]


def test_context_matches_the_apps_library(ctx, library):
    assert ctx.phrases == library.catalog.commands
    assert set(ctx.specs) == set(library.catalog.specs)


# spelling that does not matter


@pytest.mark.parametrize(
    "given",
    [
        "docker ps -a",
        "docker ps --all",
        "docker container ls -a",
        "docker container ls --all",
        "docker container list --all",
        "docker container list -a",
        "docker container ps -a",
        "  docker   ps   -a  ",
        "$ docker ps -a",
        "sudo docker ps -a",
        "`docker ps -a`",
    ],
)
def test_aliases_and_long_flags_are_the_same_command(ctx, given):
    assert grade_command("docker ps -a", given, ctx) == (True, "Right.")


def test_the_expected_line_may_itself_use_any_alias(ctx):
    assert same(ctx, "docker container list --all", "docker ps -a")


@pytest.mark.parametrize(
    ("expected", "given"),
    [
        ("docker ps -a -q", "docker ps -q -a"),
        ("docker ps -a -q -s", "docker ps -s --quiet -a"),
        (
            "docker run -d --name web -p 8080:80 nginx",
            "docker run -p 8080:80 --name web -d nginx",
        ),
    ],
)
def test_flag_order_is_free(ctx, expected, given):
    assert same(ctx, expected, given)


@pytest.mark.parametrize("given", ["docker ps -aq", "docker ps -qa", "docker ps -a -q"])
def test_combined_short_flags_equal_separate_ones(ctx, given):
    assert same(ctx, "docker ps -a -q", given)
    assert same(ctx, "docker ps -aq", given)


def test_combined_short_flags_may_end_with_one_taking_a_value(ctx):
    assert same(ctx, "docker run -d -p 8080:80 nginx", "docker run -dp 8080:80 nginx")
    assert same(ctx, "docker run -i -t ubuntu bash", "docker run -ti ubuntu bash")


@pytest.mark.parametrize(
    "given", ["docker ps -n 5", "docker ps -n5", "docker ps --last 5", "docker ps --last=5"]
)
def test_a_flag_value_may_be_attached_or_separate(ctx, given):
    assert same(ctx, "docker ps -n 5", given)
    assert not same(ctx, "docker ps -n 3", given)


def test_a_flag_after_the_image_belongs_to_the_containers_command(ctx):
    assert not same(ctx, "docker run -d nginx", "docker run nginx -d")


@pytest.mark.parametrize("given", ["docker run --name=web nginx", "docker run --name web nginx"])
def test_name_equals_value_equals_name_space_value(ctx, given):
    assert same(ctx, "docker run --name web nginx", given)
    assert same(ctx, "docker run --name=web nginx", given)


@pytest.mark.parametrize(
    "given",
    [
        "docker run -e 'A=b c' nginx",
        'docker run -e "A=b c" nginx',
        "docker run -e A='b c' nginx",
        "docker run --env 'A=b c' nginx",
        "docker run --env='A=b c' nginx",
    ],
)
def test_quoting_style_does_not_matter(ctx, given):
    assert same(ctx, 'docker run -e "A=b c" nginx', given)


def test_quoting_that_changes_the_words_matters(ctx):
    assert not same(ctx, 'docker run -e "A=b c" nginx', "docker run -e A=b c nginx")


# differences that matter, with hints


def test_missing_flag_is_a_near_miss_naming_the_flag(ctx):
    ok, hint = grade_command("docker ps -a", "docker ps", ctx)
    assert not ok
    assert "Right command" in hint
    assert "missing `-a/--all`" in hint
    assert "Expected: `docker ps -a`" in hint


def test_extra_flag_is_named_as_not_belonging(ctx):
    ok, hint = grade_command("docker ps -a", "docker ps -a -q", ctx)
    assert not ok
    assert "`--quiet` does not belong here" in hint


def test_unknown_flag_is_named(ctx):
    ok, hint = grade_command("docker ps -a", "docker ps -a --bogus", ctx)
    assert not ok
    assert "`--bogus` is not an option" in hint


def test_wrong_value_is_named(ctx):
    ok, hint = grade_command("docker run --name web nginx", "docker run --name db nginx", ctx)
    assert not ok
    assert "`--name` should be given `web`" in hint


def test_wrong_argument_is_named(ctx):
    ok, hint = grade_command("docker stop web", "docker stop db", ctx)
    assert not ok
    assert "the arguments should be `web`" in hint


def test_a_different_command_says_so(ctx):
    ok, hint = grade_command("docker ps -a", "docker images -a", ctx)
    assert not ok
    assert "`docker images` is `docker image ls`, a different command" in hint
    assert "Expected: `docker ps -a`" in hint


@pytest.mark.parametrize("given", ["docker ps 'unclosed", "podman ps -a", "ls -la", ""])
def test_unreadable_lines_are_wrong_and_show_the_expected_command(ctx, given):
    ok, hint = grade_command("docker ps -a", given, ctx)
    assert not ok
    assert "Expected: `docker ps -a`" in hint


# properties


@st.composite
def written_flags(draw, names: list[str]) -> str:
    """The flags in a random order, each short or long, runs of short ones maybe combined."""
    order = draw(st.permutations(names))
    words: list[str] = []
    for name in order:
        short, long = {**PS_FLAGS, **OTHER_PS_FLAGS}[name]
        if short and draw(st.booleans()):
            if words and words[-1][:2] != "--" and words[-1][:1] == "-" and draw(st.booleans()):
                words[-1] += short[1:]
            else:
                words.append(short)
        else:
            words.append(long)
    return " ".join(words)


@st.composite
def ps_line(draw, names: list[str]) -> str:
    return f"{draw(st.sampled_from(PS_FORMS))} {draw(written_flags(names))}".strip()


SUBSETS = st.lists(st.sampled_from(sorted(PS_FLAGS)), unique=True)


def canonical(names) -> str:
    return " ".join(["docker ps", *(PS_FLAGS[n][1] for n in sorted(names))])


@settings(max_examples=60, deadline=None)
@given(data=st.data(), names=SUBSETS)
def test_equivalent_forms_always_grade_equal(ctx, data, names):
    line = data.draw(ps_line(names))
    assert grade_command(canonical(names), line, ctx) == (True, "Right.")
    assert grade_command(line, canonical(names), ctx) == (True, "Right.")


@settings(max_examples=60, deadline=None)
@given(data=st.data(), names=SUBSETS.filter(bool))
def test_dropping_a_flag_is_never_equal(ctx, data, names):
    dropped = data.draw(st.sampled_from(names))
    line = data.draw(ps_line([n for n in names if n != dropped]))
    ok, hint = grade_command(canonical(names), line, ctx)
    assert not ok
    assert f"missing `{'/'.join(f for f in PS_FLAGS[dropped] if f)}`" in hint


@settings(max_examples=60, deadline=None)
@given(data=st.data(), names=SUBSETS)
def test_adding_a_different_flag_is_never_equal(ctx, data, names):
    spare = sorted(set(PS_FLAGS) - set(names)) + sorted(OTHER_PS_FLAGS)
    added = data.draw(st.sampled_from(spare))
    line = data.draw(ps_line([*names, added]))
    ok, hint = grade_command(canonical(names), line, ctx)
    assert not ok
    assert "does not belong here" in hint


@settings(max_examples=60, deadline=None)
@given(data=st.data(), names=SUBSETS, container=NAMES)
def test_adding_an_argument_is_never_equal(ctx, data, names, container):
    line = f"{data.draw(ps_line(names))} {container}"
    assert not same(ctx, canonical(names), line)


@settings(max_examples=60, deadline=None)
@given(expected=NAMES, given_name=NAMES)
def test_a_different_container_name_is_never_equal(ctx, expected, given_name):
    ok = same(ctx, f"docker stop {expected}", f"docker container stop {given_name}")
    assert ok is (expected == given_name)


@settings(max_examples=60, deadline=None)
@given(name=NAMES, other=NAMES, equals=st.booleans())
def test_name_value_forms_agree_for_any_name(ctx, name, other, equals):
    written = f"--name={other}" if equals else f"--name {other}"
    ok = same(ctx, f"docker run -d --name {name} nginx", f"docker run {written} -d nginx")
    assert ok is (name == other)


# what Docker itself treats as the same command


@pytest.mark.parametrize(
    "given",
    [
        "docker pull --platform linux/amd64 konard/hive-mind",
        "docker pull --platform=linux/amd64 docker.io/konard/hive-mind:latest",
        "docker image pull konard/hive-mind:latest --platform linux/amd64",
    ],
)
def test_an_image_name_without_a_tag_means_latest(ctx, given):
    assert same(ctx, "docker pull --platform linux/amd64 konard/hive-mind:latest", given)


@pytest.mark.parametrize(
    "given",
    ["docker run -d docker.io/library/nginx", "docker run -d nginx:latest", "docker run -d nginx"],
)
def test_docker_hubs_official_images_may_be_written_in_full(ctx, given):
    assert same(ctx, "docker run -d docker.io/library/nginx:latest", given)
    assert same(ctx, "docker run -d nginx", given)


def test_both_images_of_a_tag_are_read_as_docker_reads_them(ctx):
    assert same(ctx, "docker tag myapp:latest docker.io/ana/myapp", "docker tag myapp ana/myapp")


@pytest.mark.parametrize(
    ("expected", "given"),
    [
        ("docker pull nginx", "docker pull nginx:1.27"),
        ("docker pull nginx", "docker pull ghcr.io/nginx"),
        ("docker save -o n.tar nginx", "docker save -o n.tar nginx:latest"),  # every tag
        ("docker pull -a nginx", "docker pull -a nginx:latest"),
        ("docker images nginx", "docker images nginx:latest"),  # a filter on the repository
        ("docker run -d nginx sh", "docker run -d nginx sh:latest"),  # the command, not an image
    ],
)
def test_a_tag_is_only_implied_where_docker_implies_it(ctx, expected, given):
    assert not same(ctx, expected, given)


@pytest.mark.parametrize(
    "given",
    [
        "docker info --format '{{ .DockerRootDir }}'",
        "docker info --format='{{.DockerRootDir}}'",
        "docker system info -f '{{  .DockerRootDir}}'",
    ],
)
def test_spaces_inside_a_template_action_do_not_matter(ctx, given):
    key = "docker info --format '{{.DockerRootDir}}'"
    assert grade_command(key, given, ctx) == (True, "Right.")


def test_a_templates_trim_markers_and_fields_still_matter(ctx):
    expected = "docker inspect -f '{{.State.Status}}' web"
    assert same(ctx, expected, "docker inspect -f '{{ .State.Status }}' web")
    assert not same(ctx, expected, "docker inspect -f '{{- .State.Status}}' web")
    assert not same(ctx, expected, "docker inspect -f '{{.State.Running}}' web")


@pytest.mark.parametrize(
    "given",
    [
        "docker stop --time 30 web",
        "docker stop --time=30 web",
        "docker stop --timeout 30 web",
        "docker container stop -t30 web",
    ],
)
def test_a_deprecated_spelling_docker_still_accepts_is_right(ctx, given):
    assert grade_command("docker stop -t 30 web", given, ctx) == (True, "Right.")
    assert not same(ctx, "docker stop -t 10 web", given)


def test_deprecated_spellings_in_the_topics_are_the_clis():
    help = load_docker_help()
    for doc in (parse_topic(p.read_text(), p.stem) for p in topic_files(PROJECT / "content")):
        for option in doc.command.options if doc.command else ():
            for flag in option.deprecated:
                assert help.page(doc.command.name).flag(flag).deprecated, (doc.slug, flag)


# every quiz key, however it is spelled


@functools.cache
def quiz_keys() -> list[str]:
    docs = [parse_bank(p.read_text(), p.stem) for p in sorted((PROJECT / "quiz").glob("*.yaml"))]
    return [str(q.answer) for doc in docs for q in doc.questions if q.type == "command"]


@st.composite
def respelled(draw, parsed) -> str:
    """The same command: any of its names, flags in any order, short or long, `=` or a space."""
    words = shlex.split(draw(st.sampled_from(parsed.spec.names)))
    for item in draw(st.permutations(parsed.options)):
        flag = draw(st.sampled_from([*item.option.flags, *item.option.deprecated]))
        if item.value is None:
            words.append(flag)
        elif draw(st.booleans()):
            words.append(f"{flag}={item.value}" if flag.startswith("--") else flag + item.value)
        else:
            words += [flag, item.value]
    return shlex.join([*words, *parsed.arguments])


def readable_keys(ctx: CommandContext) -> list[str]:
    """The keys naming a command with a topic (`docker image --help` is compared word by word)."""
    readable = []
    for key in quiz_keys():
        with contextlib.suppress(CommandSyntaxError):
            ctx.parse(key)
            readable.append(key)
    return readable


def test_nearly_every_quiz_key_names_a_command_topic(ctx):
    assert len(quiz_keys()) > 50
    assert len(readable_keys(ctx)) / len(quiz_keys()) > 0.9


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_quiz_keys_equivalent_spellings_are_accepted(ctx, data):
    key = data.draw(st.sampled_from(readable_keys(ctx)))
    line = data.draw(respelled(ctx.parse(key)))
    assert grade_command(key, line, ctx) == (True, "Right."), line
