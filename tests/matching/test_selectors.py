from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from talentdrive.audit.models import AuditEvent
from talentdrive.matching import store
from talentdrive.matching.models import IndexBuild
from talentdrive.matching.selectors import match_candidates, match_index_get, match_requisitions

from .conftest import skill


def test_reads_only_read_even_when_the_index_is_cold_and_stale(
    admin_user, requisition, make_candidate, built
):
    # given a stored build, new data since, and a process that holds no index yet
    first = make_candidate(skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")])
    built()
    make_candidate(skills=[skill("cuda", "CUDA")])
    store.reset()
    builds, events = IndexBuild.objects.count(), AuditEvent.objects.count()
    # when both rankings are read
    with CaptureQueriesContext(connection) as queries:
        candidates = match_candidates(user=admin_user, requisition_id=requisition.pk)
        requisitions = match_requisitions(user=admin_user, candidate_id=first.pk)
    # then they answer from the stored build, say it is stale, and send nothing but SELECTs
    assert candidates.index_stale and requisitions.index_stale
    assert candidates.ranking.considered == 1
    statements = [q["sql"].lstrip().split(None, 1)[0].upper() for q in queries.captured_queries]
    assert statements and set(statements) == {"SELECT"}
    assert (IndexBuild.objects.count(), AuditEvent.objects.count()) == (builds, events)
    assert IndexBuild.objects.get().refresh_requested_at is None


def test_a_warm_read_of_the_index_costs_four_queries(make_candidate, built, django_assert_num_queries):
    # the newest build, then the watermark: parsed resumes, candidates, applications
    make_candidate(skills=[skill("cuda", "CUDA")])
    build = built()
    with django_assert_num_queries(4):
        current = match_index_get()
    assert (current.build_id, current.stale) == (build.pk, False)
