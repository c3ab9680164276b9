"""Hostile input to every filter of every endpoint; auth; upload limits; CORS; headers."""

from __future__ import annotations

import io
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from pactwatch.api import create_app
from pactwatch.store import open_database
from tests.api.conftest import TOKEN, ApiDb

INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE articles; --",
    "\"; DELETE FROM quotes; --",
    "RUS' UNION SELECT body, body FROM articles --",
    "%", "_", "\\", "%%'--", "*", "NEAR(a b)", "title:x OR body:y", "\"unclosed",
    "<script>alert(1)</script>", "javascript:alert(1)", "../../etc/passwd",
    "\x00", "\x00' OR 1=1", "-1", "1e309", "9" * 40, "ä", "🙂", "RUS\nPRK", "x" * 5000,
]

# every query filter of every read endpoint
FILTERS = {
    "/api/articles": ["q", "since", "until", "publisher", "language", "limit", "offset"],
    "/api/events": ["actor", "dyad", "code", "root", "quad", "since", "until", "article", "limit", "offset"],
    "/api/quotes": ["speaker", "actor", "article", "since", "until", "text", "limit", "offset"],
    "/api/pacts": ["party", "kind", "on"],
    "/api/allies/RUS": ["on"],
    "/api/obligations": ["attacked", "by", "where", "on"],
    "/api/timeline": ["a", "b"],
    "/api/graph": ["on"],
}
PATHS = ["/api/articles/{}", "/api/allies/{}"]
TABLES = ("articles", "paragraphs", "mentions", "quotes", "events", "commitment_reports")


def _counts(url: str) -> dict[str, int]:
    db = open_database(url)
    try:
        assert db.integrity_check() == "ok"
        return db.table_counts(TABLES)
    finally:
        db.close()


def test_injection_in_every_filter_is_answered_and_changes_nothing(client: TestClient, api_db: ApiDb) -> None:
    before = _counts(api_db.url)
    statuses: dict[int, int] = {}
    for path, names in FILTERS.items():
        for name in names:
            for value in INJECTIONS:
                params = {name: value}
                if path == "/api/obligations" and name != "attacked":
                    params["attacked"] = "PRK"
                if path == "/api/timeline":
                    params = {"a": "RUS", "b": "PRK", name: value}
                response = client.get(path, params=params)
                # an actor or place given by name that no table knows is 404 with a suggestion
                allowed = (200, 400, 404) if name in ("party", "attacked", "by", "where") else (200, 400)
                assert response.status_code in allowed, (path, name, value, response.text[:300])
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if response.status_code == 200 and path == "/api/articles" and name != "q":
                    # a filter that matched literally must not widen the result to everything
                    assert response.json()["total"] < before["articles"] or name in ("limit", "offset")
    for template in PATHS:
        for value in INJECTIONS:
            response = client.get(template.format(quote(value, safe="")))
            assert response.status_code in (200, 400, 404), (template, value, response.text[:300])
    assert statuses.get(400) and statuses.get(200)  # both kinds really happened
    assert _counts(api_db.url) == before


def test_injection_cannot_match_everything(client: TestClient) -> None:
    # classic always-true strings are matched literally, so they find nothing
    assert client.get("/api/quotes", params={"speaker": "' OR '1'='1"}).json()["items"] == []
    assert client.get("/api/quotes", params={"text": "%"}).json()["items"] == []
    assert client.get("/api/articles", params={"publisher": "x' OR '1'='1"}).json()["total"] == 0
    # OR is a search operator now; "1=1" is only the words 1 and 1, which add nothing to "coastal"
    coastal = client.get("/api/articles", params={"q": "coastal"}).json()["total"]
    assert client.get("/api/articles", params={"q": "coastal OR 1=1"}).json()["total"] == coastal
    assert client.get("/api/articles", params={"q": "zzqx OR '1'='1"}).json()["total"] == 0


def test_ingest_needs_the_right_token(writable_app_url: str) -> None:
    upload = {"file": ("a.txt", io.BytesIO(b"A title\n\nSome body text for the test."), "text/plain")}
    with TestClient(create_app(writable_app_url)) as closed:
        assert closed.post("/api/ingest", files=upload,
                           headers={"Authorization": "Bearer anything"}).status_code == 403
    with TestClient(create_app(writable_app_url, ingest_token=TOKEN)) as c:
        assert c.post("/api/ingest", files=upload).status_code == 401
        assert c.post("/api/ingest", files=upload, headers={"Authorization": "Bearer"}).status_code == 401
        assert c.post("/api/ingest", files=upload, headers={"Authorization": "Bearer " + TOKEN + "x"}).status_code == 403
        assert c.post("/api/ingest", files=upload, headers={"Authorization": "Bearer " + TOKEN[:-1]}).status_code == 403
        assert c.post("/api/ingest", params={"token": TOKEN}, files=upload).status_code == 401
        assert c.get("/api/articles").json()["total"] == 0  # nothing got in
        ok = c.post("/api/ingest", params={"annotate": "false"}, files=upload,
                    headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200 and ok.json()["new"] == 1


def test_upload_over_the_limit_is_413_and_stores_nothing(writable_app_url: str) -> None:
    app = create_app(writable_app_url, ingest_token=TOKEN, max_upload_bytes=10_000)
    with TestClient(app) as c:
        body = b"A title\n\n" + b"word " * 4000
        response = c.post("/api/ingest", files={"file": ("a.txt", body, "text/plain")},
                          headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 413
        assert c.get("/api/articles").json()["total"] == 0


def test_cors_closed_by_default(client: TestClient) -> None:
    response = client.get("/api/articles", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/ingest", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_opens_only_for_configured_origins(api_db: ApiDb) -> None:
    app = create_app(api_db.url, cors_origins=["https://dashboard.example"])
    with TestClient(app) as c:
        allowed = c.get("/api/articles", headers={"Origin": "https://dashboard.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://dashboard.example"
        other = c.get("/api/articles", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize("path", ["/", "/api/articles", "/static/app.js", "/api/docs", "/api/openapi.json"])
def test_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_page_script_never_uses_html_sinks(client: TestClient) -> None:
    for asset in ("/static/app.js", "/static/docs.js"):
        # comments may name what the code avoids; only code lines are checked
        script = "\n".join(line for line in client.get(asset).text.splitlines()
                           if not line.lstrip().startswith("//"))
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in script, (asset, sink)
