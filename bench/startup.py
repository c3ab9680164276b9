"""Start-up time of everyday commands, as whole processes, beside ``python -c pass``.

    .venv/bin/python bench/startup.py [--rounds 7] [--db PATH]

Builds a small database (the bundled examples, annotated) unless ``--db`` names one, then runs
``pactwatch --version``, ``articles``, ``allies PRK``, ``events`` and ``python -c pass`` as
separate processes, alternating them round by round so that a busy machine slows all of them
alike. Prints the median and the fastest wall time of each, its ratio to ``python -c pass``
(measured in the same rounds), and whether the median is under the 0.5 s goal.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACTWATCH = Path(sys.executable).with_name("pactwatch")
GOAL_SECONDS = 0.5
EXAMPLES = ["examples/text", "examples/html", "examples/jsonl", "examples/warc"]


def commands(db: Path) -> dict[str, list[str]]:
    base = [str(PACTWATCH), "--db", str(db)]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "pactwatch --version": [str(PACTWATCH), "--version"],
        "pactwatch articles": [*base, "articles"],
        "pactwatch allies PRK": [*base, "allies", "PRK"],
        "pactwatch events": [*base, "events"],
    }


def timed(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def build_database(path: Path) -> None:
    subprocess.run([str(PACTWATCH), "--db", str(path), "ingest", "--quiet", "--workers", "1", *EXAMPLES],
                   check=True, cwd=ROOT, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--db", type=Path, help="an existing database (default: the examples, built once)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "examples.sqlite"
            build_database(db)
        runs = commands(db)
        for argv in runs.values():  # one untimed run each: the page cache holds the files after it
            timed(argv)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for round_index in range(args.rounds):
            order = list(runs) if round_index % 2 == 0 else list(reversed(runs))
            for name in order:
                times[name].append(timed(runs[name]))
    baseline = statistics.median(times["python -c pass"])
    print(f"{'command':<24} {'median s':>9} {'fastest s':>10} {'x python':>9}  goal < {GOAL_SECONDS} s")
    for name, values in times.items():
        median = statistics.median(values)
        verdict = "" if name.startswith("python") else ("ok" if median < GOAL_SECONDS else "OVER")
        print(f"{name:<24} {median:>9.3f} {min(values):>10.3f} {median / baseline:>9.1f}  {verdict}")
    print(f"{args.rounds} alternating rounds; ratios are medians over the median of python -c pass")


if __name__ == "__main__":
    main()
