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

from datetime import date
from typing import Any

from pactwatch.nlp.doc_text import doc_sents
from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.nlp.grammar.words import words
from pactwatch.pacts.anaphora import (
    acting_state,
    chamber_of_a_party,
    companions,
    does_so,
    echo,
    named_member,
    obstructed,
    place_back,
    plural_actor,
    plural_count,
    refers_back,
)
from pactwatch.pacts.clauses import dominated_by, is_future, region, subject_of
from pactwatch.pacts.dates import clause_year, date_for, decided_exit, news_day, same_day_as, token_dates
from pactwatch.pacts.drafts import Agreement, Discourse, Draft, PartyCodes, Resources, finish
from pactwatch.pacts.lexicon import Match
from pactwatch.pacts.membership import (
    MEMBER_VERBS,
    become_member,
    founds_a_body,
    generic_member,
    joins,
    member_noun,
    member_states,
    membership_kind,
)
from pactwatch.pacts.parties import (
    bilateral_split,
    group_of,
    named_states,
    parties_in,
    pronoun_subject,
    remember_pair,
    state_at,
    token_parties,
)
from pactwatch.pacts.pledges import conditional_pledges
from pactwatch.pacts.signals import (
    agreed_on,
    arms_transfer,
    bound_by_provision,
    completed_accessions,
    conditions_of,
    ends_cooperation,
    in_membership_phrase,
    leaves_agreement,
    member_of_agreement,
    mutual_aid,
    names_agreement,
    negated,
    open_question,
    owning_bodies,
    places_of_agreements,
    reported_name,
    several_party,
    signing_bodies,
    superseded,
    superseded_phrases,
    upgrades,
    votes_against,
)
from pactwatch.pacts.steps import commitment_grammar, construction_steps, decision_takes_effect, is_trigger
from pactwatch.records import CommitmentReport, Mention

ORG_WORDS = words("organisation_nouns")
INTENTION_EVENTS = frozenset({"signed", "ratified", "joined", "withdrew", "entered_into_force"})
REVISION_VERBS = words("revision_verbs")
LEGAL_ACT_NOUNS = words("legal_act_nouns")
DEFINITE_DETERMINERS = words("definite_determiners")
HYPHENS = words("name_hyphens")
OF = words("genitive_preps")
STEP = "commitment.lifecycle_step"
DID_SO = "commitment.fallback.did_so"  # "Finland did so in April": a mechanism, not yet a construction


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
        named = named_states(segment, token_parties(segment, inside, resources.codes), resources.codes)
        if len(named) >= 2:
            state.groups.append((segment.start, named))
    for segment, inside in segments:
        drafts.extend(_sentence(segment, inside, on, resources, state))
    return finish(drafts)


def _segments(sent: Any) -> list[Any]:
    """A sentence split at line breaks: a headline or dateline line is not part of the next line's
    statement even when the parser runs them together."""
    cuts = [t.i for t in sent if t.is_space and "\n" in t.text]
    if not cuts:
        return [sent]
    bounds = [sent.start, *[c + 1 for c in cuts], sent.end]
    doc = sent.doc
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        if b > a:
            out.append(doc[a:b])
    return out


