"""The Phoenix/PETRARCH dictionary reader, on lines written here and on the shared samples."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.nlp.phoenix import DatedCode, parse_code_block, parse_date, parse_dictionary, read_dictionary
from tests.conftest import require_shared

SAMPLE = """\
<!-- a test dictionary
   spanning two lines -->
# comment line
ATLANTIS_  [ATL]  # inline comment
+ATLANTEAN
+LOST_CONTINENT_

POSEIDON_RULER_  # ruler of the island
+KING_POSEIDON
	[ATLGOV 900101-051231]
	[ATLELI]
NEREUS_
NEREUS_THE_ELDER
	[ATLGOV >20100601]
BROKEN_ENTRY [ATLGOV 2004017-20061201]
+ORPHANED_SYNONYM_WITHOUT_TROUBLE
TRITON_ [---]
STRAY_BRACKET [ATL
"""

AGENTS = """\
!PERSON! = MAN, MEN
FISHER!PERSON! [~AGR]
COAST_WARDEN {} [~COP]
SEA_LORD {SEA_LORDS_OF_OLD} [~MIL]
HARBOUR_TRUST [NGO~]
"""


def test_dates_and_code_blocks() -> None:
    assert parse_date("080508") == date(2008, 5, 8)
    assert parse_date("970101") == date(1997, 1, 1)
    assert parse_date("19950601") == date(1995, 6, 1)
    assert parse_code_block("RUSGOV >080508") == DatedCode("RUSGOV", start=date(2008, 5, 8))
    assert parse_code_block("HOB < 950601") == DatedCode("HOB", end=date(1995, 6, 1))
    assert parse_code_block("HOBGOV 19950601 - 19990815") == DatedCode("HOBGOV", date(1995, 6, 1), date(1999, 8, 15))
    with pytest.raises(ValueError):
        parse_code_block("USAGOV 010120-970101")  # ends before it starts
    with pytest.raises(ValueError):
        parse_date("2004017")


def test_actor_entries_synonyms_and_dated_codes() -> None:
    parsed = parse_dictionary(SAMPLE.splitlines(keepends=True), path="sample")
    by_name = {name: entry for entry in parsed.actors for name in entry.names}
    assert by_name["ATLANTIS"].codes == (DatedCode("ATL"),)
    assert by_name["ATLANTEAN"] is by_name["ATLANTIS"]
    assert "LOST CONTINENT" in by_name["ATLANTIS"].names
    ruler = by_name["KING POSEIDON"]
    assert ruler.code_on(date(2001, 3, 1)) == "ATLGOV"
    assert ruler.code_on(date(2010, 3, 1)) == "ATLELI"  # outside the range: the undated default
    # a plain name line directly after a code-less one is another name of the same actor
    assert by_name["NEREUS THE ELDER"] is by_name["NEREUS"]
    assert by_name["NEREUS"].code_on(date(2009, 1, 1)) is None
    assert by_name["NEREUS"].code_on(None) == "ATLGOV"
    assert by_name["TRITON"].codes == (DatedCode("---"),)


def test_malformed_lines_are_reported_with_line_numbers() -> None:
    parsed = parse_dictionary(SAMPLE.splitlines(keepends=True), path="sample")
    text = "\n".join(parsed.problems)
    assert "sample:15: bad date '2004017'" in text
    assert "sample:18: unbalanced brackets" in text


def test_agent_entries_macros_and_plurals() -> None:
    parsed = parse_dictionary(AGENTS.splitlines(keepends=True), path="agents")
    patterns = {name: agent.pattern for agent in parsed.agents for name in agent.names}
    assert patterns["FISHERMAN"] == "~AGR" and patterns["FISHERMEN"] == "~AGR"
    assert patterns["COAST WARDEN"] == "~COP" and "COAST WARDENS" not in patterns  # {} = no plural
    assert patterns["SEA LORDS OF OLD"] == "~MIL"
    assert patterns["HARBOUR TRUSTS"] == "NGO~"  # regular plural added by default
    assert parsed.problems == []


@pytest.mark.parametrize(
    "parts",
    [
        ("testdata", "events", "dictionaries", "Phoenix.MilNonState.actors.txt"),
        ("testdata", "events", "dictionaries", "Phoenix.International.actors.txt"),
        ("testdata", "events", "dictionaries", "Phoenix.agents.txt"),
        ("testdata", "events", "gold", "petrarch_unittest", "PETR.Validate.actors.txt"),
        ("testdata", "events", "gold", "petrarch_unittest", "PETR.Validate.agents.txt"),
    ],
)
def test_shared_dictionaries_parse(parts: tuple[str, ...]) -> None:
    path = require_shared(*parts)
    parsed = read_dictionary(path)
    assert len(parsed.actors) + len(parsed.agents) > 50
    # the samples are mostly clean: problems are a small fraction and name a line
    assert len(parsed.problems) < 0.05 * (len(parsed.actors) + len(parsed.agents))
    assert all(f"{path}:" in p for p in parsed.problems)


def test_shared_samples_give_the_conventional_codes() -> None:
    milnonstate = read_dictionary(require_shared("testdata", "events", "dictionaries", "Phoenix.MilNonState.actors.txt"))
    codes = {name: entry.code_on(date(2020, 1, 1)) for entry in milnonstate.actors for name in entry.names}
    assert codes["HEZBOLLAH"] == "LBNREB" and codes["HAMAS"] == "PSEREBHMS" and codes["TALIBAN"] == "AFGREB"
    validate = read_dictionary(require_shared("testdata", "events", "gold", "petrarch_unittest", "PETR.Validate.actors.txt"))
    gollum = next(e for e in validate.actors if "SMEAGOL" in e.names)
    assert gollum.code_on(date(1990, 1, 1)) == "HOB"
    assert gollum.code_on(date(1997, 1, 1)) == "HOBGOV"
    assert gollum.code_on(date(2001, 1, 1)) == "HOBREB"
    countries = read_dictionary(require_shared("testdata", "events", "dictionaries", "Phoenix.Countries.actors.txt"))
    putin = next(e for e in countries.actors if "VLADIMIR PUTIN" in e.names)
    assert putin.code_on(date(2024, 6, 19)) == "RUSGOV"
    assert putin.code_on(date(1995, 1, 1)) == "RUSELI"
