"""Listings: names beside codes, widths from the terminal, --wide wraps, machine formats keep their shape."""

from __future__ import annotations

import csv
import io
import json

from pactwatch.cli.output import fit_widths, render

ROWS = [
    {"date": "2024-06-19", "source": "RUSGOV", "target": "PRK", "cameo_code": "057",
     "published": "2024-06-19T01:07:00",
     "sentence": "The two leaders signed a treaty that binds each to help the other if it is attacked."},
    {"date": "2024-06-20", "source": "CHNMIL", "target": "---", "cameo_code": "190",
     "published": "2024-06-20T09:00:00",
     "sentence": "Ships of the coast guard fired water cannon."},
]
COLUMNS = ["date", "source", "target", "cameo_code", "published", "sentence"]


def test_table_names_codes_and_leaves_a_missing_target_blank() -> None:
    text = render(ROWS, "table", COLUMNS, {"sentence": 90}, width=200)
    first, second = text.splitlines()[2:4]
    assert "RUSGOV Russia" in first and "PRK North Korea" in first and "057 Sign formal agreement" in first
    assert "CHNMIL China" in second and "---" not in second


def test_table_dates_are_days() -> None:
    text = render(ROWS, "table", COLUMNS, {"sentence": 90}, width=200)
    assert "2024-06-19T01" not in text and text.count("2024-06-19") == 2


def test_table_fits_the_terminal_and_cuts_text_first() -> None:
    text = render(ROWS, "table", COLUMNS, {"sentence": 90}, width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "…" in text and "RUSGOV" in text and "2024-06-19" in text


def test_wide_wraps_instead_of_cutting() -> None:
    text = render(ROWS, "table", COLUMNS, {"sentence": 90}, wide=True, width=80)
    assert "…" not in text
    words = " ".join(text.split())
    assert "help the" in words and "attacked." in words


def test_a_wide_terminal_shows_whole_sentences() -> None:
    text = render(ROWS, "table", COLUMNS, {"sentence": 40}, width=250)
    assert "binds each to help the other if it is attacked." in text


def test_json_adds_name_fields_and_keeps_the_rest() -> None:
    rows = json.loads(render(ROWS, "json"))
    assert rows[0]["source_name"] == "Russia, government" and rows[0]["cameo_name"] == "Sign formal agreement"
    assert rows[1]["target"] == "---" and rows[1]["target_name"] is None
    assert {k: v for k, v in rows[0].items() if not k.endswith("_name")} == ROWS[0]


def test_csv_puts_each_name_after_its_code() -> None:
    reader = csv.reader(io.StringIO(render(ROWS, "csv", COLUMNS)))
    header = next(reader)
    assert header[:7] == ["date", "source", "source_name", "target", "target_name", "cameo_code",
                          "cameo_name"]
    assert next(reader)[2] == "Russia, government"


def test_fit_widths_shrinks_text_before_codes_and_never_cuts_days() -> None:
    text, named, plain, day = 0, 1, 2, 3
    assert fit_widths([10, 20, 200], [day, named, text], 60) == [10, 18, 30]
    assert fit_widths([10, 20, 9, 200], [day, named, plain, text], 40) == [10, 12, 7, 8]
