"""The new user's walk: `ingest` of a news folder, of other languages and of feeds, then search."""

from __future__ import annotations

import json
from pathlib import Path

from pactwatch.cli import main
from pactwatch.store import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def cli(runner, db_url: str, *args: str):
    return runner.invoke(main, ["--db", db_url, *args], catch_exceptions=False)


def test_a_news_folder_with_other_languages_and_a_feed(runner, db_url):
    result = cli(runner, db_url, "ingest", "-q", "--workers", "1", str(FIXTURES / "news-folder"),
                 str(FIXTURES / "languages" / "ru-morskoe-soglashenie.txt"), str(FIXTURES / "feeds"))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "8 new, 2 already stored, 0 failed, 9 skipped"  # feeds/ repeats the folder's RSS
    assert lines[1] == "2 stored but not annotated: language es, ru (only English is annotated)"
    assert lines[2] == "2 feed item(s) stored with their summary only (the feed carries no full text)"
    assert sum(line.startswith("skipped (") for line in lines) == 8  # the two robots files share a reason
    articles = json.loads(cli(runner, db_url, "articles", "--format", "json").stdout)
    by_title = {a["title"]: a for a in articles}
    spanish = by_title["Dos países costeros firman un acuerdo de vigilancia pesquera"]
    assert spanish["language"] == "es" and spanish["published"].startswith("2025-03-03T10:15")
    assert spanish["modified"].startswith("2025-03-04T08:00")
    assert "only English is annotated" in spanish["annotation_note"]
    teaser = by_title["Lighthouse restored on a northern cape"]
    assert teaser["summary_only"] is True and teaser["origin"].endswith("harbour-wire.rss#item-2")
    assert by_title["Two island states sign a coastal patrol pact"]["summary_only"] is False
    assert "summary only" in cli(runner, db_url, "show", str(teaser["id"])).stdout
    assert "not annotated: language es" in cli(runner, db_url, "show", str(spanish["id"])).stdout
    db = open_database(db_url)
    events = db.query("SELECT e.source, e.target FROM events e JOIN articles a ON a.id = e.article_id"
                      " WHERE a.title = ?", ("Two island states sign a coastal patrol pact",))
    db.close()
    assert {(e["source"], e["target"]) for e in events} & {("FJI", "TON"), ("TON", "FJI")}  # feeds annotated
    # a second run stores nothing new and says so
    again = cli(runner, db_url, "ingest", "-q", "--no-annotate", str(FIXTURES / "news-folder"))
    assert again.stderr.splitlines()[0] == "0 new, 5 already stored, 0 failed, 9 skipped"


def test_include_exclude_and_search_from_the_cli(runner, db_url):
    result = cli(runner, db_url, "ingest", "-q", "--no-annotate", "--include", "*.txt", "--include", "*.rss",
                 "--exclude", "es-*", str(FIXTURES / "news-folder"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0].startswith("3 new, 0 already stored, 0 failed")
    assert "excluded by --exclude es-*" in result.stderr and "not matched by --include" in result.stderr
    found = json.loads(cli(runner, db_url, "search", "patrols OR timetabling", "--format", "json").stdout)
    assert {r["title"] for r in found} == {"Two island states sign a coastal patrol pact",
                                           "Harbour towns agree to share a single ferry timetable"}
    table = cli(runner, db_url, "search", "patrols").stdout
    assert "[patrol]" in table and "\x02" not in table
    rows = json.loads(cli(runner, db_url, "search", "FJI", "--format", "json").stdout)
    assert [r["title"] for r in rows] == ["Two island states sign a coastal patrol pact"]
    assert rows[0]["snippet"][slice(*rows[0]["highlights"][0])] == "Fiji"
