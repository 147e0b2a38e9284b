from __future__ import annotations

import datetime as dt
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum

from talentdrive.accounts.models import Role, User
from talentdrive.audit.models import AuditEvent
from talentdrive.demo import organisation as org
from talentdrive.demo.load import PAUSE_REASON, demo_drive_load
from talentdrive.demo.plan import apportion, build_demo_plan
from talentdrive.demo.users import DEMO_USERS
from talentdrive.plans.models import BusinessGroup, Drive, FocusArea, PlanLine, Requisition, Team

TAXONOMY_DIR = Path(__file__).resolve().parents[2] / "talentdrive" / "taxonomy" / "data"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo drive, loaded once for the module and rolled back afterwards."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield demo_drive_load()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def drive(demo, db) -> Drive:
    return Drive.objects.get(code=org.DRIVE_CODE)


# Pure plan, no database


def test_apportion_sums_exactly_and_follows_weights():
    counts = apportion(10, [1.0, 1.0, 1.0])
    assert sum(counts) == 10
    assert sorted(counts) == [3, 3, 4]
    assert apportion(7, [0.0, 2.0, 5.0]) == [0, 2, 5]


def test_plan_is_deterministic_and_totals_the_drive():
    first, second = build_demo_plan(), build_demo_plan()
    assert first == second
    assert sum(line.target for line in first.plan_lines) == org.DRIVE_TOTAL == 1000
    assert sum(spec.headcount for spec in first.requisitions) == 1000
    other = build_demo_plan(seed=7)
    assert other != first
    assert sum(spec.headcount for spec in other.requisitions) == 1000


def test_campus_lines_recruit_in_batches():
    plan = build_demo_plan()
    campus_lines = [line for line in plan.plan_lines if line.channel == "campus"]
    assert campus_lines
    assert all(line.target >= 3 for line in campus_lines)
    campus_headcounts = [spec.headcount for spec in plan.requisitions if spec.graduation_from]
    assert sum(3 <= headcount <= 10 for headcount in campus_headcounts) >= 0.9 * len(campus_headcounts)
    experienced = [spec.headcount for spec in plan.requisitions if not spec.graduation_from]
    assert Counter(experienced).most_common(1)[0][0] == 1


