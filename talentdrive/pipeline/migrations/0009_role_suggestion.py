"""Suggesting another open role: the suggested requisition on the email log, and the shipped template."""

import django.db.models.deletion
from django.db import migrations, models


# Administrators edit it in the admin. Placeholders: pipeline/core/placeholders.py.
TEMPLATES = [
    {
        "code": "role_suggestion",
        "kind": "other",
        "stage_kind": "",
        "position": 0,
        "name_en": "Suggest another open role",
        "name_zh": "推荐其他职位",
        "subject_en": "A role at {company} that may suit you: {suggested_job}",
        "body_en": (
            "Dear {candidate_name},\n\n"
            "Thank you again for your interest in {company}. While reading your application for "
            "{job_title}, our recruiting team thought your background could fit another role we are "
            "hiring for: {suggested_job}.\n\n"
            "You can read about the role, and apply if it interests you, here:\n"
            "{suggested_job_url}\n\n"
            "Whether you apply is entirely up to you. We will not put you forward for this role unless "
            "you apply yourself, and if you would rather not, there is nothing you need to do.\n\n"
            "Best regards,\n"
            "The {company} recruiting team\n"
        ),
        "subject_zh": "{company}为您推荐职位：{suggested_job}",
        "body_zh": (
            "{candidate_name}，您好：\n\n"
            "再次感谢您对{company}的关注。我们在阅读您申请{job_title}职位的材料时，认为您的背景与我们"
            "正在招聘的另一个职位十分契合：{suggested_job}。\n\n"
            "您可以通过以下链接查看职位详情，如有兴趣，欢迎直接申请：\n"
            "{suggested_job_url}\n\n"
            "是否申请完全由您决定。未经您本人申请，我们不会将您列为该职位的候选人；如您暂无意向，"
            "无需做任何回复。\n\n"
            "祝好！\n"
            "{company}招聘团队\n"
        ),
    },
]


def seed(apps, schema_editor):
    EmailTemplate = apps.get_model("pipeline", "EmailTemplate")
    for template in TEMPLATES:
        EmailTemplate.objects.get_or_create(code=template["code"], defaults=template)


def unseed(apps, schema_editor):
    apps.get_model("pipeline", "EmailTemplate").objects.filter(code__in=[t["code"] for t in TEMPLATES]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("pipeline", "0008_candidate_emails"),
        ("plans", "0003_requisition_technical_rounds"),
    ]

    operations = [
        migrations.AddField(
            model_name="candidateemail",
            name="suggested_requisition",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="plans.requisition",
            ),
        ),
        migrations.RunPython(seed, unseed),
    ]
