"""Commitment reports from one parsed article: who agreed to what, at which step, when.

One pass over the sentences keeps a small discourse state (the agreements met so far, the one
in focus, the organisation in focus), so that "the two countries", "the accord" or "the alliance"
resolve to what the article is talking about. Each lifecycle trigger ("signed", "ratify",
"announced their withdrawal") that speaks about an agreement or a membership yields a draft; at
the end every draft takes its agreement's kind (the most specific obligation the article states
for it, plus obligations stated as separate provisions) and drafts are de-duplicated.

Conventions follow ``shared/testdata/news-dev/README.md``: membership changes are one report per
member state, ``[STATE, ORG]``, of kind accession / withdrawal / suspension; the acting state of a
ratification ("Hungary ratified Sweden's accession") is not a party; an intention ("will leave")
is ``announced``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pactwatch.data import read_table
from pactwatch.nlp.doc_text import doc_sents
from pactwatch.nlp.types import CommitmentReport, Mention
from pactwatch.pacts.anaphora import (
    acting_state, companions, does_so, obstructed, place_back, plural_actor, plural_count, refers_back,
)
from pactwatch.pacts.clauses import dominated_by, has_negation, is_future, region, subject_of
from pactwatch.pacts.dates import find_dates
from pactwatch.pacts.lexicon import KIND_ORDER, CommitmentLexicon, Match
from pactwatch.pacts.signals import (
    MEMBER_NOUNS, agreed_on, completed_accessions, ends_cooperation, in_membership_phrase, leaves_agreement, mutual_aid, names_agreement, negated,
    open_question, reported_name, upgrades, votes_against,
)

# Nouns that may carry a lifecycle step ("the signing", "their withdrawal"); other lexicon
# words count only as verbs or participles ("a sign of", "the end of the war" are not steps).
NOMINAL_TRIGGERS = frozenset({"signing", "ratification", "approval", "withdrawal", "suspension", "application",
                              "bid", "decision", "exit", "vote"})
ORG_WORDS = frozenset({"alliance", "bloc", "organisation", "organization", "union", "community"})
STAGE = {"proposed": 0, "announced": 1, "signed": 2, "ratified": 3, "entered_into_force": 4, "joined": 4,
         "suspended": 5, "withdrew": 6, "expired": 6}
INTENTION_EVENTS = frozenset({"signed", "ratified", "joined", "withdrew", "entered_into_force"})
MEMBER_VERBS = frozenset({"join", "leave", "withdraw", "exit", "quit", "suspend", "admit", "accede", "become",
                          "apply", "pull", "announce", "seek"})
# Steps that give an agreement a new text ("the agreement, which was revised in 2019"): a signing,
# but only when what is revised is named as an agreement.
REVISION_VERBS = frozenset({"revise", "renew", "amend"})
CONDITION_RE = re.compile(r"\b(?:in the event of|in case of|in the case of|if)\s+([^,;.\"”]+)", re.IGNORECASE)


@dataclass
class Agreement:
    parties: frozenset[str]
    named_kinds: set[str] = field(default_factory=set)  # implied by what it is called
    stated_kinds: set[str] = field(default_factory=set)  # obligations the text states
    provided_kinds: set[str] = field(default_factory=set)  # "the treaty also provides for …"
    name: str | None = None
    conditions: str | None = None

    def kinds(self) -> tuple[str, ...]:
        """Most specific kind first, then obligations stated as separate provisions."""
        pool = {("other" if k == "economic" else k) for k in self.named_kinds | self.stated_kinds} or {"other"}
        ordered = sorted(pool, key=KIND_ORDER.index)
        primary = ordered[0]
        extra = [k for k in sorted(self.provided_kinds, key=KIND_ORDER.index) if k != primary and k != "economic"]
        return (primary, *extra)


@dataclass
class Discourse:
    agreements: dict[frozenset[str], Agreement] = field(default_factory=dict)
    current: Agreement | None = None
    org: str | None = None
    member: str | None = None  # the last state whose membership the article spoke about
    last: Draft | None = None  # the step told last ("It did so …" repeats it)
    pair: frozenset[str] | None = None  # the last two or more states a sentence named together
    groups: list[tuple[int, frozenset[str]]] = field(default_factory=list)  # (sentence start, states) in the body

    def agreement(self, parties: frozenset[str]) -> Agreement:
        found = self.agreements.get(parties)
        if found is None:
            found = self.agreements[parties] = Agreement(parties)
        self.current = found
        return found


@dataclass
class Draft:
    parties: tuple[str, ...]
    event: str
    date: date | None
    sent: Any
    agreement: Agreement | None = None
    membership_kind: str | None = None
    actor: str | None = None  # the state taking the step (kept apart: Turkey's and Hungary's ratifications)
    org: str | None = None
    year: int | None = None  # a bare year the step's clause gives ("had agreed in 2013"): no date, but a time


@dataclass(frozen=True)
class PartyCodes:
    """Which actor codes are states (reduced to ISO3) and which are organisations."""

    countries: frozenset[str]
    organisations: frozenset[str]  # intergovernmental bodies and groupings (regions like WST are not parties)

    @classmethod
    def load(cls) -> PartyCodes:
        return cls(frozenset(row["code"] for row in read_table("actors/countries.tsv")),
                   frozenset(row["code"] for row in read_table("actors/organisations.tsv")
                             if row.get("type") in ("igo", "group")))

    def party(self, mention: Mention) -> str | None:
        if mention.code in self.organisations:
            return mention.code
        if mention.code[:3] in self.countries and mention.kind != "organisation":
            return mention.code[:3]
        return None

    def is_org(self, code: str) -> bool:
        return code not in self.countries


@dataclass(frozen=True)
class Resources:
    lexicon: CommitmentLexicon
    codes: PartyCodes

    @classmethod
    def load(cls) -> Resources:
        return cls(CommitmentLexicon.load(), PartyCodes.load())


def extract_commitments(doc: Any, mentions: list[Mention], on: date | None,
                        resources: Resources | None = None) -> list[CommitmentReport]:
    """Every commitment step the article reports, one report per (parties, kind, step, date)."""
    resources = resources or Resources.load()
    state = Discourse()
    drafts: list[Draft] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    segments = [(segment, [m for m in ordered if segment.start_char <= m.start < segment.end_char])
                for sent in doc_sents(doc) for segment in _segments(sent)]
    for segment, inside in segments:  # the groups of states the article names together, for "the three states"
        named = _named_states(segment, _token_parties(segment, inside, resources.codes), resources.codes)
        if len(named) >= 2:
            state.groups.append((segment.start, named))
    for segment, inside in segments:
        drafts.extend(_sentence(segment, inside, on, resources, state))
    return _finish(drafts)


def _segments(sent: Any) -> list[Any]:
    """A sentence split at line breaks: a headline or dateline line is not part of the next line's
    statement even when the parser runs them together."""
    cuts = [t.i for t in sent if t.is_space and "\n" in t.text]
    if not cuts:
        return [sent]
    bounds = [sent.start, *[c + 1 for c in cuts], sent.end]
    doc = sent.doc
    out = []
    for a, b in zip(bounds, bounds[1:]):
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        if b > a:
            out.append(doc[a:b])
    return out


# -- one sentence ------------------------------------------------------------------------------
def _token_parties(sent: Any, mentions: list[Mention], codes: PartyCodes) -> dict[int, str]:
    """Token index -> party code for every token inside a resolved actor mention."""
    parties: dict[int, str] = {}
    resolved = [(m.start, m.end, party) for m in mentions if (party := codes.party(m)) is not None]
    if not resolved:
        return parties
    bounds = [(token.i, token.idx, token.idx + len(token)) for token in sent]
    for start, end, party in resolved:
        for i, first, last in bounds:
            if first < end and last > start:
                parties[i] = party
    return parties


def _sentence(sent: Any, mentions: list[Mention], on: date | None, res: Resources,
              state: Discourse) -> list[Draft]:
    lex = res.lexicon
    agreements = lex.match(sent, "agreement")
    obligations = [m for m in lex.match(sent, "obligation") if not negated(sent.doc[m.start])]
    obligations += mutual_aid(sent, {m.start for m in obligations})
    membership = lex.match(sent, "membership")
    references = lex.match(sent, "reference")
    provisions = {m.start for m in lex.match(sent, "provision")}
    token_party = _token_parties(sent, mentions, res.codes)
    agreement_heads = {m.end - 1 for m in lex.match(sent, "agreement")}
    for i in [i for i, p in token_party.items() if res.codes.is_org(p) and names_agreement(sent.doc[i], agreement_heads)]:
        del token_party[i]  # "a partnership named AUKUS", "the AUKUS pact": the agreement, not a body to join
    orgs = [(i, p) for i, p in token_party.items() if res.codes.is_org(p)]
    org_refs = [t.i for t in sent if t.lemma_.lower() in ORG_WORDS and t.i not in token_party
                and any(c.lower_ in ("the", "this", "that") for c in t.children)]
    triggers = [m for m in lex.match(sent, "lifecycle") if _is_trigger(sent.doc[m.start])]
    triggers += _become_member(sent, lex) + upgrades(sent, lex) + completed_accessions(sent, lex)
    all_ids = {m.start for m in triggers}
    trigger_ids = {i for i in all_ids if dominated_by(sent.doc[i], all_ids) is None}
    kinds_named = {m.value for m in agreements if m.value}
    kinds_stated = {m.value for m in obligations}
    agreement_tokens = {i for m in agreements for i in range(m.start, m.end)}
    reference_tokens = {i for m in references for i in range(m.start, m.end)}
    member_tokens = {i for m in membership for i in range(m.start, m.end)}
    if not (agreements or obligations or references or triggers) and not any(
            does_so(t) and not has_negation(t) for t in sent):
        _remember_pair(sent, token_party, res.codes, state)  # all a sentence with no pact words can do
        return []
    dates = _token_dates(sent, on)

    drafts: list[Draft] = []
    touched: Agreement | None = None
    reported: set[int] = set()  # tokens some step of this sentence speaks about
    for match in triggers:
        token = sent.doc[match.start]
        if has_negation(token) or token.i not in trigger_ids or votes_against(token) or obstructed(token) \
                or open_question(token) or _decision_takes_effect(token, match, trigger_ids):
            continue
        keep = frozenset(i for i, _ in orgs)
        covered = region(token, trigger_ids, keep) & set(range(sent.start, sent.end))
        reported |= covered
        dominated = [m for m in triggers if m.start in covered or dominated_by(sent.doc[m.start], {token.i})]
        events = [m.value for m in dominated]
        event = match.value
        if event in INTENTION_EVENTS and is_future(token):
            event = "announced"
        if event == "withdrew" and token.tag_ == "VBG" and any(
                c.dep_ == "aux" and c.lemma_.lower() == "be" for c in token.children):
            event = "announced"  # "we are ending our cooperation", "is leaving the bloc": declared, under way
        if event == "signed" and any(sent.doc[i].lemma_.lower() in ("law", "bill", "decree")
                                     and sent.doc[i].dep_ in ("nsubj", "nsubjpass", "dobj") for i in covered):
            event = "ratified"  # "the law ratifying the agreement was signed": the ratification
        if event == "announced" and "suspended" in events:
            event = "suspended"  # "announced the suspension of its membership" is the suspension itself
        when = _date_for(token, covered, dates, len(triggers))
        region_parties = _parties_in(covered, token_party, sent)
        actor = acting_state(token, lambda i: _state_at(i, token_party, res.codes))
        region_orgs = [p for p in region_parties if res.codes.is_org(p)]
        # "announced a new partnership" is about an agreement; "announced their withdrawal" about membership
        is_member = bool(member_tokens & covered) or token.lemma_.lower() in MEMBER_VERBS - {"announce", "become", "seek"}
        if is_member and not member_tokens & covered and leaves_agreement(token, agreement_tokens):
            is_member = False  # "Russia left the Treaty on …, and NATO allies …": a treaty, not NATO, is left
        org = region_orgs[0] if region_orgs else None
        if org is None and is_member and state.org and (
                set(org_refs) & covered or _joins(token) or _member_noun(covered, sent)):
            org = state.org
        if org is None and is_member and _member_noun(covered, sent) and len({p for _, p in orgs}) == 1:
            org = orgs[0][1]  # "the enlargement of NATO, … the application of Sweden": the one body named
        if org is not None and is_member:
            state.org = org
            members = _members(sent, covered, token_party, res.codes) or [
                p for p in region_parties if not res.codes.is_org(p)]
            if members:
                members += companions(token, lambda i: _state_at(i, token_party, res.codes))
            subject = subject_of(token)
            if not members and state.member and _member_noun(covered, sent) and not _generic_member(covered, sent) \
                    and not (subject is not None and subject.lower_ in ("they", "we")):
                members = [state.member]  # "the country's membership" (not "they", which is others)
            if not members and plural_actor(token, covered):
                members = _group_of(plural_count(sent), sent.start, state)  # "the three juntas", "their exit"
            if members:
                state.member = members[-1]
            kind = _membership_kind(events, covered, sent)
            for member in dict.fromkeys(members):
                drafts.append(Draft(tuple(sorted((member, org))), event, when, sent, membership_kind=kind,
                                    actor=actor if actor != member else None, org=org))
            continue
        about_agreement = bool(agreement_tokens & covered) or bool(reference_tokens & covered) or (
            token.dep_ in ("acl", "amod") and token.head.i in agreement_tokens)
        if about_agreement and match.value == "announced" and not agreement_tokens & covered and not any(
                m.value == "agreement" and m.start in covered for m in references):
            # "the two governments announced that Hungary would buy jets": parties, but no pact
            about_agreement = any(m.start in covered for m in obligations)
        if token.lemma_.lower() in REVISION_VERBS and not agreement_tokens & covered and not any(
                m.value == "agreement" and m.start in covered for m in references):
            about_agreement = False  # "revised their forecasts": only a revised agreement is a new text
        place_parties: list[str] = []
        concluded = agreed_on(token, obligations, agreement_tokens)
        if concluded and not about_agreement and len([p for p in region_parties if not res.codes.is_org(p)]) >= 2:
            about_agreement, event = True, "signed"  # "agreed to consult one another"
        elif concluded and about_agreement and event == "announced":
            event = "signed"  # "the partnership the two countries had agreed in 2013"
        if not about_agreement and "withdrew" in (match.value, *events) and ends_cooperation(token, obligations):
            # "France would … end its military presence there": the cooperation between two states ends
            place = place_back(token, covered, lambda i: _state_at(i, token_party, res.codes))
            if len(set([p for p in region_parties if not res.codes.is_org(p)] + place)) >= 2:
                about_agreement = True
                region_parties = list(dict.fromkeys(region_parties + place))
                place_parties = place
        # each party ratifies for itself ("Putin signed the ratification law …, and Kim signed a decree
        # ratifying the pact"): two steps; a year the clause gives tells an earlier step from today's
        by = actor if event == "ratified" else None
        year = _clause_year(token, covered)
        if not about_agreement:
            if match.value == "ratified" and refers_back(token):  # "after Hungary approved a similar bill"
                focus = _named_member(sent, token_party, res.codes, state)
                drafts += _echo(focus or state.last, event, when or _clause_date(token, dates), sent, actor)
            elif event == "ratified" and state.current is not None and actor in state.current.parties \
                    and not region_orgs:
                # "Putin signed the ratification law": a party ratifying, the pact in focus unnamed
                drafts.append(Draft(tuple(sorted(state.current.parties)), event, when, sent,
                                    agreement=state.current, actor=actor))
            continue
        states = [p for p in region_parties if not res.codes.is_org(p)
                  and not all(in_membership_phrase(sent.doc[i]) for i in covered if token_party.get(i) == p)]
        states += [p for p in place_parties if p not in states]  # named before "there", outside the region
        if len(states) == 1:
            states += [p for p in _pronoun_subject(token, token_party, res.codes) if p not in states]
        for parties in _bilateral_split(token, covered, token_party, states, res.codes):
            agreement = state.agreement(frozenset(parties))
            # what this clause calls it: "signed a defence cooperation agreement with X, while Y concluded a pact"
            agreement.named_kinds |= {m.value for m in agreements if m.value and m.end - 1 in covered}
            _inherit_such(sent, agreement, state)
            touched = agreement
            drafts.append(Draft(tuple(sorted(parties)), event, when, sent, agreement=agreement, actor=by,
                                year=year))
        if len(states) < 2 and state.current is None and state.pair and reference_tokens & covered \
                and set(states) <= state.pair:
            state.agreement(state.pair)  # "the two countries signed …" after a sentence naming both
        if len(states) < 2 and state.current is not None and (set(states) <= state.current.parties):
            touched = state.current
            drafts.append(Draft(tuple(sorted(state.current.parties)), event, when, sent, agreement=state.current,
                                actor=by, year=year))
        if "withdrew" in (match.value, *events) and drafts and drafts[-1].agreement is not None:
            drafts[-1].membership_kind = "withdrawal"  # ending a bilateral accord
    for token in (t for t in sent if does_so(t) and not has_negation(t)):
        drafts += _did_so(token, sent, state, token_party, res.codes, dates)
    if drafts:
        state.last = drafts[-1]
    if touched is None and (agreements or obligations or references):
        root_region = region(sent.root, ()) & set(range(sent.start, sent.end))
        states = sorted({p for i, p in token_party.items() if i in root_region and not res.codes.is_org(p)
                         and not in_membership_phrase(sent.doc[i])})
        if len(states) >= 2 and state.current is not None and state.current.parties <= set(states):
            touched = state.current  # the pact in focus, named again beside other states
        elif len(states) >= 2 and (agreements or obligations):
            touched = state.agreement(frozenset(states))
        elif state.current is not None and (references or agreements or obligations):
            touched = state.current
    _remember_pair(sent, token_party, res.codes, state)
    speaks_of_agreement = bool(agreements) or any(m.value == "agreement" for m in references) or bool(drafts)
    if touched is not None:
        touched.named_kinds |= kinds_named
        if speaks_of_agreement:  # "the two countries will increase cooperation" is no term of the pact
            touched.stated_kinds |= kinds_stated
            touched.provided_kinds |= _provided(sent, obligations, provisions, agreement_tokens | reference_tokens)
        # a name belongs to the agreement the sentence reports ("signed the Treaty of Nancy"), not to
        # any document it mentions ("with reference to Article 51 of the UN Charter")
        touched.name = touched.name or _name(sent, [m for m in agreements if reported_name(
            sent.doc[m.end - 1], reported if drafts else set())])
        touched.conditions = touched.conditions or _conditions(sent, obligations)
    return drafts


def _named_states(sent: Any, token_party: dict[int, str], codes: PartyCodes) -> frozenset[str]:
    return frozenset(p for i, p in token_party.items() if not codes.is_org(p) and not in_membership_phrase(sent.doc[i]))


def _remember_pair(sent: Any, token_party: dict[int, str], codes: PartyCodes, state: Discourse) -> None:
    """Two or more states named outside membership phrases: a later "the two countries" means them."""
    named = _named_states(sent, token_party, codes)
    if len(named) >= 2:
        state.pair = named


def _group_of(size: int | None, at: int, state: Discourse) -> list[str]:
    """"The three juntas" when the body names three states together: the nearest such group
    before this sentence, else the first after it (a lead may name them, the body only later).
    Without a number, or when no group of that size is named, nobody."""
    if size is None:
        return []
    fitting = [(start, group) for start, group in state.groups if len(group) == size and start != at]
    before = [group for start, group in fitting if start < at]
    after = [group for start, group in fitting if start > at]
    chosen = before[-1] if before else after[0] if after else None
    return sorted(chosen) if chosen else []


def _provided(sent: Any, obligations: list[Match], provisions: set[int], agreement_tokens: set[int]) -> set[str]:
    """Kinds of obligations under a provision verb whose subject is the agreement."""
    found = set()
    for i in provisions:
        verb = sent.doc[i]
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not any(t.i in agreement_tokens for t in subject.subtree):
            continue
        inside = {t.i for t in verb.subtree} - {t.i for t in subject.subtree}
        found |= {m.value for m in obligations if m.start in inside}
    return found


def _decision_takes_effect(token: Any, match: Match, trigger_ids: set[int]) -> bool:
    """"Their decision to withdraw took effect without delay": the step told is the declared
    decision (the decision noun is its own trigger), not an entry into force."""
    if match.value != "entered_into_force":
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.i in trigger_ids and subject.lemma_.lower() in ("decision", "announcement")


def _is_trigger(token: Any) -> bool:
    if token.lower_ in NOMINAL_TRIGGERS and token.pos_ in ("NOUN", "VERB"):
        return True
    if token.tag_ == "VBG":  # "procedures for entering and leaving" is no step; "are signing" is
        return any(c.dep_ == "aux" for c in token.children)
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.tag_ == "VBN" or token.pos_ == "ADJ" and token.lower_.endswith("ed")


def _state_at(i: int, token_party: dict[int, str], codes: PartyCodes) -> str | None:
    party = token_party.get(i)
    return party if party is not None and not codes.is_org(party) else None


def _echo(last: Draft | None, event: str, when: date | None, sent: Any, actor: str | None) -> list[Draft]:
    """The step in focus taken again by another state: "after Hungary's legislature approved a
    similar bill", "Turkey, which ratified it", "days after a vote in Hungary"."""
    if last is None or actor is None or actor in last.parties or last.actor == actor:
        return []
    return [Draft(last.parties, event, when, sent, agreement=last.agreement, membership_kind=last.membership_kind,
                  actor=actor, org=last.org)]


