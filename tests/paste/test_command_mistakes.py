"""The mistake in a command line is named from the command topics' own synopsis and options."""

import pytest

from shipshape.paste.command_mistakes import find_mistakes
from shipshape.paste.mistake import TAUGHT

pytestmark = pytest.mark.database_independent


def first(line, library, prompt="", message=""):
    mistakes = find_mistakes(line, library.catalog, prompt, message)
    return (mistakes[0].rule, mistakes[0].corrected) if mistakes else (None, None)


@pytest.mark.parametrize(
    "line, corrected",
    [
        ("docker run nginx -p 8080:80", "docker run -p 8080:80 nginx"),
        ("docker run -d xxx:xxx -p 9001:80", "docker run -d -p 9001:80 xxx:xxx"),
        ("docker exec web -it sh", "docker exec -it web sh"),
        ("docker run -it ubuntu:22.04 -v /d:/d", "docker run -it -v /d:/d ubuntu:22.04"),
    ],
)  # fmt: skip
def test_options_after_the_image_are_named_and_moved_before_it(line, corrected, library):
    assert first(line, library) == ("options-after-image", corrected)


def test_a_command_after_the_image_is_no_mistake_even_with_its_own_flags(library):
    assert first("docker run ubuntu ls -la", library) == (None, None)


@pytest.mark.parametrize(
    "line, corrected",
    [
        ("docker run -n web nginx", "docker run --name web nginx"),
        ("docker run --detatch nginx", "docker run --detach nginx"),
        ("docker run --port 8080:80 nginx", "docker run --publish 8080:80 nginx"),
        ("docker run -d -name web nginx", "docker run -d --name web nginx"),
        ("docker run -it -rm -v $PWD:/mnt ubuntu", "docker run -it --rm -v $PWD:/mnt ubuntu"),
    ],
)
def test_an_unknown_flag_is_named_with_the_nearest_real_one(line, corrected, library):
    assert first(line, library) == ("unknown-flag", corrected)


def test_the_nearest_flag_comes_from_the_topic_data_not_a_list(library):
    [mistake] = find_mistakes("docker run -n web nginx", library.catalog)
    spec = library.catalog.specs["docker-container-run"]
    name = next(o for o in spec.options if "--name" in o.flags)
    assert name.help in mistake.message


def test_a_missing_build_context_is_named_and_the_dot_added(library):
    rule, corrected = first("docker build -t myapp", library)
    assert (rule, corrected) == ("missing-build-context", "docker build -t myapp .")


def test_another_missing_argument_is_filled_with_a_placeholder(library):
    assert first("docker exec -it web", library) == ("missing-argument", "docker exec -it web sh")


@pytest.mark.parametrize(
    "line, corrected",
    [
        ("docker build -t MyApp .", "docker build -t myapp ."),
        ("docker pull MyUser/App:Latest", "docker pull myuser/app:Latest"),
        ("docker tag myimage:latest MyImage:v1", "docker tag myimage:latest myimage:v1"),
    ],
)
def test_capitals_in_a_repository_name_are_named_but_a_tag_may_keep_them(line, corrected, library):
    assert first(line, library) == ("uppercase-repository", corrected)


def test_a_tag_with_capitals_is_no_mistake(library):
    assert first("docker run -d izzyliang:Flask-Site", library) == (None, None)


def test_two_commands_run_together_are_named(library):
    assert first("docker run push myname/app", library) == (
        "two-commands",
        "docker push myname/app",
    )


def test_options_typed_before_the_command_are_named(library):
    assert first("docker -t pcehr build .", library) == (
        "option-before-command",
        "docker build -t pcehr .",
    )


def test_output_pasted_after_a_command_is_named(library):
    rule, corrected = first("docker ps CONTAINER ID IMAGE COMMAND", library)
    assert (rule, corrected) == ("pasted-output", "docker ps")


def test_an_id_docker_printed_pasted_back_is_named(library):
    line = "docker run -d --name web nginx " + "e61d1229" * 8
    assert first(line, library) == ("pasted-output", "docker run -d --name web nginx")


@pytest.mark.parametrize(
    "line",
    ["docker inspect --format '{{.Config.Image}}' " + "e61d1229" * 8,
     "docker rm -f " + "e61d1229" * 8,
     "docker logs --tail 50 " + "e61d1229" * 8],
)  # fmt: skip
def test_a_full_id_where_the_command_takes_one_is_no_mistake(library, line):
    assert first(line, library) == (None, None)


def test_an_option_that_swallowed_the_next_one_is_named(library):
    assert first("docker run -it --name -P nginx", library)[0] == "missing-value"


def test_a_copied_prompt_is_named_when_the_shell_said_so(library):
    message = "$ docker ps\nbash: $: command not found"
    assert first("docker ps", library, "$", message)[0] == "copied-prompt"
    assert first("docker ps", library, "$", "$ docker ps") == (None, None)


