"""English layouts people really send: job-site exports, one-line entries, national degree abbreviations,
and skills lists the taxonomy only partly knows. (People, companies and schools are made up.)"""

from __future__ import annotations

from datetime import date

import pytest

from talentdrive.resumes.core import extract_profile, parse_document
from talentdrive.resumes.core.education import find_school
from talentdrive.resumes.core.headerline import header_parts

TODAY = date(2026, 11, 25)

JOB_SITE_EXPORT = """Anita Deshmukh
Quality Engineer - Corvale Systems
Nashik, Maharashtra

WORK EXPERIENCE

Quality Engineer
Corvale Systems - Nashik, Maharashtra -
March 2019 to Present

Ran incoming inspection for machined parts.

Store Manager
Brightmart Retail - Wakad, Maharashtra -
June 2015 to February 2019

Managed a team of twelve.

EDUCATION

B.E. in Mechanical Engineering
Deccan College of Engineering - Nashik, Maharashtra
2011 to 2015

SKILLS

AutoCAD, SolidWorks, Python, Six Sigma and Minitab
"""


def test_a_job_site_export_reads_title_employer_and_dates_without_the_state():
    # when
    profile = extract_profile(JOB_SITE_EXPORT, today=TODAY)
    # then
    assert [(e.employer, e.title, e.start, e.end, e.current) for e in profile.experience] == [
        ("Corvale Systems", "Quality Engineer", "2019-03", None, True),
        ("Brightmart Retail", "Store Manager", "2015-06", "2019-02", False),
    ]
    assert [(e.degree, e.school) for e in profile.education] == [
        ("bachelor", "Deccan College of Engineering")
    ]


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Corvale Systems - Nashik, Maharashtra -", ["Corvale Systems"]),
        ("Brightmart Retail - Wakad, Maharashtra -", ["Brightmart Retail"]),  # a city not in the lists
        ("Ledgerwise Payments, New York, NY", ["Ledgerwise Payments"]),  # the first piece is the employer
        ("Helio Labs - Austin, Texas", ["Helio Labs"]),
    ],
)
def test_a_city_and_state_after_the_employer_are_dropped(line, parts):
    assert header_parts(line) == parts


def test_one_line_entries_without_headings():
    text = (
        "Owen Adeyemi\nowen@example.org\n"
        "Senior Data Scientist, Fernleaf Analytics, 2021 – present\n"
        "Accountant, Marlow & Pike, 2017 – 2021\n"
    )
    profile = extract_profile(text, today=TODAY)
    assert [(e.employer, e.title, e.current) for e in profile.experience] == [
        ("Fernleaf Analytics", "Senior Data Scientist", True),
        ("Marlow & Pike", "Accountant", False),
    ]
    assert profile.years_experience == pytest.approx(9.8, abs=0.1)


@pytest.mark.parametrize(
    ("line", "degree"),
    [
        ("Masters in Computer Science, Northgate University, 2019", "master"),
        ("Bachelor of Engineering in Computer Science, Northgate University, 2015", "bachelor"),
        ("B.E., Northgate University, 2015", "bachelor"),
        ("B.Tech (Electronics), Northgate University, 2015", "bachelor"),
        ("M.Tech in VLSI Design, Northgate University, 2017", "master"),
        ("MCA, Northgate University, 2016", "master"),
        ("B.Com, Northgate University, 2012", "bachelor"),
        ("BA in Economics, Northgate University, 2012", "bachelor"),
        ("PGDM, Northgate School of Management, 2014", "master"),
        ("B.E in Computer Science, Northgate University, 2015", "bachelor"),
        ("M.E in Structural Engineering, Northgate University, 2017", "master"),
        ("B.Ed, Northgate College of Education, 2011", "bachelor"),
    ],
)
def test_national_degree_abbreviations(line, degree):
    profile = extract_profile(f"Education\n{line}\n")
    assert [e.degree for e in profile.education] == [degree]


def test_masters_in_keeps_its_major():
    profile = extract_profile("Education\nMasters in Computer Science, Northgate University, 2019\n")
    assert profile.education[0].major == "Computer Science"


