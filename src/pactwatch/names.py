"""When two speaker strings name the same person or body ("Zelenskyy" = "Volodymyr Zelensky",
"Japanese Defence Ministry" = "Japanese Ministry of Defense", "US official" = "unnamed US
officials").

One rule for the gold scorer (``formats/GOLD.md``: quotes match when "the speakers are the same
person or body") and for the quote speaker filter of the store, so that what the figures credit
is what a user's ``quotes --speaker`` finds. Every variant is data: ``data/actors/leaders.tsv``
(names and aliases of office holders), ``titles.tsv`` (titles dropped before a name),
``countries.tsv`` (a country qualifier read apart) and ``name_variants.tsv`` (honorifics,
given-name short forms, transliterations, body synonyms, anonymity words).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pactwatch.data import read_table

GIVEN_NAME_SIMILARITY = 80  # rapidfuzz ratio for two spellings of one given name ("Yuliia"/"Yulia")
_ROMAN = re.compile(r"^(?=[ivxl]+$)x{0,3}(ix|iv|v?i{0,3})$")
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def fold(text: str) -> str:
    """Lower case, accents dropped, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")


def name_words(text: str) -> list[str]:
    """Folded word tokens; periods dropped first so that "U.S." is one word and "J." an initial."""
    return _WORD.findall(fold(text).replace(".", ""))


@dataclass(frozen=True)
class _Tables:
    leaders: dict[str, str]  # folded name or alias -> canonical name
    organisations: dict[str, str]  # folded name or alias -> code
    countries: dict[tuple[str, ...], str]  # words of a name, alias or demonym -> code
    country_lengths: tuple[int, ...]
    titles: tuple[tuple[str, ...], ...]  # longest first
    words: dict[str, str]  # given-name and spelling variants -> canonical word
    bodies: tuple[tuple[str, str], ...]  # phrase -> canonical phrase, longest first
    body_words: frozenset[str]
    anonymous: frozenset[str]
    anonymous_nouns: frozenset[str]


def _key(text: str) -> str:
    return " ".join(name_words(text)).replace("-", " ")


@lru_cache(maxsize=1)
def tables() -> _Tables:
    variants = read_table("actors/name_variants.tsv")
    by_kind: dict[str, list[dict[str, str]]] = {}
    for row in variants:
        by_kind.setdefault(row["kind"], []).append(row)
    leaders: dict[str, str] = {}
    for row in read_table("actors/leaders.tsv"):
        for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
            leaders.setdefault(_key(form), row["name"])
    organisations: dict[str, str] = {}
    for row in read_table("actors/organisations.tsv"):
        for form in [row["name"], row["code"], *filter(None, row["aliases"].split("|"))]:
            organisations.setdefault(_key(form), row["code"])
    countries: dict[tuple[str, ...], str] = {}
    for row in read_table("actors/countries.tsv"):
        for form in [row["name"], *filter(None, row["aliases"].split("|")), *filter(None, row["demonyms"].split("|"))]:
            words = tuple(name_words(form))
            if words:
                countries.setdefault(words, row["code"])
    titles = {tuple(name_words(r["title"])) for r in read_table("actors/titles.tsv")}
    titles |= {tuple(name_words(r["variant"])) for r in by_kind.get("honorific", [])}
    word_variants = {r["variant"]: r["canonical"] for r in by_kind.get("given_name", []) + by_kind.get("spelling", [])}
    bodies = sorted(((" ".join(name_words(r["variant"])), r["canonical"]) for r in by_kind.get("body", [])),
                    key=lambda pair: -len(pair[0]))
    return _Tables(
        leaders=leaders, organisations=organisations, countries=countries,
        country_lengths=tuple(sorted({len(k) for k in countries}, reverse=True)),
        titles=tuple(sorted(filter(None, titles), key=len, reverse=True)),
        words=word_variants, bodies=tuple(bodies),
        body_words=frozenset(r["variant"] for r in by_kind.get("body_word", [])),
        anonymous=frozenset(r["variant"] for r in by_kind.get("anonymous", [])),
        anonymous_nouns=frozenset(r["variant"] for r in by_kind.get("anonymous_noun", [])),
    )


@dataclass(frozen=True)
class Speaker:
    """A speaker string read into what identifies it."""

    words: tuple[str, ...]  # the name or body, canonical spellings, qualifiers and titles dropped
    country: str | None  # a country qualifier ("Japanese", "US", "of Japan", "Mexico's")
    leader: str | None  # canonical name when the whole string is a name or alias in leaders.tsv
    organisation: str | None  # code when the whole string names an organisation
    body: bool  # names a body (ministry, office, government ...), not a person
    anonymous: bool  # an unnamed source ("US official", "unnamed diplomatic source")


def _strip_country(words: list[str], t: _Tables) -> tuple[list[str], str | None]:
    for n in t.country_lengths:
        if len(words) > n and tuple(words[:n]) in t.countries:
            return words[n:], t.countries[tuple(words[:n])]
    return words, None


