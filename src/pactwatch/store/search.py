"""Full-text search over article titles and bodies, with the backend's own index."""

from __future__ import annotations

import re
from typing import Any

from pactwatch.errors import UsageError, message
from pactwatch.store.database import Database

_PHRASE_OR_WORD = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_terms(query: str) -> list[str]:
    """Phrases ("…") and words of a user query, with FTS syntax characters removed.

    Users type plain words; we never pass their text to the FTS parser unquoted, so operators
    and punctuation in a query cannot change its meaning or raise a syntax error.
    """
    terms = []
    for phrase, word in _PHRASE_OR_WORD.findall(query):
        words = _WORD.findall(phrase or word)
        if words:
            terms.append(" ".join(words))
    return terms


def search_articles(db: Database, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    terms = fts_terms(query)
    if not terms:
        raise UsageError(message("bad_query", query=query, reason="no words to search for"))
    if db.dialect == "sqlite":
        match = " ".join('"' + t.replace('"', "") + '"' for t in terms)
        return db.query(
            "SELECT a.id, a.title, a.publisher, a.published, a.language,"
            " snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet,"
            " bm25(articles_fts) AS rank"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ? OFFSET ?",
            (match, limit, offset),
        )
    from pactwatch.store.postgres import search_postgres

    return search_postgres(db, terms, limit, offset)
