"""``pactwatch eval --suite``: every gold set against every figure, in one table.

The sets are the project's own (seed, examples) and the public ones under ``../shared``
(news-dev, news-dev-2, PolNeAR dev, PETRARCH's unit records, PLOVER, the CAMEO manual's
examples). Gold sets with a committed review file (``reviews/<set>.tsv``) also get precision
from the reviewers' verdicts; the suite reads those files and never writes them. A set whose
files are absent is shown as such; figures a set cannot give are "-".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class GoldSet:
    name: str
    labels: Path
    review: Path | None


def gold_sets(root: Path, shared: Path, reviews: Path) -> list[GoldSet]:
    def review(name: str) -> Path | None:
        path = reviews / f"{name}.tsv"
        return path if path.exists() else None

    return [
        GoldSet("seed", shared / "formats" / "seed.labels.jsonl", review("seed")),
        GoldSet("examples", root / "examples" / "labels.jsonl", review("examples")),
        GoldSet("news-dev", shared / "testdata" / "news-dev" / "labels.jsonl", review("news-dev")),
        GoldSet("news-dev-2", shared / "testdata" / "news-dev-2" / "labels.jsonl", review("news-dev-2")),
    ]


EVENT_SETS = ("PolNeAR dev", "PETRARCH records", "PLOVER", "CAMEO examples")


def run_suite(root: Path, shared: Path, reviews: Path, progress: Callable[[str], None] = lambda _: None
              ) -> dict[str, Any]:
    """Every set's report (JSON-ready), keyed by set name; an absent set gives {"absent": path}."""
    from pactwatch.eval.gold_run import evaluate_gold
    from pactwatch.eval.review import review
    from pactwatch.nlp.pipeline import Annotator

    annotator = Annotator()
    results: dict[str, Any] = {}
    for gold in gold_sets(root, shared, reviews):
        progress(gold.name)
        if not gold.labels.exists():
            results[gold.name] = {"absent": str(gold.labels)}
            continue
        report = evaluate_gold(gold.labels, annotator=annotator)
        entry: dict[str, Any] = {"summary": report["summary"], "articles": report["articles"],
                                 "read_failures": report["read_failures"]}
        if gold.review is not None:
            entry["review"] = review(report, gold.review, write=False)
        results[gold.name] = entry
    nlp = annotator.nlp
    events = shared / "testdata" / "events"
    petrarch = events / "gold" / "petrarch_unittest"

    def polnear(path: Path) -> dict[str, Any]:
        from pactwatch.eval.polnear import evaluate_polnear

        return evaluate_polnear(path, annotator)

    def petrarch_records(path: Path) -> dict[str, Any]:
        from pactwatch.eval.petrarch import evaluate_petrarch

        return evaluate_petrarch(path / "PETR.UnitTest.records.xml",
                                 [path / "PETR.Validate.actors.txt", path / "PETR.Validate.agents.txt"],
                                 [path / "PETR.Validate.verbs.txt"], nlp=nlp)

    def plover(path: Path) -> dict[str, Any]:
        from pactwatch.eval.plover import evaluate_plover

        return evaluate_plover(path, nlp=nlp)

    def cameo(path: Path) -> dict[str, Any]:
        from pactwatch.eval.cameo_examples import evaluate_cameo_examples

        return evaluate_cameo_examples(path, nlp=nlp)

    public: list[tuple[str, Path, Callable[[Path], dict[str, Any]]]] = [
        ("PolNeAR dev", shared / "testdata" / "quotes" / "polnear", polnear),
        ("PETRARCH records", petrarch, petrarch_records),
        ("PLOVER", events / "gold" / "PLOVER_GSR_CAMEO.txt", plover),
        ("CAMEO examples", events / "codebook" / "cameo_codes.json", cameo),
    ]
    for name, path, scorer in public:
        progress(name)
        results[name] = _no_details(scorer(path)) if path.exists() else {"absent": str(path)}
    return results


def _no_details(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k not in ("details", "per_article")}


