"""Through the command line: one bad record is one named line, the rest is stored, and what the
limits cut is printed as a note and stored with the article."""

from __future__ import annotations

import json
from pathlib import Path

from pactwatch.cli import main
from pactwatch.store import open_database
from tests.ingest.test_isolation import DUMP, PROSE, _page, _warc


def test_a_batch_with_records_that_break_libraries(tmp_path: Path, runner, db_url: str) -> None:
    (tmp_path / "good.txt").write_bytes(DUMP)
    (tmp_path / "crawl.warc").write_bytes(_warc([("http://a.example/1", _page("first page")), (None, _page("x"))]))
    (tmp_path / "feed.jsonl").write_text(json.dumps({"title": "Numbers", "text": PROSE, "authors": 42}) + "\n"
                                         + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "\n")
    (tmp_path / "long.txt").write_text("A long one\n\n" + PROSE * 200 + "\n")
    result = runner.invoke(main, ["--db", db_url, "ingest", "-q", "--no-annotate", str(tmp_path / "good.txt"),
                                  str(tmp_path / "crawl.warc"), str(tmp_path / "feed.jsonl"), str(tmp_path / "long.txt")])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("4 new, 0 already stored, 2 failed")
    assert f"failed: {tmp_path / 'crawl.warc'}#record-2: WARC response record without WARC-Target-URI" in lines
    assert f"failed: {tmp_path / 'feed.jsonl'}:2: JSON nested deeper than the limit (64 levels)" in lines
    assert any(line.startswith(f"note: {tmp_path / 'long.txt'}: 1 paragraph(s) longer than") for line in lines)
    with open_database(db_url) as db:
        notes = [r["ingest_note"] for r in db.query("SELECT ingest_note FROM articles WHERE ingest_note IS NOT NULL")]
        assert len(notes) == 1 and "split" in notes[0]
        assert not db.query("SELECT article_id FROM derived_pending")  # the refresh ran and caught up
