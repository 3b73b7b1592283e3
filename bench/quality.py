"""Answer quality that predicts unseen quality: cross-validated figures per question set.

    python bench/quality.py        # k-fold figures: each fold judged by a model fit on the others
    python bench/quality.py --fit  # the same, then fit on everything and write the shipped model
    python bench/quality.py --kinds  # also P@1 per kind of collected question, both halves

Sets: the public questions and the real learners' questions (../shared/eval, when present), the
dev half of the real questions collected for this project (bench/data/questions/collected_dev.json,
see bench/split_questions.py), every alternate phrasing in content/ (topic- and section-level), and
bench/data/off_topic.json (questions outside the material, written for this bench: the examples of
when to say no).

Held out, and read only as figures: the collection's test half (never fitted on, judged by the
model fitted on every set above) and, with --blind, the blind set's aggregate score
(../shared/tools/blind_eval.py, which prints nothing but figures).
A phrasing is judged with itself taken out of the index and the catalog, so the chat cannot
find the question it was asked.
Printed per set: P@1 (the eval's judge), MRR@10 of a right section among the ranked candidates,
no_answer precision and recall, the share of answers wrong with confidence >= 0.8, and AUROC.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fitting import Example, fit_model  # noqa: E402
from judging import judge, metrics, reply_is_right  # noqa: E402

from shipshape.chat.answerer import respond, understand  # noqa: E402
from shipshape.chat.ranking import MODEL_FILE, load_model, rank  # noqa: E402
from shipshape.chat.reading import COMPARISON_RE  # noqa: E402
from shipshape.chat.similarity import content_stems  # noqa: E402
from shipshape.knowledge.catalog import Catalog  # noqa: E402
from shipshape.knowledge.commands import CommandSyntaxError, parse_command_line  # noqa: E402
from shipshape.knowledge.files import topic_files  # noqa: E402
from shipshape.knowledge.index import TopicIndex  # noqa: E402
from shipshape.knowledge.topicfile import parse_topic  # noqa: E402
from shipshape.knowledge.vocabulary import load_vocabulary  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SETS = {"public": "dev_questions.json", "real": "real_questions_dev.json"}
COLLECTED = ROOT / "bench" / "data" / "questions"
HELD_OUT = "collected test"  # judged only as figures: no --misses, never fitted on
FOLDS = 5
EXPLAINED = "command-reference"  # the anchor of a command line's part-by-part explanation


def load_docs() -> list:
    return [
        parse_topic(p.read_text(encoding="utf-8"), p.stem) for p in topic_files(ROOT / "content")
    ]


def phrasing_items(docs: list) -> list[dict]:
    """Every alternate phrasing, with the topic (and section) it should land on, and the other
    places that answer it just as rightly: where instructors wrote the same question again (the
    same words, give or take filler), and, for a comparing question, the comparison topics that
    compare this topic with another."""
    filler = load_vocabulary(ROOT / "content").filler
    written = [(q, d.slug, None) for d in docs for q in d.questions]
    written += [(q, d.slug, a) for d in docs for a, qs in d.section_questions.items() for q in qs]
    by_words: dict[frozenset, set] = {}
    for q, slug, anchor in written:
        by_words.setdefault(content_stems(q, filler), set()).add((slug, anchor))
    catalog = Catalog.build(docs)
    comparing = {s: [d.slug for d in docs if s in d.compare] for s in {d.slug for d in docs}}
    items = []
    for q, slug, anchor in written:
        also = by_words[content_stems(q, filler)] - {(slug, anchor)}
        if COMPARISON_RE.search(q):
            also |= {(c, None) for c in comparing[slug]}
        named = command_topic(q, catalog)
        if named:  # a phrasing that is a command line is rightly answered by explaining it
            also.add((named, EXPLAINED))
        items.append({"question": q, "slug": slug, "anchor": anchor, "also": sorted(also, key=str)})
    return items


def command_topic(text: str, catalog: Catalog) -> str | None:
    """The command topic of a text that starts with a docker command line, as the chat parses it."""
    if not text.lower().startswith("docker "):
        return None
    try:
        return parse_command_line(text, catalog.specs, catalog.commands).slug
    except CommandSyntaxError:
        return None


def load_items(docs: list) -> dict[str, list[dict]]:
    sets = {
        name: json.loads((EVAL / f).read_text()) for name, f in SETS.items() if (EVAL / f).exists()
    }
    if (COLLECTED / "collected_dev.json").exists():
        sets["collected"] = json.loads((COLLECTED / "collected_dev.json").read_text())
    sets["phrasings"] = phrasing_items(docs)
    sets["off_topic"] = json.loads((ROOT / "bench" / "data" / "off_topic.json").read_text())
    return sets


def without(docs: list, held: set[str]) -> list:
    """The topics with the held-out phrasings removed, topic- and section-level."""

    def keep(qs):
        return tuple(q for q in qs if q not in held)

    return [replace(d, questions=keep(d.questions),
                    section_questions={a: keep(q) for a, q in d.section_questions.items()})
            for d in docs]  # fmt: skip


def make_library(docs: list, folder: Path) -> SimpleNamespace:
    index = TopicIndex(folder, time_limit=10.0)  # a busy machine must not turn a search into a miss
    index.rebuild(docs, 1)
    return SimpleNamespace(
        index=index,
        catalog=Catalog.build(docs),
        vocabulary=load_vocabulary(ROOT / "content"),
        hadolint=None,
    )  # fmt: skip  (None: found as the app finds it)


def fold_of(text: str) -> int:
    return random.Random(text).randrange(FOLDS)


def examples_for(set_name: str, item: dict, library) -> Example:
    found = understand(item["question"], library)
    answerable = item.get("expect", "answer") == "answer"
    if found.immediate is not None or found.curated:
        reply = respond(found, library)
        ok = reply_is_right(set_name, item, reply)
        return Example(set_name, item, [], [], answerable, immediate_right=ok, found=reply)
    right = [judge(set_name, item, c.hit) for c in found.candidates]
    return Example(set_name, item, found.candidates, right, answerable, found=found)


def collect(sets: dict, docs: list, folder: Path) -> tuple[list[Example], dict[int, object]]:
    """Each item's evidence, gathered from an index without that item's fold of phrasings."""
    examples, libraries = [], {}
    held_by_fold: dict[int, set[str]] = {}
    for item in sets["phrasings"]:
        held_by_fold.setdefault(fold_of(item["question"]), set()).add(item["question"])
    for k in range(FOLDS):
        library = make_library(without(docs, held_by_fold.get(k, set())), folder / f"fold{k}")
        libraries[k] = library
        for name, items in sets.items():
            for item in items:
                if fold_of(item["question"]) == k:
                    examples.append(examples_for(name, item, library))
    return examples, libraries


def outcome(ex: Example, model, library) -> tuple[bool, str, float, int]:
    """(right, kind, confidence, rank of the first right candidate or 0) under a model."""
    if ex.immediate_right is not None:  # decided before ranking: the same under every model
        return ex.immediate_right, ex.found.kind, ex.found.confidence, int(ex.immediate_right)
    reply = respond(ex.found, library, model)
    ranked = rank(ex.candidates, model)
    order = [ex.candidates.index(r.candidate) for r in ranked][:10]
    first = next((i + 1 for i, c in enumerate(order) if ex.right[c]), 0)
    return reply_is_right(ex.set_name, ex.item, reply), reply.kind, reply.confidence, first


def cross_validate(examples: list[Example], libraries: dict, start: dict) -> dict[str, list]:
    results: dict[str, list] = {}
    for k in range(FOLDS):
        train = [e for e in examples if fold_of(e.item["question"]) != k]
        model = fit_model(train, start)
        for ex in (e for e in examples if fold_of(e.item["question"]) == k):
            results.setdefault(ex.set_name, []).append((ex, outcome(ex, model, libraries[k])))
    return results


def by_length(name: str, rows: list, kinds: bool = False) -> None:
    """P@1 of a collected set's long messages and short titles apart, as the blind set reports;
    with `kinds`, per kind of question too (figures only, as for any held-out set)."""
    groups = [("length", "long"), ("length", "short")]
    if kinds:
        groups += [("kind", k) for k in sorted({ex.item.get("kind", "") for ex, _ in rows})]
    for field, value in groups:
        kept = [ok for ex, (ok, *_rest) in rows if ex.item.get(field) == value]
        if kept:
            share = sum(kept) / len(kept)
            print(f"  {name} {value:17s} {sum(kept):3d}/{len(kept):3d} = {share:.2f}")


def report(
    title: str, results: dict[str, list], misses: str | None = None, kinds: bool = False
) -> None:
    print(f"== {title}")
    for name, rows in results.items():
        print(f"{name:10s} " + metrics(rows))
    by_length("collected", results.get("collected", []), kinds)
    dev = [row for name in SETS for row in results.get(name, [])]
    if dev:  # the eval's two question sets together: the figures the targets name
        print(f"{'dev (both)':10s} " + metrics(dev))
    if misses == HELD_OUT:
        raise SystemExit("the test half is read only as figures")
    for ex, (ok, kind, sure, first) in results.get(misses, []):
        if not ok:
            print(f"MISS {kind:9s} {sure:.2f} first right at {first}: {ex.item['question'][:90]!r}")


def held_out(docs: list, folder: Path, model) -> list:
    """The collection's test half, judged by a model fitted without it, on the whole index."""
    path = COLLECTED / "collected_test.json"
    if not path.exists():
        return []
    library = make_library(docs, folder / "held-out")
    items = json.loads(path.read_text())
    rows = [(ex, outcome(ex, model, library)) for ex in
            (examples_for(HELD_OUT, item, library) for item in items)]  # fmt: skip
    library.index.close()
    return rows