def _taxonomy_skill_ids() -> set[str]:
    ids: set[str] = set()
    for path in sorted(TAXONOMY_DIR.glob("*.y*ml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in document.get("skills") or ():
            ids.add(entry["id"])
    return ids


@pytest.mark.slow
@pytest.mark.skipif(not TAXONOMY_DIR.is_dir(), reason="the skill taxonomy is not in this tree")
def test_every_demo_skill_id_is_in_the_taxonomy():
    known = _taxonomy_skill_ids()
    used = {skill for spec in build_demo_plan().requisitions for skill in spec.must_skills + spec.nice_skills}
    assert used
    assert sorted(used - known) == []


@pytest.mark.skipif(
    not (TAXONOMY_DIR / "domains.yaml").is_file(), reason="the domain taxonomy is not in this tree"
)
def test_every_demo_domain_is_in_the_taxonomy():
    document = yaml.safe_load((TAXONOMY_DIR / "domains.yaml").read_text(encoding="utf-8")) or {}
    known = {entry["id"] for entry in document.get("domains") or ()}
    used = {spec.domain for spec in build_demo_plan().requisitions if spec.domain}
    assert used == {"healthcare"}
    assert used <= known


# Loaded into the database


@pytest.mark.slow
def test_plan_totals_1000_and_equals_requisition_headcount(demo, drive):
    assert demo.created
    assert drive.total_target == 1000
    assert drive.plan_lines.aggregate(total=Sum("target"))["total"] == 1000
    assert drive.requisitions.aggregate(total=Sum("headcount"))["total"] == 1000
    assert drive.name_zh == "2026 AI 人才招聘计划"
    assert drive.name_en == "AI Talent Drive 2026"


@pytest.mark.slow
def test_each_plan_lines_requisitions_add_up_to_its_target(drive):
    lines = drive.plan_lines.annotate(filled=Sum("requisitions__headcount"))
    mismatched = [
        (line.external_id, line.target, line.filled) for line in lines if line.filled != line.target
    ]
    assert mismatched == []


@pytest.mark.slow
def test_plan_covers_both_channels_four_cities_all_focus_areas(drive):
    lines = PlanLine.objects.filter(drive=drive)
    assert set(lines.values_list("channel", flat=True)) == {"experienced", "campus"}
    assert set(lines.values_list("city__code", flat=True)) == {"beijing", "shanghai", "hangzhou", "guangzhou"}
    assert set(lines.values_list("focus_area__code", flat=True)) == set(
        FocusArea.objects.values_list("code", flat=True)
    )
    assert set(drive.cities.values_list("code", flat=True)) == set(org.DRIVE_CITIES)
    # every city hires through both channels
    cells = set(lines.values_list("city__code", "channel"))
    assert len(cells) == 8


@pytest.mark.slow
def test_organisation_groups_and_teams(drive):
    assert BusinessGroup.objects.filter(code__in=[group.code for group in org.GROUPS]).count() == 4
    glasses = Team.objects.filter(group__code="smart-glasses").values_list("code", flat=True)
    assert set(glasses) == {"glasses-hardware", "glasses-speech", "glasses-vision"}
    assert drive.plan_lines.values("team").distinct().count() == len(org.TEAMS)


@pytest.mark.slow
def test_titles_and_descriptions_are_varied_in_both_languages(drive):
    requisitions = list(drive.requisitions.values("title_en", "title_zh", "description_en", "description_zh"))
    assert len({row["title_en"] for row in requisitions}) >= 150
    assert len({row["title_zh"] for row in requisitions}) >= 150
    assert len({row["description_en"] for row in requisitions}) >= 0.95 * len(requisitions)
    assert len({row["description_zh"] for row in requisitions}) >= 0.95 * len(requisitions)
    for row in requisitions[:50]:
        assert any("\u4e00" <= char <= "\u9fff" for char in row["title_zh"])
        assert not any("\u4e00" <= char <= "\u9fff" for char in row["title_en"] + row["description_en"])


@pytest.mark.slow
def test_healthcare_roles_are_health_team_rl_and_llm(drive):
    healthcare = drive.requisitions.filter(domain="healthcare")
    assert healthcare.count() >= 10
    assert set(healthcare.values_list("plan_line__team__code", flat=True)) == {"vertical-health"}
    assert set(healthcare.values_list("plan_line__focus_area__code", flat=True)) == {
        "llm",
        "reinforcement-learning",
    }
    assert all(
        "health" in text.lower() or "medic" in text.lower()
        for text in healthcare.values_list("description_en", flat=True)
    )


@pytest.mark.slow
def test_programme_roles_are_research_lab_phd(drive):
    programme = drive.requisitions.filter(programme_eligible=True)
    assert programme.count() >= 20
    assert set(programme.values_list("min_degree", flat=True)) == {"phd"}
    assert set(programme.values_list("plan_line__team__code", flat=True)) == {"research-elite"}
    assert not drive.requisitions.filter(
        programme_eligible=False, plan_line__team__code="research-elite"
    ).exists()
    # the ads ask for what the requisition asks for
    assert not any("bachelor" in text for text in programme.values_list("description_en", flat=True))
    assert all("PhD" in text for text in programme.values_list("description_en", flat=True))


@pytest.mark.slow
def test_campus_roles_have_graduation_window_experienced_do_not(drive):
    campus = drive.requisitions.filter(plan_line__channel="campus")
    assert campus.exists()
    assert set(campus.values_list("graduation_from", "graduation_to")) == {
        (dt.date(2026, 9, 1), dt.date(2027, 8, 31))
    }
    experienced = drive.requisitions.filter(plan_line__channel="experienced")
    assert not experienced.filter(graduation_from__isnull=False).exists()
    assert not experienced.filter(min_years=0).exclude(plan_line__team__code="research-elite").exists()


@pytest.mark.slow
def test_statuses_mostly_open_with_paused_ones_recorded_with_reason(drive):
    statuses = Counter(drive.requisitions.values_list("status", flat=True))
    assert statuses["open"] >= 0.8 * sum(statuses.values())
    assert statuses["draft"] > 0
    assert statuses["paused"] > 0
    assert set(statuses) == {"open", "draft", "paused"}
    paused_ids = {str(pk) for pk in drive.requisitions.filter(status="paused").values_list("pk", flat=True)}
    events = AuditEvent.objects.filter(action="requisition.status", target_id__in=paused_ids)
    assert events.count() == len(paused_ids)
    assert set(events.values_list("reason", flat=True)) == {PAUSE_REASON}


@pytest.mark.slow
def test_requisitions_were_created_through_the_service(drive):
    created = AuditEvent.objects.filter(action="requisition.create", target_type="plans.requisition")
    assert created.count() == drive.requisitions.count()
    assert set(created.values_list("actor__username", flat=True)) == {"admin"}


@pytest.mark.slow
def test_skills_are_lists_of_ids(drive):
    for must, nice in drive.requisitions.values_list("must_skills", "nice_skills")[:100]:
        assert 2 <= len(must) <= 6
        assert all(isinstance(skill, str) and skill == skill.lower() and " " not in skill for skill in must)
        assert not set(must) & set(nice)


@pytest.mark.slow
def test_demo_staff_accounts_roles_scopes_and_hiring_managers(drive):
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.role == Role.ADMIN
    assert admin.check_password("admin-demo-2026")
    roles = Counter(
        User.objects.filter(username__in=[u.username for u in DEMO_USERS]).values_list("role", flat=True)
    )
    assert roles == {
        "admin": 1,
        "leadership": 1,
        "recruiter": 2,
        "hiring_manager": len(org.TEAMS),
        "interviewer": 3 + len(org.TEAMS),
    }
    recruiter = User.objects.get(username="recruiter.flagship")
    assert recruiter.check_password("recruiter-demo-2026")
    assert set(recruiter.scope_cities.values_list("code", flat=True)) == {"beijing", "shanghai"}
    assert recruiter.scope_teams.count() == 4
    # every requisition has its team's hiring manager
    pairs = set(drive.requisitions.values_list("plan_line__team__code", "hiring_manager__username"))
    assert pairs == {(team.code, f"hm.{team.code}") for team in org.TEAMS}
    # recruiters are attached only to requisitions inside their scope
    scoped = drive.requisitions.filter(recruiters=recruiter)
    assert scoped.exists()
    assert set(scoped.values_list("plan_line__city__code", flat=True)) <= {"beijing", "shanghai"}


@pytest.mark.slow
def test_loading_twice_changes_nothing(drive):
    models = (Drive, PlanLine, Requisition, User, Team, BusinessGroup, AuditEvent)
    before = {model.__name__: model.objects.count() for model in models}
    titles = list(
        Requisition.objects.order_by("external_id").values_list("external_id", "title_en", "headcount")
    )
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "already loaded" in out.getvalue()
    assert {model.__name__: model.objects.count() for model in models} == before
    assert (
        list(Requisition.objects.order_by("external_id").values_list("external_id", "title_en", "headcount"))
        == titles
    )


@pytest.mark.slow
def test_loaded_rows_match_the_seeded_plan(drive):
    plan = build_demo_plan()
    expected = {
        (spec.external_id, spec.title_en, spec.headcount, spec.plan_line) for spec in plan.requisitions
    }
    loaded = set(
        drive.requisitions.values_list("external_id", "title_en", "headcount", "plan_line__external_id")
    )
    assert loaded == expected
