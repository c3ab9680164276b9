"""Reader and matcher for PETRARCH / TABARI verb-pattern dictionaries (e.g. CAMEO.2.0.txt).

The format, as documented in the dictionaries and petrarch's ``read_verb_dictionary``:

* ``--- NAME [code] ---`` opens a verb block; ``[code]`` is the block's default (``---`` = none).
* Lines of plain words list the block's verbs: ``FREEZE {FREEZES FROZE FROZEN}`` (irregular
  forms in braces); ``+STIR_UP {...}`` is a multi-word verb whose marked word is the verb.
  A verb line may carry its own ``[code]``.
* ``- LOWER * UPPER [code]`` is a pattern: ``*`` stands for the verb, words before it must
  precede the verb, words after it follow; ``_`` joins words that must be adjacent, a space
  allows other words between; ``$`` is the source actor, ``+`` the target, ``%`` a compound
  actor, ``^`` skips a phrase; ``{A B}`` is a noun phrase and ``(A B)`` a prepositional
  phrase (both read as adjacent words here); ``&NAME`` is a synonym set defined by an
  ``&NAME`` line and ``+WORD`` member lines. A word ending in ``_`` matches exactly, any other
  word also matches as a prefix (TABARI stemming). ``[a:b]`` codes keep ``a``.
* ``#`` starts a comment, ``<!-- ... -->`` is a comment block.

Lines that cannot be read are reported in ``VerbDictionary.problems`` with their line numbers.
Each dictionary compiles into one construction of the event grammar (``construction``); its
patterns are read over the dependency parse by ``petrarch_match``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pactwatch.nlp.grammar.engine import Construction

CODE = re.compile(r"\[([^\]]*)\]")
HEADER = re.compile(r"^-{3}\s*(.+?)\s*\[([^\]]*)\]\s*(-{3}.*)?$")


@dataclass(frozen=True)
class Pattern:
    lower: tuple[tuple[str, bool], ...]  # (element, adjacent-to-next) read outward from the verb
    upper: tuple[tuple[str, bool], ...]
    code: str | None  # None: a null pattern ("[---]"): it matches and codes nothing
    line: int
    text: str
    paired: str | None = None  # "[032:033]": the target's reply event (target -> source)

    @property
    def weight(self) -> int:
        return sum(1 for e, _ in self.lower + self.upper if e not in ("^",))


@dataclass
class VerbBlock:
    name: str
    code: str | None
    patterns: list[Pattern] = field(default_factory=list)
    paired: str | None = None


@dataclass(frozen=True)
class VerbEntry:
    """One verb line: the head verb, words that must stand right before / after it, its code."""

    head: str  # lower-case base form
    before: tuple[str, ...]  # upper-case words, in text order ("WIRE" in WIRE_+TAP)
    after: tuple[str, ...]  # particles ("DOWN" in +BREAK_DOWN)
    code: str | None  # the line's own code, else None (the block's applies)
    paired: str | None
    block: VerbBlock
    line: int


@dataclass
class VerbDictionary:
    path: str
    lemmas: dict[str, list[VerbBlock]] = field(default_factory=dict)  # lower-case verb -> blocks
    forms: dict[str, str] = field(default_factory=dict)  # irregular form -> verb
    particles: dict[str, list[tuple[tuple[str, ...], str | None]]] = field(default_factory=dict)
    synsets: dict[str, list[str]] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)
    entries: dict[str, list[VerbEntry]] = field(default_factory=dict)  # head verb -> its lines
    surface: dict[str, set[str]] = field(default_factory=dict)  # inflected form -> head verbs
    # Synonym set -> its members as upper-case word tuples (last word ends in "_" when exact);
    # filled once after reading, so matching does not re-split members for every token.
    members: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)


def regular_forms(verb: str) -> set[str]:
    """The base form and its regular inflections (-s, -ed, -ing), as PETRARCH generates them."""
    forms = {verb}
    if not verb.isalpha():
        return forms
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(verb + "es")
    elif len(verb) > 1 and verb.endswith("y") and verb[-2] not in "aeiou":
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb.endswith("e"):  # "agree" keeps its e before -ing ("agreeing"), "vote" drops it
        forms.update({verb + "d", verb + "ing" if verb.endswith(("ee", "ye", "oe")) else verb[:-1] + "ing"})
    elif len(verb) > 1 and verb.endswith("y") and verb[-2] not in "aeiou":
        forms.update({verb[:-1] + "ied", verb + "ing"})
    else:
        forms.update({verb + "ed", verb + "ing"})
        if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
            forms.update({verb + verb[-1] + "ed", verb + verb[-1] + "ing"})  # "stop" -> "stopped"
    return forms


def _code(text: str) -> str | None:
    code = text.split(":")[0].strip()
    return None if not code or code in ("---", "+++", "###") else code


def _paired(text: str) -> str | None:
    """The second half of a "[032:033]" code, if any."""
    if ":" not in text:
        return None
    return _code(text.split(":", 1)[1])


def _strip_comments(lines: list[str]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    in_block = False
    for number, raw in enumerate(lines, start=1):
        line = raw
        if in_block:
            if "-->" not in line:
                continue
            line = line.split("-->", 1)[1]
            in_block = False
        while "<!--" in line:
            before, after = line.split("<!--", 1)
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_block = before, True
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append((number, line))
    return out


def _elements(text: str) -> list[tuple[str, bool]]:
    """Pattern text -> [(element, joined-to-next)]; phrases in {} and () become joined words."""
    text = re.sub(r"[{(]([^})]*)[})]", lambda m: "_".join(m.group(1).split()), text)
    out: list[tuple[str, bool]] = []
    for chunk in text.split():
        exact_last = chunk.endswith("_")
        words = [p for p in chunk.split("_") if p]
        for i, word in enumerate(words):
            last = i == len(words) - 1
            out.append((word.upper() + ("_" if last and exact_last else ""), not last))
    return out


def _parse_pattern(body: str, code: str | None, number: int, paired: str | None = None) -> Pattern:
    body = re.sub(r"_\s*\*|\*\s*_", " * ", body)  # adjacency to the verb itself is not enforced
    lower_text, _, upper_text = body.partition("*")
    lower = _elements(lower_text)
    # Read the lower part outward from the verb: an element is joined to the one before it.
    outward = [(lower[i][0], lower[i - 1][1] if i > 0 else False) for i in range(len(lower) - 1, -1, -1)]
    return Pattern(tuple(outward), tuple(_elements(upper_text)), code, number, body.strip(), paired)


def load_verb_dictionary(path: Path) -> VerbDictionary:
    """Read one verb dictionary; malformed lines go to ``problems`` instead of raising."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    dictionary = VerbDictionary(str(path))
    block: VerbBlock | None = None
    synset: str | None = None
    for number, line in _strip_comments(text.splitlines()):
        stripped = line.strip()
        header = HEADER.match(stripped)
        if header and not re.fullmatch(r"\s*-{3}\s*", header.group(3) or ""):
            dictionary.problems.append((number, f"verb block header read leniently: {stripped!r}"))
        if header:
            block = VerbBlock(header.group(1).strip().rstrip("_").lower(), _code(header.group(2)),
                              paired=_paired(header.group(2)))
            synset = None
            continue
        if stripped.startswith("---"):
            dictionary.problems.append((number, f"malformed verb block header: {stripped!r}"))
            block, synset = None, None
            continue
        if stripped.startswith("~"):  # PETRARCH2 transformation rules ("~ a (b . ATTACK) SAY = ...")
            dictionary.problems.append((number, f"transformation rule not supported, skipped: {stripped!r}"))
            continue
        if stripped.startswith("&"):
            synset = stripped.split()[0].rstrip("_").upper()
            dictionary.synsets.setdefault(synset, [])
            block = None
            continue
        if synset is not None and stripped.startswith("+"):
            dictionary.synsets[synset].append(stripped[1:].strip().upper())
            continue
        if block is None:
            dictionary.problems.append((number, f"line outside a verb block or synonym set: {stripped!r}"))
            continue
        if stripped.startswith("-"):
            codes = CODE.findall(stripped)
            if not codes:
                dictionary.problems.append((number, f"pattern without a [code]: {stripped!r}"))
                continue
            body = CODE.sub("", stripped[1:]).strip()
            if "*" not in body:
                dictionary.problems.append((number, f"pattern without the verb marker '*': {stripped!r}"))
                continue
            # A null code ("[---]") is kept: the pattern matches and blocks coding.
            block.patterns.append(_parse_pattern(body, _code(codes[0]), number, _paired(codes[0])))
            continue
        _read_verb_line(dictionary, block, stripped, number)
    for blocks in dictionary.lemmas.values():
        for item in blocks:
            item.patterns.sort(key=lambda p: -p.weight)
    for name, members in dictionary.synsets.items():
        split = []
        for member in members:
            words = [w.upper() for w in member.replace("_", " ").split() if w]
            if words and member.rstrip().endswith("_") and not words[-1].startswith("&"):
                words[-1] += "_"
            if words:
                split.append(tuple(words))
        dictionary.members[name] = split
    return dictionary


