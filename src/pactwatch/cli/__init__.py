"""The ``pactwatch`` command: one verb per question a user asks.

Every module in this package that defines ``COMMANDS`` (a list of click commands) is picked up,
so a new verb is a new module. Exit codes: 0 success, 1 failure (or some inputs failed), 2 usage.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Any

import click

from pactwatch import __version__
from pactwatch.cli.context import AppContext
from pactwatch.errors import PactwatchError, UsageError


class PactwatchGroup(click.Group):
    """Turns domain errors into one stderr line and the documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)
        except PactwatchError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)
        except BrokenPipeError:
            sys.stderr.close()  # output piped into `head`: not an error
            ctx.exit(0)


@click.group(cls=PactwatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pactwatch")
@click.option(
    "--db", "db_url", envvar="PACTWATCH_DB", default=None, metavar="URL",
    help="Database: a file path or sqlite:///PATH (default ./pactwatch.sqlite, or $PACTWATCH_DB),"
    " or postgresql://USER@HOST/DB.",
)
@click.pass_context
def main(ctx: click.Context, db_url: str | None) -> None:
    """pactwatch reads international news and records who did what to whom, who said what,
    and who has pledged to defend whom — every fact linked to its sentence."""
    ctx.obj = AppContext(db_url)
    ctx.call_on_close(ctx.obj.close)


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            main.add_command(command)


_register_commands()
