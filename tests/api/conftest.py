"""One database for the API tests: the fixture corpus (and the seed when ../shared has it)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

with warnings.catch_warnings():  # starlette's notice about httpx2; the client works as documented
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from pactwatch.api import create_app
from pactwatch.store import open_database
from tests.api.corpus import annotate_corpus, ingest_files, write_corpus
from tests.conftest import SHARED

SEED = SHARED / "seeds" / "000_018b8fec1f9a9e1f.txt"
TOKEN = "test-token-7f3a"


@dataclass(frozen=True)
class ApiDb:
    url: str
    ids: dict[str, int]


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> ApiDb:
    folder = tmp_path_factory.mktemp("api")
    paths = write_corpus(folder / "in")
    if SEED.exists():
        paths.append(SEED)
    url = f"sqlite:///{folder / 'api.sqlite'}"
    db = open_database(url)
    try:
        summary = ingest_files(db, paths)
        assert not summary.failures, summary.lines()
        ids = annotate_corpus(db, with_seed=SEED.exists())
    finally:
        db.close()
    return ApiDb(url, ids)


@pytest.fixture(scope="module")
def client(api_db: ApiDb) -> Iterator[TestClient]:
    with TestClient(create_app(api_db.url), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writable_app_url(tmp_path) -> str:
    """A fresh database per test, for tests that ingest or break things."""
    return f"sqlite:///{tmp_path / 'rw.sqlite'}"
