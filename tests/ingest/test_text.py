"""The plain-text dump reader: the seed, the 36 news-dev articles, our own layouts, properties."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.ingest import Article, read_all
from pactwatch.ingest.clean import normalise_text
from pactwatch.ingest.text import parse_text
from tests.conftest import require_shared

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _one(path: Path | str) -> Article:
    [item] = list(read_all([str(path)]))
    assert isinstance(item, Article), item
    return item


def test_seed_article(seed_path: Path) -> None:
    article = _one(seed_path)
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    assert article.title == lines[0]
    assert article.publisher == "Anadolu Agency"
    assert article.section == "World"
    assert article.published == datetime(2024, 6, 19, 1, 7)
    assert article.modified == datetime(2024, 6, 19, 4, 47)
    assert article.lead == lines[1]
    assert len(article.paragraphs) == 8
    assert len(article.related_headlines) == 5
    assert article.related_headlines[0] == lines[-5].removeprefix("- ")
    assert not any(p.startswith("- ") for p in article.paragraphs)
    assert not set(article.related_headlines) & set(article.paragraphs)
    assert article.paragraphs[0] == lines[6]
    assert article.language == "en"


def test_news_dev_titles_and_dates_read_back_exactly() -> None:
    folder = require_shared("testdata", "news-dev")
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines()]
    assert len(labels) == 36
    for label in labels:
        article = _one(folder / label["file"])
        assert article.title == label["title"], label["file"]
        published = article.published.date().isoformat() if article.published else None
        assert published == label["published"], label["file"]
        # the labelled evidence must survive in the body (metadata lines may go, text may not)
        body = " ".join(article.body.split())
        for item in label["commitments"] + label["events"]:
            assert " ".join(item["evidence"].split()) in body, (label["file"], item["evidence"])


def test_labelled_lines_bylines_and_duplicates() -> None:
    article = _one(FIXTURES / "labelled_dump.txt")
    assert article.title == "Harbour towns agree to share a single ferry timetable"
    assert article.authors == ["Jane Q. Writer", "Tom Example"]
    assert article.published == datetime(2021, 3, 3)
    assert article.modified == datetime(2021, 3, 4, 9, 15)
    assert article.lead is None
    assert len(article.paragraphs) == 3
    assert article.paragraph_counts == [1, 2, 1]
    assert "Officials said the plan" in article.paragraphs[1]  # spaces collapsed


def test_bullet_block_related_heading_and_labels() -> None:
    article = _one(FIXTURES / "bullet_dump.txt")
    assert article.section == "Regional"
    assert article.publisher == "Valley Morning Post"
    assert article.published == datetime(2022, 11, 30, 8, 5)
    assert article.modified == datetime(2022, 12, 1)
    assert article.lead and article.lead.startswith("A new clinic")
    assert article.related_headlines == [
        "Snow closes the pass road earlier than usual",
        "Villages vote on a joint bus service",
    ]
    assert len(article.paragraphs) == 3
    assert all("Related" not in p for p in article.paragraphs)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    article = _one(FIXTURES / "wrapped_dump.txt")
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("The river authority released")
    assert article.paragraphs[0].endswith("twenty years ago.")
    assert article.published == datetime(2023, 5, 12)  # numeric date read day-first


def test_unknown_section_and_outlet_told_apart_by_position_and_cues() -> None:
    text = (
        "Ferry strike ends after talks\n"
        "- Maritime\n"
        "- Bay Area Gazette\n"
        "- Published: June 2, 2020\n"
        "Workers returned on Tuesday after a week-long strike over rosters.\n"
    )
    parsed = parse_text(text)
    assert parsed.section == "Maritime"
    assert parsed.publisher == "Bay Area Gazette"
    assert parsed.published == datetime(2020, 6, 2)
    assert parsed.paragraphs == ["Workers returned on Tuesday after a week-long strike over rosters."]


def test_body_list_introduced_by_colon_stays_in_body() -> None:
    text = (
        "Council sets out three priorities\n\n"
        "The council named three priorities for the year:\n"
        "- repair the harbour wall\n"
        "- reopen the library\n"
    )
    parsed = parse_text(text)
    assert parsed.related_headlines == []
    assert "- reopen the library" in parsed.paragraphs


def test_relative_and_partial_dates_are_not_guessed() -> None:
    assert parse_text("Title\nPublished: 3 hours ago\n\nBody text here.").published is None
    assert parse_text("Title\nPublished: June 2024\n\nBody text here.").published is None
    assert parse_text("Title\nPosted on 5th May 2019\n\nBody.").published == datetime(2019, 5, 5)
    assert parse_text("Title\nPublished: 2019-05-06\n\nBody.").published.date() == date(2019, 5, 6)


# --- properties ----------------------------------------------------------------------------

_META_LINES = st.sampled_from(
    [
        "- Published Date: 01:07 | 19 June 2024",
        "- Modified Date: 04:47 | 19 June 2024",
        "Published: 2024-06-19",
        "Updated: 20 June 2024",
        "- World",
        "- Example News Agency",
    ]
)
_SENTENCES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
    min_size=30,
    max_size=120,
).filter(lambda s: s.strip() and not s.lstrip().startswith(("-", "•", "*", "–")))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_parser_never_raises_on_any_text(text: str) -> None:
    parsed = parse_text(text)
    assert isinstance(parsed.paragraphs, list)


@settings(max_examples=100, deadline=None)
@given(
    title=_SENTENCES,
    lead=_SENTENCES,
    meta=st.lists(_META_LINES, min_size=1, max_size=4, unique=True),
    body=st.lists(_SENTENCES, min_size=1, max_size=5),
)
def test_metadata_lines_never_reach_the_paragraphs(
    title: str, lead: str, meta: list[str], body: list[str]
) -> None:
    text = "\n".join([title, lead, *meta, *body])
    parsed = parse_text(text)
    cleaned = {normalise_text(p) for p in parsed.paragraphs}
    for line in meta:
        assert normalise_text(line) not in cleaned
    assert parsed.title == title.strip()


# A dump of a single line: a sentence is a body without a headline (a brief, a wire flash); a
# headline-shaped line alone is refused with a reason that says so.
ONE_LINE_BRIEFS = [
    "Kenya and Uganda signed a defence pact on Monday in Nairobi, officials said.",
    "ACCRA (Wire) - Ghana will host the regional security summit next month, its foreign minister announced.",
    "Published: 3 March 2022\nThe Estonian parliament approved the defence agreement with Finland by a wide margin.",
]


def test_one_line_sentence_is_the_body(tmp_path: Path) -> None:
    for n, text in enumerate(ONE_LINE_BRIEFS):
        path = tmp_path / f"brief{n}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        article = _one(path)
        assert article.title is None
        assert article.paragraphs == [text.splitlines()[-1]]
    assert _one(tmp_path / "brief2.txt").published == datetime(2022, 3, 3)


def test_headline_alone_is_refused_by_reason(tmp_path: Path) -> None:
    for n, text in enumerate(["Kenya and Uganda sign defence pact", "Summit ends without a deal\n\n"]):
        path = tmp_path / f"headline{n}.txt"
        path.write_text(text, encoding="utf-8")
        [item] = list(read_all([str(path)]))
        assert not isinstance(item, Article)
        assert item.reason == "a headline with no body text"
