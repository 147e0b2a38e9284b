from __future__ import annotations

from typing import Any

import pytest

from talentdrive.accounts.models import Role, User
from talentdrive.candidates.models import Candidate
from talentdrive.matching import store
from talentdrive.plans.models import PlanLine, Requisition
from talentdrive.taxonomy.model import taxonomy_from_documents
from tests import factories

MINI_TAXONOMY = {
    "skills": [
        {"id": "llm", "en": "large language model", "zh": "大模型", "syn": ["LLM"], "focus": ["llm"]},
        {
            "id": "llm-inference",
            "en": "LLM inference",
            "zh": "大模型推理",
            "parents": ["llm"],
            "focus": ["llm"],
        },
        {"id": "vllm", "en": "vLLM", "parents": ["llm-inference"], "focus": ["llm"]},
        {"id": "cuda", "en": "CUDA", "zh": "CUDA 编程", "focus": ["training-infra"]},
        {"id": "rlhf", "en": "RLHF", "zh": "人类反馈强化学习", "focus": ["reinforcement-learning"]},
        {"id": "pytorch", "en": "PyTorch", "focus": ["llm"]},
        {"id": "asr", "en": "speech recognition", "zh": "语音识别", "syn": ["ASR"], "focus": ["speech"]},
    ],
    "domains": [
        {"id": "healthcare", "en": "healthcare", "zh": "医疗"},
        {"id": "medical-imaging", "en": "medical imaging", "zh": "医学影像", "parents": ["healthcare"]},
    ],
    "venues": [
        {"id": "neurips", "name": "NeurIPS", "top": True},
        {"id": "arxiv", "name": "arXiv", "top": False},
    ],
    "awards": [{"id": "icpc-wf", "en": "ICPC World Finals medal", "zh": "ICPC 全球总决赛奖牌", "tier": 1}],
}


@pytest.fixture(scope="session")
def mini_taxonomy():
    return taxonomy_from_documents([("mini", MINI_TAXONOMY)])


@pytest.fixture(autouse=True)
def _isolated_index(settings, tmp_path):
    # Each test gets its own index storage and a cold in-memory index, as a fresh process would.
    settings.STORAGES = {
        **settings.STORAGES,
        store.STORAGE_ALIAS: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "matching")},
        },
    }
    store.reset()
    yield
    store.reset()


@pytest.fixture
def built(db):
    """Build the index through the service, as the demo loader, a task or a first request does."""
    from talentdrive.matching.services import match_index_rebuild
    from tests.actors import TEST_ACTOR

    def build():
        return match_index_rebuild(trigger="test", actor=TEST_ACTOR)

    return build


def skill(skill_id: str, name: str, surface: str | None = None) -> dict[str, Any]:
    return {"id": skill_id, "name": name, "mentions": [{"text": surface or name, "span": [0, 1]}]}


@pytest.fixture
def make_candidate(db):
    counter = {"n": 0}

    def make(*, skills: list[dict[str, Any]], degree: str = "master", years: float = 3, text: str = "", location: str = "上海",
             domains: list[str] | None = None, publications: list[dict[str, Any]] | None = None) -> Candidate:  # fmt: skip
        counter["n"] += 1
        candidate = factories.make_candidate(
            full_name=f"Candidate {counter['n']}", email=f"c{counter['n']}@example.com", location=location
        )
        factories.make_resume(
            candidate=candidate,
            text=text or " ".join(s["name"] for s in skills),
            profile=factories.parsed_profile(
                skills=skills,
                degree=degree,
                years=years,
                domains=domains or (),
                publications=publications or (),
            ),
        )
        return candidate

    return make


@pytest.fixture
def requisition(plan_line) -> Requisition:
    return factories.make_requisition(
        plan_line=plan_line,
        external_id="REQ-LLM-1",
        title_zh="大模型推理工程师",
        title_en="LLM inference engineer",
        description_en="Serve large language models fast.",
        description_zh="",
        must_skills=["llm-inference", "cuda"],
        nice_skills=["rlhf"],
        min_degree="master",
        min_years=2,
        status_changed_at=None,
    )


@pytest.fixture
def assigned_recruiter(recruiter, requisition) -> User:
    requisition.recruiters.add(recruiter)
    return recruiter


@pytest.fixture
def other_team_recruiter(other_team) -> User:
    return factories.make_staff(Role.RECRUITER, username="other-recruiter", teams=[other_team])


@pytest.fixture
def interviewer(db) -> User:
    return factories.make_staff(Role.INTERVIEWER, username="interviewer")


@pytest.fixture
def campus_line(drive, team) -> PlanLine:
    return factories.make_plan_line(
        drive=drive, team=team, city="beijing", channel="campus", external_id="PL-BJ-CAMPUS-LLM", target=5
    )
