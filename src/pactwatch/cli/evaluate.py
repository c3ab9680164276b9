"""``pactwatch eval``: score what pactwatch extracts against labelled material.

``--gold FILE.labels.jsonl`` scores metadata, quotes, events and commitments as
``formats/GOLD.md`` defines (``--review FILE.tsv`` adds precision from a person's verdicts on the
unmatched predictions); ``--polnear DIR`` scores direct-quote attributions of PolNeAR;
``--petrarch-xml``/``--plover-json``/``--cameo-examples`` score the event coder on public event
test sets; ``--suite`` runs every set the project has and prints one table. Low scores are
results, not failures: the exit code is 0 whenever scoring ran.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from pactwatch.errors import PactwatchError, UsageError

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


def _pct(value: Any) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _prf_line(label: str, prf: dict[str, Any]) -> str:
    return (f"  {label:<22} P {_pct(prf['precision'])}  R {_pct(prf['recall'])}  F1 {_pct(prf['f1'])}"
            f"   (tp {prf['tp']}, predicted {prf['predicted']}, gold {prf['gold']})")


def gold_text(report: dict[str, Any]) -> str:
    """The human-readable block for a ``--gold`` report."""
    s = report["summary"]
    m, q, e, c = s["metadata"], s["quotes"], s["events"], s["commitments"]
    lines = [f"Gold: {report['labels']}  ({report['articles']} articles, {report['read_failures']} unreadable)", ""]
    lines += ["Metadata (share of articles agreeing)",
              f"  all given fields      {_pct(m['all_fields'])}",
              f"  title {_pct(m['title'])}   publisher {_pct(m['publisher'])}   published {_pct(m['published'])}", ""]
    lines += ["Quotes (first words + the same person or body)", _prf_line("quotes", q),
              _prf_line("quote text only", q["text_only"]),
              f"  speaker accuracy      {_pct(q['speaker_accuracy'])}  (over {q['speaker_pairs']} text-matched quotes)",
              f"  old speaker rule      F1 {_pct(q['legacy']['f1'])}, speaker accuracy "
              f"{_pct(q['legacy']['speaker_accuracy'])}", ""]
    lines += ["Events (gold is not exhaustive: recall; matched in the evidence's sentence)",
              f"  recall, root          {_pct(e['recall_root'])}  ({e['matched_root']}/{e['gold']})",
              f"  recall, full code     {_pct(e['recall_code'])}  ({e['matched_code']}/{e['gold']})",
              f"  article level (old)   root {_pct(e['article_recall_root'])}"
              f" ({e['article_matched_root']}/{e['gold']}),"
              f" full code {_pct(e['article_recall_code'])} ({e['article_matched_code']}/{e['gold']})",
              f"  predicted             {e['predicted']} events"]
    per_article = [(d["file"], d["events"]["predicted"]) for d in report["per_article"] if "events" in d]
    if per_article:
        lines.append("  predicted per article " + ", ".join(f"{Path(f).stem}:{n}" for f, n in per_article))
    unmatched = [(d["file"], u) for d in report["per_article"] if "events" in d
                 for u in d["events"]["unmatched_predicted"]]
    if unmatched:
        lines.append(f"  unmatched predicted events ({len(unmatched)}; a sample: --review judges them all):")
        for file, u in unmatched[:15]:
            lines.append(f"    {Path(file).stem} {u['source']}->{u['target']} {u['cameo_code']}: "
                         f"{u['sentence'][:90]}")
    lines += ["", "Commitments (parties, kind, event)", _prf_line("commitments", c),
              f"  date accuracy         {_pct(c['date_accuracy'])}"
              f"  ({c['dates_right']}/{c['dated_pairs']} matched pairs"
              " whose gold has a date; within a day)",
              f"  old rule (date in identity)  F1 {_pct(c['legacy']['f1'])}"]
    return "\n".join(lines) + "\n"


def review_text(result: dict[str, Any]) -> str:
    """Precision from the review file's verdicts, per kind of prediction."""
    lines = [f"Precision from review ({result['file']}): (matched + right) / predicted"]
    for kind, p in result["precision"].items():
        if not p["predicted"]:
            continue
        lines.append(f"  {kind + 's':<12} {_pct(p['precision'])}  (matched {p['matched']} + right {p['right']} of "
                     f"{p['predicted']}; wrong {p['wrong']}, duplicate {p['duplicate']}; unreviewed "
                     f"{p['unreviewed']} = {p['unreviewed_share']:.1%})")
    lines.append(f"  {result['new_rows']} new prediction(s) written; {result['awaiting_verdict']} row(s) await a "
                 "verdict (right / wrong / duplicate)")
    return "\n".join(lines) + "\n"


def _dict_text(title: str, result: dict[str, Any]) -> str:
    lines = [title]
    for key, value in result.items():
        if isinstance(value, (dict, list)):
            if isinstance(value, dict) and all(not isinstance(v, (dict, list)) for v in value.values()):
                lines.append(f"  {key}: " + ", ".join(f"{k} {_fmt(v)}" for k, v in value.items()))
            continue  # details go to --report
        lines.append(f"  {key:<26} {_fmt(value)}")
    return "\n".join(lines) + "\n"


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