# -- one sentence ------------------------------------------------------------------------------
def _sentence(sent: Any, mentions: list[Mention], on: date | None, res: Resources,
              state: Discourse) -> list[Draft]:
    lex = res.lexicon
    agreements = lex.match(sent, "agreement")
    obligations = [m for m in lex.match(sent, "obligation") if not negated(sent.doc[m.start])]
    obligations += mutual_aid(sent, {m.start for m in obligations})
    obligations += arms_transfer(sent, {i for m in agreements for i in range(m.start, m.end)})
    membership = lex.match(sent, "membership")
    references = lex.match(sent, "reference")
    provisions = {m.start for m in lex.match(sent, "provision")}
    token_party = token_parties(sent, mentions, res.codes)
    agreement_heads = {m.end - 1 for m in lex.match(sent, "agreement")}
    for i in [i for i, p in token_party.items()
              if res.codes.is_org(p) and names_agreement(sent.doc[i], agreement_heads)]:
        del token_party[i]  # "a partnership named AUKUS", "the AUKUS pact": the agreement, not a body to join
    orgs = [(i, p) for i, p in token_party.items() if res.codes.is_org(p)]
    org_refs = [t.i for t in sent if t.lemma_.lower() in ORG_WORDS and t.i not in token_party
                and any(c.lower_ in DEFINITE_DETERMINERS for c in t.children)]
    anchored = commitment_grammar(sent.doc.vocab, lex).by_anchor(sent.doc)  # data/grammar/commitments.jsonl
    triggers = [m for m in lex.match(sent, "lifecycle") if is_trigger(sent.doc[m.start])]
    triggers += become_member(sent, lex) + upgrades(sent, lex) + completed_accessions(sent, lex)
    triggers = construction_steps(sent, triggers, anchored)
    all_ids = {m.start for m in triggers}
    trigger_ids = {i for i in all_ids if dominated_by(sent.doc[i], all_ids) is None}
    older = superseded_phrases(sent, {i for m in agreements for i in range(m.start, m.end)})
    kinds_named = {m.value for m in agreements if m.value and m.end - 1 not in older}
    kinds_stated = {m.value for m in obligations}
    agreement_tokens = {i for m in agreements for i in range(m.start, m.end)}
    reference_tokens = {i for m in references for i in range(m.start, m.end)}
    member_tokens = {i for m in membership for i in range(m.start, m.end)}
    pledged = conditional_pledges(sent, lambda i: state_at(i, token_party, res.codes), on)  # "an attack on Y would …"
    if not (agreements or obligations or references or triggers) and not any(
            does_so(t) and not clause_of(t).negated for t in sent):
        remember_pair(sent, token_party, res.codes, state)  # all a sentence with no pact words can do
        return pledged
    dates = token_dates(sent, on)

    drafts: list[Draft] = []
    touched: Agreement | None = None
    reported: set[int] = set()  # tokens some step of this sentence speaks about
    marks: list[tuple[int, str, str, date | None]] = []  # (first draft, construction, clause, news day) per trigger
    for match in triggers:
        token = sent.doc[match.start]
        how = anchored.get(token.i, [None])[0]  # the first construction that applies decides
        act = how.construction.act if how is not None else "step"
        mark_name = how.name if how is not None and act != "under_way" else STEP
        marks.append((len(drafts), mark_name, clause_of(token).describe(), news_day(token, sent, on)))
        if act == "no_step" or token.i not in trigger_ids or votes_against(token) or obstructed(token) \
                or open_question(token) or decision_takes_effect(token, match, trigger_ids):
            continue
        keep = frozenset(i for i, _ in orgs)
        covered = region(token, trigger_ids, keep) & set(range(sent.start, sent.end))
        if how is not None and how.construction.trigger:  # what the construction's roles name is spoken of
            covered |= {t.i for role in how.tokens.values() if role.i != token.i for t in role.subtree}
        founded = how.tokens.get(how.construction.assigns.get("agreement", "")) if how is not None else None
        if founded is not None and not founds_a_body(founded, token_party, res.codes.is_org):
            continue  # "Kenya and Uganda created jobs"
        if founded is not None:  # "Kenya, Uganda and Tanzania founded the East African Community": the
            agreement_tokens = agreement_tokens | {founded.i}  # body stands for the founders' agreement
        covered |= bound_by_provision(token, provisions)  # "the pact, signed in Paris, commits X and Y to …"
        covered -= places_of_agreements(sent, agreement_tokens)
        reported |= covered
        dominated = [m for m in triggers if m.start in covered or dominated_by(sent.doc[m.start], {token.i})]
        events = [m.value for m in dominated]
        event = match.value
        carrier = how.tokens.get(how.construction.assigns.get("step_is", ""), token) if how is not None else token
        if event in INTENTION_EVENTS and is_future(carrier):  # "will buy jets under a new deal": the deal is made
            event = "announced"
        if event == "withdrew" and act == "under_way" and how is not None:
            event = "announced"  # "we are ending our cooperation", "is leaving the bloc": declared, under way
            marks[-1] = (marks[-1][0], how.name, *marks[-1][2:])
        if event == "signed" and any(sent.doc[i].lemma_.lower() in LEGAL_ACT_NOUNS
                                     and sent.doc[i].dep_ in ("nsubj", "nsubjpass", "dobj") for i in covered):
            event = "ratified"  # "the law ratifying the agreement was signed": the ratification
        if event == "announced" and "suspended" in events:
            event = "suspended"  # "announced the suspension of its membership" is the suspension itself
        own_only = how is not None and how.construction.assigns.get("date") == "own"  # a standing, not an act
        when = date_for(token, covered, dates, len(trigger_ids), own_only) or same_day_as(
            token, dates, state.last.date if state.last is not None else None)
        event, when = decided_exit(event, {match.value, *events}, sent, dates, when, on)  # "…, effective from 1 May"
        region_parties = parties_in(covered, token_party, sent)
        actor = acting_state(token, lambda i: state_at(i, token_party, res.codes))
        region_orgs = [p for p in region_parties if res.codes.is_org(p)]
        # "announced a new partnership" is about an agreement; "announced their withdrawal" about membership
        is_member = (bool(member_tokens & covered)
                     or token.lemma_.lower() in MEMBER_VERBS - {"announce", "become", "seek"})
        if is_member and not member_tokens & covered and leaves_agreement(token, agreement_tokens):
            is_member = False  # "Russia left the Treaty on …, and NATO allies …": a treaty, not NATO, is left
        org = region_orgs[0] if region_orgs else None
        if org is None and is_member and state.org and (
                set(org_refs) & covered or joins(token) or member_noun(covered, sent)):
            org = state.org
        if org is None and is_member and member_noun(covered, sent) and len({p for _, p in orgs}) == 1:
            org = orgs[0][1]  # "the enlargement of NATO, … the application of Sweden": the one body named
        if org is not None and is_member:
            state.org = org
            members = member_states(sent, covered, token_party, res.codes) or [
                p for p in region_parties if not res.codes.is_org(p)]
            if members:
                members += companions(token, lambda i: state_at(i, token_party, res.codes))
            subject = subject_of(token)
            if not members and state.member and member_noun(covered, sent) and not generic_member(covered, sent) \
                    and not (subject is not None and subject.lower_ in words("plural_subject_pronouns")):
                members = [state.member]  # "the country's membership" (not "they", which is others)
            if not members and plural_actor(token, covered):
                members = group_of(plural_count(sent), sent.start, state)  # "the three juntas", "their exit"
            if members:
                state.member = members[-1]
            kind = membership_kind(events, covered, sent)
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
            place = place_back(token, covered, lambda i: state_at(i, token_party, res.codes))
            if len(set([p for p in region_parties if not res.codes.is_org(p)] + place)) >= 2:
                about_agreement = True
                region_parties = list(dict.fromkeys(region_parties + place))
                place_parties = place
        # each party ratifies for itself ("Putin signed the ratification law …, and Kim signed a decree
        # ratifying the pact"): two steps; a year the clause gives tells an earlier step from today's
        by = actor if event == "ratified" else None
        year = clause_year(token, covered)
        if year is not None and when is not None and when.year != year:
            when = None  # "the accord they signed in 1995": its own year, not the sentence's Monday
        if not about_agreement:
            echoed: list[Draft] = []
            if match.value == "ratified" and refers_back(token):  # "after Hungary approved a similar bill"
                focus = named_member(sent, token_party, res.codes, state)
                echoed = echo(focus or state.last, event, when or _clause_date(token, dates), sent, actor)
                drafts += echoed
            if not echoed and event == "ratified" and state.current is not None and not region_orgs and (
                    actor in state.current.parties or (actor is None and chamber_of_a_party(token, drafts))):
                # "Putin signed the ratification law", "Romania ratified it in March": a party ratifying the
                # pact in focus; "while the lower house endorsed it": the other chamber of the same party
                drafts.append(Draft(tuple(sorted(state.current.parties)), event, when, sent,
                                    agreement=state.current, actor=actor))
            continue
        states = [p for p in region_parties if not res.codes.is_org(p) and not all(
            in_membership_phrase(sent.doc[i]) and not member_of_agreement(sent.doc[i], agreement_tokens)
            for i in covered if token_party.get(i) == p)]
        states += [p for p in place_parties if p not in states]  # named before "there", outside the region
        states += [p for p in signing_bodies(token, token_party, res.codes.is_org) if p not in states]
        states += [p for p in owning_bodies(covered, agreement_tokens, token_party, res.codes.is_org, sent)
                   if p not in states]
        if founded is not None:  # the body founded is no party of its founding
            states = [p for p in states if p not in {token_party.get(t.i) for t in founded.subtree if t.i <= founded.i}]
        if len(states) == 1:
            states += [p for p in pronoun_subject(token, token_party, res.codes) if p not in states]
        earlier = superseded(token, agreement_tokens)  # "it replaces the partnership they concluded in 2001"
        own_kinds = {m.value for m in agreements if m.value and (m.end - 1 in covered or (
            earlier is not None and m.end - 1 == earlier.i))}
        split = [states] if several_party(sent, covered, agreement_tokens) and len(states) > 1 else None
        for parties in split or bilateral_split(token, covered, token_party, states, res.codes):
            if earlier is not None:
                agreement = state.earlier(frozenset(parties))
            else:
                agreement = state.agreement(frozenset(parties))
                _inherit_such(sent, agreement, state)
                touched = agreement
            # what this clause calls it: "signed a defence cooperation agreement with X, while Y concluded a pact"
            agreement.named_kinds |= own_kinds
            drafts.append(Draft(tuple(sorted(parties)), event, when, sent, agreement=agreement, actor=by,
                                year=year))
        if len(states) < 2 and state.current is None and state.pair and reference_tokens & covered \
                and set(states) <= state.pair:
            state.agreement(state.pair)  # "the two countries signed …" after a sentence naming both
        if len(states) < 2 and state.current is not None and (set(states) <= state.current.parties):
            target = state.current
            if earlier is not None:  # an older text between the same parties: its own kind, not the new one's
                target = state.earlier(state.current.parties)
                target.named_kinds |= own_kinds
            else:
                touched = target
            drafts.append(Draft(tuple(sorted(target.parties)), event, when, sent, agreement=target,
                                actor=by, year=year))
        if "withdrew" in (match.value, *events) and drafts and drafts[-1].agreement is not None:
            drafts[-1].membership_kind = "withdrawal"  # ending a bilateral accord
        elif event == "suspended" and drafts and drafts[-1].agreement is not None:
            drafts[-1].membership_kind = "suspension"  # suspending one, as a membership is suspended
    for token in (t for t in sent if does_so(t) and not clause_of(t).negated):
        marks.append((len(drafts), DID_SO, clause_of(token).describe(), None))
        drafts += _did_so(token, sent, state, token_party, res.codes, dates)
    for (first, name, clause, day), (last, *_) in zip(marks, marks[1:] + [(len(drafts), "", "", None)], strict=False):
        for draft in drafts[first:last]:
            draft.construction, draft.clause = name, clause
            draft.news_day = day if draft.date is None else None
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
    remember_pair(sent, token_party, res.codes, state)
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
        touched.conditions = touched.conditions or conditions_of(sent, obligations)
    return drafts + pledged


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
    party_at = lambda i: state_at(i, token_party, codes)  # noqa: E731
    subject = subject_of(token)
    doers = [p for p in (party_at(t.i) for t in subject.subtree) if p] if subject is not None else []
    if not doers and subject is not None and subject.lower_ in words("state_subject_pronouns"):
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