def _named_member(sent: Any, token_party: dict[int, str], codes: PartyCodes, state: Discourse) -> Draft | None:
    """"Sweden's bid was delayed by Turkey, which ratified it": the membership this sentence
    names (a state's bid, accession, application) is what "it" ratifies."""
    if state.org is None:
        return None
    for i, party in token_party.items():
        if not codes.is_org(party) and in_membership_phrase(sent.doc[i]):
            return Draft(tuple(sorted((party, state.org))), "ratified", None, sent, membership_kind="accession",
                         org=state.org)
    return None


def _pronoun_subject(token: Any, token_party: dict[int, str], codes: PartyCodes) -> list[str]:
    """"China has sought … since it concluded a pact with X": a pronoun subject of a subordinate
    clause is the state that is the main clause's subject."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ != "it" or token.dep_ not in ("advcl", "conj"):
        return []  # "they" may be both parties: no guess
    main = subject_of(token.head)
    if main is None:
        return []
    found = [p for p in (_state_at(t.i, token_party, codes) for t in main.subtree) if p]
    return found[:1]


def _clause_date(token: Any, dates: list[tuple[int, date, bool]]) -> date | None:
    """A noun step's date from its clause: "whose parliament gave its approval on February 26"."""
    verb = token.head if token.dep_ in ("dobj", "nsubj", "nsubjpass") else None
    if verb is None:
        return None
    near = {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree}
    return next((d[1] for d in dates if d[0] in near), None)


