"""Dateparser, which htmldate hands the date strings it cannot read itself, restricted to the
languages a page declares.

htmldate's parser tries every one of dateparser's ~200 locales on a string; a string none of them
reads ("José Volta e Pinto 11 de Outubro de 2020, 8:34") loads and compiles all of them, ~1.7 CPU-s
once per process, a quarter of a 181-page ingest. A page that says what language it is in
(``<html lang="pt">``, a content-language or og:locale meta) is read with that language and
English (pages mix in English dates); a page that says nothing keeps htmldate's own parser.
Measured on the htmldate news set: date accuracy unchanged (bench/extraction.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

import htmldate.extractors
from dateparser import DateDataParser
from dateparser.data.languages_info import language_order

# as htmldate.extractors.get_external_parser builds its own (tests/ingest check they agree)
PARSER_SETTINGS: dict[str, Any] = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}
KNOWN = frozenset(language_order)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_languages: ContextVar[tuple[str, ...] | None] = ContextVar("page_date_languages", default=None)
_htmldate_parser = htmldate.extractors.get_external_parser


def declared_languages(tree: Any) -> tuple[str, ...]:
    """The languages dateparser knows among those the page declares for itself, then English;
    empty when it declares none dateparser knows."""
    declared = [tree.get("lang"), tree.get(_XML_LANG)]
    for meta in tree.iterfind(".//meta[@content]"):
        name = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if name in ("content-language", "og:locale", "language"):
            declared.append(meta.get("content"))
    found = []
    for value in declared:
        code = (value or "").strip().replace("_", "-").split("-")[0].split(",")[0].lower()
        if code in KNOWN and code not in found:
            found.append(code)
    return (*found, *(() if "en" in found else ("en",))) if found else ()


@contextmanager
def page_languages(languages: tuple[str, ...]) -> Iterator[None]:
    """htmldate's hand-off to dateparser uses only ``languages`` inside the block (none: all)."""
    token = _languages.set(languages or None)
    try:
        yield
    finally:
        _languages.reset(token)


@lru_cache(maxsize=64)
def _parser(languages: tuple[str, ...]) -> DateDataParser:
    return DateDataParser(languages=list(languages), settings=PARSER_SETTINGS)


def _external_parser() -> DateDataParser:
    languages = _languages.get()
    return _parser(languages) if languages else _htmldate_parser()


# htmldate looks its parser up by this name on every hand-off; outside page_languages (or on a
# page declaring nothing) the answer is htmldate's own parser, so other users see no change.
htmldate.extractors.get_external_parser = _external_parser  # type: ignore[assignment]
