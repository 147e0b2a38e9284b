from __future__ import annotations

import json
import re

import pytest

from tests.factories import make_requisition


@pytest.fixture
def jobs(drive, team):
    made = [
        make_requisition(drive=drive, team=team, external_id="LLM-SH", city="shanghai", area="llm"),
        make_requisition(
            drive=drive,
            team=team,
            external_id="MM-GZ",
            city="guangzhou",
            area="multimodal-understanding",
            channel="campus",
            title_en="Multimodal campus engineer",
            title_zh="多模态校招工程师",
            level="graduate",
        ),
        make_requisition(
            drive=drive,
            team=team,
            external_id="AG-BJ",
            city="beijing",
            area="agents",
            title_en="Agent engineer",
            title_zh="智能体工程师",
        ),
        make_requisition(
            drive=drive, team=team, external_id="CLOSED", status="closed", title_en="Closed role"
        ),
    ]
    return made


def test_home_shows_drive_and_counts(client, jobs):
    html = client.get("/").content.decode()
    assert "AI hiring drive 2026" in html
    assert 'lang="en"' in html
    zh = client.get("/zh-hans/").content.decode()
    assert "2026 AI 人才招聘" in zh
    assert 'lang="zh-Hans"' in zh


def test_search_lists_open_jobs_only_with_counts(client, jobs):
    html = client.get("/jobs/").content.decode()
    assert "3 jobs found" in html
    assert "Closed role" not in html


def test_filters_and_facet_counts(client, jobs):
    html = client.get("/jobs/?channel=campus").content.decode()
    assert "1 job found" in html
    assert "Multimodal campus engineer" in html
    assert "Agent engineer" not in html
    # the channel facet still counts the other channel, so the visitor can switch
    assert re.search(r'data-facet="channel" data-value="experienced">[^<]*<span class="count">2</span>', html)
    # other facets are narrowed by the channel filter
    assert 'data-facet="city" data-value="beijing"' not in html


def test_keyword_search_in_both_languages(client, jobs):
    assert "1 job found" in client.get("/jobs/?q=agent").content.decode()
    assert "找到 1 个职位" in client.get("/zh-hans/jobs/?q=智能体").content.decode()


def test_htmx_request_gets_the_fragment_only(client, jobs):
    response = client.get("/jobs/?city=beijing", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.startswith('<div id="search">')
    assert "<html" not in html
    assert "Agent engineer" in html


def test_bad_parameters_do_not_fail(client, jobs):
    assert client.get("/jobs/?page=abc&sort=drop&city=nowhere").status_code == 200
    assert client.get("/jobs/?page=99999").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/jobs/",
        "/jobs/?q=agent&city=beijing,shanghai&sort=title",
        "/zh-hans/jobs/?q=%E6%99%BA%E8%83%BD%E4%BD%93&page=2",
        "/jobs/?q=%3Cb%3E%22x%22%26amp;'&city=<i>",
        "/jobs/?q=tdquerymark&next=tdresultsmark",
    ],
)
def test_the_page_around_the_results_is_what_the_template_renders(client, jobs, path):
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import translation
    from django.utils.safestring import mark_safe

    from talentdrive.portal.views.jobs import _page_around

    # given the page as served, and the same page rendered by the template for this request
    served = client.get(path).content.decode()
    request = RequestFactory().get(path)
    language = "zh-hans" if path.startswith("/zh-hans/") else "en"
    with translation.override(language):
        results = client.get(path, HTTP_HX_REQUEST="true").content.decode()
        expected = render_to_string("portal/jobs.html", {"results": mark_safe(results)}, request=request)
        filled = _page_around(request).fill(request, results)
    # then the filled page and the served one are the template's, byte for byte
    assert filled == expected
    assert served == expected


def test_search_query_count_is_fixed(client, jobs, drive, team, django_assert_max_num_queries):
    for n in range(15):
        make_requisition(drive=drive, team=team, external_id=f"MORE-{n}")
    with django_assert_max_num_queries(7):
        client.get("/jobs/?sort=title")


def test_job_detail_has_valid_job_posting_json_ld(client, jobs):
    response = client.get(f"/jobs/{jobs[0].pk}/")
    html = response.content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "JobPosting"
    assert data["title"] == "LLM training engineer"
    assert data["jobLocation"][0]["address"]["addressLocality"] == "Shanghai"
    assert data["validThrough"] == "2027-06-30"
    assert "PyTorch" in html
    assert data["hiringOrganization"]["name"] == "Flagship AI app"  # the business group, not the drive
    assert data["inLanguage"] == "en"


