from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION
from talentdrive.pipeline.models import Application
from tests.factories import docx_bytes, pdf_bytes


def form_data(**changes):
    data = {
        "full_name": "Li Lei",
        "email": "li.lei@example.com",
        "phone": "138 0013 8000",
        "consent": "on",
        "consent_version": CURRENT_CONSENT_VERSION,
        "submission_key": "abc123",
        "source": "campus_talk",
        "preferred_cities": ["beijing", "shanghai"],
        "resume": SimpleUploadedFile("cv.pdf", pdf_bytes(), content_type="application/pdf"),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_apply_creates_application_redirects_to_confirmation_and_emails_status_link(client, requisition):
    response = client.post(f"/jobs/{requisition.pk}/apply/", form_data())
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.source == "campus_talk"
    assert application.preferred_cities == ["beijing", "shanghai"]
    page = client.get(response["Location"])
    assert "Application received" in page.content.decode()
    assert requisition.title_en in page.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["li.lei@example.com"]
    assert "Your application" in message.subject
    link = re.search(r"http://testserver(/status/\S+/)", message.body).group(1)
    status = client.get(link)
    assert status.status_code == 200
    assert requisition.title_en in status.content.decode()


def test_chinese_applicant_gets_chinese_email_and_link(client, requisition):
    response = client.post(f"/zh-hans/jobs/{requisition.pk}/apply/", form_data())
    assert response.status_code == 302
    message = mail.outbox[0]
    assert requisition.title_zh in message.subject
    assert "/zh-hans/status/" in message.body
    assert Application.objects.get().language == "zh-hans"


def test_double_submission_of_one_form_makes_one_application_and_one_email(client, requisition):
    first = client.post(f"/jobs/{requisition.pk}/apply/", form_data())
    second = client.post(f"/jobs/{requisition.pk}/apply/", form_data())
    assert first.status_code == second.status_code == 302
    assert Application.objects.count() == 1
    assert len(mail.outbox) == 1


def _without_tokens(response) -> str:
    """The page without what differs between two renders of it: CSRF tokens and signed addresses."""
    page = re.sub(r'(csrfmiddlewaretoken" value|csrf-token" content)="[^"]*"', "", response.content.decode())
    return re.sub(r"/applied/[^/\"]+/", "/applied/…/", page)


def test_the_same_form_sent_twice_is_one_application_but_another_persons_is_their_own(client, requisition):
    url = f"/jobs/{requisition.pk}/apply/"
    # given: one person submits, then sends the same page again (a double click)
    assert client.post(url, form_data()).status_code == 302
    assert client.post(url, form_data()).status_code == 302
    assert Application.objects.count() == 1

    # when: the next student at the same computer goes Back and sends the page with their own details
    second = client.post(
        url, form_data(full_name="Han Meimei", email="han.meimei@example.com", phone="139 0013 9001")
    )

    # and sends it once more (a double click)
    again = client.post(
        url, form_data(full_name="Han Meimei", email="han.meimei@example.com", phone="139 0013 9001")
    )

    # then: theirs is a new application, repeated the second time, and the first one is untouched
    assert second.status_code == again.status_code == 302
    # the same page (the signed address carries the second it was signed in, so it is left out)
    assert _without_tokens(client.get(second["Location"])) == _without_tokens(client.get(again["Location"]))
    assert second["Location"].split(":")[0] == again["Location"].split(":")[0]  # the same application
    assert sorted(Application.objects.values_list("candidate__email", flat=True)) == [
        "han.meimei@example.com",
        "li.lei@example.com",
    ]
    assert mail.outbox[-1].to == ["han.meimei@example.com"]


def test_reapplying_answers_exactly_as_a_first_application_and_tells_only_the_address(client, requisition):
    # given: a person applied and has since moved to an offer
    first = client.post(f"/jobs/{requisition.pk}/apply/", form_data(), follow=True)
    Application.objects.update(stage="offer")

    # when: someone who knows the address applies again with it
    again = client.post(f"/jobs/{requisition.pk}/apply/", form_data(submission_key="another"), follow=True)

    # then: the page is word for word the first one's (the signed link to it carries the second it was
    # signed in); only the email to the address on file says more
    def unsigned(response) -> str:
        return re.sub(r"/applied/[^/\"]+/", "/applied/…/", response.content.decode())

    assert unsigned(again) == unsigned(first)
    page = again.content.decode()
    assert "already" not in page and "offer" not in page.lower()
    assert Application.objects.count() == 1
    assert "already applied" in mail.outbox[-1].body


def test_errors_keep_typed_values_and_name_the_field(client, requisition):
    response = client.post(
        f"/jobs/{requisition.pk}/apply/",
        form_data(phone="12", resume=SimpleUploadedFile("cv.pdf", b"not a pdf at all")),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Li Lei"' in html
    assert 'value="li.lei@example.com"' in html
    assert 'id="id_phone_error"' in html
    assert "content does not match its name" in html
    assert Application.objects.count() == 0


def test_errors_are_in_the_candidates_language(client, requisition):
    response = client.post(f"/zh-hans/jobs/{requisition.pk}/apply/", form_data(full_name=None, consent=None))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'lang="zh-Hans"' in html
    assert "这个字段是必填项" in html  # the empty name, in Django's own catalogue
    assert "请勾选表示同意" in html  # the consent, in ours
    assert "Tick the box" not in html


def test_missing_consent_refuses(client, requisition):
    response = client.post(f"/jobs/{requisition.pk}/apply/", form_data(consent=None))
    assert response.status_code == 400
    assert Application.objects.count() == 0
    checkbox = re.search(r'<input type="checkbox" name="consent"[^>]*>', response.content.decode()).group(0)
    assert 'aria-invalid="true"' in checkbox


def test_a_stale_form_says_so_and_can_be_submitted_again(client, requisition):
    url = f"/jobs/{requisition.pk}/apply/"
    response = client.post(url, form_data(submission_key=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "This form has expired. Please check your details and submit it again." in html
    assert "Please correct the fields marked below." not in html
    assert Application.objects.count() == 0
    fresh = re.search(r'name="submission_key" value="([0-9a-f]{32})"', html).group(1)
    again = client.post(url, form_data(submission_key=fresh))
    assert again.status_code == 302
    assert Application.objects.count() == 1
    chinese = client.post(f"/zh-hans{url}", form_data(submission_key=""))
    assert "表单已过期" in chinese.content.decode()


def test_focus_ring_colour_has_enough_contrast_on_white():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "talentdrive/portal/static/portal/portal.css").read_text()
    colour = re.search(r"--focus:\s*#([0-9a-fA-F]{6})", css).group(1)

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    assert 1.05 / (luminance(colour) + 0.05) >= 3.0


def test_campus_role_requires_education(client, campus_requisition):
    response = client.post(f"/jobs/{campus_requisition.pk}/apply/", form_data())
    assert response.status_code == 400
    assert 'id="id_school_error"' in response.content.decode()
    ok = client.post(
        f"/jobs/{campus_requisition.pk}/apply/",
        form_data(school="Sun Yat-sen University", degree="master", graduation_date="2027-06-30"),
    )
    assert ok.status_code == 302
    assert Application.objects.get().school == "Sun Yat-sen University"


def test_docx_and_txt_resumes_are_accepted(client, requisition, drive, team):
    from tests.factories import make_requisition

    other = make_requisition(drive=drive, team=team, external_id="REQ-2")
    docx = SimpleUploadedFile("cv.docx", docx_bytes())
    assert client.post(f"/jobs/{requisition.pk}/apply/", form_data(resume=docx)).status_code == 302
    text = SimpleUploadedFile("cv.txt", "李雷 简历 PyTorch".encode())
    response = client.post(f"/jobs/{other.pk}/apply/", form_data(resume=text, submission_key="k2"))
    assert response.status_code == 302


def test_too_many_pages_is_refused(client, requisition, settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "RESUME_MAX_PAGES": 2}
    long_pdf = SimpleUploadedFile("cv.pdf", pdf_bytes(pages=3))
    response = client.post(f"/jobs/{requisition.pk}/apply/", form_data(resume=long_pdf))
    assert response.status_code == 400
    assert "more than 2 pages" in response.content.decode()


def test_honeypot_creates_nothing(client, requisition):
    response = client.post(f"/jobs/{requisition.pk}/apply/", form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert Application.objects.count() == 0
    assert mail.outbox == []


def test_csrf_is_enforced_on_the_real_form(requisition):
    browser = Client(enforce_csrf_checks=True)
    # without the token from the form: refused
    assert browser.post(f"/jobs/{requisition.pk}/apply/", form_data()).status_code == 403
    assert Application.objects.count() == 0
    # with the token the form carries: accepted
    page = browser.get(f"/jobs/{requisition.pk}/apply/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = browser.post(f"/jobs/{requisition.pk}/apply/", form_data(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert Application.objects.count() == 1


def test_per_email_rate_limit(client, requisition, settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "APPLY_RATE_PER_EMAIL": "2/h"}
    for n in range(2):
        client.post(f"/jobs/{requisition.pk}/apply/", form_data(submission_key=f"k{n}"))
    response = client.post(f"/jobs/{requisition.pk}/apply/", form_data(submission_key="k3"))
    assert response.status_code == 429


def test_per_ip_rate_limit(client, requisition, settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "APPLY_RATE_PER_IP": "1/m"}
    client.post(f"/jobs/{requisition.pk}/apply/", form_data())
    response = client.post(
        f"/jobs/{requisition.pk}/apply/", form_data(email="x@example.com", submission_key="z")
    )
    assert response.status_code == 429
    assert Application.objects.count() == 1


@pytest.mark.parametrize("status", ["paused", "closed"])
def test_closed_job_refuses_applications(client, requisition, status):
    requisition.status = status
    requisition.save()
    assert client.get(f"/jobs/{requisition.pk}/apply/").status_code == 410
    assert client.post(f"/jobs/{requisition.pk}/apply/", form_data()).status_code == 410
    assert Application.objects.count() == 0


def test_tampered_confirmation_link_is_not_found(client, requisition):
    response = client.post(f"/jobs/{requisition.pk}/apply/", form_data())
    location = response["Location"]
    assert client.get(location).status_code == 200
    assert client.get(location.rstrip("/") + "x/").status_code == 404


def test_campus_role_checks_the_graduation_window(client, campus_requisition):
    import datetime as dt

    campus_requisition.graduation_from = dt.date(2026, 9, 1)
    campus_requisition.graduation_to = dt.date(2027, 8, 31)
    campus_requisition.save()
    fields = {"school": "Sun Yat-sen University", "degree": "master"}
    early = client.post(
        f"/jobs/{campus_requisition.pk}/apply/", form_data(graduation_date="2024-06-30", **fields)
    )
    assert early.status_code == 400
    assert "from 2026-09 to 2027-08" in early.content.decode()
    assert Application.objects.count() == 0
    ok = client.post(
        f"/jobs/{campus_requisition.pk}/apply/", form_data(graduation_date="2027-06-30", **fields)
    )
    assert ok.status_code == 302


def test_email_is_plain_text_not_html_escaped(client, drive, team):
    from tests.factories import make_requisition

    job = make_requisition(drive=drive, team=team, external_id="AMP", title_en="R&D engineer <LLM>")
    client.post(f"/jobs/{job.pk}/apply/", form_data())
    message = mail.outbox[0]
    assert message.subject == "Your application: R&D engineer <LLM>"
    assert "R&D engineer <LLM>" in message.body


def test_mail_server_down_keeps_the_application_and_confirms(client, requisition, settings):
    settings.EMAIL_BACKEND = "tests.portal.failing_email.DownEmailBackend"
    response = client.post(f"/jobs/{requisition.pk}/apply/", form_data())
    assert response.status_code == 302
    assert Application.objects.count() == 1


def test_the_talent_pool_box_is_separate_optional_and_counts_only_for_a_new_person(client, requisition):
    from talentdrive.candidates.models import Candidate

    # given: the form shows the box unticked, apart from the required consent
    page = client.get(f"/jobs/{requisition.pk}/apply/").content.decode()
    assert 'name="talent_pool"' in page and 'name="talent_pool" id="id_talent_pool" checked' not in page
    # when a person applies without it, then someone else applies with it under the same address
    assert client.post(f"/jobs/{requisition.pk}/apply/", form_data()).status_code == 302
    assert Candidate.objects.get().talent_pool_consent_at is None
    again = form_data(submission_key="another", talent_pool="on")
    assert client.post(f"/jobs/{requisition.pk}/apply/", again).status_code == 302
    # then the box of someone who may not be the address's owner is not taken
    assert Candidate.objects.get().talent_pool_consent_at is None
    # and a new person who ticks it is kept for the pool
    newcomer = form_data(
        submission_key="third", talent_pool="on", email="han.meimei@example.com", phone="139 0013 9000"
    )
    assert client.post(f"/jobs/{requisition.pk}/apply/", newcomer).status_code == 302
    assert Candidate.objects.get(email="han.meimei@example.com").talent_pool_consent_at is not None
