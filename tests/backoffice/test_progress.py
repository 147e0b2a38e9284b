from __future__ import annotations

import csv
import io
import re

from django.urls import reverse


def row_figures(html: str, label: str) -> list[str]:
    """The numeric cells of the table row whose header is ``label``."""
    match = re.search(
        r"<tr>\s*<th scope=\"row\">(?:<a[^>]*>)?" + re.escape(label) + r"(?:</a>)?</th>(.*?)</tr>", html, re.S
    )
    assert match, f"no row {label!r}"
    return re.findall(r'<td class="num[^"]*">([^<]*)</td>', match.group(1))


def test_progress_page_shows_rows_and_totals(client, progress_plan):
    client.force_login(progress_plan.users["leadership"])
    response = client.get(reverse("backoffice:progress"), {"drive": "ai-2026", "group": "city"})
    html = response.content.decode()
    assert response.status_code == 200
    # target, open, draft, paused, filled, hired, not yet covered
    assert row_figures(html, "Shanghai") == ["9", "5", "1", "1", "0", "4", "2"]
    assert row_figures(html, "Beijing") == ["8", "2", "0", "0", "2", "2", "4"]
    assert row_figures(html, "Total") == ["17", "7", "1", "1", "2", "6", "6"]
    assert "Other drive" in html  # offered in the drive switch, but its figures are not mixed in
    assert "100" not in "".join(row_figures(html, "Total"))


