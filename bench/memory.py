"""Peak memory of `pactwatch ingest` on 1,000 vs 20,000 generated articles (goal: <= 1.2x growth).

Each run is a fresh process on a fresh database; peak RSS is the largest resident set of the
ingest process and its workers. Run: python bench/memory.py [--small 1000 --large 20000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generated_bodies, write_jsonl  # noqa: E402

PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_rss_mib(n: int, tmp: Path, workers: int) -> float:
    corpus = write_jsonl(tmp / f"gen-{n}.jsonl", generated_bodies(n), n)
    db = tmp / f"mem-{n}.sqlite"
    cmd = [sys.executable, "-c", PEAK, sys.executable, "-m", "pactwatch", "--db", str(db), "ingest", "-q",
           "--workers", str(workers), str(corpus)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        small = peak_rss_mib(args.small, Path(tmpdir), args.workers)
        large = peak_rss_mib(args.large, Path(tmpdir), args.workers)
    print(f"{'articles':>9}  peak RSS MiB")
    print(f"{args.small:>9}  {small:>12.1f}")
    print(f"{args.large:>9}  {large:>12.1f}")
    print(f"growth for {args.large // args.small}x the articles: {large / small:.2f}x (goal <= 1.2x)")


if __name__ == "__main__":
    main()
