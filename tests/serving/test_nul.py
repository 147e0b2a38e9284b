"""A NUL character in the address or a query parameter gets a clear 400, on SQLite and PostgreSQL alike
(PostgreSQL cannot compare a text column with one, so it used to answer 500)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    ["/api/requisitions?q=llm%00", "/jobs/?q=%00", "/api/requisitions?city%00=shanghai", "/jobs/%00/"],
)
def test_a_nul_character_is_refused_saying_where(client, address):
    response = client.get(address)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_ordinary_queries_pass(client):
    assert client.get("/api/requisitions?q=llm").status_code == 200
