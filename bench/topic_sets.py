"""Run a small bench of questions, each with the topics any of which answers it, and print how
many each set gets right (bench/follow_ups.py, bench/short_questions.py)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from quality import load_docs, make_library

# (case, library) -> (answered from a right topic, the line to print for it or None)
Judge = Callable[[dict, object], tuple[bool, str | None]]


def run(cases: Path, judge: Judge, unread: tuple[str, ...], verbose: bool) -> None:
    """Judge every case on today's content; with `verbose`, print the lines of the read sets."""
    right: dict[str, list[bool]] = {}
    with tempfile.TemporaryDirectory() as folder:
        library = make_library(load_docs(), Path(folder))
        for case in json.loads(cases.read_text()):
            ok, line = judge(case, library)
            right.setdefault(case["set"], []).append(ok)
            if verbose and line and case["set"] not in unread:
                print(line)
        library.index.close()
    width = max(map(len, right), default=0) + 2
    for name, oks in right.items():
        print(f"{name:{width}s} {sum(oks):3d}/{len(oks):3d}")
