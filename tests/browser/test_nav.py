"""The main navigation folds on a phone: behind a Menu button with JavaScript (Escape closes it),
wrapped onto a second line without; on a laptop every link shows."""

from __future__ import annotations


def test_on_a_phone_the_nav_folds_behind_a_menu_button(make_page, live_server):
    page = make_page((390, 844))
    page.goto(live_server + "/topics")
    toggle = page.locator(".nav-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#site-nav-list a", has_text="Progress").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.snap("menu-open")
    page.locator("#site-nav-list a", has_text="Progress").click()
    page.wait_for_url("**/progress")
    page.locator(".nav-toggle").click()
    page.keyboard.press("Escape")
    assert page.locator(".nav-toggle").get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('nav-toggle')")


def test_without_javascript_the_links_wrap_and_fit(make_page, live_server):
    page = make_page((320, 700), javascript=False)
    page.goto(live_server + "/")
    assert page.locator("#site-nav-list a", has_text="Progress").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.snap("no-js-320")


def test_on_a_laptop_every_link_shows_and_no_menu_button(make_page, live_server):
    page = make_page((1280, 800))
    page.goto(live_server + "/")
    assert not page.locator(".nav-toggle").is_visible()
    assert page.locator("#site-nav-list a").count() >= 6
    assert all(link.is_visible() for link in page.locator("#site-nav-list a").all())