@click.command("eval")
@click.option("--gold", "gold", type=_FILE, help="A *.labels.jsonl file (formats/GOLD.md).")
@click.option("--articles", "articles_dir", type=_DIR,
              help="Folder the gold 'file' paths are relative to (default: the labels file's folder).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every figure and per-article details to this JSON file.")
@click.option("--polnear", "polnear_dir", type=_DIR,
              help="PolNeAR folder (text/ and attributions/): score direct-quote attributions.")
@click.option("--petrarch-xml", "petrarch_xml", type=_FILE, help="PETRARCH validation XML to score events on.")
@click.option("--actors", "actor_files", type=_FILE, multiple=True,
              help="Phoenix/PETRARCH actor dictionary (repeatable).")
@click.option("--verbs", "verb_files", type=_FILE, multiple=True, help="PETRARCH verb dictionary (repeatable).")
@click.option("--plover-json", "plover_json", type=_FILE, help="PLOVER-coded JSON(L) to score events on.")
@click.option("--cameo-examples", "cameo_examples", type=_FILE, help="CAMEO codebook examples to score events on.")
@click.option("--review", "review_path", type=click.Path(dir_okay=False, path_type=Path),
              help="With --gold: TSV of the predictions no gold item matched; reads verdicts written there "
                   "(right / wrong / duplicate), adds new predictions with an empty verdict, prints precision.")
@click.option("--suite", is_flag=True, help="Score every gold set (seed, examples, news-dev, news-dev-2, PolNeAR, "
                                             "PETRARCH, PLOVER, CAMEO) and print one table.")
@click.option("--shared", "shared_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("../shared"),
              show_default=True, help="With --suite: the shared test material.")
@click.option("--reviews", "reviews_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("reviews"),
              show_default=True, help="With --suite: the folder of committed review files (<set>.tsv).")
@click.option("--markdown", is_flag=True, help="With --suite: print the table as Markdown.")
def eval_command(gold: Path | None, articles_dir: Path | None, report_path: Path | None,
                 polnear_dir: Path | None, petrarch_xml: Path | None, actor_files: tuple[Path, ...],
                 verb_files: tuple[Path, ...], plover_json: Path | None, cameo_examples: Path | None,
                 review_path: Path | None, suite: bool, shared_dir: Path, reviews_dir: Path, markdown: bool) -> None:
    """Score extraction against gold labels or public test sets (prints figures; exit 0)."""
    if not any((gold, polnear_dir, petrarch_xml, plover_json, cameo_examples, suite)):
        raise UsageError("give at least one of --gold, --polnear, --petrarch-xml, --plover-json, --cameo-examples, "
                         "--suite")
    if review_path is not None and gold is None:
        raise UsageError("--review needs --gold (the set whose unmatched predictions it judges)")
    report: dict[str, Any] = {}
    if suite:
        from pactwatch.eval.suite import render, run_suite

        report["suite"] = run_suite(Path("."), shared_dir, reviews_dir,
                                    progress=lambda name: click.echo(f"scoring {name} ...", err=True))
        click.echo(render(report["suite"], markdown=markdown), nl=False)
    if gold is not None:
        from pactwatch.eval.gold_run import evaluate_gold
        from pactwatch.nlp.pipeline import Annotator, PipelineConfig

        annotator = Annotator(PipelineConfig(actor_dictionaries=actor_files, verb_dictionaries=verb_files))
        report["gold"] = evaluate_gold(gold, articles_dir, annotator)
        click.echo(gold_text(report["gold"]))
        if review_path is not None:
            from pactwatch.eval.review import review

            try:
                report["review"] = review(report["gold"], review_path)
            except ValueError as error:
                raise PactwatchError(str(error)) from None
            click.echo(review_text(report["review"]))
    if polnear_dir is not None:
        from pactwatch.eval.polnear import evaluate_polnear

        report["polnear"] = evaluate_polnear(polnear_dir)
        click.echo(_dict_text("PolNeAR direct-quote attributions", report["polnear"]))
    if petrarch_xml is not None:
        from pactwatch.eval.petrarch import evaluate_petrarch

        report["petrarch"] = evaluate_petrarch(petrarch_xml, actor_files, verb_files)
        click.echo(_dict_text("PETRARCH validation", report["petrarch"]), nl=False)
        unread = report["petrarch"]["unreadable"]
        click.echo(f"  read {report['petrarch']['sentences']} sentence(s); "
                   + (f"could not read {len(unread)} thing(s):" if unread else "everything was read") + "\n"
                   + "".join(f"    {line}\n" for line in unread))
    if plover_json is not None:
        from pactwatch.eval.plover import evaluate_plover

        report["plover"] = evaluate_plover(plover_json)
        click.echo(_dict_text("PLOVER events", report["plover"]))
    if cameo_examples is not None:
        from pactwatch.eval.cameo_examples import evaluate_cameo_examples

        report["cameo_examples"] = evaluate_cameo_examples(cameo_examples)
        click.echo(_dict_text("CAMEO codebook examples", report["cameo_examples"]))
    if report_path is not None:
        report_path.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n",
                               encoding="utf-8")
        click.echo(f"report written to {report_path}")


COMMANDS = [eval_command]
