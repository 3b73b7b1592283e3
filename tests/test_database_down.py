"""A database that does not answer gets 503 with the JSON error (never a 500), and the app
recovers by itself when the database returns."""

from __future__ import annotations

import contextlib
import socket
import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from shipshape.extensions import db
from shipshape.runtime import ensure_ready

from .conftest import close, make_app
from .databases import SERVER_URL, drop_database, new_database, using_postgres


def closed_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


UNREACHABLE = {
    "postgresql": lambda tmp: f"postgresql://nobody:secret@127.0.0.1:{closed_port()}/shipshape",
    "sqlite": lambda tmp: f"sqlite:///{tmp / 'no-such-folder' / 'shipshape.db'}",
}


@pytest.fixture(params=sorted(UNREACHABLE))
def down_client(request, tmp_path):
    application = make_app(tmp_path, UNREACHABLE[request.param](tmp_path))
    with application.app_context():
        yield application.test_client()
        close(application)


def assert_database_unavailable(response) -> None:
    assert response.status_code == 503, response.get_data(as_text=True)
    assert response.get_json()["error"]["code"] == "database_unavailable"
    assert response.headers["Retry-After"] == "5"


def test_liveness_still_answers_without_a_database(down_client):
    assert down_client.get("/livez").status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/healthz", None),
        ("post", "/api/ask", {"question": "what is an image"}),
        ("get", "/api/quizzes", None),
        ("post", "/api/quizzes/images-vs-containers/attempts", None),
    ],
)
def test_json_endpoints_answer_503_database_unavailable(down_client, method, path, body):
    assert_database_unavailable(getattr(down_client, method)(path, json=body))


def test_a_page_says_the_database_does_not_answer_with_503(down_client):
    response = down_client.get("/topics", headers={"Accept": "text/html"})
    assert response.status_code == 503
    assert "The database does not answer" in response.get_data(as_text=True)


def test_the_app_recovers_once_the_sqlite_folder_appears(tmp_path):
    url = UNREACHABLE["sqlite"](tmp_path)
    application = make_app(tmp_path, url, SHIPSHAPE_AUTO_IMPORT=False)
    client = application.test_client()
    with application.app_context():
        assert_database_unavailable(client.post("/api/ask", json={"question": "image"}))
        (tmp_path / "no-such-folder").mkdir()
        answer = client.post("/api/ask", json={"question": "what is an image"})
        assert answer.status_code == 200, answer.get_data(as_text=True)
        close(application)


class TcpProxy:
    """A loopback port forwarding to the test PostgreSQL server, cut and restored at will."""

    def __init__(self, target: tuple[str, int]):
        self.target, self.port = target, closed_port()
        self._links: list[socket.socket] = []
        self._listener: socket.socket | None = None

    def start(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def stop(self) -> None:
        """Refuse new connections and cut open ones, as a stopped server does."""
        for sock in [self._listener, *self._links]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked threads; close() would not
            sock.close()
        self._links.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self._links += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            sink.close()


@pytest.fixture
def proxied_app(tmp_path):
    """An app on a PostgreSQL database reached through a TcpProxy, set up and answering."""
    if not using_postgres():
        pytest.skip("needs TEST_DATABASE_URL (a PostgreSQL server)")
    url, name = new_database(tmp_path)
    host_port = SERVER_URL.split("@", 1)[1].split("/", 1)[0]
    host, _, port = host_port.rpartition(":")
    proxy = TcpProxy((host, int(port)))
    proxy.start()
    proxied = url.replace(host_port, f"127.0.0.1:{proxy.port}")
    application = make_app(tmp_path, proxied, SHIPSHAPE_AUTO_IMPORT=False)
    with application.app_context():
        ensure_ready(application)
        yield application, proxy
        close(application)
    proxy.stop()
    drop_database(name)


def test_a_running_app_answers_503_while_postgresql_is_down_then_recovers(proxied_app):
    application, proxy = proxied_app
    client = application.test_client()
    question = {"question": "what is an image"}
    assert client.post("/api/ask", json=question).status_code == 200
    proxy.stop()
    assert_database_unavailable(client.post("/api/ask", json=question))
    assert_database_unavailable(client.get("/healthz"))
    proxy.start()
    assert client.post("/api/ask", json=question).status_code == 200


def test_a_connection_lost_inside_a_transaction_is_let_go_without_another_error(proxied_app):
    _, proxy = proxied_app
    db.session.execute(text("SELECT 1"))  # a transaction holds the connection
    proxy.stop()
    with pytest.raises(OperationalError):
        db.session.execute(text("SELECT 1"))
    db.session.remove()  # what the request teardown does; it must not raise
    proxy.start()
    assert db.session.execute(text("SELECT 1")).scalar() == 1
    db.session.remove()
