"""Docker's own output read back in words: each row of `docker ps -a`, `docker images`,
`docker history`, `docker volume ls` and `docker port`, and the command for the likely next
step."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .output_tables import HISTORY, IMAGES, PORT, PS, VOLUMES, TableKind

EXIT_CODES = {
    0: "it finished its work and exited normally",
    1: "the program inside failed with an error of its own",
    2: "the program was started wrongly (a shell's usage error)",
    125: "docker itself could not run it (a bad option or setting)",
    126: "the command exists but could not be executed (permissions, or not a program)",
    127: "the command was not found in the image",
    130: "it was stopped with Ctrl-C (SIGINT)",
    137: "it was killed (SIGKILL): by `docker kill`, by `docker stop` after its 10 s grace, or "
    "because it ran out of memory",
    139: "it crashed with a segmentation fault",
    143: "it was stopped by SIGTERM, usually `docker stop`, and exited cleanly",
}
_STATUS_EXITED = re.compile(r"Exited \((?P<code>-?\d+)\) (?P<when>.+)")
_PORT_MAPPING = re.compile(
    r"(?:(?P<host>[\d.]+|\[?::\]?):)?(?P<hport>\d+)->(?P<cport>\d+)/(?P<proto>\w+)"
)
_ANONYMOUS = re.compile(r"^[0-9a-f]{64}$")
_SIZE = re.compile(r"^(?P<n>[\d.]+)\s*(?P<unit>[kMG]?B)$")
_UNITS = {"B": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}


@dataclass(frozen=True)
class Readback:
    kind: TableKind
    lines: tuple[str, ...]  # Markdown, one per row (or remark)
    next_steps: tuple[str, ...]  # command lines for the likely next thing
    taught_in: tuple[tuple[str, str], ...]  # (topic slug, section anchor)


def _state(status: str) -> str:
    exited = _STATUS_EXITED.match(status)
    if exited:
        code = int(exited.group("code"))
        meaning = EXIT_CODES.get(code, "the program chose that code: its own logs say why")
        return f"stopped {exited.group('when')} with exit code {code}: {meaning}"
    if status.startswith("Up"):
        health = re.search(r"\((healthy|unhealthy|health: starting)\)", status)
        extra = f", and its health check says {health.group(1)}" if health else ""
        paused = " but paused" if "Paused" in status else ""
        return f"running for {status[3:].split(' (')[0]}{paused}{extra}"
    if status.startswith("Restarting"):
        return "crashing and being restarted again and again by its restart policy"
    if status == "Created":
        return "created but never started"
    return status.lower() or "in an unknown state"


def _ports(cell: str) -> str:
    if not cell.strip():
        return "no ports published"
    said = []
    for mapping in dict.fromkeys(m.group(0) for m in _PORT_MAPPING.finditer(cell)):
        m = _PORT_MAPPING.match(mapping)
        where = "only from this machine" if m.group("host") == "127.0.0.1" else "on every address"
        said.append(
            f"host port {m.group('hport')} reaches container port {m.group('cport')} ({where})"
        )
    said = list(dict.fromkeys(said))
    bare = [
        p for p in re.findall(r"(?<![>\d])(\d+/\w+)", cell) if "->" not in cell.split(p)[0][-2:]
    ]
    if not said and bare:
        return f"{', '.join(bare)} exposed but not published: nothing on the host reaches it"
    return "; ".join(said)


def _ps(rows: tuple[dict[str, str], ...]) -> Readback:
    lines, steps = [], []
    for row in rows:
        name, status = row.get("NAMES", "?"), row.get("STATUS", "")
        ports = _ports(row.get("PORTS", ""))
        lines.append(f"**{name}** (from `{row.get('IMAGE', '?')}`): {_state(status)}; {ports}.")
        if status.startswith("Exited") or status.startswith("Restarting"):
            steps.append(f"docker logs {name}")
        if "(137)" in status:
            steps.append(f"docker inspect --format '{{{{.State.OOMKilled}}}}' {name}")
    if not steps and rows:
        steps.append(f"docker logs {rows[0].get('NAMES', 'CONTAINER')}")
    taught = [("docker-container-ls", "list-all-containers-including-stopped-ones"),
              ("container-exit-codes", "find-out-why-a-container-exited")]  # fmt: skip
    if any("(137)" in r.get("STATUS", "") for r in rows):
        taught.append(("container-exit-codes", "exit-code-137-killed-or-out-of-memory"))
    if any(r.get("PORTS") for r in rows):
        taught.append(("expose-vs-publish", "p-publishes-a-port-to-the-host"))
    return Readback(PS, tuple(lines), tuple(dict.fromkeys(steps)), tuple(taught))


def _images(rows: tuple[dict[str, str], ...]) -> Readback:
    lines, dangling = [], 0
    for row in rows:
        repo, tag, size = row.get("REPOSITORY", "?"), row.get("TAG", "?"), row.get("SIZE", "?")
        if repo == "<none>" and tag == "<none>":
            dangling += 1
            lines.append(f"`{row.get('IMAGE ID', '?')}` has no name: a **dangling** image, left "
                         f"behind when a newer build or pull took its name ({size}).")  # fmt: skip
        else:
            lines.append(f"**{repo}:{tag}** is image `{row.get('IMAGE ID', '?')}`, "
                         f"{size} on disk (shared layers counted in each).")  # fmt: skip
    steps = ["docker image prune"] if dangling else []
    named = next((r for r in rows if r.get("REPOSITORY") != "<none>"), None)
    if named:
        steps.append(f"docker run --rm -it {named['REPOSITORY']}:{named.get('TAG', 'latest')}")
    taught = [("docker-image-ls", "list-the-images-on-your-machine")]
    if dangling:
        taught.append(("dangling-images", "what-a-dangling-image-is-and-where-it-comes-from"))
    return Readback(IMAGES, tuple(lines), tuple(steps), tuple(taught))


def _bytes(size: str) -> float:
    m = _SIZE.match(size.strip())
    return float(m.group("n")) * _UNITS[m.group("unit")] if m else 0.0


def _history(rows: tuple[dict[str, str], ...]) -> Readback:
    biggest = max(rows, key=lambda r: _bytes(r.get("SIZE", "")), default=None)
    lines = []
    for row in rows:
        step = " ".join(row.get("CREATED BY", "").replace("/bin/sh -c #(nop)", "").split())
        size = row.get("SIZE", "")
        layer = "a setting, no files" if _bytes(size) == 0 else f"a layer of {size}"
        mark = " — the biggest" if row is biggest and _bytes(size) else ""
        where = (
            " (built elsewhere: `<missing>` means it came with a pulled image)"
            if row.get("IMAGE") == "<missing>"
            else ""
        )
        lines.append(f"`{step or '?'}`: {layer}{mark}{where}.")
    lines.append("The newest step is at the top; the base image's steps are at the bottom.")
    taught = (("docker-image-history", "list-the-layers-of-an-image"),
              ("docker-image-history", "what-missing-means-in-the-image-column"))  # fmt: skip
    image = next((r["IMAGE"] for r in rows if r.get("IMAGE", "<missing>") != "<missing>"), "IMAGE")
    return Readback(HISTORY, tuple(lines), (f"docker history --no-trunc {image}",), taught)


def _volumes(rows: tuple[dict[str, str], ...]) -> Readback:
    lines, anonymous = [], 0
    for row in rows:
        name = row.get("VOLUME NAME", "?")
        if _ANONYMOUS.match(name):
            anonymous += 1
            lines.append(f"`{name[:12]}…` is an **anonymous** volume: made by a `VOLUME` line "
                         "or `-v /path` without a name, so it is easy to lose.")  # fmt: skip
        else:
            lines.append(f"**{name}** is a named volume ({row.get('DRIVER', 'local')} driver): "
                         "its data stays until you remove it.")  # fmt: skip
    steps = [f"docker volume inspect {rows[0].get('VOLUME NAME', 'VOLUME')}"] if rows else []
    steps += ["docker volume prune"] if anonymous else []
    taught = (("docker-volume", "list-volumes-docker-volume-ls"),)
    return Readback(VOLUMES, tuple(lines), tuple(steps), taught)


def _port(rows: tuple[dict[str, str], ...]) -> Readback:
    lines = []
    for row in rows:
        host = row["host"].strip("[]")
        where = (
            "only from this machine"
            if host == "127.0.0.1"
            else "from any address (IPv6 too)"
            if host == "::"
            else "from any address"
        )
        private, port = row["private"], row["port"]
        lines.append(f"Container port **{private}** is reached at host port **{port}**, {where}.")
    first = rows[0]["port"] if rows else "PORT"
    taught = (("docker-container-port", "list-the-port-mappings-of-a-container"),)
    return Readback(PORT, tuple(dict.fromkeys(lines)), (f"curl http://localhost:{first}/",), taught)


_READERS = {"ps": _ps, "images": _images, "history": _history, "volume ls": _volumes, "port": _port}


def read_back(kind: TableKind, rows: tuple[dict[str, str], ...]) -> Readback:
    """The rows of one table docker printed, in words."""
    return _READERS[kind.name](rows)
