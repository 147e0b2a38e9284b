from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from talentdrive.audit.models import AuditEvent
from talentdrive.matching import store
from talentdrive.matching.models import IndexBuild
from talentdrive.matching.selectors import (
    CandidateFilters,
    MatchIndexMissing,
    MatchUnavailable,
    match_candidates,
    match_index_build_latest,
    match_index_get,
)
from talentdrive.matching.services import (
    KEEP_STORED_BUILDS,
    REQUEST_AGAIN_AFTER,
    MatchIndexBuilding,
    match_index_first_build,
    match_index_rebuild,
    match_index_refresh_request,
    match_index_serve,
)
from talentdrive.matching.tasks import match_index_rebuild_task
from talentdrive.pipeline.models import Application
from tests.actors import TEST_ACTOR

from .conftest import skill


@pytest.fixture
def pool(make_candidate):
    return [
        make_candidate(
            skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="master", years=4, location="上海"
        ),
        make_candidate(skills=[skill("cuda", "CUDA")], degree="PhD", years=8, location="Beijing"),
        make_candidate(skills=[skill("asr", "ASR")], degree="bachelor", years=1, location="杭州"),
    ]


def _serve(user, requisition):
    return match_index_serve(
        read=lambda: match_candidates(user=user, requisition_id=requisition.pk), actor=user
    )


def test_rebuild_stores_the_index_and_records_the_build_and_an_audit_event(pool):
    build = match_index_rebuild(trigger="test", actor=TEST_ACTOR)
    assert build.candidates == 3
    assert IndexBuild.objects.count() == 1
    event = AuditEvent.objects.get(action="matching.index_rebuilt", target_id=str(build.pk))
    assert event.data["storage_name"] == build.storage_name
    # named by the watermark it was built from, and readable through the storage API
    assert store.exists(build.storage_name)
    assert store.load(build.storage_name).tag == build.watermark
    assert store.build_name(build.watermark).split("-")[2] in build.storage_name


def test_ranking_is_deterministic_and_database_independent(admin_user, requisition, pool, built):
    # The same order on SQLite and PostgreSQL: ties fall back to candidate order, never to storage order.
    built()
    result = match_candidates(user=admin_user, requisition_id=requisition.pk, k=3)
    assert [int(m.key) for m in result.ranking.matches] == [pool[0].pk, pool[1].pk, pool[2].pk]
    assert [m.score for m in result.ranking.matches] == sorted(
        (m.score for m in result.ranking.matches), reverse=True
    )


def test_a_selector_never_builds(admin_user, requisition, pool):
    with pytest.raises(MatchIndexMissing):
        match_candidates(user=admin_user, requisition_id=requisition.pk)
    assert not IndexBuild.objects.exists()


def test_a_new_profile_is_ranked_after_the_refresh_it_triggers(
    admin_user, requisition, pool, make_candidate, built, django_capture_on_commit_callbacks
):
    built()
    newcomer = make_candidate(skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="PhD", years=9)
    # the first answer comes from the stored build, says so, and asks for a rebuild (run at once by
    # the immediate task backend of the embedded default)
    with django_capture_on_commit_callbacks(execute=True):
        stale = _serve(admin_user, requisition)
    assert stale.index_stale and str(newcomer.pk) not in {m.key for m in stale.ranking.matches}
    assert IndexBuild.objects.filter(trigger="stale").count() == 1
    fresh = _serve(admin_user, requisition)
    assert not fresh.index_stale
    assert int(fresh.ranking.matches[0].key) == newcomer.pk
    assert IndexBuild.objects.count() == 2


def test_erased_candidates_leave_the_index(admin_user, requisition, pool, built):
    pool[0].erased_at = timezone.now()
    pool[0].save()
    built()
    result = match_candidates(user=admin_user, requisition_id=requisition.pk)
    assert str(pool[0].pk) not in {m.key for m in result.ranking.matches}


def test_index_is_loaded_from_storage_when_the_process_starts(pool, built):
    build = built()
    store.reset()  # a fresh process
    current = match_index_get()
    assert (len(current.index), current.build_id, current.stale) == (3, build.pk, False)
    assert IndexBuild.objects.count() == 1  # loaded, not rebuilt


def test_city_stage_and_source_filters(admin_user, requisition, pool, built):
    Application.objects.create(
        candidate=pool[1], requisition=requisition, stage="rejected", source="referral"
    )
    built()
    shanghai = match_candidates(
        user=admin_user, requisition_id=requisition.pk, filters=CandidateFilters(cities=("shanghai",))
    )
    assert [int(m.key) for m in shanghai.ranking.matches] == [pool[0].pk]
    rejected = match_candidates(
        user=admin_user, requisition_id=requisition.pk, filters=CandidateFilters(stages=("rejected",))
    )
    assert [int(m.key) for m in rejected.ranking.matches] == [pool[1].pk]
    referred = match_candidates(
        user=admin_user, requisition_id=requisition.pk, filters=CandidateFilters(sources=("referral",))
    )
    assert [int(m.key) for m in referred.ranking.matches] == [pool[1].pk]


