"""How often a short beginner's question is answered from a right topic.

    python bench/short_questions.py      # figures per half
    python bench/short_questions.py -v   # and each miss of the half that may be read

bench/data/short_questions.json: 80 questions of 3 to 10 words as beginners type them ("nuke all
images", "make a container but dont start it"), with the topics any of which answers them.
Written for this bench on 2026-12-07 by a helper who saw only the topic titles, not by learners;
split by a hash of the question into a half that was read and a half read only as figures. The
collected real questions (bench/quality.py) are mostly long messages; these are the short,
textbook kind a new learner starts with.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from topic_sets import run  # noqa: E402

from shipshape.chat.answerer import answer_question  # noqa: E402

CASES = ROOT / "bench" / "data" / "short_questions.json"
UNREAD = "figures only"


def judge(case: dict, library) -> tuple[bool, str | None]:
    reply = answer_question(case["question"], library)
    ok = reply.kind == "answer" and reply.topic_slug in case["topics"]
    line = (f"MISS {case['question']!r} -> {reply.kind} {reply.topic_slug} "
            f"({reply.confidence:.2f}; wanted {', '.join(case['topics'])})")  # fmt: skip
    return ok, None if ok else line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="print each miss of the read half")
    run(CASES, judge, (UNREAD,), parser.parse_args().v)


if __name__ == "__main__":
    main()