def _did_so(token: Any, sent: Any, state: Discourse, token_party: dict[int, str], codes: PartyCodes,
            dates: list[tuple[int, date, bool]]) -> list[Draft]:
    """"It did so at the same time as Finland": the previous step, for the subject (a pronoun
    is the state last in focus) and for its companions."""
    last = state.last
    if last is None:
        return []
    party_at = lambda i: _state_at(i, token_party, codes)  # noqa: E731
    subject = subject_of(token)
    doers = [p for p in (party_at(t.i) for t in subject.subtree) if p] if subject is not None else []
    if not doers and subject is not None and subject.lower_ in ("it", "they"):
        doers = [p for p in last.parties if not codes.is_org(p)][:1] if last.org else []
    doers += companions(token, party_at)
    when = next((d[1] for d in dates if d[0] in {t.i for t in token.subtree} and d[2]), None)
    out = []
    for doer in dict.fromkeys(doers):
        if last.org is not None:
            parties = tuple(sorted((doer, last.org)))
        elif doer in last.parties:
            parties = last.parties
        else:
            continue
        out.append(Draft(parties, last.event, when, sent,
                         agreement=last.agreement, membership_kind=last.membership_kind, org=last.org))
    return out


def _become_member(sent: Any, lex: CommitmentLexicon) -> list[Match]:
    """"became the 31st member of NATO": a joining, though the words are not adjacent."""
    joined = next((t for t in lex.terms if t.type == "lifecycle" and t.value == "joined"), None)
    if joined is None:
        return []
    return [Match(joined, t.i, t.i + 1) for t in sent if t.lemma_.lower() == "become"
            and any(c.dep_ == "attr" and c.lemma_.lower() == "member" for c in t.children)]


