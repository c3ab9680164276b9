"""Scoring quotes on PolNeAR (Newell et al. 2018): brat-style stand-off attributions over articles.

PolNeAR labels every attribution (direct, indirect, mixed). Only direct quotations are ours to
find, so a gold attribution is scored when at least half of its Content characters (spaces
aside) lie inside quotation marks. Units and rules:

- recall: a scored attribution is found when one of our quotes overlaps its Content by at least
  half of the quote's length (a Content split by "he said" may be found by either piece);
- precision: one of our quotes is right when it is so inside a scored Content; a quote inside the
  Content of an attribution that is not scored (an indirect report quoting a phrase) counts
  neither way, since PolNeAR does not say whether that phrase is a quotation;
- speaker accuracy, over found attributions with a Source: our speaker span overlaps the
  Source span, or our speaker's name matches the Source text (GOLD.md name rule).

Each article is annotated as one paragraph block, so offsets are PolNeAR's own. Where an
article has several annotators' files, the first (sorted) is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pactwatch.eval.gold import speaker_matches
from pactwatch.nlp.quote_marks import find_quote_spans
from pactwatch.records import Article

DIRECT_SHARE = 0.5
OVERLAP_SHARE = 0.5


@dataclass
class Attribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""
    direct: bool = False


def _spans(field_text: str) -> list[tuple[int, int]]:
    spans = []
    for part in field_text.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return spans


def parse_ann(text: str) -> list[Attribution]:
    """Attributions of one .ann file (Content, Source spans joined through the E relations)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    for line in text.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            kind, _, where = parts[1].partition(" ")
            spans[parts[0]] = (kind, _spans(where), parts[2] if len(parts) > 2 else "")
        elif line.startswith("E"):
            relations.append(line.split("\t")[1].split())
    found = []
    for roles in relations:
        content: list[tuple[int, int]] = []
        source: list[tuple[int, int]] = []
        source_text = []
        for role in roles:
            name, _, ref = role.partition(":")
            if ref not in spans:
                continue
            if name.startswith("Content"):
                content.extend(spans[ref][1])
            elif name.startswith("Source"):
                source.extend(spans[ref][1])
                source_text.append(spans[ref][2])
        if content:
            found.append(Attribution(content, source, " ".join(source_text)))
    return found


def _share_inside(spans: list[tuple[int, int]], regions: list[tuple[int, int]], text: str) -> float:
    total = inside = 0
    for start, end in spans:
        for i in range(start, end):
            if text[i].isspace():
                continue
            total += 1
            inside += any(a <= i < b for a, b in regions)
    return inside / total if total else 0.0


def _overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def article_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs: ``folder`` may be PolNeAR's root or its ``dev`` split."""
    if (folder / "dev").is_dir() and not (folder / "text").is_dir():
        folder = folder / "dev"
    pairs = []
    anns = sorted((folder / "attributions").glob("*.ann"))
    for text_path in sorted((folder / "text").glob("*.txt")):
        matches = [a for a in anns if a.name.rsplit("_", 1)[0] == text_path.stem]
        if matches:
            pairs.append((text_path, matches[0]))
    return pairs


def evaluate_polnear(folder: Path, annotator: Any = None) -> dict[str, Any]:
    if annotator is None:
        from pactwatch.nlp.pipeline import Annotator

        annotator = Annotator()
    pairs = article_pairs(folder)
    texts = [p.read_text(encoding="utf-8") for p, _ in pairs]
    articles = [Article(title=None, paragraphs=[t], origin=str(p), language="en")
                for t, (p, _) in zip(texts, pairs, strict=True)]
    gold_total = found_total = right_total = scored_total = 0
    speaker_pairs = speaker_correct = neutral = 0
    details = []
    for (text_path, ann_path), text, annotation in zip(pairs, texts, annotator.annotate_many(articles), strict=True):
        regions = [(s.open_mark, (s.close_mark if s.close_mark is not None else s.end) + 1)
                   for s in find_quote_spans(text)]
        attributions = parse_ann(ann_path.read_text(encoding="utf-8"))
        for a in attributions:
            a.direct = _share_inside(a.content, regions, text) >= DIRECT_SHARE
        direct = [a for a in attributions if a.direct]
        other = [a for a in attributions if not a.direct]
        right = wrong = 0
        for q in annotation.quotes:
            need = OVERLAP_SHARE * max(1, q.end - q.start)
            if any(_overlap((q.start, q.end), a.content) >= need for a in direct):
                right += 1
            elif any(_overlap((q.start, q.end), a.content) >= need for a in other):
                neutral += 1
            else:
                wrong += 1
        found, misses = 0, []
        for a in direct:
            best = max(annotation.quotes, default=None,
                       key=lambda q: (_overlap((q.start, q.end), a.content) / max(1, q.end - q.start), -q.start))
            if best is None or (_overlap((best.start, best.end), a.content)
                                < OVERLAP_SHARE * max(1, best.end - best.start)):
                misses.append(text[a.content[0][0] : a.content[0][1]][:80])
                continue
            found += 1
            if a.source:
                speaker_pairs += 1
                by_span = best.speaker_start is not None and best.speaker_end is not None and \
                    _overlap((best.speaker_start, best.speaker_end), a.source) > 0
                speaker_correct += bool(by_span or speaker_matches(best.speaker, a.source_text))
        gold_total += len(direct)
        found_total += found
        right_total += right
        scored_total += right + wrong
        details.append({"file": text_path.name, "gold_direct": len(direct), "found": found,
                        "predicted": len(annotation.quotes), "false_positives": wrong, "missed": misses})
    precision = right_total / scored_total if scored_total else 0.0
    recall = found_total / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(pairs), "gold_direct_attributions": gold_total, "found": found_total,
        "predicted_scored": scored_total, "predicted_right": right_total, "predicted_neutral": neutral,
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "speaker_accuracy": round(speaker_correct / speaker_pairs, 4) if speaker_pairs else None,
        "speaker_pairs": speaker_pairs, "per_article": details,
    }