def blind_figures() -> str:
    """The blind set's aggregate figures, as its own tool prints them (nothing else)."""
    tool = ROOT.parent / "shared" / "tools" / "blind_eval.py"
    if not tool.exists():
        return "blind set: not on this machine"
    with tempfile.TemporaryDirectory() as instance:  # a fresh database: today's content/
        env = {**os.environ, "SHIPSHAPE_INSTANCE_DIR": instance}
        done = subprocess.run([sys.executable, str(tool), "--app", str(ROOT)], env=env,
                              capture_output=True, text=True, check=False)  # fmt: skip
    lines = done.stdout.strip().splitlines()
    start = next((i for i, line in enumerate(lines) if "blind questions" in line), len(lines))
    return "\n".join(lines[start:]) or done.stderr.strip().splitlines()[-1]


def same_every_run() -> None:
    """Run again with string hashing fixed: ties among candidates and phrasings are broken in set
    order, which moved the cross-validated fits, and so a figure, by a question between runs."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, *sys.argv], env)


def main() -> None:
    same_every_run()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="write the model fitted on all data")
    parser.add_argument("--misses", metavar="SET", help="list the questions of SET answered wrong")
    parser.add_argument("--blind", action="store_true", help="also print the blind set's figures")
    parser.add_argument("--kinds", action="store_true", help="P@1 per kind of collected question")
    args = parser.parse_args()
    docs = load_docs()
    sets = load_items(docs)
    print("items: " + ", ".join(f"{n} {len(v)}" for n, v in sets.items()))
    with tempfile.TemporaryDirectory() as tmp:
        examples, libraries = collect(sets, docs, Path(tmp))
        shipped = load_model()
        report(f"{FOLDS}-fold cross-validated (each fold judged by a model fitted on the others)",
               cross_validate(examples, libraries, shipped.weights), args.misses,
               args.kinds)  # fmt: skip
        model = fit_model(examples, shipped.weights) if args.fit else shipped
        if args.fit:
            MODEL_FILE.write_text(json.dumps(model.to_dict(), indent=2) + "\n")
            print(f"wrote {MODEL_FILE.relative_to(ROOT)} (threshold {model.threshold})")
        tested = held_out(docs, Path(tmp), model)
        if tested:
            which = "fitted" if args.fit else "shipped"
            print(f"== held out (the collection's test half, by the {which} model)")
            print(f"{HELD_OUT:10s} " + metrics(tested))
            by_length(HELD_OUT, tested, args.kinds)
        for library in libraries.values():
            library.index.close()
    if args.blind:
        print("== blind set (aggregate figures only)")
        print(blind_figures())


if __name__ == "__main__":
    main()