def _member_noun(covered: set[int], sent: Any) -> bool:
    return any(sent.doc[i].lemma_.lower() in ("membership", "accession", "member", "bid", "application", "candidacy",
                                               "participation") for i in covered)


def _generic_member(covered: set[int], sent: Any) -> bool:
    """"A member wishing to leave must give notice": any member, a rule, not the state in focus."""
    return any(sent.doc[i].lemma_.lower() == "member" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every", "each", "no") for c in sent.doc[i].children)
        for i in covered)


def _joins(token: Any) -> bool:
    """Membership verbs whose organisation may come from the discourse ("which was admitted")."""
    if token.lemma_.lower() == "apply":  # "Sweden applied alongside Finland", not "applied sanctions"
        return not any(c.dep_ == "dobj" for c in token.children)
    return token.lemma_.lower() in ("join", "admit", "accede", "leave", "withdraw", "quit", "exit")


def _parties_in(covered: set[int], token_party: dict[int, str], sent: Any) -> list[str]:
    seen: dict[str, None] = {}
    for i in sorted(covered):
        if i in token_party:
            seen.setdefault(token_party[i])
    return list(seen)


def _members(sent: Any, covered: set[int], token_party: dict[int, str], codes: PartyCodes) -> list[str]:
    """States whose membership changes: possessors of "accession", subjects of "join", objects of "allow"."""
    found: list[str] = []
    for i in sorted(covered):
        party = token_party.get(i)
        if party is None or codes.is_org(party):
            continue
        token = _role_token(sent.doc[i], token_party)
        head = token.head
        if token.dep_ == "poss" and head.lemma_.lower() in MEMBER_NOUNS | {"entry", "bid", "country"}:
            found.append(party)
        elif token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in MEMBER_VERBS - {"become"}:
            found.append(party)
        elif token.dep_ in ("dobj", "nsubj") and head.lemma_.lower() in ("allow", "welcome", "admit", "invite"):
            found.append(party)
        elif head.dep_ == "relcl" and head.lemma_.lower() in MEMBER_VERBS | {"admit"}:
            found.append(party)
    for i in sorted(covered):  # "Austria submitted its bid": the possessive pronoun is the clause's subject
        token = sent.doc[i]
        if token.dep_ == "poss" and token.lower_ in ("its", "their") and token.head.lemma_.lower() in MEMBER_NOUNS:
            subject = subject_of(token.head.head) if token.head.dep_ in ("dobj", "pobj") else None
            if subject is not None:
                found += [token_party[t.i] for t in subject.subtree if t.i in token_party]
    for i in sorted(covered):  # "Finland, which was admitted": the noun a membership relcl modifies
        token = sent.doc[i]
        if token.dep_ == "relcl" and token.lemma_.lower() in MEMBER_VERBS and token.head.i in token_party:
            found.append(token_party[token.head.i])
    found += _listed_with(sent, found, token_party)
    return [p for p in dict.fromkeys(found) if not codes.is_org(p)]


