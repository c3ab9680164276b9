"""Actors an event coder needs that the mention resolver leaves open: pronouns, "the North",
and unnamed role holders ("government forces", "the president", "protesters").

``pactwatch.nlp.actors`` only resolves what a span says by itself (plus a bare role noun in a
one-country sentence). An event needs a source even when the sentence names it only by
reference, so this module adds mentions for subject positions, from context:

* ``he``/``she``/``his``/``her`` -> the most salient person of the preceding sentences (the
  subject of the nearest sentence that names a person);
* ``it`` as a subject -> the most salient state or organisation of the previous
  sentence, when that sentence has one subject actor;
* "the North"/"the South" -> North/South Korea when the article names that country;
* a capital a visitor travels to -> its country ("arrived in Beijing": the host is China);
* a role noun or title with no country ("Government forces", "the crown prince", "President X"
  for a person we do not know) -> the country where the sentence places the action (a country or
  capital after "in"/"at"/"near"); a movement verb's place is a destination, not a country of origin.

CAMEO codes a role-only actor only with its country, and a pronoun as its antecedent; what
cannot be resolved stays unresolved (no event), which is the coder's cautious default.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pactwatch.data import read_table
from pactwatch.names import fold
from pactwatch.nlp.doc_text import doc_sents, sent_at
from pactwatch.nlp.grammar.actors import token_owners
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Mention

Token = Any

PERSON_PRONOUNS = words("person_pronouns_event")
THING_PRONOUNS = words("group_pronouns_event")
SUBJECT_DEPS = words("subject_deps_reference")
LOCATION_PREPS = words("location_preps")
PEOPLE_PLACE_PREPS = LOCATION_PREPS | {"of"}
MOVEMENT_LEMMAS = words("movement_verbs")
PERSON_KINDS = {"person", "description"}
THING_KINDS = {"country", "organisation", "capital"}
COLLECTIVE_KINDS = THING_KINDS | {"group", "role"}
QUANTITY_HEADS = words("quantity_heads")
TARGET_PREPS = words("target_preps_place")
STATEMENT_NOUNS = words("statement_nouns_event")
HOLDER_ROLES = words("office_holder_roles")
THE = words("definite_article")
REGION_WORDS = words("reference_region_shorthands")
VISITING_VERBS = words("visiting_verbs")
DESTINATION_PREPS = words("destination_preps")
MISSION_NOUNS = words("mission_nouns")
MISSION_OPENING = words("mission_opening_verbs")
TRIP_NOUNS = words("trip_nouns")
TRANSFER_VERBS = words("transfer_verbs")
COLLECTIVE_POSSESSIVES = words("collective_possessives")
WHOSE = words("relative_possessives")
OF = words("genitive_preps")
ORGANISATION_NOUNS = words("organisation_nouns")
PERSON_REACH = 2  # sentences back a person pronoun's antecedent may be, for an event's actor
GROUP_REACH = 1  # "it"/"they" reach back one sentence only


@dataclass(frozen=True)
class ContextTables:
    """Generic role nouns and titles (-> CAMEO role) and capitals (-> country), from data/actors."""

    roles: dict[str, str] = field(default_factory=dict)  # "government forces" -> "MIL"
    titles: dict[str, str] = field(default_factory=dict)  # "crown prince" -> "GOV"
    capitals: dict[str, str] = field(default_factory=dict)  # "baghdad" -> "IRQ"
    countries: frozenset[str] = frozenset()
    groups: dict[str, tuple[str, str]] = field(default_factory=dict)  # "yoruba" -> ("YOR", "NGA")

    @classmethod
    def load(cls) -> ContextTables:
        roles = {r["text"].lower(): r["role"] for r in read_table("actors/roles.tsv") if not r.get("country")}
        titles = {r["title"].lower(): r["role"] for r in read_table("actors/titles.tsv")}
        capitals: dict[str, str] = {}
        codes: set[str] = set()
        for row in read_table("actors/countries.tsv"):
            codes.add(row["code"])
            if row.get("capital"):
                capitals[row["capital"].lower()] = row["code"]
                capitals.setdefault(fold(row["capital"]), row["code"])  # "Lome", "Bogota": news drops accents
        groups = {r["word"]: (r["code"], r["home"]) for r in read_table("actors/groups.tsv")}
        return cls(roles, titles, capitals, frozenset(codes), groups)


def context_mentions(doc: Any, mentions: list[Mention], tables: ContextTables) -> list[Mention]:
    """Extra mentions for subject positions left unresolved by the mention resolver."""
    covered = set(token_owners(doc, mentions))  # the tokens the actor component maps to a mention
    sents = doc_sents(doc)
    sent_of = {}
    for n, sent in enumerate(sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    extra: list[Mention] = []
    for token in doc:
        if token.i in covered:
            continue
        low = token.lower_
        mention: Mention | None = None
        if low in PERSON_PRONOUNS and (token.dep_ in SUBJECT_DEPS or (token.dep_ == "poss" and low in ("his", "her"))):
            mention = referent(doc, token, mentions, PERSON_KINDS, PERSON_REACH)
        elif low == "it" and token.dep_ in SUBJECT_DEPS:
            # "The Umma party said it will boycott": a placed body named just before counts too
            mention = referent(doc, token, mentions + [m for m in extra if m.kind == "role"],
                               THING_KINDS | {"role"}, GROUP_REACH, strict=True)
        elif low in STATEMENT_NOUNS and token.dep_ in SUBJECT_DEPS and any(
                c.lower_ in THE for c in token.children):
            # "The statement accused X": the statement is its issuer's, named before
            mention = referent(doc, token, mentions + extra, THING_KINDS | PERSON_KINDS | {"role"}, PERSON_REACH)
        elif token.lemma_.lower() in ORGANISATION_NOUNS and token.text.islower() and token._.reference is not None:
            # "the bloc failed", "accused the organisation": the organisation named before, in any position
            mention = referent(doc, token, mentions, {"organisation"}, PERSON_REACH)
        elif low == "they" and token.dep_ in SUBJECT_DEPS:
            # "they" is often people: only a collective actor (state, group, placed role) that is
            # the one subject before it, in this sentence or the previous one
            mention = referent(doc, token, mentions + extra, COLLECTIVE_KINDS, GROUP_REACH, strict=True)
        elif token.lower_ in REGION_WORDS and token.text[:1].isupper() and token._.reference is not None:
            mention = referent(doc, token, mentions, {"country"}, len(sents))  # "the North": "North Korea"
            if mention is not None:
                mention = replace(mention, kind="country")
        elif low in tables.capitals and _is_destination(token):
            code = tables.capitals[low]
            mention = Mention(token.idx, token.idx + len(token), token.text, code, "capital", "context")
        elif token.dep_ in SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.dep_ == "agent"):
            mention = _role_holder(doc, token, mentions + extra, tables, sents[sent_of[token.i]], covered)
            if mention is None:
                mention = _group_holder(doc, token, mentions, tables, sents[sent_of[token.i]], covered)
        if mention is not None:
            extra.append(mention)
    return extra


def referent(doc: Any, word: Token, mentions: list[Mention], kinds: set[str], reach: int,
             strict: bool = False) -> Mention | None:
    """The actor the reference component (``token._.reference``) resolves ``word`` to: the first
    of its ranked antecedents, at most ``reach`` sentences back, that is an actor mention of one of
    ``kinds``. ``strict`` (for "it", "they") takes only a subject, or the addressee or issuer the
    component names."""
    reference = word._.reference
    if reference is None:
        return None
    here = sent_at(doc, word.i).start
    for candidate in reference.candidates:
        if _sentences_between(doc, candidate.span.root.i, here) > reach:
            break
        if candidate.kind == "group":
            return None  # several parties named together ("Chile and Peru"): no single actor
        if strict and not candidate.subject and reference.rule not in ("addressee", "issuer"):
            continue
        head = candidate.span.root
        found = [m for m in mentions if m.start <= head.idx < m.end and m.kind in kinds and m.code != "---"]
        if not found:
            found = [m for m in mentions if candidate.span.start_char <= m.start and m.end <= candidate.span.end_char
                     and m.kind in kinds and m.code != "---"]
        if found:
            best = found[-1]
            return Mention(word.idx, word.idx + len(word), word.text, best.code, "pronoun", "coreference", best.name)
    return None


def _sentences_between(doc: Any, earlier: int, sentence_start: int) -> int:
    count = 0
    sent = sent_at(doc, earlier)
    while sent.start < sentence_start:
        count += 1
        sent = sent_at(doc, sent.end)
    return count


def _is_destination(token: Token) -> bool:
    """A capital a visitor goes to, or that something is sent to, stands for its country: "arrived in
    Beijing", "a trip to Moscow", "sent tanks to Kyiv"."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in VISITING_VERBS:
        return True
    if token.dep_ != "pobj" or token.head.lower_ not in DESTINATION_PREPS:
        return False
    governor = token.head.head
    giver = governor if governor.pos_ == "VERB" else governor.head if governor.dep_ == "dobj" else None
    if giver is not None and giver.lemma_.lower() in TRANSFER_VERBS and token.head.lower_ == "to":
        return True  # "sent weapons to Kyiv", "will not deliver the jets to Taipei": the receiving state
    if governor.lemma_.lower() in MISSION_NOUNS:  # "opened an embassy in Tehran": the host country
        return governor.dep_ == "dobj" and governor.head.lemma_.lower() in MISSION_OPENING
    return governor.lemma_.lower() in MOVEMENT_LEMMAS - {"leave"} or governor.lemma_.lower() in TRIP_NOUNS


