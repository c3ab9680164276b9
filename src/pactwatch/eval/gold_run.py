"""Running pactwatch over the articles a labels file names and scoring all four parts.

Articles are read with the ingest reader and annotated by the pipeline exactly as ``ingest``
does, so the figures measure what users get. The report is a plain dict (JSON-ready): totals
per part plus per-article details (matched, missed and spurious items).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pactwatch.eval.gold import (
    PRF,
    legacy_speaker_matches,
    load_gold,
    score_commitments,
    score_events,
    score_metadata,
    score_quotes,
)
from pactwatch.records import Article


def article_path(record: dict[str, Any], labels_path: Path, articles_dir: Path | None) -> Path:
    base = articles_dir if articles_dir is not None else labels_path.parent
    return (base / split_file(record["file"])[0]).resolve()


def split_file(file: str) -> tuple[str, int]:
    """``file`` without its ``#N`` suffix, and N (1 when absent).

    A container holding several articles (a JSONL feed, a WARC file) is addressed as ``path#N``:
    the N-th article (1-based) its reader yields, inputs that give no article (a robots.txt
    record, a bad line) not counted. A path whose own name contains ``#`` is left whole."""
    path, sep, number = file.rpartition("#")
    if sep and path and number.isdigit() and int(number) >= 1:
        return path, int(number)
    return file, 1


def read_article(path: Path, number: int = 1) -> Article | str:
    """The ``number``-th article (1-based) the reader gets from ``path``, or why there is none."""
    from pactwatch.ingest import read_all

    seen = 0
    failure = None
    for item in read_all([str(path)]):
        if isinstance(item, Article):
            seen += 1
            if seen == number:
                return item
        elif failure is None:
            failure = f"{item.origin}: {item.reason}"
    if seen == 0 and failure is not None:
        return failure
    return f"{path}: no article #{number} (found {seen})"


def evaluate_gold(labels_path: Path, articles_dir: Path | None = None, annotator: Any = None,
                  parts: Iterable[str] = ("metadata", "quotes", "events", "commitments")) -> dict[str, Any]:
    """Score every record of ``labels_path``; ``annotator`` defaults to the pipeline's Annotator."""
    if annotator is None:
        from pactwatch.nlp.pipeline import Annotator

        annotator = Annotator()
    records = load_gold(labels_path)
    articles: list[Article] = []
    loaded: list[tuple[dict[str, Any], Article | None, str | None]] = []
    for record in records:
        got = read_article(article_path(record, labels_path, articles_dir), split_file(record["file"])[1])
        if isinstance(got, Article):
            articles.append(got)
            loaded.append((record, got, None))
        else:
            loaded.append((record, None, got))
    annotations = iter(list(annotator.annotate_many(articles)))
    wanted = set(parts)
    totals: dict[str, Any] = {
        "quotes": PRF(0, 0, 0), "quote_spans": PRF(0, 0, 0), "speaker_pairs": 0, "speaker_correct": 0,
        "quotes_legacy": PRF(0, 0, 0), "speaker_correct_legacy": 0,
        "events_root": PRF(0, 0, 0), "events_code": PRF(0, 0, 0),
        "events_article_root": PRF(0, 0, 0), "events_article_code": PRF(0, 0, 0),
        "commitments": PRF(0, 0, 0), "commitments_legacy": PRF(0, 0, 0), "dated_pairs": 0, "dates_right": 0,
        "metadata": {"articles": 0, "all": 0, "title": [0, 0], "publisher": [0, 0], "published": [0, 0]},
    }
    details = []
    for record, article, failure in loaded:
        detail: dict[str, Any] = {"file": record["file"]}
        unmatched: dict[str, list[dict[str, Any]]] = {}
        if article is None:
            detail["error"] = failure
            annotation = None
        else:
            annotation = next(annotations)
            detail["skipped"] = annotation.skipped
            detail["content_hash"] = article.content_hash
        quotes = annotation.quotes if annotation else []
        events = annotation.events if annotation else []
        commitments = annotation.commitments if annotation else []
        if "metadata" in wanted:
            meta = score_metadata(record, article.title if article else None,
                                  article.publisher if article else None,
                                  article.published if article else None)
            detail["metadata"] = meta
            m = totals["metadata"]
            m["articles"] += 1
            m["all"] += int(meta["all"])
            for key in ("title", "publisher", "published"):
                if key in meta:
                    m[key][0] += int(meta[key])
                    m[key][1] += 1
        if "quotes" in wanted and "quotes" in record:
            q = score_quotes(record["quotes"], quotes)
            totals["quotes"] += q["prf"]
            totals["quote_spans"] += q["span_prf"]
            totals["speaker_pairs"] += q["speaker_pairs"]
            totals["speaker_correct"] += q["speaker_correct"]
            old = score_quotes(record["quotes"], quotes, legacy_speaker_matches)
            totals["quotes_legacy"] += old["prf"]
            totals["speaker_correct_legacy"] += old["speaker_correct"]
            unmatched["quote"] = [{**row, "sentence": quote_context(article.body, row["start"], row["end"])}
                                  for row in q["spurious"]] if article else []
            detail["quotes_matched"] = q["prf"].tp
            detail["quotes"] = {"prf": q["prf"].as_dict(), "matched": q["matched"], "missed": q["missed"],
                                "spurious": q["spurious"]}
        if "events" in wanted and "events" in record:
            e = score_events(record["events"], events)
            totals["events_root"] += e["root"]
            totals["events_code"] += e["code"]
            totals["events_article_root"] += e["article_root"]
            totals["events_article_code"] += e["article_code"]
            unmatched["event"] = e["unmatched_predicted"]
            detail["events"] = {"predicted": len(events), "gold": len(record["events"]),
                                "matched": e["root"].tp,
                                "recall_root": e["root"].as_dict()["recall"], "missed": e["missed"],
                                "unmatched_predicted": e["unmatched_predicted"]}
        if "commitments" in wanted and "commitments" in record:
            c = score_commitments(record["commitments"], commitments)
            totals["commitments"] += c["prf"]
            totals["commitments_legacy"] += c["legacy_prf"]
            totals["dated_pairs"] += c["dated_pairs"]
            totals["dates_right"] += c["dates_right"]
            unmatched["commitment"] = c["spurious"]
            detail["commitments"] = {"prf": c["prf"].as_dict(), "missed": c["missed"], "spurious": c["spurious"],
                                     "dated_pairs": c["dated_pairs"], "dates_right": c["dates_right"]}
        detail["unmatched"] = unmatched
        details.append(detail)
    return {"labels": str(labels_path), "articles": len(records),
            "read_failures": sum(1 for _, a, _ in loaded if a is None),
            "summary": summarise(totals), "per_article": details}


