"""MinHash signatures of article bodies and LSH clustering of near-duplicate stories.

Copies of one wire story differ in headline, boilerplate and trimming, so we compare bodies by
word shingles and accept a pair when either the Jaccard similarity or the containment (share
of the shorter text found in the longer) is high: a trimmed copy is contained in the full one.
Candidate pairs come from LSH buckets, so the cost grows with the corpus, not its square.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
SCHEME = "affine32"  # stored signatures must be read back with the scheme that made them
SHINGLE_WORDS = 4
LSH_THRESHOLD = 0.25  # candidate generation; the checks below decide
MIN_JACCARD = 0.45
MIN_CONTAINMENT = 0.6
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Signature:
    article_id: int
    shingles: int
    hashvalues: np.ndarray  # NUM_PERM values below 2**32 (the affine32 scheme)

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()

    @classmethod
    def from_row(cls, article_id: int, shingles: int, blob: bytes) -> Signature:
        return cls(article_id, shingles, values_from_blob(blob))


def values_from_blob(blob: bytes) -> np.ndarray:
    """Stored values as uint32: four bytes each (eight in signatures written by earlier builds)."""
    data = bytes(blob)
    dtype = "<u8" if len(data) == NUM_PERM * 8 else "<u4"
    return np.frombuffer(data, dtype=dtype).astype(np.uint32)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


# MurmurHash3's 32-bit finalizer (shifts and multipliers), the pre-mix of the affine32 scheme
FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
EMPTY = np.uint32(0xFFFFFFFF)  # the value of a permutation no shingle reached


@functools.lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The NUM_PERM affine permutations h -> a*h + b mod 2**32 (a odd) that datasketch's
    ``MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")`` draws, drawn the same way."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def minhash_values(grams: Iterable[bytes]) -> np.ndarray:
    """The affine32 MinHash of a shingle set with crc32 as the hash function: bit for bit
    datasketch 2.0's (tests/dedup compare them), without importing datasketch, whose package
    imports scipy (0.8 CPU-s of every ingest's start-up for a few lines of numpy). crc32 is a C
    builtin, several times cheaper per shingle than datasketch's default sha1, and as good for
    grouping our own text (nothing here is adversarial)."""
    hashed = np.array([zlib.crc32(g) for g in grams], dtype=np.uint32).reshape(-1, 1)
    if not hashed.size:
        return np.full(NUM_PERM, EMPTY, dtype=np.uint32)
    s1, m1, s2, m2, s3 = FMIX32
    hashed ^= hashed >> s1
    hashed *= m1
    hashed ^= hashed >> s2
    hashed *= m2
    hashed ^= hashed >> s3
    a, b = _permutations()
    return np.minimum(np.full(NUM_PERM, EMPTY, dtype=np.uint32), (hashed * a + b).min(axis=0))


def signature(article_id: int, body: str) -> Signature:
    grams = shingles(body)
    return Signature(article_id, len(grams), minhash_values(list(grams)))


def similar(a: Signature, b: Signature) -> bool:
    return _alike(a.hashvalues, b.hashvalues, a.shingles, b.shingles)


def _alike(a: np.ndarray, b: np.ndarray, a_size: int, b_size: int) -> bool:
    """High Jaccard similarity, or high containment of the shorter text in the longer."""
    if not a_size or not b_size:
        return False
    jaccard = float(np.count_nonzero(a == b)) / NUM_PERM
    if jaccard >= MIN_JACCARD:
        return True
    # |A ∩ B| = J (|A| + |B|) / (1 + J), estimated from the signatures
    overlap = jaccard * (a_size + b_size) / (1 + jaccard)
    return bool(overlap / min(a_size, b_size) >= MIN_CONTAINMENT)


def band_keys(matrix: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One uint64 key per (article, band): the band's ``rows`` MinHash values mixed together."""
    mixers = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                       0xFF51AFD7ED558CCD], dtype=np.uint64)[:rows]
    keys = np.empty((matrix.shape[0], bands), dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping multiplication is the point
        for band in range(bands):
            block = matrix[:, band * rows:(band + 1) * rows]
            keys[:, band] = (block * mixers).sum(axis=1, dtype=np.uint64) ^ np.uint64(band)
    return keys


LSH_BANDS, LSH_ROWS = 42, 3  # datasketch's optimum for LSH_THRESHOLD with NUM_PERM values
MAX_REPRESENTATIVES = 64  # clusters compared per bucket; a bucket of unrelated texts stays cheap


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

    LSH banding done with arrays rather than a dictionary of buckets: band keys are sorted and
    articles sharing a key in any band are candidates, each checked by the same test as
    ``similar``. Memory stays at a few bytes per article and band (a bucket dictionary needed
    ~10 kB per article) and time near-linear in the corpus.
    """
    order_by_id = np.argsort(ids, kind="stable")
    ids, sizes, matrix = ids[order_by_id], sizes[order_by_id], matrix[order_by_id]
    parent = list(range(len(ids)))  # union-find over row numbers

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def alike(a: int, b: int) -> bool:
        return _alike(matrix[a], matrix[b], int(sizes[a]), int(sizes[b]))

    usable = np.flatnonzero(sizes > 0)
    if len(usable) > 1:
        keys = band_keys(matrix[usable], LSH_BANDS, LSH_ROWS).ravel()  # row i, band b -> i*B+b
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        ends = np.r_[starts[1:], len(sorted_keys)]
        for lo, hi in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
            # Compare each member with one representative of every cluster already met in this
            # bucket (usually one or two), not with every other member: cost and memory stay
            # linear in the bucket even when thousands of copies of a story share it.
            reps: list[int] = []
            for member in sorted({int(usable[int(i) // LSH_BANDS]) for i in order[lo:hi]}):
                joined = False
                for rep in reps:
                    root, other = find(member), find(rep)
                    if root == other:
                        joined = True
                    elif alike(member, rep):
                        parent[max(root, other)] = min(root, other)  # rows are in id order
                        joined = True
                if not joined and len(reps) < MAX_REPRESENTATIVES:
                    reps.append(member)
    return {int(ids[row]): int(ids[find(row)]) for row in range(len(ids))}
