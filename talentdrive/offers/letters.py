"""The offer letter: the active template filled with the offer's values, and its PDF (fpdf2).

Chinese letters need a font with CJK glyphs that fpdf2 can embed: a TrueType font or collection such
as Debian's ``fonts-wqy-zenhei`` (Noto CJK is CFF-based, which fpdf2 does not embed). The path is
``TALENTDRIVE_CJK_FONT`` when set, otherwise the first of the usual locations that exists; with none,
writing a letter fails with ``OfferLetterFontMissing`` naming what to install.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings

from talentdrive.offers.errors import OfferLetterFontMissing, OfferRefused
from talentdrive.offers.models import LETTER_PLACEHOLDERS, OfferLetterTemplate
from talentdrive.pipeline.core.placeholders import placeholders_fill
from talentdrive.plans.models import Level

CJK_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
)


def cjk_font_path() -> Path:
    configured = os.environ.get("TALENTDRIVE_CJK_FONT", "").strip()
    candidates = (Path(configured),) if configured else CJK_FONT_CANDIDATES
    for path in candidates:
        if path.is_file():
            return path
    raise OfferLetterFontMissing(
        "no CJK TrueType font for offer letters: apt-get install fonts-wqy-zenhei, or set "
        f"TALENTDRIVE_CJK_FONT (looked at {', '.join(str(p) for p in candidates)})"
    )


def _money(amount: int) -> str:
    return f"{amount:,}"


def letter_values(*, offer: Any, chinese: bool) -> dict[str, str]:
    application = offer.application
    requisition = offer.requisition
    employer = str(settings.TALENTDRIVE.get("EMPLOYER_NAME", "") or "").strip()
    group = requisition.plan_line.team.group
    from django.utils import translation

    with translation.override("zh-hans" if chinese else "en"):
        level = str(Level(offer.level).label)
    values = {
        "candidate_name": application.candidate.full_name or ("同学" if chinese else "candidate"),
        "job_title": requisition.title_zh if chinese else requisition.title_en,
        "company": employer or (group.name_zh if chinese else group.name_en),
        "level": level,
        "salary": _money(offer.salary),
        "sign_on_bonus": _money(offer.sign_on_bonus),
        "start_date": offer.start_date.isoformat(),
        "city": offer.city.name_zh if chinese else offer.city.name_en,
        "expires_on": offer.expires_on.isoformat(),
    }
    assert set(values) == set(LETTER_PLACEHOLDERS)
    return values


def letter_render(*, offer: Any) -> tuple[str, str]:
    """Title and text of the offer's letter: as sent when it was sent, else from the active template."""
    if offer.letter_text:
        return offer.letter_title, offer.letter_text
    template = OfferLetterTemplate.objects.filter(active=True).first()
    if template is None:
        raise OfferRefused("no_letter_template")
    chinese = offer.language.startswith("zh")
    values = letter_values(offer=offer, chinese=chinese)
    title = template.title_zh if chinese else template.title_en
    body = template.body_zh if chinese else template.body_en
    return placeholders_fill(title, values), placeholders_fill(body, values)


def letter_pdf(*, title: str, text: str) -> bytes:
    """The letter as an A4 PDF with the CJK font embedded (subset), so it reads the same everywhere."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(22, 22, 22)
    pdf.add_page()
    pdf.add_font("letter", "", str(cjk_font_path()))
    pdf.set_font("letter", size=16)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("letter", size=11)
    for paragraph in text.split("\n"):
        pdf.multi_cell(0, 6.5, paragraph or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def offer_letter_pdf(*, offer: Any) -> bytes:
    """The offer's letter as a PDF: as sent, or from the active template before it is sent."""
    title, text = letter_render(offer=offer)
    return letter_pdf(title=title, text=text)
