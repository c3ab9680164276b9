"""Our MinHash is datasketch's, bit for bit (stored signatures stay comparable), without its import."""

from __future__ import annotations

import subprocess
import sys
import zlib

import numpy as np
import pytest
from datasketch import MinHash

from pactwatch.dedup.minhash import NUM_PERM, SCHEME, minhash_values, shingles, signature

from .wire_copies import UNRELATED, copies


def datasketch_values(text: str) -> np.ndarray:
    reference = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=zlib.crc32)
    grams = shingles(text)
    if grams:
        reference.update_batch(list(grams))
    return reference.hashvalues


@pytest.mark.parametrize("text", [
    "",
    "Three short words",
    "Port workers in two northern cities walked out on Monday over a pay offer.",
    " ".join(f"token{i % 97} plain{i % 13}" for i in range(2000)),  # long, repetitive
    *(" ".join(a.paragraphs) for a in copies(3)),
    " ".join(UNRELATED.paragraphs),
])
def test_values_equal_datasketchs_affine32_minhash(text):
    ours = signature(7, text).hashvalues
    theirs = datasketch_values(text)
    assert ours.dtype == theirs.dtype == np.uint32
    assert np.array_equal(ours, theirs)


def test_an_empty_set_has_every_value_at_the_maximum():
    assert np.array_equal(minhash_values([]), np.full(NUM_PERM, 2**32 - 1, dtype=np.uint32))


def test_signatures_import_neither_datasketch_nor_scipy():
    probe = ("import sys\nfrom pactwatch.dedup.minhash import signature\nsignature(1, 'a b c d e f')\n"
             "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
