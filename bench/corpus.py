"""Corpora for the benchmarks: real news bodies when ../shared is present, else the examples.

Bodies are repeated with a numbered headline so every article is new to the store (content
hash = title + body) while the text the parser sees keeps its real length and shape.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS_DEV = ROOT.parent / "shared" / "testdata" / "news-dev" / "articles"
POLNEAR = ROOT.parent / "shared" / "testdata" / "quotes" / "polnear" / "dev" / "text"


def real_bodies() -> list[str]:
    from pactwatch.ingest import read_all

    sources = [str(NEWS_DEV)] if NEWS_DEV.is_dir() else [str(ROOT / "examples" / d) for d in ("text", "jsonl")]
    return [a.body for a in read_all(sources) if hasattr(a, "body") and a.body.strip()]


def long_bodies() -> list[str]:
    """Whole news articles (PolNeAR's US political stories, ~5,000 characters, up to 22,000), for
    the runs where one long body could stall a worker; the news-dev bodies when it is absent."""
    if not POLNEAR.is_dir():
        return real_bodies()
    texts = (p.read_text(encoding="utf-8", errors="replace") for p in sorted(POLNEAR.glob("*.txt")))
    return [t.strip() for t in texts if t.strip()]


def write_jsonl(path: Path, bodies: list[str], n: int, seed: int = 3) -> Path:
    """n articles cycling through the bodies, each with its own headline and date."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            body = bodies[i % len(bodies)]
            out.write(json.dumps({
                "title": f"Benchmark story {i}", "body": body, "publisher": f"Bench Wire {i % 7}",
                "published": f"2024-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}",
                "url": f"https://bench.example/{i}",
            }) + "\n")
    return path


def generated_bodies(n: int, seed: int = 11) -> list[str]:
    """Short synthetic news-like bodies with real actor names (for the memory benchmark)."""
    rng = random.Random(seed)
    states = ["Russia", "North Korea", "Japan", "France", "Poland", "Kenya", "Brazil", "India", "Chile", "Egypt"]
    verbs = ["signed an agreement with", "met officials from", "criticised", "imposed sanctions on", "praised"]
    bodies = []
    for i in range(n):
        a, b = rng.sample(states, 2)
        sentences = [f"{a} {rng.choice(verbs)} {b} on Tuesday, officials said.",
                     f"The talks in the capital lasted {2 + i % 5} hours and covered trade and security.",
                     f"\"We expect progress,\" a spokesperson for {b} said after the meeting number {i}."]
        bodies.append("\n\n".join(sentences))
    return bodies
