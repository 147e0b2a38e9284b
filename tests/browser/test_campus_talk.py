"""A campus talk end to end in a real browser: a student registers in Chinese on a phone, the ticket
email carries a QR code, a recruiter's phone opens the check-in page from it and checks the student in
(a second scan says so), the student applies, and the application shows the talk as its source."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import zxingcpp
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from PIL import Image

from talentdrive.accounts.models import Role
from talentdrive.campus.models import TalkAttribution, TalkRegistration
from talentdrive.pipeline.models import Application, Source
from tests.browser.conftest import keep_screenshot
from tests.campus.test_talks import make_talk
from tests.factories import make_requisition, make_staff, pdf_bytes

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
PASSWORD = "door-keeper-pass-123"


@pytest.fixture
def season(drive, team, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()
    recruiter = make_staff(Role.RECRUITER, username="door", password=PASSWORD, teams=[team])
    start = timezone.now() + dt.timedelta(days=2)
    talk = make_talk(
        drive,
        recruiter,
        school="浙江大学",
        title_en="AI hiring drive: campus talk",
        title_zh="AI 人才招聘宣讲会",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        venue="紫金港校区 东一报告厅",
        capacity=200,
        livestream_url="https://live.example.com/zju-2026",
    )
    requisition = make_requisition(
        drive=drive,
        team=team,
        channel="campus",
        area="multimodal-understanding",
        city="hangzhou",
        external_id="HZ-CAMPUS-MM",
        title_en="Multimodal understanding engineer (campus)",
        title_zh="多模态理解算法工程师（校招）",
        level="graduate",
        recruiters=[recruiter],
    )
    yield talk, requisition, recruiter
    cache.clear()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_register_check_in_apply_and_the_talk_is_the_source(
    live_server, browser, artifacts, season, tmp_path
):
    talk, requisition, recruiter = season
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(pdf_bytes(text="Wang Fang - multimodal vision-language models - master student"))

    def shot(page, step):
        keep_screenshot(page, str(artifacts / f"campus-talk-{step}.png"))

    student = browser.new_context(**PHONE, locale="zh-CN")
    door = browser.new_context(**PHONE, locale="zh-CN")
    try:
        # The student finds the talk in Chinese and registers on their phone
        page = student.new_page()
        page.set_default_timeout(15_000)
        page.goto(live_server.url + "/campus-talks/")
        page.wait_for_url(re.compile(r"/zh-hans/campus-talks/$"))
        assert page.locator("h1").inner_text() == "校园宣讲会"
        card = page.locator(f"#talk-{talk.pk}")
        assert "AI 人才招聘宣讲会" in card.inner_text() and "紫金港校区" in card.inner_text()
        shot(page, "1-list")
        card.locator("a.button").click()
        page.wait_for_url(re.compile(rf"/zh-hans/campus-talks/{talk.pk}/register/$"))
        page.fill("#id_full_name", "王芳")
        page.fill("#id_email", "wang.fang@example.edu")
        page.fill("#id_school", "浙江大学")
        page.fill("#id_graduation_year", str(timezone.localdate().year + 1))
        # no consent first: the form says so and keeps what was typed
        page.click("form.apply button[type='submit']")
        page.locator("#consent-error").wait_for()
        assert page.input_value("#id_full_name") == "王芳"
        shot(page, "2-register-error")
        page.check("#id_consent")
        page.click("form.apply button[type='submit']")
        page.wait_for_url(re.compile(r"/zh-hans/campus-talks/registered/"))
        assert page.locator("h1").inner_text() == "报名成功"
        shot(page, "3-registered")

        # The ticket email, in Chinese, with a QR code of the door's check-in page
        (message,) = mail.outbox
        assert message.to == ["wang.fang@example.edu"] and "AI 人才招聘宣讲会" in message.subject
        registration = TalkRegistration.objects.get()
        assert registration.ticket_code in message.body and "入场" in message.body
        name, png, mimetype = message.attachments[0]
        (found,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
        scanned = found.text
        assert scanned.startswith(live_server.url) and scanned.endswith(f"?code={registration.ticket_code}")

        # The recruiter's phone camera opens the address; after signing in the code is filled in
        desk = door.new_page()
        desk.set_default_timeout(15_000)
        desk.goto(scanned)
        desk.fill("#id_username", "door")
        desk.fill("#id_password", PASSWORD)
        desk.click("form button[type='submit']")
        desk.wait_for_url(re.compile(r"/check-in/\?code="))
        assert desk.input_value("#ticket-code") == registration.ticket_code
        desk.click("form.stack button[type='submit']")
        desk.locator("#check-in-result .success").wait_for()
        assert "王芳" in desk.locator("#check-in-result").inner_text()
        assert desk.evaluate("document.documentElement.scrollWidth") <= 390
        shot(desk, "4-checked-in")
        # the same ticket again (typed this time) says it was already checked in
        desk.fill("#ticket-code", registration.ticket_code.lower())
        desk.click("form.stack button[type='submit']")
        desk.locator("#check-in-result .warning").wait_for()
        shot(desk, "5-second-scan")
        registration.refresh_from_db()
        assert registration.checked_in_at is not None and registration.checked_in_by == recruiter

        # The student applies with the same email
        page.goto(live_server.url + f"/zh-hans/jobs/{requisition.pk}/apply/")
        page.fill("#id_full_name", "王芳")
        page.fill("#id_email", "wang.fang@example.edu")
        page.fill("#id_phone", "138 0013 8000")
        page.set_input_files("#id_resume", str(resume))
        page.fill("#id_school", "浙江大学")
        page.select_option("#id_degree", "master")
        page.select_option("#id_graduation_date_0", str(timezone.localdate().year + 1))
        page.select_option("#id_graduation_date_1", "6")
        page.check("#id_consent")
        page.click("form.apply button[type='submit']")
        page.wait_for_url(re.compile(r"/applied/"))
        shot(page, "6-applied")
        application = Application.objects.get(requisition=requisition)
        assert application.source == Source.CAMPUS_TALK
        assert TalkAttribution.objects.get(application=application).registration == registration

        # The application page shows the talk as the source
        desk.goto(live_server.url + f"/staff/applications/{application.pk}/")
        facts = desk.locator("#contact-title").locator("xpath=..").inner_text()
        assert "AI 人才招聘宣讲会" in facts and "已签到" in facts
        shot(desk, "7-application")
    finally:
        student.close()
        door.close()
