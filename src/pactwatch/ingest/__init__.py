"""Reading news as it arrives (text dumps, HTML, WARC, JSONL) into Article records.

``read_all(paths, options, stdin)`` is the one entry point: it streams ``Article`` records and
one ``ReadFailure`` per input that gave none.
"""

from pactwatch.records import Article
from pactwatch.ingest.reader import ReadFailure, ReadOptions, read_all

__all__ = ["Article", "ReadFailure", "ReadOptions", "read_all"]
