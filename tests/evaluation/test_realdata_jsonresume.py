"""The JSON Resume evaluation: gold fields from an owner's file, compared with the parsed printed copy.

The public files live outside the repository; these tests build a folder of the same shape with a
resume written here, so they show that the measurement counts right, not what it measures.
"""

from __future__ import annotations

import io
import json

import pytest

from talentdrive.evaluation.realdata import jsonresume

RESUME = {
    "basics": {"name": "Sam Example"},
    "work": [
        {"name": "Example Robotics", "position": "Staff Engineer", "startDate": "2019-03-01"},
        {"company": "Acme Labs", "position": "Research Intern", "startDate": "2017-06-01"},
    ],
    "education": [{"institution": "Example University", "studyType": "Bachelor of Science", "area": "CS"}],
    "skills": [{"name": "Languages", "keywords": ["Python", "Zig"]}, {"name": "Kubernetes"}],
}

PRINTED = """<html><body><h1>Sam Example</h1>
<h2>Experience</h2>
<p>Staff Engineer, Example Robotics, 2019 – present</p>
<h2>Education</h2>
<p>Example University, Bachelor of Science in Computer Science, 2013 – 2017</p>
<h2>Skills</h2><p>Skills: Python, Zig, Kubernetes</p>
</body></html>"""


@pytest.mark.parametrize(
    ("study_type", "level"),
    [
        ("Bachelor of Science", "bachelor"),
        ("B.Tech", "bachelor"),
        ("BSc", "bachelor"),
        ("Masters", "master"),
        ("M.S.", "master"),
        ("MBA", "master"),
        ("PhD", "phd"),
        ("Doctor of Philosophy", "phd"),
        ("Associate of Applied Science", "associate"),
        ("Certificate", None),
        ("Associate", "associate"),
        ("AWS Certified Solutions Architect - Associate", None),
        ("Graduate Diploma in Information Technology", None),
        ("Bachelor's diploma", "bachelor"),
        ("", None),
    ],
)
def test_a_study_type_maps_to_a_level_or_to_none(study_type, level):
    assert jsonresume.study_level(study_type) == level


def test_gold_fields_read_name_or_company_and_keywords_or_the_skill_name():
    gold = jsonresume.gold_fields(RESUME)

    assert gold["name"] == ["Sam Example"]
    assert gold["titles"] == ["Staff Engineer", "Research Intern"]
    assert gold["employers"] == ["Example Robotics", "Acme Labs"]
    assert gold["schools"] == ["Example University"]
    assert gold["degree"] == ["bachelor"]
    assert gold["skills"] == ["Python", "Zig", "Kubernetes"]


def test_the_split_is_fixed_by_the_file_name():
    splits = {jsonresume.split_of(f"owner{index}__resume") for index in range(40)}

    assert splits == {"train", "dev", "test"}
    assert jsonresume.split_of("owner1__resume") == jsonresume.split_of("owner1__resume")


def test_a_printed_copy_is_parsed_and_counted_per_field(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "sam__resume.json").write_text(json.dumps(RESUME), encoding="utf-8")
    printed = tmp_path / "rendered" / "plain"
    printed.mkdir(parents=True)
    (printed / "sam__resume.html").write_text(PRINTED, encoding="utf-8")
    out = io.StringIO()

    assert jsonresume.run(stdout=out, data=tmp_path, split="all", fmt="html") == 0

    rows = {
        tuple(cell.strip() for cell in row.split("|")[1:3]): row.split("|")[3:]
        for row in out.getvalue().splitlines()
        if row.startswith("| all |")
    }
    recall = {field: float(cells[0]) for (_, field), cells in rows.items()}
    gold = {field: int(cells[3]) for (_, field), cells in rows.items()}
    # One of two jobs is in the printed copy: the other is not counted, as nothing could find it.
    assert gold == {"name": 1, "titles": 1, "employers": 1, "schools": 1, "degree": 1, "skills": 3}
    assert recall == {
        "name": 1.0,
        "titles": 1.0,
        "employers": 1.0,
        "schools": 1.0,
        "degree": 1.0,
        "skills": 1.0,
    }


def test_without_the_folder_it_says_it_skipped(tmp_path):
    out = io.StringIO()

    assert jsonresume.run(stdout=out, data=tmp_path / "missing") == 0
    assert out.getvalue().startswith("skipped:")
