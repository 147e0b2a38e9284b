"""Layouts the rules for printed themes must leave as they were: each case here was read right before
those rules, and a first version of them read it wrong. (People, companies and schools are made up.)"""

from __future__ import annotations

from datetime import date

import pytest
from fpdf import FPDF

from talentdrive.resumes.core import extract_profile, parse_document

TODAY = date(2025, 1, 15)


def jobs(text: str) -> list[tuple[str | None, str | None, str | None, bool]]:
    profile = extract_profile(text, today=TODAY)
    return [(entry.title, entry.employer, entry.start, entry.current) for entry in profile.experience]


def schools(text: str) -> list[tuple[str, str | None, str | None]]:
    profile = extract_profile(text, today=TODAY)
    return [(entry.degree, entry.school, entry.major) for entry in profile.education]


def test_title_employer_and_dates_a_line_each_stay_with_their_own_dates():
    text = "EXPERIENCE\nProduct Manager\nHollin Commerce\nMay 2018 – Aug 2022\nBusiness Analyst\nDewar & Pike\nSep 2015 – Apr 2018\n"

    assert jobs(text) == [
        ("Product Manager", "Hollin Commerce", "2018-05", False),
        ("Business Analyst", "Dewar & Pike", "2015-09", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "EDUCATION\nBachelor of Science in Computer Science\nUniversity of Tarnow\n2014 - 2018\n",
            [("bachelor", "University of Tarnow", "Computer Science")],
        ),
        (
            "EDUCATION\nB.S. in Computer Science, 2014 - 2018\nUniversity of Norland, Westport\n"
            "M.S. in Statistics, 2018 - 2020\nKestrel University\n",
            [
                ("bachelor", "University of Norland, Westport", "Computer Science"),
                ("master", "Kestrel University", "Statistics"),
            ],
        ),
        (
            "EDUCATION\nUniversity of Norland, Westport May 2016\nB.S. Statistics\n",
            [("bachelor", "University of Norland, Westport", "Statistics")],
        ),
    ],
)
def test_a_degree_and_its_school_on_two_lines_stay_one_entry(text, expected):
    assert schools(text) == expected


@pytest.mark.parametrize(
    "line",
    ["- Revenue grew 30% in 2019-", "• Launched the billing service in 2019 —", "- Closed deals in 2014 -"],
)
def test_a_description_closing_on_a_year_and_a_dash_opens_no_job(line):
    assert jobs(f"EXPERIENCE\nEngineer, Acme Robotics, 2018 - 2020\n{line}\n") == [
        ("Engineer", "Acme Robotics", "2018", False)
    ]


def test_a_range_cut_in_two_by_a_column_opens_no_job_still_going():
    text = "EXPERIENCE\nSenior Consultant          Jan 2015 –\nHarrow Advisory            Dec 2018\n"

    assert all(not current for _, _, _, current in jobs(text))


@pytest.mark.parametrize(
    ("line", "title", "employer"),
    [
        ("Registered Nurse, Partners HealthCare, 2014 - 2016", "Registered Nurse", "Partners HealthCare"),
        ("Acme Labs, Co-Founder, 2019 - 2021", "Co-Founder", "Acme Labs"),
        ("Software Engineer, Co-op Bank, 2015 - 2017", "Software Engineer", "Co-op Bank"),
        ("Staff Writer | Inc. Magazine | 2008 - 2010", "Staff Writer", "Inc. Magazine"),
        ("VP, Corp. Development | Acme Holdings | 2015 - 2020", "VP, Corp. Development", "Acme Holdings"),
    ],
)
def test_partners_co_and_inc_in_names_stay_names(line, title, employer):
    assert jobs(f"EXPERIENCE\n{line}\n")[0][:2] == (title, employer)


def test_words_split_into_boxes_inside_a_word_stay_one_word():
    page = (
        "<html><body><h2>Experience</h2><p>Nurse, Mayo Clinic, 20<span>19</span> - Present</p></body></html>"
    )

    result = parse_document(page.encode("utf-8"), "page.html", today=TODAY)

    assert result.profile is not None
    assert [(e.title, e.employer, e.start) for e in result.profile.experience] == [
        ("Nurse", "Mayo Clinic", "2019")
    ]


def test_a_sidebar_drawn_before_the_main_column_keeps_both_columns_whole():
    pdf = FPDF(format="letter")
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.text(30, 30, "Jane Osei  jane@example.com  +1 555 0100")
    side = ["CONTACT", "jane@example.com", "SKILLS", "PyTorch", "SQL", "LANGUAGES", "English"]
    for index, text in enumerate(side):
        pdf.text(160, 45 + 6 * index, text)
    main = [
        "EXPERIENCE",
        "Senior Data Scientist, Orvale Analytics, Mar 2019 - Present",
        "- Designed the A/B testing platform",
        "Data Scientist, Tarrow Insurance, Jul 2016 - Feb 2019",
        "EDUCATION",
        "M.A. in Statistics, Westbrook University, 2014 - 2016",
    ]
    for index, text in enumerate(main):
        pdf.text(12, 45 + 6.2 * index, text)

    result = parse_document(bytes(pdf.output()), "cv.pdf", today=TODAY)

    assert result.profile is not None
    assert [(e.title, e.employer) for e in result.profile.experience] == [
        ("Senior Data Scientist", "Orvale Analytics"),
        ("Data Scientist", "Tarrow Insurance"),
    ]
    assert [(e.degree, e.school) for e in result.profile.education] == [("master", "Westbrook University")]
