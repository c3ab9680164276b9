"""Property tests and a bounded fuzzing run (hypothesis) over the readers, the text-dump parser,
date resolution, the quote finder and the API parameters. Each crash these ever find becomes a
regression example here (``@example``)."""

from __future__ import annotations

import gzip
import io
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pactwatch.ingest import Article, ReadFailure, read_all
from pactwatch.ingest.containers import JsonRecord, iter_jsonl, iter_warc
from pactwatch.ingest.sources import InputError
from pactwatch.ingest.text import parse_text
from pactwatch.nlp.grammar.dates import resolve_date
from pactwatch.nlp.quote_marks import find_quote_spans

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])
MARKS = st.sampled_from(list("\"'“”‘’«»„‹› \n.,:;—-?!") + ["said", "Russia's", "don't", "'90s"])
NEWSY = st.lists(st.one_of(MARKS, st.text(max_size=8)), max_size=60).map(" ".join)
DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
RELATIVE = st.sampled_from(["yesterday", "tomorrow", "today", "last Monday", "on Sunday", "30 December",
                            "on 1 January", "2024-02-30", "29 February", ""])


@FUZZ
@given(text=st.one_of(NEWSY, st.text(max_size=300)))
@example(text='"' * 50)
@example(text="‘" + "’" * 20 + "'")
def test_quote_spans_lie_inside_their_marks(text: str) -> None:
    spans = find_quote_spans(text)
    assert [s.open_mark for s in spans] == sorted(s.open_mark for s in spans)
    for span in spans:
        assert 0 <= span.open_mark < span.start < span.end <= len(text)
        assert span.close_mark is None or span.end <= span.close_mark < len(text)
        assert text[span.start:span.end].strip() == text[span.start:span.end]


@FUZZ
@given(words=st.lists(RELATIVE, max_size=3).map(" ".join), on=st.one_of(st.none(), DATES))
@example(words="tomorrow", on=date(9999, 12, 31))
@example(words="yesterday last Monday 30 December", on=date(1, 1, 1))
def test_dates_resolve_or_give_none_at_the_calendar_ends(words: str, on: date | None) -> None:
    found = resolve_date(words, on)
    assert found is None or isinstance(found, date)
    if on is not None and words == "today":
        assert found == on


@FUZZ
@given(text=st.text(max_size=2000))
@example(text="\x00\n\n\ud800 title\n" + "x" * 50)
def test_the_text_dump_parser_takes_anything(text: str) -> None:
    parsed = parse_text(text, "DMY")
    assert all(isinstance(p, str) for p in parsed.paragraphs)


@FUZZ
@given(data=st.binary(max_size=3000))
@example(data=b'{"a":' * 5000 + b"1")
@example(data=b'{"title": "x", "text": 7, "authors": 42}\n{"text": "\\ud800"}\n')
def test_jsonl_reader_never_raises(data: bytes) -> None:
    for item in iter_jsonl(io.BytesIO(data), "fuzz.jsonl", 10_000):
        assert isinstance(item, (JsonRecord, InputError))


def _warc_bytes() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    html = b"<html><body><p>" + b"Ministers met in the capital and agreed to meet again next month. " * 4 + b"</p></body></html>"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://a.example/", "response", payload=io.BytesIO(html),
                                                  http_headers=headers))
    return out.getvalue()


WARC = _warc_bytes()


@FUZZ
@given(cut=st.integers(0, len(WARC)), junk=st.binary(max_size=40), at=st.integers(0, len(WARC)))
def test_warc_reader_never_raises_on_damaged_records(cut: int, junk: bytes, at: int) -> None:
    damaged = (WARC[:at] + junk + WARC[at:])[: cut + len(junk)] * 2
    for item in iter_warc(io.BytesIO(damaged), "fuzz.warc", 100_000):
        assert hasattr(item, "html") or isinstance(item, InputError)


NAMES = st.sampled_from(["a.txt", "b.html", "c.jsonl", "d.warc", "e.txt.gz", "f.json", "g", "h.xml", "i.rss"])


@FUZZ
@given(name=NAMES, data=st.one_of(st.binary(max_size=2000), NEWSY.map(str.encode)), gz=st.booleans())
@example(name="c.jsonl", data=b"{\n" * 300, gz=True)
@example(name="b.html", data=b"<html><body><div " + b"a=1 " * 5000 + b"><p>x</p></body></html>", gz=False)
def test_every_reader_gives_articles_or_named_failures(tmp_path_factory: pytest.TempPathFactory, name: str,
                                                       data: bytes, gz: bool) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / name
    path.write_bytes(gzip.compress(data) if gz else data)
    for item in read_all([str(path)]):
        if isinstance(item, ReadFailure):
            assert item.reason and "\n" not in item.reason and item.origin.startswith(str(path))
        elif isinstance(item, Article):
            assert item.body and "\x00" not in item.body
            item.body.encode("utf-8")  # storable


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from pactwatch.api import create_app

    path: Path = tmp_path_factory.mktemp("api") / "fuzz.sqlite"
    with TestClient(create_app(f"sqlite:///{path}")) as client:
        yield client


PARAM_VALUES = st.one_of(st.text(max_size=30), st.integers(-10**12, 10**12).map(str), st.sampled_from(
    ["", "0", "-1", "9" * 40, "2024-13-45", "0001-01-01", "9999-12-31", "%", "'", "\\", "*", "NATO"]))


@FUZZ
@given(route=st.sampled_from(["/api/articles", "/api/events", "/api/quotes", "/api/search", "/api/pacts",
                              "/api/actors", "/api/allies/PRK", "/api/timeline/RUS/PRK"]),
       params=st.dictionaries(st.sampled_from(["q", "limit", "offset", "since", "until", "on", "actor", "code",
                                               "speaker", "publisher", "article", "party", "kind", "junk"]),
                              PARAM_VALUES, max_size=4))
@example(route="/api/search", params={"q": "\x00"})
def test_api_parameters_never_give_a_server_error(api, route: str, params: dict[str, str]) -> None:
    answer = api.get(route, params=params)
    assert answer.status_code < 500, (route, params, answer.text[:200])