def test_ms_office_is_no_degree():
    profile = extract_profile("Education\nNorthgate University, 2019\nSkills\nMS Office, Excel\n")
    assert [e.degree for e in profile.education] == ["other"]


# Chinese job sites' exports, in the shapes they print (text of our own).
EXPORT_51 = """张伟
工作经验
2018/07 -- 至今
北京云栈科技有限公司 [ 5年 ]
所属行业： 互联网/电子商务
技术部 | 高级算法工程师
负责推荐系统排序模型。
2015/07 -- 2018/06
杭州数澜网络有限公司 [ 3年 ]
所属行业： 计算机软件
研发中心 | 数据工程师
"""
EXPORT_ZHILIAN = """李娜
工作经历
2019.07 - 至今  上海百川智能科技有限公司（4年3个月）
高级算法工程师 | 月薪：20001-30000元/月
工作描述：负责多模态模型训练。
2016.07 - 2019.06  南京星图信息技术有限公司（3年）
算法工程师 | 月薪：10001-15000元/月
"""
EXPORT_HEADER_THEN_DATES = """王强
工作经历
云栈科技  算法工程师
2019.07-至今
数澜网络  数据工程师
2016.07-2019.06
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            EXPORT_51,
            [("北京云栈科技有限公司", "高级算法工程师", True), ("杭州数澜网络有限公司", "数据工程师", False)],
        ),
        (
            EXPORT_ZHILIAN,
            [
                ("上海百川智能科技有限公司", "高级算法工程师", True),
                ("南京星图信息技术有限公司", "算法工程师", False),
            ],
        ),
    ],
)
def test_chinese_job_site_exports_drop_the_duration_and_find_the_title(text, expected):
    profile = extract_profile(text, today=TODAY)
    assert [(e.employer, e.title, e.current) for e in profile.experience] == expected


def test_a_header_above_its_dates_is_not_given_to_the_previous_dates():
    profile = extract_profile(EXPORT_HEADER_THEN_DATES, today=TODAY)
    assert [(e.employer, e.title, e.start) for e in profile.experience] == [
        ("云栈科技", "算法工程师", "2019-07"),
        ("数澜网络", "数据工程师", "2016-07"),
    ]


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("北京云栈科技有限公司 [ 5年 ]", ["北京云栈科技有限公司"]),
        ("上海百川智能科技有限公司（4年3个月）", ["上海百川智能科技有限公司"]),
        ("Helio Labs (2 yrs 3 mos)", ["Helio Labs"]),
    ],
)
def test_a_printed_duration_is_not_part_of_the_employer(line, parts):
    assert header_parts(line) == parts


LINKEDIN_EXPORT = """Contact
priya.n@example.org
Top Skills
Apache Kafka
Terraform
Priya Natarajan
Senior Data Engineer at Quillmark
Chennai, Tamil Nadu, India
Experience
Quillmark
Senior Data Engineer
March 2021 - Present (3 years 9 months)
Chennai, Tamil Nadu, India
Ferrowave Systems
4 years 2 months
Data Engineer
January 2019 - February 2021 (2 years 2 months)
Bengaluru, Karnataka, India
Associate Engineer
January 2017 - December 2018 (2 years)
Bengaluru, Karnataka, India
Education
Anna Vale University
Bachelor of Technology - BTech, Information Technology · (2012 - 2016)
"""


def test_a_linkedin_export():
    # when
    profile = extract_profile(LINKEDIN_EXPORT, today=TODAY)
    # then: the name after the side column, not a skill listed in it
    assert profile.name is not None and profile.name.value == "Priya Natarajan"
    # roles under one employer keep it; the employer's total duration heads nothing
    assert [(e.employer, e.title, e.start) for e in profile.experience] == [
        ("Quillmark", "Senior Data Engineer", "2021-03"),
        ("Ferrowave Systems", "Data Engineer", "2019-01"),
        ("Ferrowave Systems", "Associate Engineer", "2017-01"),
    ]
    assert [(e.degree, e.school, e.major) for e in profile.education] == [
        ("bachelor", "Anna Vale University", "Information Technology")
    ]
    assert [item.name for item in profile.listed_skills] == ["Apache Kafka", "Terraform"]


JOB_SITE_EDUCATION_TYPED = """Rohan Mehta
Systems Analyst - Veltrix Solutions
Pune, Maharashtra - Email me on Indeed: indeed.com/r/Rohan-Mehta/abc123