def _strip_title(words: list[str], t: _Tables) -> list[str]:
    for title in t.titles:
        n = len(title)
        if len(words) > n and tuple(words[:n]) == title:
            return words[n:]
    return words


def _rewrite_bodies(words: list[str], t: _Tables) -> list[str]:
    text = f" {' '.join(words)} "
    for phrase, canonical in t.bodies:
        text = text.replace(f" {phrase} ", f" {canonical} ")
    return text.split()


@lru_cache(maxsize=4096)
def read_speaker(text: str) -> Speaker:
    t = tables()
    key = _key(text)
    leader = t.leaders.get(key)
    organisation = t.organisations.get(key)
    words = [w[:-2] if w.endswith("'s") else w for w in name_words(text)]
    words = [t.words.get(w, w) for w in words]
    words = _rewrite_bodies(words, t)
    country = None
    anonymous = False
    changed = True
    while changed and words:
        changed = False
        if words[0] == "the" and len(words) > 1:
            words, changed = words[1:], True
            continue
        if words[0] in t.anonymous and len(words) > 1:
            words, changed, anonymous = words[1:], True, True
            continue
        rest, code = _strip_country(words, t)
        if code is not None:
            words, country, changed = rest, country or code, True
            continue
        rest = _strip_title(words, t)
        if rest is not words:
            words, changed = rest, True
    # trailing "of Japan", a regnal number ("Charles III"), "Jr"
    if "of" in words[:-1]:
        at = len(words) - 1 - words[::-1].index("of")
        tail = tuple(words[at + 1 :])
        if at > 0 and tail in t.countries:
            country = country or t.countries[tail]
            words = words[:at]
    while len(words) > 1 and (_ROMAN.match(words[-1]) or words[-1] in ("jr", "sr")):
        words = words[:-1]
    words = [w for w in words if len(w) > 1 or not w.isalpha()]  # initials are not significant
    if words:
        singular = words[-1][:-1] if words[-1].endswith("s") else words[-1]
        if singular in t.anonymous_nouns:
            words[-1] = singular
            anonymous = True
    body = any(w in t.body_words for w in words)
    return Speaker(tuple(words), country, leader, organisation, body, anonymous)


def _joined(words: tuple[str, ...]) -> str:
    return "".join(words).replace("-", "")


def _names_match(a: tuple[str, ...], b: tuple[str, ...], person: bool) -> bool:
    if not a or not b:
        return False
    if _joined(a) == _joined(b):
        return True
    if not person:
        return False
    short, full = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1:
        # a surname alone matches the full name, in either name order ("Orban", "Kim" of "Kim Jong-un")
        return len(full) > 1 and short[0] in (full[-1], full[0])
    if full[len(full) - len(short):] == short:
        # the full name after words the tables do not know as a title ("Chief Observer Ana Ruiz")
        return True
    if len(a) == len(b) == 2 and a[-1] == b[-1]:
        from rapidfuzz.fuzz import ratio

        return ratio(a[0], b[0]) >= GIVEN_NAME_SIMILARITY
    return False


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Whether two speaker strings name the same person or body (the GOLD.md quote rule)."""
    if not predicted or not gold:
        return False
    a, b = read_speaker(predicted), read_speaker(gold)
    if a.leader and b.leader:
        return a.leader == b.leader
    if a.organisation and b.organisation:
        return a.organisation == b.organisation
    if a.country and b.country and a.country != b.country:
        return False
    person = not (a.body or b.body or a.anonymous or b.anonymous)
    if a.anonymous != b.anonymous and not person:
        return False
    forms_a = {a.words} | ({read_speaker(a.leader).words} if a.leader else set())
    forms_b = {b.words} | ({read_speaker(b.leader).words} if b.leader else set())
    return any(_names_match(x, y, person) for x in forms_a for y in forms_b)


def speaker_search_forms(query: str) -> list[str]:
    """The spellings a speaker search should also look for, the query first: the leader's name
    and aliases when the query names one, and every spelling variant of the query's words
    ("Zelenskyy" -> "zelenskyy", "volodymyr zelensky", "zelensky", "zelenskiy", ...). Forms are
    folded and lower-case; forms of fewer than four letters are left out (they would match
    inside other names)."""
    t = tables()
    forms = [fold(query).strip()]
    canonical = t.leaders.get(_key(query))
    if canonical:
        forms += [form for form, name in t.leaders.items() if name == canonical]
    words = name_words(query)
    for i, word in enumerate(words):
        target = t.words.get(word, word)
        for variant, canon in t.words.items():
            if target in (canon, variant) and canon == t.words.get(target, target):
                forms.append(" ".join(words[:i] + [variant] + words[i + 1 :]))
                forms.append(" ".join(words[:i] + [canon] + words[i + 1 :]))
    seen: list[str] = []
    for form in forms:
        if form and form not in seen and (len(form.replace(" ", "")) >= 4 or form == forms[0]):
            seen.append(form)
    return seen