def summarise(totals: dict[str, Any]) -> dict[str, Any]:
    m = totals["metadata"]
    pairs = totals["speaker_pairs"]
    return {
        "metadata": {
            "articles": m["articles"],
            "all_fields": round(m["all"] / m["articles"], 4) if m["articles"] else None,
            **{k: (round(m[k][0] / m[k][1], 4) if m[k][1] else None) for k in ("title", "publisher", "published")},
        },
        "quotes": {**totals["quotes"].as_dict(),
                   "text_only": totals["quote_spans"].as_dict(),
                   "speaker_accuracy": _share(totals["speaker_correct"], pairs),
                   "speaker_pairs": pairs,
                   "legacy": {**totals["quotes_legacy"].as_dict(),
                              "speaker_accuracy": _share(totals["speaker_correct_legacy"], pairs)}},
        "events": {"recall_root": totals["events_root"].as_dict()["recall"],
                   "recall_code": totals["events_code"].as_dict()["recall"],
                   "matched_root": totals["events_root"].tp, "matched_code": totals["events_code"].tp,
                   "article_recall_root": totals["events_article_root"].as_dict()["recall"],
                   "article_recall_code": totals["events_article_code"].as_dict()["recall"],
                   "article_matched_root": totals["events_article_root"].tp,
                   "article_matched_code": totals["events_article_code"].tp,
                   "gold": totals["events_root"].gold, "predicted": totals["events_root"].predicted},
        "commitments": {**totals["commitments"].as_dict(),
                        "date_accuracy": _share(totals["dates_right"], totals["dated_pairs"]),
                        "dated_pairs": totals["dated_pairs"], "dates_right": totals["dates_right"],
                        "legacy": totals["commitments_legacy"].as_dict()},
    }


def quote_context(body: str, start: int, end: int, margin: int = 160) -> str:
    """The quotation with some text either side (the sentence is not stored with a quote)."""
    return " ".join(body[max(0, start - margin) : end + margin].split())


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
