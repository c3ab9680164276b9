"""Precision from a person's review of the predictions that matched no gold item.

Gold events are not exhaustive, so a prediction that matches none may still be right. ``pactwatch
eval --gold F --review R.tsv`` writes every unmatched event, quote and commitment to ``R.tsv``
with an empty ``verdict``; a person writes ``right``, ``wrong`` or ``duplicate`` (the same act
already predicted, or coded twice); the next run reads the verdicts back and asks only about
predictions it has not seen. A row is keyed by what survives re-annotation: the article's content
hash, the offsets (the sentence of an event or commitment, the quotation of a quote) and the
prediction itself. Rows of predictions no longer made are kept (``current`` = no), so that a
verdict is not lost when a change removes a prediction and a later one brings it back.

precision = (matched + judged right) / predicted; predictions still without a verdict count as
not right there, and their share is printed beside it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VERDICTS = ("right", "wrong", "duplicate")
KINDS = ("event", "quote", "commitment")
COLUMNS = ("kind", "file", "start", "end", "prediction", "verdict", "note", "sentence", "content_hash", "current")
Key = tuple[str, str, int, int, str]


def prediction_text(kind: str, row: dict[str, Any]) -> str:
    """The prediction itself, as the review file shows it and keys it."""
    if kind == "event":
        return f"{row['source']} -> {row['target']} {row['cameo_code']}"
    if kind == "quote":
        words = " ".join((row.get("text") or "").split()[:10])
        return f"{row.get('speaker') or '(no speaker)'}: {words}"
    return f"{'+'.join(row['parties'])} {row['kind']} {row['event']} {row.get('date') or 'undated'}"


@dataclass
class ReviewRow:
    kind: str
    file: str
    start: int
    end: int
    prediction: str
    verdict: str = ""
    note: str = ""
    sentence: str = ""
    content_hash: str = ""
    current: bool = True

    @property
    def key(self) -> Key:
        return (self.kind, self.content_hash, self.start, self.end, self.prediction)


def _clean(text: Any) -> str:
    return " ".join(str(text or "").split())


def read_review(path: Path) -> dict[Key, ReviewRow]:
    """The rows of a review file; a verdict other than right/wrong/duplicate is an error naming
    the line."""
    rows: dict[Key, ReviewRow] = {}
    if not path.exists():
        return rows
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        missing = [c for c in ("kind", "start", "end", "prediction", "verdict", "content_hash")
                   if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: not a review file (no column {', '.join(missing)})")
        for number, raw in enumerate(reader, 2):
            verdict = (raw.get("verdict") or "").strip().lower()
            if verdict and verdict not in VERDICTS:
                raise ValueError(f"{path}: row {number}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
            try:
                row = ReviewRow(kind=raw["kind"], file=raw.get("file") or "", start=int(raw["start"]),
                                end=int(raw["end"]), prediction=raw["prediction"], verdict=verdict,
                                note=raw.get("note") or "", sentence=raw.get("sentence") or "",
                                content_hash=raw["content_hash"], current=(raw.get("current") or "yes") != "no")
            except (TypeError, ValueError) as error:
                raise ValueError(f"{path}: row {number}: {error}") from None
            rows[row.key] = row
    return rows


def current_rows(report: dict[str, Any]) -> list[ReviewRow]:
    """One row per unmatched prediction of a gold report (repeats of one key included)."""
    rows = []
    for detail in report["per_article"]:
        for kind, items in detail.get("unmatched", {}).items():
            for item in items:
                rows.append(ReviewRow(kind=kind, file=detail["file"], start=int(item["start"]), end=int(item["end"]),
                                      prediction=prediction_text(kind, item), sentence=_clean(item.get("sentence")),
                                      content_hash=detail.get("content_hash", "")))
    return rows


def merge(report: dict[str, Any], previous: dict[Key, ReviewRow]) -> tuple[list[ReviewRow], list[ReviewRow]]:
    """(this run's unmatched predictions with any verdict given before, all rows to write)."""
    rows = current_rows(report)
    for row in rows:
        old = previous.get(row.key)
        if old is not None:
            row.verdict, row.note = old.verdict, old.note
    written: dict[Key, ReviewRow] = {}
    for row in rows:
        written.setdefault(row.key, row)
    for key, old in previous.items():
        if key not in written:
            old.current = False
            written[key] = old
    ordered = sorted(written.values(), key=lambda r: (not r.current, r.file, r.start, KINDS.index(r.kind)
                                                      if r.kind in KINDS else 9, r.prediction))
    return rows, ordered


def write_review(path: Path, rows: list[ReviewRow]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([r.kind, r.file, r.start, r.end, _clean(r.prediction).replace("\\", "/"), r.verdict,
                             _clean(r.note).replace("\\", "/"), _clean(r.sentence).replace("\\", "/"),
                             r.content_hash, "yes" if r.current else "no"])
    tmp.replace(path)


def matched_counts(report: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """(matched, predicted) per kind over the articles each part was scored on."""
    counts = {kind: [0, 0] for kind in KINDS}
    for detail in report["per_article"]:
        if "events" in detail:
            counts["event"][0] += detail["events"]["matched"]
            counts["event"][1] += detail["events"]["predicted"]
        if "quotes" in detail:
            counts["quote"][0] += detail["quotes"]["prf"]["tp"]
            counts["quote"][1] += detail["quotes"]["prf"]["predicted"]
        if "commitments" in detail:
            counts["commitment"][0] += detail["commitments"]["prf"]["tp"]
            counts["commitment"][1] += detail["commitments"]["prf"]["predicted"]
    return {kind: (m, p) for kind, (m, p) in counts.items()}


def precision(report: dict[str, Any], rows: list[ReviewRow]) -> dict[str, dict[str, Any]]:
    """Per kind: predicted, matched, right, wrong, duplicate, unreviewed, precision =
    (matched + right) / predicted, and the unreviewed share of the predictions."""
    result = {}
    for kind, (matched, predicted) in matched_counts(report).items():
        mine = [r for r in rows if r.kind == kind]
        tally = {v: sum(1 for r in mine if r.verdict == v) for v in VERDICTS}
        unreviewed = sum(1 for r in mine if not r.verdict)
        result[kind] = {
            "predicted": predicted, "matched": matched, **tally, "unreviewed": unreviewed,
            "precision": round((matched + tally["right"]) / predicted, 4) if predicted else None,
            "unreviewed_share": round(unreviewed / predicted, 4) if predicted else None,
        }
    return result


def review(report: dict[str, Any], path: Path, write: bool = True) -> dict[str, Any]:
    """Read ``path``'s verdicts, (re)write it with this run's unmatched predictions, and return
    precision per kind plus how many rows still want a verdict."""
    previous = read_review(path)
    rows, ordered = merge(report, previous)
    if write:
        write_review(path, ordered)
    new = sum(1 for r in {row.key: row for row in rows}.values() if r.key not in previous)
    return {"file": str(path), "precision": precision(report, rows), "new_rows": new,
            "awaiting_verdict": sum(1 for r in ordered if r.current and not r.verdict)}
