"""Team introductions and the phrases that depend on team, domain, programme, level and channel."""

from __future__ import annotations

from talentdrive.demo.pools import Phrase

TEAM_BLURBS: dict[str, tuple[Phrase, ...]] = {
    "app-core-training": (
        (
            "核心模型训练团队负责旗舰 AI 应用背后的基础大模型，从数据、预训练到后训练全链路打磨模型能力。",
            "The Core Model Training team builds the foundation model behind our flagship AI app, owning the "
            "whole path from data and pre-training to post-training.",
        ),
        (
            "我们训练的模型每天服务上亿次对话。在这里，你的每一次实验都可能直接改变用户的体验。",
            "The models we train answer hundreds of millions of conversations a day; an experiment you run "
            "here can change what users see next week.",
        ),
    ),
    "app-multimodal": (
        (
            "多模态团队让旗舰 AI 应用能看、能听、能理解世界：拍照识物、视频问答、实时视觉对话都出自这里。",
            "The Multimodal team teaches the flagship app to see and hear: photo recognition, video Q&A and "
            "live visual conversation all start here.",
        ),
        (
            "我们相信下一代助手一定是多模态的，正在从理解走向生成与交互的统一。",
            "We believe the next assistant is multimodal by default, and we are unifying understanding, "
            "generation and interaction in one model.",
        ),
    ),
    "app-agents": (
        (
            "智能体团队负责让旗舰 AI 应用从“会聊天”走向“能办事”：订票、整理资料、操作应用，一句话完成。",
            "The Agents team turns the flagship app from something you talk to into something that gets things "
            "done: booking, researching, operating apps, from a single request.",
        ),
        (
            "我们服务海量真实用户，智能体的每一次成功与失败都有数据可循。",
            "We serve a very large number of real users, so every success and failure of an agent shows up "
            "in the data.",
        ),
    ),
    "app-product": (
        (
            "产品团队定义旗舰 AI 应用的形态与体验，连接模型能力与用户价值。",
            "The Product team decides what the flagship AI app is and how it feels, connecting model "
            "capability to what users value.",
        ),
        (
            "我们以小团队、快迭代的方式工作，重视判断力与对用户的同理心。",
            "We work in small teams with fast iterations and value judgement and empathy for users.",
        ),
    ),
    "glasses-hardware": (
        (
            "智能眼镜是我们全新的产品线。硬件架构团队负责在几十克的镜架里装下相机、麦克风阵列与 AI 算力。",
            "Smart glasses are our newest product line. The Hardware Architecture team fits cameras, a "
            "microphone array and AI compute into a frame that weighs a few dozen grams.",
        ),
        (
            "从芯片选型到量产，我们与全球顶级供应链合作，打造全天可佩戴的 AI 设备。",
            "From chip selection to mass production, we work with leading suppliers to build an AI device "
            "people can wear all day.",
        ),
    ),
    "glasses-speech": (
        (
            "语音与交互团队负责智能眼镜上的“听”和“说”：在地铁、街头、风中都能听清用户的每一句话。",
            "The Speech & Interaction team owns listening and speaking on the glasses: hearing every word "
            "on the metro, in the street and in the wind.",
        ),
        (
            "语音是眼镜最主要的交互方式，我们追求像和朋友说话一样自然的体验。",
            "Voice is the main way people use the glasses, and we want it to feel like talking to a friend.",
        ),
    ),
    "glasses-vision": (
        (
            "视觉与视频团队负责智能眼镜的影像与视觉感知，让第一视角拍摄清晰稳定，让眼镜看懂眼前的世界。",
            "The Vision & Video team owns imaging and visual perception on the glasses: sharp, steady "
            "first-person video, and glasses that understand what you are looking at.",
        ),
        (
            "我们在极其有限的功耗预算内做视觉算法，这既是挑战，也是乐趣所在。",
            "We build vision algorithms on a very small power budget, which is both the challenge and the fun.",
        ),
    ),
    "vertical-learning": (
        (
            "学习应用团队用大模型帮助学生与终身学习者：个性化讲解、口语陪练、作业辅导。",
            "The Learning team uses large models to help students and lifelong learners with personal "
            "explanations, speaking practice and homework help.",
        ),
        (
            "我们与一线教师合作打磨产品，关注学习效果而不只是使用时长。",
            "We design with working teachers and measure learning outcomes, not just time spent in the app.",
        ),
    ),
    "vertical-health": (
        (
            "健康应用团队把大模型带进健康管理与医疗咨询场景，与医院和医学专家共同确保专业与安全。",
            "The Health team brings large models to health management and medical questions, working with "
            "hospitals and clinicians to keep the answers sound and safe.",
        ),
        (
            "医疗是对准确性要求最高的领域之一，我们重视严谨的评测与临床合规。",
            "Medicine is one of the least forgiving domains for mistakes, so we take evaluation and clinical "
            "compliance seriously.",
        ),
    ),
    "vertical-creation": (
        (
            "创作应用团队为创作者打造 AI 工具：图像生成、视频剪辑、配乐与文案，一站完成。",
            "The Creation team builds AI tools for creators: images, video editing, music and copy in one place.",
        ),
        (
            "我们的用户是数以百万计的内容创作者，他们的作品就是对我们最好的评价。",
            "Our users are millions of content creators, and their work is the best review we get.",
        ),
    ),
    "research-elite": (
        (
            "AI 研究院聚焦通用人工智能的长期问题，通过顶尖人才计划招募最优秀的研究者，提供充足算力与学术自由。",
            "The AI Research Lab works on the long-term questions of general intelligence and recruits "
            "outstanding researchers through its elite talent programme, with ample compute and academic freedom.",
        ),
        (
            "研究院鼓励发表与开源，研究成果也会进入集团的核心产品。",
            "The Lab encourages publishing and open source, and its results also reach the group's core products.",
        ),
    ),
}

