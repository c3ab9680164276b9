"""Story clustering cost: 10k vs 100k generated articles (goal: <= 12x the time for 10x the data).

Articles are generated from a fixed vocabulary with a seeded RNG; one in ten is a trimmed,
re-headlined copy of another, so the clusterer has real work. Run: python bench/dedup.py
"""

from __future__ import annotations

import argparse
import random
import time

import numpy as np

from pactwatch.dedup.minhash import NUM_PERM, cluster_arrays, signature


def generate(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20_000)]
    bodies: list[str] = []
    for i in range(n):
        if i >= 10 and i % 10 == 0:
            source = bodies[rng.randrange(len(bodies))].split(". ")
            keep = source[: max(2, len(source) - rng.randrange(3))]
            bodies.append(". ".join(["Subscribe to our newsletter", *keep]))
        else:
            sentences = [" ".join(rng.choices(vocab, k=rng.randint(12, 25))) for _ in range(rng.randint(6, 12))]
            bodies.append(". ".join(sentences))
    return bodies


def timed(bodies: list[str]) -> tuple[float, float, int]:
    """Signatures go straight into arrays, as the store's rebuild reads them (no object per
    article: a heap of millions of small objects makes Python's garbage collector the cost)."""
    start = time.perf_counter()
    ids = np.arange(len(bodies), dtype=np.int64)
    sizes = np.empty(len(bodies), dtype=np.int64)
    matrix = np.empty((len(bodies), NUM_PERM), dtype=np.uint32)
    for i, body in enumerate(bodies):
        sig = signature(i, body)
        sizes[i], matrix[i] = sig.shingles, sig.hashvalues
    signed = time.perf_counter()
    assignment = cluster_arrays(ids, sizes, matrix)
    done = time.perf_counter()
    clusters = len(set(assignment.values()))
    return signed - start, done - signed, clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--factor", type=int, default=10)
    args = parser.parse_args()
    small, large = args.small, args.small * args.factor
    print(f"{'articles':>9}  {'signatures s':>12}  {'clustering s':>12}  {'total s':>8}  clusters")
    results = {}
    for n in (small, large):
        sig_s, clu_s, clusters = timed(generate(n))
        results[n] = sig_s + clu_s
        print(f"{n:>9}  {sig_s:>12.2f}  {clu_s:>12.2f}  {sig_s + clu_s:>8.2f}  {clusters}")
    ratio = results[large] / results[small]
    print(f"time ratio for {args.factor}x the data: {ratio:.2f}x (goal <= {1.2 * args.factor:.0f}x)")


if __name__ == "__main__":
    main()
