"""The apply page as a person fills it: a chosen résumé kept across an error, graduation as a year and a
month, and every description a screen reader announces pointing at an element that exists."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from talentdrive.pipeline.models import Application
from tests.factories import pdf_bytes
from tests.portal.test_apply import form_data


class _Ids(HTMLParser):
    """Every id on the page and every id that aria-describedby / label[for] refer to."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described: list[tuple[str, str]] = []
        self.label_for: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for ref in (values.get("aria-describedby") or "").split():
            self.described.append((values.get("name") or tag, ref))
        if tag == "label" and values.get("for"):
            self.label_for.append(values["for"])


def dangling_references(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    missing = [f"{name} → {ref}" for name, ref in parser.described if ref not in parser.ids]
    return missing + [f"label → {ref}" for ref in parser.label_for if ref not in parser.ids]


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_descriptions_point_at_elements_that_exist(client, campus_requisition, prefix):
    url = f"{prefix}/jobs/{campus_requisition.pk}/apply/"
    empty = client.get(url).content.decode()
    assert 'aria-describedby="id_phone_helptext"' in empty
    assert 'id="id_phone_helptext"' in empty
    assert dangling_references(empty) == []
    # with errors: each refused field is described by its help and its error
    errors = client.post(url, form_data(phone="12", school="", resume=None)).content.decode()
    assert re.search(
        r'name="phone"[^>]*aria-describedby="id_phone_helptext id_phone_error"', errors
    ) or re.search(r'aria-describedby="id_phone_helptext id_phone_error"[^>]*name="phone"', errors)
    assert 'id="id_phone_error"' in errors
    assert dangling_references(errors) == []


def test_the_staff_requisition_form_describes_its_fields_with_existing_ids(client, staff):
    client.force_login(staff["admin"])
    html = client.get(reverse("backoffice:requisition_new")).content.decode()
    assert "_helptext" in html
    assert dangling_references(html) == []
    refused = client.post(reverse("backoffice:requisition_new"), {"headcount": "0"}).content.decode()
    assert "_error" in refused
    assert dangling_references(refused) == []


def test_graduation_is_asked_as_year_and_month(client, campus_requisition):
    import datetime as dt

    campus_requisition.graduation_from = dt.date(2026, 9, 15)
    campus_requisition.graduation_to = dt.date(2027, 8, 31)
    campus_requisition.save()
    url = f"/jobs/{campus_requisition.pk}/apply/"
    html = client.get(url).content.decode()
    assert 'name="graduation_date_0"' in html and 'name="graduation_date_1"' in html
    assert 'type="date"' not in html
    zh = client.get("/zh-hans" + url).content.decode()
    assert "毕业时间（年份和月份）" in zh and "六月" in zh
    fields = {"school": "Zhejiang University", "degree": "master"}
    half = client.post(url, form_data(graduation_date_0="2027", graduation_date_1="", **fields))
    assert half.status_code == 400 and "Choose both the year and the month." in half.content.decode()
    # September 2026 overlaps a window that opens on the 15th: the month counts as inside it.
    ok = client.post(url, form_data(graduation_date_0="2026", graduation_date_1="9", **fields))
    assert ok.status_code == 302
    assert Application.objects.get().graduation_date == dt.date(2026, 9, 15)


def test_a_chosen_resume_is_kept_across_an_error_and_used(client, campus_requisition):
    url = f"/jobs/{campus_requisition.pk}/apply/"
    content = pdf_bytes(text="Wang Fang multimodal")
    resume = SimpleUploadedFile("wang-fang.pdf", content, content_type="application/pdf")
    # given a first attempt refused for another field
    first = client.post(
        url, form_data(resume=resume, school="", graduation_date="2027-06-30", degree="master")
    )
    assert first.status_code == 400
    html = first.content.decode()
    token = re.search(r'name="kept_resume" value="([^"]+)"', html).group(1)
    assert "We kept your resume “wang-fang.pdf”" in html
    assert Application.objects.count() == 0
    # when the person fixes it and sends again without choosing the file
    again = client.post(
        url,
        form_data(
            resume=None, kept_resume=token, school="Fudan", graduation_date="2027-06-30", degree="master"
        ),
    )
    # then the kept file is the application's résumé, and the kept copy is gone
    assert again.status_code == 302
    application = Application.objects.get()
    with application.resume.file.open("rb") as handle:
        assert handle.read() == content
    assert default_storage.listdir("kept-uploads")[1] == []


def test_a_forged_or_missing_kept_resume_asks_for_the_file(client, requisition):
    url = f"/jobs/{requisition.pk}/apply/"
    response = client.post(url, form_data(resume=None, kept_resume="forged:token"))
    assert response.status_code == 400
    assert 'id="id_resume_error"' in response.content.decode()
    assert Application.objects.count() == 0


def test_a_background_submission_is_sent_on_to_the_confirmation(client, requisition):
    response = client.post(f"/jobs/{requisition.pk}/apply/", form_data(), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "/applied/" in response["HX-Redirect"]
    html = client.get(f"/jobs/{requisition.pk}/apply/").content.decode()
    assert "hx-disabled-elt=\"find button[type='submit']\"" in html and "<progress" in html
