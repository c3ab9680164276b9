"""Full-text search over article titles and bodies, with the backend's own index.

The query is parsed and widened (spellings, actor names) by ``store.search_query``; here it
becomes SQL: FTS5 ``MATCH`` with Porter stemming on SQLite, a ``tsquery`` over the ``english``
configuration without accents on PostgreSQL. Both return the same fields, and a snippet as plain text with the
matched stretches given as ``highlights`` (character offsets into the snippet), so that no
face has to parse markers out of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pactwatch.errors import UsageError, message
from pactwatch.store.articles import _article_filters
from pactwatch.store.database import Database
from pactwatch.store.search_query import SEARCH_CONFIG, Query, compile_query, fts5_match, tsquery_sql

_PHRASE_OR_WORD = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
# Marks around matches inside snippets: control characters never found in stored text (the
# readers remove them), turned into offsets before the rows leave this module.
_OPEN, _CLOSE = "\x02", "\x03"
SNIPPET_TOKENS = 16
_PG_HEADLINE = f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter= … "
_COLUMNS = "a.id, a.title, a.publisher, a.published, a.language, a.section, a.url, a.summary_only"


def fts_terms(query: str) -> list[str]:
    """Phrases ("…") and words of a user query, with FTS syntax characters removed."""
    terms = []
    for phrase, word in _PHRASE_OR_WORD.findall(query):
        words = _WORD.findall(phrase or word)
        if words:
            terms.append(" ".join(words))
    return terms


@dataclass(frozen=True)
class SearchFilters:
    """Bounds on the articles searched. Articles with no publication date pass the date bounds
    unless ``dated_only``: an unknown date is not a date outside the range."""

    since: str | None = None
    until: str | None = None
    publisher: str | None = None
    language: str | None = None
    dated_only: bool = False

    def where(self) -> tuple[str, list[Any]]:
        where, params = _article_filters(self.since, self.until, self.publisher, self.language, alias="a.",
                                         keep_undated=not self.dated_only)
        if self.dated_only:
            where += (" AND " if where else " WHERE ") + "a.published IS NOT NULL"
        return where.replace(" WHERE ", " AND ", 1), params


def _compiled(query: str) -> Query:
    compiled = compile_query(query)
    if not compiled:
        raise UsageError(message("bad_query", query=query, reason="no words to search for"))
    return compiled


def search_articles(db: Database, query: str, limit: int = 20, offset: int = 0,
                    filters: SearchFilters = SearchFilters()) -> list[dict[str, Any]]:
    """Best matches first: id, title, publisher, published, language, section, url,
    summary_only, snippet (plain text), highlights ([start, end] in the snippet), rank."""
    compiled = _compiled(query)
    where, params = filters.where()
    if db.dialect == "sqlite":
        rows = db.query(
            f"SELECT {_COLUMNS}, snippet(articles_fts, -1, ?, ?, ' … ', ?) AS snippet,"
            " bm25(articles_fts, 4.0, 1.0) AS rank"
            f" FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?{where}"
            " ORDER BY rank, a.id LIMIT ? OFFSET ?",
            [_OPEN, _CLOSE, SNIPPET_TOKENS, fts5_match(compiled), *params, limit, offset],
        )
    else:
        tsquery, terms = tsquery_sql(compiled)
        rows = db.query(
            f"SELECT {_COLUMNS}, ts_headline('{SEARCH_CONFIG}', a.body, {tsquery}, ?) AS snippet,"
            f" -ts_rank(a.fts, {tsquery}) AS rank"
            f" FROM articles a WHERE a.fts @@ {tsquery}{where} ORDER BY rank, a.id LIMIT ? OFFSET ?",
            [*terms, _PG_HEADLINE, *terms, *terms, *params, limit, offset],
        )
    return [_with_highlights(row) for row in rows]


def count_matches(db: Database, query: str, filters: SearchFilters = SearchFilters()) -> int:
    """How many articles the query matches within the filters (for paging)."""
    compiled = _compiled(query)
    where, params = filters.where()
    if db.dialect == "sqlite":
        sql = ("SELECT COUNT(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
               f" WHERE articles_fts MATCH ?{where}")
        return int(db.scalar(sql, [fts5_match(compiled), *params]))
    tsquery, terms = tsquery_sql(compiled)
    return int(db.scalar(f"SELECT COUNT(*) FROM articles a WHERE a.fts @@ {tsquery}{where}", [*terms, *params]))


def _with_highlights(row: dict[str, Any]) -> dict[str, Any]:
    marked = row.get("snippet") or ""
    text, spans, start = [], [], None
    length = 0
    for char in marked:
        if char == _OPEN:
            start = length
        elif char == _CLOSE:
            if start is not None and length > start:
                spans.append([start, length])
            start = None
        else:
            text.append(char)
            length += 1
    row["snippet"] = "".join(text)
    row["highlights"] = _merge_adjacent(spans, row["snippet"])
    row["summary_only"] = bool(row.get("summary_only"))
    return row


def _merge_adjacent(spans: list[list[int]], text: str) -> list[list[int]]:
    """One highlight for "North Korea", not one per word: spans joined across white space."""
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return merged


def marked_snippet(row: dict[str, Any], open_mark: str = "[", close_mark: str = "]") -> str:
    """The snippet with its highlights between marks, for terminals."""
    text, out, pos = row.get("snippet") or "", [], 0
    for start, end in row.get("highlights") or []:
        out += [text[pos:start], open_mark, text[start:end], close_mark]
        pos = end
    out.append(text[pos:])
    return "".join(out)
