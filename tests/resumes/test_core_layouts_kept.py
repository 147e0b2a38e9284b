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


# A second review, of the rules for cards, "Title, Employer" lines and "Area, Type, School" entries.


def test_a_sentence_running_on_after_its_dates_heads_no_job():
    text = (
        "EXPERIENCE\nData Scientist, Wayvale    2018 – 2022\n"
        "Led the Kubernetes migration (2019 – 2020) for twelve product teams across the company.\n"
        "Analyst, Chewton    2016 – 2018\n"
    )

    assert jobs(text) == [("Data Scientist", "Wayvale", "2018", False), ("Analyst", "Chewton", "2016", False)]


def test_an_employer_after_the_dates_is_kept_even_with_small_words_in_it():
    text = (
        "EXPERIENCE\nPolicy Advisor    2019 – 2021    Department of Health and Social Care\n"
        "Recruitment Consultant    2017 – 2019    Reed\n"
    )

    assert jobs(text) == [
        ("Policy Advisor", "Department of Health and Social Care", "2019", False),
        ("Recruitment Consultant", "Reed", "2017", False),
    ]


@pytest.mark.parametrize(
    ("line", "job"),
    [
        # A title that heads a field ends in an employer's word: still the title.
        (
            "Director of Communications, Larkfield Red Cross, 2019 – Present",
            ("Director of Communications", "Larkfield Red Cross"),
        ),
        ("Head of Consulting, Capwick, 2015 – 2019", ("Head of Consulting", "Capwick")),
        # A department after the employer is no employer; "AB", "SA" after a comma start a name.
        (
            "Registered Nurse | Maywood Clinic | Cardiology Services    2018 – 2022",
            ("Registered Nurse", "Maywood Clinic"),
        ),
        ("Supply Chain Analyst, AB Inbrew, 2019 – 2022", ("Supply Chain Analyst", "AB Inbrew")),
        ("Analyst, SA Water, 2016 – 2019", ("Analyst", "SA Water")),
    ],
)
def test_titles_and_employers_the_second_review_kept(line, job):
    assert [entry[:2] for entry in jobs(f"EXPERIENCE\n{line}\n")] == [job]


def test_dates_first_education_keeps_each_school_with_its_degree():
    text = (
        "EDUCATION\n2016 - 2018\nMaster of Science in Finance\nLondon School of Commerce\n"
        "2012 - 2016\nBachelor of Business Administration\nUniversity of Karwick\n"
    )

    assert schools(text) == [
        ("master", "London School of Commerce", "Finance"),
        ("bachelor", "University of Karwick", "Business Administration"),
    ]


def test_honours_and_a_place_after_the_degree_are_no_school():
    text = (
        "EDUCATION\nUniversity of Leedham    2015 – 2018\nM.A. Economics, Summa Cum Laude\n"
        "Obafemi Coastal University 2010 – 2014\nB.Sc. Psychology, Second Class Upper Ile-Ife, Nigeria\n"
    )

    assert [entry[:2] for entry in schools(text)] == [
        ("master", "University of Leedham"),
        ("bachelor", "Obafemi Coastal University"),
    ]


def test_justified_words_in_a_table_cell_stay_one_title():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.text(20, 20, "EXPERIENCE")
    # A narrow cell, set justified: the words of its first line stand 14 points apart.
    for index, word in enumerate(["Senior", "Software", "Engineer"]):
        pdf.text(20 + 22 * index, 30, word)
    pdf.text(20, 35, "(Platform)")
    pdf.text(100, 30, "Apr 2019 - Present")
    pdf.text(20, 45, "Built the payments platform.")

    result = parse_document(bytes(pdf.output()), "cv.pdf", today=TODAY)

    assert result.profile is not None
    # (the bracket fits after "Engineer", so it is read as the next line, not as a wrap of the cell)
    assert [(entry.title, entry.employer) for entry in result.profile.experience] == [
        ("Senior Software Engineer", None)
    ]


def test_a_line_across_the_page_under_a_row_of_cells_is_no_part_of_a_cell():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.text(20, 20, "EXPERIENCE")
    rows = [("Key Account Executive, Larchmont", "2014 - 2018"), ("Sales Assistant, Fenwick", "2012 - 2014")]
    for index, (header, dates) in enumerate(rows):
        top = 30 + 8.4 * index
        pdf.text(20, top, header)
        pdf.text(150, top, dates)
        pdf.text(
            20,
            top + 4.2,
            "Responsible for the north region's accounts and its quarterly reviews with buyers.",
        )

    result = parse_document(bytes(pdf.output()), "cv.pdf", today=TODAY)

    assert result.profile is not None
    assert [(entry.title, entry.employer) for entry in result.profile.experience] == [
        ("Key Account Executive", "Larchmont"),
        ("Sales Assistant", "Fenwick"),
    ]
