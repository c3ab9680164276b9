"""Reading news as it arrives (text dumps, HTML, WARC, JSONL, RSS/Atom feeds) into Article records.

``read_all(paths, options, stdin)`` is the one entry point: it streams ``Article`` records and
one ``ReadFailure`` per input that gave none (``Skipped`` for files of a folder that are not news).
"""

from pactwatch.ingest.reader import ReadFailure, ReadOptions, Skipped, read_all
from pactwatch.records import Article

__all__ = ["Article", "ReadFailure", "ReadOptions", "Skipped", "read_all"]