EDUCATION

B.E in Information science and engineering

K.l.s college of engineering and technology -  Belgaum, Karnataka

August 2013 to June 2017
"""


def test_a_school_and_a_major_typed_in_lower_case():
    profile = extract_profile(JOB_SITE_EDUCATION_TYPED, today=TODAY)
    assert [(e.degree, e.school, e.major, e.start) for e in profile.education] == [
        (
            "bachelor",
            "K.l.s college of engineering and technology",
            "Information science and engineering",
            "2013-08",
        )
    ]
    assert profile.location is not None and profile.location.value == "Pune, Maharashtra"


@pytest.mark.parametrize(
    "line",
    [
        "worked with college students on weekend projects",
        "Worked with college students on projects",
        "The university library, 2015",
    ],
)
def test_a_sentence_naming_a_college_is_no_school(line):
    assert find_school(line) is None


# As a published JSON Resume theme prints a resume to PDF: the employer above "Title  dates  site",
# an icon font's glyph before a duration, volunteering apart from work.
THEME_PRINTED = """Noor Haddad
Platform Engineer

Work
Quillfeather Analytics
Senior Platform Engineer 2019-04-01 - 2023-02-28 https://quillfeather.example.com/
Ran the build farm.
Marlow Freight Software
Backend Developer 2016-07-01 - 2019-03-31 https://marlow.example.com/
Wrote the billing service.

Volunteer
Mentor at Code Club 2015-01-01 - 2016-01-01
"""

ICON_PRINTED = """Noor Haddad

Work Experience
Senior Platform Engineer, Quillfeather Analytics
Apr, 2019 - Feb, 2023 \ue60a 3 years 10 months
Ran the build farm.
"""


def test_a_theme_printed_entry_keeps_its_employer_above_and_drops_the_site():
    profile = extract_profile(THEME_PRINTED, today=TODAY)

    assert [(entry.title, entry.employer, entry.start) for entry in profile.experience] == [
        ("Senior Platform Engineer", "Quillfeather Analytics", "2019-04"),
        ("Backend Developer", "Marlow Freight Software", "2016-07"),
    ]


def test_a_duration_after_the_dates_is_no_employer_nor_is_an_icon():
    result = parse_document(ICON_PRINTED.encode("utf-8"), "printed.txt", today=TODAY)
    profile = result.profile
    assert profile is not None
    assert "\ue60a" not in result.text

    assert [(entry.title, entry.employer) for entry in profile.experience] == [
        ("Senior Platform Engineer", "Quillfeather Analytics")
    ]


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Backend Developer | https://marlow.example.com/", ["Backend Developer"]),
        ("Acme Robotics | www.acme.example | Staff Engineer", ["Acme Robotics", "Staff Engineer"]),
        ("Quillfeather Analytics | 3 years 10 months", ["Quillfeather Analytics"]),
        ("Quillfeather Analytics | 29 days", ["Quillfeather Analytics"]),
        ("1 day", []),
        ("华东数据 | 2年3个月", ["华东数据"]),
        # A legal form after a comma is the employer's; one before a title ends the employer.
        ("Ferrow Logics, Inc | Principal Developer", ["Ferrow Logics, Inc", "Principal Developer"]),
        ("Brightlane, llc", ["Brightlane, llc"]),
        ("VoxQuill Ltd. Senior TTS Researcher", ["VoxQuill Ltd.", "Senior TTS Researcher"]),
    ],
)
def test_web_addresses_and_bare_durations_are_no_header_parts(line, parts):
    assert header_parts(line) == parts


@pytest.mark.parametrize(
    ("line", "school"),
    [
        ("Bachelor of Science at University of Tarnow Sept 2016 - Jun 2019", "University of Tarnow"),
        ("The University of Westbrook Aug 2017 - May 2021", "The University of Westbrook"),
        ("Aldgate and Bexley Grammar School", "Aldgate and Bexley Grammar School"),
        ("Harlow and Finch College 2008 - 2012", "Harlow and Finch College"),
        # A campus stays, a month after the comma is no campus, two spaces end the name.
        (
            "Bachelor at University of Norland, Santa Marta Aug 2010 - Jun 2014",
            "University of Norland, Santa Marta",
        ),
        ("Ph.D. in Physics, Westbrook University, Sep 2016 – Dec 2021", "Westbrook University"),
        ("2015 - 2018   University of Tarnow   BSc Mathematics", "University of Tarnow"),
        ("Universitat Autònoma de TarragonaSept", "Universitat Autònoma de Tarragona"),
    ],
)
def test_a_school_name_stops_before_a_month_and_may_join_two_names(line, school):
    found = find_school(line)

    assert found is not None and found[0] == school


# As a theme prints education: the school and its dates on a row, cut by a narrow column; the subject
# and the degree below; a school named without "university" or "college".
THEME_EDUCATION = """Mira Osei

