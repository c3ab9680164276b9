"""LSH clustering of near-duplicate stories from their MinHash signatures (``minhash``).

Articles sharing a band key in any band are candidates, each checked by the test of
``minhash.similar``. Band keys are sorted as arrays (no dictionary of buckets: memory stays at a
few bytes per article and band). Most buckets hold two articles; those are checked all at once
with numpy, and only the buckets of three or more go through the representative loop in Python,
so the Python work grows with the clusters found rather than with the buckets.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from pactwatch.dedup.minhash import MIN_CONTAINMENT, MIN_JACCARD, NUM_PERM, Signature, _alike

LSH_BANDS, LSH_ROWS = 42, 3  # datasketch's optimum for minhash.LSH_THRESHOLD with NUM_PERM values
MAX_REPRESENTATIVES = 64  # clusters compared per bucket; a bucket of unrelated texts stays cheap
_PAIR_CHUNK = 4096  # pairs compared per numpy step: bounds the temporary arrays (memory stays flat)
_ROW_CHUNK = 4096  # articles whose band keys are computed per numpy step


def band_keys(matrix: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One uint64 key per (article, band): the band's ``rows`` MinHash values mixed together."""
    mixers = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                       0xFF51AFD7ED558CCD], dtype=np.uint64)[:rows]
    blocks = matrix[:, :bands * rows].reshape(matrix.shape[0], bands, rows)
    with np.errstate(over="ignore"):  # wrapping multiplication is the point
        return (blocks * mixers).sum(axis=2, dtype=np.uint64) ^ np.arange(bands, dtype=np.uint64)


def cluster(signatures: Iterable[Signature]) -> dict[int, int]:
    """article id -> cluster id (the smallest article id in its cluster)."""
    sigs = list(signatures)
    if not sigs:
        return {}
    return cluster_arrays(np.array([s.article_id for s in sigs], dtype=np.int64),
                          np.array([s.shingles for s in sigs], dtype=np.int64),
                          np.stack([s.hashvalues for s in sigs]))


def cluster_arrays(ids: np.ndarray, sizes: np.ndarray, matrix: np.ndarray) -> dict[int, int]:
    """Clusters from parallel arrays: article ids, shingle-set sizes, one MinHash row each.

    Buckets are visited in ascending key order. In each, every member is compared with one
    representative of every cluster already met in that bucket (usually one or two), not with
    every other member: cost and memory stay linear even when thousands of copies share a bucket.
    """
    if np.any(ids[1:] < ids[:-1]):  # the store reads them in id order: no copy of the matrix then
        order_by_id = np.argsort(ids, kind="stable")
        ids, sizes, matrix = ids[order_by_id], sizes[order_by_id], matrix[order_by_id]
    parent = list(range(len(ids)))  # union-find over row numbers; a root is its cluster's first row
    usable = np.flatnonzero(sizes > 0)
    if len(usable) > 1:
        _join_buckets(parent, sizes, matrix, usable)
    roots = np.array(parent, dtype=np.int64)
    while len(roots) and not np.array_equal(roots[roots], roots):
        roots = roots[roots]  # pointer jumping: every row points at its root
    return dict(zip(ids.tolist(), ids[roots].tolist(), strict=True))