def _role_holder(doc: Any, head: Token, mentions: list[Mention], tables: ContextTables, sent: Any,
                 covered: set[int]) -> Mention | None:
    """A subject such as "Government forces" or "President Tran" whose country the text gives elsewhere."""
    subject = head
    if head.lower_ in QUANTITY_HEADS:  # "Tens of thousands of students": the students act
        head = _counted(head)
        if head is None:
            return None
    role = _role_of(head, tables)
    if role is None:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in COLLECTIVE_POSSESSIVES), None)
    if owner is not None:  # "their forces withdrew": the forces of the collective named before
        earlier = referent(doc, owner, mentions, COLLECTIVE_KINDS, GROUP_REACH, strict=True)
        if earlier is not None and earlier.code[:3] in tables.countries:
            span = doc[owner.i:head.i + 1]
            code = earlier.code[:3] if role == "-" else earlier.code[:3] + role
            return Mention(span.start_char, span.end_char, span.text, code, "role", "coreference")
    whose = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in WHOSE), None)
    clause = head.head if head.head.dep_ == "relcl" else None
    if whose is not None:  # "Hungary, whose parliament approved it": Hungary's; else not guessed
        named = [m for m in mentions if m.kind in ("country", "capital") and clause is not None
                 and m.start <= clause.head.idx < m.end]
        if len(named) != 1 or named[0].code[:3] not in tables.countries:
            return None
        span = doc[whose.i:head.i + 1]
        code = named[0].code[:3] if role == "-" else named[0].code[:3] + role
        return Mention(span.start_char, span.end_char, span.text, code, "role", "coreference")
    country = (_place_country(head, tables, mentions, doc) or _action_place(subject, tables, mentions, doc)
               or _sole_country(subject, tables, mentions, sent))
    if country is None:
        return None
    span = doc[min(t.i for t in head.subtree if t.dep_ in ("compound", "amod", "det") or t.i == head.i):head.i + 1]
    if any(i in covered for i in range(span.start, span.end)):
        return None
    code = country if role == "-" else country + role
    return Mention(span.start_char, span.end_char, span.text, code, "role", "context")


