"""Whether a section or a reply answers a dev question right, and the figures over many."""

from __future__ import annotations

import re

from shipshape.chat.composing import section_markdown

FLAGS = re.IGNORECASE | re.DOTALL


def _matches(item: dict, text: str) -> bool:
    """The eval's judge: any of `any_of`, all of `all_of`."""
    if item.get("any_of") and not any(re.search(p, text, FLAGS) for p in item["any_of"]):
        return False
    return all(re.search(p, text, FLAGS) for p in item.get("all_of", []))


def judge(set_name: str, item: dict, hit) -> bool:
    """A candidate section is right for the item."""
    if item.get("expect", "answer") != "answer":
        return False
    if set_name == "phrasings":
        return _lands(item, hit.slug, hit.anchor)
    return _matches(item, section_markdown(hit))


def _lands(item: dict, slug: str | None, anchor: str | None) -> bool:
    """A phrasing lands where it was written, or on a place that answers it as rightly."""
    places = [(item["slug"], item["anchor"]), *(tuple(p) for p in item.get("also", []))]
    return any(slug == s and a in (None, anchor) for s, a in places)


def reply_is_right(set_name: str, item: dict, reply) -> bool:
    """The chat's reply is right for the item, as the eval judges it."""
    if item.get("expect", "answer") == "no_answer":
        return reply.kind == "no_answer"
    if reply.kind == "no_answer":
        return False
    if set_name == "phrasings":
        return _lands(item, reply.topic_slug, reply.anchor)
    return _matches(item, reply.markdown)


def auroc(positives: list[float], negatives: list[float]) -> float:
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def metrics(rows: list) -> str:
    """P@1, MRR@10, no_answer precision/recall, share wrong at >= 0.8, AUROC of confidence, and
    how often a right section is ranked first or among the first four before the reply decides
    (a change that moves P@1 but not these moved the confidence, not the ranking; a reply decided
    without ranking, a pasted error's say, counts as ranked first when it is right)."""
    n = len(rows)
    right = sum(ok for _, (ok, *_rest) in rows)
    answerable = [(ex, o) for ex, o in rows if ex.answerable]
    mrr = sum(1 / o[3] for _, o in answerable if o[3]) / max(len(answerable), 1)
    first = sum(o[3] == 1 for _, o in answerable)
    top4 = sum(0 < o[3] <= 4 for _, o in answerable)
    said_no = [(ex, o) for ex, o in rows if o[1] == "no_answer"]
    should = [ex for ex, _ in rows if not ex.answerable]
    correct_no = sum(not ex.answerable for ex, _ in said_no)
    answers = [(o[2], o[0]) for _, o in rows if o[1] != "no_answer"]
    wrong_sure = sum(1 for c, ok in answers if c >= 0.8 and not ok)
    area = auroc([c for c, ok in answers if ok], [c for c, ok in answers if not ok])
    precision = f"{correct_no / len(said_no):.2f}" if said_no else "n/a"
    recall = f"{correct_no / len(should):.2f}" if should else "n/a"
    return (
        f"n={n:4d}  P@1 {right / n:.3f}  MRR@10 {mrr:.3f}  no_answer P {precision} R {recall}"
        f" (said {len(said_no)})  wrong@>=0.8 {wrong_sure / max(len(answers), 1):.3f}"
        f" ({wrong_sure}/{len(answers)})  AUROC {area:.3f}"
        f"  ranked 1st {first}/{len(answerable)}, top 4 {top4}"
    )
