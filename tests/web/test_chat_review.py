"""The chat page shows a reviewed Dockerfile as a table and a list of findings, without JS."""

import re

from tests.web.markup import parse_page

DOCKERFILE = (
    "FROM ubuntu\nRUN apt-get update\nRUN apt-get install curl\nCOPY . /app\nCMD python app.py"
)


def test_a_reviewed_dockerfile_is_a_table_and_a_list_of_findings(client):
    response = client.post("/ask", data={"question": DOCKERFILE}, follow_redirects=True)
    html = response.get_data(as_text=True)
    page = parse_page(html)
    assert page.find_all("table", **{"class": "review-rows"})
    table = html.split('class="review-rows"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 6  # the header and a row per instruction
    rules = re.findall(r'<code class="finding-rule">([^<]+)</code>', html)
    assert "DL3014" in rules and "SS106" in rules
    assert page.find_all("li", **{"class": "finding finding--error"})
    lessons = [href for _, href in page.links if "#" in href and href.startswith("/topics/")]
    assert len(lessons) >= len(rules)


def test_a_message_over_the_limit_gets_the_page_again_with_a_friendly_error(client):
    response = client.post("/ask", data={"question": "FROM x\n" * 5000})
    assert response.status_code == 413
    assert "Paste only the part that matters" in response.get_data(as_text=True)
