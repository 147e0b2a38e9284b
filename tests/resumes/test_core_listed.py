"""Skills as listed in a skills section: kept as written, with the taxonomy's id where it has one.
(People and text are made up.)"""

from __future__ import annotations

from talentdrive.resumes.core import extract_profile, profile_to_json

from .test_core_layouts import JOB_SITE_EXPORT


def test_listed_skills_are_kept_raw_when_the_taxonomy_does_not_know_them():
    # when
    profile = extract_profile(JOB_SITE_EXPORT)
    listed = {item.name: item.skill_id for item in profile.listed_skills}
    # then: every listed name is kept; known ones carry their canonical id
    assert set(listed) == {"AutoCAD", "SolidWorks", "Python", "Six Sigma", "Minitab"}
    assert listed["Python"] == "python"
    assert listed["Minitab"] is None
    for item in profile.listed_skills:
        assert JOB_SITE_EXPORT[item.span.start : item.span.end] == item.name


def test_listed_skills_in_chinese_with_a_label_and_a_lead_word():
    text = "王五\n专业技能\n熟练掌握 PyTorch、分布式训练、Gephi\n编程语言：Python, Zig\n"
    listed = [(item.name, item.skill_id) for item in extract_profile(text).listed_skills]
    assert listed == [
        ("PyTorch", "pytorch"),
        ("分布式训练", "distributed-training"),
        ("Gephi", None),
        ("Python", "python"),
        ("Zig", None),
    ]


def test_sentences_in_a_skills_section_are_not_listed_skills():
    text = "Skills\nI enjoy building reliable data pipelines for analytics teams\nGephi\n"
    assert [item.name for item in extract_profile(text).listed_skills] == ["Gephi"]


def test_listed_skills_are_in_the_json():
    data = profile_to_json(extract_profile("Skills\nGephi, Python\n"))
    assert data["listed_skills"] == [
        {"name": "Gephi", "id": None, "span": [7, 12]},
        {"name": "Python", "id": "python", "span": [14, 20]},
    ]


def test_without_a_skills_heading_a_line_listing_skills_is_a_list():
    text = (
        "Tunde Okafor\ntunde@example.org | +1 415 555 0100\n"
        "Software Engineer, Globex, 2017 – 2019\n"
        "Beijing, Shanghai, Hangzhou\n"
        "Python, Go, Kubernetes, Gephi\n"
    )
    listed = [(item.name, item.skill_id) for item in extract_profile(text).listed_skills]
    # the job line and the cities are no skills list; the last line is
    assert listed == [("Python", "python"), ("Go", "go"), ("Kubernetes", "kubernetes"), ("Gephi", None)]


def test_a_job_sites_note_of_experience_is_not_part_of_the_skill():
    text = "SKILLS\nJava (3 years), SQL (Less than 1 year), Gephi (1 year)\n"
    listed = [(item.name, item.skill_id) for item in extract_profile(text).listed_skills]
    assert listed == [("Java", "java"), ("SQL", "sql"), ("Gephi", None)]


def test_a_line_labelled_skills_is_a_list_even_when_the_taxonomy_knows_none_of_it():
    text = (
        "Plant Controller\n"
        "Skills: Kronos Workforce Central, HCSS HeavyBid, Gephi, Epicor Vantage\n"
        "- Ran month-end close for two plants.\n"
    )
    listed = [item.name for item in extract_profile(text).listed_skills]
    assert listed == ["Kronos Workforce Central", "HCSS HeavyBid", "Gephi", "Epicor Vantage"]


def test_a_labelled_tools_line_inside_an_experience_section_is_listed():
    text = (
        "Ama Mensah\nExperience\nSite Engineer, Corvel Build, 2019 – 2022\n"
        "Tools used: Primavera P6, Bluebeam Revu\nPoured 40 foundations.\n"
    )
    listed = [item.name for item in extract_profile(text).listed_skills]
    assert listed == ["Primavera P6", "Bluebeam Revu"]


def test_a_label_that_is_no_skills_label_keeps_the_line_out():
    text = "Ama Mensah\nExperience\nSite Engineer, Corvel Build, 2019 – 2022\nClients: Larkin Homes, Oduya\n"
    assert extract_profile(text).listed_skills == ()
