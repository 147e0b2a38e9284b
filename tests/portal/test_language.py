"""Which language the portal answers in: the switch's remembered choice, else the browser's languages,
at the unprefixed entry pages; prefixed pages keep their own language; every page links both."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_requisition


@pytest.fixture
def job(drive, team):
    return make_requisition(drive=drive, team=team, title_en="LLM engineer", title_zh="大模型工程师")


@pytest.mark.parametrize("accept", ["zh-CN,zh;q=0.9", "zh-TW,zh;q=0.8,en;q=0.5", "zh-Hans", "zh"])
def test_a_chinese_browser_is_sent_to_the_chinese_portal(client, job, accept):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/"
    assert "Accept-Language" in response["Vary"]
    page = client.get(response["Location"], headers={"accept-language": accept})
    assert 'lang="zh-Hans"' in page.content.decode()


def test_other_browsers_and_robots_get_the_english_portal(client, job):
    for headers in ({"accept-language": "en-GB,en;q=0.9"}, {"accept-language": "fr-FR"}, {}):
        response = client.get("/", headers=headers)
        assert response.status_code == 200
        assert 'lang="en"' in response.content.decode()
        assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]


def test_entry_pages_keep_their_path_and_query(client, job):
    response = client.get("/jobs/?city=shanghai", headers={"accept-language": "zh-CN"})
    assert response["Location"] == "/zh-hans/jobs/?city=shanghai"
    response = client.get(f"/jobs/{job.pk}/", headers={"accept-language": "zh-CN"})
    assert response["Location"] == f"/zh-hans/jobs/{job.pk}/"


def test_a_prefixed_page_is_served_in_its_language_whatever_the_browser(client, job):
    response = client.get("/zh-hans/jobs/", headers={"accept-language": "en"})
    assert response.status_code == 200
    assert 'lang="zh-Hans"' in response.content.decode()


def test_the_switch_remembers_the_choice(client, job):
    # A Chinese browser chooses English with the switch on the Chinese page ...
    html = client.get("/zh-hans/jobs/", headers={"accept-language": "zh-CN"}).content.decode()
    switch = re.search(r'<a href="([^"]+)" hreflang="en"', html).group(1).replace("&amp;", "&")
    response = client.get(switch, headers={"accept-language": "zh-CN"})
    assert response.status_code == 302 and response["Location"] == "/jobs/"
    assert response.cookies["django_language"].value == "en"
    # ... and the entry page stays English on the next visit.
    again = client.get("/", headers={"accept-language": "zh-CN"})
    assert again.status_code == 200 and 'lang="en"' in again.content.decode()
    # Choosing Chinese again is remembered too, over an English browser.
    client.get("/language/zh-hans/?next=/", headers={"accept-language": "en"})
    assert client.get("/", headers={"accept-language": "en"})["Location"] == "/zh-hans/"


def test_the_switch_goes_nowhere_outside_the_site(client, job):
    response = client.get("/language/zh-hans/?next=https://evil.example/")
    assert response["Location"] == "/zh-hans/"
    response = client.get("/language/xx/?next=/jobs/")
    assert response["Location"] == "/jobs/"
    assert response.cookies["django_language"].value == "en"


@pytest.mark.parametrize("path", ["/", "/jobs/", "/jobs/{pk}/", "/jobs/{pk}/apply/", "/status/"])
def test_every_page_names_both_languages_and_the_default(client, job, path):
    path = path.format(pk=job.pk)
    for prefix, lang in (("", "en"), ("/zh-hans", "zh-Hans")):
        html = client.get(prefix + path).content.decode()
        assert f'<html lang="{lang}">' in html
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="http://testserver([^"]+)"', html)
        )
        assert alternates == {"en": path, "zh-Hans": "/zh-hans" + path, "x-default": path}
