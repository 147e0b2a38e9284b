"""The offer letter in Chinese and English, from the editable template, as a PDF whose text reads back."""

from __future__ import annotations

import pypdfium2
import pytest
from django.core.exceptions import ValidationError

from talentdrive.offers.errors import OfferLetterFontMissing
from talentdrive.offers.letters import cjk_font_path, letter_pdf, letter_render
from talentdrive.offers.models import OfferLetterTemplate
from tests.offers.conftest import draft, sent

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.fixture
def font():
    try:
        return cjk_font_path()
    except OfferLetterFontMissing:
        pytest.skip("CJK font missing: apt-get install fonts-wqy-zenhei")


def test_a_chinese_letter(world, font):
    offer = sent(world)
    pdf = letter_pdf(title=offer.letter_title, text=offer.letter_text)
    text = _text(pdf)
    assert pdf.startswith(b"%PDF")
    assert "录用通知书" in text and "李雷" in text and "600,000" in text and "上海" in text


def test_an_english_letter(world, font):
    offer = sent(world, language="en")
    text = _text(letter_pdf(title=offer.letter_title, text=offer.letter_text))
    assert "Offer of employment" in text and "CNY 600,000" in text and "Shanghai" in text


def test_the_letter_as_sent_stays_when_the_template_changes(world):
    offer = sent(world)
    OfferLetterTemplate.objects.update(body_zh="新模板 {candidate_name}")
    assert letter_render(offer=offer)[1] == offer.letter_text
    assert letter_render(offer=draft(world, world.applicant(), language="zh-hans"))[1].startswith("新模板")


def test_a_template_with_an_unknown_placeholder_is_refused(world):
    template = OfferLetterTemplate.objects.get()
    template.body_en = "Dear {candidate_name}, your {password}"
    with pytest.raises(ValidationError) as refused:
        template.full_clean()
    assert "body_en" in refused.value.message_dict


def test_no_font_fails_with_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("TALENTDRIVE_CJK_FONT", str(tmp_path / "none.ttc"))
    with pytest.raises(OfferLetterFontMissing, match="fonts-wqy-zenhei"):
        letter_pdf(title="t", text="x")
