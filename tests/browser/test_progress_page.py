"""The progress page tells the truth in a real browser: one series per quiz with a legend, dates
on the x axis, the grade marked, mastery bars, on a phone (its own drawing) and a laptop."""

from __future__ import annotations

import pytest

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}


def submit_blank(page, base: str, slug: str) -> None:
    page.goto(base + "/quizzes")
    page.locator(f".quiz-card-actions[action='/quizzes/{slug}/start'] button").click()
    page.locator(".questions input[type=radio]").first.check()
    page.locator("button[value=summary]").click()
    page.locator("button[value=submit]").click()
    page.wait_for_selector(".score")


@pytest.mark.parametrize("size", SIZES)
def test_one_series_per_quiz_with_legend_dates_grades_and_mastery(make_page, live_server, size):
    page = make_page(SIZES[size])
    slugs = [q["slug"] for q in page.request.get(live_server + "/api/quizzes").json()["quizzes"]]
    submit_blank(page, live_server, slugs[0])
    submit_blank(page, live_server, slugs[1])
    page.goto(live_server + "/progress")
    chart = page.locator("svg.line-chart:visible")
    assert chart.count() == 1
    drawn = chart.get_attribute("class")
    assert ("narrow" in drawn) == (size == "phone")
    assert chart.locator("g.chart-series").count() == 2
    assert chart.locator("line.chart-grade").count() == 2
    assert chart.locator("text.chart-tick").count() >= 4  # 0/50/100% and a time or date
    assert page.locator(".chart-legend li").count() == 3  # two quizzes and the grade line
    font = chart.locator("text.chart-tick").first.evaluate("t => t.getBoundingClientRect().height")
    assert font >= 10  # labels drawn for the width stay readable
    assert page.locator(".mastery meter").count() >= 1
    page.locator(".chart-figures summary").click()
    assert page.locator(".chart-figures tbody tr").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.locator("#h-chart").scroll_into_view_if_needed()
    page.snap("progress")
