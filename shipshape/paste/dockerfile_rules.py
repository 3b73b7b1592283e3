"""The teaching rules hadolint lacks: docker run options in CMD, EXPOSE taken for publishing,
files hidden under a VOLUME, COPY of everything before installing dependencies, `apt-get update`
cached apart from its install, variables in exec form and its two other slips, and packages
installed after USER switched away from root; with the rules on build arguments
(build_arg_rules), on what COPY can reach (copy_rules), on what a command leaves behind when it
ends (shell_rules), on what the base image has and how CMD joins ENTRYPOINT (base_image_rules)
on what a layer keeps (layer_rules) and on servers left listening on localhost (listen_rules)."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from contextlib import suppress
from itertools import pairwise

from . import (
    base_image_rules,
    build_arg_rules,
    copy_rules,
    layer_rules,
    listen_rules,
    shell_rules,
)
from .dockerfile_parse import Instruction
from .raw_finding import (
    COMMANDS,
    VARIABLE,
    RawFinding,
    base_image,
    below_user,
    exec_form_programs,
    stage_names,
    stages,
)

_RUN_OPTION = re.compile(
    r"(^|\s)(-p|--publish)[\s=]+\d+:\d+|(^|\s)(-v|--volume)[\s=]+\S+:/|\bdocker\s+run\b"
)
_INSTALLS = re.compile(
    r"\b(npm (install|ci)|yarn( install)?$|yarn install|pnpm install|pip3? install -r|"
    r"poetry install|bundle install|composer install|go mod download|go build|mvn\b|"
    r"gradle\b|cargo build|dotnet (restore|build|publish))",
    re.I,
)
_MANIFESTS = re.compile(
    r"package(-lock)?\.json|package\*\.json|yarn\.lock|pnpm-lock|requirements.*\.txt|"
    r"pyproject\.toml|poetry\.lock|Gemfile|composer\.(json|lock)|go\.(mod|sum)|pom\.xml|"
    r"build\.gradle|Cargo\.(toml|lock)|\.csproj|setup\.py",
    re.I,
)


def _single(item: Instruction) -> bool:
    return item.line == item.end_line


def _exec_form(words: list[str]) -> str:
    return json.dumps(words)


def _options_in_cmd(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    found = []
    for item in instructions:
        if item.cmd in ("CMD", "ENTRYPOINT") and _RUN_OPTION.search(" ".join(item.value)):
            found.append(RawFinding(
                "SS101", item.line,
                f"`{item.cmd}` carries options of `docker run` (`{' '.join(item.value)}`).",
            ))  # fmt: skip
    return found


def _expose(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    found = []
    for item in instructions:
        if item.cmd != "EXPOSE":
            continue
        mapped = [v for v in item.value if re.fullmatch(r"\d+:\d+(/\w+)?", v)]
        if mapped:
            fixed = " ".join(v.split(":", 1)[1] if v in mapped else v for v in item.value)
            found.append(RawFinding("SS102", item.line, f"`EXPOSE {' '.join(item.value)}` tries "
                                    "to map a host port.", f"EXPOSE {fixed}"))  # fmt: skip
        else:
            found.append(RawFinding("SS103", item.line, "EXPOSE does not publish the port."))
    return found


def _volume_paths(item: Instruction) -> list[str]:
    words = item.value if item.json else [w for v in item.value for w in v.split()]
    return [w.rstrip("/") or "/" for w in words if w.startswith("/")]


def _writes_under(item: Instruction, path: str) -> bool:
    if item.cmd in ("COPY", "ADD") and item.value:
        target = item.value[-1].rstrip("/")
        return target == path or target.startswith(path + "/")
    return item.cmd == "RUN" and re.search(rf"(^|[\s>=]){re.escape(path)}(/|\s|$)", item.shell)


def _volume_hides(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    found = []
    for stage in stages(instructions):
        for i, item in enumerate(stage):
            if item.cmd != "VOLUME":
                continue
            for path in _volume_paths(item):
                before = [
                    x for x in stage[:i] if x.cmd in ("COPY", "ADD") and _writes_under(x, path)
                ]
                after = [x for x in stage[i + 1 :] if _writes_under(x, path)]
                if before or after:
                    lines = ", ".join(str(x.line) for x in (*before, *after))
                    found.append(RawFinding("SS104", item.line, f"`VOLUME {path}` covers files "
                                            f"written there on line {lines}."))  # fmt: skip
    return found


def _copy_all_before_install(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    found = []
    for stage in stages(instructions):
        for i, item in enumerate(stage):
            from_elsewhere = any(f.startswith("--from") for f in item.flags)
            if item.cmd not in ("COPY", "ADD") or from_elsewhere or len(item.value) != 2:
                continue
            if item.value[0] not in (".", "./"):
                continue
            earlier = " ".join(" ".join(x.value) for x in stage[:i] if x.cmd in ("COPY", "ADD"))
            install = next((x for x in stage[i + 1 :] if x.cmd == "RUN"
                            and _INSTALLS.search(x.shell)), None)  # fmt: skip
            if install is not None and not _MANIFESTS.search(earlier):
                found.append(RawFinding("SS105", item.line, f"`{item.cmd} . {item.value[1]}` comes "
                                        f"before the install on line {install.line}."))  # fmt: skip
    return found


_OPTIONS_ONLY = r"(\s+--?[\w-]+(=\S+)?)*\s*($|&&|;|\|)"  # `npm ci --omit=dev`, no package named
# An install command, the files it reads its list from, and the list's name.
_MANIFEST_OF = (
    (re.compile(rf"\b(npm (ci|install|i)|pnpm install|yarn( install)?){_OPTIONS_ONLY}"),
     re.compile(r"package"), "package.json"),
    (re.compile(r"\bpip3? install\b.*\s-r\s*(\S+)"), None, ""),
    (re.compile(r"\bbundle install\b"), re.compile(r"Gemfile"), "Gemfile"),
    (re.compile(r"\bcomposer install\b"), re.compile(r"composer"), "composer.json"),
    (re.compile(r"\bgo mod download\b"), re.compile(r"go\.mod"), "go.mod"),
)  # fmt: skip


def _install_before_manifest(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`RUN npm install` (or `pip install -r requirements.txt`) before any COPY brings the
    dependency list into the image: the install reads the image's files, not the project's."""
    found = []
    named = stage_names(instructions)
    for stage in stages(instructions):
        if base_image(stage) in named:
            continue  # built on an earlier stage, which may hold the list
        copied = ""
        for item in stage:
            if item.cmd in ("COPY", "ADD"):
                copied += " " + " ".join(item.value[:-1])
            elif item.cmd == "RUN" and not item.heredocs:
                missing = _missing_manifest(item.shell, copied)
                if missing:
                    message = f"Line {item.line} installs from `{missing}` before a COPY brings it."
                    found.append(RawFinding("SS133", item.line, message))
                    break
    return found


