"""One parse per page: the date is read from the tree before its comments go, the body from the same tree."""

from __future__ import annotations

from datetime import datetime

import pytest

from pactwatch.ingest.html import parse_html

BODY = "".join(
    f"<p>The foreign ministers of two neighbouring states met at the border for round {i} of talks"
    " on fishing rights, river crossings and the return of detained crews.</p>" for i in range(6))


@pytest.mark.parametrize("comment, expected", [
    ("<!-- Last-Modified: 2021-03-04 -->", datetime(2021, 3, 4)),
    ("<!-- page built 2019-11-30 by the CMS -->", datetime(2019, 11, 30)),
    ("<!-- cached copy, published 2018-05-17 -->", datetime(2018, 5, 17)),
])
def test_a_date_only_in_a_comment_is_found_and_the_comment_is_not_body_text(comment, expected):
    page = parse_html(f"<html><head><title>Border talks</title></head><body>{comment}<article>{BODY}</article>"
                      "</body></html>")
    assert page.published == expected
    assert len(page.paragraphs) == 6
    assert not any("<!--" in p or "CMS" in p or "cached" in p for p in page.paragraphs)


def test_bytes_and_text_pages_read_alike():
    html = f"<html><head><title>Border talks</title></head><body><article>{BODY}</article></body></html>"
    assert parse_html(html.encode("utf-8")).paragraphs == parse_html(html).paragraphs

