"""A résumé chosen on an apply form that was sent back with an error, kept so it need not be chosen
again.

Browsers clear a file field whenever the page is shown again, so after a mistake in another field
the applicant would have to find the file a second time. The portal keeps the checked file in
storage under a random name for ``KEEP_SECONDS`` and gives the page a signed token naming it; the
next submission of the page uses it unless a new file is chosen. Kept files older than that are
removed when another is kept, and the one used is removed once the application is in.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from talentdrive.pipeline.intake import ResumeUpload

KEEP_SECONDS = 60 * 60
_FOLDER = "kept-uploads"
_SALT = "talentdrive.portal.kept-resume"


def resume_keep(resume: ResumeUpload) -> str:
    """Store the file and answer the token a page carries to use it again."""
    _sweep()
    key = uuid.uuid4().hex
    default_storage.save(f"{_FOLDER}/{key}", ContentFile(resume.content))
    return signing.dumps({"k": key, "n": resume.filename}, salt=_SALT)


def resume_kept(token: str) -> ResumeUpload | None:
    """The file a token names, or None when the token is forged, too old, or its file is gone."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=_SALT, max_age=KEEP_SECONDS)
    except signing.BadSignature:
        return None
    name = f"{_FOLDER}/{data.get('k', '')}"
    if not data.get("k") or not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as handle:
        return ResumeUpload(filename=str(data.get("n") or "resume"), content=handle.read())


def kept_filename(token: str) -> str:
    try:
        return str(signing.loads(token, salt=_SALT, max_age=KEEP_SECONDS).get("n") or "")
    except signing.BadSignature:
        return ""


def resume_kept_discard(token: str) -> None:
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return
    if data.get("k"):
        default_storage.delete(f"{_FOLDER}/{data['k']}")


def _sweep() -> None:
    if not default_storage.exists(_FOLDER):
        return
    cutoff = timezone.now() - dt.timedelta(seconds=KEEP_SECONDS)
    for name in default_storage.listdir(_FOLDER)[1]:
        path = f"{_FOLDER}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
        except FileNotFoundError:
            continue  # another request removed it first
