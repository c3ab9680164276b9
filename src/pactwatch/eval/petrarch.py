"""Scoring the event coder on PETRARCH's unit-test records with their own dictionaries.

Each ``<Sentence>`` in the records file gives its text and the expected codings (source, target,
event code). The sentence is parsed with spaCy, actors come from the given Phoenix-format actor
and agent files, and events from the given verb dictionaries only (our own lexicon is off, since
the validation dictionaries use their own codes). The figure is the share of expected codings
found exactly (source, target and code all equal).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any


def read_records(xml_path: Path) -> list[dict[str, Any]]:
    """Sentence records: id, category, text, expected [(source, target, code)], noevents flag."""
    return read_records_reporting(xml_path)[0]


def read_records_reporting(xml_path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The records and what could not be read. A well-formed file is read as XML; PETRARCH's own
    validation files are not well-formed (``<Sentence .../>`` self-closed and then closed by
    ``</Sentence>``; ``<PLEvent {json}>`` lines), so a file the XML parser rejects is read tag by
    tag instead, and every sentence or coding that still cannot be read is named."""
    text = Path(xml_path).read_text(encoding="utf-8", errors="replace")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        records, problems = _read_tolerantly(text)
        return records, [f"not well-formed XML ({error}); read tag by tag", *problems]
    records, problems = [], []
    for sentence in root.iter("Sentence"):
        text_node = sentence.find("Text")
        codings = [{k.strip(): v for k, v in c.attrib.items()} for c in sentence.findall("EventCoding")]
        _add_record(records, problems, dict(sentence.attrib), text_node.text if text_node is not None else None,
                    codings)
    return records, problems


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE_OPEN = re.compile(r"<Sentence\b([^>]*?)/?>")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_OTHER_TAG = re.compile(r"<(?!/?(?:Sentence|EventCoding|Text|Parse|Sentences)\b)(/?[A-Za-z][\w:-]*)")


def _attributes(raw: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTRIBUTE.finditer(raw)}


def _read_tolerantly(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """A sentence runs from its ``<Sentence ...>`` tag to the next one (a closing tag is
    optional); inside it, ``<EventCoding .../>`` tags and the ``<Text>`` element are read."""
    text = _COMMENT.sub("", text)
    opens = list(_SENTENCE_OPEN.finditer(text))
    records: list[dict[str, Any]] = []
    problems: list[str] = []
    for i, match in enumerate(opens):
        body = text[match.end() : opens[i + 1].start() if i + 1 < len(opens) else len(text)]
        body = body.split("<Parse>")[0] + (body.split("</Parse>", 1)[1] if "</Parse>" in body else "")
        found = _TEXT.search(body)
        codings = [_attributes(m.group(1)) for m in _CODING.finditer(body)]
        _add_record(records, problems, _attributes(match.group(1)),
                    html.unescape(found.group(1)) if found else None, codings)
    skipped = sorted({m.group(1).lstrip("/") for m in _OTHER_TAG.finditer(text)} - {"Validation", "Environment"})
    if skipped:
        problems.append("tags not read (not part of a record's text or codings): " + ", ".join(skipped))
    if not opens:
        problems.append("no <Sentence> tag found")
    return records, problems


def _add_record(records: list[dict[str, Any]], problems: list[str], attrs: dict[str, str], text: str | None,
                codings: list[dict[str, str]]) -> None:
    """One record from a sentence's attributes, text and codings; what is unusable goes to problems."""
    ident = (attrs.get("id") or "").strip() or f"(sentence {len(records) + len(problems) + 1}, no id)"
    if (attrs.get("evaluate") or "").strip().lower() == "false":
        problems.append(f"{ident}: evaluate=\"false\" (PETRARCH bypasses it), skipped")
        return
    if text is None or not text.strip():
        problems.append(f"{ident}: no <Text>, skipped")
        return
    expected, noevents = [], False
    for coding in codings:
        coding = {k.strip(): (v or "").strip().strip('"') for k, v in coding.items()}
        if coding.get("noevents") or coding.get("error"):
            noevents = True  # error="discard"/"dateline": PETRARCH must code nothing here
        elif coding.get("eventcode"):
            expected.append((coding.get("sourcecode", ""), coding.get("targetcode", ""), coding["eventcode"]))
        else:
            problems.append(f"{ident}: an <EventCoding> with neither eventcode nor noevents, ignored")
    records.append({
        "id": attrs.get("id"), "category": attrs.get("category"),
        "date": _record_date((attrs.get("date") or "").strip()),
        "text": " ".join(text.split()), "expected": expected, "noevents": noevents,
    })


def _record_date(stamp: str) -> date | None:
    """``19950101`` -> 1995-01-01 (the actor dictionaries' dated codes depend on it)."""
    try:
        return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8])) if len(stamp) == 8 else None
    except ValueError:
        return None


def evaluate_petrarch(xml_path: Path, actor_files: Sequence[Path], verb_files: Sequence[Path],
                      nlp: Any = None) -> dict[str, Any]:
    from pactwatch.nlp.actor_tables import ActorTables
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.event_lexicon import EventLexicon
    from pactwatch.nlp.events import code_events
    from pactwatch.nlp.pipeline import load_spacy

    nlp = nlp or load_spacy()
    tables = ActorTables.load(dictionaries=[Path(p) for p in actor_files])
    lexicon = EventLexicon.load(verb_dictionaries=[Path(p) for p in verb_files], use_own=False)
    records, unread = read_records_reporting(Path(xml_path))
    expected_total = found = predicted_total = 0
    noevent_total = noevent_clean = 0
    details = []
    # actors come from the set's own dictionaries and each record's day, not the component's defaults
    own = [name for name in ("pactwatch_actors",) if name in nlp.pipe_names]
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), disable=own), strict=True):
        on = record["date"]
        events = code_events(doc, find_mentions(doc, tables, on), lexicon, on)
        predicted = {(e.source, e.target, e.cameo_code) for e in events}
        predicted_total += len(predicted)
        hits = [c for c in record["expected"] if c in predicted]
        expected_total += len(record["expected"])
        found += len(hits)
        if record["noevents"]:
            noevent_total += 1
            noevent_clean += not predicted
        details.append({"id": record["id"], "category": record["category"], "expected": record["expected"],
                        "predicted": sorted(predicted), "matched": len(hits)})
    problems = [f"{d.path}:{line}: {msg}" for d in lexicon.petrarch for line, msg in d.problems]
    return {
        "sentences": len(records),
        "expected": expected_total,
        "matched": found,
        "accuracy": found / expected_total if expected_total else 0.0,
        "predicted": predicted_total,
        "noevent_sentences": noevent_total,
        "noevent_clean": noevent_clean,
        "unreadable": unread,
        "dictionary_problems": problems,
        "details": details,
    }
