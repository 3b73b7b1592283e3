"""Command lines that parse but whose values do not mean what the learner meant: an image pushed
without an account in its name, a memory size without a unit, ports published beside the host's
network, `docker cp` without a container side, bash asked of an Alpine or BusyBox image, a
development server published but left listening on localhost, and a shell built-in run as a
program."""

from __future__ import annotations

import re

from ..knowledge.commands import ParsedCommand, ParsedOption, parse_image_reference, split_words
from .listen_rules import loopback_server
from .mistake import Mistake, shell_line

_SIZES = ("--memory", "--memory-swap", "--memory-reservation", "--shm-size")
_PUBLISH = ("--publish", "--publish-all")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")  # C:\data is a path on the host, not CONTAINER:PATH
_NO_BASH = re.compile(r"^(alpine|busybox)$|-alpine|^alpine")  # a repository or a tag
# A tag, a version or a compound name: "docker push denied" is a title, not a command.
_IMAGE_LIKE = re.compile(r"[:._\d-]")
_PATH_LIKE = re.compile(r"[./\\~]")  # "docker cp into container" names no paths
MEBIBYTE = 1024 * 1024


def _given(parsed: ParsedCommand, flags: tuple[str, ...]) -> list[ParsedOption]:
    return [o for o in parsed.options if o.option and o.option.flags[-1] in flags]


