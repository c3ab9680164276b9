"""RSS and Atom items as articles; dates in other languages' header forms."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pactwatch.ingest import Article, ReadFailure, read_all
from pactwatch.ingest.text import parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_rss_items_with_full_text_and_summary_only() -> None:
    full, teaser = list(read_all([str(FIXTURES / "feeds" / "harbour-wire.rss")]))
    assert isinstance(full, Article) and isinstance(teaser, Article)
    assert full.origin.endswith("harbour-wire.rss#item-1")
    assert full.title == "Two island states sign a coastal patrol pact"
    assert full.url == "https://wire.example/2025/03/patrol-pact"
    assert full.published == datetime(2025, 3, 11, 8, 30)
    assert full.authors == ["Mara Quill"] and full.publisher == "Harbour Test Wire"
    assert len(full.paragraphs) == 2 and full.paragraphs[0].startswith("Fiji and Tonga signed")
    assert not full.summary_only
    assert teaser.summary_only and teaser.paragraphs == [
        "Volunteers finished repainting the old lighthouse on the cape after two summers of work."]
    assert teaser.published == datetime(2025, 3, 12, 13, 0)  # +0100 kept in UTC
    assert full.language == "en"


def test_atom_entries_with_content_and_updated_only() -> None:
    dam, rail = list(read_all([str(FIXTURES / "feeds" / "meridian-desk.atom")]))
    assert dam.url == "https://desk.example/dam-talks" and dam.authors == ["Teodor Brankov"]
    assert dam.published == datetime(2025, 4, 1, 7, 15) and dam.modified == datetime(2025, 4, 2, 10, 0)
    assert dam.paragraphs[1].startswith('"We want an agreement') and not dam.summary_only
    # an entry with only <updated> is dated by it, and its summary is all the text there is
    assert rail.published == datetime(2025, 4, 3, 7, 45) and rail.modified is None
    assert rail.summary_only and rail.title == "Rail line reopens after spring floods"


def test_a_feed_without_items_or_with_an_empty_item_is_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.rss"
    empty.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>')
    [failure] = list(read_all([str(empty)]))
    assert isinstance(failure, ReadFailure) and "no items" in failure.reason
    partial = tmp_path / "partial.xml"
    partial.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Blank</title></item>"
        "<item><title>Harbour reopens</title><description>The harbour reopened to ferries on Monday after"
        " the storm, the port authority said.</description></item></channel></rss>")
    bad, good = list(read_all([str(partial)]))
    assert isinstance(bad, ReadFailure) and bad.origin.endswith("#item-1")
    assert isinstance(good, Article) and good.title == "Harbour reopens"


@pytest.mark.parametrize("header,published,modified", [
    ("Publicado: 3 de marzo de 2025, 10:15\nActualizado: 4 de marzo de 2025", datetime(2025, 3, 3, 10, 15),
     datetime(2025, 3, 4)),
    ("Опубликовано: 12 марта 2025, 14:05\nОбновлено: 13 марта 2025 г.", datetime(2025, 3, 12, 14, 5),
     datetime(2025, 3, 13)),
    ("Publié le 5 avril 2025 à 09:00\nMis à jour le 6 avril 2025", datetime(2025, 4, 5, 9, 0), datetime(2025, 4, 6)),
    ("- Politik\n- Veröffentlicht am 7. Mai 2025\n- Aktualisiert: 08.05.2025, 11:20", datetime(2025, 5, 7),
     datetime(2025, 5, 8, 11, 20)),
    ("Pubblicato il 9 giugno 2025", datetime(2025, 6, 9), None),
    ("Updated: 10 July 2025 16:30", None, datetime(2025, 7, 10, 16, 30)),
])
def test_header_dates_in_other_languages(header: str, published: datetime | None,
                                         modified: datetime | None) -> None:
    parsed = parse_text(f"Headline of an invented story\n{header}\nThe first paragraph of the body, a sentence.\n")
    assert (parsed.published, parsed.modified) == (published, modified)
    assert parsed.paragraphs == ["The first paragraph of the body, a sentence."]


def test_spanish_and_russian_articles_are_read_with_their_language_and_dates() -> None:
    es, ru = (next(read_all([str(FIXTURES / "languages" / name)]))
              for name in ("es-acuerdo-pesquero.txt", "ru-morskoe-soglashenie.txt"))
    assert (es.language, es.published, es.modified) == ("es", datetime(2025, 3, 3, 10, 15), datetime(2025, 3, 4, 8))
    assert (ru.language, ru.published, ru.modified) == ("ru", datetime(2025, 3, 12, 14, 5), datetime(2025, 3, 13, 9, 30))
    assert es.publisher == "Diario de Prueba del Puerto" and ru.section == "Мир"