def _inherit_such(sent: Any, agreement: Agreement, state: Discourse) -> None:
    """"such pacts", "a similar agreement": the kind of the agreement last in focus."""
    previous = [a for a in state.agreements.values() if a is not agreement]
    if previous and any(t.lower_ in words("likeness_words") for t in sent):
        source = previous[-1]
        agreement.named_kinds |= source.named_kinds | source.stated_kinds


def _name(sent: Any, agreements: list[Match]) -> str | None:
    """A capitalised agreement name: "Treaty of Nancy", "Comprehensive Strategic Partnership Agreement"."""
    for match in agreements:
        head = sent.doc[match.end - 1]
        if not head.text[:1].isupper() or head.i == sent.start:
            continue
        start = match.start
        while start > sent.start and (sent.doc[start - 1].text[:1].isupper() or sent.doc[start - 1].text in HYPHENS) \
                and sent.doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN", "PUNCT"):
            start -= 1
        end = match.end
        if end + 1 < sent.end and sent.doc[end].lower_ in OF and sent.doc[end + 1].text[:1].isupper():
            end += 2
            while end < sent.end and sent.doc[end].text[:1].isupper():
                end += 1
        name = sent.doc[start:end].text.strip("“”\"' ")
        if len(name.split()) >= 2:
            return name
    return None
