"""Education, experience, publication and award entries in the shapes resumes write them."""

from __future__ import annotations

from datetime import date

import pytest

from talentdrive.resumes.core import extract_profile
from talentdrive.resumes.core.education import find_school

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("lines", "employer", "title"),
    [
        ("2022年7月 – 至今  字节跳动  算法工程师", "字节跳动", "算法工程师"),
        ("2021.06-2021.09 腾讯 算法实习生", "腾讯", "算法实习生"),
        (
            "Senior Research Scientist, Google DeepMind      Jul 2021 - Present",
            "Google DeepMind",
            "Senior Research Scientist",
        ),
        ("Machine Learning Engineer at Meta    09/2019 - 06/2021", "Meta", "Machine Learning Engineer"),
        (
            "Machine Learning Intern, Meta — Menlo Park, CA — May 2025 – Aug 2025",
            "Meta",
            "Machine Learning Intern",
        ),
        (
            "Alpine Robotics AG, Zurich — Senior Computer Vision Engineer (03/2021 – present)",
            "Alpine Robotics AG",
            "Senior Computer Vision Engineer",
        ),
        (
            "Jun 2022 – Present Senior NLP Engineer, Lexcorp Legal Technologies",
            "Lexcorp Legal Technologies",
            "Senior NLP Engineer",
        ),
        (
            "Meridian Health Technologies, New York, NY\nGroup Product Manager, Clinical AI | 2021 – Present",
            "Meridian Health Technologies",
            "Group Product Manager, Clinical AI",
        ),
        (
            "Algorithm Engineer, Moonshot Dataworks (Beijing) — Jul 2022 – Present",
            "Moonshot Dataworks",
            "Algorithm Engineer",
        ),
        (
            "2021.08 – Present | Momenta 初速度科技 | Senior Perception Engineer",
            "Momenta",
            "Senior Perception Engineer",
        ),
        (
            "2019.07 – 2021.07 | 华为 Huawei Technologies | Computer Vision Engineer",
            "华为",
            "Computer Vision Engineer",
        ),
        (
            "2020.10 – 至今 上海燧原科技有限公司 (Enflame Technology) AI 编译器高级工程师",
            "上海燧原科技有限公司",
            "AI 编译器高级工程师",
        ),
        (
            "2020.02 – 至今 | 小红书（行吟信息科技（上海）有限公司） | 高级 NLP 算法工程师",
            "小红书（行吟信息科技（上海）有限公司）",
            "高级 NLP 算法工程师",
        ),
        (
            "网易（杭州）网络有限公司        后端开发工程师        2020.07 - 2022.03",
            "网易（杭州）网络有限公司",
            "后端开发工程师",
        ),
        (
            "Undergraduate Researcher, Berkeley AI Research (BAIR) — Jan 2024 – Present",
            "Berkeley AI Research (BAIR)",
            "Undergraduate Researcher",
        ),
        (
            "Research Intern, Amazon Alexa                         Summer 2018",
            "Amazon Alexa",
            "Research Intern",
        ),
    ],
)
def test_experience_header_shapes(lines, employer, title):
    profile = extract_profile(f"Experience\n{lines}\n- did things.\n", today=TODAY)

    assert [(e.employer, e.title) for e in profile.experience] == [(employer, title)]


def test_internships_and_student_roles_do_not_count_as_years():
    text = (
        "工作经历\n2019.07-2022.04 腾讯 算法工程师\n2022.05-至今 字节跳动 算法专家\n"
        "2018.06-2018.09 百度 算法实习生\nTeaching Assistant, Tsinghua University  2017 - 2018\n"
    )
    profile = extract_profile(text, today=TODAY)

    assert [e.internship for e in profile.experience] == [False, False, True, False]
    assert profile.years_experience == 7.3


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("2015.09-2019.06 北京大学计算机学院 本科", "北京大学"),
        ("2015.09-2018.06 中国科学院计算技术研究所 计算机系统结构 硕士", "中国科学院计算技术研究所"),
        ("本科毕业于浙江大学", "浙江大学"),
        ("2017.09 - 2019.06   Columbia University 哥伦比亚大学   MS", "Columbia University"),
        ("香港科技大学 The Hong Kong University of Science and Technology 博士", "香港科技大学"),
        ("University of California, Berkeley — B.S. EECS", "University of California, Berkeley"),
        (
            "California State University, Fullerton — Bachelor of Science",
            "California State University, Fullerton",
        ),
        ("Stanford University, Stanford, CA   Sep 2014 - Jun 2019", "Stanford University"),
        ("Indian Institute of Technology Madras", "Indian Institute of Technology Madras"),
        (
            "BSc Mechanical Engineering — École Polytechnique Fédérale de Lausanne (EPFL)",
            "École Polytechnique Fédérale de Lausanne",
        ),
        ("MSc in Automation Engineering, Politecnico di Milano, 2013 – 2015", "Politecnico di Milano"),
        (
            "PhD in Computer Science, University College London (UCL), 2017 – 2022",
            "University College London",
        ),
        ("Massachusetts Institute of Technology (MIT) — Ph.D.", "Massachusetts Institute of Technology"),
        ("School of Computer Science, Peking University", "Peking University"),
        ("Technische Universität München — M.Sc. Informatics", "Technische Universität München"),
    ],
)
def test_school_names(text, school):
    found = find_school(text)
    assert found is not None and found[0] == school


