"""The body is the only copy of an article's text; databases made before that are migrated."""

from __future__ import annotations

from pactwatch.store import open_database
from pactwatch.store.articles import get_article, save_article
from pactwatch.store.database import apply_migrations
from pactwatch.store.search import search_articles

BEFORE_TEXT_ONCE = 9  # the last migration whose paragraphs table still held a copy of the text


def _columns(db, table: str) -> set[str]:
    if db.dialect == "sqlite":
        return {r["name"] for r in db.query(f"PRAGMA table_info({table})")}
    return {r["column_name"] for r in db.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", (table,))}


def test_paragraph_rows_hold_spans_not_text(db):
    assert "text" not in _columns(db, "paragraphs")
    assert {"start_char", "end_char", "occurrences"} <= _columns(db, "paragraphs")


def test_paragraph_texts_are_sliced_from_the_body(db):
    paragraphs = ["Ukraine and Poland signed a border accord on Friday.", "« Quoted », said the envoy — twice.",
                  "A third paragraph with an emoji 🚀 and accents: Bogotá, Zürich."]
    from pactwatch.records import Article

    article = Article(title="Accord", paragraphs=paragraphs, origin="memory", paragraph_counts=[1, 3, 1])
    stored = get_article(db, save_article(db, article).article_id)
    assert [p["text"] for p in stored["paragraphs"]] == paragraphs
    assert [p["occurrences"] for p in stored["paragraphs"]] == [1, 3, 1]
    assert stored["body"] == article.body


def test_an_older_database_keeps_every_paragraph_and_its_search(db_url):
    old = open_database(db_url, migrate=False)
    apply_migrations(old, until=BEFORE_TEXT_ONCE)
    assert "text" in _columns(old, "paragraphs")
    body = "Kenya and Chile agreed on a fisheries pact.\n\nThe envoys will meet again in March."
    with old.transaction():
        article_id = old.scalar(
            "INSERT INTO articles (content_hash, origin, title, body, ingested_at)"
            " VALUES ('h1', 'memory', 'Fisheries', ?, '2024-01-01') RETURNING id", (body,))
        old.executemany(
            "INSERT INTO paragraphs (article_id, idx, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
            [(article_id, 0, 0, 43, body[0:43]), (article_id, 1, 45, len(body), body[45:])])
    old.close()

    db = open_database(db_url)  # applies the rest
    try:
        assert "text" not in _columns(db, "paragraphs")
        stored = get_article(db, int(article_id))
        assert [p["text"] for p in stored["paragraphs"]] == body.split("\n\n")
        assert [r["id"] for r in search_articles(db, "envoys March")] == [article_id]
    finally:
        db.close()
