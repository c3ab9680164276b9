"""One act, one event: the statements of one act within an article become one event with mentions.

News tells an act more than once: the lead states the signing, a later sentence names who signed
and where; a joint act read from both parties gives its reverse copy; the meeting held during a
visit is read beside the visit; a three-way signing gives one pair per partner. Each is one act, so
it is one event, and the other statements are kept as that event's ``mentions`` (as GDELT keeps an
event's mentions), each with its sentence, offsets and the reading it gave.

What makes two events one act is data (``data/grammar/same_act.tsv``): for a code family, whether
the act is joint (either party may be the source) or directed, and which part of the code must
agree within a sentence and across sentences. On top of the table:

- never across sentences between a telling by the states and one by the people who acted for them
  ("X and Y signed"; "the ministers of X and Y signed"): readers, and gold sets, differ on which is
  the act's statement, so both stay listed;
- never across sentences when both sentences name a day and the days differ (a sentence that names
  none was dated by the article, and says nothing against), or when one of
  the sentences tells repeated acts ("has repeatedly warned", "visited four times previously");
- in one sentence, a reverse copy is merged only when both parties are named there: a joint act
  whose partner comes only from context is kept both ways on purpose (``nlp.events``);
- in one sentence, a targetless reading ("---") is the same act as the reading with a target, and
  the pairs of one act whose parties the sentence lists together ("A, B and C signed") are one act;
- two events one sentence keeps apart are never joined through other sentences.

The kept event (the one listed and scored) is the fullest statement: the most specific code (the
visit over the meeting held during it), then the narrator's telling over a party's own account
("X stated that they discussed"), then a telling that names the act's day, then the parties named
in its own sentence (a party named only inside a quotation, only as its state, or not at all
counts less), then the act its sentence leads with, then persons named by name, then the first
told (a construction's prior says nothing about which telling is fuller).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from pactwatch.data import read_table
from pactwatch.nlp.grammar.dates import find_dates
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Event, EventMention, Mention, Quote

NO_TARGET = "---"
REPEATED = words("repeated_act_adverbs")
REPORT_VERBS = words("report_verbs")
REPORTED_DEPS = words("reported_clause_deps")
COUNTS = words("repetition_counts")
LIST_GAP = re.compile(r"^(?:\s*(?:,|and|&|as well as|the|both)\s*)+$", re.IGNORECASE)
WORD = re.compile(r"[\w']+")


@dataclasses.dataclass(frozen=True)
class Rule:
    codes: str
    family: str
    joint: bool
    in_sentence: str  # root | code
    across: str  # code | no


@functools.cache
def _rules() -> dict[str, Rule]:
    return {row["codes"]: Rule(row["codes"], row["family"], row["parties"] == "joint", row["in_sentence"],
                               row["across"])
            for row in read_table("grammar/same_act.tsv")}


def rule_for(code: str) -> Rule:
    """The table's row for a CAMEO code: the longest prefix listed, else ``*``."""
    rules = _rules()
    for size in range(len(code), 0, -1):
        if code[:size] in rules:
            return rules[code[:size]]
    return rules["*"]


