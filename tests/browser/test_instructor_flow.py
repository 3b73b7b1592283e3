"""An instructor in a real browser: sign in, edit a topic, preview, save, ask the chat about it."""

from __future__ import annotations

NEW_SECTION = """
## Where quokka layers live
Quokka layers sit between an image and its containers in this made-up story.
"""


def test_edit_preview_save_then_the_chat_answers_from_the_new_text(page, live_server, instructor):
    email, password = instructor
    page.goto(live_server + "/instructor/sign-in")
    page.fill("#email", email)
    page.fill("#password", password)
    page.snap("sign-in")
    page.click("button[type=submit]:has-text('Sign in')")
    page.wait_for_url("**/instructor/")

    page.goto(live_server + "/instructor/topics")
    page.fill("#topic-q", "docker image")
    page.keyboard.press("Enter")
    page.wait_for_url("**/instructor/topics?q=*")
    page.snap("topic-list")
    page.click("a:has-text('What is a Docker image?')")
    page.wait_for_url("**/instructor/topics/image/edit")

    text = page.input_value("#topic-text")
    page.fill("#topic-text", text + NEW_SECTION)
    page.snap("edited")
    page.click("button:has-text('Preview')")
    preview = page.locator("#preview")
    preview.wait_for()
    assert "Quokka layers sit between" in preview.locator("#where-quokka-layers-live").inner_text()
    assert page.input_value("#topic-text") == text + NEW_SECTION
    page.snap("preview")

    page.click("button:has-text('Save')")
    page.wait_for_selector(".flash:has-text('Saved revision 2')")
    assert page.locator("#preview").count() == 0
    page.snap("saved")

    page.click("a:has-text('History')")
    page.click("button:has-text('Show the changes')")
    added = page.locator(".diff-line--added").filter(has_text="Quokka layers sit between")
    assert added.locator(".diff-marker").inner_text().startswith("+")
    page.snap("diff")

    page.goto(live_server + "/")
    page.fill("#question", "where do quokka layers live?")
    page.keyboard.press("Enter")
    answer = page.locator(".turn--answer").first
    answer.wait_for()
    assert "between an image and its containers" in answer.inner_text()
    source = answer.locator(".sources a").first.get_attribute("href")
    assert source == "/topics/image#where-quokka-layers-live"
    page.snap("answered")
