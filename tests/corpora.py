"""Article bodies the comparison tests run over: the bundled examples and, when ../shared is present,
news-dev and the PolNeAR dev bodies (long US political articles). One reader, so every comparison
(tree matcher, BLAS products, fast components) sees the same texts."""

from __future__ import annotations

from tests.conftest import ROOT, require_shared

EXAMPLE_FOLDERS = ("text", "html", "jsonl")


def example_bodies() -> list[str]:
    """The body of every bundled example article that has one (text, HTML and JSONL folders)."""
    from pactwatch.ingest import read_all

    folders = [str(ROOT / "examples" / d) for d in EXAMPLE_FOLDERS]
    return [a.body for a in read_all(folders) if hasattr(a, "body")]


def shared_bodies(*, polnear: bool = True) -> list[str]:
    """news-dev's article texts, then (``polnear``) the PolNeAR dev bodies; skips without ../shared."""
    folders = [require_shared("testdata", "news-dev", "articles")]
    if polnear:
        folders.append(require_shared("testdata", "quotes", "polnear", "dev", "text"))
    return [p.read_text(encoding="utf-8", errors="replace")
            for folder in folders for p in sorted(folder.iterdir()) if p.is_file()]