def _listed_with(sent: Any, found: list[str], token_party: dict[int, str]) -> list[str]:
    """States in one written list with a member ("Burkina Faso, Mali, and Niger"), which the
    parser often splits into appositions and stray subjects."""
    out: list[str] = []
    for i, party in token_party.items():
        if party not in found:
            continue
        for step in (-1, 1):
            j = i
            while sent.start <= j + step < sent.end:
                nxt = sent.doc[j + step]
                if nxt.i in token_party or nxt.lower_ in (",", "and", "or") or nxt.dep_ in ("compound", "case"):
                    j += step
                    if nxt.i in token_party:
                        out.append(token_party[nxt.i])
                else:
                    break
    return out


def _role_token(token: Any, token_party: dict[int, str]) -> Any:
    """The token that carries a mention's role in the clause: "Burkina Faso" -> Faso; in
    "Mali, Niger and Burkina Faso" every conjunct -> Mali."""
    for _ in range(8):
        if token.dep_ in ("compound", "flat") and token.head.i != token.i:
            token = token.head
        elif token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        else:
            break
    return token


def _membership_kind(events: list[str], covered: set[int], sent: Any) -> str:
    words = {sent.doc[i].lemma_.lower() for i in covered}
    if "withdrew" in events:
        return "withdrawal"
    if "suspended" in events:
        return "accession" if "accession" in words or "talk" in words else "suspension"
    return "accession"


