"""One record that breaks its reader's library never costs the batch: for every reader, a
record made to break it sits between good files; it fails by name with a reason, the rest is read."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from pactwatch.guard import printable
from pactwatch.ingest import Article, ReadFailure, ReadOptions, read_all
from pactwatch.ingest.limits import Limits

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
DUMP = (FIXTURES / "labelled_dump.txt").read_bytes()
PROSE = ("The two delegations met in the harbour city on Monday and agreed to review the fishing"
         " quota before the end of the season, officials from both sides said afterwards. ")


def _warc(records: list[tuple[str | None, bytes]]) -> bytes:
    """A WARC file of HTML responses; a None URI leaves the record without WARC-Target-URI."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for uri, html in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri or "http://placeholder.example/", "response",
                                           payload=io.BytesIO(html), http_headers=headers)
        if uri is None:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return out.getvalue()


def _page(words: str) -> bytes:
    return f"<html><head><title>{words}</title></head><body><article><p>{PROSE * 3}{words}.</p>" \
           f"</article></body></html>".encode()


def _read(paths: list[Path], options: ReadOptions | None = None) -> tuple[list[Article], list[ReadFailure]]:
    items = list(read_all([str(p) for p in paths], options or ReadOptions()))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadFailure)]


def test_warc_record_without_target_uri_fails_alone(tmp_path: Path) -> None:
    # warcio raises AttributeError on a response record without WARC-Target-URI
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc([("http://a.example/1", _page("first page")), (None, _page("no uri")),
                            ("http://a.example/3", _page("third page"))]))
    good = tmp_path / "good.txt"
    good.write_bytes(DUMP)
    articles, failures = _read([path, good])
    assert [a.url for a in articles] == ["http://a.example/1", "http://a.example/3", None]
    assert [(f.origin, f.reason) for f in failures] == [
        (f"{path}#record-2", "WARC response record without WARC-Target-URI")]


@pytest.mark.parametrize("record, reason", [
    ({"title": "Numbers", "text": PROSE, "authors": 42}, None),  # TypeError once: stored, no authors
    ({"title": "Objects", "text": PROSE, "authors": [{"name": "Ana Example"}, {"x": 1}, ["y"]]}, None),
    ({"title": "Nul", "url": "http://a.example/x\u0000y", "text": PROSE}, None),
    ({"title": "Lone \ud800 surrogate", "text": PROSE + "\udfff"}, None),
    ({"title": "Text is a number", "text": 7}, "no 'text' or 'body' field"),
    ({"title": "Binary", "text": "QUJD" * 400}, "encoded data"),
])
def test_jsonl_records_that_broke_the_reader(tmp_path: Path, record: dict, reason: str | None) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([json.dumps({"title": "First", "text": PROSE + "one."}), json.dumps(record),
                               json.dumps({"title": "Last", "text": PROSE + "two."})]) + "\n")
    articles, failures = _read([path])
    titles = [a.title for a in articles]
    assert titles[0] == "First" and titles[-1] == "Last"
    if reason is None:
        assert not failures and len(articles) == 3
        middle = articles[1]
        assert all(isinstance(a, str) and "{" not in a for a in middle.authors)
        for value in (middle.title, middle.url, middle.body):
            assert value is None or ("\x00" not in value and value.encode("utf-8"))
    else:
        assert len(articles) == 2 and len(failures) == 1
        assert failures[0].origin == f"{path}:2" and reason in failures[0].reason


def test_deeply_nested_json_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"a": ' * 200_000 + "1" + "}" * 200_000 + "\n" +
                    json.dumps({"title": "Shallow", "text": PROSE, "x": [[[1]]]}) + "\n" +
                    json.dumps({"title": "Too deep", "text": PROSE, "x": [[[[[1]]]]]}) + "\n")
    articles, failures = _read([path], ReadOptions(limits=Limits(json_depth=4)))
    assert [a.title for a in articles] == ["Shallow"]
    assert [(f.origin, f.reason) for f in failures] == [
        (f"{path}:1", "JSON nested deeper than the limit (4 levels)"),
        (f"{path}:3", "JSON nested deeper than the limit (4 levels)")]


