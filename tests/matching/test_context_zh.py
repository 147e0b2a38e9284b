"""Chinese names of AI skills that are everyday words elsewhere count as the skill only in context."""

from __future__ import annotations

from talentdrive.matching.core.context_zh import context_names, find_skills_in_context
from talentdrive.matching.core.requirements import extract_requirements
from talentdrive.matching.taxonomy_loader import get_taxonomy


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.skill_id, m.surface) for m in find_skills_in_context(text, get_taxonomy())}


def test_the_names_that_need_context_follow_from_the_taxonomy():
    names = context_names(get_taxonomy())
    # the tail of a longer name of the same skill, with what the longer name puts in front of it
    assert names[("model-deployment", "部署")] == frozenset({"模型"})
    assert "知识" in names[("knowledge-distillation", "蒸馏")]
    # a skill's own Chinese name is what the taxonomy calls it, never bound
    assert not any(name == "大模型" for _, name in names)
    # only AI skills: a container is a container in any job (容器, Docker)
    assert not any(skill == "docker" for skill, _ in names)
    # a qualifier of one character says nothing: 模型微调 needs no 大 in front
    assert ("llm-fine-tuning", "模型微调") not in names


def test_deploying_firewalls_or_servers_is_no_model_deployment():
    assert ("model-deployment", "部署") not in _found("设计和部署防火墙、堡垒机等安全设备")
    assert ("model-deployment", "部署") not in _found("负责业务系统在 Linux 服务器上的部署与日常运维")


def test_deploying_is_model_deployment_where_the_clause_says_the_field():
    # a qualifier of the skill's longer name, anywhere in the clause
    assert ("model-deployment", "部署") in _found("负责模型的训练、评估与部署")
    # another AI skill named in full
    assert ("model-deployment", "部署") in _found("负责大模型推理服务的部署")
    assert ("model-deployment", "部署") in _found("熟悉 TensorRT 部署")
    # a field word beside a name that has no longer form
    assert ("recommender-systems", "精排") in _found("负责精排算法的迭代")


def test_the_context_is_the_clause_not_the_whole_text():
    found = _found("负责大模型训练平台的建设；负责办公网络设备的部署")
    assert ("model-deployment", "部署") not in found


def test_quantified_targets_and_lighter_car_bodies_are_not_ai_skills():
    assert ("quantisation", "量化") not in _found("制定可量化的绩效考核指标")
    assert ("model-compression", "轻量化") not in _found("负责车身结构的轻量化设计")
    assert ("quantisation", "模型量化") in _found("熟悉模型量化")


def test_a_chinese_it_job_gets_no_ai_requirement_and_keeps_its_own_words():
    # given an operations job that deploys servers and firewalls
    taxonomy = get_taxonomy()
    text = (
        "岗位职责：负责公司服务器和网络设备的部署、监控与故障处理。\n"
        "任职要求：\n1. 熟悉 Linux 系统的安装与部署；\n2. 三年以上运维经验。"
    )
    # when its requirements are read
    requirements = extract_requirements(text, taxonomy)
    # then it asks for no model deployment, and 部署 reaches English résumés as "deployment"
    assert "model-deployment" not in requirements.must + requirements.nice
    assert "model deployment" not in requirements.text_words_en
    assert "deployment" in requirements.text_words_en.split()


def test_an_ai_job_that_deploys_models_still_asks_for_model_deployment():
    taxonomy = get_taxonomy()
    requirements = extract_requirements(
        "任职要求：\n1. 有大模型训练和部署经验；\n2. 熟悉 PyTorch。", taxonomy
    )
    assert "model-deployment" in requirements.must
    assert "model deployment" in requirements.text_words_en
