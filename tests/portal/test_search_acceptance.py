"""The career portal's job search, page by page as a visitor sees it: spellings, abbreviations and the
other language find the same jobs, a keyword lists the best match first, and a keyword that finds
nothing offers a corrected keyword and related jobs instead of an empty page."""

from __future__ import annotations

import re

import pytest

from talentdrive.plans.models import Requisition
from tests.factories import make_requisition


@pytest.fixture
def jobs(drive, team):
    def make(external_id, title_en, title_zh, description_en, area="llm"):
        requisition = make_requisition(
            drive=drive, team=team, external_id=external_id, title_en=title_en, title_zh=title_zh, area=area
        )
        Requisition.objects.filter(pk=requisition.pk).update(description_en=description_en)
        return requisition

    made = {
        "pretraining": make(
            "PT-1", "LLM pre-training engineer", "大模型预训练工程师", "Scale pre-training runs."
        ),
        "asr": make("ASR-1", "Speech recognition engineer", "语音识别工程师", "Streaming ASR on device."),
        "multimodal": make(
            "MM-1",
            "Multimodal engineer",
            "多模态工程师",
            "Vision-language models.",
            "multimodal-understanding",
        ),
        "infra": make(
            "TI-1",
            "Training infrastructure engineer",
            "训练基础设施工程师",
            "Clusters for large-scale training.",
        ),
    }
    # made last, so the newest: a date order would list it first
    made["agent"] = make(
        "AG-1", "Agent engineer", "智能体工程师", "Tool use; some pretraining of small models."
    )
    return made


def _listed(client, url: str) -> list[int]:
    """The jobs of the result list, in page order (related jobs are a separate list)."""
    html = client.get(url).content.decode()
    results = html.split('class="suggestions"')[0]
    return [int(pk) for pk in re.findall(r'href="/(?:zh-hans/)?jobs/(\d+)/"', results)]


@pytest.mark.parametrize(
    ("key", "variants"),
    [
        ("pretraining", ("pretraining", "pre-training", "pretrain", "pre+training", "预训练")),
        ("asr", ("ASR", "asr", "speech+recognition", "Speech+Recognition", "语音识别")),
        ("multimodal", ("多模态", "multimodal", "Multimodal", "multi-modal")),
    ],
)
def test_spellings_abbreviations_and_languages_list_the_same_jobs(client, jobs, key, variants):
    pages = {variant: _listed(client, f"/jobs/?q={variant}") for variant in variants}
    first = pages[variants[0]]
    assert jobs[key].pk in first
    assert all(page == first for page in pages.values()), pages


def test_the_chinese_page_finds_the_same_jobs_for_an_english_keyword(client, jobs):
    assert _listed(client, "/zh-hans/jobs/?q=multimodal") == _listed(client, "/jobs/?q=多模态")


def test_a_keyword_lists_the_best_match_first_and_an_order_chosen_is_kept(client, jobs):
    # the agent job (newer) only mentions pretraining; the pre-training job has it in its title
    assert _listed(client, "/jobs/?q=pretraining") == [jobs["pretraining"].pk, jobs["agent"].pk]
    assert _listed(client, "/jobs/?q=pretraining&sort=newest") == [jobs["agent"].pk, jobs["pretraining"].pk]


def test_training_infrastructure_is_found(client, jobs):
    assert _listed(client, "/jobs/?q=training+infrastructure")[0] == jobs["infra"].pk


def test_a_misspelt_keyword_offers_the_corrected_one_instead_of_an_empty_page(client, jobs):
    html = client.get("/jobs/?q=multimodel").content.decode()
    assert "0 jobs found" in html
    assert "Did you mean:" in html
    link = re.search(r'class="did-you-mean">[^<]*<a href="([^"]+)">([^<]+)</a>', html)
    assert link is not None and link.group(2) == "multimodal"
    # the offered keyword finds the job
    assert _listed(client, link.group(1).replace("&amp;", "&")) == [jobs["multimodal"].pk]
    assert "您是不是要找：" in client.get("/zh-hans/jobs/?q=multimodel").content.decode()


def test_a_keyword_finding_nothing_offers_related_jobs(client, jobs):
    # every word must match; the blockchain half finds nothing, the ASR half is related
    html = client.get("/jobs/?q=ASR+blockchain").content.decode()
    assert "0 jobs found" in html
    related = html.split('class="suggestions"')[1]
    assert "Related jobs" in related
    assert f"/jobs/{jobs['asr'].pk}/" in related
    assert "相关职位" in client.get("/zh-hans/jobs/?q=ASR+区块链").content.decode()


def test_nothing_related_offers_nothing_but_says_so(client, jobs):
    html = client.get("/jobs/?q=zzzz+qqqq").content.decode()
    assert "0 jobs found" in html
    assert 'class="suggestions"' not in html
