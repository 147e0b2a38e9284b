"""Contacts: emails, phones in E.164, links by kind, name and location."""

from __future__ import annotations

import pytest

from talentdrive.resumes.core.contacts import (
    classify_link,
    find_emails,
    find_location,
    find_name,
    find_phones,
)
from talentdrive.resumes.core.sections import split_lines


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("电话：13800138000", "+8613800138000"),
        ("手机 138 0013 8000", "+8613800138000"),
        ("Tel: 138-0013-8000", "+8613800138000"),
        ("+86 138 0013 8000", "+8613800138000"),
        ("+86-13800138000", "+8613800138000"),
        ("(+86) 138-0013-8000", "+8613800138000"),
        ("0086 13800138000", "+8613800138000"),
        ("座机 010-6275 1234", "+861062751234"),
        ("Phone: +1 415 555 0132", "+14155550132"),
        ("(415) 555-0132", "+14155550132"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+65 6123 4567", "+6561234567"),
        ("+49 30 901820", "+4930901820"),
    ],
)
def test_phone_shapes_normalise_to_e164(text, e164):
    assert [phone.e164 for phone in find_phones(text)] == [e164]


@pytest.mark.parametrize(
    "text",
    [
        "2019.09-2023.06",
        "2015 - 2019",
        "GPA 3.92/4.00",
        "学号 20190123",
        "ID 1234567",
        "2019-09-01",
        "arXiv:2301.12345",
    ],
)
def test_numbers_that_are_not_phones(text):
    assert find_phones(text) == []


def test_phone_span_covers_the_number_as_written():
    text = "联系电话：138 0013 8000（微信同号）"
    phone = find_phones(text)[0]
    assert text[phone.span.start : phone.span.end] == "138 0013 8000"


def test_emails_are_deduplicated_case_insensitively():
    text = "Email: Jane.Doe@Example.com; jane.doe@example.com, 邮箱：张伟.zw@qq.com zw@qq.com."
    assert [e.value for e in find_emails(text)] == ["Jane.Doe@Example.com", "zw@qq.com"]


@pytest.mark.parametrize(
    ("url", "line", "kind"),
    [
        ("https://github.com/janedoe", "", "github"),
        ("github.com/janedoe/repo", "", "github"),
        ("https://scholar.google.com/citations?user=abc", "", "scholar"),
        ("https://www.linkedin.com/in/janedoe", "", "linkedin"),
        ("https://janedoe.github.io", "", "homepage"),
        ("https://www.cs.example.edu/~jdoe/", "", "homepage"),
        ("https://janedoe.dev", "Homepage: https://janedoe.dev", "homepage"),
        ("https://janedoe.dev", "个人主页：https://janedoe.dev", "homepage"),
        ("https://arxiv.org/abs/2301.00001", "", "other"),
        ("https://example.com/demo", "Project demo: https://example.com/demo", "other"),
    ],
)
def test_link_kinds(url, line, kind):
    assert classify_link(url, line=line) == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("个人简历\n姓名：王小明\n电话：13800138000", "王小明"),
        ("姓 名：欧阳娜娜\n", "欧阳娜娜"),
        ("张伟\n13800138000 | zw@example.com", "张伟"),
        ("张 伟\n求职意向：算法工程师", "张伟"),
        ("李娜 Li Na\nEmail: li@example.com", "李娜"),
        ("刘洋 | 男 | 28岁\n", "刘洋"),
        ("Jane Doe\nSan Francisco", "Jane Doe"),
        ("RESUME\nJohn A. Smith\njohn@example.com", "John A. Smith"),
        ("Name: Wei Zhang\n", "Wei Zhang"),
        ("Dr. Jane Doe\njane@example.com", "Jane Doe"),
        ("John Smith, PhD\njohn@example.com", "John Smith"),
    ],
)
def test_names(text, name):
    found = find_name(split_lines(text))
    assert found is not None and found.value == name
    assert text[found.span.start : found.span.end].replace(" ", "") == name.replace(" ", "")


@pytest.mark.parametrize(
    "text", ["个人简历\n教育背景\n清华大学", "Curriculum Vitae\nEducation\nMIT", "工作经历\n2019 - 2020 腾讯"]
)
def test_no_name_is_better_than_a_wrong_one(text):
    assert find_name(split_lines(text)) is None


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("张伟\n现居地：上海市浦东新区 | 13800138000", "上海市浦东新区"),
        ("Jane Doe\nLocation: Hangzhou, China", "Hangzhou, China"),
        ("Jane Doe\nSeattle, WA | jane@example.com", "Seattle, WA"),
        ("Jane Doe\nProduct Lead, AI | Austin, TX", "Austin, TX"),
        ("张伟\n北京 | 13800138000", "北京"),
        ("张伟\n算法工程师 | 北京市海淀区", "北京市海淀区"),
        ("钱佳琪\n城市 City: 上海 Shanghai", "上海"),
        ("黄乐\n城市：广州    手机：+86 159 8888 0101", "广州"),
    ],
)
def test_location(text, location):
    lines = split_lines(text)
    found = find_location(lines, lines[-1].end)
    assert found is not None and found.value == location


def test_addresses_across_the_scan_slices_are_found_once_and_whole():
    # given: addresses straddling the 16 KB slice boundaries, and one repeated in another case
    text = ("x " * 8190) + "wang.fang@example.com " + ("y " * 8180) + "li@pku.edu.cn WANG.FANG@EXAMPLE.COM"
    # when / then
    assert [e.value for e in find_emails(text)] == ["wang.fang@example.com", "li@pku.edu.cn"]
    found = find_emails(text)[0]
    assert text[found.span.start : found.span.end] == "wang.fang@example.com"