def merge_restated_acts(events: Sequence[Event], mentions: Sequence[Mention], quotes: Sequence[Quote] = (),
                        on: date | None = None, doc: Any = None) -> list[Event]:
    """One event per act of ``events`` (one article's, in coding order), the others its mentions;
    ``mentions`` and ``quotes`` say how each sentence names the parties, ``on`` is the article's day,
    ``doc`` its parse (which statements are reported speech; without it none is)."""
    if len(events) < 2:
        return list(events)
    groups = _Groups(events)
    by_sentence: dict[int, list[int]] = {}
    for i, event in enumerate(events):
        by_sentence.setdefault(event.start, []).append(i)
    for members in by_sentence.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if _same_in_sentence(events[i], events[j], mentions):
                    groups.join(i, j)
    repeated = {start for start, members in by_sentence.items() if _tells_repeats(events[members[0]].sentence)}
    buckets: dict[tuple[object, ...], list[int]] = {}
    for i, event in enumerate(events):
        if event.target != NO_TARGET and event.start not in repeated and rule_for(event.cameo_code).across == "code":
            buckets.setdefault(_act_key(event), []).append(i)
    stated = {start: _states_a_day(events[members[0]].sentence, on) for start, members in by_sentence.items()}
    links = [(i, j) for members in buckets.values() for x, i in enumerate(members) for j in members[x + 1:]
             if events[i].start != events[j].start and (
                 not (stated[events[i].start] and stated[events[j].start])
                 or events[i].date == events[j].date)]
    # the same direction first, so that a pair kept both ways in one sentence joins its own restatements
    links.sort(key=lambda ij: (events[ij[0]].source[:3] != events[ij[1]].source[:3], ij))
    for i, j in links:
        groups.join(i, j, across=True)
    first = {start: members[0] for start, members in by_sentence.items()}
    out: list[tuple[int, Event]] = []
    for members in groups.members():
        if len(members) == 1:
            out.append((members[0], events[members[0]]))
            continue
        primary = max(members, key=lambda i: _fullness(
            i, events[i], groups.find(first[events[i].start]) == groups.find(i), stated[events[i].start],
            mentions, quotes, doc))
        kept = events[primary]
        ordered = sorted(members, key=lambda i: (events[i].start, i))
        others = tuple(_mention(events[i], kept) for i in ordered if i != primary)
        day = kept.date
        if not stated[kept.start]:  # the kept sentence names no day: a mention that names one dates the act
            day = next((events[i].date for i in ordered if stated[events[i].start] and events[i].date), day)
        out.append((primary, dataclasses.replace(kept, date=day, mentions=kept.mentions + others)))
    return [event for _, event in sorted(out, key=lambda pair: pair[0])]


