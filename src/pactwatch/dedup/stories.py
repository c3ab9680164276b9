"""Keeping signatures and story clusters in the store."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pactwatch.dedup.minhash import NUM_PERM, cluster_arrays, signature, values_from_blob
from pactwatch.store.database import Database


def add_signatures(db: Database, article_ids: Sequence[int]) -> int:
    """Compute and store signatures of the given articles that have none yet."""
    added = 0
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start:start + 500])
        marks = ",".join("?" * len(chunk))
        rows = db.query(
            f"SELECT a.id, a.body FROM articles a LEFT JOIN article_signatures s ON s.article_id = a.id"
            f" WHERE a.id IN ({marks}) AND s.article_id IS NULL", chunk)
        sigs = [signature(int(r["id"]), r["body"]) for r in rows]
        with db.transaction():
            db.executemany(
                "INSERT INTO article_signatures (article_id, shingles, minhash) VALUES (?, ?, ?)"
                " ON CONFLICT (article_id) DO NOTHING",
                [(s.article_id, s.shingles, s.to_bytes()) for s in sigs])
        added += len(sigs)
    return added


def rebuild_clusters(db: Database) -> int:
    """Re-cluster every stored article; returns the number of clusters with more than one article."""
    missing = [int(r["id"]) for r in db.query(
        "SELECT a.id FROM articles a LEFT JOIN article_signatures s ON s.article_id = a.id"
        " WHERE s.article_id IS NULL ORDER BY a.id")]
    add_signatures(db, missing)
    # read straight into arrays: one row of NUM_PERM values per article, no object per article
    count = int(db.scalar("SELECT COUNT(*) FROM article_signatures"))
    ids = np.empty(count, dtype=np.int64)
    sizes = np.empty(count, dtype=np.int64)
    matrix = np.empty((count, NUM_PERM), dtype=np.uint32)
    cursor = db.execute("SELECT article_id, shingles, minhash FROM article_signatures ORDER BY article_id")
    row = 0
    for article_id, shingle_count, blob in cursor:
        if row == count:
            break  # rows added by another writer meanwhile wait for the next rebuild
        ids[row], sizes[row] = article_id, shingle_count
        matrix[row] = values_from_blob(blob)
        row += 1
    assignment = cluster_arrays(ids[:row], sizes[:row], matrix[:row])
    with db.transaction():
        db.execute("DELETE FROM story_clusters")
        db.executemany("INSERT INTO story_clusters (article_id, cluster_id) VALUES (?, ?)",
                       sorted(assignment.items()))
    sizes: dict[int, int] = {}
    for cluster_id in assignment.values():
        sizes[cluster_id] = sizes.get(cluster_id, 0) + 1
    return sum(1 for n in sizes.values() if n > 1)
