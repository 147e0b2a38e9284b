from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from talentdrive.accounts.models import Role, User
from talentdrive.demo.users import ADMIN, MANAGER_PASSWORD


def test_serve_prints_addresses_and_demo_accounts(db):
    # given: the demo administrator and one hiring manager exist
    User.objects.create_user(username=ADMIN.username, password=ADMIN.password, role=Role.ADMIN)
    User.objects.create_user(username="hm.app-agents", role=Role.HIRING_MANAGER)
    out = StringIO()
    # when
    call_command("serve", host="127.0.0.1", port=8123, print_only=True, stdout=out)
    # then
    text = out.getvalue()
    for url in ("/", "/staff/", "/admin/", "/api/docs"):
        assert f"http://127.0.0.1:8123{url}" in text
    assert ADMIN.username in text and ADMIN.password in text
    assert "hm.app-agents" in text and MANAGER_PASSWORD in text
    # accounts that do not exist are not advertised
    assert "interviewer-demo" not in text


def test_serve_without_demo_accounts_says_how_to_get_one(db):
    out = StringIO()
    call_command("serve", port=9000, print_only=True, stdout=out)
    assert "load_demo" in out.getvalue()
    assert "admin-demo-2026" not in out.getvalue()


def test_serve_brackets_ipv6_hosts(db):
    out = StringIO()
    call_command("serve", host="::1", port=9000, print_only=True, stdout=out)
    assert "http://[::1]:9000/admin/" in out.getvalue()