def _read_verb_line(dictionary: VerbDictionary, block: VerbBlock, line: str, number: int) -> None:
    codes = CODE.findall(line)
    own_code = _code(codes[0]) if codes else None
    line = CODE.sub("", line)
    forms_text = ""
    if "{" in line:
        if "}" not in line:
            dictionary.problems.append((number, f"unclosed {{ in verb line: {line!r}"))
            return
        line, _, rest = line.partition("{")
        forms_text = rest.split("}")[0]
    words = line.split()
    if not words:
        dictionary.problems.append((number, f"empty verb line: {line!r}"))
        return
    if len(words) > 1:  # "LASH OUT": read as LASH_OUT, a verb with its particle
        dictionary.problems.append((number, f"multi-word verb without '_' read as joined: {line.strip()!r}"))
    word = "_".join(words).strip("_")
    parts = [p for p in word.split("_") if p]
    if not parts:
        dictionary.problems.append((number, f"empty verb: {line!r}"))
        return
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    head_index = marked[0] if marked else 0
    verb = parts[head_index].lstrip("+").lower()
    rest_words = tuple(p.lstrip("+").upper() for p in parts[head_index + 1:])
    target = block if own_code is None else VerbBlock(block.name, own_code, block.patterns)
    before_words = tuple(p.lstrip("+").upper() for p in parts[:head_index])
    own_paired = _paired(codes[0]) if codes else None
    entry = VerbEntry(verb, before_words, rest_words, own_code, own_paired, block, number)
    dictionary.entries.setdefault(verb, []).append(entry)
    for form in regular_forms(verb):
        dictionary.surface.setdefault(form, set()).add(verb)
    dictionary.lemmas.setdefault(verb, [])
    if target not in dictionary.lemmas[verb]:
        dictionary.lemmas[verb].append(target)
    if rest_words:
        dictionary.particles.setdefault(verb, []).append((rest_words, own_code or block.code))
    for form in forms_text.split():
        form_parts = [p for p in form.strip("_").split("_") if p]
        form_marked = [p for p in form_parts if p.startswith("+")]
        head = (form_marked[0] if form_marked else form_parts[0]).lstrip("+").lower() if form_parts else ""
        if head:
            dictionary.forms[head] = verb
            dictionary.surface.setdefault(head, set()).add(verb)


def construction(dictionary: VerbDictionary, name: str) -> Construction:
    """The dictionary as one construction of the event grammar: its anchor is any verb or
    auxiliary whose form or lemma the dictionary lists (``pactwatch.nlp.grammar.engine``); the act
    ``petrarch`` then reads the verb's entries and patterns (``petrarch_match``)."""
    from pactwatch.nlp.grammar.engine import Construction

    words = sorted(set(dictionary.surface) | set(dictionary.entries))
    return Construction(
        name=name, family="events", act="petrarch",
        pattern=({"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]},
                                                      "_": {"forms": {"INTERSECTS": words}}}},),
        assigns={"source": "the pattern's $ or the subject of verb", "target": "the pattern's + or a complement",
                 "codes": "the heaviest matching pattern's, else the verb line's or block's"},
        why=f"a user's PETRARCH verb dictionary ({Path(dictionary.path).name}): its verbs anchor its patterns")