def push_without_account(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """`docker push myapp:1.0`: a name with no account goes to Docker Hub's official images."""
    if parsed.slug != "docker-image-push" or len(parsed.arguments) != 1:
        return None
    name = parsed.arguments[0]
    if "/" in name or name.startswith("$") or not _IMAGE_LIKE.search(name):
        return None
    ours = f"YOUR_USER/{name}"
    return Mistake(
        "push-without-account",
        f"`{name}` has no account or registry in front of it, so docker pushes it to "
        f"`docker.io/library/{name.split(':')[0]}`, where only Docker's official images live, "
        'and the registry refuses ("denied: requested access to the resource is denied"). Tag '
        f"it with your Docker Hub user name first, `docker tag {name} {ours}`, and push that.",
        shell_line([w if w != name else ours for w in words]),
    )


def size_without_unit(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """`-m 512`: a size without a unit counts bytes."""
    for given in _given(parsed, _SIZES):
        value = given.value or ""
        if value.isdigit() and int(value) < MEBIBYTE:
            fixed = [f"{value}m" if w == value else w for w in words]
            fixed = [w.replace(f"={value}", f"={value}m") for w in fixed]
            return Mistake(
                "size-without-unit",
                f"`{given.written} {value}` has no unit, so docker reads it as {value} bytes "
                '(a memory limit that small is refused: "Minimum memory limit allowed is 6MB"). '
                f"Write the unit: `{value}m` for MiB, `{value}g` for GiB.",
                shell_line(fixed),
            )
    return None


def ports_with_host_network(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """`--network host -p 8080:80`: on the host's network there is nothing to publish."""
    network = next((o for o in _given(parsed, ("--network",)) if o.value == "host"), None)
    published = _given(parsed, _PUBLISH)
    if network is None or not published:
        return None
    dropped = {o.written for o in published} | {o.value for o in published if o.value}
    kept = _without_options(words, published)
    return Mistake(
        "ports-with-host-network",
        f"With `{network.written} host` the container shares the host's network, so there is "
        f'nothing to publish: docker ignores `{" ".join(sorted(dropped))}` ("WARNING: Published '
        'ports are discarded when using host network mode"), and the program answers on the '
        "port it listens on itself. Keep one of the two: `-p` on the default network, or host "
        "networking without `-p`.",
        shell_line(kept),
    )


def _without_options(words: list[str], options: list[ParsedOption]) -> list[str]:
    """The words without the given options and their values (`-p 80:80`, `-p=80:80`, `-P`)."""
    kept, skip = [], False
    written = {o.written: o for o in options}
    for word in words:
        if skip:
            skip = False
            continue
        name = word.split("=", 1)[0]
        if name in written:
            skip = "=" not in word and bool(written[name].value)
            continue
        kept.append(word)
    return kept


def copy_without_container(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """`docker cp app.py web/app/`: neither side says which container (`CONTAINER:PATH`)."""
    if parsed.slug != "docker-container-cp" or len(parsed.arguments) != 2:
        return None
    sides = [a for a in parsed.arguments if a != "-"]
    if len(sides) < 2 or any(":" in _DRIVE.sub("", side) for side in sides):
        return None
    if not all(_PATH_LIKE.search(side) for side in sides):
        return None
    source, target = sides
    return Mistake(
        "copy-without-container",
        f"Neither `{source}` nor `{target}` names a container, so `docker cp` has nothing to "
        'copy from or to ("must specify at least one container source"). Write the container '
        f"side as `CONTAINER:PATH`, with the colon: `docker cp {source} web:/app/` copies into "
        f"the container `web`, and `docker cp web:/app/log.txt .` copies out of it.",
        None,
    )


def bash_in_alpine(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """`docker run -it alpine bash`: Alpine and BusyBox images have sh, not bash."""
    if parsed.slug != "docker-container-run" or len(parsed.arguments) < 2:
        return None
    image, command = parsed.arguments[0], parsed.arguments[1]
    if command not in ("bash", "/bin/bash"):
        return None
    reference = parse_image_reference(image)
    name = reference.repository.rsplit("/", 1)[-1]
    if not (_NO_BASH.search(name) or _NO_BASH.search(reference.tag or "")):
        return None
    return Mistake(
        "bash-in-alpine",
        f"`{image}` is built on Alpine or BusyBox, which have no bash: the container fails with "
        f'"exec: \\"{command}\\": executable file not found in $PATH". Their shell is `sh`.',
        shell_line([("sh" if w == command else w) for w in words]),
    )


def server_on_loopback(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """`docker run -p 5000:5000 app flask run`: published, but the server listens on localhost."""
    if parsed.slug != "docker-container-run" or len(parsed.arguments) < 2:
        return None
    if not _given(parsed, _PUBLISH):
        return None
    command = " ".join(parsed.arguments[1:])
    env = " ".join(o.value or "" for o in _given(parsed, ("--env",)))
    fixed = loopback_server(command, env, image_unseen=True)
    if fixed is None:
        return None
    head = words[: len(words) - len(parsed.arguments) + 1]
    return Mistake(
        "server-on-loopback",
        f"`{command}` starts a server that listens only on localhost inside the container, and "
        "published ports arrive on the container's network interface, not its localhost: from "
        'your machine it answers "connection refused" or "empty reply". Make it listen on '
        "0.0.0.0.",
        shell_line([*head, *split_words(fixed)]),
    )


_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=\S*")
# Shell built-ins: no program of that name exists in an image, so docker's "run this program"
# fails; what each is usually meant for, done with docker's own options.
_BUILTINS = {
    "export": "set a variable for the container with `-e NAME=value`",
    "set": "set a variable for the container with `-e NAME=value`",
    "cd": "start in another directory with `-w /path`",
    "source": "run the line through a shell, `sh -c '. ./env.sh && ...'`",
    "alias": "run the line through a shell, `sh -c '...'`",
}


def builtin_as_command(parsed: ParsedCommand, words: list[str]) -> Mistake | None:
    """`docker run image export X=1` or `docker exec web cd /app`: a shell built-in as the
    container's program."""
    if parsed.slug not in ("docker-container-run", "docker-container-exec"):
        return None
    if len(parsed.arguments) < 2 or parsed.arguments[1] not in _BUILTINS:
        return None
    builtin = parsed.arguments[1]
    assigned = [a for a in parsed.arguments[2:] if _ASSIGNMENT.fullmatch(a)]
    meant, corrected = _BUILTINS[builtin], None
    if builtin in ("export", "set") and assigned:
        meant = "pass it with " + ", ".join(f"`-e {a}`" for a in assigned)
        head = words[: len(words) - len(parsed.arguments)]  # up to the image or container
        corrected = shell_line(
            [*head, *(w for a in assigned for w in ("-e", a)), parsed.arguments[0]]
        )
    place = "image" if "run" in parsed.slug else "container"
    return Mistake(
        "builtin-as-command",
        f"`{builtin}` is built into the shell, not a program, and docker starts the command after "
        f'the {place} name without a shell, so it fails with exec: "{builtin}": executable file '
        f"not found in $PATH. To do what you meant, {meant}.",
        corrected,
    )


RULES = (
    push_without_account,
    size_without_unit,
    ports_with_host_network,
    copy_without_container,
    bash_in_alpine,
    server_on_loopback,
    builtin_as_command,
)
