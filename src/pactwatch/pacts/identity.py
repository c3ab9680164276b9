"""Treaty identity: stable keys, human names, and resolving one treaty's reports to one commitment.

A treaty reported in the news, listed in the baseline table and coded in ATOP is one commitment.
Two descriptions are the same treaty when their parties, kinds and dates are compatible and their
names, where both have one, agree once spelling is normalised (defence/defense, "Treaty on" /
"Treaty of", word order, articles and prepositions) — compared with rapidfuzz's token-set ratio,
so that a short name ("the Mutual Defence Agreement") agrees with the long form that adds the
parties ("Strategic Mutual Defense Agreement between Saudi Arabia and Pakistan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from rapidfuzz.fuzz import token_set_ratio

from pactwatch.data import read_table
from pactwatch.nlp.grammar.words import words
from pactwatch.records import CommitmentRecord

# British and American spellings, and words that vary without changing the treaty (a data table).
SPELLINGS = {row["variant"]: row["canonical"] for row in read_table("lexicon/treaty_name_spellings.tsv")}
FILLER = words("treaty_name_filler")
GENERIC = words("generic_instrument_words")  # a name made only of these names no one treaty
NAME_AGREES = 80  # token-set ratio (0-100) at or above which two normalised names are one treaty
DATE_SLACK = timedelta(days=3)  # time zones and "on Tuesday" resolved a day off
KIND_SLUG = {"mutual_defense": "mutual-defense", "nonaggression": "nonaggression", "neutrality": "neutrality",
             "consultation": "consultation", "military_cooperation": "military-cooperation",
             "strategic_partnership": "strategic-partnership", "economic": "economic", "accession": "membership",
             "other": "agreement"}
KIND_WORDS = {"mutual_defense": "Mutual defence pact", "nonaggression": "Non-aggression pact",
              "neutrality": "Neutrality pact", "consultation": "Consultation agreement",
              "military_cooperation": "Military cooperation agreement",
              "strategic_partnership": "Strategic partnership", "economic": "Economic agreement",
              "other": "Agreement"}
ROOTS_OF_DEFENCE = frozenset({"mutual_defense"})


def normalise_name(name: str | None) -> str:
    """'The Treaty on Mutual Defence' -> 'treaty mutual defense' (order kept; fuzzy matching ignores it)."""
    if not name:
        return ""
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", name.lower().replace("’", "'"))
    out = []
    for word in words:
        word = SPELLINGS.get(word, word)
        if word not in FILLER:
            out.append(word)
    return " ".join(out)


def names_a_treaty(name: str | None) -> bool:
    """Whether a name says which treaty it is, not only what kind ('the defence pact' does not)."""
    words = normalise_name(name).split()
    return bool(words) and any(w not in GENERIC for w in words)


def name_score(a: str | None, b: str | None) -> float:
    return float(token_set_ratio(normalise_name(a), normalise_name(b)))


def names_agree(a: str | None, b: str | None) -> bool:
    """True when both name one treaty, or one of them names none (nothing to disagree on)."""
    if not names_a_treaty(a) or not names_a_treaty(b):
        return True
    return name_score(a, b) >= NAME_AGREES


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def article_key(parties: Sequence[str], kinds: Sequence[str], year: int | None) -> str:
    """'prk-rus-mutual-defense-2024': parties (sorted), strongest kind, year of the first dated step."""
    kind = KIND_SLUG.get(kinds[0], slug(kinds[0])) if kinds else "agreement"
    return "-".join([*(slug(p) for p in sorted(parties)), kind, *([str(year)] if year else [])])


def human_name(kinds: Sequence[str], parties: Sequence[str], year: int | None,
               names: Mapping[str, str]) -> str:
    """'Mutual defence pact between North Korea and Russia (2024)' for a commitment the text leaves unnamed."""
    people = [names.get(p, p) for p in sorted(parties)]
    listed = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    words = KIND_WORDS.get(kinds[0] if kinds else "other", "Agreement")
    return f"{words} between {listed}" + (f" ({year})" if year else "")


def _near(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs(a - b) <= DATE_SLACK


def dates_compatible(report: CommitmentRecord, target: CommitmentRecord) -> bool:
    """No step of the report contradicts the target's own dates."""
    for event in report.events:
        when = event.date
        if when is None:
            continue
        step = event.lifecycle_event
        if step == "signed" and not _near(when, target.signed):
            return False
        if step == "entered_into_force" and not _near(when, target.in_force):
            return False
        if step in ("proposed", "announced") and target.signed and when > target.signed + DATE_SLACK:
            return False
        if step not in ("withdrew", "expired", "suspended") and target.ended and when >= target.ended:
            return False
        start = target.signed or target.in_force
        if step in ("ratified", "entered_into_force", "joined") and start and when < start - DATE_SLACK:
            return False
    return True


def kinds_compatible(report: CommitmentRecord, target: CommitmentRecord) -> bool:
    """A report of a defence pledge is one of a treaty with a defence obligation; otherwise they
    share a kind ('other' shares with everything: the text did not say)."""
    if "mutual_defense" in report.kinds:
        return target.defense or "mutual_defense" in target.kinds
    return "other" in report.kinds or bool(set(report.kinds) & set(target.kinds)) or report.organisation is not None


def parties_compatible(report: CommitmentRecord, target: CommitmentRecord) -> bool:
    mine = {p.party for p in report.parties} | ({report.organisation} if report.organisation else set())
    theirs = {p.party for p in target.parties} | ({target.organisation} if target.organisation else set())
    if report.organisation:  # a membership step: the organisation's own treaty
        return report.organisation == target.organisation
    if len(theirs) <= 2:
        return mine == theirs
    return len(mine) >= 2 and mine <= theirs and names_a_treaty(report.name) and names_agree(report.name,
                                                                                             target.name)


def resolve(report: CommitmentRecord, candidates: Iterable[CommitmentRecord]) -> CommitmentRecord | None:
    """The one candidate that is the same treaty as ``report``, or None.

    When several are compatible, the best-agreeing name wins, then the defence treaty; a tie
    between equals leaves the report on its own rather than guessing."""
    fits = [c for c in candidates if parties_compatible(report, c) and kinds_compatible(report, c)
            and dates_compatible(report, c) and names_agree(report.name, c.name)]
    if len(fits) <= 1:
        return fits[0] if fits else None
    ranked = sorted(fits, key=lambda c: (-name_score(report.name, c.name) if names_a_treaty(report.name) else 0,
                                         not c.defense, c.key))
    first, second = ranked[0], ranked[1]
    if names_a_treaty(report.name) and name_score(report.name, first.name) > name_score(report.name, second.name):
        return first
    if first.defense != second.defense:
        return first
    return None


def suggest_key(key: str, keys: Sequence[str], limit: int = 3) -> str:
    """The closest stored keys to a mistyped one ('natto' -> 'nato')."""
    from rapidfuzz import process

    best = process.extract(key.lower(), list(keys), limit=limit)
    return " or ".join(name for name, _score, _index in best) or "nothing (no commitments are stored)"
