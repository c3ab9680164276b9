"""MinHash signatures of article bodies and the test that two are near-duplicate stories.

Copies of one wire story differ in headline, boilerplate and trimming, so we compare bodies by
word shingles and accept a pair when either the Jaccard similarity or the containment (share
of the shorter text found in the longer) is high: a trimmed copy is contained in the full one.
Candidate pairs come from LSH buckets (``lsh``), so the cost grows with the corpus, not its square.
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
