"""Every page fits its window: no sideways scroll at a phone's 390 px or a laptop's 1280 px, and
axe (vendored, tests/browser/vendor) finds nothing serious or critical on any of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ARTIFACTS
from .pages import instructor_paths, learner_paths, sign_in_instructor

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SIZES = {"phone": (390, 844), "laptop": (1280, 800)}

WIDTHS = """() => {
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''));
  return {scroll: document.documentElement.scrollWidth, inner: innerWidth, wide: wide.slice(0, 5)};
}"""

AXE_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


def check(page, base: str, paths: dict[str, str], size: str, measured: dict, problems: dict):
    for name, path in paths.items():
        page.goto(base + path)
        found = page.evaluate(WIDTHS)
        measured[name] = found["scroll"]
        if found["scroll"] > found["inner"]:
            problems[f"{name} scrolls sideways"] = found
        page.add_script_tag(path=str(AXE))  # the audit context bypasses the CSP to inject it
        serious = page.evaluate(AXE_RUN)
        if serious:
            problems[f"{name} axe"] = serious
        page.screenshot(path=str(ARTIFACTS / f"layout-{size}-{name}.png"), full_page=False)


@pytest.mark.parametrize("size", SIZES)
def test_no_page_scrolls_sideways_and_axe_finds_nothing_serious(
    make_page, live_server, instructor, size
):
    page = make_page(SIZES[size], bypass_csp=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    measured: dict[str, int] = {}
    problems: dict[str, object] = {}
    check(page, live_server, learner_paths(page, live_server), size, measured, problems)
    sign_in_instructor(page, live_server)
    check(page, live_server, instructor_paths(page, live_server), size, measured, problems)
    (ARTIFACTS / f"widths-{size}.json").write_text(json.dumps(measured, indent=1))
    (ARTIFACTS / f"problems-{size}.json").write_text(json.dumps(problems, indent=1))
    assert problems == {}
    assert len(measured) >= 29