Education
Ridgeway School of 2023 - 2025
Engineering
Machine Learning
Master of Science
Courses
Deep Learning

Kestrel Tech Bootcamp 2019 - 2020
Full-stack Web Development
Certificate
"""


# As a theme's HTML sets education: the school, its dates, the subject and the degree, a line each; and
# a name the column cut before its kind.
THEME_EDUCATION_BOXES = """Rui Kestel

Education
Westbrook University
1999-09-01 — 2004-05-01
Computer Science & Cognitive Psychology
Bachelor of Science
Courses
Cognition

Master of Science at Southern Larkspur
University Aug 2010 - May 2012
"""


def test_education_set_a_line_a_box_reads_the_degree_on_the_fourth_line_and_mends_a_cut_name():
    profile = extract_profile(THEME_EDUCATION_BOXES, today=TODAY)

    assert [(entry.school, entry.degree, entry.start) for entry in profile.education] == [
        ("Westbrook University", "bachelor", "1999-09"),
        ("Southern Larkspur University", "master", "2010-08"),
    ]


def test_theme_printed_education_mends_a_cut_name_reads_the_degree_below_and_a_plain_name():
    profile = extract_profile(THEME_EDUCATION, today=TODAY)

    assert [(entry.school, entry.degree, entry.start) for entry in profile.education] == [
        ("Ridgeway School of Engineering", "master", "2023"),
        ("Kestrel Tech Bootcamp", "other", "2019"),
    ]


# The shapes other themes print: "Title at Employer  dates", "Employer  dates" / site / "Title", an
# entry still going with its end left out, a title in brackets with a comma.
THEME_ROWS = """Work Experience
Senior Backend Engineer at Tallis & Moore Software Jan 2020 - Present
Ran the payments team.
Frontend Developer (Freelance, Part-time) at Oriel Studio Mar 2018 - Dec 2019
Built the booking site.
Ferrow Analytics 2015-06-01 — 2018-02-01
https://ferrow.example.com/
Research Software Engineer
Wrote the query planner.
Brightlane, llc 2012-02-01 —
Founder
Team Leader at Harrow Life Sciences Computing Jan 2010 - Dec 2011
DevOps at Tessel Share 2008 - 2010
"""


def test_theme_rows_give_title_and_employer():
    profile = extract_profile(THEME_ROWS, today=TODAY)

    assert [(entry.title, entry.employer, entry.current) for entry in profile.experience] == [
        ("Senior Backend Engineer", "Tallis & Moore Software", True),
        ("Frontend Developer (Freelance, Part-time)", "Oriel Studio", False),
        ("Research Software Engineer", "Ferrow Analytics", False),
        ("Founder", "Brightlane, llc", True),
        ("Team Leader", "Harrow Life Sciences Computing", False),
        ("DevOps", "Tessel Share", False),
    ]


# Another theme's education: "subject, degree, school" on one line, its dates below, then the next.
THEME_EDUCATION_LINES = """Dana Whitlock

