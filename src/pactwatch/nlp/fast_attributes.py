"""The model's attribute ruler, applied with the same result at a fraction of the cost.

spaCy's ``AttributeRuler`` matches every pattern against every token and then, per match,
builds a ``Span`` and sets attributes from Python. In ``en_core_web_sm`` 171 of its 179 patterns
are one-token patterns, 56 of them on the fine tag alone (``{"TAG": "NN"}`` → POS and MORPH), and
every token matches one of those, so the ruler costs as much as the dependency parser. Here the
tag-only patterns become one lookup table applied through ``Doc.from_array``; the other patterns
still run through a spaCy ``Matcher`` and, where they hit, every pattern that touches that token
is re-applied in the original order, so later patterns win exactly as they do in spaCy.
``tests/test_fast_attributes.py`` checks token-for-token equality with the stock component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDS, LOWER, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs


def _is_tag_only(pattern_list: list[list[dict[str, Any]]], index: int) -> str | None:
    """The tag of a pattern that is exactly one token with one plain TAG value, else None."""
    if len(pattern_list) != 1 or len(pattern_list[0]) != 1 or index not in (0, -1):
        return None
    token = pattern_list[0][0]
    if set(token) != {"TAG"} or not isinstance(token["TAG"], str):
        return None
    return token["TAG"]


_ATTR_IDS = {"lower_": "LOWER", "tag_": "TAG", "dep_": "DEP", "is_space": "IS_SPACE"}
_CHECKED = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space",
            "ORTH": "text", "TEXT": "text"}


@dataclass(frozen=True)
class OneTokenRule:
    """A one-token pattern as plain checks; ``anchor`` is a (key, values) pair to index it by."""

    number: int
    checks: tuple[tuple[str, str, Any], ...]  # (token attribute, kind, value)

    @classmethod
    def parse(cls, number: int, spec: dict[str, Any]) -> OneTokenRule | None:
        checks: list[tuple[str, str, Any]] = []
        for key, value in spec.items():
            if key not in _CHECKED:
                return None
            attr = _CHECKED[key]
            if isinstance(value, (str, bool)):
                checks.append((attr, "eq", value))
            elif isinstance(value, dict) and len(value) == 1:
                (kind, operand), = value.items()
                if kind in ("IN", "NOT_IN"):
                    checks.append((attr, kind, frozenset(operand)))
                elif kind == "REGEX":
                    checks.append((attr, kind, re.compile(operand)))
                else:
                    return None
            else:
                return None
        return cls(number, tuple(checks))

    def anchor(self) -> tuple[str, frozenset[Any]] | None:
        """The most selective attribute whose value must be one of a few (for indexing), if any."""
        for wanted in ("lower_", "dep_", "tag_", "is_space"):
            for attr, kind, value in self.checks:
                if attr == wanted and kind == "eq":
                    return attr, frozenset([value])
                if attr == wanted and kind == "IN":
                    return attr, value
        return None

    def matches(self, token: Any, has_dep: bool) -> bool:
        for attr, kind, value in self.checks:
            if attr == "dep_" and not has_dep:
                continue  # spaCy's allow_missing: an unparsed doc skips the check
            if not _check(getattr(token, attr), kind, value):
                return False
        return True


def _check(actual: Any, kind: str, value: Any) -> bool:
    if kind == "eq":
        return actual == value
    if kind == "IN":
        return actual in value
    if kind == "NOT_IN":
        return actual not in value
    return value.search(actual) is not None


_INDEXED_KEYS = ("LOWER", "DEP", "TAG")


def _requirements(pattern: list[dict[str, Any]]) -> list[tuple[str, frozenset[str]]]:
    """For one token pattern: (attribute, values) pairs, each of which some token must show."""
    needs = []
    for spec in pattern:
        for key in _INDEXED_KEYS:
            value = spec.get(key)
            if isinstance(value, str):
                needs.append((key, frozenset([value])))
            elif isinstance(value, dict) and list(value) == ["IN"]:
                needs.append((key, frozenset(value["IN"])))
    return needs


class FastAttributeRuler:
    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.attrs: list[dict[int, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.matcher = Matcher(self.vocab, validate=False)  # patterns longer than one token
        # per long pattern: (attribute id, value hashes) pairs the doc must show for it to match
        self.long_needs: list[list[tuple[int, frozenset[int]]]] = []
        # tag hash -> [(pattern number, attrs)] in pattern order
        self.by_tag: dict[int, list[tuple[int, dict[int, Any]]]] = {}
        # (token attribute, value) -> one-token rules that need it; rules with no such anchor
        self.indexed: dict[tuple[str, int], list[OneTokenRule]] = {}
        self.unanchored: list[OneTokenRule] = []
        self.word_cache: dict[int, list[OneTokenRule]] = {}
        for number, pattern in enumerate(ruler.patterns):
            tag = _is_tag_only(pattern["patterns"], pattern["index"])
            one_token = len(pattern["patterns"]) == 1 and len(pattern["patterns"][0]) == 1
            rule = OneTokenRule.parse(number, pattern["patterns"][0][0]) if one_token else None
            if tag is not None:
                self.by_tag.setdefault(self.vocab.strings.add(tag), []).append((number, self.attrs[number]))
            elif rule is None or pattern["index"] not in (0, -1):
                self.matcher.add(str(number), pattern["patterns"])
                for alternative in pattern["patterns"]:
                    self.long_needs.append([(IDS[key], frozenset(self.vocab.strings.add(v) for v in values))
                                            for key, values in _requirements(alternative)])
            elif (anchor := rule.anchor()) is not None:
                for value in anchor[1]:
                    key = int(value) if isinstance(value, bool) else self.vocab.strings.add(value)
                    self.indexed.setdefault((anchor[0], key), []).append(rule)
            else:
                self.unanchored.append(rule)
        self.anchor_attrs = sorted({attr for attr, _ in self.indexed})
        self.index_keys = {
            attr: numpy.array([key for a, key in self.indexed if a == attr], dtype=numpy.uint64)
            for attr in self.anchor_attrs
        }
        self.columns = sorted({a for rules in self.by_tag.values() for _, attrs in rules for a in attrs})
        # tag hash -> final value per column (None: the tag's patterns leave that column alone)
        self.merged: dict[int, list[Any]] = {}
        for tag_hash, rules in self.by_tag.items():
            final: dict[int, Any] = {}
            for _, attrs in rules:
                final.update(attrs)
            self.merged[tag_hash] = [final.get(column) for column in self.columns]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # find the rare patterns first: they read TAG and DEP, which a tag rule may change
        exceptions = self._exceptions(doc)
        tags = doc.to_array([TAG])
        values = doc.to_array(self.columns).reshape(len(doc), -1)  # type: ignore[arg-type]  # stub: list[int | str]
        unique, inverse = numpy.unique(tags, return_inverse=True)
        rows = [self.merged.get(int(tag), [None] * len(self.columns)) for tag in unique]
        table = numpy.array([[0 if v is None else v for v in row] for row in rows], dtype=values.dtype)
        known = numpy.array([[v is not None for v in row] for row in rows], dtype=bool)
        inverse = inverse.reshape(-1)
        doc.from_array(self.columns, numpy.where(known[inverse], table[inverse], values))  # type: ignore[arg-type]  # stub: thinc Ints2d
        for target, numbers in exceptions.items():
            # replay every pattern touching this token in spaCy's order: later patterns win
            rules = [(n, self.attrs[n]) for n in numbers] + self.by_tag.get(int(tags[target]), [])
            for _, attrs in sorted(rules, key=lambda rule: rule[0]):
                set_token_attrs(doc[target], attrs)
        return doc

    def _by_word(self, lower: int) -> list[OneTokenRule]:
        """Unindexed rules worth checking on a token with this lowercase form (cached per form)."""
        if lower not in self.word_cache:
            word = self.vocab.strings[lower]
            self.word_cache[lower] = [
                rule for rule in self.unanchored
                if any(attr != "lower_" for attr, _, _ in rule.checks)
                or all(_check(word, kind, value) for _, kind, value in rule.checks)
            ]
        return self.word_cache[lower]

    def _exceptions(self, doc: Doc) -> dict[int, list[int]]:
        """Token index -> numbers of the non-tag patterns that set something on it."""
        hits: dict[int, list[int]] = {}
        has_dep = doc.has_annotation("DEP")
        keys = doc.to_array([IDS[_ATTR_IDS[a]] for a in self.anchor_attrs]).reshape(len(doc), -1)
        lowers = doc.to_array([LOWER])
        flagged = numpy.isin(lowers, [w for w in set(lowers.tolist()) if self._by_word(w)])
        for column, attr in enumerate(self.anchor_attrs):
            flagged |= numpy.isin(keys[:, column], self.index_keys[attr])
        for i in numpy.flatnonzero(flagged).tolist():
            row = keys[i].tolist()
            candidates = [rule for attr, key in zip(self.anchor_attrs, row, strict=True)
                          for rule in self.indexed.get((attr, key), ())]
            token = doc[i]
            for rule in candidates + self._by_word(int(lowers[i])):
                if rule.matches(token, has_dep):
                    hits.setdefault(i, []).append(rule.number)
        present = {attr: set(doc.to_array([attr]).tolist()) for attr in {IDS[k] for k in _INDEXED_KEYS}}
        if any(all(values & present[attr] for attr, values in needs) for needs in self.long_needs):
            for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                number = int(self.vocab.strings[match_id])
                index = self.indices[number]
                target = (start if index >= 0 else end) + index
                if start <= target < end:
                    hits.setdefault(target, []).append(number)
        return hits
