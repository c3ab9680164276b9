"""Actor mentions: which spans of an article refer to which CAMEO-style actor.

``find_mentions(doc, tables, on)`` works in passes over one parsed article:

1. phrase scan (``actor_match``): countries, demonyms, capitals, seats of power, organisations,
   role nouns, named bodies, titles, leaders' names and user dictionaries; longest match wins;
2. titles and roles are composed with their modifier and name: "Russian President Vladimir
   Putin" (one person mention, RUSGOV, learned for the whole article), "the Russian defence
   ministry" (RUSGOV), "Turkey's parliament" (TURLEG), "the Russian president" (a description,
   RUSGOV, named after the person the article or the leaders table gives that title);
3. what is left is resolved alone: leaders by the article date, countries, organisations,
   seats of power anywhere, capitals only where they act (subject, object, possessor, "talks
   between X and Y"), never where something happens ("in Pyongyang");
4. names learned from titles are found again ("Putin", "Kim Jong-un"), bare role nouns take the
   country of their sentence ("lawmakers approved" -> XXXLEG when one country is in play), and
   "the president" takes the one person the article introduced with that title.

Demonyms are always bare country codes ("Russian oil" -> RUS): CAMEO reads a demonym as the
country, and an event coder should take its source and target from the heads of the subject and
object phrases, where a demonym that only modifies a non-actor noun (``dep_ == "amod"``) is not
an actor. Deterministic: every pass walks the Doc left to right.

The lookups the passes share (a title's modifier, the name after it) are ``actor_modifiers``;
whether a place or an ambiguous name acts where it stands is ``actor_places``; what the article
teaches (step 4) is ``actor_context``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from pactwatch.nlp.actor_context import ArticlePasses, Learned
from pactwatch.nlp.actor_descriptions import naming_mentions
from pactwatch.nlp.actor_match import Hit, scan, select
from pactwatch.nlp.actor_modifiers import ModifierLookup, dict_code
from pactwatch.nlp.actor_places import PlaceTests
from pactwatch.nlp.actor_tables import ActorTables, Entry, normalise
from pactwatch.nlp.doc_text import doc_ents
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Mention

_TITLE_WORDS = words("monarch_titles")


class _Resolver(ArticlePasses, ModifierLookup, PlaceTests):
    def __init__(self, doc: Doc, tables: ActorTables, on: date | None) -> None:
        self.doc, self.tables, self.on = doc, tables, on
        self.hits = select(scan(doc, tables, on))
        self.at = {hit.start: hit for hit in self.hits}
        self.used: set[int] = set()  # indexes into self.hits already explained
        self.mentions: list[Mention] = []
        self.learned = Learned()
        self.ent_of: list[Span | None] = [None] * len(doc)
        for ent in doc_ents(doc):
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        self.persons_named = {
            e.person for h in self.hits for e in h.entries if e.kind == "leader" and not e.short
        }
        self.deferred_roles: list[Hit] = []
        self.deferred_titles: list[Hit] = []

    # -- helpers ---------------------------------------------------------------------------
    def emit(self, start_tok: int, end_tok: int, code: str, kind: str, by: str, name: str | None = None) -> None:
        span = self.doc[start_tok:end_tok]
        self.mentions.append(Mention(span.start_char, span.end_char, span.text, code, kind, by, name))

    # -- passes ------------------------------------------------------------------------------
    def titles(self) -> None:
        for k, hit in enumerate(self.hits):
            title = hit.first("title")
            if title is None or k in self.used:
                continue
            # a role noun that is not followed by a name is a role ("the spokesman said")
            named = self.name_after(hit.end)
            if named is None and hit.first("role") is not None:
                continue
            mod, former = self.left_modifier(k)
            if mod is None:
                mod = self.of_country(named[0] if named else hit.end)
            role = "ELI" if former and title.role == "GOV" else title.role
            code = self.modifier_code(mod, role) if mod is not None else None
            if mod is not None and not former:
                code = self.dict_agent_code(mod, hit) or code
            title_key = " ".join(normalise(t.text) for t in self.doc[hit.start : hit.end])
            first = min(hit.start, mod.start) if mod is not None and mod.start < hit.start else hit.start
            if named is not None:
                end, leader = named
                name = leader.person if leader is not None else self.doc[hit.end : end].text
                if code is None and leader is not None:
                    code = self.leader_code(leader.person, support=True)
                    if code is not None and former and len(code) >= 3 and code[:3] in self.tables.countries:
                        code = code[:3] + "ELI"
                if code is None:
                    continue
                last = max(end, mod.end) if mod is not None else end
                self.emit(first, last, code, "person", "table" if leader is not None and mod is None else "title", name)
                self.learned.learn([t.text for t in self.doc[hit.end : end]], code, name, title_key)
                self.used.add(k)
                if mod is not None:
                    self.used.add(self.index(mod))
                if leader is not None:
                    self.used.add(self.index(self.at[hit.end]))
                else:
                    self.used.update(self.index(h) for h in self.hits if hit.end <= h.start < end)
            elif code is not None and mod is not None:  # without a name, only a modifier gives a code
                self.used.add(k)
                self.used.add(self.index(mod))
                last = max(hit.end, mod.end)
                self.deferred_titles.append(Hit(first, last, (Entry("title", code=code, office=title_key),)))
            elif hit.start > 0 and self.doc[hit.start - 1].lower_ in words("definite_article"):
                self.used.add(k)
                self.deferred_titles.append(Hit(hit.start - 1, hit.end, (Entry("title", office=title_key),)))

    def roles(self) -> None:
        for k, hit in enumerate(self.hits):
            entry = hit.first("body", "role", "dict_agent")
            if entry is None or k in self.used:
                continue
            mod, _ = self.left_modifier(k)
            of = self.of_country(hit.end) if mod is None else None
            if mod is None and of is None:
                of = self.agent_of(hit)
            by = "dictionary" if entry.kind == "dict_agent" else "table"
            src = mod if mod is not None else of
            if src is not None:
                code = self.dict_agent_code(src, hit) or self._role_code(src, entry)
                if code is None:
                    continue
                self.used.update({k, self.index(src)})
                self.emit(min(hit.start, src.start), max(hit.end, src.end), code, "role", by)
            elif entry.kind == "body":
                self.used.add(k)
                code = entry.code + entry.role if entry.role != "-" else entry.code
                self.emit(hit.start, hit.end, code, "organisation", "table")
            elif entry.kind == "role" and entry.context:
                self.used.add(k)
                self.deferred_roles.append(hit)

    def _role_code(self, mod: Hit, entry: Entry) -> str | None:
        if entry.kind == "dict_agent":
            base = self.modifier_code(mod, "-")
            if base is None:
                return None
            pattern = entry.code
            return pattern.replace("~", base[:3], 1) if pattern.endswith("~") else base[:3] + pattern.lstrip("~")
        return self.modifier_code(mod, entry.role)

    def leader_code(self, person: str, support: bool) -> str | None:
        terms = self.tables.terms.get(person, ())
        if not terms:
            return None
        if self.on is None:
            current = [t for t in terms if t.end is None]
            return (current or list(terms))[-1].code
        covering = [t for t in terms if t.covers(self.on)]
        if covering:
            return covering[0].code
        if not support:
            return None
        code = terms[-1].code
        return code[:3] + "ELI" if code[:3] in self.tables.countries and len(code) > 3 else None

    def _leader_supported(self, entry: Entry, hit: Hit) -> bool:
        terms = self.tables.terms.get(entry.person, ())
        if entry.person in self.persons_named:
            return True
        if self.on is None:
            # Undated text (codebook examples, archives): a surname names a past holder unless
            # someone in office now answers to it too ("Bush" stays ambiguous in singles()).
            current = {e.person for e in hit.entries if e.kind == "leader"
                       and any(t.end is None for t in self.tables.terms.get(e.person, ()))}
            return entry.person in current or not current
        return any(t.covers(self.on) for t in terms) or not entry.short

    def singles(self) -> None:
        for k, hit in enumerate(self.hits):
            if k in self.used or hit.first("discard") is not None:
                continue
            leaders = [e for e in hit.entries if e.kind == "leader" and self._leader_supported(e, hit)]
            people = sorted({e.person for e in leaders})
            if len(people) == 1 and not self._inside_other_person(hit):
                if self._foreign_title_holder(k, people[0]):
                    continue
                learned = self.learned.by_name.get(people[0])
                code = learned or self.leader_code(people[0], support=True)
                if code is not None:
                    self.emit(hit.start, hit.end, code, "person", "title" if learned else "table", people[0])
                    self.learned.learn([t.text for t in self.doc[hit.start : hit.end]], code, people[0], "")
                    continue
            entry = hit.first("seat", "capital", "org", "country", "demonym", "org_demonym", "dict_actor")
            if entry is None:
                continue
            if entry.kind != "dict_actor" and self._inside_other_person(hit):
                continue
            if entry.kind == "seat":
                if not entry.ambiguous or self._acts(hit):
                    self.emit(hit.start, hit.end, entry.code, "capital", "metonymy")
            elif entry.kind == "capital":
                if self.doc[hit.start].text.isupper() and len(self.doc[hit.start].text) > 3:
                    continue  # a dateline ("SEOUL, Sept. 13 --"), not an actor
                if self._acts(hit) and (not entry.ambiguous or self._not_person_or_org(hit)):
                    self.emit(hit.start, hit.end, entry.code, "capital", "metonymy")
            elif entry.kind in ("org", "org_demonym"):
                if entry.code == "WST" and self._followed_by_name(hit):
                    continue
                self.emit(hit.start, hit.end, entry.code, "organisation", "table")
            elif entry.kind in ("country", "demonym"):
                if entry.ambiguous and not (self._not_person_or_org(hit) or self._country_by_context(hit, entry)):
                    continue
                self.emit(hit.start, hit.end, entry.code, "country", "table")
            else:
                code = dict_code(entry.dated, self.on)
                if code is not None:
                    self.emit(hit.start, hit.end, code, self._dict_kind(hit, code), "dictionary")

    def _foreign_title_holder(self, k: int, person: str) -> bool:
        """"Jordan's King Abdullah": an alias such as "King Abdullah" names another country's holder."""
        mod, _ = self.left_modifier(k)
        if mod is None:
            return False
        mod_code = self.modifier_code(mod, "GOV")
        own = self.leader_code(person, support=True) or ""
        if mod_code is None:
            return False
        hit = self.hits[k]
        if mod_code[:3] == own[:3]:  # "Saudi Arabia's King Salman": one mention
            learned = self.learned.by_name.get(person)
            self.emit(mod.start, hit.end, learned or own, "person", "title" if learned else "table", person)
            self.used.update({k, self.index(mod)})
            return True
        start = hit.start
        if self.at.get(start) is not None and self.doc[start].lower_ in _TITLE_WORDS:
            start += 1
        self.emit(mod.start, hit.end, mod_code, "person", "title", self.doc[start : hit.end].text)
        self.used.update({k, self.index(mod)})
        return True

    def _dict_kind(self, hit: Hit, code: str) -> str:
        if code in self.tables.countries:
            return "country"
        if code[:3] in ("IGO", "NGO", "NGM", "IMG", "MNC") or code in self.tables.organisations:
            return "organisation"
        ent = self.ent_of[hit.start]
        return "person" if ent is not None and ent.label_ == "PERSON" else "role"




def find_mentions(doc: Doc, tables: ActorTables, on: date | None) -> list[Mention]:
    """Actor mentions in ``doc`` (offsets into ``doc.text``), sorted by position.

    ``on`` is the article's date: it picks who held an office ("the president" in 2019 and 2023
    are different people) and which dated dictionary code applies. ``None`` means "now".
    """
    resolver = _Resolver(doc, tables, on)
    resolver.titles()
    resolver.roles()
    resolver.singles()
    resolver.learned_names()
    resolver.descriptions()
    # words that only describe ("pro-European", "Russian-led"): before a bare role takes its sentence's country
    resolver.mentions = naming_mentions(doc, resolver.mentions)
    resolver.sentence_context()
    mentions = sorted(resolver.mentions, key=lambda m: (m.start, -m.end))
    result: list[Mention] = []
    last_end = -1
    for mention in mentions:  # defensive: never return overlapping spans
        if mention.start >= last_end:
            result.append(mention)
            last_end = mention.end
    return result
