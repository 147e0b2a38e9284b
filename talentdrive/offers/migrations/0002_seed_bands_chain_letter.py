"""Salary bands (yearly base, CNY) per level and city, the default approval chain and the offer letter."""

from django.db import migrations

# Yearly base salary bands in CNY for Beijing/Shanghai; other cities at 90 %.
TIER_ONE = {"beijing", "shanghai"}
BANDS = {
    "intern": (60_000, 120_000),
    "graduate": (250_000, 400_000),
    "engineer": (350_000, 550_000),
    "senior": (500_000, 800_000),
    "staff": (750_000, 1_200_000),
    "principal": (1_100_000, 1_800_000),
    "scientist": (700_000, 1_500_000),
}
STEPS = [
    (1, "hiring_manager", "always", "用人经理审批", "Hiring manager approval"),
    (2, "hr_head", "always", "HR 负责人审批", "HR head approval"),
    (3, "administrator", "above_band_or_programme", "超出薪酬带宽或精英计划：招聘项目管理员审批", "Above band or elite programme: drive administrator approval"),
]
BODY_ZH = """尊敬的{candidate_name}：

我们很高兴地通知您，{company}决定向您发出{job_title}（职级：{level}）的录用通知。

工作城市：{city}
年度基本薪酬：人民币 {salary} 元
签约奖金：人民币 {sign_on_bonus} 元
入职日期：{start_date}

请在 {expires_on} 之前通过您的申请状态页面接受或拒绝本录用通知，逾期本通知自动失效。

期待与您共事！

{company} 招聘团队"""
BODY_EN = """Dear {candidate_name},

We are pleased to offer you the position of {job_title} (level: {level}) at {company}.

City: {city}
Yearly base salary: CNY {salary}
Sign-on bonus: CNY {sign_on_bonus}
Start date: {start_date}

Please accept or decline this offer on your application status page by {expires_on}; after that date it expires.

We look forward to working with you.

The {company} recruiting team"""


def seed(apps, schema_editor):
    City = apps.get_model("plans", "City")
    SalaryBand = apps.get_model("offers", "SalaryBand")
    ApprovalStep = apps.get_model("offers", "ApprovalStep")
    OfferLetterTemplate = apps.get_model("offers", "OfferLetterTemplate")
    for city in City.objects.all():
        factor = 1.0 if city.code in TIER_ONE else 0.9
        for level, (low, high) in BANDS.items():
            SalaryBand.objects.update_or_create(
                level=level,
                city=city,
                defaults={"salary_min": round(low * factor, -3), "salary_max": round(high * factor, -3)},
            )
    for position, approver, condition, zh, en in STEPS:
        ApprovalStep.objects.update_or_create(
            position=position,
            defaults={"approver": approver, "condition": condition, "name_zh": zh, "name_en": en},
        )
    if not OfferLetterTemplate.objects.exists():
        OfferLetterTemplate.objects.create(
            name="Standard offer letter",
            title_zh="录用通知书",
            title_en="Offer of employment",
            body_zh=BODY_ZH,
            body_en=BODY_EN,
        )


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_initial"), ("plans", "0002_seed_cities_and_focus_areas")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