def _buckets(matrix: np.ndarray, usable: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The buckets of two or more articles in ascending key order: their start offsets and member
    counts into the returned rows, each bucket's rows ascending and distinct."""
    table = np.empty((len(usable), LSH_BANDS), dtype=np.uint64)
    for lo in range(0, len(usable), _ROW_CHUNK):  # a chunk of rows at a time: no copy of the matrix
        table[lo:lo + _ROW_CHUNK] = band_keys(matrix[usable[lo:lo + _ROW_CHUNK]], LSH_BANDS, LSH_ROWS)
    keys = table.ravel()  # row i, band b -> item i*B+b
    del table
    flat, first = _sorted_items(keys)
    sizes = _group_sizes(first)
    shared = np.repeat(sizes > 1, sizes)  # a key met once is no bucket
    flat, first = flat[shared], first[shared]
    _split_mixed_keys(keys, flat, first)
    rows = usable[flat // LSH_BANDS]  # within a key, items in flat order: rows ascending, an article's together
    keep = first.copy()
    keep[1:] |= rows[1:] != rows[:-1]
    rows, first = rows[keep], first[keep]
    starts = np.flatnonzero(first)
    counts = _group_sizes(first)
    return starts[counts > 1], counts[counts > 1], rows


def _sorted_items(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Item numbers in ascending (key, item) order, and where a new key starts.

    The items are sorted as one uint64 each: the key's high bits above the item number. A plain
    sort of those is cheaper than an argsort of the keys (no index array carried along), and
    equal values cannot occur. Two keys that share their high bits come out as one group, in
    item order; ``_split_mixed_keys`` orders and splits such a group by the whole key.
    """
    shift = np.uint64(max(1, (len(keys) - 1).bit_length()))
    packed = (keys >> shift << shift) | np.arange(len(keys), dtype=np.uint64)
    packed.sort()
    first = np.empty(len(keys), dtype=bool)
    first[0] = True
    high = packed >> shift
    np.not_equal(high[1:], high[:-1], out=first[1:])
    del high
    packed &= (np.uint64(1) << shift) - np.uint64(1)
    return packed.astype(np.int64), first


def _group_sizes(first: np.ndarray) -> np.ndarray:
    starts = np.flatnonzero(first)
    return np.diff(np.r_[starts, len(first)])


def _split_mixed_keys(keys: np.ndarray, flat: np.ndarray, first: np.ndarray) -> None:
    """Where one group holds keys that differ below the packed high bits (rare: about
    (items)^2 / 2^(65 - item bits) pairs), order its items by (key, item) and start a group at
    every new key, in place."""
    whole = keys[flat]
    mixed = np.flatnonzero(~first[1:] & (whole[1:] != whole[:-1])) + 1
    if not len(mixed):
        return
    starts = np.flatnonzero(first)
    ends = np.r_[starts[1:], len(first)]
    for group in np.unique(np.searchsorted(starts, mixed, side="right") - 1).tolist():
        lo, hi = int(starts[group]), int(ends[group])
        order = np.argsort(whole[lo:hi], kind="stable")
        flat[lo:hi], group = flat[lo:hi][order], whole[lo:hi][order]
        first[lo + 1:hi] = group[1:] != group[:-1]


def _join_buckets(parent: list[int], sizes: np.ndarray, matrix: np.ndarray, usable: np.ndarray) -> None:
    starts, counts, rows = _buckets(matrix, usable)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        root, other = find(a), find(b)
        if root != other:
            parent[max(root, other)] = min(root, other)  # rows are in id order

    # A two-article bucket unions its pair when they are alike and does nothing else. Unions
    # commute, and a pair met again is already joined, so such a bucket counts only at its pair's
    # first alike meeting. Buckets of three or more keep their place in key order: which members
    # become representatives depends on what is joined when they come.
    two = counts == 2
    first_rows, second_rows = rows[starts[two]], rows[starts[two] + 1]
    _, met = np.unique(first_rows * len(parent) + second_rows, return_index=True)  # each pair's first bucket
    met = met[_alike_pairs(matrix, sizes, first_rows[met], second_rows[met])]
    larger = np.flatnonzero(~two)
    steps = np.argsort(np.concatenate([np.flatnonzero(two)[met], larger]), kind="stable")
    is_pair = np.r_[np.ones(len(met), dtype=bool), np.zeros(len(larger), dtype=bool)][steps]
    x = np.concatenate([first_rows[met], starts[larger]])[steps]
    y = np.concatenate([second_rows[met], counts[larger]])[steps]
    for pair, a, b in zip(is_pair.tolist(), x.tolist(), y.tolist(), strict=True):
        if pair:
            union(a, b)
            continue
        reps: list[int] = []
        for member in rows[a:a + b].tolist():
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


def _alike_pairs(matrix: np.ndarray, sizes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``minhash._alike`` of each pair (a[i], b[i]), the same float operations in the same order."""
    out = np.empty(len(a), dtype=bool)
    for lo in range(0, len(a), _PAIR_CHUNK):
        left, right = a[lo:lo + _PAIR_CHUNK], b[lo:lo + _PAIR_CHUNK]
        jaccard = np.count_nonzero(matrix[left] == matrix[right], axis=1) / NUM_PERM
        left_size, right_size = sizes[left], sizes[right]
        overlap = jaccard * (left_size + right_size) / (1 + jaccard)
        out[lo:lo + _PAIR_CHUNK] = (jaccard >= MIN_JACCARD) | (overlap / np.minimum(left_size, right_size)
                                                               >= MIN_CONTAINMENT)
    return out
