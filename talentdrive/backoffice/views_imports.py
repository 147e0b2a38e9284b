"""Upload a plan or requisitions file: check it first (dry run), then import it.

The checked file waits under ``var/imports/`` (named by a random token kept in the session), so the
import writes exactly the bytes that were checked, without a second upload.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.forms import ImportForm
from talentdrive.plans import access as plans_access
from talentdrive.plans.importing import ImportReport, plan_import
from talentdrive.plans.selectors import drive_list

SESSION_KEY = "backoffice.pending_import"
# A checked file nobody imported within this time is removed at the next upload.
PENDING_MAX_AGE_SECONDS = 24 * 3600


def _pending_dir() -> Path:
    path = Path(settings.VAR_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _drive_choices() -> list[tuple[str, str]]:
    # The empty choice defers to the drive named in the file itself (its drive sheet or drive column).
    return [("", _("As named in the file"))] + [(drive.code, drive.name) for drive in drive_list()]


def _discard_stale() -> None:
    cutoff = time.time() - PENDING_MAX_AGE_SECONDS
    for path in _pending_dir().iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def _discard_pending(request: HttpRequest) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        (_pending_dir() / pending["token"]).unlink(missing_ok=True)


@staff_view(plans_access.plan_can_import)
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None, drives=_drive_choices())
    report: ImportReport | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        limit = int(str(settings.TALENTDRIVE["IMPORT_MAX_BYTES"]))
        content = upload.read(limit + 1)
        report = plan_import(
            kind=form.cleaned_data["kind"],
            filename=upload.name,
            content=content,
            drive_code=form.cleaned_data["drive"] or None,
            actor=request.user,  # type: ignore[arg-type]
            dry_run=True,
        )
        _discard_pending(request)
        _discard_stale()
        if report.ok:
            token = secrets.token_hex(16)
            (_pending_dir() / token).write_bytes(content)
            request.session[SESSION_KEY] = {
                "token": token,
                "kind": form.cleaned_data["kind"],
                "drive": form.cleaned_data["drive"],
                "filename": upload.name,
                "sha256": hashlib.sha256(content).hexdigest(),
            }
    context = {
        "nav": "import",
        "drives": _drive_choices()[1:],
        "form": form,
        "report": report,
        "pending": request.session.get(SESSION_KEY) if report is not None and report.ok else None,
    }
    return render(request, "backoffice/import.html", context)


@staff_view(plans_access.plan_can_import)
def import_commit(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return redirect("backoffice:import")
    pending = request.session.get(SESSION_KEY)
    path = _pending_dir() / pending["token"] if pending else None
    if not pending or path is None or not path.exists() or request.POST.get("token") != pending["token"]:
        messages.error(request, _("Nothing is waiting to be imported; upload the file again."))
        return redirect("backoffice:import")
    content = path.read_bytes()
    if hashlib.sha256(content).hexdigest() != pending["sha256"]:
        _discard_pending(request)
        messages.error(request, _("The checked file changed on the server; upload it again."))
        return redirect("backoffice:import")
    report = plan_import(
        kind=pending["kind"],
        filename=pending["filename"],
        content=content,
        drive_code=pending["drive"] or None,
        actor=request.user,  # type: ignore[arg-type]
        dry_run=False,
    )
    _discard_pending(request)
    if report.ok:
        messages.success(request, report.summary())
    form = ImportForm(drives=_drive_choices(), initial={"kind": pending["kind"], "drive": pending["drive"]})
    context = {"nav": "import", "drives": _drive_choices()[1:], "form": form, "report": report}
    return render(request, "backoffice/import.html", context)
