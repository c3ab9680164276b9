"""Events matched in their evidence, the review round trip and the suite table, on invented data."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.eval.gold import evidence_coverage, score_events
from pactwatch.eval.review import read_review, review
from pactwatch.records import Event


def event(source: str, target: str, code: str, sentence: str, start: int = 0) -> Event:
    return Event(source=source, target=target, cameo_code=code, root_code=code[:2], quad_class=1,
                 goldstein=0.0, date=None, sentence=sentence, start=start, end=start + len(sentence), matched="test")


SIGNING = "Arland and Brevia signed a border accord in Carth on Monday."
PRAISE = "The Arlish premier praised Brevia as a trusted partner."


def test_event_must_be_in_its_evidence_sentence():
    gold = [{"source": "ARLGOV", "target": "BRV", "cameo_root": "05", "cameo_code": "051", "evidence": PRAISE}]
    signing = event("ARL", "BRV", "057", SIGNING)  # same actors and root, another sentence
    assert score_events(gold, [signing])["root"].tp == 0
    assert score_events(gold, [signing])["article_root"].tp == 1  # the earlier article-level figure
    praise = event("ARLGOV", "BRVGOV", "051", PRAISE)
    assert score_events(gold, [signing, praise])["root"].tp == 1
    assert score_events(gold, [signing, praise])["unmatched_predicted"][0]["cameo_code"] == "057"


def test_a_sentence_covering_half_the_evidence_words_matches():
    evidence = "Officials said on Friday that Arland and Brevia signed a border accord in Carth."
    assert evidence_coverage(SIGNING, evidence) >= 0.5
    assert evidence_coverage("Brevia said nothing.", evidence) < 0.5
    gold = [{"source": "ARL", "target": "BRV", "cameo_root": "05", "cameo_code": None, "evidence": evidence}]
    assert score_events(gold, [event("ARL", "BRV", "057", SIGNING)])["root"].tp == 1
    # a gold event without evidence cannot be placed in a sentence
    assert score_events([{**gold[0], "evidence": ""}], [event("ARL", "BRV", "057", SIGNING)])["root"].tp == 0


def _report(events: list[Event], gold: list[dict]) -> dict:
    """The shape of an evaluate_gold report for one invented article (what review reads)."""
    scored = score_events(gold, events)
    return {"per_article": [{"file": "a.txt", "content_hash": "h1",
                             "events": {"predicted": len(events), "matched": scored["root"].tp},
                             "unmatched": {"event": scored["unmatched_predicted"]}}]}


def test_review_round_trip(tmp_path: Path):
    path = tmp_path / "review.tsv"
    gold = [{"source": "ARLGOV", "target": "BRV", "cameo_root": "05", "evidence": PRAISE}]
    events = [event("ARLGOV", "BRV", "051", PRAISE, 100), event("ARL", "BRV", "057", SIGNING, 0),
              event("BRV", "ARL", "057", SIGNING, 0)]
    first = review(_report(events, gold), path)
    assert first["new_rows"] == 2 and first["awaiting_verdict"] == 2
    assert first["precision"]["event"]["precision"] == pytest.approx(1 / 3, abs=1e-4)  # unreviewed is not right
    assert first["precision"]["event"]["unreviewed_share"] == pytest.approx(2 / 3, abs=1e-4)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    header = lines[0].split("\t")
    # a person judges: the signing is right, its reverse copy a duplicate
    judged = [lines[0]]
    for line in lines[1:]:
        cells = line.split("\t")
        cells[header.index("verdict")] = "right" if "ARL -> BRV" in cells[header.index("prediction")] else "duplicate"
        judged.append("\t".join(cells))
    path.write_text("\n".join(judged) + "\n", encoding="utf-8")
    # re-annotation adds a new prediction; the judged ones keep their verdicts
    more = events + [event("ARL", "BRV", "036", SIGNING, 0)]
    second = review(_report(more, gold), path)
    assert second["new_rows"] == 1 and second["awaiting_verdict"] == 1
    p = second["precision"]["event"]
    assert (p["matched"], p["right"], p["duplicate"], p["unreviewed"]) == (1, 1, 1, 1)
    assert p["precision"] == pytest.approx(2 / 4)
    # a prediction no longer made keeps its row and verdict, marked not current
    third = review(_report(events[:2], gold), path)
    rows = read_review(path)
    assert third["precision"]["event"]["precision"] == pytest.approx(1.0)
    assert sum(1 for r in rows.values() if not r.current) == 2
    assert any(r.verdict == "duplicate" and not r.current for r in rows.values())


def test_review_rejects_an_unknown_verdict(tmp_path: Path):
    path = tmp_path / "review.tsv"
    review(_report([event("ARL", "BRV", "057", SIGNING)], []), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    cells = lines[1].split("\t")
    cells[header.index("verdict")] = "maybe"
    path.write_text(lines[0] + "\n" + "\t".join(cells) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 2: verdict 'maybe'"):
        read_review(path)


def test_suite_table_labels_every_set():
    from pactwatch.eval.suite import ROWS, render

    results = {"news-dev": {"absent": "x"}, "PLOVER": {"records": 10, "accuracy": 0.7}}
    text = render(results, markdown=True)
    assert text.splitlines()[0] == "| figure | news-dev | PLOVER |"
    assert len(text.splitlines()) == 2 + len(ROWS)
    assert "0.700 category+source (10 records)" in text and "absent" in text


@pytest.mark.parametrize("name", ["news-dev", "news-dev-2"])
def test_committed_review_files_read(name):
    """The committed review files parse, and every row has a verdict from the allowed three."""
    rows = read_review(Path(__file__).resolve().parents[2] / "reviews" / f"{name}.tsv")
    assert len(rows) > 100
    assert {r.verdict for r in rows.values()} <= {"right", "wrong", "duplicate"}
    assert {r.kind for r in rows.values()} <= {"event", "quote", "commitment"}


def test_a_review_file_reads_back_as_written_so_rewriting_it_changes_nothing(tmp_path: Path):
    from pactwatch.eval.review import write_review

    path = tmp_path / "review.tsv"
    review(_report([event("ARL", "BRV", "057", SIGNING)], []), path)
    rows = list(read_review(path).values())
    rows[0].sentence = 'He called it "a fair deal"\tand left.'  # quote marks and a tab in the sentence
    rows[0].note = 'the "deal" is the accord'
    write_review(path, rows)
    first = path.read_text(encoding="utf-8")
    again = list(read_review(path).values())
    assert again[0].sentence == 'He called it "a fair deal" and left.'
    assert again[0].note == 'the "deal" is the accord'
    write_review(path, again)
    assert path.read_text(encoding="utf-8") == first
