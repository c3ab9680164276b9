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
from datasketch import MinHash, MinHashLSH

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
    hashvalues: np.ndarray  # uint64, NUM_PERM values

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()

    @classmethod
    def from_row(cls, article_id: int, shingles: int, blob: bytes) -> Signature:
        return cls(article_id, shingles, np.frombuffer(bytes(blob), dtype="<u8").astype(np.uint64))


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


@functools.lru_cache(maxsize=1)
def _empty_minhash() -> MinHash:
    """Building a MinHash draws its permutations, which costs more than hashing a whole
    article; every signature starts as a copy of this one (copies share the permutations)."""
    # crc32: a C builtin, several times cheaper per shingle than datasketch's default sha1,
    # and as good for grouping our own text (nothing here is adversarial).
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=zlib.crc32)


def signature(article_id: int, body: str) -> Signature:
    grams = shingles(body)
    minhash = _empty_minhash().copy()
    if grams:
        minhash.update_batch(list(grams))
    return Signature(article_id, len(grams), minhash.hashvalues.copy())


def similar(a: Signature, b: Signature) -> bool:
    if not a.shingles or not b.shingles:
        return False
    jaccard = float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM
    if jaccard >= MIN_JACCARD:
        return True
    # |A ∩ B| = J (|A| + |B|) / (1 + J), estimated from the signatures
    overlap = jaccard * (a.shingles + b.shingles) / (1 + jaccard)
    return overlap / min(a.shingles, b.shingles) >= MIN_CONTAINMENT


def cluster(signatures: Iterable[Signature]) -> dict[int, int]:
    """article id -> cluster id (the smallest article id in its cluster)."""
    sigs = sorted(signatures, key=lambda s: s.article_id)
    by_id = {s.article_id: s for s in sigs}
    parent = {s.article_id: s.article_id for s in sigs}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for sig in sigs:
        if not sig.shingles:
            continue
        lean = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=sig.hashvalues, scheme=SCHEME,
                       permutations=_empty_minhash().permutations)
        for other in lsh.query(lean):
            if similar(sig, by_id[other]):
                ra, rb = find(sig.article_id), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        lsh.insert(sig.article_id, lean, check_duplication=False)
    return {article_id: find(article_id) for article_id in parent}