def _bilateral_split(token: Any, covered: set[int], token_party: dict[int, str], states: list[str],
                     codes: PartyCodes) -> list[list[str]]:
    """One party list per agreement: "X concluded pacts with A and B" is two bilateral pacts."""
    if len(states) < 2:
        return []
    subject = subject_of(token)
    with_parties: list[str] = []
    heads = [token, *[c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]]
    for child in (c for h in heads for c in h.children):
        if child.dep_ == "prep" and child.lower_ == "with":
            with_parties += [token_party[t.i] for t in child.subtree if t.i in token_party]
    subject_parties = [token_party[t.i] for t in subject.subtree if t.i in token_party] if subject is not None else []
    with_parties = [p for p in dict.fromkeys(with_parties) if not codes.is_org(p)]
    subject_parties = [p for p in dict.fromkeys(subject_parties) if not codes.is_org(p)]
    if len(subject_parties) == 1 and len(with_parties) >= 2:
        return [[subject_parties[0], other] for other in with_parties if other != subject_parties[0]]
    return [states]


def _inherit_such(sent: Any, agreement: Agreement, state: Discourse) -> None:
    """"such pacts", "a similar agreement": the kind of the agreement last in focus."""
    previous = [a for a in state.agreements.values() if a is not agreement]
    if previous and any(t.lower_ in ("such", "similar") for t in sent):
        source = previous[-1]
        agreement.named_kinds |= source.named_kinds | source.stated_kinds