@pytest.mark.parametrize(
    "line, corrected",
    [
        ("docker run -it \u2013rm ubuntu bash", "docker run -it --rm ubuntu bash"),
        ("docker ps \u2014all", "docker ps --all"),
        ("docker run \u2013it ubuntu", "docker run -it ubuntu"),
        ("docker run -p 8080:80 \u201cnginx\u201d", 'docker run -p 8080:80 "nginx"'),
        ("docker run\u00a0-d nginx", "docker run -d nginx"),
    ],
)
def test_dashes_curly_quotes_and_odd_spaces_from_a_page_are_named_and_typed_again(
    line, corrected, library
):
    assert first(line, library) == ("look-alikes", corrected)


def test_rm_with_a_restart_policy_is_named_and_rm_dropped(library):
    line = "docker run -d --rm --restart always --name web nginx"
    assert first(line, library) == (
        "rm-with-restart",
        "docker run -d --restart always --name web nginx",
    )


def test_rm_with_the_restart_policy_no_is_no_mistake(library):
    assert find_mistakes("docker run --rm --restart no alpine true", library.catalog) == []


def test_look_alikes_are_named_alone_since_the_rest_was_read_from_them(library):
    mistakes = find_mistakes("docker run \u2013d nginx -p 8080:80", library.catalog)
    assert [m.rule for m in mistakes] == ["look-alikes"]
    assert mistakes[0].corrected == "docker run -d nginx -p 8080:80"


@pytest.mark.parametrize(
    "line",
    [
        "docker run -d -p 8080:80 --name web nginx:1.25",
        "docker build -t getting-started .",
        "docker exec -it web sh",
        "docker ps -a",
        'docker run -dp 5000:5000 -w /app -v "$(pwd):/app" app sh -c "flask run"',
        "docker image ls",
        "docker rm -f web db",
    ],
)
def test_correct_lines_raise_no_alarm(line, library):
    assert find_mistakes(line, library.catalog) == []


def test_every_mistake_links_to_a_section_that_exists(library):
    for rule, (slug, anchor) in TAUGHT.items():
        doc = library.catalog.get(slug)
        assert doc is not None, rule
        assert anchor in {s.anchor for s in doc.sections}, rule


def test_a_command_named_in_a_sentence_is_not_taken_for_a_missing_argument(library):
    message = "when I ran `docker stop` on a container, on-failure did not restart it"
    assert find_mistakes("docker stop", library.catalog, message=message, quoted=True) == []
    shortened = "`docker history -q` shows <missing> for the lower layers"
    assert find_mistakes("docker history -q", library.catalog, message=shortened, quoted=True) == []


def test_a_quoted_command_said_to_fail_is_checked_for_a_missing_argument(library):
    message = "I ran `docker build -t myapp` and it fails"
    [mistake] = find_mistakes(
        "docker build -t myapp", library.catalog, message=message, quoted=True
    )
    assert mistake.rule == "missing-build-context"


def test_a_flag_docker_lacks_with_nothing_near_it_is_no_mistake_unless_docker_said_so(library):
    line = "docker run --frobnicate -it ubuntu"
    assert find_mistakes(line, library.catalog) == []
    said = f"{line}\nunknown flag: --frobnicate"
    assert find_mistakes(line, library.catalog, message=said)[0].rule == "unknown-flag"


def test_a_real_flag_the_course_leaves_out_is_no_mistake(library):
    assert find_mistakes("docker run --privileged -it ubuntu", library.catalog) == []


@pytest.mark.parametrize(
    "line",
    ["docker run --rm $IMG sh", 'docker commit web "backup`date +%Y%m%d`"'],
)
def test_an_image_name_the_shell_fills_in_is_not_read_for_capitals(line, library):
    assert first(line, library) == (None, None)


def test_a_line_with_a_flag_the_command_lacks_is_not_told_it_misses_an_argument(library):
    message = "I'd like to have\ndocker stop --rm\nlike docker run has"
    assert first("docker stop --rm", library, message=message) == (None, None)


@pytest.mark.parametrize(
    "line",
    [
        "docker run -d fiorix/freegeoip -http 127.0.0.1:421",  # the program's own Go-style flag
        "docker run -i vs -t",  # a question put tersely
        "docker run -timezone Europe/Berlin ...",  # a sketch, elided
        "docker run <image> -p 80:80",
        "docker build -f",  # a question about the option
        "docker run build create difference",
    ],
)
def test_lines_that_are_sketches_or_terse_questions_name_no_mistake(line, library):
    assert first(line, library) == (None, None)


def test_a_run_of_short_switches_after_the_image_is_still_named(library):
    assert first("docker run ubuntu -it bash", library)[0] == "options-after-image"


def test_words_of_a_sentence_after_a_command_are_not_pasted_output(library):
    assert first("docker commit data container with VOLUME", library) == (None, None)


def test_a_quoted_example_is_not_checked_for_arguments_unless_its_own_sentence_says_it_failed(
    library,
):
    line = "docker run -v srcfile:destfile"
    example = f"Files can be mounted using `{line}`. In a Dockerfile this doesn't work."
    assert find_mistakes(line, library.catalog, message=example, quoted=True) == []
    failed = f"I ran `{line}` and it doesn't work."
    [mistake] = find_mistakes(line, library.catalog, message=failed, quoted=True)
    assert mistake.rule == "missing-argument"
