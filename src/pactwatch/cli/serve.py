"""``pactwatch serve``: the JSON API and the web page over one database, with uvicorn."""

from __future__ import annotations

import json
import os

import click

from pactwatch.cli.context import AppContext, pass_app

TOKEN_ENV = "PACTWATCH_INGEST_TOKEN"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free).")
@click.option("--db", "db_url", default=None, metavar="URL", help="Database (overrides the global --db).")
@click.option("--ingest-token-file", type=click.Path(exists=True, dir_okay=False), default=None, metavar="FILE",
              help=f"Enable POST /api/ingest for requests with the bearer token in FILE (or set ${TOKEN_ENV}).")
@click.option("--ingest-token", default=None, metavar="TOKEN",
              help="Deprecated: a token on the command line is visible to every user in ps; use"
                   f" --ingest-token-file or ${TOKEN_ENV}.")
@click.option("--max-upload-mb", default=10, show_default=True, type=click.IntRange(1, 1024),
              help="Largest upload accepted by /api/ingest.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow this origin to call the API from a browser (repeatable; none by default).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (reads scale with cores; each process has its own connection pool).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@pass_app
def serve(app: AppContext, host: str, port: int, db_url: str | None, ingest_token_file: str | None,
          ingest_token: str | None, max_upload_mb: int, cors_origins: tuple[str, ...], workers: int,
          log_level: str) -> None:
    """Serve the HTTP API under /api/ and the web page at / (Ctrl-C stops)."""
    import uvicorn

    from pactwatch.api import create_app
    from pactwatch.api.app import SERVE_ENV
    from pactwatch.store import open_database

    token = read_token(ingest_token_file, ingest_token)
    url = db_url or app.url
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: the API is reachable from other machines", err=True)
    click.echo(f"pactwatch serving {db_url or app.url} on http://{host}:{port}/"
               f" (ingest {'enabled' if token else 'disabled'})", err=True)
    if workers == 1:
        web = create_app(url, ingest_token=token, max_upload_bytes=max_upload_mb * 1024 * 1024,
                         cors_origins=list(cors_origins))
        uvicorn.run(web, host=host, port=port, log_level=log_level, server_header=False)
        return
    open_database(url).close()  # migrate once here, before the workers open the database
    os.environ.update({SERVE_ENV["db"]: url, SERVE_ENV["token"]: token or "",
                       SERVE_ENV["max_upload"]: str(max_upload_mb * 1024 * 1024),
                       SERVE_ENV["cors"]: json.dumps(list(cors_origins))})
    uvicorn.run("pactwatch.api.app:app_from_environment", factory=True, workers=workers, host=host,
                port=port, log_level=log_level, server_header=False)


def read_token(token_file: str | None, token_flag: str | None) -> str | None:
    """The ingest token: from a file (first line), else the environment, else the deprecated flag."""
    if token_file:
        with open(token_file, encoding="utf-8") as handle:
            token = handle.readline().strip()
        if not token:
            raise click.UsageError(f"{token_file}: the token file is empty")
        return token
    if token_flag:
        click.echo(f"warning: --ingest-token is deprecated (the token is visible in ps); use --ingest-token-file"
                   f" or ${TOKEN_ENV}", err=True)
        return token_flag
    return os.environ.get(TOKEN_ENV) or None


COMMANDS = [serve]
