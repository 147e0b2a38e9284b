"""Chinese narrative resumes: a career written as one paragraph (历任/现任/曾任/毕业于/学历).

The people and organisations here are made up for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from talentdrive.resumes.core import extract_profile
from talentdrive.resumes.core.jobtitles import is_title, split_org_title
from talentdrive.resumes.core.narrative import find_narrative_education, find_narrative_experience

TODAY = date(2026, 11, 25)

BIOGRAPHY = (
    "欧阳明远：男，1962年3月出生，中共党员，高级工程师，大专学历，历任东川机床总厂生产技术部部长，"
    "东川精密机械有限公司总经理、党委书记，2015年6月至今任北岭重工集团股份有限公司副董事长、总裁，"
    "现任北岭重工集团股份有限公司组织部部长。"
)


def test_a_biography_yields_name_degree_and_roles():
    # when
    profile = extract_profile(BIOGRAPHY, today=TODAY)
    # then
    assert profile.name is not None and profile.name.value == "欧阳明远"
    assert [entry.degree for entry in profile.education] == ["associate"]
    assert [(e.employer, e.title) for e in profile.experience] == [
        ("东川机床总厂", "生产技术部部长"),
        ("东川精密机械有限公司", "总经理、党委书记"),
        ("北岭重工集团股份有限公司", "副董事长、总裁"),
        ("北岭重工集团股份有限公司", "组织部部长"),
    ]
    dated = profile.experience[2]
    assert (dated.start, dated.current) == ("2015-06", True)
    assert profile.experience[3].current is True
    assert profile.years_experience > 10


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        ("林晓岚女士，1975年出生，本科学历。", "林晓岚"),
        ("沈先生曾任某某有限公司董事。", "沈"),
        ("卓思远先生，大学文化。", "卓思远"),
        ("阿依古丽·买买提，女，大专学历。", "阿依古丽·买买提"),
        ("宁和男，1970年出生，硕士。", "宁和"),
    ],
)
def test_the_name_a_biography_opens_with(opening, name):
    profile = extract_profile(opening, today=TODAY)
    assert profile.name is not None and profile.name.value == name


def test_no_name_from_a_sentence_that_opens_with_a_common_word():
    # 公司 is no surname, and nothing says a person follows
    assert extract_profile("公司，成立于1998年，历任多家企业。", today=TODAY).name is None


@pytest.mark.parametrize(
    ("run", "org", "title"),
    [
        ("某某投资董事", "某某投资", "董事"),
        ("公司董事", "公司", "董事"),
        ("某某科学院经济研究所研究员", "某某科学院经济研究所", "研究员"),
        ("某某大学资产评估事务所所长助理", "某某大学资产评估事务所", "所长助理"),
        ("某某证券投资银行业务一部总经理", "某某证券投资银行", "业务一部总经理"),
        ("某某化工有限责任公司副总工程师", "某某化工有限责任公司", "副总工程师"),
        ("董事会秘书", None, "董事会秘书"),
        ("综合管理部部长", None, "综合管理部部长"),
        ("某某实业有限公司", "某某实业有限公司", None),
        ("负责生产管理", None, None),
    ],
)
def test_an_organisation_and_a_title_written_together_are_told_apart(run, org, title):
    assert split_org_title(run) == (org, title)


def test_titles_are_recognised_whole():
    assert is_title("常务副总经理") and is_title("党委副书记") and is_title("博士生导师")
    assert not is_title("某某有限公司副总经理")


def test_a_list_of_organisations_shares_the_title_after_it():
    text = "先后担任甲乙咨询有限公司总经理和丙丁地产集团有限公司、戊己置业有限公司副总经理，曾任本公司监事。"
    roles = [(e.employer, e.title) for e in find_narrative_experience(text)]
    assert roles == [
        ("甲乙咨询有限公司", "总经理"),
        ("丙丁地产集团有限公司", "副总经理"),
        ("戊己置业有限公司", "副总经理"),
        ("本公司", "监事"),
    ]


def test_joining_an_organisation_then_titles_held_there():
    text = "2006年3月加入某某银行，历任运营总监、人力资源总监。"
    entries = find_narrative_experience(text)
    assert [(e.employer, e.title, e.start) for e in entries] == [
        ("某某银行", None, "2006-03"),
        ("某某银行", "运营总监、人力资源总监", None),
    ]


def test_a_unit_inside_the_organisation_is_part_of_the_title():
    text = "历任某某锂盐厂车间技术员、科研所所长、质检科长。"
    entries = find_narrative_experience(text)
    assert [(e.employer, e.title) for e in entries] == [("某某锂盐厂", "车间技术员、科研所所长、质检科长")]


def test_a_list_ends_at_the_first_item_that_is_no_role():
    text = "现任某某股份有限公司副总裁，负责公司生产管理、质量控制。"
    entries = find_narrative_experience(text)
    assert [(e.employer, e.title) for e in entries] == [("某某股份有限公司", "副总裁")]


def test_responsibility_and_director_words_do_not_open_a_role():
    # 责任 (in 有限责任公司) and 主任 hold 任 without naming a role of their own
    text = "某某有限责任公司办公室主任。"
    assert [(e.employer, e.title) for e in find_narrative_experience(text)] == [
        ("某某有限责任公司", "办公室主任")
    ]


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("博士研究生学历，博士学位，博士生导师。", ["phd"]),
        ("毕业于某某大学，获学士学位，在职研究生。", ["bachelor", "master"]),
        ("大学专科学历。", ["associate"]),
        ("大学文化，工商管理硕士（EMBA）。", ["bachelor", "master"]),
        ("高中学历，任某某高中教师。", ["other"]),
        ("某某研究生院教授。", []),
    ],
)
def test_degree_levels_in_prose(text, levels):
    assert [entry.degree for entry in find_narrative_education(text)] == levels


def test_school_and_major_come_from_the_degree_clause_or_the_one_before():
    text = "1990年毕业于某某工业大学，获学士学位；某某社科院研究生院国际贸易专业硕士研究生。"
    entries = find_narrative_education(text)
    assert [(e.degree, e.school, e.major) for e in entries] == [
        ("bachelor", "某某工业大学", None),
        ("master", "某某社科院研究生院", "国际贸易"),
    ]


def test_lines_with_dates_keep_the_line_reading():
    # a resume without headings but with one dated entry a line is not read as prose
    text = "李四\n毕业于某某大学，本科学历。\n2016.07-2020.12 在华为担任软件工程师。\n2021.01至今 在蚂蚁集团担任算法专家。\n"
    profile = extract_profile(text, today=TODAY)
    assert [(e.employer, e.title) for e in profile.experience] == [
        ("华为", "软件工程师"),
        ("蚂蚁集团", "算法专家"),
    ]


def test_a_date_and_a_comma_open_a_role_as_ren_does():
    text = "2012/08，某某飞机有限公司纪检组长、副总经理；2014年3月至今，某某重工集团副总裁。"
    entries = find_narrative_experience(text)
    assert [(e.employer, e.title, e.start, e.current) for e in entries] == [
        ("某某飞机有限公司", "纪检组长、副总经理", "2012-08", False),
        ("某某重工集团", "副总裁", "2014-03", True),
    ]


def test_a_birth_year_does_not_open_a_role():
    assert find_narrative_experience("1966年，出生于某某县，1988年，毕业于某某大学。") == []


def test_a_department_of_a_university_belongs_to_the_organisation():
    entries = find_narrative_experience("现任某某大学会计系教授、博士生导师。")
    assert [(e.employer, e.title) for e in entries] == [("某某大学会计系", "教授、博士生导师")]


def test_an_organisation_before_the_verb_and_ranges_run_into_the_words():
    text = (
        "1976～1989年在某某灯泡厂历任财务会计、科长；"
        "1999年7月至今在某某会计师事务所有限公司工作；2007年10月至今任某某投资董事。"
    )
    entries = find_narrative_experience(text)
    assert [(e.employer, e.title, e.start, e.end, e.current) for e in entries] == [
        ("某某灯泡厂", "财务会计、科长", "1976", "1989", False),
        ("某某会计师事务所有限公司", None, "1999-07", None, True),
        ("某某投资", "董事", "2007-10", None, True),
    ]


def test_a_school_graduated_from_away_from_the_degree_joins_it():
    text = "某某，大学文化，注册会计师。毕业于某某财经学院会计学专业。"
    entries = find_narrative_education(text)
    assert [(e.degree, e.school, e.major) for e in entries] == [("bachelor", "某某财经学院", "会计学")]


def test_a_securities_branch_office_is_part_of_the_organisation():
    assert split_org_title("某某证券有限责任公司台州营业部财务经理") == (
        "某某证券有限责任公司台州营业部",
        "财务经理",
    )
