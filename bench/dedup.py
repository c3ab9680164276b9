"""Story clustering cost: 10k vs 100k generated articles (goal: <= 11x the time for 10x the data).

Articles are generated from a fixed vocabulary with a seeded RNG; one in ten is a trimmed,
re-headlined copy of another, so the clusterer has real work. Run: python bench/dedup.py [--runs 5]

The two sizes alternate within one run (small, large, small, large, ..., small), and each is
timed by the wall clock and by this process's CPU time: on a machine shared with other work the
wall clock also counts the time other processes held the cores, which the CPU time does not.
Each large run's ratio is printed against the small run before it (as earlier builds measured)
and against the mean of the small runs on both sides of it (a small run samples a few seconds
of the machine's load, a large one a minute; the mean of its neighbours follows the load across
that minute). The CPU ratios of signing and of clustering alone are printed too. Memory: the
peak of what the clustering step allocates (tracemalloc, in an untimed pass over the same
arrays), per article; flat means the same bytes per article at both sizes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import tracemalloc

import numpy as np

from pactwatch.dedup.lsh import cluster_arrays
from pactwatch.dedup.minhash import NUM_PERM, signature


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


def arrays(bodies: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Signatures go straight into arrays, as the store's rebuild reads them (no object per
    article: a heap of millions of small objects makes Python's garbage collector the cost)."""
    ids = np.arange(len(bodies), dtype=np.int64)
    sizes = np.empty(len(bodies), dtype=np.int64)
    matrix = np.empty((len(bodies), NUM_PERM), dtype=np.uint32)
    for i, body in enumerate(bodies):
        sig = signature(i, body)
        sizes[i], matrix[i] = sig.shingles, sig.hashvalues
    return ids, sizes, matrix


def timed(bodies: list[str]) -> dict[str, float]:
    """Wall and CPU seconds of signing and clustering, the clusters found, the clustering's peak
    allocation in bytes."""
    wall0, cpu0 = time.perf_counter(), time.process_time()
    ids, sizes, matrix = arrays(bodies)
    wall1, cpu1 = time.perf_counter(), time.process_time()
    assignment = cluster_arrays(ids, sizes, matrix)
    wall2, cpu2 = time.perf_counter(), time.process_time()
    tracemalloc.start()
    cluster_arrays(ids, sizes, matrix)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"sign_wall": wall1 - wall0, "cluster_wall": wall2 - wall1, "wall": wall2 - wall0,
            "cpu": cpu2 - cpu0, "sign_cpu": cpu1 - cpu0, "cluster_cpu": cpu2 - cpu1,
            "clusters": len(set(assignment.values())), "peak": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5, help="alternating pairs of (small, large)")
    args = parser.parse_args()
    small, large = args.small, args.small * args.factor
    corpora = {n: generate(n) for n in (small, large)}
    print(f"{'run':>3} {'articles':>9} {'sign s':>7} {'cluster s':>9} {'wall s':>7} {'cpu s':>7}"
          f" {'peak B/article':>14} clusters")

    def measure(run: int, n: int) -> dict[str, float]:
        m = timed(corpora[n])
        print(f"{run:>3} {n:>9} {m['sign_wall']:>7.2f} {m['cluster_wall']:>9.2f} {m['wall']:>7.2f}"
              f" {m['cpu']:>7.2f} {m['peak'] / n:>14.0f} {m['clusters']}")
        return m

    smalls = [measure(1, small)]
    larges = []
    for run in range(1, args.runs + 1):
        larges.append(measure(run, large))
        smalls.append(measure(run, small))
    goal = 1.1 * args.factor
    clocks = {"wall": "wall", "cpu": "cpu", "cpu of signing": "sign_cpu", "cpu of clustering": "cluster_cpu"}
    for label, key in clocks.items():
        before = [big[key] / smalls[i][key] for i, big in enumerate(larges)]
        around = [big[key] / ((smalls[i][key] + smalls[i + 1][key]) / 2) for i, big in enumerate(larges)]
        for how, values in (("the small run before", before), ("the mean of the small runs around", around)):
            print(f"{label} time ratio for {args.factor}x the data, against {how}: "
                  f"{', '.join(f'{v:.2f}' for v in values)}; median {statistics.median(values):.2f}x"
                  f" (goal <= {goal:.0f}x)")

if __name__ == "__main__":
    main()
