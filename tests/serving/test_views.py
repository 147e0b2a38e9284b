"""The liveness view answers without the database (a load balancer's probe, the benchmarks' baseline)."""

from __future__ import annotations


def test_healthz_answers_ok_without_a_query(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]
