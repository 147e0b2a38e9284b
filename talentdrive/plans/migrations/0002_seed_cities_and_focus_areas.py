from django.db import migrations

CITIES = [
    ("beijing", "北京", "Beijing"),
    ("shanghai", "上海", "Shanghai"),
    ("hangzhou", "杭州", "Hangzhou"),
    ("guangzhou", "广州", "Guangzhou"),
]

FOCUS_AREAS = [
    ("llm", "大模型研发与优化", "LLM development and optimisation"),
    ("multimodal-understanding", "多模态识别与理解", "Multimodal recognition and understanding"),
    ("multimodal-training", "多模态训练工程", "Multimodal training engineering"),
    ("training-infra", "模型训练核心基础设施", "Core model-training infrastructure"),
    ("agents", "智能体应用", "Intelligent agents"),
    ("ai-hardware", "AI 硬件架构", "AI hardware (architecture)"),
    ("speech", "语音识别与交互", "Speech recognition and interaction"),
    ("vision-optimisation", "图像/视频算法优化", "Image/video algorithm optimisation"),
    ("reinforcement-learning", "强化学习", "Reinforcement learning"),
    ("ai-product", "AI 产品开发", "AI product development"),
]


def seed(apps, schema_editor):
    City = apps.get_model("plans", "City")
    FocusArea = apps.get_model("plans", "FocusArea")
    for code, zh, en in CITIES:
        City.objects.update_or_create(code=code, defaults={"name_zh": zh, "name_en": en})
    for position, (code, zh, en) in enumerate(FOCUS_AREAS):
        FocusArea.objects.update_or_create(code=code, defaults={"name_zh": zh, "name_en": en, "position": position})


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
