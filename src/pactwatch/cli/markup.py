"""An article with its mentions, quotes, events and commitment reports, for ``show``."""

from __future__ import annotations

from typing import Any

from pactwatch.labels import shared_names


def _named(code: str | None) -> str:
    """'RUSGOV' -> 'RUSGOV (Russia)'; CAMEO's '---' (no actor) -> '-'."""
    if not code or code == "---":
        return "-"
    name = shared_names().actor(code)
    return f"{code} ({name})" if name else code


def _style(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _why(row: dict[str, Any], explain: bool, matched: str = "") -> str:
    """"  <- event.verb_sense (planned)" and "confidence 0.65: event.verb_sense 0.72 x planned 0.90 =
    0.65": the construction and clause status behind a fact, and the confidence they give it."""
    if not explain:
        return ""
    confidence = row.get("confidence")
    scored = (f"confidence {float(confidence):.2f}: {row.get('confidence_from') or ''}" if confidence is not None
              else "confidence not scored (stored before migration 014; `pactwatch annotate` scores it)")
    return f"\n      <- {row.get('construction') or 'no construction recorded (see docs/grammar.md)'}" \
           f" ({row.get('clause') or '-'}){matched}\n         {scored}"


def _merged(event: dict[str, Any], body: str, explain: bool) -> str:
    """The event's other statements in the article (one act, one event: pactwatch.nlp.event_identity),
    each with the rule that merged it and the reading it gave."""
    if not explain or not event.get("mentions"):
        return ""
    return "".join(
        f"\n      one act with: {m['merged_as']}: {m['source']} -> {m['target']} {m['cameo_code']}"
        f" [{body[m['start_char']:m['end_char']][:80]}]" for m in event["mentions"])


def render_markup(details: dict[str, Any], color: bool = False, explain: bool = False) -> str:
    """The body with actors as ``[text|CODE]`` and quotes as ``«text»{speaker}``, then the facts;
    ``explain`` adds under each fact the construction that produced it and its clause status."""
    body: str = details["body"]
    marks: list[tuple[int, int, str]] = []  # (offset, order, text); closers sort before openers
    for m in details["mentions"]:
        marks.append((m["start_char"], 1, "["))
        marks.append((m["end_char"], 0, _style(f"|{m['actor_code']}]", "36", color)))
    for q in details["quotes"]:
        marks.append((q["start_char"], 2, _style("«", "33", color)))
        marks.append((q["end_char"], -1, _style("»{" + (q["speaker"] or "?") + "}", "33", color)))
    pieces, pos = [], 0
    for offset, _, text in sorted(marks, key=lambda m: (m[0], m[1])):
        pieces.append(body[pos:offset])
        pieces.append(text)
        pos = offset
    pieces.append(body[pos:])
    head = [
        f"#{details['id']}  {details['title'] or '(no title)'}",
        "  ".join(
            f"{k}: {details[k]}" for k in ("publisher", "section", "published", "modified", "language", "url")
            if details.get(k)
        ),
    ]
    if details.get("lead"):
        head.append(f"lead: {details['lead']}")
    if details.get("summary_only"):
        head.append("text: the feed item's summary only (the feed carried no full text)")
    if details.get("annotation_note"):
        head.append(f"not annotated: {details['annotation_note']}")
    lines = head + ["", "".join(pieces), ""]
    if details["related_headlines"]:
        lines.append("related headlines (not part of the article):")
        lines += [f"  - {h}" for h in details["related_headlines"]]
    if details["quotes"]:
        lines.append("quotes:")
        lines += [
            f"  {q['speaker'] or '?'} ({q['speaker_actor'] or '-'}, {q['cue'] or '-'}"
            f"{', x' + str(q['mentions']) if q['mentions'] > 1 else ''}): \"{q['text']}\"" + _why(q, explain)
            for q in details["quotes"]
        ]
    if details["events"]:
        lines.append("events:")
        lines += [
            f"  {e['date'] or '?'}  {_named(e['source'])} -> {_named(e['target'])}  {e['cameo_code']}"
            f" {shared_names().event(e['cameo_code']) or ''} (Goldstein {e['goldstein']:+g})"
            f"  [{body[e['start_char']:e['end_char']][:90]}]"
            + (f"  (+{len(e['mentions'])} more mention{'s' if len(e['mentions']) > 1 else ''})"
               if e.get("mentions") else "")
            + _why(e, explain, f" matched {e['matched']}") + _merged(e, body, explain)
            for e in details["events"]
        ]
    if details["commitment_reports"]:
        lines.append("commitments:")
        lines += [
            f"  {'-'.join(c['parties'])}  {'/'.join(c['kinds'])}  {c['lifecycle_event']}"
            f" {c['date'] or ''}  [{c['sentence'][:90]}]" + _why(c, explain)
            for c in details["commitment_reports"]
        ]
    return "\n".join(lines)
