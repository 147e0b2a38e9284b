"""Text to profile on Chinese, English and mixed resumes."""

from __future__ import annotations

from datetime import date

import pytest

from talentdrive.resumes.core import extract_profile, profile_to_json
from talentdrive.resumes.core.sections import heading_kind

from .core_samples import EN_RESUME, MIXED_RESUME, ZH_RESUME

TODAY = date(2024, 7, 1)


def test_chinese_resume():
    profile = extract_profile(ZH_RESUME, today=TODAY)

    assert profile.language == "zh"
    assert profile.name is not None and profile.name.value == "张伟"
    assert [p.e164 for p in profile.phones] == ["+8613800138000"]
    assert profile.location is not None and profile.location.value == "北京市海淀区"
    assert [(link.kind, link.url) for link in profile.links] == [("github", "https://github.com/zhangwei-ml")]
    assert [(e.degree, e.school, e.major, e.start, e.end) for e in profile.education] == [
        ("master", "清华大学", "计算机科学与技术", "2019-09", "2022-06"),
        ("bachelor", "北京邮电大学", "通信工程", "2015-09", "2019-06"),
    ]
    assert [(e.employer, e.title, e.start, e.end, e.current, e.internship) for e in profile.experience] == [
        ("字节跳动", "算法工程师", "2022-07", None, True, False),
        ("腾讯", "算法实习生", "2021-06", "2021-09", False, True),
    ]
    # The internship does not count; the current job runs from 2022-07 to 2024-07.
    assert profile.years_experience == 2.0
    assert [(p.venue, p.year, p.top_venue) for p in profile.publications] == [
        ("NeurIPS", 2023, True),
        ("ACL", 2022, True),
    ]
    assert profile.publications[0].title == "Efficient Sparse Attention for Long Context"
    assert profile.publications[1].title == "多模态医疗影像报告生成"
    assert [(a.kind, a.year) for a in profile.awards] == [("competition", 2018), ("scholarship", 2017)]
    skill_surfaces = {m.surface for skill in profile.skills for m in skill.mentions}
    assert {"PyTorch", "CUDA", "RLHF"} <= skill_surfaces
    assert "healthcare" in {domain.id for domain in profile.domains}


def test_english_resume():
    profile = extract_profile(EN_RESUME, today=TODAY)

    assert profile.language == "en"
    assert profile.name is not None and profile.name.value == "Jane Doe"
    assert [e.value for e in profile.emails] == ["jane.doe@gmail.com"]
    assert [p.e164 for p in profile.phones] == ["+14155550132"]
    assert {link.kind for link in profile.links} == {"linkedin", "homepage", "scholar"}
    assert [(e.degree, e.school, e.major, e.start, e.end) for e in profile.education] == [
        ("phd", "Stanford University", "Computer Science", "2014-09", "2019-06"),
        ("bachelor", "University of Michigan", "Electrical Engineering", "2010", "2014"),
    ]
    assert [(e.employer, e.title, e.current) for e in profile.experience] == [
        ("Google DeepMind", "Senior Research Scientist", True),
        ("Meta", "Machine Learning Engineer", False),
    ]
    # 2019-09..2021-06 (22 months) and 2021-07 up to 2024-07 (36 months)
    assert profile.years_experience == 4.8
    assert [(p.title, p.venue, p.year, p.top_venue) for p in profile.publications] == [
        ("Scaling Laws for Multimodal Agents", "ICML", 2023, True),
        ("Robust Speech Recognition in the Wild", "Interspeech", 2021, True),
    ]
    assert profile.awards[0].kind == "competition"
    assert "autonomous-driving" in {domain.id for domain in profile.domains}


def test_mixed_resume():
    profile = extract_profile(MIXED_RESUME, today=TODAY)

    assert profile.language == "mixed"
    assert profile.name is not None and profile.name.value == "李娜"
    assert [p.e164 for p in profile.phones] == ["+8613912345678"]
    assert profile.location is not None and profile.location.value == "Shanghai"
    assert [(e.degree, e.school, e.major) for e in profile.education] == [
        ("bachelor", "上海交通大学", "软件工程")
    ]
    assert [(e.employer, e.title, e.current) for e in profile.experience] == [
        ("阿里巴巴", "Algorithm Engineer", False),
        ("Microsoft Research Asia", "Researcher", True),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("教育背景", "education"),
        ("一、教育经历", "education"),
        ("【工作经历】", "experience"),
        ("实习经历：", "experience"),
        ("■ 项目经历", "projects"),
        ("专业技能", "skills"),
        ("论文发表 / Publications", "publications"),
        ("获奖情况", "awards"),
        ("荣誉奖项", "awards"),
        ("EDUCATION", "education"),
        ("## Work Experience", "experience"),
        ("Selected Publications:", "publications"),
        ("Honors & Awards", "awards"),
        ("Technical Skills", "skills"),
        ("教育背景 Education", "education"),
        ("I. Education", "education"),
        ("Research & Work Experience", "experience"),
        ("Certifications & Awards", "awards"),
        ("代表性论文", "publications"),
        ("所获奖项", "awards"),
        ("Research Experience", "projects"),
        ("TECHNICAL SKİLLS", "skills"),  # typed on a Turkish keyboard
        ("İV. EDUCATİON", "education"),
    ],
)
def test_headings_in_both_languages(line, kind):
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    "line", ["负责教育背景调查工具的开发", "Education technology platform for 1M users", "2019 - 2020 工作"]
)
def test_sentences_are_not_headings(line):
    assert heading_kind(line) is None


