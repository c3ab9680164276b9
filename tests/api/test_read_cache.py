"""Cached GET answers are never older than the data: any committed write invalidates them."""

from __future__ import annotations

import warnings
from datetime import datetime

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from pactwatch.api import create_app
from pactwatch.api.read_cache import ReadCacheMiddleware
from pactwatch.records import Article
from pactwatch.store import open_database
from pactwatch.store.articles import save_article


def _article(title: str) -> Article:
    return Article(title=title, paragraphs=[f"{title}: ministers met on Monday and agreed to talk again."],
                   origin="t", published=datetime(2025, 1, 6))


def test_a_write_from_another_connection_is_seen_at_once(db_url):
    writer = open_database(db_url)
    save_article(writer, _article("First meeting"))
    with TestClient(create_app(db_url)) as client:
        first = client.get("/api/articles").json()
        assert client.get("/api/articles").json() == first  # served again, same answer
        save_article(writer, _article("Second meeting"))
        titles = [a["title"] for a in client.get("/api/articles").json()["items"]]
        assert "Second meeting" in titles
    writer.close()


def test_only_sqlite_files_are_cached():
    assert ReadCacheMiddleware(None, "postgresql://u@h/db").files == []  # type: ignore[arg-type]
    assert ReadCacheMiddleware(None, "sqlite:///x/y.sqlite").files == ["x/y.sqlite", "x/y.sqlite-wal"]  # type: ignore[arg-type]
