"""The quiz pages work as plain HTML forms: list, start, answer, save, submit, results, history."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.quizzes.helpers import SLUGS, import_small_bank, raw_bank

FIELDS = {"input", "select", "textarea"}


class Form(HTMLParser):
    """Fields with whether a label names them, fieldsets with their legends, and links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields: list[dict] = []
        self.label_for: set[str] = set()
        self.fieldsets: list[dict] = []
        self.links: list[tuple[str, str]] = []
        self.tags: list[tuple[str, dict]] = []
        self._labels = 0
        self._legend: list[str] | None = None
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attrs))
        if tag == "label":
            self._labels += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag in FIELDS:
            self.fields.append({**attrs, "tag": tag, "wrapped": self._labels > 0})
        elif tag == "fieldset":
            self.fieldsets.append({"legend": ""})
        elif tag == "legend":
            self._legend = []
        elif tag == "a":
            self._link = (attrs.get("href", ""), [])

    def handle_endtag(self, tag):
        if tag == "label":
            self._labels -= 1
        elif tag == "legend" and self._legend is not None:
            self.fieldsets[-1]["legend"] = " ".join("".join(self._legend).split())
            self._legend = None
        elif tag == "a" and self._link:
            self.links.append((self._link[0], " ".join("".join(self._link[1]).split())))
            self._link = None

    def handle_data(self, data):
        if self._legend is not None:
            self._legend.append(data)
        if self._link:
            self._link[1].append(data)

    def unlabelled(self) -> list[dict]:
        return [
            f
            for f in self.fields
            if f.get("type") not in ("hidden", "submit")
            and not f["wrapped"]
            and f.get("id") not in self.label_for
        ]


def read(html: str) -> Form:
    form = Form()
    form.feed(html)
    return form


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def start_in_browser(client, slug: str) -> str:
    response = client.post(f"/quizzes/{slug}/start")
    assert response.status_code == 303
    path = urlsplit(response.headers["Location"]).path
    assert re.fullmatch(r"/attempts/[A-Za-z0-9_-]{24,}", path)
    return path


def fields_by_question(form: Form) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for f in form.fields:
        name = f.get("name", "")
        if name.startswith("q-"):
            grouped.setdefault(name, []).append(f)
    return grouped


def test_quiz_list_shows_every_quiz_with_its_question_count(client):
    page = client.get("/quizzes")
    assert page.status_code == 200
    text = text_of(page.get_data(as_text=True))
    for slug in SLUGS:
        raw = raw_bank(slug)
        assert raw["title"] in text
        assert f"{raw.get('draw', len(raw['questions']))} questions" in text
    starts = {a.get("action") for t, a in read(page.get_data(as_text=True)).tags if t == "form"}
    assert {f"/quizzes/{slug}/start" for slug in SLUGS} <= starts


def test_no_history_before_any_attempt(client):
    assert "Your attempts" not in client.get("/quizzes").get_data(as_text=True)


def test_starting_redirects_to_the_attempt_page(client):
    path = start_in_browser(client, "images-vs-containers")
    assert client.get(path).status_code == 200


def test_starting_an_unknown_quiz_is_a_404(client):
    assert client.post("/quizzes/no-such-quiz/start").status_code == 404


@pytest.mark.parametrize("slug", ["container-lifecycle-commands", "misconceptions"])
def test_attempt_page_is_an_accessible_form(client, slug):
    page = client.get(start_in_browser(client, slug)).get_data(as_text=True)
    form = read(page)
    count = len(raw_bank(slug)["questions"])
    assert any(t == "progress" for t, _ in form.tags)
    assert f"Answered 0 of {count}" in text_of(page)
    assert len(form.fieldsets) == count
    assert all(f["legend"] for f in form.fieldsets)
    assert all(f"Question {n} of {count}" in fs["legend"] for n, fs in enumerate(form.fieldsets, 1))
    assert form.fields and not form.unlabelled()
    buttons = {(a.get("name"), a.get("value")) for t, a in form.tags if t == "button"}
    assert {("action", "save"), ("action", "summary")} <= buttons


def _form_answers(form: Form, count: int) -> dict[str, str]:
    """Answer the first `count` single-choice, true/false or text questions on the page."""
    answers = {}
    for name, fields in fields_by_question(form).items():
        kind = fields[0].get("type") or fields[0]["tag"]
        if kind in ("radio", "text") and len(answers) < count:
            answers[name] = fields[0].get("value") if kind == "radio" else "docker ps"
    assert len(answers) == count
    return answers


def test_saving_the_form_keeps_the_answers_and_shows_progress(client):
    path = start_in_browser(client, "container-lifecycle-commands")
    form = read(client.get(path).get_data(as_text=True))
    answers = _form_answers(form, 3)
    saved = client.post(path, data={**answers, "action": "save"})
    assert saved.status_code == 303
    assert urlsplit(saved.headers["Location"]).path == path
    page = client.get(path).get_data(as_text=True)
    total = len(raw_bank("container-lifecycle-commands")["questions"])
    assert f"Answered 3 of {total}" in text_of(page)
    progress = next(a for t, a in read(page).tags if t == "progress")
    assert (progress["value"], progress["max"]) == ("3", str(total))
    again = read(page)
    for name, value in answers.items():
        field = next(f for f in again.fields if f.get("name") == name and f.get("value") == value)
        assert field.get("type") == "text" or "checked" in field


