"""Who a quotation's attribution points at: from a parsed subject span to a canonical speaker.

The actor resolver's mentions give codes and canonical person names; when they are missing
(or name nobody), spaCy's PERSON entities and the article's own fuller references ("Putin" after
"Vladimir Putin") stand in. Pronouns and descriptions ("he", "the North Korean leader") go to
the most recent compatible speaker or subject: news prose rarely switches speakers silently.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from pactwatch.data import read_table
from pactwatch.nlp.doc_text import char_span, doc_ents, doc_text
from pactwatch.nlp.grammar.words import words
from pactwatch.nlp.quote_institutions import InstitutionNames, institution_names
from pactwatch.nlp.quote_marks import is_quoted
from pactwatch.records import Mention

PERSON_PRONOUNS = words("person_pronouns")
GROUP_PRONOUNS = words("group_pronouns")
RELATIVE = words("relative_pronouns")
_DETERMINERS = re.compile(r"^(?:the|a|an|its|his|her|their)\s+", re.IGNORECASE)
_TITLES = words("person_titles")
_DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|on|and|the|de)\s+)*){1,7}[A-Z][\w'’-]*)\s*\(([A-Z]{2,8})\)")
_HONORIFICS = words("honorifics")
FEMALE_WORDS = words("female_words")
MALE_WORDS = words("male_words")
HYPHENS = words("name_hyphens")


@functools.lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """lemma -> strength ("strong" | "weak") from the shipped lexicon."""
    return {row["lemma"]: row["strength"] for row in read_table("lexicon/speech_verbs.tsv")}


@dataclass(frozen=True)
class Speaker:
    name: str
    actor: str | None
    start: int
    end: int
    person: bool


@dataclass
class SpeakerContext:
    """What one article has said so far about people: full names and who spoke or acted last."""

    doc: Any
    mentions: list[Mention]
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans inside quotation marks
    full_names: dict[str, str] = field(default_factory=dict)  # lower surname -> full name
    person_codes: dict[str, str] = field(default_factory=dict)  # full name -> actor code
    # (offset, Speaker) in document order: quote speakers and person subjects
    salient: list[tuple[int, Speaker, str]] = field(default_factory=list)  # (pos, speaker, gender)

    titles: dict[str, str] = field(default_factory=dict)  # "secretary general" -> full name
    acronyms: dict[str, str] = field(default_factory=dict)  # "icc" -> "International Criminal Court"
    institutions: InstitutionNames = field(default_factory=institution_names)
    # (offset, Speaker) of institutions that are subjects of main clauses, in document order
    bodies: list[tuple[int, Speaker]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = respelled(self.mentions)
        for ent in doc_ents(self.doc):
            if ent.label_ == "PERSON":
                self._learn(clean_name(strip_title_text(ent.text) or ent.text), None)
            elif ent.label_ == "ORG":
                self._learn_acronym(ent.text)
        for m in self.mentions:
            if m.name:
                self._learn(m.name, m.code)
        for token in self.doc:
            if token.pos_ == "PROPN" and token.dep_ != "compound":
                name = propn_name(token, self)
                if name:
                    self._learn(name, None)
                    self._learn_title(token, name)
        self._learn_defined_acronyms()
        self._collect_subjects()

    def _learn_acronym(self, text: str) -> None:
        text = text.split("(")[0]
        caps = [w for w in re.findall(r"[A-Za-z]+", text) if w[0].isupper() and not w.isupper()]
        if len(caps) >= 2:
            self.acronyms.setdefault("".join(w[0] for w in caps).lower(), clean_span_text(text))

    def _learn_defined_acronyms(self) -> None:
        """"the International Criminal Court (ICC)": the article defines the short form itself."""
        for match in _DEFINED_ACRONYM.finditer(doc_text(self.doc)):
            self.acronyms[match.group(2).lower()] = clean_span_text(match.group(1))

    def _learn_title(self, head: Any, name: str) -> None:
        """"Russian President Vladimir Putin": "russian president" and "president" -> Putin."""
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i < head.i]
        title = [t.lower_ for t in words if t.text not in name and t.is_alpha]
        if not title or title[-1] not in _TITLES or title[-1].rstrip(".") in _HONORIFICS:
            return
        for n in range(len(title)):
            key = " ".join(title[n:])
            self.titles.setdefault(key, name)

    def _learn(self, name: str, code: str | None) -> None:
        parts = name.split()
        if not parts:
            return
        key = parts[-1].lower()
        current = self.full_names.get(key)
        if current is None or len(name) > len(current):
            self.full_names[key] = name
        if code and name not in self.person_codes:
            self.person_codes[name] = code

    def canonical(self, name: str) -> str:
        """The fullest name the article uses for this person ("Putin" -> "Vladimir Putin")."""
        name = strip_title_text(name) or name
        parts = name.split()
        if not parts:
            return name
        full = self.full_names.get(parts[-1].lower())
        if full and len(full) >= len(name) and full.lower().endswith(name.lower()):
            return full
        return name

    def _collect_subjects(self, speech: frozenset[str] = frozenset()) -> None:
        """Subjects of main clauses (and of speech verbs anywhere) are what a later "he" means."""
        verbs = speech_verbs()
        for token in self.doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ == "PRON":
                continue
            if is_quoted(token.idx, self.quoted):
                continue  # the speaker's own words name other people
            verb = token.head
            main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
            if not main and verb.lemma_.lower() not in verbs:
                continue
            speaker = self.person_at(head_start(token), token.idx + len(token.text))
            if speaker is None:
                speaker = self.described(token)
            if speaker is not None:
                self.salient.append((token.idx, speaker, gender_of(token)))
            else:
                self._collect_body(token)

    def _collect_body(self, token: Any) -> None:
        """"The Iranian Foreign Ministry summoned the envoy": a body a later "Tehran" stands for."""
        start, end = token.left_edge.idx, token.idx + len(token.text)
        mention = self.actor_in(start, end)
        if mention is None or mention.kind not in ("role", "organisation") or not mention.code:
            return
        name = self.institutions.canonical(mention.text, mention.code)
        if name is not None:
            self.bodies.append((token.idx, Speaker(name, mention.code, mention.start, mention.end, False)))

    def institution_name(self, name: str, code: str | None) -> str:
        """The common name of an institutional speaker ("Israel's military" -> Israel Defense Forces)."""
        return self.institutions.canonical(name, code) or name

    def recent_institution(self, country: str, before: int) -> Speaker | None:
        """The latest named body of ``country`` that acted or spoke before ``before``."""
        found = [(pos, s) for pos, s in self.bodies if pos < before and (s.actor or "")[:3] == country]
        found += [(pos, s) for pos, s, _ in self.salient
                  if pos < before and not s.person and (s.actor or "")[:3] == country
                  and self.institutions.canonical(s.name, s.actor) == s.name]
        return max(found, key=lambda x: x[0])[1] if found else None

    def described(self, token: Any) -> Speaker | None:
        """A description naming a person met earlier: "the Secretary General", "the Russian president"."""
        words = [t.lower_ for t in token.subtree if t.i <= token.i and t.is_alpha and t.dep_ != "det"]
        for n in range(len(words)):
            name = self.titles.get(" ".join(words[n:]))
            if name:
                return Speaker(name, self.person_codes.get(name), token.left_edge.idx,
                               token.idx + len(token.text), True)
        return None

    # -- spans to speakers -----------------------------------------------------------------
    def person_at(self, start: int, end: int) -> Speaker | None:
        """A person named inside [start, end): a person mention, a named description, or PERSON."""
        best: Speaker | None = None
        for m in self.mentions:
            if m.start >= start and m.end <= end and m.name:
                best = Speaker(m.name, m.code, m.start, m.end, True)  # the last one: "President X"
        if best is not None:
            return best
        for ent in doc_ents(self.doc):
            if ent.label_ == "PERSON" and ent.start_char >= start and ent.end_char <= end:
                name = self.canonical(clean_name(ent.text))
                best = Speaker(name, self.person_codes.get(name), ent.start_char, ent.end_char, True)
        if best is not None:
            return best
        span = char_span(self.doc, start, end)
        for token in span or ():
            if token.pos_ == "PROPN" and token.dep_ != "compound":
                found = propn_name(token, self)
                if found:
                    name = self.canonical(found)
                    best = Speaker(name, self.person_codes.get(name), token.left_edge.idx,
                                   token.idx + len(token.text), True)
        return best

    def actor_in(self, start: int, end: int) -> Mention | None:
        """The most specific actor mention inside [start, end) (longest code, then last)."""
        found = [m for m in self.mentions if m.start >= start and m.end <= end]
        if not found:
            return None
        return max(found, key=lambda m: (len(m.code), m.end - m.start, m.start))

    def remember(self, pos: int, speaker: Speaker, gender: str) -> None:
        self.salient.append((pos, speaker, gender))

    def recent_group(self, before: int) -> Speaker | None:
        candidates = sorted((s for s in self.salient if s[0] < before and not s[1].person), key=lambda s: s[0])
        return candidates[-1][1] if candidates else None

    def recent_with_code(self, code: str, before: int) -> Speaker | None:
        candidates = sorted((s for s in self.salient if s[0] < before and s[1].actor == code and s[1].person),
                            key=lambda s: s[0])
        if candidates:
            return candidates[-1][1]
        for name, person_code in self.person_codes.items():
            if person_code == code:
                return Speaker(name, code, -1, -1, True)
        return None


def respelled(mentions: list[Mention]) -> list[Mention]:
    """Person mentions named the way the article spells the person in full.

    The leaders table gives one canonical spelling ("Radoslaw Sikorski"); when the article writes
    the full name another way ("Radek Sikorski", a listed alias: same surname, other given name),
    the article's spelling is the name its readers know, so every mention of that person uses it.
    """
    countries = institution_names().country_words
    spelled: dict[str, str] = {}
    for m in mentions:
        if not m.name or m.kind != "person":
            continue
        surface = clean_name(strip_title_text(m.text) or m.text)
        parts, canon = surface.split(), m.name.split()
        if len(parts) >= 2 and len(canon) >= 2 and parts[-1].lower() == canon[-1].lower() \
                and surface != m.name and all(p[:1].isupper() and not re.search(r"['’]s$", p) for p in parts) \
                and (parts[0].lower(),) not in countries:  # "Polish Radek Sikorski": a demonym, not a name
            spelled.setdefault(m.name, surface)
    if not spelled:
        return mentions
    return [replace(m, name=spelled[m.name]) if m.name in spelled else m for m in mentions]


def clean_name(text: str) -> str:
    """A name as a speaker: single-spaced, no possessive, no dash or comma the entity took along
    from a signature ('― Ana Ruiz')."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:—–―‒-")
    text = re.sub(r"[’']s$", "", text).strip()
    return text


