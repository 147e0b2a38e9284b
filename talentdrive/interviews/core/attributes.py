"""What each interview round assesses: focus attributes per focus area and per kind of round.

Pure data, no Django. A technical round of an LLM role weighs modelling depth, coding, systems and
research taste; hardware architecture, speech and vision roles have their own; the HR and
hiring-manager rounds assess the same things whatever the role. An interview plan copies these
defaults when it is made; administrators then change a round's attributes in the admin.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attribute:
    code: str
    name_en: str
    name_zh: str


ATTRIBUTES: dict[str, Attribute] = {
    attribute.code: attribute
    for attribute in (
        Attribute("modelling_depth", "Modelling depth", "建模深度"),
        Attribute("coding", "Coding", "编码能力"),
        Attribute("systems", "Systems", "系统能力"),
        Attribute("research_taste", "Research taste", "研究品味"),
        Attribute("computer_architecture", "Computer architecture", "计算机体系结构"),
        Attribute("hardware_software_codesign", "Hardware–software co-design", "软硬件协同设计"),
        Attribute("performance_modelling", "Performance modelling", "性能建模"),
        Attribute("signal_processing", "Signal processing", "信号处理"),
        Attribute("acoustic_and_language_models", "Acoustic and language models", "声学与语言模型"),
        Attribute("vision_models", "Vision models", "视觉模型"),
        Attribute("optimisation", "Optimisation and deployment", "优化与部署"),
        Attribute("product_sense", "Product sense", "产品感"),
        Attribute("motivation", "Motivation", "求职动机"),
        Attribute("communication", "Communication", "沟通能力"),
        Attribute("collaboration", "Collaboration", "团队协作"),
        Attribute("ownership", "Ownership", "主人翁意识"),
        Attribute("role_fit", "Fit with the role", "岗位匹配度"),
    )
}

# Technical rounds, by focus area code (plans' seeded ``FocusArea.code``).
LLM_TECHNICAL = ("modelling_depth", "coding", "systems", "research_taste")
TECHNICAL_BY_AREA: dict[str, tuple[str, ...]] = {
    "llm": LLM_TECHNICAL,
    "multimodal-understanding": ("modelling_depth", "vision_models", "coding", "research_taste"),
    "multimodal-training": ("modelling_depth", "coding", "systems", "research_taste"),
    "training-infra": ("systems", "coding", "performance_modelling", "modelling_depth"),
    "agents": ("modelling_depth", "coding", "systems", "product_sense"),
    "ai-hardware": (
        "computer_architecture",
        "hardware_software_codesign",
        "performance_modelling",
        "coding",
    ),
    "speech": ("signal_processing", "acoustic_and_language_models", "coding", "research_taste"),
    "vision-optimisation": ("vision_models", "optimisation", "coding", "systems"),
    "reinforcement-learning": ("modelling_depth", "coding", "systems", "research_taste"),
    "ai-product": ("product_sense", "coding", "systems", "communication"),
}
HR_ROUND = ("motivation", "communication", "collaboration")
HIRING_MANAGER_ROUND = ("ownership", "role_fit", "communication")

DEFAULT_DURATION_MINUTES = 60


def default_attributes(*, stage_code: str, focus_area: str) -> tuple[str, ...]:
    """The attributes a round of ``stage_code`` assesses for a role of ``focus_area`` by default."""
    if stage_code.startswith("hr"):
        return HR_ROUND
    if stage_code.startswith("hiring_manager"):
        return HIRING_MANAGER_ROUND
    return TECHNICAL_BY_AREA.get(focus_area, LLM_TECHNICAL)


def attribute_name(code: str, *, chinese: bool) -> str:
    """The attribute's name in the reader's language; an unknown code reads as itself."""
    attribute = ATTRIBUTES.get(code)
    if attribute is None:
        return code
    return attribute.name_zh if chinese else attribute.name_en