def test_json_ld_names_the_configured_employer_and_a_bcp47_language(client, jobs, settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "EMPLOYER_NAME": "Example Technology Co., Ltd."}
    html = client.get(f"/zh-hans/jobs/{jobs[0].pk}/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["hiringOrganization"]["name"] == "Example Technology Co., Ltd."
    assert data["inLanguage"] == "zh-Hans"


def test_json_ld_cannot_be_broken_out_of(client, drive, team):
    job = make_requisition(drive=drive, team=team, title_en="</script><script>alert(1)</script>")
    html = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "<script>alert(1)" not in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["title"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize("status", ["closed", "paused", "filled"])
def test_a_job_that_was_public_answers_410_with_similar_open_jobs(client, jobs, status):
    gone = jobs[3]
    gone.status = status
    gone.save(update_fields=["status"])
    response = client.get(f"/jobs/{gone.pk}/")
    assert response.status_code == 410
    html = response.content.decode()
    assert "This job no longer takes applications." in html
    assert f'href="/jobs/{jobs[0].pk}/"' in html  # open, same focus area
    assert f'href="/jobs/{jobs[2].pk}/"' not in html  # open, another focus area
    assert "/jobs/?area=llm" in html
    chinese = client.get(f"/zh-hans/jobs/{gone.pk}/")
    assert chinese.status_code == 410
    assert "该职位已不再接受申请" in chinese.content.decode()


def test_draft_and_unknown_job_pages_are_not_found(client, jobs, drive, team):
    draft = make_requisition(drive=drive, team=team, external_id="DRAFT", status="draft")
    assert client.get(f"/jobs/{draft.pk}/").status_code == 404
    assert client.get("/jobs/999999/").status_code == 404


def test_language_switcher_links_to_the_same_page(client, jobs):
    html = client.get("/jobs/?city=beijing").content.decode()
    assert 'href="/language/zh-hans/?next=/zh-hans/jobs/%3Fcity%3Dbeijing"' in html
    response = client.get("/language/zh-hans/?next=/zh-hans/jobs/%3Fcity%3Dbeijing")
    assert response["Location"] == "/zh-hans/jobs/?city=beijing"


def test_chinese_pages_are_translated(client, jobs):
    html = client.get(f"/zh-hans/jobs/{jobs[0].pk}/").content.decode()
    assert "立即申请" in html  # "Apply now"
    assert "职位要点" in html  # "At a glance"
    assert "Apply now" not in html


def test_pages_name_their_other_language_version(client, jobs):
    html = client.get(f"/jobs/{jobs[0].pk}/").content.decode()
    assert (
        f'<link rel="alternate" hreflang="zh-Hans" href="http://testserver/zh-hans/jobs/{jobs[0].pk}/">'
        in html
    )
    assert '<meta name="description" content="LLM training engineer: build' in html


def test_title_sort_follows_the_language(client, drive, team):
    make_requisition(
        drive=drive, team=team, external_id="A", title_en="Agent engineer", title_zh="智能体工程师"
    )
    make_requisition(drive=drive, team=team, external_id="B", title_en="Zoo keeper", title_zh="大模型工程师")
    en = client.get("/jobs/?sort=title").content.decode()
    assert en.index("Agent engineer") < en.index("Zoo keeper")
    zh = client.get("/zh-hans/jobs/?sort=title").content.decode()
    # 大 (U+5927) sorts before 智 (U+667A) by code point, the order both databases use here
    assert zh.index("大模型工程师") < zh.index("智能体工程师")


def test_requirements_show_taxonomy_names_in_the_page_language(client, drive, team):
    job = make_requisition(drive=drive, team=team, external_id="TAX")
    job.must_skills = ["pytorch", "not-in-the-taxonomy"]
    job.domain = "healthcare"
    job.save()
    zh = client.get(f"/zh-hans/jobs/{job.pk}/").content.decode()
    assert "<li>PyTorch</li>" in zh
    assert "<li>not-in-the-taxonomy</li>" in zh
    assert "医疗健康" in zh
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', zh, re.S).group(1)
    assert "PyTorch" in json.loads(block)["skills"]


def test_description_headings_render_as_headings_not_a_second_copy(client, drive, team):
    job = make_requisition(drive=drive, team=team, external_id="DESC")
    job.description_zh = "训练大模型。\n\n任职要求\n1. 熟悉 PyTorch\n2. <b>三年</b>经验"
    job.save(update_fields=["description_zh"])
    html = client.get(f"/zh-hans/jobs/{job.pk}/").content.decode()
    body = html.split("<main", 1)[1]
    assert body.count("任职要求") == 1
    assert "<h3>任职要求</h3>" in body
    assert "<li>熟悉 PyTorch</li>" in body
    assert "&lt;b&gt;三年&lt;/b&gt;" in body


def test_several_values_of_a_filter_are_alternatives_with_removable_chips(client, jobs):
    # given Shanghai and Beijing chosen, each from the other's page
    html = client.get("/jobs/?city=shanghai").content.decode()
    add_beijing = re.search(r'href="(/jobs/\?[^"]+)"[^>]*data-facet="city" data-value="beijing"', html).group(
        1
    )
    assert add_beijing.replace("&amp;", "&") == "/jobs/?city=shanghai&city=beijing"
    # when both are chosen
    html = client.get("/jobs/?city=shanghai&city=beijing").content.decode()
    # then jobs in either city are found, and each city is a chip that removes only itself
    assert "2 jobs found" in html
    assert "LLM training engineer" in html and "Agent engineer" in html
    chips = {
        label: url.replace("&amp;", "&")
        for url, label in re.findall(r'<a href="([^"]+)" data-chip="([^"]+)"', html)
    }
    assert chips == {"Shanghai": "/jobs/?city=beijing", "Beijing": "/jobs/?city=shanghai"}
    assert "Remove filter City:" in html
    # the button that folds the filters on a phone carries the result count
    assert re.search(r'class="secondary facets-toggle"[^>]*>.*?2 jobs', html, re.S)


def test_several_values_combine_with_other_filters_and_commas(client, jobs):
    html = client.get("/jobs/?city=shanghai,guangzhou&channel=campus").content.decode()
    assert "1 job found" in html and "Multimodal campus engineer" in html
    html = client.get("/jobs/?area=llm&area=agents").content.decode()
    assert "2 jobs found" in html
    zh = client.get("/zh-hans/jobs/?area=llm&area=agents").content.decode()
    assert "移除筛选条件" in zh
