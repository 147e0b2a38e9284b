from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.utils import timezone

from talentdrive.accounts.models import Role, User
from talentdrive.candidates.models import Candidate
from talentdrive.matching import store
from talentdrive.plans.models import BusinessGroup, City, PlanLine, Requisition, RequisitionStatus, Team
from talentdrive.resumes.models import ParseStatus, Resume
from talentdrive.taxonomy.model import taxonomy_from_documents

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
        candidate = Candidate.objects.create(
            full_name=f"Candidate {counter['n']}", email=f"c{counter['n']}@example.com", location=location
        )
        digest = hashlib.sha256(f"{counter['n']}".encode()).hexdigest()
        Resume.objects.create(
            candidate=candidate,
            file=f"resumes/{digest[:2]}/{digest}",
            original_name="resume.pdf",
            sha256=digest,
            size=100,
            parse_status=ParseStatus.PARSED,
            parsed_at=timezone.now(),
            text=text or " ".join(s["name"] for s in skills),
            profile={
                "skills": skills,
                "education": [{"degree": degree, "school": "Zhejiang University", "end": "2020"}],
                "years_experience": years,
                "domains": [{"id": d, "name": d, "mentions": []} for d in domains or []],
                "publications": publications or [],
                "awards": [],
            },
        )
        return candidate

    return make


@pytest.fixture
def requisition(drive, plan_line) -> Requisition:
    requisition = Requisition.objects.create(
        drive=drive,
        plan_line=plan_line,
        external_id="REQ-LLM-1",
        title_zh="大模型推理工程师",
        title_en="LLM inference engineer",
        description_en="Serve large language models fast.",
        must_skills=["llm-inference", "cuda"],
        nice_skills=["rlhf"],
        min_degree="master",
        min_years=2,
        status=RequisitionStatus.OPEN,
    )
    requisition.cities.set(City.objects.filter(code="shanghai"))
    return requisition


@pytest.fixture
def assigned_recruiter(recruiter, requisition) -> User:
    requisition.recruiters.add(recruiter)
    return recruiter


@pytest.fixture
def other_team_recruiter(db) -> User:
    group = BusinessGroup.objects.create(code="glasses", name_zh="眼镜", name_en="Glasses")
    team = Team.objects.create(code="glasses-hw", group=group, name_zh="硬件", name_en="Hardware")
    user = User.objects.create_user(username="other-recruiter", password="x-pass-12345", role=Role.RECRUITER)
    user.scope_teams.add(team)
    return user


@pytest.fixture
def interviewer(db) -> User:
    return User.objects.create_user(username="interviewer", password="x-pass-12345", role=Role.INTERVIEWER)


@pytest.fixture
def campus_line(drive, team) -> PlanLine:
    from talentdrive.plans.models import FocusArea

    return PlanLine.objects.create(
        drive=drive, external_id="PL-BJ-CAMPUS-LLM", city=City.objects.get(code="beijing"), channel="campus",
        focus_area=FocusArea.objects.get(code="llm"), team=team, target=5,
    )  # fmt: skip
