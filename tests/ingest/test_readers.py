"""HTML, WARC, JSONL, gzip, stdin, directories and globs, through the public ``read_all``."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from datetime import datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pactwatch.ingest import Article, ReadFailure, ReadOptions, read_all

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PAGE = (FIXTURES / "page.html").read_bytes()
DUMP = (FIXTURES / "labelled_dump.txt").read_bytes()


def test_html_page() -> None:
    [article] = list(read_all([str(FIXTURES / "page.html")]))
    assert isinstance(article, Article)
    assert article.title == "Lighthouse keepers return to island station"
    assert article.publisher == "The Coastal Courier"
    assert article.authors == ["Mara Fictional"]
    assert article.published is not None and article.published.date().isoformat() == "2021-08-14"
    assert article.url == "https://courier.example/local/lighthouse-keepers-return"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("For the first time in thirty years")
    assert not any("Most read" in p or "newsletter" in p for p in article.paragraphs)
    assert article.language == "en"


def _warc(path: Path, *, truncate: int = 0, gz: bool = True) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    pages = [
        ("https://courier.example/a", PAGE, "text/html; charset=utf-8"),
        ("https://courier.example/logo.png", b"\x89PNG\r\n\x1a\nxxxx", "image/png"),
        ("https://courier.example/b", PAGE.replace(b"thirty", b"forty"), "text/html"),
    ]
    for url, body, media in pages:
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        headers = StatusAndHeaders("200 OK", [("Content-Type", media)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-05T06:07:08Z"},
        )
        writer.write_record(record)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - truncate] if truncate else data)


def test_warc_html_responses_only(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    items = list(read_all([str(tmp_path / "crawl.warc.gz")]))
    assert [type(i) for i in items] == [Article, Article]
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.url == "https://courier.example/a"
    assert second.url == "https://courier.example/b"
    assert first.crawled == datetime(2024, 3, 5, 6, 7, 8)
    assert "forty years" in second.body
    assert first.origin.startswith(str(tmp_path / "crawl.warc.gz") + "#record-")


def test_truncated_warc_keeps_records_read_so_far(tmp_path: Path) -> None:
    for gz in (True, False):
        path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
        _warc(path, truncate=300, gz=gz)
        items = list(read_all([str(path)]))
        assert isinstance(items[0], Article)
        assert isinstance(items[-1], ReadFailure)
        assert items[-1].origin == str(path)
        assert "WARC" in items[-1].reason
        assert sum(isinstance(i, ReadFailure) for i in items) == 1


def test_jsonl_bad_line_reported_rest_goes_on(tmp_path: Path) -> None:
    good = {
        "title": "Orchard growers form a cooperative",
        "text": "Growers in the valley formed a cooperative on Friday to share storage.\n\nThey said prices had fallen for three years in a row.",
        "url": "https://example.org/orchards",
        "published": "2020-09-18",
        "publisher": "Valley Weekly",
        "section": "Farming",
    }
    lines = [json.dumps(good), "{not json", json.dumps({"title": "No body"}), "", json.dumps(good | {"body": good["text"], "text": None})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_all([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "ReadFailure", "Article"]
    article = items[0]
    assert isinstance(article, Article)
    assert article.published == datetime(2020, 9, 18)
    assert article.paragraphs[1].startswith("They said prices")
    assert article.section == "Farming" and article.publisher == "Valley Weekly"
    assert items[1].origin == f"{path}:2" and "invalid JSON" in items[1].reason
    assert items[2].origin == f"{path}:3"
    assert items[3].origin == f"{path}:5"


def test_jsonl_streams_many_records(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for n in range(300):
            handle.write(json.dumps({"title": f"Item {n}", "text": f"Paragraph number {n} of the feed."}) + "\n")
    options = ReadOptions(detect_language=False)
    stream = read_all([str(path)], options)
    first = next(stream)  # lazily: the first record arrives before the rest is read
    assert isinstance(first, Article) and first.title == "Item 0"
    assert sum(1 for _ in stream) == 299


def test_gzip_text_stdin_dirs_globs_and_sniffing(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "dump.txt.gz").write_bytes(gzip.compress(DUMP))
    (tmp_path / "a_page.dat").write_bytes(PAGE)  # no telling extension: sniffed as HTML
    (tmp_path / ".hidden.txt").write_bytes(DUMP)
    (tmp_path / "c.txt").write_bytes(DUMP.replace(b"Harbour", b"Inland"))
    items = list(read_all([str(tmp_path)]))
    assert [Path(i.origin).name for i in items] == ["a_page.dat", "c.txt", "dump.txt.gz"]
    assert all(isinstance(i, Article) for i in items)
    assert items[0].title == "Lighthouse keepers return to island station"
    globbed = list(read_all([str(tmp_path / "**" / "*.gz")]))
    assert [Path(i.origin).name for i in globbed] == ["dump.txt.gz"]
    [from_stdin] = list(read_all(["-"], stdin=io.BytesIO(DUMP)))
    assert isinstance(from_stdin, Article) and from_stdin.origin == "<stdin>"
    assert from_stdin.content_hash == items[2].content_hash


def test_legacy_encodings_are_decoded(tmp_path: Path) -> None:
    text = (
        "Café owners in Zürich protest new rules\n"
        "Published: 2021-02-03\n\n"
        "Owners of cafés said the “new rules” would cost them 5,000 € a year — déjà vu, said one.\n"
        "Another owner called the plan naïve and said the façade rules were unclear.\n"
    )
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    for item in read_all([str(tmp_path / "cp1252.txt"), str(tmp_path / "utf16.txt")]):
        assert isinstance(item, Article), item
        assert item.title == "Café owners in Zürich protest new rules"
        assert "“new rules” would cost them 5,000 €" in item.body
        assert item.published == datetime(2021, 2, 3)


def test_copy_of_fixture_dir_reads_the_same(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "copy")
    first = [getattr(i, "content_hash", None) for i in read_all([str(FIXTURES)])]
    second = [getattr(i, "content_hash", None) for i in read_all([str(tmp_path / "copy")])]
    assert first == second and len(first) == 5