def _group_holder(doc: Any, head: Token, mentions: list[Mention], tables: ContextTables, sent: Any,
                  covered: set[int]) -> Mention | None:
    """An ethnic or religious group as subject ("Yoruba leaders", "Islamic fundamentalists",
    "the main Hutu rebel group"): the country the sentence places it in, else the group's home
    country, else the one country the sentence names ("Islamic fundamentalists ... Algeria's
    president"), then the group's identity code alone (CAMEO ch. 3: SRBABN, NGAYOR, MOS)."""
    subject = head
    if head.lower_ in QUANTITY_HEADS:  # "A group of Yoruba leaders"; a bare "rebel group" stays
        head = _counted(head) or head
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i] + [head]
    found = [tables.groups[w.lower_] for w in words if w.lower_ in tables.groups]
    if len({code for code, _ in found}) != 1:
        return None
    if head.lower_ not in tables.groups and head.ent_type_ in ("PERSON", "GPE", "ORG"):
        return None  # "Muslim Brotherhood", "Christian Aid": a named body, not the group
    group, home = found[0]
    # a people is placed by "of" too: "Druze inhabitants of the Syrian Golan", "Albanians of southern Serbia"
    country = (_place_country(head, tables, mentions, doc, PEOPLE_PLACE_PREPS)
               or _action_place(subject, tables, mentions, doc)
               or home or _sole_country(subject, tables, mentions, sent) or None)
    first = min(t.i for t in head.subtree if t.dep_ in ("compound", "amod", "det", "nmod") or t.i == head.i)
    span = doc[first:head.i + 1]
    if any(i in covered for i in range(span.start, span.end)):
        return None
    return Mention(span.start_char, span.end_char, span.text, (country or "") + group, "group", "context")