@pytest.mark.parametrize(
    ("line", "degree"),
    [
        ("2015-2019 北京大学 本科", "bachelor"),
        ("2019-2022 北京大学 硕士研究生", "master"),
        ("2019-2022 北京大学 研究生", "master"),
        ("2019-2024 北京大学 博士", "phd"),
        ("2018-2023 浙江大学 硕博连读", "phd"),
        ("2012-2015 深圳职业技术学院 大专", "associate"),
        ("2015-2019 浙江大学 学士", "bachelor"),
        ("MIT, M.S. in EECS, 2018 - 2020", "master"),
        ("Carnegie Mellon University — Master of Science in Machine Learning, 2019 - 2021", "master"),
        ("Tsinghua University, Bachelor of Engineering, 2014 - 2018", "bachelor"),
        ("University of Toronto PhD 2016 - 2021", "phd"),
    ],
)
def test_degree_levels(line, degree):
    profile = extract_profile(f"Education\n{line}\n")
    assert [e.degree for e in profile.education] == [degree]


def test_json_has_the_documented_keys():
    data = profile_to_json(extract_profile(ZH_RESUME, today=TODAY), source="zh.txt")

    assert {
        "source", "language", "name", "emails", "phones", "location", "links", "education", "experience",
        "years_experience", "skills", "domains", "publications", "awards", "warnings",
    } <= set(data)  # fmt: skip
    assert set(data["education"][0]) >= {"degree", "school", "major", "start", "end"}
    assert set(data["experience"][0]) >= {"employer", "title", "start", "end", "current"}
    assert set(data["skills"][0]) >= {"id", "name", "mentions"}
    assert set(data["publications"][0]) >= {"title", "venue", "year", "top_venue"}


def test_long_runs_without_spaces_keep_every_other_span_valid():
    # given: a pathological run (slow to scan for names) before a real mention
    text = "2019.09-" * 5000 + "\n熟悉 PyTorch"

    # when
    profile = extract_profile(text)

    # then
    mentions = [m for skill in profile.skills for m in skill.mentions]
    assert [text[m.span.start : m.span.end] for m in mentions] == ["PyTorch"]


def test_field_extraction_honours_a_deadline():
    from talentdrive.resumes.core.deadline import Deadline
    from talentdrive.resumes.core.model import ParseFailure
    from tests.clocks import TickingClock

    # A clock that moves a second per reading: a zero budget has run out at the first check.
    with pytest.raises(ParseFailure) as raised:
        extract_profile(ZH_RESUME, deadline=Deadline(0, clock=TickingClock()))
    assert raised.value.code == "timeout"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("张伟\n工作经历\n2020-2023 腾讯 算法工程师，使用 PyTorch、CUDA、vLLM 训练 LLM\n", "zh"),
        ("Jane Doe\nExperience\n2020 - 2023 Research Scientist, Google\n", "en"),
        ("Jane Doe 张简\n" + EN_RESUME, "en"),  # a Chinese name alone does not make a resume mixed
        ("张伟\n教育背景 Education\n2015-2019 清华大学 本科\n", "mixed"),
        (
            "张伟\n教育经历\n2018 – 2019 | University of Edinburgh | MSc Speech and Language Processing | 硕士\n"
            "工作经历\n2020 – 至今 | 小红书 | Senior Machine Learning Engineer for Search\n负责内容理解与检索排序，负责模型训练与上线，带领五人团队\n",
            "mixed",
        ),
    ],
)
def test_language(text, language):
    assert extract_profile(text).language == language