def test_campus_requisitions_apply_the_graduation_window(
    admin_user, requisition, campus_line, make_candidate, pool, built
):
    requisition.plan_line = campus_line
    requisition.graduation_from = dt.date(2026, 1, 1)
    requisition.graduation_to = dt.date(2026, 12, 31)
    requisition.save()
    graduate = make_candidate(skills=[skill("cuda", "CUDA")], years=0)
    graduate.resumes.update(
        profile={**graduate.resumes.get().profile, "education": [{"degree": "master", "end": "2026-06"}]}
    )
    built()
    result = match_candidates(user=admin_user, requisition_id=requisition.pk)
    assert [int(m.key) for m in result.ranking.matches] == [graduate.pk]


def test_rebuild_task_is_idempotent(pool):
    assert match_index_rebuild_task.call() == 3
    assert match_index_rebuild_task.call() == 3
    assert IndexBuild.objects.count() == 1


def test_rebuild_task_rebuilds_when_the_newest_build_is_gone_from_storage(pool, built):
    build = built()
    store.delete(build.storage_name)
    assert match_index_rebuild_task.call() == 3
    assert IndexBuild.objects.count() == 2


def test_a_build_in_an_older_stored_format_is_rebuilt_not_found_current(pool, built):
    # given the newest build was stored by a version of the index with another format
    build = built()
    older = build.watermark.replace("format ", "format 0", 1)
    IndexBuild.objects.filter(pk=build.pk).update(watermark=older)
    # when the rebuild task runs (as a read that cannot load it asks)
    match_index_rebuild_task.call()
    # then it builds anew instead of finding the unreadable build current
    assert IndexBuild.objects.count() == 2


def test_a_stale_build_is_refreshed_once_however_many_reads_see_it(
    admin_user, requisition, pool, make_candidate, built, django_capture_on_commit_callbacks
):
    # given a stored build, then a new profile
    built()
    newcomer = make_candidate(skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="PhD", years=9)
    # when several reads (from any process: the claim is in the database) see the stale build
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        answers = [_serve(admin_user, requisition) for _ in range(3)]
    # then each answers at once from the stored build, marked stale, and one rebuild is enqueued
    assert all(a.index_stale for a in answers)
    assert all(str(newcomer.pk) not in {m.key for m in a.ranking.matches} for a in answers)
    assert len(callbacks) == 1
    callbacks[0]()  # the task runs (the immediate backend of the embedded default)
    fresh = _serve(admin_user, requisition)
    assert not fresh.index_stale
    assert fresh.ranking.matches[0].key == str(newcomer.pk)


def test_a_refresh_is_asked_for_again_when_no_newer_build_came(
    pool, built, django_capture_on_commit_callbacks
):
    build = built()
    with django_capture_on_commit_callbacks() as callbacks:
        assert match_index_refresh_request(build_id=build.pk, actor=TEST_ACTOR)
        assert not match_index_refresh_request(build_id=build.pk, actor=TEST_ACTOR)
        IndexBuild.objects.filter(pk=build.pk).update(
            refresh_requested_at=timezone.now() - REQUEST_AGAIN_AFTER - dt.timedelta(seconds=1)
        )
        assert match_index_refresh_request(build_id=build.pk, actor=TEST_ACTOR)
    assert len(callbacks) == 2


def test_the_first_build_is_made_within_the_request_when_small(admin_user, requisition, pool):
    result = _serve(admin_user, requisition)
    assert not result.index_stale and len(result.ranking.matches) == 3
    assert IndexBuild.objects.get().trigger == "first request"


def test_a_big_first_build_is_made_in_the_background(
    admin_user, requisition, pool, settings, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "MATCH_SYNC_REBUILD_LIMIT": 2}
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(MatchIndexBuilding):
            _serve(admin_user, requisition)
        assert match_index_first_build(actor=TEST_ACTOR) is None  # asked for once by this process
    assert len(callbacks) == 1 and not IndexBuild.objects.exists()
    callbacks[0]()
    assert len(_serve(admin_user, requisition).ranking.matches) == 3


def test_the_newest_build_is_the_one_with_the_newest_data(pool, built):
    # A build that started earlier but finished later must not shadow a build of newer data.
    first, second = built(), built()
    IndexBuild.objects.filter(pk=second.pk).update(snapshot_at=first.snapshot_at - dt.timedelta(seconds=5))
    assert match_index_build_latest() == first