def clean_span_text(text: str) -> str:
    """A non-person speaker's span as a name: no leading article, single-spaced."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:—–-")
    return _DETERMINERS.sub("", text)


def gender_of(token: Any) -> str:
    """'f', 'm' or '' from the words around a subject ("Mrs", "spokeswoman", "he")."""
    words = {t.lower_ for t in token.subtree}
    if words & FEMALE_WORDS:
        return "f"
    if words & MALE_WORDS:
        return "m"
    return ""


def strip_titles(tokens: list[str]) -> list[str]:
    while tokens and tokens[0].lower() in _TITLES:
        tokens = tokens[1:]
    return tokens


_INSTITUTION_WORDS = words("institution_words")


def strip_title_text(text: str) -> str:
    """"NATO Secretary General Jens Stoltenberg" -> "Jens Stoltenberg": the words after the last title."""
    words = text.split()
    last = max((i for i, w in enumerate(words) if w.lower() in _TITLES), default=-1)
    return " ".join(words[last + 1 :])


def head_start(token: Any) -> int:
    """Start of the name a head noun ends ("Prime Minister Ulf Kristersson"), possessors left out."""
    start = token.i
    for left in reversed(list(token.lefts)):
        if left.i == start - 1 and left.dep_ in ("compound", "amod", "flat") or left.text in HYPHENS:
            start = left.i
        else:
            break
    return token.doc[start].idx


def propn_name(head: Any, context: SpeakerContext) -> str | None:
    """A person's name from a proper-noun head and its compounds, when it looks like one:
    two or more capitalised words after titles ("Ukrainian lawmaker Oleksiy Goncharenko"), or a
    surname the article has given in full. Institutions and places are left alone."""
    if head.ent_type_ in ("GPE", "ORG", "LOC", "FAC", "DATE", "TIME", "MONEY", "EVENT", "LAW"):
        if head.ent_type_ != "ORG" or head.lower_ not in context.full_names:
            return None
    run = [head]
    for left in reversed(list(head.lefts)):
        if left.i == run[0].i - 1 and left.dep_ == "compound" and left.pos_ == "PROPN":
            run.insert(0, left)
        elif left.i == run[0].i - 1 and left.text in HYPHENS:
            run.insert(0, left)
        else:
            break
    words = [t.text for t in run]
    text = re.sub(r"\s*-\s*", "-", " ".join(words))
    parts = strip_title_text(text).split()
    if not parts or any(p.lower() in _INSTITUTION_WORDS for p in parts):
        return None
    if not all(p[:1].isupper() for p in parts):
        return None
    if len(parts) == 1:
        return context.full_names.get(parts[0].lower())
    return " ".join(parts) if head.ent_type_ in ("PERSON", "NORP", "") else None