def _counted(head: Token) -> Token | None:
    """The noun a quantity or group word counts, through one or two "of" phrases."""
    node = head
    for _ in range(3):
        if node.lower_ not in QUANTITY_HEADS:
            return node
        nxt = None
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in OF:
                nxt = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if nxt is None:
            return None
        node = nxt
    return None


def _sole_country(subject: Token, tables: ContextTables, mentions: list[Mention], sent: Any) -> str | None:
    """The one country a sentence names outside its verb's target positions.

    A titled stranger ("President X") or an unplaced group acting in a sentence that names a single
    country is, in domestic news, that country's: "... resigned to allow Haiti's first elections".
    A country that is the verb's object or the object of "with/against/to..." is the other party,
    so it never counts, and two countries leave the actor unresolved.
    """
    verb = subject.head
    excluded: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "attr", "oprd") or (child.dep_ == "prep" and child.lower_ in TARGET_PREPS):
            excluded.update(t.idx for t in child.subtree)
    codes: set[str] = set()
    for m in mentions:
        if not (sent.start_char <= m.start < sent.end_char) or m.code[:3] not in tables.countries:
            continue
        if m.start in excluded or m.kind == "pronoun":
            codes.add("")  # a country in a target position: the sentence is about two parties
            continue
        codes.add(m.code[:3])
    for token in sent:  # a capital the action happens in: "a curfew in Algiers"
        country = tables.capitals.get(token.lower_)
        if country and token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS and token.idx not in excluded:
            codes.add(country)
    return next(iter(codes)) if len(codes) == 1 and "" not in codes else None


def _role_of(head: Token, tables: ContextTables) -> str | None:
    words = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    lows = [w.lower_ for w in words] + [head.lower_]
    for k in range(len(lows)):
        phrase = " ".join(lows[k:])
        role = tables.roles.get(phrase) or tables.titles.get(phrase)
        if role in HOLDER_ROLES:
            return role
    # "President Abdelaziz Bouteflika": a title before an unknown name
    if head.pos_ == "PROPN":
        titles = [t for t in head.children if t.dep_ == "compound" and t.i < head.i]
        for t in titles:
            role = tables.titles.get(t.lower_)
            if role in HOLDER_ROLES:
                return role
    return None


