"""Docs checked by tests: every CLI verb has help text and a line in the README."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pactwatch.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
VERBS = sorted(main.commands)


def test_there_are_verbs():
    assert {"ingest", "articles", "show", "search", "quotes", "events", "allies", "eval"} <= set(VERBS)


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_help(verb):
    result = CliRunner().invoke(main, [verb, "--help"])
    assert result.exit_code == 0
    summary = main.commands[verb].get_short_help_str()
    assert len(summary) > 15, f"{verb} needs a real help text"


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_is_in_the_readme(verb):
    assert re.search(rf"^\| `{verb}\b", README, re.M), f"README's command table lacks {verb}"


def test_readme_keeps_the_two_commands():
    assert "make run" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
