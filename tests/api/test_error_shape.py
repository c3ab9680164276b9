"""Every kind of error the API can give comes in the one JSON shape, with the right status."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from pactwatch.api import create_app
from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["code"], str) and body["error"]["code"]
    if code is not None:
        assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"].strip()
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body["error"]


@pytest.fixture
def rw_client(writable_app_url: str) -> Iterator[TestClient]:
    app = create_app(writable_app_url, ingest_token=TOKEN, max_upload_bytes=2000)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path, params, names", [
    ("/api/articles", {"limit": "abc"}, "limit"),
    ("/api/articles", {"limit": "0"}, "limit"),
    ("/api/articles", {"limit": "501"}, "limit"),
    ("/api/articles", {"offset": "-1"}, "offset"),
    ("/api/articles", {"since": "2024-13-01"}, "since"),
    ("/api/articles", {"until": "yesterday"}, "until"),
    ("/api/articles", {"q": "!!! ???"}, "q"),
    ("/api/articles/abc", {}, "article_id"),
    ("/api/articles/0", {}, "article_id"),
    ("/api/events", {"actor": "R U S"}, "actor"),
    ("/api/events", {"dyad": "RUS"}, "dyad"),
    ("/api/events", {"code": "abc"}, "code"),
    ("/api/events", {"quad": "5"}, "quad"),
    ("/api/quotes", {"article": "x"}, "article"),
    ("/api/quotes", {"text": "x" * 201}, "text"),
    ("/api/pacts", {"kind": "friendship"}, "kind"),
    ("/api/pacts", {"on": "2024-02-30"}, "on"),
    ("/api/obligations", {}, "attacked"),
    ("/api/timeline", {"a": "RUS"}, "b"),
    ("/api/graph", {"on": "20240701"}, "on"),
])
def test_bad_parameters_are_400_naming_the_parameter(client: TestClient, path: str, params: dict,
                                                     names: str) -> None:
    error = assert_error(client.get(path, params=params), 400, "bad_request")
    assert names in error["message"]


def test_unknown_things_are_404(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.get("/api/articles/987654"), 404, "not_found")
    assert_error(client.get("/static/missing.js"), 404, "not_found")
    assert_error(client.get("/static/../app.py"), 404, "not_found")
    assert_error(client.get("/no/such/page"), 404, "not_found")
    # an unknown actor, place or pact key is an error that says what was meant, never an empty answer
    for path, params, meant in (("/api/allies/XYZ", {}, "did you mean"), ("/api/allies/R-US", {}, "did you mean"),
                                ("/api/obligations", {"attacked": "Narnia"}, "did you mean"),
                                ("/api/obligations", {"attacked": "GRC", "where": "Atlantis"}, "place"),
                                ("/api/pacts", {"party": "XYZ"}, "did you mean"),
                                ("/api/actors/lookup", {"name": "Nort Korea"}, "PRK"),
                                ("/api/pact/natto", {}, "nato")):
        assert meant in assert_error(client.get(path, params=params), 404, "not_found")["message"]


def test_wrong_method_is_405(client: TestClient) -> None:
    error = assert_error(client.delete("/api/articles"), 405, "method_not_allowed")
    assert "method" in error["message"]
    assert_error(client.get("/api/ingest"), 405, "method_not_allowed")
    assert_error(client.put("/api/graph"), 405, "method_not_allowed")


def test_ingest_auth_errors(client: TestClient, rw_client: TestClient) -> None:
    files = {"file": ("a.txt", b"Title\n\nBody text here.", "text/plain")}
    assert_error(client.post("/api/ingest", files=files), 403, "ingest_disabled")  # no token configured
    error = assert_error(rw_client.post("/api/ingest", files=files), 401, "unauthorized")
    assert "Bearer" in error["message"]
    assert rw_client.post("/api/ingest", files=files).headers["www-authenticate"].startswith("Bearer")
    assert_error(rw_client.post("/api/ingest", files=files, headers={"Authorization": "Bearer nope"}),
                 403, "bad_token")
    assert_error(rw_client.post("/api/ingest", files=files, headers={"Authorization": f"Basic {TOKEN}"}),
                 401, "unauthorized")


def test_upload_errors(rw_client: TestClient) -> None:
    big = {"file": ("big.txt", b"x" * 5000, "text/plain")}
    error = assert_error(rw_client.post("/api/ingest", files=big, headers=AUTH), 413, "payload_too_large")
    assert "2000" in error["message"]
    assert_error(rw_client.post("/api/ingest", content=b"just text", headers={**AUTH, "Content-Type": "text/plain"}),
                 415, "unsupported_media_type")
    assert_error(rw_client.post("/api/ingest", data={"other": "field"}, files={"x": ("a.txt", b"a")}, headers=AUTH),
                 400, "bad_request")
    broken = b"--zzz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end"
    assert_error(rw_client.post("/api/ingest", content=broken,
                                headers={**AUTH, "Content-Type": "multipart/form-data; boundary=yyy"}),
                 400, "bad_request")


def test_chunked_upload_over_the_limit_is_413(rw_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the server must count as it reads
        yield b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
        for _ in range(10):
            yield b"y" * 1000
        yield b"\r\n--b--\r\n"

    response = rw_client.post("/api/ingest", content=chunks(),
                              headers={**AUTH, "Content-Type": "multipart/form-data; boundary=b"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_error(response, 413, "payload_too_large")


def test_server_failure_is_500_without_details(rw_client: TestClient, writable_app_url: str) -> None:
    # break the database under the running app: a real failure, not a mocked one
    path = writable_app_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE merged_quote_members") if _has(conn, "merged_quote_members") else None
        conn.execute("DROP TABLE quotes")
    response = rw_client.get("/api/quotes")
    error = assert_error(response, 500, "internal_error")
    assert "quotes" not in error["message"] and "sqlite" not in response.text.lower()
    # the app keeps answering afterwards
    assert rw_client.get("/api/articles").status_code == 200


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone() is not None


def test_every_error_carries_the_security_headers(client: TestClient) -> None:
    for response in (client.get("/api/nothing"), client.get("/api/articles", params={"limit": "x"}),
                     client.delete("/api/articles")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in response.headers["content-security-policy"]
