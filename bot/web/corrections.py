"""Staff corrections over HTTP: `/api/staff/corrections` (token-protected like the rest of the staff API).

A correction is checked (bot/corrections/model.py: a curated answer's numbers must all be in the clauses it
cites), stored with the answer it replaces, and applied at once (bot/corrections/desk.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, Response, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.corrections.desk import CorrectionDesk
from bot.corrections.model import Draft
from bot.web.schemas import ERRORS, CorrectionIn, CorrectionOut
from bot.web.staff import require_staff


def _desk(request: Request) -> CorrectionDesk:
    desk: CorrectionDesk = request.app.state.corrections
    return desk


def _draft(body: CorrectionIn, request: Request) -> Draft:
    """The body as a draft; its author, when the body names none, from the console's X-Staff-Name header."""
    author = body.author or request.headers.get("x-staff-name", "")
    return Draft.of(body.model_dump() | {"author": author})


corrections_api = APIRouter(
    prefix="/api/staff/corrections",
    tags=["staff"],
    dependencies=[Depends(require_staff)],
    responses=ERRORS | {401: ERRORS[400], 403: ERRORS[400]},
)


@corrections_api.post("", response_model=CorrectionOut, status_code=201, summary="Correct an answer")
def create(body: CorrectionIn, request: Request) -> dict[str, Any]:
    """Store a correction; it applies at once to the question and close rewordings of it. 422 says why a
    correction cannot be stored (for example a number the cited clauses do not hold)."""
    return _desk(request).add(_draft(body, request)).to_dict()


@corrections_api.get("", response_model=list[CorrectionOut], summary="The corrections in force")
def listing(request: Request) -> list[dict[str, Any]]:
    """Every correction, the most recently changed first."""
    return [c.to_dict() for c in _desk(request).store.all()]


@corrections_api.get("/export", summary="Export the corrections")
def export(request: Request) -> Response:
    """Every correction as a JSON-lines file (what /import reads)."""
    headers = {"Content-Disposition": 'attachment; filename="corrections.jsonl"'}
    return Response(_desk(request).export(), media_type="application/x-ndjson; charset=utf-8", headers=headers)


@corrections_api.post("/import", summary="Import corrections")
async def import_file(
    request: Request, file: Annotated[UploadFile, File(description="JSON lines, as /export writes them")]
) -> dict[str, int]:
    """Check every line and store them all (a question already corrected gets the new correction), or none:
    422 lists the lines that cannot be stored."""
    limit = request.app.state.settings.max_upload_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise StarletteHTTPException(413, f"the file is larger than {limit} bytes")
    author = request.headers.get("x-staff-name", "")
    return await run_in_threadpool(_desk(request).import_, data.decode("utf-8", errors="replace"), author)


@corrections_api.get("/history", summary="Every change to the corrections")
def history(request: Request) -> list[dict[str, Any]]:
    """Who created, changed or removed which correction, when, with the correction before and after."""
    return _desk(request).store.history()


@corrections_api.get("/{correction_id}", response_model=CorrectionOut, summary="One correction")
def one(correction_id: int, request: Request) -> dict[str, Any]:
    """The correction and its history; 404 if there is none with this id."""
    desk = _desk(request)
    return desk.store.get(correction_id).to_dict() | {"history": desk.store.history(correction_id)}


@corrections_api.put("/{correction_id}", response_model=CorrectionOut, summary="Change a correction")
def change(correction_id: int, body: CorrectionIn, request: Request) -> dict[str, Any]:
    """Replace a correction's content (checked like a new one); 404 if there is none with this id."""
    return _desk(request).update(correction_id, _draft(body, request)).to_dict()


@corrections_api.delete("/{correction_id}", status_code=204, summary="Remove a correction")
def remove(correction_id: int, request: Request, author: Annotated[str, Query(max_length=80)] = "") -> Response:
    """Remove a correction (its history stays); 404 if there is none with this id. `author`: who removes it."""
    _desk(request).remove(correction_id, author or request.headers.get("x-staff-name", ""))
    return Response(status_code=204)
