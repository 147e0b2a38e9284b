"""Administrators' taxonomy files (TALENTDRIVE_TAXONOMY_DIRS) apply to every matching path."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from talentdrive.plans.models import Requisition

from .conftest import skill

SITE = "skills:\n  - {id: site-tool, en: SiteTool, zh: 站点工具}\n"


@pytest.fixture
def site_dir(settings, tmp_path):
    folder = tmp_path / "site-taxonomy"
    folder.mkdir()
    (folder / "site.yaml").write_text(SITE, encoding="utf-8")
    settings.TALENTDRIVE_TAXONOMY_DIRS = [str(folder)]
    return folder


@pytest.mark.slow
def test_rank_accepts_a_skill_from_an_administrator_file(site_dir, tmp_path):
    resumes = tmp_path / "resumes"
    resumes.mkdir()
    (resumes / "a.txt").write_text(
        "Wang Wu\n3 years of experience with SiteTool and Python.\n", encoding="utf-8"
    )
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"must_skills": ["site-tool"]}), encoding="utf-8")
    out = StringIO()
    call_command(
        "rank", "--job", str(job), "--resumes", str(resumes), "--json", stdout=out, stderr=StringIO()
    )
    payload = json.loads(out.getvalue())
    assert payload["requirements"]["must"] == ["site-tool"]
    assert payload["matches"][0]["missing_must"] == []


def test_api_matches_on_a_skill_from_an_administrator_file(
    site_dir, client, admin_user, requisition, make_candidate
):
    holder = make_candidate(skills=[skill("site-tool", "SiteTool")], text="SiteTool")
    make_candidate(skills=[skill("cuda", "CUDA")], text="CUDA")
    Requisition.objects.filter(pk=requisition.pk).update(must_skills=["site-tool"], nice_skills=[])
    client.force_login(admin_user)
    response = client.get(f"/api/matching/requisitions/{requisition.pk}/candidates")
    assert response.status_code == 200, response.content
    top = response.json()["matches"][0]
    assert top["candidate_id"] == holder.pk
    assert top["missing_must"] == []
