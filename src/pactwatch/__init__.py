"""pactwatch: who did what to whom, and who has pledged to defend whom, read from the news.

    import pactwatch
    db = pactwatch.open("pactwatch.sqlite")
    db.ingest(["examples/text"])
    db.allies("PRK", on="2025-01-01").to_pandas()

See ``pactwatch.library`` (and docs/python-api.md) for every call.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def open(url: Any = None) -> Any:  # noqa: A001 - pactwatch.open reads like open()
    """Open a pactwatch database (see ``pactwatch.library.open``); the library loads on first use,
    so ``import pactwatch`` stays cheap for the command line."""
    from pactwatch.library import open as open_library

    return open_library(url)
