"""Authoring benchmark: prints figures, asserts nothing.

Save-to-answerable: the time from the start of a topic save to the first POST /api/ask that
answers with the new section, over 30 saves, through PUT /api/topics/<slug> (a bearer token) and
through the instructor editor's form (a signed-in session). Target: p95 <= 200 ms.
SQLite in a temporary folder, or BENCH_DATABASE_URL (an empty database to throw away).
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shipshape import create_app  # noqa: E402
from shipshape.accounts.service import create_instructor, create_token  # noqa: E402
from shipshape.extensions import db  # noqa: E402
from shipshape.knowledge import store  # noqa: E402
from shipshape.runtime import ensure_ready  # noqa: E402

SAVES = 30
SLUG = "image"
EMAIL, PASSWORD = "bench@example.org", "a long bench password"
SYLLABLES = ["zor", "blax", "quo", "mip", "tev", "wub"]


def invented_word(n: int) -> str:
    """A word no topic uses, different for every save, so only the new section can answer."""
    return SYLLABLES[n // 36 % 6] + SYLLABLES[n // 6 % 6] + SYLLABLES[n % 6] + "ite"


def new_text(base: str, word: str) -> str:
    return (
        f"{base}\n## What a {word} is\nA {word} is an invented part of an image, for this bench.\n"
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def answerable(client, word: str) -> tuple[float, int]:
    """Ask until the new section answers: (ms spent asking, how many asks it took)."""
    start = time.perf_counter()
    for asks in range(1, 101):
        reply = client.post("/api/ask", json={"question": f"what is a {word}?"}).get_json()
        sources = reply.get("sources") or [{}]
        if sources[0].get("url", "").endswith(f"#what-a-{word}-is"):
            return (time.perf_counter() - start) * 1000, asks
    return float("inf"), asks


def api_saver(client, headers: dict):
    def save(text: str) -> None:
        response = client.put(f"/api/topics/{SLUG}", json={"markdown": text}, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)

    return lambda: save


def form_saver(client):
    """Open the editor (not timed), then the timed part: posting the form."""

    def open_editor():
        page = client.get(f"/instructor/topics/{SLUG}/edit").get_data(as_text=True)
        base = re.search(r'name="base_revision" value="(\d+)"', page).group(1)
        return lambda text: post(text, base)

    def post(text: str, base: str) -> None:
        data = {"markdown": text, "base_revision": base, "action": "save"}
        response = client.post(f"/instructor/topics/{SLUG}/edit", data=data)
        assert response.status_code == 302, response.get_data(as_text=True)

    return open_editor


def run(label: str, client, prepare, base: str, offset: int) -> None:
    totals, saves, extra_asks = [], [], 0
    for n in range(SAVES):
        word, save = invented_word(offset + n), prepare()
        start = time.perf_counter()
        save(new_text(base, word))
        saved = time.perf_counter()
        asking, asks = answerable(client, word)
        saves.append((saved - start) * 1000)
        totals.append((saved - start) * 1000 + asking)
        extra_asks += asks - 1
    print(
        f"save-to-answerable, {label}: {SAVES} saves, p50 {statistics.median(totals):.1f} ms, "
        f"p95 {percentile(totals, 0.95):.1f} ms, max {max(totals):.1f} ms "
        f"(the save alone: p50 {statistics.median(saves):.1f} ms; "
        f"asks beyond the first: {extra_asks})"
    )


def build_app(folder: Path):
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder / 'bench.db'}"
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SHIPSHAPE_INDEX_DIR": str(folder / "index"),
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": False,  # the form is posted by this script, not a browser
            "SECRET_KEY": "bench",
        }
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(Path(tmp))
        with app.app_context():
            ensure_ready(app)
            create_instructor(EMAIL, PASSWORD)
            headers = {"Authorization": f"Bearer {create_token(EMAIL, 'bench')}"}
            db.session.commit()
            base = store.get_topic(SLUG).markdown
            db.session.remove()
        api, browser = app.test_client(), app.test_client()
        browser.post("/instructor/sign-in", data={"email": EMAIL, "password": PASSWORD})
        api.post("/api/ask", json={"question": "what is an image"})  # warm caches once
        run("PUT /api/topics/<slug>", api, api_saver(api, headers), base, 0)
        run("editor form", browser, form_saver(browser), base, SAVES)


if __name__ == "__main__":
    main()
