"""Keeping signatures and story clusters in the store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from pactwatch.dedup.lsh import cluster_arrays
from pactwatch.dedup.minhash import NUM_PERM, signature, values_from_blob
from pactwatch.store import clusters
from pactwatch.store.database import Database


def add_signatures(db: Database, article_ids: Sequence[int]) -> int:
    """Compute and store signatures of the given articles that have none yet."""
    added = 0
    for start in range(0, len(article_ids), 500):
        rows = clusters.bodies_without_signature(db, list(article_ids[start:start + 500]))
        sigs = [signature(int(r["id"]), r["body"]) for r in rows]
        clusters.add_signature_rows(db, [(s.article_id, s.shingles, s.to_bytes()) for s in sigs])
        added += len(sigs)
    return added


def rebuild_clusters(db: Database) -> int:
    """Re-cluster every stored article; returns the number of clusters with more than one article."""
    add_signatures(db, clusters.unsigned_article_ids(db))
    # read straight into arrays: one row of NUM_PERM values per article, no object per article
    count = clusters.signature_count(db)
    ids = np.empty(count, dtype=np.int64)
    sizes = np.empty(count, dtype=np.int64)
    matrix = np.empty((count, NUM_PERM), dtype=np.uint32)
    row = 0
    for article_id, shingle_count, blob in clusters.signature_rows(db):
        if row == count:
            break  # rows added by another writer meanwhile wait for the next rebuild
        ids[row], sizes[row] = article_id, shingle_count
        matrix[row] = values_from_blob(blob)
        row += 1
    assignment = cluster_arrays(ids[:row], sizes[:row], matrix[:row])
    clusters.replace_clusters(db, assignment)
    members = Counter(assignment.values())
    return sum(1 for n in members.values() if n > 1)