# -- the table --------------------------------------------------------------------------------
def _f(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


def _ratio(value: Any, part: int, whole: int) -> str:
    return "-" if value is None or not whole else f"{value:.3f} ({part}/{whole})"


def _gold_cells(entry: dict[str, Any]) -> dict[str, str]:
    s = entry["summary"]
    q, e, c = s["quotes"], s["events"], s["commitments"]
    cells = {
        "quote P / R / F1": f"{_f(q['precision'])} / {_f(q['recall'])} / {_f(q['f1'])}",
        "quote F1, old speaker rule": _f(q["legacy"]["f1"]),
        "speaker accuracy": _ratio(q["speaker_accuracy"], _right(q["speaker_accuracy"], q["speaker_pairs"]),
                                   q["speaker_pairs"]),
        "speaker accuracy, old rule": _f(q["legacy"]["speaker_accuracy"]),
        "event root recall, in sentence": _ratio(e["recall_root"], e["matched_root"], e["gold"]),
        "event root recall, article (old)": _ratio(e["article_recall_root"], e["article_matched_root"], e["gold"]),
        "event full-code recall, in sentence": _ratio(e["recall_code"], e["matched_code"], e["gold"]),
        "events predicted": str(e["predicted"]) if e["gold"] or e["predicted"] else "-",
        "commitment P / R / F1": f"{_f(c['precision'])} / {_f(c['recall'])} / {_f(c['f1'])}",
        "commitment date accuracy": _ratio(c["date_accuracy"], c["dates_right"], c["dated_pairs"]),
        "commitment F1, old (date in identity)": _f(c["legacy"]["f1"]),
    }
    if not q["gold"] and not q["predicted"]:
        for key in ("quote P / R / F1", "quote F1, old speaker rule"):
            cells[key] = "-"
    review = entry.get("review")
    for kind, label in (("event", "event"), ("quote", "quote"), ("commitment", "commitment")):
        if review is None:
            cells[f"{label} precision, reviewed"] = "no review"
            continue
        p = review["precision"][kind]
        cells[f"{label} precision, reviewed"] = (
            "-" if p["precision"] is None else
            f"{p['precision']:.3f}, {p['unreviewed_share']:.0%} unrev.")
    return cells


def _right(share: float | None, pairs: int) -> int:
    return round(share * pairs) if share is not None else 0


ROWS = (
    "quote P / R / F1", "quote F1, old speaker rule", "speaker accuracy", "speaker accuracy, old rule",
    "quote precision, reviewed",
    "event root recall, in sentence", "event root recall, article (old)", "event full-code recall, in sentence",
    "events predicted", "event precision, reviewed", "event coding accuracy (set's own measure)",
    "commitment P / R / F1", "commitment date accuracy", "commitment F1, old (date in identity)",
    "commitment precision, reviewed",
)


def table_cells(results: dict[str, Any]) -> dict[str, dict[str, str]]:
    """{set: {row: cell}} for every set and row of the suite table."""
    cells: dict[str, dict[str, str]] = {}
    for name, entry in results.items():
        if "absent" in entry:
            cells[name] = {row: "absent" for row in ROWS}
            continue
        if "summary" in entry:
            cells[name] = _gold_cells(entry)
        elif name == "PolNeAR dev":
            cells[name] = {"quote P / R / F1": f"{_f(entry['precision'])} / {_f(entry['recall'])} / {_f(entry['f1'])}",
                           "speaker accuracy": _ratio(entry["speaker_accuracy"],
                                                      _right(entry["speaker_accuracy"], entry["speaker_pairs"]),
                                                      entry["speaker_pairs"])}
        elif name == "PETRARCH records":
            cells[name] = {"event coding accuracy (set's own measure)":
                           f"{_f(entry['accuracy'])} exact ({entry['matched']}/{entry['expected']})",
                           "events predicted": str(entry["predicted"])}
        elif name == "PLOVER":
            cells[name] = {"event coding accuracy (set's own measure)":
                           f"{_f(entry['accuracy'])} category+source ({entry['records']} records)"}
        elif name == "CAMEO examples":
            cells[name] = {"event coding accuracy (set's own measure)":
                           f"{_f(entry['root_accuracy'])} first root ({entry['examples']} sentences)"}
    return cells


def render(results: dict[str, Any], markdown: bool = False) -> str:
    cells = table_cells(results)
    names = list(cells)
    grid = [["figure", *names]] + [[row, *(cells[n].get(row, "-") for n in names)] for row in ROWS]
    if markdown:
        lines = ["| " + " | ".join(grid[0]) + " |", "| " + " | ".join("---" for _ in grid[0]) + " |"]
        lines += ["| " + " | ".join(r) + " |" for r in grid[1:]]
        return "\n".join(lines) + "\n"
    widths = [max(len(r[i]) for r in grid) for i in range(len(grid[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in grid]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
