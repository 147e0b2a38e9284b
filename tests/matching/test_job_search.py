"""The public job search (talentdrive/matching/job_search.py over matching/core/keyword.py): the same jobs
for spellings, synonyms and both languages, best match first unless another order is chosen."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from talentdrive.matching.job_search import JobQuery, search
from talentdrive.plans.models import Requisition
from tests.factories import make_requisition


@pytest.fixture
def searchable(drive, team):
    def make(external_id, title_en, title_zh, description_en, area="llm"):
        requisition = make_requisition(
            drive=drive, team=team, external_id=external_id, title_en=title_en, title_zh=title_zh, area=area
        )
        Requisition.objects.filter(pk=requisition.pk).update(description_en=description_en)
        return requisition

    pretraining = make("PT-1", "LLM pre-training engineer", "大模型预训练工程师", "Scale pre-training runs.")
    return [
        # made last, so the newest: a date order lists it first
        make("AG-1", "Agent engineer", "智能体工程师", "Tool use; some pretraining of small models."),
        pretraining,
        make("ASR-1", "Speech recognition engineer", "语音识别工程师", "Streaming ASR on device."),
        make(
            "MM-1",
            "Multimodal engineer",
            "多模态工程师",
            "Vision-language models.",
            "multimodal-understanding",
        ),
    ]


def _ids(q: str, sort: str = "") -> list[int]:
    page, _facets = search(JobQuery.from_querydict(QueryDict(f"q={q}&sort={sort}")))
    return [requisition.pk for requisition in page.object_list]


@pytest.mark.parametrize(
    "variants",
    [("pretraining", "pre-training", "pretrain"), ("ASR", "speech+recognition"), ("多模态", "multimodal")],
)
def test_variants_find_the_same_jobs(searchable, variants):
    results = [_ids(variant) for variant in variants]
    assert results[0]
    assert all(result == results[0] for result in results)


def test_keyword_results_are_sorted_by_relevance(searchable):
    agent, pretraining = searchable[0], searchable[1]
    # the title match comes first although the other job is newer
    assert _ids("pretraining") == [pretraining.pk, agent.pk]
    # an explicit order is kept
    assert _ids("pretraining", sort="newest") == [agent.pk, pretraining.pk]


def test_the_page_offers_best_match_with_a_keyword_only(client, searchable):
    html = client.get("/jobs/?q=ASR").content.decode()
    assert '<option value="" selected>Best match</option>' in html
    assert "1 job found" in html
    assert "Best match" not in client.get("/jobs/").content.decode()
    assert "最相关" in client.get("/zh-hans/jobs/?q=语音识别").content.decode()


def test_a_changed_job_is_found_by_its_new_words(searchable):
    assert _ids("robotics") == []
    Requisition.objects.filter(pk=searchable[3].pk).update(description_en="Robotics perception.")
    Requisition.objects.get(pk=searchable[3].pk).save()  # touches updated_at
    assert _ids("robotics") == [searchable[3].pk]


def test_a_job_given_another_city_is_found_there_at_the_next_search(searchable):
    from tests.factories import seeded_city

    def beijing_count() -> int:
        _page, facets = search(JobQuery.from_querydict(QueryDict("")))
        return next((o.count for o in facets["city"] if o.value == "beijing"), 0)

    before = beijing_count()
    searchable[0].cities.add(seeded_city("beijing"))  # the link alone, the job row untouched
    assert beijing_count() == before + 1
    page, _facets = search(JobQuery.from_querydict(QueryDict("city=beijing")))
    assert searchable[0] in page.object_list


def test_a_closed_job_leaves_the_results_at_the_next_search(searchable):
    assert searchable[2].pk in _ids("ASR")
    Requisition.objects.filter(pk=searchable[2].pk).update(status="closed")
    assert _ids("ASR") == []


def test_with_a_recheck_bound_a_closed_job_leaves_within_the_bound(searchable, settings, monkeypatch):
    from talentdrive.matching import job_search

    # given a process that asks whether a job changed at most every 60 seconds
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "JOB_SEARCH_RECHECK_SECONDS": 60.0}
    now = [1000.0]
    monkeypatch.setattr(job_search.time, "monotonic", lambda: now[0])
    job_search._SNAPSHOT.clear()
    assert searchable[2].pk in _ids("ASR")
    Requisition.objects.filter(pk=searchable[2].pk).update(status="closed")
    # when a search comes within the bound, the process has not asked: the job is still listed
    now[0] += 30
    assert searchable[2].pk in _ids("ASR")
    # then the first search after the bound asks, and the job is gone
    now[0] += 31
    assert _ids("ASR") == []
