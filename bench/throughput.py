"""End-to-end throughput (read -> annotate -> store) against a plain spaCy full parse.

Prints articles/s, by the clock and per CPU second, for: plain `nlp.pipe` of the stock model on
one process; the same with pactwatch's matrix products (`nlp.blas`: numpy's OpenBLAS, one thread),
which tells the products' share apart from the rest; `pactwatch ingest --workers 1`;
`pactwatch ingest --workers N` (all cores); and the ratios issue 15 asks for (goals: >= 1.2x
plain parse on one worker, >= 1.8x speed-up on two). CPU time is this process's for the plain
parses and the finished children's (`RUSAGE_CHILDREN`: the ingest process and the workers it
waited for) for ingest; on a shared machine it moves less than the clock.
Run: python bench/throughput.py [--corpus news-dev|long] [--articles N] [--rounds R]
("long": the PolNeAR bodies, ~5,000 characters each, up to 22,000).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import long_bodies, real_bodies, write_jsonl  # noqa: E402

from pactwatch.nlp.blas import load_with_openblas  # noqa: E402
from pactwatch.nlp.engines import default_workers  # noqa: E402
from pactwatch.nlp.pipeline import load_stock_spacy  # noqa: E402

Rate = tuple[float, float]  # articles per second of the clock, articles per CPU second


def plain_parse(nlp: object, texts: list[str]) -> Rate:
    list(nlp.pipe(texts[:8]))  # type: ignore[attr-defined]  # warm-up, as the ingest runs load their model first too
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):  # type: ignore[attr-defined]
        pass
    return len(texts) / (time.perf_counter() - start), len(texts) / (time.process_time() - cpu)


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def ingest_rate(bodies: list[str], workers: int, n: int, tmp: Path, src: str | None = None) -> Rate:
    """Articles/s of `pactwatch ingest`, without its fixed start-up and finishing costs.

    Loading the model and tables, starting workers and the after-ingest merges cost the same for
    a small corpus as for a large one (an empty corpus would not load the model at all), so the
    rate is the difference of two runs: n articles and a few articles. ``src`` runs the
    pactwatch found there instead (an older build's ``src`` folder, for before/after in one run).
    """
    few = 4 * workers
    elapsed, cpu = {}, {}
    for count in (few, n):
        corpus = write_jsonl(tmp / f"corpus-{workers}-{count}.jsonl", bodies, count)
        db = tmp / f"bench-{workers}-{count}.sqlite"
        for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            leftover.unlink(missing_ok=True)  # every run starts from an empty store
        cmd = [sys.executable, "-m", "pactwatch", "--db", str(db), "ingest", "-q",
               "--workers", str(workers), str(corpus)]
        start, cpu_start = time.perf_counter(), children_cpu()
        env = dict(os.environ, PYTHONPATH=src) if src else None
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        elapsed[count] = time.perf_counter() - start
        cpu[count] = children_cpu() - cpu_start
    return (n - few) / max(elapsed[n] - elapsed[few], 1e-6), (n - few) / max(cpu[n] - cpu[few], 1e-6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--corpus", choices=("news-dev", "long"), default="news-dev")
    parser.add_argument("--before", metavar="SRC",
                        help="Also time `ingest --workers 1` of the pactwatch in this src folder (an older build).")
    parser.add_argument("--rounds", type=int, default=2,
                        help="Alternate the runs this many times and keep each one's best rate.")
    args = parser.parse_args()
    bodies = real_bodies() if args.corpus == "news-dev" else long_bodies()
    texts = [bodies[i % len(bodies)] for i in range(args.articles)]
    tokens = sum(len(t.split()) for t in texts)
    workers = default_workers()
    stock = load_stock_spacy()  # the model as shipped: the baseline the issue names
    same_products = load_with_openblas(load_stock_spacy)
    runs: dict[str, Rate] = {}

    def keep_best(name: str, rate: Rate) -> None:
        old = runs.get(name, (0.0, 0.0))
        runs[name] = (max(old[0], rate[0]), max(old[1], rate[1]))

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        # the runs alternate and each keeps its best round: a shared machine's load moves all alike
        for _ in range(args.rounds):
            keep_best("plain", plain_parse(stock, texts))
            keep_best("plain-openblas", plain_parse(same_products, texts))
            keep_best("one", ingest_rate(bodies, 1, args.articles, tmp))
            if args.before:
                keep_best("before", ingest_rate(bodies, 1, args.articles, tmp, args.before))
            if workers > 1:
                keep_best("many", ingest_rate(bodies, workers, args.articles, tmp))
    runs.setdefault("many", runs["one"])
    # a worker process is the forkserver's child, not ingest's: RUSAGE_CHILDREN never counts it
    runs["many"] = (runs["many"][0], float("nan"))
    print(f"corpus {args.corpus}: {args.articles} articles, ~{tokens // args.articles} words each, "
          f"{os.cpu_count()} cores, best of {args.rounds} alternating rounds")
    print(f"{'run':<46}{'articles/s':>12}{'per CPU s':>11}")
    labels = {"plain": "plain nlp.pipe, stock model (1 process)",
              "plain-openblas": "plain nlp.pipe, products via OpenBLAS",
              "one": "pactwatch ingest --workers 1", "many": f"pactwatch ingest --workers {workers}"}
    if args.before:
        labels["before"] = f"ingest --workers 1 of {args.before}"
    for key, label in labels.items():
        print(f"{label:<46}{runs[key][0]:>12.1f}{runs[key][1]:>11.1f}")
    for what, (a, b) in {"one worker / plain parse (goal >= 1.2x)": ("one", "plain"),
                         "one worker / plain parse with OpenBLAS": ("one", "plain-openblas"),
                         f"{workers} workers / one worker (goal >= 1.8x on two)": ("many", "one"),
                         **({"one worker / the older build": ("one", "before")} if args.before else {})}.items():
        print(f"ratio {what}: clock {runs[a][0] / runs[b][0]:.2f}x, CPU {runs[a][1] / runs[b][1]:.2f}x")


if __name__ == "__main__":
    main()
