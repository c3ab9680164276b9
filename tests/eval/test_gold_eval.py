"""The GOLD.md scoring rules on hand-made pairs, and end-to-end floors on the seed and news-dev."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from pactwatch.eval.gold import (
    PRF,
    expand_commitments,
    gold_kinds,
    one_to_one,
    published_matches,
    score_commitments,
    score_events,
    score_metadata,
    score_quotes,
    speaker_matches,
    text_overlap,
)
from pactwatch.records import CommitmentReport, Event, Quote
from tests.conftest import require_shared

# floors a few items below what was measured with speakers matched as people and bodies
# (news-dev 2026-12-03: quote F1 0.979 = 93/95, speaker accuracy 0.979 = 93/95, quote text F1 1.0 =
# 95/95; under the earlier string rule 0.990 / 0.990: "commission" and "council" alone no longer
# count as the ECOWAS Commission and the North Atlantic Council). Three items below: 90/95, 92/95.
NEWS_DEV_QUOTE_F1 = 0.94
NEWS_DEV_SPEAKER_ACCURACY = 0.94
NEWS_DEV_TEXT_F1 = 0.96


def quote(text: str, speaker: str | None) -> Quote:
    return Quote(text=text, start=0, end=len(text), speaker=speaker, speaker_actor=None, cue="say")


def event(source: str, target: str, code: str, sentence: str = "s") -> Event:
    return Event(source=source, target=target, cameo_code=code, root_code=code[:2], quad_class=1,
                 goldstein=0.0, date=None, sentence=sentence, start=0, end=1, matched="test")


def report(parties, kinds, lifecycle, when=None) -> CommitmentReport:
    return CommitmentReport(parties=tuple(parties), kinds=tuple(kinds), lifecycle_event=lifecycle,
                            date=when, sentence="s", start=0, end=1)


# -- quotes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("predicted, gold, expected", [
    ("Vladimir Putin", "Vladimir Putin", True),
    ("vladimir putin", "Vladimir Putin", True),
    ("Putin", "Vladimir Putin", True),
    ("Vladimir Putin", "Putin", True),
    ("Kim", "Kim Jong-un", True),
    ("Kim Jong Un", "Kim Jong-un", True),
    ("Viktor Orbán", "Viktor Orban", True),
    ("Mylene J. Garcia-Albano", "Mylene Garcia-Albano", True),
    ("Yuliia Svyrydenko", "Yulia Svyrydenko", True),
    ("Vladimir Putin", "Vladimir Zelensky", False),
    ("Dmitry Peskov", "Vladimir Putin", False),
    (None, "Vladimir Putin", False),
    ("the ministry", "Japanese Foreign Ministry", False),
])
def test_speaker_rule(predicted, gold, expected):
    assert speaker_matches(predicted, gold) is expected


def test_first_words_overlap():
    assert text_overlap("We will leave the bloc soon, he said", "We will leave the bloc soon") == 1.0
    # one word of eight differs: 7/8 >= 0.8
    assert text_overlap("one two three four five six seven nine more", "one two three four five six seven eight") == 0.875
    assert text_overlap("one two three four five", "one two six seven eight") == 0.4
    assert text_overlap("Russia’s stance", "Russia's stance") == 1.0


def test_quote_matching_needs_speaker_and_words_one_to_one():
    gold = [{"speaker": "Vladimir Putin", "text_start": "The agreement provides for mutual help"},
            {"speaker": "Kim Jong-un", "text_start": "peace-loving, defensive in nature"}]
    predicted = [quote("The agreement provides for mutual help in case of attack", "Putin"),
                 quote("The agreement provides for mutual help in case of attack", "Putin"),  # a duplicate
                 quote("peace-loving, defensive in nature,", "Vladimir Putin")]  # wrong speaker
    result = score_quotes(gold, predicted)
    assert result["prf"] == PRF(1, 3, 2)
    assert result["span_prf"].tp == 2
    assert result["speaker_pairs"] == 2 and result["speaker_correct"] == 1
    assert [m["text_start"] for m in result["missed"]] == ["peace-loving, defensive in nature"]


def test_prf_edge_cases():
    assert PRF(0, 0, 0).f1 == 1.0  # nothing to find, nothing found
    assert PRF(0, 2, 0).precision == 0.0
    assert PRF(2, 4, 2).f1 == pytest.approx(2 / 3)


def test_one_to_one_prefers_more_pairs():
    # g0 fits p0 and p1, g1 only p0: a greedy pick of (g0, p0) would leave g1 unmatched
    pairs = one_to_one(["g0", "g1"], ["p0", "p1"],
                       lambda g, p: 0.9 if (g, p) == ("g0", "p0") else 0.1 if (g, p) in (("g0", "p1"), ("g1", "p0")) else None)
    assert pairs == [(0, 1), (1, 0)]


# -- events ---------------------------------------------------------------------------------
def test_event_recall_by_prefix_and_root_and_full_code():
    gold = [{"source": "RUSGOV", "target": "PRKGOV", "cameo_root": "05", "cameo_code": "057", "evidence": "s"},
            {"source": "RUS", "target": "PRK", "cameo_root": "03", "cameo_code": None, "evidence": "s"},
            {"source": "USA", "target": "YEMREB", "cameo_root": "19", "cameo_code": "195", "evidence": "s"}]
    predicted = [event("RUS", "PRKMIL", "051"),  # root 05 agrees, code 057 does not
                 event("RUSGOV", "PRK", "036"),   # root 03; gold gives no code, so it counts twice
                 event("YEM", "USA", "195")]      # reversed direction: no match
    result = score_events(gold, predicted)
    assert result["root"].tp == 2 and result["root"].gold == 3
    assert result["code"].tp == 1
    assert [u["source"] for u in result["unmatched_predicted"]] == ["YEM"]
    assert [m["source"] for m in result["missed"]] == ["USA"]


# -- commitments ----------------------------------------------------------------------------
def test_commitment_needs_parties_kind_event_and_close_date():
    gold = [{"parties": ["PRK", "RUS"], "kind": "mutual_defense", "event": "signed", "date": "2024-06-19"},
            {"parties": ["PRK", "RUS"], "kind": "military_cooperation", "event": "signed", "date": "2024-06-19"}]
    reports = [report(["PRK", "RUS"], ["mutual_defense", "military_cooperation"], "signed", date(2024, 6, 20))]
    assert score_commitments(gold, reports)["prf"] == PRF(2, 2, 2)  # one report, two kinds
    far = [report(["PRK", "RUS"], ["mutual_defense"], "signed", date(2024, 6, 22))]
    scored = score_commitments(gold, far)
    # identity is parties, kind and event; the date is scored apart, and three days off is wrong
    assert scored["prf"].tp == 1 and (scored["dated_pairs"], scored["dates_right"]) == (1, 0)
    assert scored["legacy_prf"].tp == 0  # the earlier rule put the date in the identity
    undated = [report(["RUS", "PRK"], ["mutual_defense"], "signed")]
    scored = score_commitments(gold, undated)
    assert scored["prf"].tp == 1 and (scored["dated_pairs"], scored["dates_right"]) == (1, 0)  # undated = wrong
    near = score_commitments(gold, [report(["PRK", "RUS"], ["mutual_defense"], "signed", date(2024, 6, 20))])
    assert (near["dated_pairs"], near["dates_right"]) == (1, 1)  # within a day
    wrong_event = [report(["PRK", "RUS"], ["mutual_defense"], "ratified", date(2024, 6, 19))]
    assert score_commitments(gold, wrong_event)["prf"].tp == 0


def test_repeated_gold_keys_pair_by_date():
    gold = [{"parties": ["FIN", "NATO"], "kind": "accession", "event": "ratified", "date": None},
            {"parties": ["FIN", "NATO"], "kind": "accession", "event": "ratified", "date": "2023-03-30"}]
    reports = [report(["FIN", "NATO"], ["accession"], "ratified", date(2023, 3, 30))]
    result = score_commitments(gold, reports)
    assert result["prf"].tp == 1
    assert result["missed"] == [gold[0]]


def test_membership_and_exit_kinds():
    assert gold_kinds(report(["NATO", "SWE"], ["mutual_defense"], "joined")) == ("accession",)
    assert gold_kinds(report(["NATO", "SWE"], ["mutual_defense"], "ratified")) == ("accession",)
    assert gold_kinds(report(["ARM", "CSTO"], ["mutual_defense"], "withdrew")) == ("withdrawal",)
    assert gold_kinds(report(["FRA", "TCD"], ["military_cooperation"], "withdrew")) == ("withdrawal",)
    assert gold_kinds(report(["FRA", "TCD"], ["military_cooperation"], "suspended")) == ("suspension",)
    assert gold_kinds(report(["ARM", "CSTO"], ["suspension"], "suspended")) == ("suspension",)
    # suspending accession talks: the agreement is the accession, the step is the suspension
    assert gold_kinds(report(["EU", "GEO"], ["accession"], "suspended")) == ("accession",)
    assert gold_kinds(report(["PRK", "RUS"], ["mutual_defense"], "ratified")) == ("mutual_defense",)
    assert gold_kinds(report(["PRK", "RUS"], ["friendship_treaty"], "signed")) == ("other",)
    rows = expand_commitments([report(["RUS", "PRK"], ["mutual_defense", "consultation"], "signed")])
    assert [(r["parties"], r["kind"]) for r in rows] == [(["PRK", "RUS"], "mutual_defense"),
                                                         (["PRK", "RUS"], "consultation")]


# -- metadata -------------------------------------------------------------------------------
def test_metadata_fields():
    gold = {"title": "Two  states sign a pact", "publisher": "Anadolu Agency", "published": "2024-06-19T01:07"}
    good = score_metadata(gold, "Two states sign a pact", "anadolu agency", datetime(2024, 6, 19, 1, 7))
    assert good == {"title": True, "publisher": True, "published": True, "all": True}
    bad = score_metadata(gold, "Two states sign a pact", "Anadolu Agency", datetime(2024, 6, 19, 4, 47))
    assert bad["published"] is False and bad["all"] is False
    assert published_matches("2024-06-19", datetime(2024, 6, 19, 23, 0))
    assert published_matches(None, None) and not published_matches(None, date(2024, 1, 1))
    assert score_metadata({"title": None}, None, "x", None) == {"title": True, "all": True}


# -- end to end ------------------------------------------------------------------------------
@pytest.mark.slow
def test_seed_quotes_are_perfect():
    from pactwatch.eval.gold_run import evaluate_gold

    labels = require_shared("formats", "seed.labels.jsonl")
    result = evaluate_gold(labels, parts=("quotes", "metadata"))
    q = result["summary"]["quotes"]
    assert (q["precision"], q["recall"], q["speaker_accuracy"]) == (1.0, 1.0, 1.0)
    assert result["summary"]["metadata"]["all_fields"] == 1.0


@pytest.mark.slow
def test_news_dev_quote_floor():
    from pactwatch.eval.gold_run import evaluate_gold

    labels = require_shared("testdata", "news-dev", "labels.jsonl")
    q = evaluate_gold(labels, parts=("quotes",))["summary"]["quotes"]
    assert q["f1"] >= NEWS_DEV_QUOTE_F1
    assert q["speaker_accuracy"] >= NEWS_DEV_SPEAKER_ACCURACY
    assert q["text_only"]["f1"] >= NEWS_DEV_TEXT_F1


@pytest.mark.slow
def test_eval_command_writes_a_report(runner, tmp_path: Path):
    from pactwatch.cli import main

    labels = require_shared("formats", "seed.labels.jsonl")
    out = tmp_path / "report.json"
    result = runner.invoke(main, ["eval", "--gold", str(labels), "--report", str(out)])
    assert result.exit_code == 0, result.output
    assert "speaker accuracy" in result.output
    data = json.loads(out.read_text())
    assert data["gold"]["summary"]["quotes"]["f1"] == 1.0
    assert data["gold"]["per_article"][0]["file"].endswith("000_018b8fec1f9a9e1f.txt")


def test_eval_command_needs_an_input(runner):
    from pactwatch.cli import main

    result = runner.invoke(main, ["eval"])
    assert result.exit_code == 2


def test_file_number_addresses_one_article_of_a_container():
    from pactwatch.eval.gold_run import split_file

    assert split_file("jsonl/feed.jsonl#2") == ("jsonl/feed.jsonl", 2)
    assert split_file("warc/news.warc.gz") == ("warc/news.warc.gz", 1)
    assert split_file("text/odd#name.txt") == ("text/odd#name.txt", 1)  # not a number: part of the name
    assert split_file("feed.jsonl#0") == ("feed.jsonl#0", 1)  # numbering starts at 1


def test_read_article_takes_the_numbered_article():
    from pathlib import Path

    from pactwatch.eval.gold_run import read_article

    examples = Path(__file__).resolve().parents[2] / "examples"
    second = read_article(examples / "jsonl" / "wire-feed-2024.jsonl", 2)
    assert not isinstance(second, str) and second.title.startswith("EU adopts 14th sanctions package")
    # robots.txt and the logo are WARC records but no articles: #1 is the first news page
    first = read_article(examples / "warc" / "pactwatch-demo-news.warc.gz", 1)
    assert not isinstance(first, str) and "New START" in first.title
    assert "no article #9" in read_article(examples / "warc" / "pactwatch-demo-news.warc.gz", 9)