def _missing_manifest(command: str, copied: str) -> str | None:
    """The dependency list an install in this command reads and no COPY so far brought in."""
    if re.search(r"(^|\s)\./?(\s|$)", copied):
        return None  # the whole context was copied
    for install, manifest, name in _MANIFEST_OF:
        used = install.search(command)
        if not used:
            continue
        if manifest is None:  # pip's -r names its file
            name = used.group(1).rsplit("/", 1)[-1]
            return None if name in copied else name
        return None if manifest.search(copied) else name
    return None


def _update_alone(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    found = []
    for stage in stages(instructions):
        runs = [x for x in stage if x.cmd == "RUN"]
        for item, following in pairwise(runs):
            text = item.shell
            if "apt-get update" in text and "install" not in text and "apt-get" in following.shell:
                fix = None
                if _single(item) and _single(following):
                    install = re.sub(r"\bapt-get install\b(?!.*\s-y\b)", "apt-get install -y",
                                     following.shell.strip())  # fmt: skip
                    fix = f"RUN {text.strip()} && {install}"
                message = (
                    f"`apt-get update` runs in a RUN of its own, apart from line {following.line}."
                )
                found.append(RawFinding("SS106", item.line, message, fix))
    return found


def _export_in_run(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    found = []
    for item in instructions:
        exported = (
            re.fullmatch(r"\s*export\s+(\w+)=(\S*)\s*", item.shell) if item.cmd == "RUN" else None
        )
        if exported:
            name, value = exported.groups()
            message = f"`RUN export {name}=…` sets `{name}` only for that RUN's shell."
            found.append(RawFinding("SS107", item.line, message, f"ENV {name}={value}"))
    return found


def _variable_in_exec_form(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`CMD ["ls", "$DIR"]`: no shell runs an exec-form line, so nothing expands `$DIR`."""
    found = []
    for item in exec_form_programs(instructions):
        named = next((m.group(0) for w in item.value for m in [VARIABLE.search(w)] if m), None)
        if named is None:
            continue
        fix = None
        plain = not any(c in w for w in item.value for c in " \t'\"\\;|&")
        if plain and item.cmd != "ENTRYPOINT":  # through sh -c, it would drop CMD's arguments
            fix = f"{item.cmd} {_exec_form(['sh', '-c', ' '.join(item.value)])}"
        message = (
            f"`{named}` on line {item.line} is in exec form: it reaches the program as written."
        )
        found.append(RawFinding("SS108", item.line, message, fix))
    return found


def _exec_form_slips(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`CMD ["npm start"]` (one string for the whole command) and `CMD ['node', 'app.js']`
    (single quotes: no JSON, so Docker runs the text through /bin/sh)."""
    found = []
    for item in instructions:
        if item.cmd not in COMMANDS:
            continue
        if item.json and len(item.value) == 1 and " " in item.value[0].strip():
            words = item.value[0].split()
            message = f"`{item.value[0]}` on line {item.line} is one element, one program name."
            found.append(RawFinding("SS111", item.line, message, f"{item.cmd} {_exec_form(words)}"))
        elif not item.json and item.shell.lstrip().startswith("[") and "'" in item.shell:
            fix = None
            with suppress(ValueError):
                words = json.loads(item.shell.replace("'", '"'))
                fix = f"{item.cmd} {_exec_form(words)}"
            message = f"Line {item.line} uses single quotes, so it is not exec form."
            found.append(RawFinding("SS112", item.line, message, fix))
    return found


_INSTALLS_AS_ROOT = re.compile(
    r"\b(apt-get|apt|apk|yum|dnf|microdnf|zypper)\s+(-\S+\s+)*(install|add|update|upgrade)\b"
)


def _install_after_user(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """`USER app`, then `RUN apt-get install …`: the package manager needs root."""
    found = []
    for stage in stages(instructions):
        for item, user in below_user(stage):
            if item.cmd == "RUN" and user and _INSTALLS_AS_ROOT.search(item.shell):
                message = f"Line {item.line} installs packages as `{user}` (USER), not as root."
                found.append(RawFinding("SS116", item.line, message, "USER root"))
    return found


RULES: tuple[Callable[[tuple[Instruction, ...]], list[RawFinding]], ...] = (
    _options_in_cmd, _expose, _volume_hides, _copy_all_before_install, _update_alone,
    _export_in_run, _variable_in_exec_form, _exec_form_slips, _install_after_user,
    _install_before_manifest,
    *build_arg_rules.RULES, *copy_rules.RULES, *shell_rules.RULES, *base_image_rules.RULES,
    *layer_rules.RULES, *listen_rules.RULES,
)  # fmt: skip


def own_findings(instructions: tuple[Instruction, ...]) -> list[RawFinding]:
    """The findings of this project's own rules."""
    return [f for rule in RULES for f in rule(instructions)]


def shell_to_exec(value: str) -> str | None:
    """A shell-form command in exec (JSON) form, when it splits cleanly into words."""
    try:
        words = shlex.split(value)
    except ValueError:
        return None
    if not words or any(c in value for c in "|&;<>$`"):
        return None
    return _exec_form(words)
