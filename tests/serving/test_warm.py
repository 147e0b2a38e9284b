"""A web process does its one-time work before it takes traffic (talentdrive/serving/warm.py)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError

from talentdrive.matching import job_search
from talentdrive.serving import warm as warming
from tests.factories import make_requisition


@pytest.mark.django_db
def test_warming_reads_the_open_jobs_so_the_first_search_need_not(drive, team, django_assert_max_num_queries):
    make_requisition(drive=drive, team=team, external_id="W-1", title_en="Agent engineer")
    job_search._SNAPSHOT.clear()
    assert warming.warm() >= 0
    assert "jobs" in job_search._SNAPSHOT
    with django_assert_max_num_queries(1):  # only "has anything changed?"
        page, _facets = job_search.search(job_search.JobQuery(q="agent"))
    assert [job.external_id for job in page.object_list] == ["W-1"]


def test_a_database_not_there_yet_leaves_job_search_to_the_first_request(monkeypatch):
    def unreachable(query):
        raise DatabaseError("no such table")

    monkeypatch.setattr(warming, "search", unreachable)
    assert warming.warm() >= 0


def test_warming_builds_the_links_of_both_languages_before_traffic(monkeypatch):
    from django.urls import get_resolver

    monkeypatch.setattr(warming, "search", lambda query: None)
    resolver = get_resolver()
    for built in (resolver._reverse_dict, resolver._namespace_dict, resolver._app_dict):
        built.clear()  # rebuilt on demand, as in a new process: the first link of a language pays for it
    assert warming.warm() >= 0
    assert {"en", "zh-hans"} <= set(resolver._namespace_dict)