def _clause_year(trigger: Any, covered: set[int]) -> int | None:
    """A bare year in the step's own clause ("agreed in 2013", "revised in 2019"), which the date
    reader leaves unresolved (year-only dates are null) but which still sets the step apart."""
    for token in trigger.sent if hasattr(trigger, "sent") else ():
        if token.shape_ == "dddd" and 1900 <= int(token.text) <= 2099 and token.dep_ == "pobj" \
                and token.head.lower_ == "in" and (token.head.head.i == trigger.i or token.head.head.i in covered):
            return int(token.text)
    return None


def _token_dates(sent: Any, on: date | None) -> list[tuple[int, date, bool]]:
    """(token index, date, explicit) for each resolvable date in the sentence."""
    out = []
    for mention in find_dates(sent.text, on):
        if mention.value is None:
            continue
        char = sent.start_char + mention.start
        token = next((t for t in sent if t.idx <= char < t.idx + len(t)), None)
        if token is not None:
            out.append((token.i, mention.value, mention.explicit))
    return out


def _date_for(trigger: Any, covered: set[int], dates: list[tuple[int, date, bool]], n_triggers: int) -> date | None:
    """The date attached to this trigger's statement; a sole trigger takes the sentence's date."""
    own = [d for d in dates if d[0] in covered]
    pool = own or (dates if n_triggers == 1 else [d for d in dates if trigger.doc[d[0]].head.dep_ == "ROOT"
                                                    or trigger.doc[d[0]].head.head.dep_ == "ROOT"])
    explicit = [d for d in pool if d[2]]
    chosen = explicit or pool
    return chosen[0][1] if chosen else None


