"""Story-cluster tables: MinHash signatures per article and the cluster each article is in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pactwatch.store.database import Database


def bodies_without_signature(db: Database, article_ids: Sequence[int]) -> list[dict[str, Any]]:
    """(id, body) of those articles that have no signature yet."""
    marks = ",".join("?" * len(article_ids))
    return db.query(
        f"SELECT a.id, a.body FROM articles a LEFT JOIN article_signatures s ON s.article_id = a.id"
        f" WHERE a.id IN ({marks}) AND s.article_id IS NULL", list(article_ids))


def add_signature_rows(db: Database, rows: Iterable[tuple[int, int, bytes]]) -> None:
    """Store (article_id, shingle count, MinHash bytes) rows in one transaction; known ids are kept."""
    with db.transaction():
        db.executemany(
            "INSERT INTO article_signatures (article_id, shingles, minhash) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO NOTHING", list(rows))


def unsigned_article_ids(db: Database) -> list[int]:
    return [int(r["id"]) for r in db.query(
        "SELECT a.id FROM articles a LEFT JOIN article_signatures s ON s.article_id = a.id"
        " WHERE s.article_id IS NULL ORDER BY a.id")]


def signature_count(db: Database) -> int:
    return int(db.scalar("SELECT COUNT(*) FROM article_signatures"))


def signature_rows(db: Database) -> Iterator[tuple[int, int, bytes]]:
    """(article_id, shingle count, MinHash bytes) of every article, by id, straight off the cursor."""
    yield from db.execute("SELECT article_id, shingles, minhash FROM article_signatures ORDER BY article_id")


def replace_clusters(db: Database, assignment: dict[int, int]) -> None:
    """Store article -> cluster, replacing the earlier clustering, in one transaction."""
    with db.transaction():
        db.execute("DELETE FROM story_clusters")
        db.executemany("INSERT INTO story_clusters (article_id, cluster_id) VALUES (?, ?)",
                       sorted(assignment.items()))
