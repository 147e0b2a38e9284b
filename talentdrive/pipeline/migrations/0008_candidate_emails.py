"""Candidate emails: the templates administrators edit (three shipped, in English and Chinese) and the log."""

import django.db.models.deletion
from django.db import migrations, models


# The shipped templates; administrators edit them in the admin. Placeholders: pipeline/core/placeholders.py.
TEMPLATES = [
    {
        "code": "rejection_default",
        "kind": "rejection",
        "stage_kind": "",
        "position": 0,
        "name_en": "Rejection",
        "name_zh": "淘汰通知",
        "subject_en": "Your application for {job_title}",
        "body_en": (
            "Dear {candidate_name},\n\n"
            "Thank you for your interest in {company} and for applying for the {job_title} position.\n\n"
            "We have read your application carefully. We regret to tell you that we will not be moving "
            "forward with it for this position.\n\n"
            "We will keep your details on file and would be glad to hear from you again when a role that "
            "fits your experience opens up.\n\n"
            "We wish you every success.\n\n"
            "The {company} recruiting team\n"
        ),
        "subject_zh": "关于您申请的{job_title}职位",
        "body_zh": (
            "{candidate_name}，您好：\n\n"
            "感谢您对{company}的关注，以及对{job_title}职位的申请。\n\n"
            "我们认真阅读了您的申请材料。很遗憾，经过慎重考虑，我们这次无法为您安排后续流程。\n\n"
            "您的资料将保留在我们的人才库中。今后如有与您背景相符的职位，欢迎您再次申请。\n\n"
            "再次感谢您的时间与信任，祝您前程似锦！\n\n"
            "{company}招聘团队\n"
        ),
    },
    {
        "code": "rejection_after_interview",
        "kind": "rejection",
        "stage_kind": "",
        "position": 1,
        "name_en": "Rejection after interviews",
        "name_zh": "面试后淘汰通知",
        "subject_en": "Your interviews for {job_title}",
        "body_en": (
            "Dear {candidate_name},\n\n"
            "Thank you for the time you spent interviewing with us for the {job_title} position, and for "
            "your interest in {company}.\n\n"
            "Our interviewers enjoyed the conversations. After careful consideration, we have decided not "
            "to continue with your application for this role; it was not an easy decision.\n\n"
            "We would be glad to stay in touch, and we encourage you to apply again for future openings "
            "that match your experience.\n\n"
            "With best wishes,\n"
            "The {company} recruiting team\n"
        ),
        "subject_zh": "{job_title}职位面试结果通知",
        "body_zh": (
            "{candidate_name}，您好：\n\n"
            "感谢您对{company}的关注，也感谢您在{job_title}职位的面试中投入的时间和精力。\n\n"
            "面试官们很高兴与您交流。经过综合评估，我们很遗憾地通知您，本次未能与您在该职位上继续推进。"
            "这个决定并不容易。\n\n"
            "我们非常希望与您保持联系，今后如有合适的职位，诚挚欢迎您再次申请。\n\n"
            "祝您工作顺利，一切顺心！\n\n"
            "{company}招聘团队\n"
        ),
    },
    {
        "code": "stage_moved",
        "kind": "stage_change",
        "stage_kind": "",
        "position": 0,
        "name_en": "Moved to the next stage",
        "name_zh": "进入下一阶段通知",
        "subject_en": "Next step for your {job_title} application",
        "body_en": (
            "Dear {candidate_name},\n\n"
            "Good news: your application for the {job_title} position has moved on to the next step: "
            "{stage}.\n\n"
            "We will be in touch soon with the details. You can follow your application at any time here:\n"
            "{status_url}\n\n"
            "Best regards,\n"
            "The {company} recruiting team\n"
        ),
        "subject_zh": "您申请的{job_title}职位已进入下一阶段",
        "body_zh": (
            "{candidate_name}，您好：\n\n"
            "感谢您对{company}的关注。您申请的{job_title}职位已进入下一阶段：{stage}。\n\n"
            "我们会尽快与您联系，告知具体安排。您可以随时通过以下链接查看申请进度：\n"
            "{status_url}\n\n"
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
        ('pipeline', '0007_stage_codes_and_rejection_reasons'),
    ]

    operations = [
        migrations.CreateModel(
            name='EmailTemplate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=60, unique=True)),
                ('kind', models.CharField(choices=[('rejection', 'Rejection'), ('stage_change', 'Stage change'), ('other', 'Other')], max_length=20)),
                ('stage_kind', models.CharField(blank=True, choices=[('received', 'received'), ('review', 'review'), ('interview', 'interview'), ('committee', 'committee'), ('offer', 'offer'), ('hired', 'hired'), ('rejected', 'rejected'), ('withdrawn', 'withdrawn')], help_text='Optional.', max_length=20)),
                ('name_en', models.CharField(max_length=120)),
                ('name_zh', models.CharField(max_length=120)),
                ('subject_en', models.CharField(max_length=200)),
                ('body_en', models.TextField()),
                ('subject_zh', models.CharField(max_length=200)),
                ('body_zh', models.TextField()),
                ('active', models.BooleanField(default=True)),
                ('position', models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                'ordering': ['kind', 'position', 'code'],
            },
        ),
        migrations.CreateModel(
            name='CandidateEmail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('rejection', 'Rejection'), ('stage_change', 'Stage change'), ('other', 'Other')], max_length=20)),
                ('language', models.CharField(max_length=10)),
                ('address', models.CharField(blank=True, max_length=254)),
                ('subject', models.CharField(blank=True, max_length=255)),
                ('body', models.TextField(blank=True)),
                ('status', models.CharField(choices=[('scheduled', 'Scheduled'), ('sent', 'Sent'), ('failed', 'Not delivered yet'), ('cancelled', 'Cancelled')], default='scheduled', max_length=20)),
                ('cancel_reason', models.CharField(blank=True, max_length=40)),
                ('send_after', models.DateTimeField()),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('last_error', models.CharField(blank=True, max_length=200)),
                ('created_by', models.CharField(max_length=150)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='candidate_emails', to='pipeline.application')),
                ('template', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='emails', to='pipeline.emailtemplate')),
            ],
            options={
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['status', 'send_after'], name='pipeline_ca_status_9d3eb0_idx'), models.Index(fields=['application', 'status'], name='pipeline_ca_applica_fcce05_idx')],
            },
        ),
        migrations.RunPython(seed, unseed),
    ]
