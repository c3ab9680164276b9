"""``pactwatch allies | obligations | pacts | timeline | graph`` and ``pactwatch import atop``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from pactwatch.cli.context import AppContext, parse_date_option, pass_app
from pactwatch.cli.output import emit, output_options
from pactwatch.pacts import queries
from pactwatch.records import ORIGINS

on_option = click.option("--on", "on", callback=parse_date_option, metavar="DATE",
                         help="The day to ask about (YYYY-MM-DD; default today).")
baseline_option = click.option("--no-baseline", is_flag=True,
                               help="Leave out the shipped baseline treaties (articles and ATOP only).")


def _db(app: AppContext) -> Any:
    """The database with the commitment graph brought up to date with the stored reports."""
    from pactwatch.pacts.graph import ensure_current

    db = app.db()
    ensure_current(db)
    return db


def _code(value: str) -> str:
    return value.strip().upper()


def _evidence_text(evidence: dict[str, Any] | None) -> str:
    if not evidence:
        return ""
    if evidence.get("article_id") is not None:
        return f"article {evidence['article_id']}: {evidence.get('sentence') or ''}"
    return evidence.get("reference") or ""


@click.command()
@click.argument("party", type=_code)
@on_option
@baseline_option
@output_options
@pass_app
def allies(app: AppContext, party: str, on: str | None, no_baseline: bool, fmt: str) -> None:
    """Who is committed to defend PARTY on a day: under which commitment and condition, since when,
    on what evidence, and whether it comes from an article, the baseline or ATOP."""
    rows = queries.allies(_db(app), party, on, baseline=not no_baseline)
    if fmt == "table":
        rows = [{**r, "evidence": _evidence_text(r.get("evidence"))} for r in rows]
    emit(rows, fmt, columns=["ally", "commitment", "origin", "since", "conditions", "evidence"],
         widths={"conditions": 40, "evidence": 60, "commitment": 40})


@click.command()
@click.option("--attacked", required=True, type=_code, help="The state attacked.")
@click.option("--by", "by", type=_code, default=None, help="The attacker (shows states bound to both sides).")
@on_option
@baseline_option
@output_options
@pass_app
def obligations(app: AppContext, attacked: str, by: str | None, on: str | None, no_baseline: bool,
                fmt: str) -> None:
    """Who must come to the defence of a state if it is attacked: direct defenders, states bound to
    both sides, and the second ring bound to defend the defenders."""
    result = queries.obligations(_db(app), attacked, by, on, baseline=not no_baseline)
    if fmt in ("json", "jsonl"):
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
        return
    rows = [{"ring": "defender", "state": r["ally"], "under": r["commitment"], "origin": r["origin"],
             "conditions": r["conditions"]} for r in result["defenders"]]
    rows += [{"ring": "bound to both sides", "state": c["state"],
              "under": "; ".join(c["defends_attacked_under"] + c["defends_attacker_under"]), "origin": "",
              "conditions": ""} for c in result["conflicted"]]
    rows += [{"ring": "second ring", "state": s["state"], "under": "defends " + ", ".join(s["defends"]),
              "origin": "", "conditions": ""} for s in result["second_ring"]]
    emit(rows, fmt, columns=["ring", "state", "under", "origin", "conditions"], widths={"conditions": 40})
    click.echo(result["summary"], err=True)


@click.command()
@click.option("--party", type=_code, default=None, help="Only commitments this state or organisation is party to.")
@click.option("--kind", default=None, help="Only this kind (mutual_defense, accession, ...).")
@on_option
@click.option("--source", type=click.Choice(ORIGINS), default=None, help="Only commitments from this origin.")
@baseline_option
@click.option("--limit", default=1000, show_default=True, type=click.IntRange(1))
@output_options
@pass_app
def pacts(app: AppContext, party: str | None, kind: str | None, on: str | None, source: str | None,
          no_baseline: bool, limit: int, fmt: str) -> None:
    """Commitments with their parties and lifecycle (signed, ratified, in force, withdrawn ...)."""
    rows = queries.pacts(_db(app), party, kind, on, source, baseline=not no_baseline, limit=limit)
    if fmt == "table":
        rows = [{**r, "parties": list(dict.fromkeys(p["party"] for p in r["parties"])),
                 "lifecycle": "; ".join(f"{e['lifecycle_event']} {e['date'] or '?'}"
                                        + (f" ({e['party']})" if e.get("party") else "") for e in r["lifecycle"])}
                for r in rows]
    emit(rows, fmt, columns=["id", "name", "kinds", "origin", "parties", "signed", "in_force", "ended", "lifecycle"],
         widths={"name": 36, "parties": 30, "lifecycle": 60})


@click.command()
@click.argument("x", type=_code)
@click.argument("y", type=_code)
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also draw monthly Goldstein totals and event counts to FILE (.png or .svg).")
@output_options
@pass_app
def timeline(app: AppContext, x: str, y: str, chart: Path | None, fmt: str) -> None:
    """The relations of two states over time: monthly event counts and Goldstein totals (table),
    with every event, quote and commitment in --format json."""
    # The table shows monthly totals and counts only: no need to build every event.
    result = queries.timeline(_db(app), x, y, events_limit=None if fmt in ("json", "jsonl") else 0)
    if chart is not None:
        draw_chart(result, chart)
        click.echo(f"chart written to {chart}", err=True)
    if fmt in ("json", "jsonl"):
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
        return
    emit(result["monthly"], fmt)
    click.echo(f"{result['event_count']} events, {len(result['quotes'])} quotes, "
               f"{len(result['commitments'])} shared commitments", err=True)


def draw_chart(result: dict[str, Any], path: Path) -> None:
    if path.suffix.lower() not in (".png", ".svg"):
        raise click.BadParameter("the chart file must end in .png or .svg", param_hint="--chart")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    months = [m for m in result["monthly"] if m["month"] != "undated"]
    labels = [m["month"] for m in months]
    fig, ax = plt.subplots(figsize=(max(6, len(labels) * 0.5), 4))
    ax.bar(labels, [m["goldstein"] for m in months], color="#4477aa", label="Goldstein total")
    ax.set_ylabel("Goldstein total")
    ax2 = ax.twinx()
    ax2.plot(labels, [m["events"] for m in months], color="#cc6677", marker="o", label="events")
    ax2.set_ylabel("events")
    for step in (s for c in result["commitments"] for s in c["lifecycle"] if s["date"]):
        if step["date"][:7] in labels:
            ax.axvline(labels.index(step["date"][:7]), color="grey", linestyle=":", linewidth=1)
    ax.set_title(f"{result['x']} - {result['y']}")
    ax.tick_params(axis="x", rotation=60)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


@click.command()
@on_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "json", "dot"]), default="json", show_default=True)
@baseline_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to FILE instead of standard output.")
@pass_app
def graph(app: AppContext, on: str | None, fmt: str, no_baseline: bool, output: Path | None) -> None:
    """The commitment graph on a day (states as nodes, commitments as edges)."""
    from pactwatch.pacts.export import commitment_graph, render_graph

    text = render_graph(commitment_graph(_db(app), on, baseline=not no_baseline), fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@click.group("import")
def import_group() -> None:
    """Import commitment data sets (ATOP)."""


@import_group.command("atop")
@click.option("--alliances", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="ATOP alliance-level CSV (atop*_a.csv).")
@click.option("--members", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="ATOP member-level CSV (atop*_m.csv).")
@pass_app
def import_atop_command(app: AppContext, alliances: Path, members: Path) -> None:
    """Import ATOP alliances and memberships (re-importing replaces the earlier import)."""
    from pactwatch.pacts.atop import import_atop

    summary = import_atop(app.db(), alliances, members)
    click.echo(f"{summary.alliances} alliances, {summary.members} memberships imported", err=True)
    if summary.unmapped:
        skipped = ", ".join(f"{k} ({v})" for k, v in sorted(summary.unmapped.items()))
        click.echo(f"skipped member rows with unknown COW codes: {skipped}", err=True)


COMMANDS = [allies, obligations, pacts, timeline, graph, import_group]