Education
Software Engineering, Master's degree, Orvale Polytechnic Institute of
Technology
Sep, 2014 - Jun, 2019
Software Engineering major
Computer Science, Exchange program, Brackley University
Sep, 2017 - Jun, 2018
Data Science, Bachelor of Science, KESTA
Sep, 2010 - Jun, 2014
"""


def test_education_lines_of_subject_degree_and_school_are_entries_of_their_own():
    profile = extract_profile(THEME_EDUCATION_LINES, today=TODAY)

    assert [(entry.school, entry.degree, entry.start) for entry in profile.education] == [
        ("Orvale Polytechnic Institute of Technology", "master", "2014-09"),
        ("Brackley University", "other", "2017-09"),
        ("KESTA", "bachelor", "2010-09"),
    ]


# A resume page as a theme writes its HTML: a counted heading, dates in two boxes a line each, inline
# boxes side by side without a space between them, the title and then the employer under the dates.
THEME_PAGE = """<html><body><h1>Ines Alvar</h1>
<section><h2>Work Experience(2)</h2>
<div><div><span>Nov, 2016 - Sep, 2018</span><span>1 year 10 months</span></div>
<div>Senior Engineer</div><div>Tarrow Financial</div>
<p>Ran the ledger team.</p></div>
<div><div>Platform Developer</div><div><span>2012-03-01</span></div><div><span>- 2016-03-01</span></div>
<div>Quillon Labs</div></div>
</section></body></html>"""


def test_a_theme_page_in_html_gives_its_entries():
    result = parse_document(THEME_PAGE.encode("utf-8"), "page.html", today=TODAY)
    assert result.profile is not None

    assert "20181" not in result.text
    assert [(entry.title, entry.employer, entry.start) for entry in result.profile.experience] == [
        ("Senior Engineer", "Tarrow Financial", "2016-11"),
        ("Platform Developer", "Quillon Labs", "2012-03"),
    ]


@pytest.mark.parametrize(
    ("line", "school"),
    [
        # The name goes on: a short name in capitals in brackets, "in" a place, a hyphen and a place; a
        # place after a comma or a space, a bracket of words, a school in brackets are not the name.
        (
            "Royal Institute of Technology in Norland (RIN-T)  2018-08 - 2021-06",
            "Royal Institute of Technology in Norland (RIN-T)",
        ),
        ("University of Westmarch (Dearborn)", "University of Westmarch"),
        ("University of Westmarch (Rhodes Scholar)    2016 – 2018", "University of Westmarch"),
        ("Harlow Polytechnic (Eastvale University)", "Harlow Polytechnic"),
        ("Coastal State Polytechnic University-Pomona", "Coastal State Polytechnic University-Pomona"),
        ("Brightwater University, Hamilton, ON", "Brightwater University"),
        ("Eastvale University Houston    2012 – 2016", "Eastvale University"),
        ("M.S. from Harlow University in Data Science, 2020", "Harlow University"),
        # Brackets that spell the initials say the name again; a degree after a comma is no province.
        ("Northgate Institute of Technology (NIT) — Ph.D.", "Northgate Institute of Technology"),
        ("Eastvale University, BS", "Eastvale University"),
        # Small words inside a name.
        (
            "Peter the Great Northgate Polytechnic University",
            "Peter the Great Northgate Polytechnic University",
        ),
        ("Universitat Rovira i Virgili", "Universitat Rovira i Virgili"),
        ("Université du Littoral Côte d'Opale", "Université du Littoral Côte d'Opale"),
        ("University of Westmarch in 2015", "University of Westmarch"),
        # A capital "Of"; a place after "in" or straight after the kind; never a subject.
        ("Northgate Institute Of Technology Madras", "Northgate Institute Of Technology Madras"),
        ("Harlow University in St. Louis", "Harlow University in St. Louis"),
        ("Universitat Pompeu Harlow i Barcelona School of Management", "Universitat Pompeu Harlow"),
        ("Eastvale University Computer Science  2015 - 2019", "Eastvale University"),
    ],
)
def test_a_school_name_keeps_what_its_owner_wrote_after_it(line, school):
    found = find_school(line)
    assert found is not None and found[0] == school


def test_area_study_type_school_lines_over_their_dates_and_courses():
    # Each entry: "Area, Study type, School", its dates, then courses; the schools have no kind word.
    text = """Education
