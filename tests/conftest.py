"""Shared fixtures: the ../shared test material, a fresh database, the CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def require_shared(*parts: str) -> Path:
    """Path under ../shared; skip when it is absent, but fail on CI (CI=true) where it must exist."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"shared test material not found: {path}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture
def shared_dir() -> Path:
    return require_shared()


@pytest.fixture
def seed_path() -> Path:
    return require_shared("seeds", "000_018b8fec1f9a9e1f.txt")


def _require_postgres() -> str:
    base = os.environ.get("PACTWATCH_TEST_PG")
    if not base:
        reason = "PACTWATCH_TEST_PG is not set (make test starts a PostgreSQL server and sets it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return base


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh, empty database on each backend: storage, CLI and API tests run on both."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite'}"
        return
    import uuid

    import psycopg

    base = _require_postgres()
    name = f"pactwatch_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db(db_url: str):
    from pactwatch.store import open_database

    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