def test_submitting_the_form_shows_results_with_links(client):
    path = start_in_browser(client, "images-vs-containers")
    form = read(client.get(path).get_data(as_text=True))
    done = client.post(path, data={**_form_answers(form, 2), "action": "submit"})
    assert done.status_code == 303
    page = client.get(path)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    text = text_of(html)
    total = len(raw_bank("images-vs-containers")["questions"])
    assert re.search(rf"[\d.]+ of {total}(\.0)? points · [\d.]+%", text)
    assert "Passed" in text or "Not passed" in text
    links = read(html).links
    learn = [href for href, label in links if label.startswith("Learn more")]
    ask = [href for href, label in links if label == "Ask about this"]
    assert learn and all(href.startswith("/topics/") for href in learn)
    assert len(ask) == total
    for href in ask:
        parts = urlsplit(href)
        assert parts.path == "/"
        assert parse_qs(parts.query)["ask"][0].startswith("Explain: ")
    assert client.get(learn[0]).status_code == 200


def test_posting_to_a_submitted_attempt_changes_nothing(client):
    path = start_in_browser(client, "misconceptions")
    client.post(path, data={"action": "submit"})
    before = client.get(path).get_data(as_text=True)
    form = read(before)
    assert client.post(path, data={"action": "submit"}).status_code == 303
    assert client.get(path).get_data(as_text=True) == before
    assert not any(f.get("name", "").startswith("q-") for f in form.fields)


def test_history_lists_the_attempts_after_starting(client):
    path = start_in_browser(client, "misconceptions")
    page = client.get("/quizzes").get_data(as_text=True)
    assert "Your attempts" in page
    assert path in [href for href, _ in read(page).links]
    assert "in progress" in text_of(page)
    client.post(path, data={"action": "submit"})
    assert "% · not passed" in text_of(client.get("/quizzes").get_data(as_text=True))


def test_history_belongs_to_the_browser(app, client):
    start_in_browser(client, "misconceptions")
    other = app.test_client()
    assert "Your attempts" not in other.get("/quizzes").get_data(as_text=True)


def test_the_attempt_limit_applies_to_a_browser(app, client):
    slug = import_small_bank(limit=60, max_attempts=1)
    path = start_in_browser(client, slug)
    client.post(path, data={"action": "submit"})
    assert client.post(f"/quizzes/{slug}/start").status_code == 409
    assert app.test_client().post(f"/quizzes/{slug}/start").status_code == 303


def _right_answers(html: str) -> list[str]:
    found = re.findall(r"<dt>Right answer</dt>\s*<dd>(.*?)</dd>", html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", d).split()) for d in found]


def test_results_show_an_ordering_answer_as_its_steps_in_order(app, client):
    slug = import_small_bank(limit=60, max_attempts=10)
    path = start_in_browser(client, slug)
    client.post(path, data={"action": "submit"})
    html = client.get(path).get_data(as_text=True)
    found = re.findall(r"<dt>Right answer</dt>\s*<dd>(.*?)</dd>", html, re.S)
    ordered = next(d for d in found if "Dockerfile" in d)
    assert ordered.startswith('<ol class="answer-parts">')  # numbered by the list itself
    parts = [
        " ".join(re.sub(r"<[^>]+>", " ", li).split())
        for li in re.findall(r"<li>(.*?)</li>", ordered)
    ]
    assert parts == ["Write a Dockerfile", "Run docker build", "Run docker run"]


def _fill_everything(html: str) -> dict[str, list[str]]:
    """A value for every question field: first choice, first category, places 1..n."""
    data: dict[str, list[str]] = {}
    places: dict[str, int] = {}
    option_values = re.findall(r'<select id="([^"]+)" name="[^"]+">(.*?)</select>', html, re.S)
    selects = {sid: re.findall(r'<option value="([^"]+)"', body) for sid, body in option_values}
    for f in read(html).fields:
        name = f.get("name", "")
        if not name.startswith("q-") or name in data:
            continue
        if f["tag"] == "select":
            values = selects[f["id"]]
            if values[0].isdigit():  # an ordering step: the next free place
                qid = name.rsplit("-", 1)[0]
                places[qid] = places.get(qid, 0) + 1
                data[name] = [str(places[qid])]
            else:
                data[name] = [values[0]]
        elif f.get("type") in ("radio", "checkbox"):
            data[name] = [f["value"]]
        else:
            data[name] = ["docker ps"]
    return data


def test_every_question_type_can_be_answered_with_the_form(client):
    slug = "container-lifecycle-commands"
    path = start_in_browser(client, slug)
    html = client.get(path).get_data(as_text=True)
    total = len(raw_bank(slug)["questions"])
    client.post(path, data={**_fill_everything(html), "action": "save"})
    resumed = client.get(path).get_data(as_text=True)
    assert f"Answered {total} of {total}" in text_of(resumed)
    assert _fill_everything(resumed) == _fill_everything(html)
    selects = [f for f in read(resumed).fields if f["tag"] == "select"]
    assert resumed.count(" selected>") == len(selects)  # every step and item keeps its choice
    client.post(path, data={"action": "submit"})
    results = client.get(path).get_data(as_text=True)
    assert "no answer" not in results
