"""A live server on a free loopback port and a headless Chromium (Debian's) driving it."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The test server (Werkzeug's, threaded) on a loaded CI machine now and then resets a keep-alive
# connection: the rig's doing, not the page's, and the page's own requests are asserted anyway.
TEST_RIG = ("net::ERR_CONNECTION_RESET",)
ACTION_TIMEOUT_MS = 30_000  # Playwright's own default for actions and waits
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "artifacts" / "screenshots"
FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    # expect() gives up after 5 s, the waits (wait_for, wait_for_selector) after 30 s: on a loaded
    # CI machine a page and its deferred scripts can take longer than 5 s, so both get 30 s.
    expect.set_options(timeout=ACTION_TIMEOUT_MS)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def make_page(browser, request):
    """Pages of a given size, with or without JavaScript, each failing the test on any console
    error and keeping a screenshot per step."""
    contexts, errors = [], []

    def make(size=(1000, 900), javascript: bool = True, bypass_csp: bool = False, expected=()):
        """`expected`: parts of console errors the test causes on purpose (going offline)."""
        context = browser.new_context(
            viewport={"width": size[0], "height": size[1]},
            java_script_enabled=javascript,
            bypass_csp=bypass_csp,
        )
        contexts.append(context)
        tab = context.new_page()

        def console(message) -> None:
            text = message.text
            if message.type == "error" and not any(e in text for e in (*expected, *TEST_RIG)):
                errors.append(text)

        tab.on("console", console)
        tab.on("pageerror", lambda error: errors.append(str(error)))
        steps = iter(range(1, 100))

        def snap(label: str) -> None:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            name = f"{request.node.name}-{next(steps):02d}-{label}.png"
            tab.screenshot(path=str(ARTIFACTS / name))

        tab.snap = snap
        return tab

    yield make
    for context in contexts:
        context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.fixture
def page(make_page):
    """A fresh 1000x900 page with JavaScript."""
    return make_page()


def pytest_collection_modifyitems(items):
    """The browser drives the front end, alike on either database: the PostgreSQL run skips it."""
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.database_independent)