# Roles of the Health team's RL and LLM lines, which need healthcare domain knowledge.
HEALTHCARE_ROLES: tuple[Phrase, ...] = (
    ("医疗大模型算法工程师", "Medical LLM Engineer"),
    ("医疗对话强化学习算法工程师", "Reinforcement Learning Engineer, Clinical Dialogue"),
    ("医学知识增强算法工程师", "Medical Knowledge Grounding Engineer"),
    ("健康管理大模型算法工程师", "Health Coaching LLM Engineer"),
    ("医疗大模型对齐工程师", "Medical LLM Alignment Engineer"),
)
HEALTHCARE_DUTIES: tuple[Phrase, ...] = (
    (
        "与医学专家合作构建医疗问答数据与评测集，确保模型回答符合临床指南",
        "Build medical Q&A data and benchmarks with clinicians, so the model's answers follow clinical "
        "guidelines",
    ),
    (
        "研究面向医疗场景的强化学习与奖励设计，降低不安全与过度自信的回答",
        "Research RL and reward design for medicine that cut unsafe and overconfident answers",
    ),
    (
        "结合电子病历、检验报告等多源信息，提升健康咨询的准确性",
        "Combine health records and lab reports to make health advice more accurate",
    ),
)
HEALTHCARE_REQUIREMENTS: tuple[Phrase, ...] = (
    (
        "具备医疗健康行业经验或医学相关教育背景",
        "Experience in healthcare, or a medical or life-science education",
    ),
    ("熟悉医疗数据隐私与合规要求", "An understanding of medical data privacy and compliance"),
)

RESEARCH_ROLES: dict[str, tuple[Phrase, ...]] = {
    "llm": (
        ("大模型研究科学家", "Research Scientist, Language Models"),
        ("推理与规划研究员", "Research Scientist, Reasoning"),
    ),
    "multimodal-understanding": (
        ("多模态研究科学家", "Research Scientist, Multimodal Learning"),
        ("世界模型研究员", "Research Scientist, World Models"),
    ),
    "reinforcement-learning": (
        ("强化学习研究科学家", "Research Scientist, Reinforcement Learning"),
        ("对齐与安全研究员", "Research Scientist, Alignment & Safety"),
    ),
    "training-infra": (
        ("机器学习系统研究员", "Research Scientist, ML Systems"),
        ("高效训练研究员", "Research Scientist, Efficient Training"),
    ),
}
PROGRAMME_PARAGRAPH: tuple[Phrase, ...] = (
    (
        "本岗位属于顶尖人才计划，经委员会评审，提供具有竞争力的薪酬、独立研究方向与专属算力。",
        "This role is part of the elite talent programme: a committee reviews each nomination, and successful "
        "candidates get a competitive package, their own research agenda and dedicated compute.",
    ),
    (
        "顶尖人才计划面向有突出研究成果的博士，入选者可自主组建小组并获得长期支持。",
        "The elite talent programme is for PhDs with outstanding research records; those selected can build "
        "their own group with long-term support.",
    ),
)
PROGRAMME_CAMPUS_REQUIREMENT: Phrase = (
    "博士期间在顶级会议或期刊以第一作者发表过论文",
    "First-author papers at top venues during your PhD",
)
PROGRAMME_REQUIREMENTS: tuple[Phrase, ...] = (
    (
        "博士学历，在顶级会议或期刊以第一作者发表过有影响力的论文",
        "A PhD, with influential first-author papers at top venues",
    ),
    (
        "具备提出并独立推进原创研究问题的能力",
        "The ability to pose original research questions and pursue them on your own",
    ),
)

