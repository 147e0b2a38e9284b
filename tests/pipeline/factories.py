"""Builders shared by the pipeline, portal and browser tests."""

from __future__ import annotations

import datetime as dt
import io

from django.utils import timezone
from fpdf import FPDF

from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION
from talentdrive.pipeline.intake import ApplicantDetails, ResumeUpload
from talentdrive.plans.models import City, FocusArea, PlanLine, Requisition, RequisitionStatus


def pdf_bytes(pages: int = 1, text: str = "Li Lei - machine learning engineer - PyTorch, LLM") -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(text=f"{text} (page {number + 1})")
    return bytes(pdf.output())


def docx_bytes(text: str = "Han Meimei, multimodal researcher") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_requisition(
    *,
    drive,
    team,
    channel: str = "experienced",
    city: str = "shanghai",
    area: str = "llm",
    external_id: str = "REQ-1",
    status: str = RequisitionStatus.OPEN,
    title_en: str = "LLM training engineer",
    title_zh: str = "大模型训练工程师",
    level: str = "engineer",
    target: int = 50,
) -> Requisition:
    line, _ = PlanLine.objects.get_or_create(
        drive=drive,
        city=City.objects.get(code=city),
        channel=channel,
        focus_area=FocusArea.objects.get(code=area),
        team=team,
        defaults={"external_id": f"PL-{city}-{channel}-{area}", "target": target},
    )
    requisition = Requisition.objects.create(
        drive=drive,
        plan_line=line,
        external_id=external_id,
        title_en=title_en,
        title_zh=title_zh,
        description_en=f"{title_en}: build and optimise large models.",
        description_zh=f"{title_zh}：构建并优化大模型。",
        level=level,
        status=status,
        status_changed_at=timezone.now(),
        must_skills=["PyTorch", "distributed training"],
        nice_skills=["CUDA"],
    )
    requisition.cities.set([line.city])
    return requisition


def applicant(
    *, email: str = "li.lei@example.com", phone: str = "13800138000", name: str = "Li Lei", **extra
) -> ApplicantDetails:
    extra.setdefault("consent_version", CURRENT_CONSENT_VERSION)
    return ApplicantDetails(full_name=name, email=email, phone=phone, **extra)


def graduate(**extra) -> ApplicantDetails:
    """An applicant with the education a campus role asks for."""
    extra.setdefault("school", "Sun Yat-sen University")
    extra.setdefault("degree", "master")
    extra.setdefault("graduation_date", dt.date(2027, 6, 30))
    return applicant(**extra)


def resume_upload(content: bytes | None = None, filename: str = "resume.pdf") -> ResumeUpload:
    return ResumeUpload(filename=filename, content=content if content is not None else pdf_bytes())


def reseed_reference_data() -> None:
    """Put back the cities and focus areas a migration seeds, which a transactional test's flush removes."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("talentdrive.plans.migrations.0002_seed_cities_and_focus_areas")
    migration.seed(apps, None)


def flushes_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction"))
    fixtures = getattr(item, "fixturenames", ())
    return transactional or "live_server" in fixtures or "transactional_db" in fixtures


def reseed_after(item) -> None:
    if not flushes_database(item):
        return
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        reseed_reference_data()
