"""The array clustering (``lsh.cluster_arrays``) gives exactly the clusters of the plain
bucket-by-bucket loop it replaced, kept here as the reference: on generated corpora whose
buckets hold pairs, chains (A like B, B like C, A not like C), empty and very short bodies and
more copies of one story than a bucket has representatives, and on real news text with
trimmed and re-headlined copies of it."""

from __future__ import annotations

import random

import numpy as np
import pytest

from pactwatch.dedup.lsh import (
    LSH_BANDS,
    LSH_ROWS,
    MAX_REPRESENTATIVES,
    _sorted_items,
    _split_mixed_keys,
    band_keys,
    cluster_arrays,
)
from pactwatch.dedup.minhash import NUM_PERM, _alike, signature
from tests.conftest import require_shared


def reference_band_keys(matrix: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """The band keys as computed before, one band at a time."""
    mixers = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                       0xFF51AFD7ED558CCD], dtype=np.uint64)[:rows]
    keys = np.empty((matrix.shape[0], bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = matrix[:, band * rows:(band + 1) * rows]
            keys[:, band] = (block * mixers).sum(axis=1, dtype=np.uint64) ^ np.uint64(band)
    return keys


def reference_clusters(ids: np.ndarray, sizes: np.ndarray, matrix: np.ndarray) -> dict[int, int]:
    """The loop as it stood before the array version: every bucket of two or more, in key order."""
    order_by_id = np.argsort(ids, kind="stable")
    ids, sizes, matrix = ids[order_by_id], sizes[order_by_id], matrix[order_by_id]
    parent = list(range(len(ids)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    usable = np.flatnonzero(sizes > 0)
    if len(usable) > 1:
        keys = reference_band_keys(matrix[usable], LSH_BANDS, LSH_ROWS).ravel()
        assert np.array_equal(keys, band_keys(matrix[usable], LSH_BANDS, LSH_ROWS).ravel())
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        ends = np.r_[starts[1:], len(sorted_keys)]
        for lo, hi in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
            reps: list[int] = []
            for member in sorted({int(usable[int(i) // LSH_BANDS]) for i in order[lo:hi]}):
                joined = False
                for rep in reps:
                    root, other = find(member), find(rep)
                    if root == other:
                        joined = True
                    elif _alike(matrix[member], matrix[rep], int(sizes[member]), int(sizes[rep])):
                        parent[max(root, other)] = min(root, other)
                        joined = True
                if not joined and len(reps) < MAX_REPRESENTATIVES:
                    reps.append(member)
    return {int(ids[row]): int(ids[find(row)]) for row in range(len(ids))}


def arrays(bodies: list[str], ids: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    sigs = [signature(i, b) for i, b in zip(ids, bodies, strict=True)]
    matrix = np.stack([s.hashvalues for s in sigs]) if sigs else np.empty((0, NUM_PERM), dtype=np.uint32)
    return np.array(ids, dtype=np.int64), np.array([s.shingles for s in sigs], dtype=np.int64), matrix


def variants(rng: random.Random, sentences: list[str], pool: list[str]) -> str:
    """A copy of a story as outlets make them: trimmed, boilerplate added, a share of its
    sentences swapped for others (so some copies are alike, some only partly)."""
    kept = sentences[: max(2, len(sentences) - rng.randrange(4))]
    kept = [s if rng.random() > rng.choice((0.0, 0.2, 0.4, 0.6)) else rng.choice(pool) for s in kept]
    if rng.random() < 0.5:
        kept.insert(0, "Sign up for the evening newsletter")
    return ". ".join(kept)


def generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3_000)]  # small enough for chance band collisions
    pool = [" ".join(rng.choices(vocab, k=rng.randint(8, 16))) for _ in range(400)]
    stories: list[list[str]] = []
    bodies: list[str] = []
    for _ in range(n):
        roll = rng.random()
        if stories and roll < 0.45:
            source = stories[rng.randrange(len(stories))] if rng.random() < 0.7 else stories[0]
            body = variants(rng, source, pool)
            stories.append(body.split(". "))  # a copy can be copied again: chains of likeness
        elif roll < 0.48:
            body = rng.choice(("", "Advertisement", "Read more here", "w1 w2 w3 w4"))
        else:
            sentences = [" ".join(rng.choices(vocab, k=rng.randint(8, 18))) for _ in range(rng.randint(3, 9))]
            stories.append(sentences)
            body = ". ".join(sentences)
        bodies.append(body)
    return bodies


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_corpora_cluster_as_the_reference_loop(seed):
    bodies = generated(1_500, seed)
    rng = random.Random(seed)
    ids = rng.sample(range(1, 10 * len(bodies)), len(bodies))  # ids in no particular order
    ids_a, sizes, matrix = arrays(bodies, ids)
    got = cluster_arrays(ids_a, sizes, matrix)
    assert got == reference_clusters(ids_a, sizes, matrix)
    members = np.bincount(np.unique(list(got.values()), return_inverse=True)[1])
    assert members.max() > MAX_REPRESENTATIVES  # the representative cap was reached
    assert (members == 2).sum() > 10 and (members >= 3).sum() > 10


def test_many_identical_and_empty_bodies_cluster_as_the_reference_loop():
    bodies = ["the same short wire story about a summit in a capital city"] * 200 + [""] * 5 + ["one two"] * 3
    ids_a, sizes, matrix = arrays(bodies, list(range(len(bodies), 0, -1)))
    got = cluster_arrays(ids_a, sizes, matrix)
    assert got == reference_clusters(ids_a, sizes, matrix)
    assert len(set(got.values())) == 1 + 5 + 1


def test_real_news_and_copies_of_it_cluster_as_the_reference_loop():
    news = sorted(require_shared("testdata", "news-dev", "articles").glob("*.txt"))
    long = sorted(require_shared("testdata", "quotes", "polnear", "dev", "text").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in news + long]
    rng = random.Random(5)
    bodies = list(texts)
    for _ in range(2 * len(texts)):
        paragraphs = [p for p in rng.choice(bodies).split("\n") if p.strip()]
        cut = rng.randrange(max(1, len(paragraphs) // 2))
        bodies.append("\n".join(paragraphs[cut:] if rng.random() < 0.5 else paragraphs[: len(paragraphs) - cut]))
    ids_a, sizes, matrix = arrays(bodies, list(range(1, len(bodies) + 1)))
    got = cluster_arrays(ids_a, sizes, matrix)
    assert got == reference_clusters(ids_a, sizes, matrix)
    assert len(set(got.values())) < len(texts) + len(bodies) // 4  # copies were found


@pytest.mark.parametrize("spread", [1, 7, 1 << 40])
def test_packed_sort_orders_and_groups_items_as_a_stable_argsort(spread):
    """Keys that share their high bits (here: most of them) are ordered and split by the whole key."""
    rng = np.random.default_rng(spread)
    highs = rng.integers(0, spread, 3_000, dtype=np.uint64) << np.uint64(20)
    keys = highs | rng.integers(0, 5, 3_000, dtype=np.uint64) << np.uint64(rng.integers(0, 12))
    flat, first = _sorted_items(keys)
    _split_mixed_keys(keys, flat, first)
    expected = np.argsort(keys, kind="stable")
    assert flat.tolist() == expected.tolist()
    ordered = keys[expected]
    assert first.tolist() == [True, *(ordered[1:] != ordered[:-1]).tolist()]
