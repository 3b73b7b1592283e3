"""The copy button on a code block, in a real browser: it sits above the code, never over a
long line, and copies the commands without their "$ " prompt or docker's output."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}


@pytest.mark.parametrize("size", SIZES)
def test_the_copy_button_copies_commands_and_covers_no_code(make_page, live_server, size):
    page = make_page(SIZES[size])
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.clock.install()  # "Copied" shows for 1.5 s of the page's time: the test holds that time
    page.goto(live_server + "/")
    page.fill("#question", "How do I list all containers, including stopped ones?")
    page.keyboard.press("Enter")
    block = page.locator(".turn--answer pre.has-copy").first
    block.wait_for()
    above = block.evaluate(
        """pre => pre.querySelector('.copy-button').getBoundingClientRect().bottom
                 <= pre.querySelector('code').getBoundingClientRect().top + 1"""
    )  # measured in one frame: the page may still be scrolling to the answer
    assert above  # the button sits above the code, not over it
    expected = [
        line[2:]
        for line in block.locator("code").inner_text().splitlines()
        if line.startswith("$ ")
    ]
    page.bring_to_front()  # the clipboard answers only a focused page
    # Stop the page's clock: a busy machine could poll past the 1.5 s that "Copied" shows.
    page.clock.pause_at(datetime.now() + timedelta(seconds=1))
    block.locator(".copy-button").click()
    # A locator, not wait_for_function: its string would be eval'd, which the page's CSP forbids.
    expect(block.locator(".copy-button")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.splitlines() == expected and expected
    page.snap("copied")
    page.clock.run_for(1500)
    expect(block.locator(".copy-button")).to_have_text("Copy")  # ready for the next copy