def test_drill_down_link_and_htmx_partial(client, progress_plan):
    client.force_login(progress_plan.users["admin"])
    page = client.get(reverse("backoffice:progress"), {"drive": "ai-2026"}).content.decode()
    assert "?drive=ai-2026&amp;group=channel&amp;city=shanghai" in page
    # when: the click is made by htmx
    response = client.get(
        reverse("backoffice:progress"),
        {"drive": "ai-2026", "group": "channel", "city": "shanghai"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    # then: only the fragment comes back, broken down by channel, within Shanghai
    assert "<html" not in html
    assert row_figures(html, "Experienced hiring (社会招聘)") == ["5", "2", "1", "0", "0", "3", "2"]
    assert row_figures(html, "Campus hiring (校园招聘)") == ["4", "3", "0", "1", "0", "1", "0"]
    assert row_figures(html, "Total") == ["9", "5", "1", "1", "0", "4", "2"]
    assert "group=area" in html and "channel=campus" in html  # the next level of drill-down
    assert "City: Shanghai" in html  # the active filter, by name, removable


def test_cross_tab_has_totals_row_and_column(client, progress_plan):
    client.force_login(progress_plan.users["admin"])
    html = client.get(
        reverse("backoffice:progress"), {"drive": "ai-2026", "group": "city", "across": "channel"}
    ).content.decode()
    crosstab = html[html.index('class="crosstab"') :]
    assert "Hired / open / target by City and Channel" in crosstab
    total_row = crosstab[crosstab.index("<tfoot>") :]
    cells = [
        re.sub(r"<[^>]+>", "", cell).strip().replace(" ", "")
        for cell in re.findall(r'<td class="num[^"]*">(.*?)</td>', total_row, re.S)
    ]
    assert cells == ["5/4/11", "1/3/6", "6/7/17"]
    # each cell drills into its city and channel at once
    assert "?drive=ai-2026&amp;group=area&amp;city=beijing&amp;channel=experienced" in html


def test_progress_page_query_count_is_pinned(client, progress_plan, django_assert_max_num_queries):
    client.force_login(progress_plan.users["admin"])
    url = reverse("backoffice:progress")
    # session + user, drives, three aggregates
    with django_assert_max_num_queries(8):  # one is the navigation's pending-approvals link
        response = client.get(url, {"drive": "ai-2026", "group": "team", "across": "area"})
    assert response.status_code == 200


def test_progress_query_count_does_not_grow_with_the_plan(
    client, progress_plan, django_assert_max_num_queries
):
    from talentdrive.plans.models import City, PlanLine

    for index, line in enumerate(list(PlanLine.objects.filter(drive=progress_plan.drive))):
        for city in City.objects.exclude(pk=line.city_id):
            PlanLine.objects.create(
                drive=progress_plan.drive,
                external_id=f"EXTRA-{index}-{city.code}",
                city=city,
                channel=line.channel,
                focus_area=line.focus_area,
                team=line.team,
                target=1,
            )
    client.force_login(progress_plan.users["admin"])
    with django_assert_max_num_queries(8):  # one is the navigation's pending-approvals link
        client.get(reverse("backoffice:progress"), {"drive": "ai-2026", "group": "team", "across": "city"})


def test_csv_export_of_the_current_view(client, progress_plan):
    client.force_login(progress_plan.users["leadership"])
    response = client.get(
        reverse("backoffice:progress_csv"), {"drive": "ai-2026", "group": "channel", "city": "shanghai"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "progress-ai-2026-channel-city-shanghai.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "channel",
        "label",
        "target",
        "open",
        "draft",
        "paused",
        "filled",
        "hired",
        "uncovered",
        "hired_percent",
    ]
    assert rows[1] == [
        "experienced",
        "Experienced hiring (社会招聘)",
        "5",
        "2",
        "1",
        "0",
        "0",
        "3",
        "2",
        "60.0",
    ]
    assert rows[2] == ["campus", "Campus hiring (校园招聘)", "4", "3", "0", "1", "0", "1", "0", "25.0"]
    assert rows[3] == ["total", "", "9", "5", "1", "1", "0", "4", "2", "44.4"]


def test_recruiter_page_is_scoped(client, progress_plan):
    client.force_login(progress_plan.users["health_recruiter"])
    html = client.get(reverse("backoffice:progress"), {"drive": "ai-2026", "group": "team"}).content.decode()
    assert row_figures(html, "Total") == ["8", "2", "0", "0", "2", "2", "4"]
    assert "Your scope only" in html


def test_progress_in_chinese(client, progress_plan):
    client.force_login(progress_plan.users["leadership"])
    client.cookies["django_language"] = "zh-hans"
    html = client.get(reverse("backoffice:progress"), {"drive": "ai-2026"}).content.decode()
    assert 'lang="zh-hans"' in html
    assert row_figures(html, "上海") == ["9", "5", "1", "1", "0", "4", "2"]


def test_bad_parameters_fall_back_to_defaults(client, progress_plan):
    client.force_login(progress_plan.users["leadership"])
    response = client.get(reverse("backoffice:progress"), {"drive": "nope", "group": "salary", "across": "x"})
    assert response.status_code == 200
    assert row_figures(response.content.decode(), "Total")[0] in {"17", "100"}


def test_drilled_page_query_count_is_pinned(client, progress_plan, django_assert_max_num_queries):
    client.force_login(progress_plan.users["admin"])
    # as the unfiltered page, plus one query naming each filtered member
    with django_assert_max_num_queries(10):  # one is the navigation's pending-approvals link
        response = client.get(
            reverse("backoffice:progress"),
            {"drive": "ai-2026", "group": "team", "city": "beijing", "area": "llm"},
        )
    assert row_figures(response.content.decode(), "Total") == ["2", "0", "0", "0", "0", "0", "2"]


def test_progress_without_any_drive_explains_itself(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("backoffice:progress"))
    assert response.status_code == 200
    assert "No hiring drive has been set up yet" in response.content.decode()


def test_hiring_manager_sees_the_progress_of_their_own_team(client, progress_plan):
    # given: "manager" manages R1, a requisition of team core-training (lines L1 and L2)
    client.force_login(progress_plan.users["hiring_manager"])
    # when
    response = client.get(reverse("backoffice:progress"), {"drive": "ai-2026", "group": "team"})
    # then: only the core-training lines count: targets 5 + 4
    html = response.content.decode()
    assert response.status_code == 200
    assert row_figures(html, "Total")[0] == "9"
    assert "Your scope only" in html
