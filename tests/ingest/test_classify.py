"""A folder of news holds other files too: they are skipped by what they are, with a reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pactwatch.ingest import Article, ReadFailure, ReadOptions, Skipped, read_all
from pactwatch.ingest.classify import Selection, by_content, by_name

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FOLDER = FIXTURES / "news-folder"
OPTIONS = ReadOptions(detect_language=True)


def _split(items: list) -> tuple[dict[str, Article], dict[str, str], list[ReadFailure]]:
    articles = {Path(i.origin.split("#")[0]).name + ("#" + i.origin.split("#")[1] if "#" in i.origin else ""): i
                for i in items if isinstance(i, Article)}
    skipped = {Path(i.origin).name: i.reason for i in items if isinstance(i, Skipped)}
    failures = [i for i in items if isinstance(i, ReadFailure)]
    return articles, skipped, failures


def test_a_news_folder_gives_its_articles_and_skips_the_rest() -> None:
    articles, skipped, failures = _split(list(read_all([str(FOLDER)], OPTIONS)))
    assert failures == []
    assert sorted(articles) == [
        "es-acuerdo-pesquero.txt", "harbour-dump.txt", "harbour-wire.rss#item-1", "harbour-wire.rss#item-2",
        "lighthouse.html",
    ]
    assert set(skipped) == {
        "README.md", "LICENCE", "gold.jsonl", "crawl-rules.txt", "robots.txt", "mark.svg", "pixel.png",
        "manifest.tsv", "outlets.csv",
    }
    assert "README" in skipped["README.md"] and "licence" in skipped["LICENCE"]
    assert "robots" in skipped["crawl-rules.txt"]  # told by content: the name says nothing
    assert "SVG" in skipped["mark.svg"] and "image/png" in skipped["pixel.png"]
    assert "TSV" in skipped["manifest.tsv"] and "CSV" in skipped["outlets.csv"]
    assert "without article text" in skipped["gold.jsonl"]


def test_the_examples_folder_skips_its_furniture() -> None:
    root = Path(__file__).resolve().parents[2] / "examples"
    items = list(read_all([str(root)], ReadOptions(detect_language=False)))
    skipped = {Path(i.origin).name for i in items if isinstance(i, Skipped)}
    assert skipped == {"README.md", "labels.jsonl", "logo.svg", "manifest.tsv", "robots.txt"}
    assert not [i for i in items if isinstance(i, ReadFailure)]


def test_a_file_named_by_the_user_is_always_read(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("Notes on the harbour ferry timetable\n\nThe ferry now leaves the harbour at seven "
                      "every morning and returns before dark, the operator said.\n", encoding="utf-8")
    [article] = list(read_all([str(readme)], OPTIONS))
    assert isinstance(article, Article) and article.title == "Notes on the harbour ferry timetable"
    [failure] = list(read_all([str(FOLDER / "assets" / "pixel.png")], OPTIONS))
    assert isinstance(failure, ReadFailure)  # named explicitly: a failure, not a silent skip


def test_globs_are_judged_like_folder_entries() -> None:
    items = list(read_all([str(FOLDER / "assets" / "*")], OPTIONS))
    assert items and all(isinstance(i, Skipped) for i in items)


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    shutil.copytree(FOLDER, tmp_path / "f")
    only_text = ReadOptions(selection=Selection(include=("*.txt",)))
    articles, skipped, _ = _split(list(read_all([str(tmp_path / "f")], only_text)))
    assert sorted(articles) == ["es-acuerdo-pesquero.txt", "harbour-dump.txt"]
    assert skipped["lighthouse.html"] == "not matched by --include"
    no_text_dir = ReadOptions(selection=Selection(exclude=("text/*",)))
    articles, skipped, _ = _split(list(read_all([str(tmp_path / "f")], no_text_dir)))
    assert "harbour-dump.txt" not in articles and "lighthouse.html" in articles
    assert skipped["harbour-dump.txt"] == "excluded by --exclude text/*"


@pytest.mark.parametrize("name,what", [
    ("README", "README"), ("readme.rst", "README"), ("LICENSE.txt", "licence"), ("COPYING", "licence"),
    ("CHANGELOG.md", "change log"), ("robots.txt", "robots"), ("sitemap-news.xml", "sitemap"),
    ("seed.labels.jsonl", "labels"),
])
def test_well_known_names(name: str, what: str) -> None:
    assert what in (by_name(name) or "")


@pytest.mark.parametrize("name", ["readme-the-news.txt", "license-plates-scheme.html", "robots-at-work.txt",
                                  "2024-sitemap-of-talks.txt"])
def test_news_whose_names_only_resemble_furniture(name: str) -> None:
    assert by_name(name) is None


@pytest.mark.parametrize("text", [
    "id\tcountry\n1\tFRA\n2\tDEU\n",
    "date,source,target,code\n2024-01-02,USA,CHN,042\n2024-01-03,RUS,UKR,190\n2024-01-04,IND,PAK,111\n",
    "name;iso3;capital\nFrance;FRA;Paris\nGermany;DEU;Berlin\nItaly;ITA;Rome\n",
])
def test_delimited_tables_of_different_shapes(text: str) -> None:
    assert "table" in (by_content(text, "text") or "")


@pytest.mark.parametrize("text", [
    # prose with commas: sentences, not cells
    "Ferry strike ends\nThe strike, which lasted a week, ended on Monday, the union said.\n"
    "Passengers, many of them tourists, queued for hours, and some gave up.\n"
    "The operator, facing fines, said timetables would be normal by Friday, weather permitting.\n",
    # one tab in a news dump is no table
    "Talks resume\nDelegates met again\tin Geneva on Tuesday after a pause of two months.\n"
    "They did not say when the next round would be held.\n",
    # a headline and a body that mention robots
    "User-agent strings and the law\nDisallow: a new ruling on web crawlers\nCourts in three "
    "countries ruled on automated crawlers this year, lawyers said.\n",
])
def test_news_text_is_not_mistaken_for_a_table_or_robots_rules(text: str) -> None:
    assert by_content(text, "text") is None


def test_svg_and_sitemaps_by_content() -> None:
    assert by_content('<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="x"></svg>', "html") == "image (SVG)"
    assert by_content("<svg width='3'><g/></svg>", "html") == "image (SVG)"
    assert by_content('<?xml version="1.0"?><urlset xmlns="x"><url/></urlset>', "html") == "sitemap"
    assert by_content("<!doctype html><html><body><p>Ferry news</p></body></html>", "html") is None


def test_json_records_with_and_without_article_text() -> None:
    assert by_content('{"file": "a.txt", "quotes": []}\n', "jsonl")
    assert by_content('{"title": "Ferry", "body": "The ferry sailed."}\n', "jsonl") is None
    assert by_content('{"headline": "Ferry", "content": "It sailed."}\n', "jsonl") is None
