"""Whatever an integration or a robot sends to the apply endpoint, the answer is never a 500."""

from __future__ import annotations

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentdrive.pipeline.models import Application
from tests.factories import docx_bytes, pdf_bytes

FIELDS = [
    "full_name",
    "email",
    "phone",
    "consent",
    "consent_version",
    "school",
    "degree",
    "graduation_date",
    "preferred_cities",
    "referral_code",
    "source",
    "website",
    "language",
]
text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            "true",
            "on",
            "2026-09",
            "li@example.com",
            "13800138000",
            "2027-06-30",
            "beijing",
            "master",
            "kiosk",
            "x" * 300,
            "\x00",
            "1900-01-01",
            "9999-99-99",
        ]
    ),
)
files = st.one_of(
    st.none(),
    st.tuples(
        st.sampled_from(
            ["cv.pdf", "cv.docx", "cv.txt", "cv.exe", "cv", "简历.pdf", "../../etc/passwd.pdf", ".pdf"]
        ),
        st.one_of(
            st.binary(max_size=2048),
            st.just(pdf_bytes()),
            st.just(docx_bytes()),
            st.just(b"%PDF-1.4 truncated"),
            st.just(b"PK\x03\x04 not really a zip"),
            st.just("正文 text".encode("gb18030")),
        ),
    ),
)
header = st.one_of(
    st.none(), st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), max_size=120)
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.dictionaries(st.sampled_from(FIELDS), text, max_size=len(FIELDS)),
    upload=files,
    key=header,
)
def test_apply_endpoint_never_fails_with_a_server_error(
    client, requisition, settings_rates, data, upload, key
):
    cache.clear()
    payload = dict(data)
    if upload is not None:
        payload["resume"] = SimpleUploadedFile(upload[0], upload[1])
    headers = {"Idempotency-Key": key} if key is not None else {}
    before = Application.objects.count()
    response = client.post(f"/api/public/requisitions/{requisition.pk}/apply", payload, headers=headers)
    assert response.status_code < 500
    if response.status_code >= 400:
        assert Application.objects.count() == before
        assert "code" in response.json()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.binary(max_size=1024),
    content_type=st.sampled_from(
        ["multipart/form-data; boundary=xyz", "multipart/form-data", "application/json", "text/plain", ""]
    ),
)
def test_malformed_bodies_are_refused_not_crashed(client, requisition, settings_rates, raw, content_type):
    cache.clear()
    response = client.generic(
        "POST", f"/api/public/requisitions/{requisition.pk}/apply", data=raw, content_type=content_type
    )
    assert response.status_code < 500
    assert Application.objects.count() == 0


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.dictionaries(st.sampled_from([*FIELDS, "submission_key"]), text, max_size=len(FIELDS) + 1),
    upload=files,
)
def test_portal_form_never_fails_with_a_server_error(
    client, campus_requisition, settings_rates, data, upload
):
    cache.clear()
    payload = dict(data)
    if upload is not None:
        payload["resume"] = SimpleUploadedFile(upload[0], upload[1])
    before = Application.objects.count()
    response = client.post(f"/zh-hans/jobs/{campus_requisition.pk}/apply/", payload)
    assert response.status_code < 500
    if response.status_code != 302:
        assert Application.objects.count() == before