class _Groups:
    """Union-find over the events, refusing to join two groups that hold different acts of one sentence."""

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = events
        self.parent = list(range(len(events)))
        self.sentences: list[dict[int, int]] = [{e.start: i} for i, e in enumerate(events)]  # start -> a member

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, across: bool = False) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if across and set(self.sentences[a]) & set(self.sentences[b]):
            return  # one sentence keeps these apart: the restatement elsewhere cannot join them
        self.parent[b] = a
        self.sentences[a].update(self.sentences[b])

    def members(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for i in range(len(self.events)):
            found.setdefault(self.find(i), []).append(i)
        return list(found.values())


def _act_key(event: Event) -> tuple[object, ...]:
    """What two events of different sentences share when they are one act: the family, the code and
    the parties, each at its grain (the state, or someone acting for it: RUS, RUSGOV)."""
    rule = rule_for(event.cameo_code)
    parties = ((event.source[:3], len(event.source) > 3), (event.target[:3], len(event.target) > 3))
    return rule.family, event.cameo_code[:3], frozenset(parties) if rule.joint else parties


def _same_in_sentence(a: Event, b: Event, mentions: Sequence[Mention]) -> bool:
    rule, other = rule_for(a.cameo_code), rule_for(b.cameo_code)
    if rule.family != other.family:
        return False
    if a.root_code != b.root_code or (rule.in_sentence == "code" and a.cameo_code[:3] != b.cameo_code[:3]):
        return False
    if NO_TARGET in (a.target, b.target):
        return a.source[:3] == b.source[:3]  # the act read once without its target
    forward = (a.source[:3], a.target[:3]) == (b.source[:3], b.target[:3])
    if forward:
        return True
    if rule.joint and other.joint and (a.source[:3], a.target[:3]) == (b.target[:3], b.source[:3]):
        return all(_naming(code, a, mentions, ())[0] for code in (a.source, a.target))
    if rule.joint and a.cameo_code == b.cameo_code and a.source == b.source:
        return _listed(a, b, mentions)  # "A, B and C signed": the pairs of one act
    return False


def _listed(a: Event, b: Event, mentions: Sequence[Mention]) -> bool:
    """Whether the sentence names the source and both targets in one list ("A, B and C")."""
    inside = sorted((m for m in mentions if a.start <= m.start and m.end <= a.end), key=lambda m: m.start)
    wanted = {a.source[:3], a.target[:3], b.target[:3]}
    for first in range(len(inside)):
        run = [inside[first]]
        for m in inside[first + 1:]:
            if not LIST_GAP.match(a.sentence[run[-1].end - a.start:m.start - a.start]):
                break
            run.append(m)
        if wanted <= {m.code[:3] for m in run}:
            return True
    return False


def _states_a_day(sentence: str, on: date | None) -> bool:
    """Whether the sentence names the act's day itself; one that does not was dated by the article."""
    return any(found.value is not None for found in find_dates(sentence, on))


def _tells_repeats(sentence: str) -> bool:
    tokens = [t.lower() for t in WORD.findall(sentence)]
    return any(t in REPEATED or (t == "times" and n and (tokens[n - 1] in COUNTS or tokens[n - 1].isdigit()))
               for n, t in enumerate(tokens))


def _naming(code: str, event: Event, mentions: Sequence[Mention], quotes: Sequence[Quote]) -> tuple[int, bool]:
    """How the event's own sentence names the party ``code``, and whether by a person's name: 2 that
    actor or a finer one of it, 1 only a coarser one (the country for its minister) or only inside a quotation, 0 not
    at all."""
    if code == NO_TARGET:
        return 0, False
    best, person = 0, False
    for m in mentions:
        if m.start < event.start or m.end > event.end or m.code[:3] != code[:3]:
            continue
        rank = 1 if len(m.code) < len(code) else 2  # "Kyiv" (UKRGOV) names Ukraine; "Ukraine" not its minister
        if any(q.start <= m.start and m.end <= q.end for q in quotes):
            rank = 1
        best = max(best, rank)
        person = person or (rank == 2 and m.kind == "person")
    return best, person


def _fullness(index: int, event: Event, leads: bool, dated: bool, mentions: Sequence[Mention],
              quotes: Sequence[Quote], doc: Any) -> tuple[object, ...]:
    code = event.cameo_code
    specific = 2 if len(code) > 3 else (0 if code.endswith("0") else 1)  # CAMEO's x0: "not specified"
    told = not _reported(event, doc, mentions)
    source, target = _naming(event.source, event, mentions, quotes), _naming(event.target, event, mentions, quotes)
    named, persons = source[0] + target[0], source[1] + target[1]
    return specific, told, dated, named, leads, persons, -index


def _reported(event: Event, doc: Any, mentions: Sequence[Mention]) -> bool:
    """Whether the act is told as one party's own account ("X stated that X and Y discussed", "'I met
    him,' X wrote"): the narrator's statement is fuller. A news agency's report ("..., RBC wrote") is
    the narrator's sourcing, not a party's account."""
    if doc is None or ":" not in event.matched:
        return False
    lemma = re.split(r"[+>]", event.matched.split(":", 1)[1])[0].lower()
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    trigger = next((t for t in span or () if t.lemma_.lower() == lemma or t.lower_ == lemma), None)
    node = trigger
    for _ in range(20):
        if node is None or node.head.i == node.i:
            return False
        if node.dep_ in REPORTED_DEPS and node.head.lemma_.lower() in REPORT_VERBS:
            return _party_speaks(node.head, event, mentions)
        node = node.head
    return False


def _party_speaks(verb: Any, event: Event, mentions: Sequence[Mention]) -> bool:
    parties = {event.source[:3], event.target[:3]}
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):  # the subject's head names the party, not a modifier of it
            if any(m.start <= child.idx < m.end and m.code[:3] in parties for m in mentions):
                return True
    return False


def _mention(event: Event, kept: Event) -> EventMention:
    if event.start != kept.start:
        how = "restated in another sentence"
    elif event.target == NO_TARGET:
        how = "targetless copy"
    elif (event.source[:3], event.target[:3]) == (kept.target[:3], kept.source[:3]):
        how = "reverse copy of a joint act"
    elif event.target[:3] != kept.target[:3]:
        how = "another pair of one multilateral act"
    else:
        how = f"the same act read as {event.cameo_code}"
    return EventMention(event.sentence, event.start, event.end, event.source, event.target, event.cameo_code,
                        event.date, event.matched, event.construction, event.clause, event.confidence,
                        event.confidence_from, how)