Philosophy, Degree, NORDA
Jan, 2015 - Present
Ethics  Logic
Software Engineering, Bachelor, Eastvale University
Sep, 2018 - May, 2022
Data Structures  Programming
Digital Marketing, Course, Learnhub
Feb, 2024 - May, 2024
"""
    profile = extract_profile(text, today=TODAY)
    assert [(e.school, e.degree) for e in profile.education] == [
        ("NORDA", "other"),
        ("Eastvale University", "bachelor"),
        ("Learnhub", "other"),
    ]


def test_cards_in_one_row_give_each_school_its_entry():
    # Two cards side by side: a name, its dates, the next card's name (its dates on the next line).
    text = """Education
NORDA  2024-09 - Present  Eastvale Tech 48
2021-09 - 2024-06
Skills
Python
"""
    profile = extract_profile(text, today=TODAY)
    assert [(e.school, e.start) for e in profile.education] == [
        ("NORDA", "2024-09"),
        ("Eastvale Tech 48", "2021-09"),
    ]


def test_a_degree_line_is_never_carried_to_the_next_dated_school():
    text = """Education
2019年9月 – 2023年8月 东岚大学 电子及计算机工程 博士
PhD
2015年9月 – 2019年6月 西岭大学 电子信息工程 学士
"""
    profile = extract_profile(text, today=TODAY)
    assert [(e.school, e.degree) for e in profile.education] == [
        ("东岚大学", "phd"),
        ("西岭大学", "bachelor"),
    ]


@pytest.mark.parametrize(
    ("header", "title", "employer"),
    [
        # "Title, Employer" over its dates, as some themes print each job.
        ("Tech Coach, Quillplay", "Tech Coach", "Quillplay"),
        ("Sr. Web Developer, Revquill Guru Inc", "Sr. Web Developer", "Revquill Guru Inc"),
        (
            "Senior Interaction Designer, Tarn Consultancy Pvt. Ltd.",
            "Senior Interaction Designer",
            "Tarn Consultancy Pvt. Ltd.",
        ),
        ("Software Craftsman, Lunel Labs", "Software Craftsman", "Lunel Labs"),
        # A department or region between them: the part with an employer's word is the employer.
        ("Technician, Engine Analysis, Scandor Group", "Technician", "Scandor Group"),
        (
            "Staff Engineer, Spatial Genomics R&D, Tamber Bio USA, Inc.",
            "Staff Engineer",
            "Tamber Bio USA, Inc.",
        ),
        # The title's own qualifier after a dash: the employer follows the last comma.
        (
            "Fullstack Engineer - Go/NodeJS, Stonemark Pagos",
            "Fullstack Engineer - Go/NodeJS",
            "Stonemark Pagos",
        ),
        (
            "Vice President - User Experience, Innoplex Pvt. Ltd.",
            "Vice President - User Experience",
            "Innoplex Pvt. Ltd.",
        ),
        ("Software Developer, Publishing Concepts, L.P.", "Software Developer", "Publishing Concepts, L.P."),
    ],
)
def test_title_comma_employer_over_its_dates(header, title, employer):
    text = f"Work Experience\n{header}\nMar, 2017 - Sep, 2018  1 year 6 months\nBuilt the build.\n"
    profile = extract_profile(text, today=TODAY)
    assert [(e.title, e.employer) for e in profile.experience] == [(title, employer)]


# A section that sets each employer on its own line above the title, the title's qualifier after a comma.
EMPLOYER_ABOVE = """Work
Harbourline Medical Solutions
QA Specialist
2024-06 - Present
Wrote the release checklists.
Pelicorp
Incident Support Specialist, Nordics
2022-03 - 2024-05
Ran incident reviews.
Stonebridge Loans LP
Backend Engineer - Python/MongoDB
2019-01 - 2022-02
Built the loan ledger.
Quaymark
Support Engineer
2017-01 - 2018-12
Answered the pager.
"""


def test_employers_above_their_titles_keep_the_titles_qualifier():
    profile = extract_profile(EMPLOYER_ABOVE, today=TODAY)
    assert [(e.title, e.employer) for e in profile.experience] == [
        ("QA Specialist", "Harbourline Medical Solutions"),
        ("Incident Support Specialist, Nordics", "Pelicorp"),
        ("Backend Engineer - Python/MongoDB", "Stonebridge Loans LP"),
        ("Support Engineer", "Quaymark"),
    ]


def test_a_title_comma_name_section_never_takes_the_line_above_for_employer():
    # Keywords of the last job stand above each "Title, Employer": they are no employer.
    text = """Work Experience
