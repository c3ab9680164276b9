"""Reader for Phoenix / PETRARCH / TABARI actor and agent dictionaries.

The format, as used by the Open Event Data Alliance dictionaries:

* ``NAME_WORDS_  [CODE]  # comment``: an actor; words are joined by ``_`` (spaces also occur);
* ``+OTHER_NAME``: a synonym of the entry above;
* a name line without a code, followed by indented ``[CODE date]`` lines: dated codes. A name
  line without ``+`` that directly follows a code-less name line is read as a synonym too (the
  CountryInfo-generated blocks use both styles);
* dates: ``[RUSGOV >080508]`` (from), ``[HOB <950601]`` (before), ``[USAGOV 970101-010120]``
  (range); 6-digit ``yymmdd`` or 8-digit ``yyyymmdd``; a code without a date is the default;
* agents: ``FOREIGN_MINISTER [~GOV]`` (role appended to the actor's country) or ``[NGO~]``
  (prefix); ``NAME {PLURAL} [~ROLE]``; ``!PERSON! = MAN, MEN`` substitution sets;
* ``#`` starts a comment; ``<!-- ... -->`` blocks are comments; ``---``, ``+++`` and ``###``
  are null codes (the phrase is consumed and codes nothing).

Malformed lines are collected as ``problems`` (with line numbers) instead of raising.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

NULL_CODES = frozenset({"---", "+++", "###"})
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_MACRO_DEF = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_MACRO_USE = re.compile(r"![A-Z0-9_]+!")
_CODE_OK = re.compile(r"^[A-Za-z0-9~/]+$|^(---|\+\+\+|###)$")


@dataclass(frozen=True)
class DatedCode:
    """One code with an optional validity interval (both ends inclusive, None = open)."""

    code: str
    start: date | None = None
    end: date | None = None

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class ActorEntry:
    """All names of one actor and its (dated) codes."""

    names: tuple[str, ...]  # space-separated words, as written ("VLADIMIR PUTIN")
    codes: tuple[DatedCode, ...]
    line: int

    def code_on(self, on: date | None) -> str | None:
        """The code valid on a date: the first dated code covering it, else the undated default.

        Without a date, the open-ended dated code (``>yymmdd``) is taken as "now", else the
        undated default, else the last code listed.
        """
        if not self.codes:
            return None
        if on is not None:
            for dated in self.codes:
                if dated.dated and dated.covers(on):
                    return dated.code
            defaults = [c for c in self.codes if not c.dated]
            return defaults[0].code if defaults else None
        open_ended = [c for c in self.codes if c.start is not None and c.end is None]
        if open_ended:
            return open_ended[-1].code
        defaults = [c for c in self.codes if not c.dated]
        return (defaults[0] if defaults else self.codes[-1]).code


@dataclass(frozen=True)
class AgentEntry:
    """A role word: ``pattern`` is ``~GOV`` (append to a country) or ``NGO~`` (prefix)."""

    names: tuple[str, ...]
    pattern: str
    line: int


@dataclass
class PhoenixDictionary:
    path: str
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_date(text: str) -> date:
    """``080508`` -> 2008-05-08; ``19950601`` -> 1995-06-01.

    Two-digit years follow the TABARI convention of a pivot: 00-39 are 2000s, 40-99 the 1900s.
    """
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"bad date {text!r}")
    if len(digits) == 6:
        year = int(digits[:2])
        year += 2000 if year < 40 else 1900
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    return date(year, month, day)


def parse_code_block(body: str) -> DatedCode:
    """The inside of one ``[...]`` block."""
    text = body.strip()
    if not text:
        raise ValueError("empty code block")
    parts = text.split(None, 1)
    code = parts[0]
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not _CODE_OK.match(code):
        raise ValueError(f"bad code {code!r}")
    if not rest:
        return DatedCode(code)
    if rest.startswith(">"):
        return DatedCode(code, start=parse_date(rest[1:]))
    if rest.startswith("<"):
        return DatedCode(code, end=parse_date(rest[1:]))
    if "-" in rest:
        first, last = rest.split("-", 1)
        start, end = parse_date(first), parse_date(last)
        if start > end:
            raise ValueError(f"date range ends before it starts: {rest}")
        return DatedCode(code, start=start, end=end)
    raise ValueError(f"bad date restriction {rest!r}")


def _words(name: str) -> str:
    """``VLADIMIR_PUTIN_`` -> ``VLADIMIR PUTIN``."""
    return " ".join(part for part in re.split(r"[_\s]+", name) if part)


def _strip_comments(lines: Iterable[str]) -> Iterable[tuple[int, str]]:
    """Drop ``<!-- -->`` blocks and ``#`` comments, keep line numbers and leading whitespace."""
    in_block = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if in_block:
            if "-->" in line:
                in_block = False
                line = line.split("-->", 1)[1]
            else:
                continue
        while "<!--" in line:
            before, after = line.split("<!--", 1)
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_block = before, True
        if "#" in line:
            line = line.split("#", 1)[0]
        yield number, line.rstrip()


