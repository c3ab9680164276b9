"""Actor resolution, once per article: the registered spaCy component ``pactwatch_actors``.

It ``requires`` the parse, the entities and the article's day (``doc._.article_day``: who held an
office that day) and ``assigns`` ``doc._.mentions`` (every actor mention, ``find_mentions``) and
``token._.actor`` (the mention a token belongs to, the longest when mentions nest). The steps read
these instead of resolving actors or mapping mentions onto tokens again. Its config names the
user's actor dictionaries (``--actors``); the tables are loaded on first use.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from pactwatch.nlp.grammar.dates import article_day
from pactwatch.records import Mention

COMPONENT = "pactwatch_actors"
_MENTIONS = "pactwatch.mentions"
_OWNERS = "pactwatch.actor_owners"


def token_owners(doc: Any, mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the longest mention covering it (nested mentions lose to their container).

    For the mentions the component found (``doc._.mentions`` itself) the stored map is returned."""
    if mentions is doc.user_data.get(_MENTIONS) and _OWNERS in doc.user_data:
        return doc.user_data[_OWNERS]
    owner: dict[int, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.end - m.start):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            owner[token.i] = mention
    return owner


def store_mentions(doc: Any, mentions: list[Mention]) -> None:
    doc.user_data[_MENTIONS] = mentions
    doc.user_data[_OWNERS] = token_owners(doc, mentions)


def mentions_of(doc: Any) -> list[Mention] | None:
    """``doc._.mentions``: what the component found, or None when it has not run on this Doc."""
    return doc.user_data.get(_MENTIONS)


def actor_of(token: Any) -> Mention | None:
    """``token._.actor``: the mention the token belongs to (None outside any, or before the component)."""
    owners = token.doc.user_data.get(_OWNERS)
    return owners.get(token.i) if owners is not None else None


class ActorComponent:
    def __init__(self, dictionaries: list[str]) -> None:
        self.dictionaries = tuple(Path(p) for p in dictionaries)

    @cached_property
    def tables(self) -> Any:
        from pactwatch.nlp.actor_tables import ActorTables

        return ActorTables.load(dictionaries=self.dictionaries)

    def __call__(self, doc: Any) -> Any:
        from pactwatch.nlp.actors import find_mentions

        store_mentions(doc, find_mentions(doc, self.tables, article_day(doc)))
        return doc


def register() -> None:
    """The ``mentions`` and ``actor`` extensions and the ``pactwatch_actors`` factory (idempotent)."""
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    if not Doc.has_extension("mentions"):
        Doc.set_extension("mentions", getter=mentions_of)
    if not Token.has_extension("actor"):
        Token.set_extension("actor", getter=actor_of)
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, default_config={"dictionaries": []},
                         requires=["doc.ents", "token.dep", "token.head", "token.pos", "doc._.article_day"],
                         assigns=["doc._.mentions", "token._.actor"],
                         func=lambda nlp, name, dictionaries: ActorComponent(dictionaries))
