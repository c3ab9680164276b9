"""The word classes the understanding steps test words against, read from one data table.

``data/grammar/word_classes.tsv`` holds every class (report verbs, pronouns of each gender,
prepositions that mark a circumstance, dependency labels of a subject, ...) with a line on why
it exists. Code asks for a class by name; a misspelt name fails at import, not silently.
"""

from __future__ import annotations

import functools

from pactwatch.data import read_table

TABLE = "grammar/word_classes.tsv"


@functools.lru_cache(maxsize=1)
def _classes() -> dict[str, tuple[str, ...]]:
    classes: dict[str, tuple[str, ...]] = {}
    for row in read_table(TABLE):
        name = row["class"]
        if name in classes:
            raise ValueError(f"{TABLE}: class {name!r} is defined twice")
        classes[name] = tuple(item.strip() for item in row["items"].split("|") if item.strip())
    return classes


def word_sequence(name: str) -> tuple[str, ...]:
    """The class's items in table order (for classes whose order is a search order)."""
    try:
        return _classes()[name]
    except KeyError:
        raise KeyError(f"no word class {name!r} in {TABLE}") from None


@functools.cache
def words(name: str) -> frozenset[str]:
    """The class's items as a set."""
    return frozenset(word_sequence(name))


def class_names() -> list[str]:
    return sorted(_classes())