def _expand(name: str, macros: dict[str, list[str]]) -> list[str]:
    """Expand ``!PERSON!`` style substitution sets (each use multiplies the variants)."""
    variants = [name]
    while True:
        expanded: list[str] = []
        changed = False
        for variant in variants:
            use = _MACRO_USE.search(variant)
            if use and use.group(0) in macros:
                changed = True
                for word in macros[use.group(0)]:
                    expanded.append(variant[: use.start()] + word + variant[use.end() :])
            else:
                expanded.append(variant)
        variants = expanded
        if not changed:
            return variants


def _plural(words: str) -> str:
    """Regular English plural of the last word (agents get plurals unless ``{}`` says otherwise)."""
    head, _, last = words.rpartition(" ")
    if re.search(r"(S|X|Z|CH|SH)$", last, re.I):
        last += "ES"
    elif re.search(r"[^AEIOU]Y$", last, re.I):
        last = last[:-1] + "IES"
    else:
        last += "S"
    return f"{head} {last}".strip()


class _Builder:
    """Accumulates one dictionary file; keeps the grouping state of the line-oriented format."""

    def __init__(self, result: PhoenixDictionary) -> None:
        self.result = result
        self.names: list[str] = []
        self.codes: list[DatedCode] = []
        self.line = 0
        self.agent = False

    def flush(self) -> None:
        if self.names and self.codes:
            if self.agent:
                pattern = self.codes[0].code
                self.result.agents.append(AgentEntry(tuple(self.names), pattern, self.line))
            else:
                self.result.actors.append(ActorEntry(tuple(self.names), tuple(self.codes), self.line))
        elif self.names:
            self.result.problems.append(
                f"{self.result.path}:{self.line}: no code for {self.names[0]!r}"
            )
        self.names, self.codes, self.agent = [], [], False

    def add_codes(self, number: int, text: str) -> bool:
        ok = True
        for body in _CODE_BLOCK.findall(text):
            try:
                code = parse_code_block(body)
            except ValueError as err:
                self.result.problems.append(f"{self.result.path}:{number}: {err}")
                ok = False
                continue
            if "~" in code.code:
                self.agent = True
                code = DatedCode(code.code.replace(" ", ""), code.start, code.end)
            self.codes.append(code)
        return ok


def parse_dictionary(lines: Iterable[str], path: str = "<string>") -> PhoenixDictionary:
    """Parse the text of one actor or agent dictionary."""
    result = PhoenixDictionary(path=path)
    macros: dict[str, list[str]] = {}
    entry = _Builder(result)
    for number, line in _strip_comments(lines):
        if not line.strip():
            continue
        stripped = line.strip()
        macro = _MACRO_DEF.match(stripped)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        if stripped.startswith("["):  # code line of the current block
            if not entry.names:
                result.problems.append(f"{path}:{number}: code line without a name")
                continue
            entry.add_codes(number, stripped)
            continue
        if stripped.count("[") != stripped.count("]"):
            result.problems.append(f"{path}:{number}: unbalanced brackets")
            continue
        synonym = stripped.startswith("+")
        name_part = _CODE_BLOCK.split(stripped)[0]
        plural_part = re.search(r"\{([^}]*)\}", name_part)
        name_text = re.sub(r"\{[^}]*\}", "", name_part).lstrip("+").strip()
        if not name_text:
            result.problems.append(f"{path}:{number}: no name")
            continue
        has_code = "[" in stripped
        if synonym and not entry.names:
            result.problems.append(f"{path}:{number}: synonym without an entry")
            continue
        # A plain name line starts a new entry unless the current entry is still waiting for
        # its code block (then it is one more name of the same actor, CountryInfo style).
        if not synonym and not (entry.names and not entry.codes and not has_code):
            entry.flush()
            entry.line = number
        if synonym and entry.codes and not entry.names:
            entry.line = number
        for variant in _expand(name_text, macros):
            words = _words(variant)
            if not words:
                continue
            entry.names.append(words)
            if plural_part is not None:
                if plural_part.group(1).strip():
                    entry.names.append(_words(plural_part.group(1)))
            elif "~" in stripped or not name_text.endswith("_"):
                # agents form plurals by default; actor names without a trailing "_" are stems
                entry.names.append(_plural(words))
        if has_code:
            entry.add_codes(number, stripped[len(name_part) :])
    entry.flush()
    return result


def read_dictionary(path: Path) -> PhoenixDictionary:
    """Parse a dictionary file (UTF-8, undecodable bytes replaced)."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        return parse_dictionary(handle, path=str(path))