def _name(sent: Any, agreements: list[Match]) -> str | None:
    """A capitalised agreement name: "Treaty of Nancy", "Comprehensive Strategic Partnership Agreement"."""
    for match in agreements:
        head = sent.doc[match.end - 1]
        if not head.text[:1].isupper() or head.i == sent.start:
            continue
        start = match.start
        while start > sent.start and (sent.doc[start - 1].text[:1].isupper() or sent.doc[start - 1].text == "-") \
                and sent.doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN", "PUNCT"):
            start -= 1
        end = match.end
        if end + 1 < sent.end and sent.doc[end].lower_ == "of" and sent.doc[end + 1].text[:1].isupper():
            end += 2
            while end < sent.end and sent.doc[end].text[:1].isupper():
                end += 1
        name = sent.doc[start:end].text.strip("“”\"' ")
        if len(name.split()) >= 2:
            return name
    return None


def _conditions(sent: Any, obligations: list[Match]) -> str | None:
    if not obligations:
        return None
    found = CONDITION_RE.search(sent.text)
    return found.group(1).strip() if found else None


# -- the whole article ----------------------------------------------------------------------------
def _finish(drafts: list[Draft]) -> list[CommitmentReport]:
    reports: list[CommitmentReport] = []
    report_actors: list[str | None] = []
    years: dict[int, int | None] = {}  # id(report) -> the bare year its clause gave
    for draft in drafts:
        if len(draft.parties) < 2:
            continue
        report_actors.append(draft.actor)
        agreement = draft.agreement
        kinds = (draft.membership_kind,) if draft.membership_kind else agreement.kinds() if agreement else ("other",)
        reports.append(CommitmentReport(
            parties=draft.parties, kinds=kinds, lifecycle_event=draft.event, date=draft.date,
            sentence=draft.sent.text, start=draft.sent.start_char, end=draft.sent.end_char,
            conditions=agreement.conditions if agreement else None, name=agreement.name if agreement else None,
        ))
        years[id(reports[-1])] = draft.year
    # an announcement of what the article also reports as done is the same step, told early
    done = {(r.parties, r.kinds[0]) for r in reports if STAGE[r.lifecycle_event] >= STAGE["signed"]}
    keep = [not (r.lifecycle_event == "announced" and (r.parties, r.kinds[0]) in done) for r in reports]
    reports = [r for r, k in zip(reports, keep) if k]
    report_actors = [a for a, k in zip(report_actors, keep) if k]
    # one report per (parties, kinds, step, date); an undated repeat of a dated step is dropped,
    # unless another state took it (ratifications are each state's own act)
    kept: dict[tuple, CommitmentReport] = {}
    actors: dict[tuple, str | None] = {}
    for report, actor in zip(reports, report_actors):
        key = (report.parties, report.kinds, report.lifecycle_event)
        actor = actor if report.lifecycle_event == "ratified" else None
        if report.date is not None:
            actors.setdefault((*key, report.date), actor)
            kept.setdefault((*key, report.date), report)
        else:
            kept.setdefault((*key, None, actor), report)
            actors.setdefault((*key, None, actor), actor)
    dated: dict[tuple, set[str | None]] = {}
    for k, r in kept.items():
        if r.date is not None:
            dated.setdefault(k[:3], set()).add(actors[k])
    out = []
    for k, r in kept.items():
        year = years.get(id(r))
        if r.date is None and year is not None and all(
                d.year != year for kk, rr in kept.items() if kk[:3] == k[:3] and (d := rr.date) is not None):
            out.append(r)  # "the partnership the two countries had agreed in 2013", beside today's upgrade
            continue
        if r.date is None and k[:3] in dated:
            by = dated[k[:3]]
            if k[4] is None or None in by or k[4] in by:
                continue
        if r.date is None and k[4] is None and any(kk[:3] == k[:3] and kk[3] is None and kk[4] is not None
                                                   for kk in kept):
            continue  # an undated repeat without an actor of an undated step by a named state
        out.append(r)
    return out
