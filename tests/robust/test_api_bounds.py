"""The API under junk: NUL in a parameter is a 400, ignored parameters do not defeat the read
cache, and the ingest token comes from a file or the environment, not the command line."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from pactwatch.api import create_app
from pactwatch.api.read_cache import ReadCacheMiddleware


@pytest.mark.parametrize("url", ["/api/articles?publisher=a%00b", "/api/search?q=%00", "/api/quotes?speaker=x%00",
                                 "/api/articles/1%00"])
def test_nul_in_the_url_is_a_400(db_url: str, url: str) -> None:
    with TestClient(create_app(db_url)) as client:
        answer = client.get(url)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "bad_request"


def test_junk_parameters_share_one_cache_entry(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'c.sqlite'}")
    with TestClient(app) as client:
        first = client.get("/api/articles?limit=5")
        for k in range(50):
            again = client.get(f"/api/articles?junk{k}={k}&limit=5&zz={'x' * k}")
            assert again.json() == first.json()
        cache = next(m for m in _middlewares(app) if isinstance(m, ReadCacheMiddleware))
        assert len(cache.entries) == 1
        client.get("/api/articles?limit=6")
        assert len(cache.entries) == 2  # a parameter the route reads is part of the key
        client.get("/api/no-such-route?x=1")
        assert len(cache.entries) == 2  # unknown paths are never cached


def _middlewares(app):  # the built middleware stack, outermost first
    layer = app.middleware_stack
    while layer is not None:
        yield layer
        layer = getattr(layer, "app", None)


def test_the_ingest_token_comes_from_a_file_or_the_environment(tmp_path: Path, runner, monkeypatch) -> None:
    from pactwatch.cli.serve import read_token

    token_file = tmp_path / "token"
    token_file.write_text("s3cret-from-file\n")
    assert read_token(str(token_file), None) == "s3cret-from-file"
    monkeypatch.setenv("PACTWATCH_INGEST_TOKEN", "from-env")
    assert read_token(None, None) == "from-env"
    empty = tmp_path / "empty"
    empty.write_text("\n")
    import click

    with pytest.raises(click.UsageError):
        read_token(str(empty), None)


def test_the_token_flag_still_works_but_warns(capsys) -> None:
    from pactwatch.cli.serve import read_token

    assert read_token(None, "on-the-command-line") == "on-the-command-line"
    assert "deprecated" in capsys.readouterr().err
