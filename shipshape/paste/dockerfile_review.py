"""A Dockerfile reviewed for a learner: one row per instruction (what it does, whether its layer
adds size, what change rebuilds it and every step after it), and findings from hadolint and the
project's own rules, each with why it matters, a corrected line and the section that teaches it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dockerfile_parse import Instruction
from .dockerfile_rules import own_findings, shell_to_exec
from .hadolint import RAN, Linting, LintResult
from .raw_finding import RawFinding
from .teaching import ERROR, INFO, WARNING, teaching_for

_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
MAX_SHOWN = 70  # characters of an instruction shown in the table


@dataclass(frozen=True)
class Row:
    line: int
    instruction: str  # as written, shortened
    does: str
    layer: str
    rebuilds_when: str


@dataclass(frozen=True)
class Finding:
    line: int
    severity: str  # error | warning | info
    rule: str  # DL3008, SC2086 (hadolint) or SS101 (this project)
    message: str
    why: str
    fix: str | None
    taught_in: tuple[str, str]  # (topic slug, section anchor)
    source: str  # "hadolint" or "shipshape"


@dataclass(frozen=True)
class Review:
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...]
    linter: LintResult


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _does(item: Instruction) -> str:
    value = _short(" ".join(item.value))
    stage = next(
        (v for i, v in enumerate(item.value) if i and item.value[i - 1].upper() == "AS"), ""
    )
    copy_from = next((f.split("=", 1)[1] for f in item.flags if f.startswith("--from=")), "")
    source = f"stage or image `{copy_from}`" if copy_from else "the build context"
    sources = ", ".join(f"`{v}`" for v in item.value[:-1]) or "files"
    target = f"`{item.value[-1]}`" if item.value else "the image"
    texts = {
        "FROM": f"Starts from the image `{item.value[0] if item.value else ''}`"
        + (f", as the stage `{stage}`" if stage else ""),
        "RUN": f"Runs `{value}` in a shell while the image is built",
        "COPY": f"Copies {sources} from {source} into {target}",
        "ADD": f"Copies {sources} into {target} (ADD also unpacks archives and fetches URLs)",
        "CMD": f"The default command a container runs: `{value}`"
        + ("" if item.json else " (shell form: run by /bin/sh -c)"),
        "ENTRYPOINT": f"The program every container runs (`{value}`); CMD's words become its "
        "arguments",
        "WORKDIR": f"Sets the folder `{value}` for the instructions after it, creating it",
        "ENV": f"Sets `{value}` for the build steps after it and for the container",
        "ARG": f"A build-time variable (`{value}`), set with `--build-arg`",
        "EXPOSE": f"Documents that the app listens on `{value}` (publishes nothing)",
        "USER": f"Runs the steps after it, and the container, as `{value}`",
        "VOLUME": f"Makes `{value}` a mount point: each container gets a volume there",
        "LABEL": "Adds metadata to the image",
        "HEALTHCHECK": "Tells Docker how to check that the container still works",
        "SHELL": f"Changes the shell that shell-form steps run in to `{value}`",
        "STOPSIGNAL": f"The signal `docker stop` sends: `{value}`",
        "ONBUILD": "A step that runs in builds that start FROM this image",
        "MAINTAINER": "Names the author (deprecated: use LABEL)",
    }
    return texts.get(item.cmd, item.cmd)


def _layer(item: Instruction) -> str:
    if item.cmd in ("RUN", "COPY", "ADD"):
        return "yes: adds what it writes"
    if item.cmd == "FROM":
        return "the base image's layers"
    if item.cmd == "WORKDIR":
        return "only an empty folder"
    return "no: a setting only"


def _rebuilds_when(item: Instruction) -> str:
    if item.cmd == "FROM":
        return "another base image (a new tag, or the tag moved and you pull)"
    if item.cmd in ("COPY", "ADD"):
        return "the copied files change, or this line does"
    if item.cmd == "RUN":
        return "this line changes (not what it downloads)"
    if item.cmd == "ARG":
        return "another `--build-arg` value, or this line changes"
    return "this line changes"


def rows_of(instructions: tuple[Instruction, ...]) -> tuple[Row, ...]:
    return tuple(
        Row(i.line, _short(i.original), _does(i), _layer(i), _rebuilds_when(i))
        for i in instructions
    )


_SIMPLE_FIXES = {
    "DL3014": (r"\b(apt-get|apt) install\b(?!.*\s-y\b)", r"\1 install -y"),
    "DL3015": (r"\bapt-get install\b", "apt-get install --no-install-recommends"),
    "DL3020": (r"^ADD\b", "COPY"),
    "DL3042": (r"\bpip3? install\b", r"\g<0> --no-cache-dir"),
    "DL3019": (r"\bapk add\b", "apk add --no-cache"),
    "DL3027": (r"\bapt (install|update|upgrade)\b", r"apt-get \1"),
    "DL3007": (r":latest\b", ":<version>"),
}


def _fix(code: str, item: Instruction | None) -> str | None:
    """The instruction corrected for one rule, when it is one line and the fix is mechanical."""
    if item is None or item.line != item.end_line:
        return None
    text = item.original.strip()
    if code in _SIMPLE_FIXES:
        pattern, replacement = _SIMPLE_FIXES[code]
        fixed = re.sub(pattern, replacement, text, count=1)
        return fixed if fixed != text else None
    if code == "DL3006" and item.value:
        return text.replace(item.value[0], f"{item.value[0]}:<version>", 1)
    if code == "DL3009" and "install" in text:
        return f"{text} && rm -rf /var/lib/apt/lists/*"
    if code == "DL3025" and not item.json:
        exec_form = shell_to_exec(" ".join(item.value))
        return f"{item.cmd} {exec_form}" if exec_form else None
    if code == "DL4000":
        return f'LABEL maintainer="{" ".join(item.value)}"'
    return None


def _taught(raw: RawFinding, level: str, source: str, item: Instruction | None) -> Finding:
    teaching = teaching_for(raw.rule, level)
    fix = raw.fix if raw.fix is not None else _fix(raw.rule, item)
    return Finding(
        raw.line, teaching.severity, raw.rule, raw.message, teaching.why, fix,
        teaching.taught_in, source,
    )  # fmt: skip


def _false_alarm(finding: dict, item: Instruction | None) -> bool:
    """hadolint's DL3022 ("COPY --from should reference a previously defined FROM alias") on a
    --from that names an image (`--from=nginx:1.25`, `--from=org/tools`) or a stage's number,
    both of which Docker accepts; its DL3025 (JSON form for CMD) on a HEALTHCHECK line."""
    if item is not None and finding.get("code") == "DL3025" and item.cmd == "HEALTHCHECK":
        return True  # DL3025 is about CMD and ENTRYPOINT; a shell-form check is the usual one
    if finding.get("code") != "DL3022" or item is None:
        return False
    source = next((f.split("=", 1)[1] for f in item.flags if f.startswith("--from=")), "")
    return bool(re.search(r"[/:.@]", source)) or source.isdigit()


def review_dockerfile(
    instructions: tuple[Instruction, ...], text: str, hadolint: str | None = None
) -> Review:
    """The review of a parsed Dockerfile (its text goes to hadolint as it was written)."""
    linting = Linting(text, hadolint)  # runs while the rows and the own rules are worked out
    by_line = {i.line: i for i in instructions}
    rows = rows_of(instructions)
    own = [
        _taught(f, WARNING, "shipshape", by_line.get(f.line)) for f in own_findings(instructions)
    ]
    linter = linting.result()
    findings = [
        _taught(
            RawFinding(f.get("code", "?"), int(f.get("line", 0)), f.get("message", "")),
            f.get("level", "warning"), "hadolint", by_line.get(int(f.get("line", 0))),
        )
        for f in linter.findings
        if not _false_alarm(f, by_line.get(int(f.get("line", 0))))
    ]  # fmt: skip
    findings += own
    findings.sort(key=lambda f: (_ORDER[f.severity], f.line))
    return Review(rows, tuple(findings), linter)


def linted(review: Review) -> bool:
    return review.linter.status == RAN