LEVEL_TITLE: dict[str, Phrase] = {
    "engineer": ("", ""),
    "senior": ("高级", "Senior "),
    "staff": ("资深", "Staff "),
    "principal": ("首席", "Principal "),
}
# Years of experience each experienced level asks for.
LEVEL_YEARS: dict[str, tuple[int, ...]] = {
    "engineer": (1, 2, 3),
    "senior": (3, 4, 5),
    "staff": (5, 6, 8),
    "principal": (8, 10),
}
LEVEL_EXPECTATION: dict[str, tuple[Phrase, ...]] = {
    "engineer": (("能在指导下独立负责模块，快速成长", "Own a component with some guidance, and grow fast"),),
    "senior": (
        ("能够独立负责一个方向，并带动身边同事", "Own an area end to end and lift the people around you"),
    ),
    "staff": (
        (
            "能够制定技术路线，推动跨团队的关键项目",
            "Set technical direction and lead projects that cross team boundaries",
        ),
    ),
    "principal": (
        (
            "在领域内具有影响力，能够定义团队的长期技术方向",
            "Recognised in the field, able to define the team's long-term technical direction",
        ),
    ),
}
CAMPUS_PARAGRAPH: tuple[Phrase, ...] = (
    (
        "面向 2026 年 9 月至 2027 年 8 月毕业的同学。入职后有导师一对一带教，并参与真实的核心项目。",
        "For students graduating between September 2026 and August 2027. You will have a mentor from day one "
        "and work on real, core projects.",
    ),
    (
        "本岗位面向 2027 届毕业生（2026 年 9 月至 2027 年 8 月毕业），欢迎本科、硕士与博士同学投递。",
        "Open to the class of 2027 (graduating September 2026 to August 2027), at bachelor's, master's or "
        "PhD level.",
    ),
    (
        "我们看重潜力胜过经验：扎实的基础、强烈的好奇心与把事情做成的决心。",
        "We value potential over experience: solid fundamentals, strong curiosity and the will to finish "
        "what you start.",
    ),
)
# What a campus ad says about the degree, by the requisition's minimum degree.
CAMPUS_REQUIREMENTS: dict[str, tuple[Phrase, ...]] = {
    "bachelor": (
        ("2027 届毕业生，本科及以上学历", "Graduating in 2027 with a bachelor's degree or higher"),
        (
            "2027 届本科及以上学历毕业生，硕士、博士优先",
            "Graduating in 2027 with at least a bachelor's degree; master's and PhD graduates preferred",
        ),
    ),
    "master": (
        ("2027 届硕士及以上学历毕业生", "Graduating in 2027 with a master's degree or higher"),
        ("2027 届硕士或博士毕业生", "A master's or PhD graduate of the class of 2027"),
    ),
    "phd": (
        (
            "2026 年 9 月至 2027 年 8 月间获得博士学位",
            "Completing a PhD between September 2026 and August 2027",
        ),
    ),
}
# What an experienced-hire ad says about the degree, when it asks for more than a bachelor's.
DEGREE_REQUIREMENTS: dict[str, Phrase] = {
    "master": ("硕士及以上学历", "A master's degree or higher"),
}
HEADINGS_DUTIES: tuple[Phrase, ...] = (
    ("岗位职责", "What you will do"),
    ("工作内容", "Responsibilities"),
    ("你将负责", "Your work"),
)
HEADINGS_REQUIREMENTS: tuple[Phrase, ...] = (
    ("任职要求", "What we look for"),
    ("岗位要求", "Requirements"),
    ("我们希望你", "About you"),
)
HEADINGS_BONUSES: tuple[Phrase, ...] = (("加分项", "Nice to have"), ("优先条件", "Bonus points"))
CITY_NAMES: dict[str, Phrase] = {
    "beijing": ("北京", "Beijing"),
    "shanghai": ("上海", "Shanghai"),
    "hangzhou": ("杭州", "Hangzhou"),
    "guangzhou": ("广州", "Guangzhou"),
}
