"""A résumé sent under someone else's address never becomes their profile until they confirm it."""

from __future__ import annotations

import json
import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION
from talentdrive.candidates.models import Candidate
from talentdrive.matching.fetch import iter_profiles, profiles_for
from talentdrive.matching.taxonomy_loader import get_taxonomy
from talentdrive.resumes.models import Resume
from tests.factories import make_requisition, pdf_bytes

VICTIM = "Li Lei - researcher - multimodal learning, vision-language models, PyTorch"
INTRUDER = "Zhang San - office software - Excel, PowerPoint, Word"


def body(text: str, **changes):
    data = {
        "full_name": "Li Lei",
        "email": "li.lei@example.com",
        "phone": "+86 139 0013 9000",
        "consent": "true",
        "consent_version": CURRENT_CONSENT_VERSION,
        "resume": SimpleUploadedFile("cv.pdf", pdf_bytes(text=text)),
    }
    return {**data, **changes}


def matched_text(candidate: Candidate) -> str:
    profile = next(p for p in iter_profiles(get_taxonomy()) if p.key == str(candidate.pk))
    few = profiles_for([candidate.pk], get_taxonomy())[str(candidate.pk)]
    assert few.text == profile.text
    return profile.text


def test_a_strangers_resume_is_kept_pending_until_the_address_owner_confirms_it(
    client, drive, team, requisition
):
    # given: a researcher applied with their own résumé
    other = make_requisition(drive=drive, team=team, external_id="REQ-2", title_en="Office assistant")
    client.post(f"/api/public/requisitions/{requisition.pk}/apply", body(VICTIM))
    victim = Candidate.objects.get()
    assert "multimodal" in matched_text(victim)

    # when: someone else applies to another job with the researcher's address and their own file
    answer = client.post(f"/api/public/requisitions/{other.pk}/apply", body(INTRUDER, full_name="Z"))

    # then: the file is stored with that application but is not the researcher's profile
    assert answer.status_code == 202
    pending = Resume.objects.get(candidate=victim, confirmed=False)
    assert pending.parse_status == "parsed" and "office software" in pending.text
    assert "multimodal" in matched_text(victim) and "office" not in matched_text(victim)
    export = client.get(f"/status/{status_token(mail.outbox[-1].body)}/data.json").json()
    assert [r["file_name"] for r in export["resumes"]] == ["cv.pdf"] and "multimodal" in json.dumps(export)
    assert "office software" not in json.dumps(export)
    assert "confirm it on your status page" in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["li.lei@example.com"]

    # when: the address's owner confirms the file from the link mailed to them
    token = status_token(mail.outbox[-1].body)
    assert "This is my résumé" in client.get(f"/status/{token}/").content.decode()
    assert client.get(f"/status/{token}/resumes/{pending.pk}/confirm/").status_code == 405
    assert client.post(f"/status/{token}/resumes/{pending.pk}/confirm/").status_code == 302

    # then: it is their newest résumé, used for matching and in their data
    assert Resume.objects.get(pk=pending.pk).confirmed
    assert "office software" in matched_text(victim)


def test_a_status_link_cannot_confirm_another_persons_resume(client, requisition):
    client.post(f"/api/public/requisitions/{requisition.pk}/apply", body(VICTIM))
    client.post(
        f"/api/public/requisitions/{requisition.pk}/apply",
        body(INTRUDER, email="z@example.com", phone="+86 139 0013 9001"),
    )
    theirs = Resume.objects.get(candidate__email="z@example.com")
    Resume.objects.filter(pk=theirs.pk).update(confirmed=False)
    token = status_token(mail.outbox[0].body)
    assert client.post(f"/status/{token}/resumes/{theirs.pk}/confirm/").status_code == 404
    assert not Resume.objects.get(pk=theirs.pk).confirmed


def status_token(email_body: str) -> str:
    return re.search(r"/status/([^/\s]+)/", email_body).group(1)