def test_older_builds_files_are_pruned_and_their_builds_kept_as_history(
    pool, built, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        builds = [built() for _ in range(KEEP_STORED_BUILDS + 1)]
    oldest = IndexBuild.objects.get(pk=builds[0].pk)
    assert oldest.storage_name == "" and not store.exists(builds[0].storage_name)
    assert not Path(store.storage().path(builds[0].storage_name)).exists()  # no empty folder left
    assert all(store.exists(b.storage_name) for b in builds[1:])
    assert IndexBuild.objects.count() == KEEP_STORED_BUILDS + 1


def test_an_unreadable_newest_build_leaves_the_current_copy_answering(pool, built, make_candidate):
    # given this process answers from one build, and the newest build's files are unreadable
    first = built()
    make_candidate(skills=[skill("cuda", "CUDA")])
    newest = built()
    store.install(store.load(first.storage_name), build_id=first.pk, storage_name=first.storage_name,
                  watermark=first.watermark)  # fmt: skip
    store.storage().delete(f"{newest.storage_name}/arrays.npz")
    # when / then: the old copy answers, marked stale, so the caller asks for a rebuild
    current = match_index_get()
    assert (current.build_id, current.stale) == (first.pk, True)


def test_a_process_holding_an_older_copy_loads_the_newest_build(pool, make_candidate, built):
    # given this process holds build 1, and a worker has since stored build 2
    first = built()
    old = store.current()
    make_candidate(skills=[skill("cuda", "CUDA")])
    second = built()
    store.install(old.index, build_id=old.build_id, storage_name=old.storage_name, watermark=old.watermark)
    # when
    current = match_index_get()
    # then build 2 is loaded from storage, not served stale and not rebuilt
    assert (current.build_id, current.stale, len(current.index)) == (second.pk, False, 4)
    assert first.pk != second.pk and IndexBuild.objects.count() == 2


def test_text_fills_what_the_parser_missed(admin_user, requisition, make_candidate, built):
    candidate = make_candidate(
        skills=[skill("cuda", "CUDA")],
        degree="PhD",
        years=0,
        text="CUDA\n8年工作经验\n发表论文：NeurIPS 2022, ICML 2023（一作）",
    )
    built()
    result = match_candidates(user=admin_user, requisition_id=requisition.pk)
    top = next(m for m in result.ranking.matches if m.key == str(candidate.pk))
    assert (top.years, top.top_venue_papers) == (8.0, 2)
    assert top.programme.flagged  # PhD with two top-venue papers


def test_an_unreadable_build_with_no_copy_to_fall_back_on_asks_for_a_rebuild(
    admin_user, requisition, pool, built, django_capture_on_commit_callbacks
):
    build = built()
    store.reset()
    store.storage().delete(f"{build.storage_name}/arrays.npz")
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(MatchUnavailable):
        _serve(admin_user, requisition)
    assert len(callbacks) == 1
    callbacks[0]()  # the task finds the newest build unreadable and builds again
    assert len(_serve(admin_user, requisition).ranking.matches) == 3


def test_skills_typed_as_names_rank_and_an_unknown_name_is_a_text_requirement(
    admin_user, requisition, make_candidate, built
):
    # given a requisition whose skills were typed as names in both languages, one the taxonomy lacks
    requisition.must_skills = ["CUDA", "分布式训练", "Gephi"]
    requisition.nice_skills = []
    requisition.save()
    with_gephi = make_candidate(skills=[skill("cuda", "CUDA")], text="CUDA kernels; graphs drawn in Gephi")
    without = make_candidate(skills=[skill("cuda", "CUDA")], text="CUDA kernels")
    built()
    # when it is ranked
    result = match_candidates(user=admin_user, requisition_id=requisition.pk, k=2)
    # then the names resolved, nothing failed, and Gephi counted as a requirement met in the text
    matches = {m.key: m for m in result.ranking.matches}
    top, second = (matches[str(c.pk)] for c in (with_gephi, without))
    assert result.ranking.matches[0].key == str(with_gephi.pk)
    assert {s.skill_id for s in top.matched_must} == {"cuda", "Gephi"}
    assert set(second.missing_must) == {"distributed-training", "Gephi"}
    assert top.component("must") > second.component("must")
    assert any("Gephi" in w for w in result.ranking.warnings)


def test_with_the_embedded_backend_a_refresh_is_made_beside_the_request(
    settings,
    monkeypatch,
    admin_user,
    requisition,
    pool,
    make_candidate,
    built,
    django_capture_on_commit_callbacks,
):
    import threading

    from talentdrive.matching import tasks

    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "MATCH_REFRESH_IN_THREAD": True}
    ran = threading.Event()
    where: list[str] = []

    class Recorder:
        def call(self, **kwargs):  # the rebuild itself is the task's, tested above; here: where it runs
            where.append(threading.current_thread().name)
            ran.set()

    monkeypatch.setattr(tasks, "match_index_rebuild_task", Recorder())
    built()
    make_candidate(skills=[skill("cuda", "CUDA")])
    with django_capture_on_commit_callbacks(execute=True):
        answer = _serve(admin_user, requisition)
    # the read answered at once from the stale build; the rebuild ran in a thread of its own
    assert answer.index_stale
    assert ran.wait(10) and where == ["match-index-rebuild"]
