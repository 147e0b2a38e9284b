"""Applications move to the flows' stage codes, and the shipped rejection reasons are written."""

from django.db import migrations

# The coarse stages before flows existed, by channel, to the stage of the shipped flow they meant.
OLD_TO_NEW = {
    "campus": {"screening": "online_assessment", "assessment": "online_assessment", "interview": "technical_1"},
    "experienced": {"screening": "resume_screen", "assessment": "resume_screen", "interview": "technical_1"},
}

REASONS = [
    ("skills", "Skills do not match the role's requirements", "技能与职位要求不匹配"),
    ("experience", "Not enough relevant experience", "相关经验不足"),
    ("education", "Education does not meet the requirement", "学历不符合要求"),
    ("assessment", "Did not pass the online assessment", "未通过笔试"),
    ("interview", "Did not pass the interview", "未通过面试"),
    ("position_filled", "The position has been filled", "该职位已招满"),
    ("location", "Location or relocation does not fit", "工作地点不匹配"),
    ("compensation", "Compensation expectations do not fit", "薪酬期望不匹配"),
    ("no_response", "No response from the candidate", "候选人未回复"),
    ("duplicate", "Duplicate application", "重复申请"),
    ("other", "Other (see the note)", "其他（见备注）"),
]


def forwards(apps, schema_editor):
    Application = apps.get_model("pipeline", "Application")
    RejectionReason = apps.get_model("pipeline", "RejectionReason")
    for channel, mapping in OLD_TO_NEW.items():
        for old, new in mapping.items():
            Application.objects.filter(stage=old, requisition__plan_line__channel=channel).update(stage=new)
    for position, (code, name_en, name_zh) in enumerate(REASONS):
        RejectionReason.objects.get_or_create(
            code=code, defaults={"name_en": name_en, "name_zh": name_zh, "position": position}
        )


def backwards(apps, schema_editor):
    Application = apps.get_model("pipeline", "Application")
    for mapping in OLD_TO_NEW.values():
        for old, new in mapping.items():
            Application.objects.filter(stage=new).update(stage=old)
    Application.objects.filter(stage__startswith="technical_").update(stage="interview")
    Application.objects.filter(
        stage__in=["hr_interview", "hiring_manager_interview", "committee_review"]
    ).update(stage="interview")


class Migration(migrations.Migration):
    dependencies = [("pipeline", "0006_stages_as_data"), ("plans", "0003_requisition_technical_rounds")]

    operations = [migrations.RunPython(forwards, backwards)]
