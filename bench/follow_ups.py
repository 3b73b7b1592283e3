"""How often a two-turn conversation's follow-up is answered from a right topic.

    python bench/follow_ups.py        # figures per set
    python bench/follow_ups.py -v     # and each follow-up of the sets that may be read

bench/data/follow_ups.json: a first question, a short follow-up that means something only after
it ("and the processes?", "how do I stop it?"), and the topics any of which answers the follow-up.
Written for this bench, not by learners: "beside the change" while the follow-up reading was
mended (2026-12-07); 40 by a helper who saw only the topic titles, split by a hash of the first
question into a half that was read and a half read only as figures; 50 more by another such
helper in seven shapes (another thing, a qualifier, a new action, a part, a flag, why, another
value), first read only as figures, then read to find what still failed; and 50 by a third, in the
same shapes, read only as figures.
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
from shipshape.chat.followup import Previous  # noqa: E402

CASES = ROOT / "bench" / "data" / "follow_ups.json"
# An answer, or a reply that says the section just given is the best it has and links it again
# ("what about 126?" after exit code 127): right when that topic answers the follow-up.
RIGHT_KINDS = ("answer", "clarify")
UNREAD = ("apart, figures only", "apart 3, figures only")


def judge(case: dict, library) -> tuple[bool, str]:
    first = answer_question(case["first"], library)
    previous = Previous(first.resolved or case["first"], first.topic_slug, first.anchor)
    reply = answer_question(case["follow_up"], library, previous)
    ok = reply.kind in RIGHT_KINDS and reply.topic_slug in case["topics"]
    mark = "ok  " if ok else "MISS"
    line = (f"{mark} {case['follow_up']!r} after {case['first']!r} -> {reply.kind} "
            f"{reply.topic_slug} (read as {reply.resolved!r})")  # fmt: skip
    return ok, line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="print each follow-up of the read sets")
    run(CASES, judge, UNREAD, parser.parse_args().v)


if __name__ == "__main__":
    main()
