"""What each --min-confidence would show on a reviewed gold set: precision and recall per threshold.

    .venv/bin/python scripts/confidence_curve.py ../shared/testdata/news-dev/labels.jsonl reviews/news-dev.tsv
    .venv/bin/python scripts/confidence_curve.py LABELS REVIEW --features   # counts behind confidence.tsv

The pipeline runs once; every threshold scores the same predictions with the eval's own scorer
(in-sentence root matching, ``pactwatch.eval.gold``). Reviewed precision = (matched + judged right) /
predicted kept, as ``pactwatch eval --review`` counts it; a prediction with no verdict counts as not
right. ``--features`` prints, per construction and per reading of ``pactwatch.nlp.confidence``, how
many predictions there are and how many are correct (matched, right or duplicate): the counts the
table's ``measured`` column cites. The review file is read, never written.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from pactwatch.eval.gold import load_gold, score_events
from pactwatch.eval.gold_run import article_path, read_article, split_file
from pactwatch.eval.review import prediction_text, read_review
from pactwatch.nlp.confidence import event_construction, event_readings
from pactwatch.nlp.pipeline import Annotator

THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)


def annotated(labels: Path) -> list[tuple[dict[str, Any], Any, Any]]:
    """(gold record, article, annotation) of every readable article with gold events."""
    found = []
    for record in load_gold(labels):
        article = read_article(article_path(record, labels, None), split_file(record["file"])[1])
        if not isinstance(article, str) and "events" in record:
            found.append((record, article))
    annotations = Annotator().annotate_many([a for _, a in found])
    return [(record, article, annotation)
            for (record, article), annotation in zip(found, annotations, strict=True)]


def fates(record: dict[str, Any], article: Any, events: list[Any], verdicts: dict[Any, Any]) -> list[str]:
    """Per event: matched (a gold event, in sentence, one to one), else its review verdict."""
    scored = score_events(record["events"], events)
    unmatched = Counter((u["start"], u["end"], prediction_text("event", u)) for u in scored["unmatched_predicted"])
    out = []
    for event in events:
        shown = prediction_text("event", {"source": event.source, "target": event.target,
                                          "cameo_code": event.cameo_code})
        key = (event.start, event.end, shown)
        if unmatched[key]:
            unmatched[key] -= 1
            row = verdicts.get(("event", article.content_hash, event.start, event.end, shown))
            out.append(row.verdict if row is not None and row.verdict else "unreviewed")
        else:
            out.append("matched")
    return out


def curve(articles: list[tuple[dict[str, Any], Any, Any]], verdicts: dict[Any, Any]) -> None:
    gold = sum(len(record["events"]) for record, _, _ in articles)
    print(f"gold events: {gold}")
    print("min_confidence  kept  matched  right  wrong  duplicate  unreviewed  precision_reviewed  recall_in_sentence")
    for threshold in THRESHOLDS:
        tally: Counter[str] = Counter()
        for record, article, annotation in articles:
            kept = [e for e in annotation.events if (e.confidence or 0.0) >= threshold]
            tally.update(fates(record, article, kept, verdicts))
        kept_n = sum(tally.values())
        precision = (tally["matched"] + tally["right"]) / kept_n if kept_n else 0.0
        print(f"{threshold:<14.2f}  {kept_n:>4}  {tally['matched']:>7}  {tally['right']:>5}  {tally['wrong']:>5}"
              f"  {tally['duplicate']:>9}  {tally['unreviewed']:>10}  {precision:>18.3f}"
              f"  {tally['matched'] / gold if gold else 0:>18.3f}")


def features(articles: list[tuple[dict[str, Any], Any, Any]], verdicts: dict[Any, Any]) -> None:
    rows = [{"event": e, "fate": fate, "readings": event_readings(e, annotation.mentions, annotation.quotes)}
            for record, article, annotation in articles
            for e, fate in zip(annotation.events, fates(record, article, annotation.events, verdicts), strict=True)]
    def tally(label: str, chosen: list[dict[str, Any]]) -> None:
        correct = sum(1 for r in chosen if r["fate"] in ("matched", "right", "duplicate"))
        print(f"  {label:<40} {correct:>4}/{len(chosen):<4} {correct / len(chosen):.2f}")

    print("correct (matched, right or duplicate) / predicted")
    tally("all events", rows)
    for name in sorted({event_construction(r["event"]) for r in rows}):
        tally(name or "(none)", [r for r in rows if event_construction(r["event"]) == name])
    for reading in sorted({x for r in rows for x in r["readings"]}):
        tally("reading: " + reading, [r for r in rows if reading in r["readings"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("review", type=Path)
    parser.add_argument("--features", action="store_true", help="the counts behind data/grammar/confidence.tsv")
    args = parser.parse_args()
    articles, verdicts = annotated(args.labels), read_review(args.review)
    (features if args.features else curve)(articles, verdicts)


if __name__ == "__main__":
    main()
