"""``POST /api/ingest``: one uploaded file through the same code as ``pactwatch ingest``.

Off unless the server was given a token; then it needs ``Authorization: Bearer TOKEN``. The
token is checked before the body is read, and the body is counted as it arrives, so an
oversized upload is refused (413) without being stored anywhere first.
"""

from __future__ import annotations

import hmac
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Query, Request
from starlette.datastructures import UploadFile
from starlette.types import Message

from pactwatch.api.common import Json
from pactwatch.api.errors import ApiError

router = APIRouter(tags=["ingest"])

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class IngestConfig:
    token: str | None
    max_upload_bytes: int


class _TooLarge(Exception):
    pass


def check_token(request: Request, config: IngestConfig) -> None:
    if not config.token:
        raise ApiError(403, "ingest is disabled on this server (start it with --ingest-token)", "ingest_disabled")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="pactwatch"'}
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "missing bearer token: send Authorization: Bearer TOKEN", headers=challenge)
    if not hmac.compare_digest(given.strip().encode(), config.token.encode()):
        raise ApiError(403, "wrong token", "bad_token")


def safe_name(filename: str | None) -> str:
    """The upload's base name with only harmless characters (its extension helps format sniffing)."""
    name = _UNSAFE.sub("_", Path((filename or "").replace("\\", "/")).name).strip("._")[:120]
    return name or "upload"


def _limited(request: Request, limit: int) -> Request:
    """The same request, but reading more than ``limit`` body bytes raises _TooLarge."""
    seen = 0
    receive = request.receive

    async def counting_receive() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge()
        return message

    return Request(request.scope, counting_receive)


class _Annotated:
    """An engine that hands out annotations computed before the write lock was taken."""

    def __init__(self, by_hash: dict[str, Any]) -> None:
        self.by_hash = by_hash

    def run(self, batches: Any) -> Iterator[tuple[list[Any], list[Any]]]:
        for batch in batches:
            yield batch, [self.by_hash[a.content_hash] for a in batch]

    def close(self) -> None:
        pass


def too_large(limit: int) -> ApiError:
    return ApiError(413, f"upload larger than the limit of {limit} bytes")


@router.post("/ingest", response_class=Json, summary="Upload one news file to ingest (token required)",
             responses={401: {"description": "no token"}, 403: {"description": "disabled or wrong token"},
                        413: {"description": "too large"}})
async def ingest(
    request: Request,
    annotate: Annotated[bool, Query(description="Run the understanding steps (default true).")] = True,
) -> Json:
    config: IngestConfig = request.app.state.ingest
    check_token(request, config)
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "invalid Content-Length")
        if int(declared) > config.max_upload_bytes:
            raise too_large(config.max_upload_bytes)
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise ApiError(415, "send the file as multipart/form-data in a field named 'file'")
    limited = _limited(request, config.max_upload_bytes)
    try:
        form = await limited.form(max_files=1, max_fields=8)
    except _TooLarge:
        raise too_large(config.max_upload_bytes) from None
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(400, "no file: send it in a multipart field named 'file'")
        workdir = Path(tempfile.mkdtemp(prefix="pactwatch-upload-"))
        try:
            name = safe_name(upload.filename)
            target = workdir / name
            with open(target, "wb") as out:
                shutil.copyfileobj(upload.file, out, 1024 * 1024)
            summary = await anyio.to_thread.run_sync(
                _run_ingest, request.app.state, target, annotate, config.max_upload_bytes
            )
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    finally:
        await form.close()
    for failure in summary["failures"]:  # never show the server's temporary path
        failure["origin"] = failure["origin"].replace(str(workdir), "upload")
    summary["file"] = name
    return Json(summary)


def _run_ingest(state: Any, path: Path, annotate: bool, max_bytes: int) -> dict[str, Any]:
    """Read and annotate the upload with no lock held, then write it under the writer lock in
    one short transaction per article: reads never queue behind a slow parse."""
    # Imported here: ingesting pulls in the pipeline, which a read-only server never needs.
    from pactwatch.ingest import ReadOptions, read_all
    from pactwatch.pacts.graph import ensure_current
    from pactwatch.records import Article
    from pactwatch.service.ingest import IngestSummary, after_write, ingest_stream
    from pactwatch.store.articles import find_by_hash

    items = list(read_all([str(path)], ReadOptions(max_bytes=max_bytes)))  # bounded by the upload size
    hashes = [i.content_hash for i in items if isinstance(i, Article)]  # known ones are reported too
    with state.pool.reader() as db:
        known = {h for h in hashes if find_by_hash(db, h) is not None}
    todo = [i for i in items if isinstance(i, Article) and i.content_hash not in known]
    annotations: dict[str, Any] = {}
    if annotate and todo:
        engine = state.engine()
        for batch, found in engine.run([todo[k:k + 16] for k in range(0, len(todo), 16)]):
            annotations.update((a.content_hash, n) for a, n in zip(batch, found, strict=True))
    summary = IngestSummary()
    with state.pool.writer() as db:
        ingest_stream(db, iter(items), _Annotated(annotations) if annotate else None, summary)
        after_write(db, summary.stored)
        ensure_current(db)  # the commitment graph answers from the new reports at once
        ids = [find_by_hash(db, h) for h in hashes]
    return {
        "new": summary.new,
        "known": summary.known,
        "failed": len(summary.failures),
        "failures": [{"origin": f.origin, "reason": f.reason} for f in summary.failures],
        "article_ids": sorted({i for i in ids if i is not None}),
    }
