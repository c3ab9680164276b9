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
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from pactwatch.nlp.actor_context import ArticlePasses, Learned
from pactwatch.nlp.actor_descriptions import naming_mentions
from pactwatch.nlp.actor_match import Hit, scan, select
from pactwatch.nlp.actor_tables import ActorTables, Entry, normalise
from pactwatch.nlp.doc_text import doc_ents
from pactwatch.nlp.grammar.words import words
from pactwatch.nlp.phoenix import NULL_CODES, DatedCode
from pactwatch.records import Mention

MODIFIER_KINDS = ("country", "demonym", "capital", "seat", "org", "org_demonym", "body", "dict_actor")
_FORMER = words("former_markers")
_STANCE = words("stance_prefixes")
_TITLE_WORDS = words("monarch_titles")
_ACTOR_DEPS = words("capital_actor_deps")
_ACTOR_PREPS = words("capital_actor_preps")
_PLACE_PREPS = words("place_name_preps")
_LIST_JOINERS = words("list_joiners")
_HYPHENS = words("name_hyphens")


class _Resolver(ArticlePasses):
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

    def index(self, hit: Hit) -> int:
        return self.hits.index(hit)

    def left_modifier(self, k: int) -> tuple[Hit | None, bool]:
        """The modifier hit left of hit ``k`` (through allowed gap words) and whether "former" occurs."""
        start = self.hits[k].start
        j = start - 1
        former = False
        while j >= 0 and j not in self.at_end():
            word = normalise(self.doc[j].text)
            if word in _FORMER:
                former = True
            elif word not in words("actor_modifier_gap"):
                return None, self._former_before(start)
            j -= 1
        if j < 0:
            return None, former
        hit = self.at_end()[j]
        if hit.first(*MODIFIER_KINDS) is None or self.index(hit) in self.used or self._stance(hit.start):
            return None, former
        return hit, former or self._former_before(hit.start)

    def _stance(self, tok: int) -> bool:
        """Whether the word at ``tok`` follows a stance prefix ("pro-European"): a stance, not an affiliation."""
        return tok >= 2 and self.doc[tok - 1].text in _HYPHENS and normalise(self.doc[tok - 2].text) in _STANCE

    def _former_before(self, tok: int) -> bool:
        return tok > 0 and normalise(self.doc[tok - 1].text) in _FORMER

    def at_end(self) -> dict[int, Hit]:
        if not hasattr(self, "_at_end"):
            self._at_end = {hit.end - 1: hit for hit in self.hits}
        return self._at_end

    def of_country(self, end_tok: int) -> Hit | None:
        """A modifier hit in "<title/role> of <Country>"."""
        if end_tok + 1 < len(self.doc) and self.doc[end_tok].lower_ in words("genitive_preps"):
            j = end_tok + 1
            if self.doc[j].lower_ in words("definite_article"):
                j += 1
            hit = self.at.get(j)
            if hit is not None and hit.first("country", "org", "body") is not None:
                if self.doc[hit.end - 1].dep_ in ("compound", "amod"):
                    return None  # "leadership of the Haiti force": the country only modifies
                return hit
        return None

    def modifier_code(self, hit: Hit, role: str) -> str | None:
        entry = hit.first(*MODIFIER_KINDS)
        assert entry is not None
        if entry.kind in ("country", "demonym"):
            return entry.code if role in ("-", "") else entry.code + role
        if entry.kind == "capital" and entry.code[:3] in self.tables.countries:
            return entry.code[:3] if role in ("-", "") else entry.code[:3] + role
        if entry.kind == "capital":
            return entry.code  # "Brussels" stands for the EU
        if entry.kind in ("seat", "org", "org_demonym"):
            return entry.code
        if entry.kind == "body":
            return entry.code + entry.role if entry.role != "-" else entry.code
        code = _dict_code(entry.dated, self.on)
        if code is None:
            return None
        # A user dictionary's three-letter actor is a country-level actor even when our own
        # country table does not know it ("Breland government" -> BRELGOV, as PETRARCH codes it).
        return code + role if len(code) == 3 and role not in ("-", "") else code

    def dict_agent_code(self, mod: Hit, hit: Hit) -> str | None:
        """A dictionary actor with a dictionary agent ("Arnor's foreign minister" -> ARNGOVFRM).

        The user's agent pattern wins over our own role for the user's own actors, so codes stay
        those of the dictionaries the user chose; None when either side is not from a dictionary.
        """
        agent = hit.first("dict_agent")
        entry = mod.first(*MODIFIER_KINDS)
        if agent is None or entry is None or entry.kind != "dict_actor":
            return None
        base = self.modifier_code(mod, "-")
        if base is None:
            return None
        pattern = agent.code
        return pattern.replace("~", base[:3], 1) if pattern.endswith("~") else base[:3] + pattern.lstrip("~")

    def agent_of(self, hit: Hit) -> Hit | None:
        """The dictionary actor in "<agent> of/in/from <actor>" ("soldiers from Gondor")."""
        if hit.first("dict_agent") is None:
            return None
        j = hit.end
        if j + 1 >= len(self.doc) or self.doc[j].lower_ not in words("agent_origin_preps"):
            return None
        j += 1
        if self.doc[j].lower_ in words("definite_article"):
            j += 1
        after = self.at.get(j)
        if after is None or after.first("dict_actor") is None or self.index(after) in self.used:
            return None
        return after

    def name_after(self, tok: int) -> tuple[int, Entry | None] | None:
        """End token of a person name starting at ``tok`` and its leader entry, if any."""
        if tok >= len(self.doc):
            return None
        hit = self.at.get(tok)
        if hit is not None:
            leader = hit.first("leader")
            if leader is not None and hit.first("title") is None:
                return hit.end, leader
            if hit.first("discard", "title", "role", "body") is not None or leader is None:
                ent = self.ent_of[tok]
                if not (ent is not None and ent.label_ == "PERSON" and ent.start == tok):
                    return None
        ent = self.ent_of[tok]
        if ent is not None and ent.label_ == "PERSON" and ent.start == tok:
            return ent.end, None
        end = tok
        while end < len(self.doc) and end - tok < 5:
            token = self.doc[end]
            if token.pos_ == "PROPN" and token.text[:1].isupper():
                end += 1
            elif token.text in _HYPHENS and end > tok and end + 1 < len(self.doc) and self.doc[end + 1].is_alpha:
                end += 2
            else:
                break
        return (end, None) if end > tok else None

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
                code = _dict_code(entry.dated, self.on)
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

    def _inside_other_person(self, hit: Hit) -> bool:
        """"Israel" in "Israel Katz" when spaCy reads a longer person name."""
        ent = self.ent_of[hit.start]
        return ent is not None and ent.label_ == "PERSON" and (ent.start < hit.start or ent.end > hit.end)

    def _not_person_or_org(self, hit: Hit) -> bool:
        ent = self.ent_of[hit.start]
        if ent is None:
            return True
        inside = ent.start >= hit.start and ent.end <= hit.end
        return ent.label_ not in ("PERSON", "ORG", "FAC", "WORK_OF_ART") and inside

    def _country_by_context(self, hit: Hit, entry: Entry) -> bool:
        """An ambiguous country name that spaCy reads as a person or organisation on its own
        ("Niger" as PERSON) is the country when nothing makes it a person's name: the entity is
        exactly the name (not "Chad Smith"), the article never uses it inside a longer person
        name, and the name stands where a country does — in a list with another country
        ("Burkina Faso, Mali and Niger"), after a place preposition ("from Niger"), in an actor
        position (subject, object, possessor) — or is the country elsewhere in the same article."""
        if not self._bare_name(hit) or entry.code in self._person_names():
            return False
        if self._country_position(hit, entry.code):
            return True
        if not hasattr(self, "_confirmed"):  # one sense per article, worked out once
            self._confirmed = {
                e.code for h in self.hits for e in h.entries
                if e.kind == "country" and e.ambiguous and not self._inside_other_person(h)
                and (self._not_person_or_org(h) or (self._bare_name(h) and self._country_position(h, e.code)))
            }
        return entry.code in self._confirmed

    def _person_names(self) -> set[str]:
        """Codes of ambiguous country names this article uses inside a longer person name."""
        if not hasattr(self, "_persons"):
            self._persons = {e.code for h in self.hits for e in h.entries
                             if e.kind == "country" and e.ambiguous and self._inside_other_person(h)}
        return self._persons

    def _bare_name(self, hit: Hit) -> bool:
        """spaCy's entity is the name alone, or a run of country names ("Niger and Chad")."""
        ent = self.ent_of[hit.start]
        if ent is None or (ent.start == hit.start and ent.end == hit.end):
            return True
        in_country = {i for h in self.hits if h.first("country") is not None for i in range(h.start, h.end)}
        return all(i in in_country or self.doc[i].lower_ in _LIST_JOINERS for i in range(ent.start, ent.end))

    def _country_position(self, hit: Hit, code: str) -> bool:
        if self.doc.has_annotation("DEP"):
            token = self.doc[hit.start : hit.end].root
            for _ in range(4):  # "leave Niger and Chad": the coordination's position
                if token.dep_ != "conj" or token.head is token:
                    break
                token = token.head
            if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
                return True
            if token.dep_ in _ACTOR_DEPS:
                return True
        # a surface list: "Mali, and Niger", "Chad, Niger and Sudan" (the parser often garbles these)
        j = hit.start - 1
        while j >= 0 and self.doc[j].lower_ in _LIST_JOINERS:
            j -= 1
        if j < hit.start - 1 and self._listed_country(self.at_end().get(j), code):
            return True
        j = hit.end
        while j < len(self.doc) and self.doc[j].lower_ in _LIST_JOINERS:
            j += 1
        return j > hit.end and self._listed_country(self.at.get(j), code)

    @staticmethod
    def _listed_country(near: Hit | None, code: str) -> bool:
        return near is not None and any(e.kind == "country" and not e.ambiguous and e.code != code
                                        for e in near.entries)

    def _followed_by_name(self, hit: Hit) -> bool:
        return hit.end < len(self.doc) and self.doc[hit.end].pos_ == "PROPN" and self.doc[hit.end].text[:1].isupper()

    def _acts(self, hit: Hit) -> bool:
        """Whether a place is an actor here: subject, object, possessor, or "talks with/between"."""
        if not self.doc.has_annotation("DEP"):
            return False
        token = self.doc[hit.start : hit.end].root
        for _ in range(4):  # climb through coordination: "Seoul and Tokyo"
            if token.dep_ != "conj" or token.head is token:
                break
            token = token.head
        if token.dep_ in _ACTOR_DEPS:
            return True
        if token.dep_ == "pobj":
            return token.head.lower_ in _ACTOR_PREPS
        return False


def _dict_code(dated: tuple[DatedCode, ...], on: date | None) -> str | None:
    from pactwatch.nlp.phoenix import ActorEntry

    code = ActorEntry((), dated, 0).code_on(on)
    if code is None or code in NULL_CODES:
        return None
    return code


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
