"""Two shipped emails: the offer is ready (sent with the offer), and times to choose for an interview."""

from django.db import migrations

# Administrators edit them in the admin. Placeholders: pipeline/core/placeholders.py.
TEMPLATES = [
    {
        "code": "offer_sent",
        "kind": "stage_change",
        "stage_kind": "offer",
        "position": 10,
        "name_en": "Offer ready",
        "name_zh": "录用通知已发出",
        "subject_en": "Your offer for {job_title}",
        "body_en": (
            "Dear {candidate_name},\n\n"
            "We are delighted to offer you the {job_title} position at {company}.\n\n"
            "Your offer letter is ready. Read it, download it as a PDF, and accept or decline it on your "
            "application page:\n"
            "{status_url}\n\n"
            "The offer is open until the date given in the letter. If you have any questions, reply to "
            "this email.\n\n"
            "The {company} recruiting team\n"
        ),
        "subject_zh": "{job_title}职位录用通知",
        "body_zh": (
            "{candidate_name}，您好：\n\n"
            "我们很高兴地通知您：{company}诚邀您担任{job_title}一职。\n\n"
            "您的录用通知书已准备好。请在申请页面阅读并下载 PDF，然后选择接受或拒绝：\n"
            "{status_url}\n\n"
            "录用通知在通知书所写日期之前有效。如有任何问题，请直接回复本邮件。\n\n"
            "{company}招聘团队\n"
        ),
    },
    {
        "code": "interview_times",
        "kind": "other",
        "stage_kind": "",
        "position": 20,
        "name_en": "Choose an interview time",
        "name_zh": "请选择面试时间",
        "subject_en": "Choose a time for your {job_title} interview",
        "body_en": (
            "Dear {candidate_name},\n\n"
            "Thank you for your application for the {job_title} position at {company}. We would like to "
            "invite you to an interview and have set aside a few times for it.\n\n"
            "Please choose the one that suits you on your application page:\n"
            "{status_url}\n\n"
            "Once you have chosen, you will receive a calendar invitation. If none of the times works for "
            "you, reply to this email.\n\n"
            "The {company} recruiting team\n"
        ),
        "subject_zh": "请选择{job_title}职位的面试时间",
        "body_zh": (
            "{candidate_name}，您好：\n\n"
            "感谢您申请{company}的{job_title}职位。我们诚邀您参加面试，并为您预留了几个时间。\n\n"
            "请在申请页面选择一个合适的时间：\n"
            "{status_url}\n\n"
            "选定后，您将收到日历邀请。如果这些时间都不方便，请直接回复本邮件。\n\n"
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

    dependencies = [("pipeline", "0009_role_suggestion")]

    operations = [migrations.RunPython(seed, unseed)]
