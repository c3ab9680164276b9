"""``pactwatch allies | obligations | pacts | timeline | graph`` and ``pactwatch import atop``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from pactwatch.cli.context import AppContext, min_confidence_option, parse_date_option, pass_app
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
    """A code or a name as typed; pacts.names resolves it (and says what was meant if unknown)."""
    return value.strip()


def _cited(row: dict[str, Any]) -> str:
    article = (row.get("article") or {}).get("cited")
    return row["commitment"]["name"] + (f", {article}" if article else "")


def _evidence_text(evidence: list[dict[str, Any]]) -> str:
    """The evidence in one cell: the article sentences first, then the references."""
    parts = [f"article {e['article_id']}: {e['sentence']}" for e in evidence if e["source"] == "article"]
    parts += list(dict.fromkeys(e["reference"] for e in evidence if e["source"] != "article" and e["reference"]))
    return " | ".join(parts)


def _table_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"ally": r["ally"]["code"], "commitment": r["commitment"]["key"], "treaty": _cited(r),
             "article": (r["article"] or {}).get("cited") or "",
             "direction": "mutual" if r["direction"] == "mutual" else f"{r['owed_by']}->{r['owed_to']}",
             "condition": r["condition"]["type"] if r["condition"] else "",
             "scope": " or ".join(g["code"] for g in (r["scope"] or {}).get("regions", [])),
             "status": r["status"], "since": r["since"], "evidence": _evidence_text(r["evidence"])} for r in rows]


ROW_COLUMNS = ["ally", "commitment", "article", "direction", "condition", "scope", "since", "evidence"]
ROW_WIDTHS = {"commitment": 24, "scope": 24, "evidence": 36}


def _print_json(body: Any, fmt: str) -> None:
    sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")


@click.command()
@click.argument("party", type=_code)
@on_option
@baseline_option
@output_options
@pass_app
def allies(app: AppContext, party: str, on: str | None, no_baseline: bool, fmt: str) -> None:
    """Who is bound to defend PARTY (a code or a name) on a day: one row per ally and commitment,
    with the obligation's direction, condition, scope, treaty article and all its evidence.
    Obligations signed but not yet in force are listed apart, after the table."""
    body = queries.allies(_db(app), party, on, baseline=not no_baseline)
    if fmt in ("json", "jsonl"):
        _print_json(body, fmt)
        return
    emit(_table_rows(body["items"]), fmt, columns=ROW_COLUMNS, widths=ROW_WIDTHS)
    if body["signed_not_in_force"]:
        click.echo("signed, not in force on " + body["on"] + " (not counted as allies):", err=True)
        for row in _table_rows(body["signed_not_in_force"]):
            click.echo(f"  {row['ally']}  {row['commitment']}  {row['treaty']}", err=True)


@click.command()
@click.option("--attacked", required=True, type=_code, help="The state attacked (code or name).")
@click.option("--by", "by", type=_code, default=None, help="The attacker (code or name).")
@click.option("--where", "where", default=None, metavar="PLACE",
              help="Where the attack happens: a state or a place such as Guam, Hawaii, 'Senkaku Islands' "
                   "(default: the attacked state's own territory).")
@on_option
@baseline_option
@output_options
@pass_app
def obligations(app: AppContext, attacked: str, by: str | None, where: str | None, on: str | None,
                no_baseline: bool, fmt: str) -> None:
    """Who must come to the defence of a state if it is attacked: defenders bound to act, states bound
    to both sides, obligations whose scope leaves the place out (with the reason), consultation-only
    partners, and a plain-language summary citing the treaty articles (on stderr)."""
    result = queries.obligations(_db(app), attacked, by, on, where, baseline=not no_baseline)
    if fmt in ("json", "jsonl"):
        _print_json(result, fmt)
        return
    rows = [{"ring": "defender", **r} for r in _table_rows(result["defenders"])]
    rows += [{"ring": "bound to both sides", "ally": c["state"]["code"],
              "treaty": "; ".join(sorted({_cited(r) for r in c["defends_attacked"] + c["defends_attacker"]}))}
             for c in result["conflicted"]]
    rows += [{"ring": "out of scope", **_table_rows([o["row"]])[0], "scope": o["reason"]}
             for o in result["out_of_scope"]]
    rows += [{"ring": "consultation only", **r} for r in _table_rows(result["consultation"])]
    rows += [{"ring": "signed, not in force", **r} for r in _table_rows(result["signed_not_in_force"])]
    rows += [{"ring": "second ring", "ally": s["state"]["code"],
              "treaty": "defends " + ", ".join(d["code"] for d in s["defends"])} for s in result["second_ring"]]
    emit(rows, fmt, columns=["ring", "ally", "treaty", "direction", "condition", "scope", "since"],
         widths={"treaty": 40, "scope": 50})
    click.echo(result["summary"], err=True)


@click.command("pact")
@click.argument("key")
@on_option
@output_options
@pass_app
def pact(app: AppContext, key: str, on: str | None, fmt: str) -> None:
    """One commitment whole, by its stable key (nato, rus-prk-2024, ...): parties and their status on
    the day, obligations with direction, condition, scope and article, lifecycle, every source."""
    body = queries.pact(_db(app), key.strip(), on)
    if fmt in ("json", "jsonl"):
        _print_json(body, fmt)
        return
    c = body["commitment"]
    click.echo(f"{c['key']}: {c['name']} ({', '.join(c['kinds'])})")
    click.echo(f"  on {body['on']}: {(body['status'] or 'not yet signed').replace('_', ' ')}; signed "
               f"{body['signed'] or '?'}, in force {body['in_force'] or '?'}"
               + (f", ended {body['ended']}" if body["ended"] else ""))
    for o in body["obligations"]:
        click.echo(f"  obligation: {o['owed_by']} -> {o['owed_to']} ({o['direction']}), {o['condition']['type']}, "
                   f"scope {o['scope']['text']}" + (f", {o['article']['cited']}" if o["article"]["cited"] else ""))
    emit([{"party": p["party"]["code"], "name": p["party"]["name"], "joined": p["joined"], "left": p["left"],
           "suspended_from": p["suspended_from"], "status": p["status"]} for p in body["parties"]], fmt)
    for s in body["sources"]:
        click.echo(f"  source {s['source']}: {s['text']}" + (f" <{s['reference']}>" if s["reference"] else ""))


@click.command()
@click.option("--party", type=_code, default=None, help="Only commitments this state or organisation is party to.")
@click.option("--kind", default=None, help="Only this kind (mutual_defense, accession, ...).")
@on_option
@click.option("--source", type=click.Choice(ORIGINS), default=None, help="Only commitments from this origin.")
@baseline_option
@click.option("--limit", default=1000, show_default=True, type=click.IntRange(1))
@min_confidence_option
@output_options
@pass_app
def pacts(app: AppContext, party: str | None, kind: str | None, on: str | None, source: str | None,
          no_baseline: bool, limit: int, min_confidence: float, fmt: str) -> None:
    """Commitments with their parties and lifecycle (signed, ratified, in force, withdrawn ...)."""
    rows = queries.pacts(_db(app), party, kind, on, source, baseline=not no_baseline, limit=limit,
                         min_confidence=min_confidence)
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


COMMANDS = [allies, obligations, pact, pacts, timeline, graph, import_group]
