"""Draw a reproducible random sample of the course's sections for a claim-by-claim audit.

Every topic in content/*.md (files starting with `_` left out) gives one section per H2 heading,
plus its summary paragraph as a section of its own (anchor ""). They are listed in a fixed order
(file name, then position in the file) so the same seed always draws the same sample:

    python scripts/sample_sections.py 40 20261207          # N SEED: the sample, one per line
    python scripts/sample_sections.py --all                 # every section, and the count
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from shipshape.knowledge.topicfile import parse_topic

CONTENT = Path(__file__).resolve().parents[1] / "content"


def all_sections(content: Path = CONTENT) -> list[tuple[str, str]]:
    """(slug, anchor) for every section, the summary first ("" anchor), in file then text order."""
    found = []
    for path in sorted(content.glob("*.md")):
        if path.name.startswith("_"):
            continue
        doc = parse_topic(path.read_text(encoding="utf-8"), path.stem)
        if doc.summary:
            found.append((doc.slug, ""))
        found.extend((doc.slug, section.anchor) for section in doc.sections)
    return found


def draw(n: int, seed: int) -> list[tuple[str, str]]:
    """N sections drawn without replacement by random.Random(seed).sample."""
    return random.Random(seed).sample(all_sections(), n)


def label(slug: str, anchor: str) -> str:
    """slug#anchor, or slug#summary for the opening paragraph."""
    return f"{slug}#{anchor or 'summary'}"


def main(argv: list[str]) -> int:
    if argv == ["--all"]:
        sections = all_sections()
        print("\n".join(label(*s) for s in sections))
        print(f"{len(sections)} sections", file=sys.stderr)
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    n, seed = int(argv[0]), int(argv[1])
    for i, (slug, anchor) in enumerate(draw(n, seed), 1):
        print(f"{i:2d} {label(slug, anchor)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
