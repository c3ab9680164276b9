"""The JSON API, in-process, over the fixture corpus (see corpus.py for every expected value)."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient

from pactwatch.api import create_app
from tests.api.conftest import TOKEN, ApiDb
from tests.api.corpus import ACCESS, COASTAL


def titles(body: dict) -> list[str]:
    return [item["title"] for item in body["items"]]


# -- articles ------------------------------------------------------------------------------------
def test_articles_newest_first_with_total_and_paging(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    published = [i["published"] for i in body["items"]]
    assert published == sorted(published, reverse=True)
    assert body["total"] == len(body["items"]) >= 5
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and first["total"] == body["total"]
    assert [i["id"] for i in first["items"] + second["items"]] == [i["id"] for i in body["items"][:4]]


def test_articles_filters(client: TestClient) -> None:
    body = client.get("/api/articles", params={"publisher": "baltic test wire"}).json()
    assert sorted(titles(body)) == ["Estonia and Finland agree to pool coastal air defences",
                                    "Estonia ends consultation clause of coastal pact"]
    assert titles(client.get("/api/articles", params={"language": "de"}).json()) == [
        "Berlin und Paris vereinbaren gemeinsame Übungen"]
    # until is inclusive of the whole day: the 2022-01-06 08:30 article counts
    body = client.get("/api/articles", params={"since": "2022-01-06", "until": "2022-01-06"}).json()
    assert titles(body) == ["Japan and Australia sign reciprocal access agreement"]
    assert client.get("/api/articles", params={"since": "2030-01-01"}).json() == {
        "items": [], "limit": 50, "offset": 0, "total": 0}


def test_articles_full_text_search_with_filter(client: TestClient) -> None:
    body = client.get("/api/articles", params={"q": "coastal"}).json()
    assert set(titles(body)) == {"Estonia and Finland agree to pool coastal air defences",
                                 "Estonia ends consultation clause of coastal pact"}
    assert body["total"] == 2
    # snippets are plain text; the matches are given as ranges of it
    for item in body["items"]:
        assert "[" not in item["snippet"] and "\x02" not in item["snippet"]
        assert all(item["snippet"][a:b].lower() == "coastal" for a, b in item["highlights"])
    assert any(item["highlights"] for item in body["items"])
    narrowed = client.get("/api/articles", params={"q": "coastal", "since": "2024-01-01"}).json()
    assert titles(narrowed) == ["Estonia ends consultation clause of coastal pact"]
    assert client.get("/api/articles", params={"q": '"reciprocal access"'}).json()["total"] == 1


def test_search_north_korea_finds_the_seed(client: TestClient, api_db: ApiDb, seed_path) -> None:
    body = client.get("/api/articles", params={"q": "North Korea"}).json()
    assert api_db.ids["seed"] in [i["id"] for i in body["items"]]


def test_article_details_with_offsets(client: TestClient, api_db: ApiDb) -> None:
    body = client.get(f"/api/articles/{api_db.ids['coastal']}").json()
    text = body["body"]
    assert body["title"] == COASTAL.splitlines()[0]
    assert body["publisher"] == "Baltic Test Wire"
    assert [p["idx"] for p in body["paragraphs"]] == [0, 1, 2]
    (quote,) = body["quotes"]
    assert quote["speaker"] == "Hanno Pevkur" and quote["speaker_actor_name"] == "Estonia"
    assert text[quote["start_char"]:quote["end_char"]] == quote["text"] == "Our shores are one shore now,"
    assert text[quote["speaker_start"]:quote["speaker_end"]] == "Hanno Pevkur"
    assert {m["actor_code"] for m in body["mentions"]} == {"EST", "FIN"}
    for m in body["mentions"]:
        assert text[m["start_char"]:m["end_char"]] == m["text"]
    (event,) = body["events"]
    assert (event["cameo_code"], event["name"], event["goldstein"]) == ("057", "Sign formal agreement", 8.0)
    assert text[event["start_char"]:event["end_char"]] == event["sentence"]
    reports = body["commitment_reports"]
    assert {tuple(r["kinds"]) for r in reports} == {("military_cooperation",), ("consultation",)}
    for r in reports:
        assert r["parties"] == ["EST", "FIN"] and r["party_names"]["FIN"] == "Finland"
        assert text[r["start_char"]:r["end_char"]] == r["sentence"]


def test_unknown_article_is_404(client: TestClient) -> None:
    response = client.get("/api/articles/999999")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "no article with id 999999"


# -- events and quotes ---------------------------------------------------------------------------
def test_events_filters(client: TestClient, api_db: ApiDb) -> None:
    def codes(**params: object) -> list[tuple[str, str, str]]:
        body = client.get("/api/events", params=params).json()
        assert body["total"] == len(body["items"])
        return sorted((e["source"], e["target"], e["cameo_code"]) for e in body["items"])

    assert codes(actor="PRK") == [("JPN", "PRK", "111"), ("PRKGOV", "JPN", "138")] + (
        [("RUS", "PRK", "057")] if "seed" in api_db.ids else [])
    assert codes(dyad="PRK-JPN") == codes(dyad="JPN-PRK") == [("JPN", "PRK", "111"), ("PRKGOV", "JPN", "138")]
    assert codes(code="13") == [("PRKGOV", "JPN", "138")]
    assert codes(root="11") == [("JPN", "PRK", "111")]
    assert codes(quad=3, actor="JPN") == [("JPN", "PRK", "111"), ("PRKGOV", "JPN", "138")]
    assert codes(article=api_db.ids["access"]) == [("JPN", "AUS", "057")]
    # an event without its own date takes its article's day
    assert codes(since="2024-02-10", until="2024-02-10") == [("JPN", "PRK", "111"), ("PRKGOV", "JPN", "138")]
    assert codes(until="2022-12-31") == [("JPN", "AUS", "057")]
    undated = client.get("/api/events", params={"code": "138"}).json()["items"][0]
    assert undated["date"] == "2024-02-10" and undated["date_from_article"] is True
    assert undated["name"].startswith("Threaten")


def test_quotes_filters(client: TestClient, api_db: ApiDb) -> None:
    def speakers(**params: object) -> list[str]:
        return sorted(q["speaker"] for q in client.get("/api/quotes", params=params).json()["items"])

    assert speakers(speaker="kishida") == ["Fumio Kishida"]
    assert speakers(actor="EST") == ["Hanno Pevkur"]
    assert speakers(article=api_db.ids["access"]) == ["Fumio Kishida"]
    assert speakers(text="ONE SHORE") == ["Hanno Pevkur"]
    assert speakers(until="2022-12-31") == ["Fumio Kishida"]
    assert speakers(since="2023-01-01", until="2023-12-31") == ["Hanno Pevkur"]
    assert speakers(text="100%") == []  # % is literal text, not a wildcard
    body = client.get("/api/quotes", params={"speaker": "Pevkur"}).json()
    assert body["items"][0]["title"] == COASTAL.splitlines()[0] and body["has_more"] is False
    first = client.get("/api/quotes", params={"limit": 1}).json()
    second = client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()
    assert first["has_more"] is True and first["items"][0]["id"] != second["items"][0]["id"]


def test_seed_quote_by_putin(client: TestClient, api_db: ApiDb, seed_path) -> None:
    body = client.get("/api/quotes", params={"speaker": "putin"}).json()
    assert body["items"] and all(q["article_id"] == api_db.ids["seed"] for q in body["items"])


# -- commitments (answers from pactwatch.pacts.queries over the merged commitments store) ------------
def test_pacts_on_a_day(client: TestClient) -> None:
    def pairs(**params: object) -> list[tuple[str, ...]]:
        body = client.get("/api/pacts", params={"baseline": "false", **params}).json()
        return sorted(tuple(p["party"] for p in item["parties"]) for item in body["items"])

    assert pairs(on="2023-06-01") == [("AUS", "JPN"), ("EST", "FIN")]
    assert pairs(on="2021-12-31") == []
    assert ("EST", "FIN") not in pairs(on="2025-02-01")  # withdrawn on 2025-01-15
    assert pairs(on="2023-06-01", party="est") == [("EST", "FIN")]
    assert pairs(on="2023-06-01", kind="consultation") == [("EST", "FIN")]
    body = client.get("/api/pacts", params={"baseline": "false", "party": "EST"}).json()
    (est_fin,) = body["items"]
    assert est_fin["kinds"] == ["consultation", "military_cooperation"] and est_fin["ended"] == "2025-01-15"
    steps = [(s["lifecycle_event"], s["date"]) for s in est_fin["lifecycle"]]
    assert steps == [("signed", "2023-03-14"), ("signed", "2023-03-14"), ("withdrew", "2025-01-15")]
    # the shipped baseline table comes in by default
    with_baseline = client.get("/api/pacts", params={"party": "EST", "on": "2023-06-01"}).json()
    assert any(item["key"] == "nato" and item["status"] == "in_force" for item in with_baseline["items"])


def test_allies_and_obligations(client: TestClient, api_db: ApiDb) -> None:
    # consultation and cooperation oblige nobody to fight: no article ally for Estonia
    articles_only = client.get("/api/allies/est", params={"on": "2024-01-01", "baseline": "false"}).json()
    assert articles_only["actor"] == {"code": "EST", "name": "Estonia"} and articles_only["items"] == []
    nato = client.get("/api/allies/EST", params={"on": "2024-01-01"}).json()["items"]
    assert {"FIN", "USA"} <= {a["ally"]["code"] for a in nato} and "EST" not in {a["ally"]["code"] for a in nato}
    usa = next(a for a in nato if a["ally"]["code"] == "USA")
    assert usa["ally"]["name"] == "United States" and usa["commitment"]["key"] == "nato"
    assert usa["article"]["cited"] == "Art. 5" and usa["scope"]["regions"][0]["code"] == "north_atlantic_area"
    if "seed" in api_db.ids:
        body = client.get("/api/obligations", params={"attacked": "North Korea", "by": "USA",
                                                      "on": "2024-12-05"}).json()
        assert {"CHN", "RUS"} <= set(body["defender_states"]) and body["by"] == {"code": "USA", "name": "United States"}
        (russia,) = [d for d in body["defenders"] if d["ally"]["code"] == "RUS"]
        assert api_db.ids["seed"] in {e["article_id"] for e in russia["evidence"]}
        assert "Art. 4" in body["summary"]
        signed = client.get("/api/obligations", params={"attacked": "PRK", "on": "2024-07-01"}).json()
        assert "CHN" in signed["defender_states"] and "RUS" not in signed["defender_states"]
        assert [r["commitment"]["key"] for r in signed["signed_not_in_force"]] == ["rus-prk-2024"]


def test_graph_replays_dates(client: TestClient, api_db: ApiDb) -> None:
    def graph(on: str, baseline: str = "false") -> dict:
        return client.get("/api/graph", params={"on": on, "baseline": baseline}).json()

    body = graph("2023-06-01")
    assert [e["id"] for e in body["edges"]] == ["AUS-JPN", "EST-FIN"]
    est_fin = body["edges"][1]
    assert est_fin["kinds"] == ["consultation", "military_cooperation"] and est_fin["kind"] == "consultation"
    assert est_fin["status"] == "signed" and est_fin["direction"] == "none" and est_fin["defence"] is False
    (ref,) = est_fin["commitments"]
    assert ref == {"key": "est-fin-consultation-2023", "status": "signed"}
    commitment = body["commitments"][ref["key"]]
    assert {s["article_id"] for s in commitment["sources"]} == {api_db.ids["coastal"]}
    assert commitment["sources"][0]["article_title"] == COASTAL.splitlines()[0]
    assert {n["code"] for n in body["nodes"]} == {"AUS", "JPN", "EST", "FIN"}
    assert {"code": "FIN", "name": "Finland"} in body["nodes"]
    # all_nodes stays the same whatever the date, so a page can keep its layout
    early = graph("2022-06-01")
    assert early["all_nodes"] == body["all_nodes"] and [e["id"] for e in early["edges"]] == ["AUS-JPN"]
    assert "EST-FIN" not in [e["id"] for e in graph("2025-02-01")["edges"]]
    assert body["dates"]["first"] == "2022-01-06" and body["dates"]["last"] == "2025-01-15"
    # organisations are hubs: NATO members link to NATO, not to each other
    nato = graph("2024-06-01", "true")
    ids = {e["id"] for e in nato["edges"]}
    assert {"FIN-NATO", "NATO-USA", "EST-NATO"} <= ids and "FIN-USA" not in ids
    if "seed" in api_db.ids:
        def prk_rus(on: str) -> dict:
            return next(e for e in graph(on, "true")["edges"] if e["id"] == "PRK-RUS")

        assert (prk_rus("2024-07-01")["status"], prk_rus("2024-12-05")["status"]) == ("signed", "in_force")
        assert prk_rus("2024-12-05")["direction"] == "mutual"
        assert "PRK-RUS" not in [e["id"] for e in graph("2024-06-01")["edges"]]
        with_baseline = graph("2024-07-01", "true")
        assert "PRK-RUS" in [e["id"] for e in with_baseline["edges"]]


def test_timeline_of_a_dyad(client: TestClient, api_db: ApiDb) -> None:
    body = client.get("/api/timeline", params={"a": "JPN", "b": "PRK"}).json()
    assert body["a"] == {"code": "JPN", "name": "Japan"}
    (month,) = body["months"]  # the undated threat is left out of the monthly totals
    assert (month["month"], month["events"], month["goldstein"]) == ("2024-02", 1, -2.0)
    assert [e["cameo_code"] for e in body["events"]] == ["111"]
    assert body["events"][0]["article_title"] == "Japan protests new missile launch by North Korea"
    est = client.get("/api/timeline", params={"a": "FIN", "b": "EST"}).json()
    history = [(h["date"], h["lifecycle_event"], h["article_id"]) for h in est["commitment_history"]
               if h["source"] == "article"]
    assert history == [("2023-03-14", "signed", api_db.ids["coastal"]), ("2023-03-14", "signed", api_db.ids["coastal"]),
                       ("2025-01-15", "withdrew", api_db.ids["withdraw"])]


# -- ingest --------------------------------------------------------------------------------------
def test_ingest_upload_runs_the_cli_ingest(writable_app_url: str) -> None:
    app = create_app(writable_app_url, ingest_token=TOKEN)
    with TestClient(app) as c:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        files = {"file": ("../../etc/access.txt", io.BytesIO(ACCESS.encode()), "text/plain")}
        first = c.post("/api/ingest", params={"annotate": "false"}, headers=headers, files=files)
        assert first.status_code == 200, first.text
        summary = first.json()
        assert (summary["new"], summary["known"], summary["failed"]) == (1, 0, 0)
        assert summary["file"] == "access.txt"  # no path from the client survives
        (article_id,) = summary["article_ids"]
        stored = c.get(f"/api/articles/{article_id}").json()
        assert stored["title"] == "Japan and Australia sign reciprocal access agreement"
        files = {"file": ("access.txt", io.BytesIO(ACCESS.encode()), "text/plain")}
        again = c.post("/api/ingest", params={"annotate": "false"}, headers=headers, files=files).json()
        assert (again["new"], again["known"], again["article_ids"]) == (0, 1, [article_id])
        files = {"file": ("empty.txt", io.BytesIO(b""), "text/plain")}
        bad = c.post("/api/ingest", params={"annotate": "false"}, headers=headers, files=files).json()
        assert bad["failed"] == 1 and bad["failures"][0]["origin"].startswith("upload")
        assert "pactwatch-upload" not in str(bad)


@pytest.mark.slow
def test_ingest_upload_annotates_with_the_pipeline(writable_app_url: str, seed_path) -> None:
    app = create_app(writable_app_url, ingest_token=TOKEN)
    with TestClient(app) as c:
        graph = {"on": "2024-07-01"}

        def seed_treaty_articles() -> set[int]:
            sources = c.get("/api/graph", params=graph).json()["commitments"]["rus-prk-2024"]["sources"]
            return {s["article_id"] for s in sources if s["article_id"]}

        assert seed_treaty_articles() == set()  # the baseline row alone (and now cached)
        files = {"file": ("seed.txt", seed_path.read_bytes(), "text/plain")}
        response = c.post("/api/ingest", headers={"Authorization": f"Bearer {TOKEN}"}, files=files)
        assert response.status_code == 200, response.text
        (article_id,) = response.json()["article_ids"]
        details = c.get(f"/api/articles/{article_id}").json()
        assert details["annotated_at"] is not None
        assert {"RUS", "PRK"} <= {m["actor_code"][:3] for m in details["mentions"]}
        # the commitment store is rebuilt by the upload and the cached graph is not served again:
        # the article is now a source of the same treaty
        assert seed_treaty_articles() == {article_id}


# -- the page and the docs -----------------------------------------------------------------------
def test_page_and_docs_are_served_without_cdn(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'src="/static/app.js"' in page.text and "<script>" not in page.text
    for asset in ("/static/app.js", "/static/app.css", "/static/docs.js"):
        assert client.get(asset).status_code == 200
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    for text in (page.text, docs.text, client.get("/static/app.js").text, client.get("/static/docs.js").text):
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/quotes", "/api/pacts",
                 "/api/allies/{actor}", "/api/obligations", "/api/timeline", "/api/graph", "/api/ingest"):
        assert path in schema["paths"], path
