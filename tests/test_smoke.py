def test_the_chat_page_renders(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b'id="question"' in response.data


def test_asking_returns_an_answer_with_a_source(ask):
    reply = ask("How do I list all containers, including stopped ones?")
    assert reply["kind"] == "answer"
    assert reply["sources"][0]["url"].startswith("/topics/docker-container-ls")