Render Farm Engineer, Bullford Post Production
May, 2005 - Oct, 2005
Built a render cluster.
Houdini Render
Astaro Firewall
UNIX Administrator, Primo Telecom
Jan, 2002 - May, 2005
Ran hosting.
"""
    profile = extract_profile(text, today=TODAY)
    assert [(e.title, e.employer) for e in profile.experience] == [
        ("Render Farm Engineer", "Bullford Post Production"),
        ("UNIX Administrator", "Primo Telecom"),
    ]


def test_title_at_employer_keeps_the_employers_place_after_a_comma():
    text = "Experience\nSoftware Engineer at Postwick Innovation Outpost, Kitchener ON  2017-05 - 2018-08\n"
    profile = extract_profile(text, today=TODAY)
    assert [e.title for e in profile.experience] == ["Software Engineer"]
    assert (profile.experience[0].employer or "").startswith("Postwick Innovation Outpost")


def test_an_employer_named_with_at_is_kept_as_written():
    text = (
        "Work\nUniversity of Northfield at Urbana-Champaign  2022-09 — 2025-12\nGraduate Research Assistant\n"
    )
    profile = extract_profile(text, today=TODAY)
    assert [(e.title, e.employer) for e in profile.experience] == [
        ("Graduate Research Assistant", "University of Northfield at Urbana-Champaign")
    ]


def test_a_theme_printing_invalid_date_for_an_open_end_and_dashed_titles_at_employer():
    text = """Work Experience
Craft Coach - Staff Engineer at Wakefield  May 2024 - Oct 2024
Coached teams.
Co-founder at Routewise  Aug 2019 - Invalid Date
Built the product.
"""
    profile = extract_profile(text, today=TODAY)
    assert [(e.title, e.employer, e.start, e.current) for e in profile.experience] == [
        ("Craft Coach - Staff Engineer", "Wakefield", "2024-05", False),
        ("Co-founder", "Routewise", "2019-08", True),
    ]


def test_the_column_beside_an_entry_is_no_part_of_its_header():
    # The employer on its line, then "Title  dates  <the first words of the highlights column>".
    text = """Work
Zelmark Analytics Pvt. Ltd.
Chief User Experience Designer  April 2013 - September 2015  Led a team of five designers
that built the analytics suite.
Sainsfield
Software Engineer  2022-01 - Present  https://www.sainsfield.example/  Developed
the checkout service.
"""
    profile = extract_profile(text, today=TODAY)
    assert [(e.title, e.employer) for e in profile.experience] == [
        ("Chief User Experience Designer", "Zelmark Analytics Pvt. Ltd."),
        ("Software Engineer", "Sainsfield"),
    ]


def test_area_type_school_lines_whatever_the_type_and_a_generic_school_is_no_name():
    text = """Education
Computer Technician, High School, CETIS 48
Aug, 2011 - Jul, 2014
Full Stack Development, , Jonbryce
Apr, 2017 - Sep, 2018
Courses  Git
Information Technology, Software Development, IES Punta del Verde
Dec, 2010 - Dec, 2013
"""
    profile = extract_profile(text, today=TODAY)
    assert [(e.school, e.start) for e in profile.education] == [
        ("CETIS 48", "2011-08"),
        ("Jonbryce", "2017-04"),
        ("IES Punta del Verde", "2010-12"),
    ]


def test_study_at_school_wrapped_by_a_narrow_column():
    text = """Education
Master Computer Science Engineering at Catholic  Sept 2014 - Jul 2016
University of Lillemark
Bachelor Computer Science at IUT of Lensfield  Sept 2011 - Jul 2014
University Computer Systems Engineer at Instituto Tecnológico de Saltamar  Aug 2014 - Jul 2019
"""
    profile = extract_profile(text, today=TODAY)
    assert [(e.school, e.start) for e in profile.education] == [
        ("Catholic University of Lillemark", "2014-09"),
        ("IUT of Lensfield", "2011-09"),
        ("Instituto Tecnológico de Saltamar", "2014-08"),
    ]
