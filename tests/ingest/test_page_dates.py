"""htmldate's hand-off to dateparser uses the languages a page declares (ingest/page_dates.py):
the same dates as with every locale, without compiling every locale."""

from __future__ import annotations

from datetime import datetime

import htmldate.extractors
import pytest
from lxml import html as lxml_html

from pactwatch.ingest import page_dates
from pactwatch.ingest.html import parse_html

BODY = "".join(
    f"<p>Two coastal provinces agreed on round {i} of a plan to share the cost of new ferry piers,"
    " harbour dredging and a joint weather station for the fishing fleets.</p>" for i in range(5))


def page(head: str, byline: str, lang: str | None) -> str:
    attribute = f' lang="{lang}"' if lang else ""
    return (f"<html{attribute}><head><title>Ferry piers</title>{head}</head><body>"
            f'<div class="byline">{byline}</div><article>{BODY}</article></body></html>')


@pytest.mark.parametrize("markup, expected", [
    ('<html lang="pt-BR"><head></head><body></body></html>', ("pt", "en")),
    ('<html><head><meta property="og:locale" content="es_MX"></head><body></body></html>', ("es", "en")),
    ('<html><head><meta http-equiv="Content-Language" content="de, en"></head><body></body></html>', ("de", "en")),
    ('<html lang="en-GB"><head></head><body></body></html>', ("en",)),
    ('<html lang="xx"><head></head><body></body></html>', ()),
    ("<html><head></head><body></body></html>", ()),
])
def test_declared_languages_are_the_primary_subtags_dateparser_knows_then_english(markup, expected):
    assert page_dates.declared_languages(lxml_html.fromstring(markup)) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("7 de Fevereiro de 2019, 10:05", "pt", datetime(2019, 2, 7, 10, 5)),
    ("miércoles, 3 de marzo de 2021", "es", datetime(2021, 3, 3)),
    ("14. Mai 2020, 18:20 Uhr", "de", datetime(2020, 5, 14, 18, 20)),
])
def test_dateparser_reads_a_pages_own_language_as_with_every_locale(text, lang, expected):
    with page_dates.page_languages((lang, "en")):
        declared = htmldate.extractors._external_date(text)
    assert declared == expected
    assert htmldate.extractors._external_date(text) == declared  # htmldate's parser, every locale


@pytest.mark.parametrize("byline", [
    '<span class="date">5 de Junho de 2018, 14:10</span>',
    'Maria Lobo <span class="date">5 de Junho de 2018, 14:10</span>',
    '<p class="date">quarta-feira, 5 de junho de 2018</p>',
])
def test_a_byline_date_only_dateparser_reads_is_found_on_a_declared_page(byline, monkeypatch):
    handed: list[str] = []
    external = htmldate.extractors._external_date
    monkeypatch.setattr(htmldate.extractors, "_external_date", lambda text: handed.append(text) or external(text))
    found = parse_html(page("", byline, "pt")).published
    assert handed  # the string went to dateparser, not to htmldate's own patterns
    assert found is not None and found.date() == datetime(2018, 6, 5).date()
    assert parse_html(page("", byline, None)).published == found


def test_outside_a_page_htmldate_keeps_its_own_parser():
    own = page_dates._htmldate_parser()
    assert htmldate.extractors.get_external_parser() is own
    with page_dates.page_languages(("pt", "en")):
        restricted = htmldate.extractors.get_external_parser()
        assert restricted is not own
    with page_dates.page_languages(()):
        assert htmldate.extractors.get_external_parser() is own
    assert htmldate.extractors.get_external_parser() is own


def test_the_restricted_parser_has_htmldates_settings():
    own, restricted = page_dates._htmldate_parser(), page_dates._parser(("pt", "en"))
    for key, value in page_dates.PARSER_SETTINGS.items():
        assert getattr(own._settings, key) == getattr(restricted._settings, key) == value
