"""Issue 12 item 16: publication dates printed in datelines, US timestamps and glued labels; a
closing bullet list of the article's own points (texts invented for these tests)."""

from __future__ import annotations

from datetime import datetime

import pytest

from pactwatch.ingest.text import parse_text

BODY = "Norway and Sweden signed a fisheries pact on Thursday, officials said."


@pytest.mark.parametrize("first,published", [
    ("Oslo, 3 March 2022 (NTB) – Norway and Sweden signed a fisheries pact on Thursday.", datetime(2022, 3, 3)),
    ("OSLO, March 3, 2022 — Norway and Sweden signed a fisheries pact on Thursday.", datetime(2022, 3, 3)),
    ("Tromsø, Norway, 14 Feb. 2023 (Reuters) - Fishing boats stayed in port.", datetime(2023, 2, 14)),
    ("ACCRA, Ghana, Jan 9, 2024: Ghana and Togo agreed on joint patrols.", datetime(2024, 1, 9)),
])
def test_a_full_date_in_the_dateline_is_the_publication_date(first: str, published: datetime) -> None:
    parsed = parse_text(f"Neighbours agree on the sea\n{first}\nA second paragraph follows here.\n")
    assert parsed.published == published
    assert parsed.paragraphs[0] == first  # the dateline stays in the text: evidence quotes it


def test_a_dateline_without_a_year_or_after_a_printed_date_changes_nothing() -> None:
    assert parse_text(f"Neighbours agree\nMANILA, July 8 (Jiji Press)--{BODY}\n").published is None
    printed = parse_text(f"Neighbours agree\nPublished: 5 March 2022\nOslo, 3 March 2022 (NTB) – {BODY}\n")
    assert printed.published == datetime(2022, 3, 5)
    assert parse_text(f"Neighbours agree\nOslo said on 3 March 2022 that {BODY}\n").published is None


@pytest.mark.parametrize("line,published", [
    ("3/4/2022 9:15:02 AM", datetime(2022, 3, 4, 9, 15, 2)),
    ("11/30/2023 4:05 PM", datetime(2023, 11, 30, 16, 5)),
    ("12/1/2023, 10:00:00 p.m.", datetime(2023, 12, 1, 22, 0)),
    ("14/3/2022 19:15:02", datetime(2022, 3, 14, 19, 15, 2)),  # a 24-hour clock: day first, as configured
    ("Fri 4 Mar 2022 10.05 GMT", datetime(2022, 3, 4, 10, 5)),  # abbreviated weekday names
    ("Tue, 12 Sep 2023", datetime(2023, 9, 12)),
    ("Wed 5 July 2023 08:30 BST", datetime(2023, 7, 5, 8, 30)),
])
def test_timestamp_lines_under_the_headline(line: str, published: datetime) -> None:
    parsed = parse_text(f"Neighbours agree on the sea\n{line}\n{BODY}\n")
    assert parsed.published == published
    assert parsed.paragraphs == [BODY]


@pytest.mark.parametrize("line,kind,moment", [
    ("POSTED ONMarch 4, 2022", "published", datetime(2022, 3, 4)),
    ("PUBLISHED ON:March 4, 2022", "published", datetime(2022, 3, 4)),
    ("UPDATED ONMarch 4, 2022 9:15 AM", "modified", datetime(2022, 3, 4, 9, 15)),
    ("Updated 9:15 AM EST, Fri March 4, 2022", "modified", datetime(2022, 3, 4, 9, 15)),
])
def test_labels_glued_to_their_value_and_update_lines(line: str, kind: str, moment: datetime) -> None:
    parsed = parse_text(f"Neighbours agree on the sea\n{line}\n{BODY}\n")
    assert getattr(parsed, kind) == moment
    assert parsed.paragraphs == [BODY]


def test_closing_bullets_written_as_sentences_stay_in_the_body() -> None:
    text = (f"Neighbours agree on the sea\n{BODY}\nOfficials listed the main points of the pact.\n"
            "- Joint patrols in the Barents Sea will start in May, the ministry said.\n"
            "- Sweden will host a new command centre near the border from next year.\n")
    parsed = parse_text(text)
    assert parsed.related_headlines == []
    assert parsed.paragraphs[-1] == "- Sweden will host a new command centre near the border from next year."


def test_closing_headlines_are_still_related_headlines() -> None:
    text = (f"Neighbours agree on the sea\n{BODY}\nThe pact runs for ten years, the ministry said.\n"
            "Talks on a second pact, on oil, are due in the autumn.\n"
            "- Harbour workers in Bergen end strike\n- Storm closes mountain roads in the north\n"
            "- Opinion: what the pact means for the fleet\n")
    parsed = parse_text(text)
    assert parsed.related_headlines == ["Harbour workers in Bergen end strike",
                                        "Storm closes mountain roads in the north",
                                        "Opinion: what the pact means for the fleet"]
    assert parsed.paragraphs == [BODY, "The pact runs for ten years, the ministry said.",
                                 "Talks on a second pact, on oil, are due in the autumn."]
