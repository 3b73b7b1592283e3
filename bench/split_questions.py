"""Split collected real questions into a dev half and a test half, at random by source thread.

    python bench/split_questions.py COLLECTED.json [...]   # adds to bench/data/questions/

Which half a question goes to depends only on its source URL (a salted SHA-256), so one thread
never sits on both sides, a re-run gives the same halves, and adding questions later moves none.
The test half is read only as figures (bench/quality.py), like the blind set: do not open it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "data" / "questions"
SALT = b"shipshape-2026-12-07"


def half(source: str) -> str:
    digest = hashlib.sha256(SALT + source.encode()).digest()
    return "test" if digest[0] & 1 else "dev"


def merge(path: Path, items: list[dict]) -> int:
    """Add the items whose ids the file lacks; return how many it holds."""
    held = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    ids = {q["id"] for q in held}
    held += [q for q in items if q["id"] not in ids]
    path.write_text(json.dumps(held, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(held)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collected", nargs="+", type=Path)
    args = parser.parse_args()
    halves: dict[str, list[dict]] = {"dev": [], "test": []}
    for path in args.collected:
        for item in json.loads(path.read_text(encoding="utf-8")):
            halves[half(item["source"])].append(item)
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, items in halves.items():
        print(f"{name}: {merge(FOLDER / f'collected_{name}.json', items)} questions")


if __name__ == "__main__":
    main()