def test_administrators_taxonomy_files_are_used(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    # given: an extra skill in a directory named by TALENTDRIVE_TAXONOMY_DIRS
    (tmp_path / "extra.yaml").write_text(
        "skills:\n  - {id: zzz-quantum-widgets, en: Quantum Widgets, zh: 量子小部件}\n", encoding="utf-8"
    )
    code = (
        "from talentdrive.resumes.core import extract_profile; "
        "print(sorted(s.id for s in extract_profile('Skills: Quantum Widgets, PyTorch').skills))"
    )
    root = Path(__file__).resolve().parents[2]

    # when: a fresh process (the vocabulary is loaded once per process)
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={"PYTHONPATH": str(root), "TALENTDRIVE_TAXONOMY_DIRS": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout

    # then
    assert "zzz-quantum-widgets" in out and "pytorch" in out


def test_a_long_chinese_line_keeps_its_skills():
    text = "张伟\n工作经历\n" + "负责推荐系统的召回与排序" * 15 + "，使用PyTorch训练\n"
    skills = {skill.id for skill in extract_profile(text).skills}
    assert "pytorch" in skills


def test_a_long_mixed_line_without_spaces_is_read_in_linear_time():
    # Every capital letter once started a school-name word that ran to the end of the line: 5,000
    # repetitions took about 15 s, now well under one.
    text = "PyTorch深度学习ai芯片" * 5000
    profile = extract_profile(text)
    assert profile.education == ()
    assert {"pytorch", "deep-learning"} <= {skill.id for skill in profile.skills}


def test_a_heading_in_a_table_cell_is_not_a_domain():
    # A DOCX table row arrives as "cell | cell | …"; its first cell names the section.
    text = (
        "张三\nzhangsan@example.com 13800138000\n"
        "教育经历 | 清华大学 | 人工智能 硕士 | 2019.09-2022.06\n"
        "工作经历 | 字节跳动 | 算法工程师 | 2022.07-至今\n"
        "技能 | Python、PyTorch\n"
    )
    profile = profile_to_json(extract_profile(text, today=TODAY))
    assert profile["domains"] == []
    # and the heading cells open their sections: a heading is never read as a value
    assert [(e["employer"], e["title"]) for e in profile["experience"]] == [("字节跳动", "算法工程师")]
    assert profile["warnings"] == []
    assert [(e["school"], e["major"], e["degree"]) for e in profile["education"]] == [
        ("清华大学", "人工智能", "master")
    ]
    # a domain named in a cell that is not a heading still counts
    text_with_domain = text + "项目 | 在线教育平台推荐系统\n"
    domains = profile_to_json(extract_profile(text_with_domain, today=TODAY))["domains"]
    assert [d["id"] for d in domains] == ["education"]


def test_the_subject_of_a_degree_is_not_a_skill():
    text = (
        "Jane Doe\njane@example.com\nEducation\n"
        "M.Sc. in Statistics, University of Oxford, 2018 - 2019\n"
        "Experience\nData Scientist, Acme, 2019 - Present\nUsed statistics and Python daily.\n"
    )
    profile = profile_to_json(extract_profile(text, today=TODAY))
    assert profile["education"][0]["major"] == "Statistics"
    skills = {s["id"]: [m["text"] for m in s["mentions"]] for s in profile["skills"]}
    # the mention in the job description counts; the degree's subject does not
    assert skills["statistics"] == ["statistics"]
    zh = "李四\nlisi@example.com\n教育背景\n浙江大学 人工智能 本科 2015.09-2019.06\n技能\nPython\n"
    zh_skills = {s["id"] for s in profile_to_json(extract_profile(zh, today=TODAY))["skills"]}
    assert "artificial-intelligence" not in zh_skills
    assert "python" in zh_skills


def test_make_mention_equals_the_constructor_and_stays_immutable() -> None:
    import pytest

    from talentdrive.resumes.core.model import Mention, Span, make_mention

    made = make_mention("PyTorch", 3, 10)
    assert made == Mention("PyTorch", Span(3, 10))
    assert type(made) is Mention and type(made.span) is Span
    assert hash(made) == hash(Mention("PyTorch", Span(3, 10)))
    assert (made.surface, made.span.start, made.span.end) == ("PyTorch", 3, 10)
    with pytest.raises(AttributeError):
        made.span.start = 4  # type: ignore[misc]


def test_the_built_in_vocabulary_tags_skills_and_domains_when_the_taxonomy_cannot_load(monkeypatch):
    from talentdrive.resumes.core import fields, vocabulary

    # given: the small built-in list in place of the taxonomy (what parsing falls back to)
    monkeypatch.setattr(fields, "knowledge", vocabulary._BuiltinKnowledge)

    # when
    profile = extract_profile("技能\nPyTorch, PyTorch 与 RLHF，医疗影像")

    # then: each skill once, with every mention as written, and its display name
    skills = {skill.id: skill for skill in profile.skills}
    assert set(skills) == {"pytorch", "rlhf"}
    assert skills["pytorch"].name == "PyTorch"
    assert [m.surface for m in skills["pytorch"].mentions] == ["PyTorch", "PyTorch"]
    assert [d.id for d in profile.domains] == ["healthcare"]