@pytest.mark.parametrize(
    ("line", "major"),
    [
        ("2019.09-2022.06  清华大学  计算机科学与技术  硕士", "计算机科学与技术"),
        ("2015.09-2019.06  北京邮电大学  通信工程专业  本科", "通信工程"),
        ("时间 | 学校 | 专业 | 学历\n2017.09-2020.03 | 同济大学 | 控制科学与工程 | 硕士", "控制科学与工程"),
        (
            "MSc Robotics, Systems and Control — ETH Zurich (09/2016 – 09/2018)",
            "Robotics, Systems and Control",
        ),
        (
            "University of Washington — Ph.D., Computer Science & Engineering — 09/2016 – 08/2021",
            "Computer Science & Engineering",
        ),
        ("2019 – 2021 MSc Computer Science, University of Toronto", "Computer Science"),
        (
            "University of Waterloo — Bachelor of Software Engineering (BSE), Sep 2014 – Jun 2019",
            "Software Engineering",
        ),
        (
            "Georgia Institute of Technology | M.S. Electrical and Computer Engineering",
            "Electrical and Computer Engineering",
        ),
        (
            "Orange Coast College — Associate of Science in Computer Information Systems, 2013 – 2015",
            "Computer Information Systems",
        ),
        ("Stanford University 2015 - 2019\n专业：人工智能", "人工智能"),
        (
            "National University of Singapore (NUS)  2017 – 2021\nBachelor of Computing in Computer Science",
            "Computer Science",
        ),
        (
            "Tsinghua University\nPh.D. candidate in Computer Science (expected 2025)\n2020 – present",
            "Computer Science",
        ),
        ("浙江大学 控制科学与工程学院 博士研究生 2018.09-2023.06", "控制科学与工程"),
        ("南京大学 人工智能学院 计算机科学与技术 博士研究生 2021年9月 – 2026年6月", "计算机科学与技术"),
    ],
)
def test_majors(line, major):
    profile = extract_profile(f"Education\n{line}\n")
    assert [e.major for e in profile.education] == [major]


def test_publications_with_leading_venue_tags_and_initials():
    text = (
        "论文\n[NeurIPS 2023] Zheng Z., Yu Y. Conservative Offline Policy Optimization with Model Ensembles.\n"
        "[ICML 2024] Zheng Z., et al. Cooperative Multi-Agent Exploration via Role Discovery.\n"
        "Brown O., et al. Label-Efficient Segmentation of Cardiac MRI. MICCAI 2022.\n"
        "Zhao Y., Sun L. Dialect-Aware Streaming ASR with Adapter Fusion. Interspeech 2021.\n"
        'A. Mehta, et al. "Bit-Serial Sparse Tensor Cores." MICRO 2022.\n'
        "Someone. Efficient Things. CVPR 2021 Workshop on Efficient Vision.\n"
        "发明专利 2 项（已授权）\n"
    )
    profile = extract_profile(text)

    assert [(p.title, p.venue, p.year, p.top_venue) for p in profile.publications] == [
        ("Conservative Offline Policy Optimization with Model Ensembles", "NeurIPS", 2023, True),
        ("Cooperative Multi-Agent Exploration via Role Discovery", "ICML", 2024, True),
        ("Label-Efficient Segmentation of Cardiac MRI", "MICCAI", 2022, True),
        ("Dialect-Aware Streaming ASR with Adapter Fusion", "Interspeech", 2021, True),
        ("Bit-Serial Sparse Tensor Cores", "MICRO", 2022, True),
        ("Efficient Things", "CVPR", 2021, False),
    ]


def test_awards_in_a_section_and_competition_results_elsewhere():
    text = (
        "Summary\nData scientist with 8 years in credit risk. Kaggle Competitions Grandmaster.\n"
        "Competitions\nKaggle Gold Medal — Jane Street Market Prediction (2021)\n"
        "荣誉奖项\n2022 清华大学研究生国家奖学金\n2017 ACM-ICPC 亚洲区域赛（北京站）银牌\n"
    )
    profile = extract_profile(text)

    assert [(a.title, a.kind, a.year) for a in profile.awards] == [
        ("Kaggle Competitions Grandmaster", "competition", None),
        ("Kaggle Gold Medal — Jane Street Market Prediction (2021)", "competition", 2021),
        ("2022 清华大学研究生国家奖学金", "scholarship", 2022),
        ("2017 ACM-ICPC 亚洲区域赛（北京站）银牌", "competition", 2017),
    ]


