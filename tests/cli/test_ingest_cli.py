"""`pactwatch ingest`, `articles`, `show`, `search` through the CLI runner, on real files."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.warcwriter import WARCWriter

from pactwatch.cli import main
from pactwatch.store import open_database

GOOD_DUMP = """Ministers of Chile and Peru meet in Lima to discuss fisheries
Chile's and Peru's foreign ministers met in Lima to discuss fishing rights off their shared coast.
- Americas
- Demo Wire
- Published Date: 09:15 | 4 March 2025
The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss fishing quotas in waters off their shared coast.
Both ministers said a joint commission would meet again in June to review the data.
- Storm closes ports in the south
"""

PAGE = """<html><head><title>Kenya and Tanzania sign border trade deal</title>
<meta property="article:published_time" content="2025-02-10T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Kenya and Tanzania sign border trade deal</h1>
<p>Kenya and Tanzania signed an agreement on Monday to cut waiting times for trucks at their busiest
border crossing, officials from both countries said at a ceremony in Namanga.</p>
<p>The deal sets up a single inspection point where customs officers of both states work side by side,
and it is expected to halve the time freight spends at the border.</p>
<p>Traders' associations welcomed the agreement and asked for the new post to open around the clock.</p>
</article><footer>Copyright Demo Wire</footer></body></html>"""


def cli(runner, db_url: str, *args: str):
    return runner.invoke(main, ["--db", db_url, *args], catch_exceptions=False)


def test_seed_is_stored_with_its_metadata_apart_from_the_body(runner, db_url, seed_path):
    result = cli(runner, db_url, "ingest", "--workers", "1", str(seed_path))
    assert result.exit_code == 0, result.output
    assert "1 new, 0 already stored, 0 failed" in result.stderr
    row = json.loads(cli(runner, db_url, "show", "1", "--format", "json").stdout)[0]
    first_line = seed_path.read_text(encoding="utf-8").splitlines()[0]
    assert row["title"] == first_line
    assert row["publisher"] == "Anadolu Agency"
    assert row["section"] == "World"
    assert row["published"].startswith("2024-06-19T01:07")
    assert row["modified"].startswith("2024-06-19T04:47")
    assert row["lead"] and row["lead"].startswith("Following a meeting")
    assert len(row["paragraphs"]) == 8
    assert len(row["related_headlines"]) == 5
    for headline in row["related_headlines"]:
        assert headline not in row["body"]
    # related headlines are not searchable as the article's text
    hits = json.loads(cli(runner, db_url, "search", "Rafah", "--format", "json").stdout)
    assert hits == []
    assert json.loads(cli(runner, db_url, "search", "Pyongyang", "--format", "json").stdout)[0]["id"] == 1


def test_reingest_is_a_no_op_and_says_so(runner, db_url, tmp_path):
    tmp_path = tmp_path / "in"  # the SQLite file lives in tmp_path itself
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(GOOD_DUMP, encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    first = cli(runner, db_url, "ingest", "--no-annotate", str(tmp_path))
    assert first.exit_code == 0 and "2 new, 0 already stored" in first.stderr
    db = open_database(db_url)
    counts = db.table_counts(["articles", "paragraphs", "related_headlines"])
    db.close()
    again = cli(runner, db_url, "ingest", "--no-annotate", str(tmp_path))
    assert again.exit_code == 0 and "0 new, 2 already stored" in again.stderr
    db = open_database(db_url)
    assert db.table_counts(["articles", "paragraphs", "related_headlines"]) == counts
    db.close()


def _truncated_warc(path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(2):
        payload = PAGE.replace("Kenya", f"Kenya{n}").encode()
        headers = [("Content-Type", "text/html; charset=utf-8")]
        from warcio.statusandheaders import StatusAndHeaders

        record = writer.create_warc_record(
            f"https://demo.example/{n}", "response", payload=io.BytesIO(payload),
            http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"))
        writer.write_record(record)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - 40])


@pytest.fixture
def hostile_batch(tmp_path: Path) -> tuple[Path, set[str]]:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(GOOD_DUMP, encoding="utf-8")
    (batch / "good.html").write_text(PAGE, encoding="utf-8")
    (batch / "latin1.txt").write_bytes(GOOD_DUMP.replace("Lima", "Limá").replace("Chile", "Chilé").encode("cp1252"))
    (batch / "utf16.txt").write_bytes(GOOD_DUMP.replace("Peru", "Perú").encode("utf-16"))
    # an image found in a folder is not news: skipped and counted, not a failure
    (batch / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    bad = {
        "empty.txt": b"",
        "cut.txt.gz": gzip.compress(GOOD_DUMP.encode())[:30],
        "nothing.html": b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
        "huge.txt": b"word " * 300_000,
    }
    for name, data in bad.items():
        (batch / name).write_bytes(data)
    _truncated_warc(batch / "cut.warc.gz")
    locked = batch / "locked.txt"
    locked.write_text(GOOD_DUMP, encoding="utf-8")
    locked.chmod(0)
    expected_bad = set(bad) | {"missing.txt"}
    if os.geteuid() != 0:  # root reads any file: the permission case only exists for users
        expected_bad.add("locked.txt")
    return batch, expected_bad


def test_bad_inputs_are_named_and_the_rest_goes_in(runner, db_url, hostile_batch):
    batch, expected_bad = hostile_batch
    result = cli(runner, db_url, "ingest", "--no-annotate", "--max-bytes", "1000000",
                 str(batch), str(batch / "missing.txt"))
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    named = {name for name in expected_bad if any(name in line for line in failed)}
    assert named == expected_bad, result.stderr
    assert all(len(line.split(": ", 2)) == 3 and line.split(": ", 2)[2].strip() for line in failed)
    assert ", 1 skipped" in result.stderr.splitlines()[0]
    assert any(line.startswith("skipped (binary file (image/png)") and "image.png" in line
               for line in result.stderr.splitlines())
    db = open_database(db_url)
    titles = {r["title"] for r in db.query("SELECT title FROM articles")}
    assert "Kenya and Tanzania sign border trade deal" in titles
    assert any("Chile" in t or "Chilé" in t for t in titles)
    bodies = " ".join(r["body"] for r in db.query("SELECT body FROM articles"))
    assert "Limá" in bodies and "Perú" in bodies  # decoded, not mangled
    # the WARC's first whole record is kept even though the file is cut
    assert any("Kenya0" in t for t in titles)
    assert db.integrity_check() == "ok"
    db.close()


def test_listing_formats_and_filters(runner, db_url, tmp_path):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(GOOD_DUMP, encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    assert cli(runner, db_url, "ingest", "--no-annotate", str(tmp_path)).exit_code == 0
    rows = json.loads(cli(runner, db_url, "articles", "--format", "json").stdout)
    assert [r["published"][:10] for r in rows] == ["2025-03-04", "2025-02-10"]
    lines = cli(runner, db_url, "articles", "--format", "jsonl", "--since", "2025-03-01").stdout.splitlines()
    assert [json.loads(line)["publisher"] for line in lines] == ["Demo Wire"]
    csv_out = cli(runner, db_url, "articles", "--format", "csv", "--until", "2025-02-10").stdout.splitlines()
    assert csv_out[0] == "id,published,publisher,language,title" and len(csv_out) == 2
    table = cli(runner, db_url, "articles").stdout
    assert "Ministers of Chile and Peru" in table and "Kenya and Tanzania" in table


def test_usage_errors_exit_2(runner, db_url):
    assert cli(runner, db_url, "articles", "--since", "yesterday").exit_code == 2
    result = cli(runner, db_url, "show", "999")
    assert result.exit_code == 2 and "no article with id 999" in result.stderr
    assert cli(runner, db_url, "search", "!!!").exit_code == 2
    assert runner.invoke(main, ["--db", "mysql://x/y", "articles"]).exit_code == 1


def test_stdin_and_gzip(runner, db_url, tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(GOOD_DUMP.encode()))
    assert cli(runner, db_url, "ingest", "--no-annotate", str(tmp_path / "a.txt.gz")).exit_code == 0
    result = runner.invoke(main, ["--db", db_url, "ingest", "--no-annotate", "-"], input=PAGE.encode())
    assert result.exit_code == 0 and "1 new" in result.stderr
