"""Docs checked by tests: every CLI verb has help text, a line in the README and a section with its
output in the user guide; every command the guide shows parses; the README's example runs from a clone."""

from __future__ import annotations

import re
import shlex

import click
import pytest
from click.testing import CliRunner

from pactwatch.cli import main
from tests.conftest import ROOT, require_shared

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


# -- the user guide (docs/, rendered by MkDocs: `mkdocs build --strict` runs in `make test`) ------------

DOCS = ROOT / "docs"
GUIDE = {page.name: page.read_text(encoding="utf-8") for page in sorted(DOCS.glob("*.md"))}
GUIDE_ARTICLE = DOCS / "examples" / "france-greece-defence-pact.txt"


def console_commands(text: str) -> list[str]:
    """The ``$ pactwatch …`` lines of a page's ```console blocks (a ``| head -n N`` dropped)."""
    blocks = re.findall(r"^```console\n(.*?)^```", text, re.S | re.M)
    return [re.sub(r"\s*\|\s*head -n \d+\s*$", "", line[2:]) for b in blocks for line in b.splitlines()
            if line.startswith("$ ")]


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_a_section_with_real_output_in_the_guide(verb):
    section = re.search(rf"^## {verb}\n(.*?)(?=^## |\Z)", GUIDE["commands.md"], re.S | re.M)
    assert section, f"docs/commands.md lacks a '## {verb}' section"
    assert any(c.split()[1:2] == [verb] for c in console_commands(section.group(1))), \
        f"the {verb} section shows no `$ pactwatch {verb} …` with its output"


def parses(command: str) -> bool:
    """Whether a ``pactwatch …`` line names a real verb with real options (parsed, not run)."""
    argv = shlex.split(command)
    if argv[:1] != ["pactwatch"] or len(argv) < 2 or argv[1] not in main.commands:
        return False
    name, rest, command_ = argv[1], argv[2:], main.commands[argv[1]]
    if isinstance(command_, click.Group):
        if not rest or rest[0] not in command_.commands:
            return False
        name, rest, command_ = rest[0], rest[1:], command_.commands[rest[0]]
    try:
        command_.make_context(name, rest)
    except click.exceptions.Exit:  # --help
        return True
    except click.UsageError:
        return False
    return True


def test_the_command_checker_rejects_unknown_verbs_and_options():
    assert parses("pactwatch allies PRK --on 2025-01-01")
    assert not parses("pactwatch allies PRK --when 2025-01-01")
    assert not parses("pactwatch befriend PRK")


def test_every_guide_command_is_a_real_command_with_real_options():
    commands = [c for text in [README, *GUIDE.values()] for c in console_commands(text)]
    assert len(commands) >= 25
    assert [c for c in commands if not parses(c)] == []


def test_every_guide_page_is_in_the_navigation():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert {name for name in GUIDE if f" {name}" not in nav} == set()


def test_the_readme_example_works_from_a_plain_clone():
    first = console_commands(README)[0]
    assert first.startswith("pactwatch ingest ")
    for path in shlex.split(first)[2:]:
        assert not path.startswith(".."), f"the README's first example needs {path}, outside the clone"
        assert (ROOT / path).is_file(), path


def test_the_guide_article_is_written_in_our_own_words():
    from tests.test_examples import _pieces, find_copies

    shared = require_shared()
    paragraphs = GUIDE_ARTICLE.read_text(encoding="utf-8").splitlines()
    assert len(paragraphs) >= 6
    assert find_copies(_pieces(paragraphs), shared) == []