@pytest.mark.parametrize(
    "block",
    [
        "2020 – Present\nStaff Machine Learning Engineer | Flipkart | Bengaluru\nBuilt ranking models.",
        "Flipkart — Bengaluru\nStaff Machine Learning Engineer\nMarch 2020 – Present\n• Built ranking models.",
        "Flipkart\n2020年3月-至今        Staff Machine Learning Engineer\n负责排序模型",
    ],
    ids=["date-above", "three-lines", "employer-above"],
)
def test_experience_headers_spread_over_lines(block):
    profile = extract_profile(f"Employment History\n{block}\n", today=TODAY)

    assert [(e.employer, e.title, e.current) for e in profile.experience] == [
        ("Flipkart", "Staff Machine Learning Engineer", True)
    ]


def test_school_line_then_degree_line():
    text = (
        "EDUCATION\nUniversidad Politécnica de Madrid\nMaster's Degree in Artificial Intelligence, 2016 – 2017\n"
        "Universidad de Granada\nBachelor's Degree in Computer Engineering, 2012 – 2016\n"
    )
    profile = extract_profile(text)

    assert [(e.degree, e.school, e.major, e.start, e.end) for e in profile.education] == [
        ("master", "Universidad Politécnica de Madrid", "Artificial Intelligence", "2016", "2017"),
        ("bachelor", "Universidad de Granada", "Computer Engineering", "2012", "2016"),
    ]


def test_html_table_rows_stay_one_line_each():
    from talentdrive.resumes.core import parse_document

    html = (
        "<html><body><table><tr><td>姓名</td><td>刘洋</td></tr></table><h3>工作经验</h3>"
        "<table><tr><th>时间</th><th>公司</th><th>职位</th></tr>"
        "<tr><td>2018.03-2024.05</td><td>京东零售</td><td>推荐算法工程师</td></tr></table></body></html>"
    )
    result = parse_document(html.encode(), "cv.html")

    assert "2018.03-2024.05 | 京东零售 | 推荐算法工程师" in result.text
    assert result.profile is not None
    assert [(e.employer, e.title) for e in result.profile.experience] == [("京东零售", "推荐算法工程师")]


def test_experience_written_as_sentences():
    text = (
        "张三\n本人毕业于南京大学计算机系，本科学历。\n2016.07-2020.12 在华为担任软件工程师。\n"
        "2021.01至今 在蚂蚁集团担任高级算法专家。\nMar 2015 - Jun 2016: worked at Baidu as a research intern.\n"
    )
    profile = extract_profile(text, today=TODAY)

    assert [(e.employer, e.title, e.current) for e in profile.experience] == [
        ("华为", "软件工程师", False),
        ("蚂蚁集团", "高级算法专家", True),
        ("Baidu", "research intern", False),
    ]
    assert profile.location is None  # 南京 in 南京大学 is not where the candidate lives


def test_degree_first_education_over_three_lines():
    text = (
        "Education\nPh.D. in Computer Science\nCarnegie Mellon University\n2016 – 2021\n"
        "B.S. in Mathematics\nPeking University\n2012 – 2016\n"
    )
    profile = extract_profile(text)

    assert [(e.degree, e.school, e.major, e.start, e.end) for e in profile.education] == [
        ("phd", "Carnegie Mellon University", "Computer Science", "2016", "2021"),
        ("bachelor", "Peking University", "Mathematics", "2012", "2016"),
    ]


def test_a_date_inside_a_description_bullet_is_not_a_new_job():
    text = (
        "Experience\nSenior Engineer, Google    2019 - Present\n"
        "• Led the migration of the ads stack (2019-2020) to a new serving system, saving 30% of cost.\n"
    )
    profile = extract_profile(text, today=TODAY)

    assert [(e.employer, e.title) for e in profile.experience] == [("Google", "Senior Engineer")]


def test_labelled_fields_in_entries():
    text = (
        "工作经历\n公司名称：上海某某网络科技有限公司  职位：数据分析师  时间：2019.01-2021.03\n"
        "Company: Acme Robotics | Role: Robotics Engineer | Dates: 2021.04 - present\n"
        "教育背景\n学校：复旦大学  专业：统计学  学历：硕士  时间：2016.09-2019.06\n"
    )
    profile = extract_profile(text, today=TODAY)

    assert [(e.employer, e.title) for e in profile.experience] == [
        ("上海某某网络科技有限公司", "数据分析师"),
        ("Acme Robotics", "Robotics Engineer"),
    ]
    assert [(e.degree, e.school, e.major) for e in profile.education] == [("master", "复旦大学", "统计学")]