def _place_country(head: Token, tables: ContextTables, mentions: list[Mention], doc: Any,
                   preps: frozenset[str] | set[str] = LOCATION_PREPS) -> str | None:
    """"Demonstrators in Baghdad": a place attached to the actor phrase itself."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found = country_at(pobj, tables, mentions, doc)
                    if found:
                        return found
    return None


def _action_place(head: Token, tables: ContextTables, mentions: list[Mention], doc: Any) -> str | None:
    """The country where the subject's verb places the action ("lifted the curfew in Abidjan")."""
    verb = head.head
    if verb.lemma_.lower() in MOVEMENT_LEMMAS:
        return None
    found: set[str] = set()
    for node in verb.subtree:
        if node.dep_ == "prep" and node.lower_ in LOCATION_PREPS and node.head.i == verb.i or (
                node.dep_ == "prep" and node.lower_ in LOCATION_PREPS and node.head.head.i == verb.i):
            found |= _prep_countries(node, tables, mentions, doc)
    return next(iter(found)) if len(found) == 1 else None


def _prep_countries(prep: Token, tables: ContextTables, mentions: list[Mention], doc: Any) -> set[str]:
    """Countries named by the objects of one preposition ("in Kyiv", "to Japan")."""
    return {c for pobj in prep.children if pobj.dep_ == "pobj" and (c := country_at(pobj, tables, mentions, doc))}


def country_at(pobj: Token, tables: ContextTables, mentions: list[Mention], doc: Any) -> str | None:
    for node in pobj.subtree:
        capital = tables.capitals.get(node.lower_)
        if capital:
            return capital
    start, end = doc[pobj.left_edge.i].idx, pobj.right_edge.idx + len(pobj.right_edge)
    codes = {m.code[:3] for m in mentions if start <= m.start < end and m.kind == "country"}
    codes &= tables.countries
    return next(iter(codes)) if len(codes) == 1 else None


def place_in_phrase(head: Token, tables: ContextTables, mentions: list[Mention], doc: Any,
                    people: bool = False) -> str | None:
    """The country an actor phrase places itself in ("demonstrators in Baghdad"); with ``people``,
    "of" places too ("the Albanians of southern Serbia")."""
    return _place_country(head, tables, mentions, doc, PEOPLE_PLACE_PREPS if people else LOCATION_PREPS)


def people_place(head: Token, tables: ContextTables, mentions: list[Mention], doc: Any) -> str | None:
    """Where an ethnic group named by a people's demonym lives: "ethnic Albanians in south Serbia",
    "ethnic Turks of Bulgaria" (the phrase's own place, else where its verb acts)."""
    return _place_country(head, tables, mentions, doc, PEOPLE_PLACE_PREPS) or _action_place(head, tables, mentions, doc)


def place_of(trigger: Token, tables: ContextTables, mentions: list[Mention], doc: Any) -> str | None:
    """The one country where a trigger's clause happens ("bombed a hospital in Kyiv", "in Lebanon")."""
    found: set[str] = set()
    heads = [trigger] + ([trigger.head] if trigger.dep_ in ("dobj", "pobj", "nsubjpass") else [])
    for head in heads:
        for node in head.subtree:
            if node.dep_ == "prep" and node.lower_ in LOCATION_PREPS | {"on", "into", "inside"}:
                if any(a.dep_ in ("relcl", "ccomp", "advcl", "parataxis") and a.i != trigger.i and trigger.i != a.head.i
                       for a in node.ancestors if a.i > min(trigger.i, node.i) and trigger in a.ancestors):
                    continue
                found |= _prep_countries(node, tables, mentions, doc)
    return next(iter(found)) if len(found) == 1 else None