def test_gzip_bomb_of_bad_lines_stays_small(tmp_path: Path) -> None:
    # a couple of KB that expand to a million lines, none of them JSON
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b"{\n" * 1_000_000))
    assert path.stat().st_size < 10_000
    _, failures = _read([path])
    limits = Limits()
    assert len(failures) == limits.failures_listed + 2
    assert "more bad records (not listed one by one)" in failures[-2].reason
    assert "bad records in a row" in failures[-1].reason


def test_decompressed_size_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(DUMP + b" " * 3_000_000))
    good = tmp_path / "good.txt"
    good.write_bytes(DUMP.replace(b"ferry", b"bus"))
    articles, failures = _read([path, good], ReadOptions(limits=Limits(decompressed_bytes=1_000_000)))
    assert len(articles) == 1
    assert [f.origin for f in failures] == [str(path)]
    assert "decompressed data larger than the limit (1,000,000 bytes)" in failures[0].reason


def test_records_per_container_are_capped(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"title": f"T{i}", "text": PROSE + str(i)}) + "\n" for i in range(30)))
    articles, failures = _read([path], ReadOptions(limits=Limits(records=12)))
    assert len(articles) == 12
    assert [f.reason for f in failures] == ["more than 12 records (the limit); the rest were not read"]


def test_huge_paragraph_is_split_and_a_long_body_cut_with_notes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("A headline\n\n" + PROSE * 7_000 + "\n\n" + "unbroken" * 30_000 + "\n")  # 1.2M + 240k
    articles, failures = _read([path])
    assert not failures
    (article,) = articles
    limits = Limits()
    assert max(map(len, article.paragraphs)) <= limits.paragraph_chars
    assert len(article.body) <= limits.article_chars
    assert article.paragraphs[0].endswith("afterwards.")  # split after a sentence end
    assert any("split" in n for n in article.notes) and any("body cut" in n for n in article.notes)


def test_long_title_is_cut_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"title": "word " * 20_000, "text": PROSE}) + "\n")
    (article,), _ = _read([path])
    assert article.title is not None and len(article.title) <= Limits().title_chars + 1
    assert article.notes == [f"title cut to its first {len(article.title):,} characters"]


def test_tag_with_many_attributes_is_read_quickly(tmp_path: Path) -> None:
    tag = "<div " + " ".join(f'a{i}="{i}"' for i in range(200_000)) + ">"
    path = tmp_path / "attrs.html"
    path.write_text(f"<html><body>{tag}<p>{PROSE * 3}</p></div></body></html>")
    articles, failures = _read([path])
    assert not failures and "harbour city" in articles[0].body


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_special_files_are_skipped_and_symlink_loops_end(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_bytes(DUMP)
    os.mkfifo(folder / "pipe.txt")
    (folder / "sub" / "loop").symlink_to(folder)  # a loop back to the top
    (folder / "sub" / "self").symlink_to(folder / "sub")
    articles, failures = _read([folder])
    assert len(articles) == 1
    assert [(f.origin, f.reason) for f in failures] == [(str(folder / "pipe.txt"), "special file (FIFO), skipped")]
    articles, failures = _read([Path(str(folder) + "/**/*.txt")])
    assert len(articles) == 1 and len(failures) == 1


def test_names_are_printed_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff\nname\x1b[31m.txt")
    path = tmp_path / name
    path.write_bytes(DUMP)
    (article,), _ = _read([tmp_path])
    assert article.origin == str(tmp_path) + "/bad\\xff\\nname\\x1b[31m.txt"
    assert printable("a\u2028b\x9bc") == "a\\u2028b\\x9bc"
