"""Job-ad phrase pools for the application, hardware and product focus areas."""

from __future__ import annotations

from talentdrive.demo.pools import AreaContent

AGENTS = AreaContent(
    roles=(
        ("智能体算法工程师", "Agent Algorithm Engineer"),
        ("智能体应用研发工程师", "Agent Application Engineer"),
        ("工具调用与规划算法工程师", "Tool Use & Planning Engineer"),
        ("检索增强生成（RAG）工程师", "Retrieval-Augmented Generation Engineer"),
        ("智能体平台后端工程师", "Agent Platform Backend Engineer"),
        ("多智能体协作算法工程师", "Multi-agent Systems Engineer"),
        ("智能体评测工程师", "Agent Evaluation Engineer"),
    ),
    campus_roles=(
        ("智能体开发工程师", "Agent Developer"),
        ("AI 应用开发工程师", "AI Application Developer"),
        ("后端开发工程师（AI 应用）", "Backend Engineer, AI Applications"),
    ),
    duties=(
        (
            "设计能理解意图、拆解任务并调用工具完成目标的智能体",
            "Build agents that understand intent, break a task down and call tools to get it done",
        ),
        (
            "提升智能体在长流程任务中的规划、记忆与自我纠错能力",
            "Improve planning, memory and self-correction on long multi-step tasks",
        ),
        (
            "构建检索增强生成链路，让回答有据可查、实时准确",
            "Build retrieval-augmented generation so that answers are grounded, current and citable",
        ),
        (
            "建设智能体开发平台与插件生态，让业务团队能快速搭建自己的智能体",
            "Build the agent platform and plug-in ecosystem that lets product teams assemble their own agents",
        ),
        (
            "设计智能体任务评测集与线上指标，量化任务完成率",
            "Design agent benchmarks and live metrics that measure whether tasks actually get done",
        ),
        (
            "优化智能体服务的时延、成本与稳定性，支撑亿级用户访问",
            "Keep agent services fast, affordable and stable for hundreds of millions of users",
        ),
        (
            "探索浏览器操作、手机操作（GUI Agent）等新形态智能体",
            "Explore new kinds of agents that operate browsers and phone screens",
        ),
    ),
    requirements=(
        (
            "熟悉大模型应用开发，理解提示词工程、函数调用与检索增强",
            "Experience building on LLMs: prompting, function calling and retrieval",
        ),
        ("熟练掌握 Python、Go 或 Java 中至少一种语言", "Fluency in at least one of Python, Go or Java"),
        ("具备良好的系统设计能力和代码质量意识", "Sound system design and care for code quality"),
        ("对 AI 产品有热情，关注用户体验", "Enthusiasm for AI products and attention to user experience"),
        ("能在快速变化的环境中独立推进项目", "Able to drive a project alone while the ground keeps moving"),
    ),
    bonuses=(
        (
            "有 LangChain、AutoGen 等框架的使用或贡献经验",
            "Use of, or contributions to, LangChain, AutoGen or similar",
        ),
        ("有搜索、推荐或对话系统的工作经验", "Work experience on search, recommendation or dialogue systems"),
        (
            "做过受欢迎的 AI 开源项目或独立产品",
            "A popular open-source AI project or indie product of your own",
        ),
        ("熟悉向量数据库与检索系统", "Knowledge of vector databases and retrieval systems"),
    ),
    must_skills=("llm-agents", "llm", "python", "rag"),
    nice_skills=("prompt-engineering", "go", "java", "vector-databases", "reinforcement-learning", "backend"),
)

AI_HARDWARE = AreaContent(
    roles=(
        ("智能硬件系统架构师", "Smart Hardware System Architect"),
        ("端侧 AI 芯片架构工程师", "On-device AI Chip Architect"),
        ("低功耗嵌入式软件工程师", "Low-power Embedded Software Engineer"),
        ("光学显示系统工程师", "Optical Display Systems Engineer"),
        ("端侧模型部署工程师", "On-device Model Deployment Engineer"),
        ("硬件性能与功耗优化工程师", "Hardware Power & Performance Engineer"),
    ),
    campus_roles=(
        ("嵌入式软件工程师", "Embedded Software Engineer"),
        ("硬件系统工程师", "Hardware Systems Engineer"),
    ),
    duties=(
        (
            "定义智能眼镜整机系统架构，在算力、功耗、重量与散热之间做出取舍",
            "Define the system architecture of the glasses and make the trade-offs between compute, power, "
            "weight and heat",
        ),
        (
            "评估与选型 SoC、NPU 与传感器方案，推动与供应商的联合开发",
            "Evaluate SoCs, NPUs and sensors, and run joint development with suppliers",
        ),
        (
            "负责端侧模型的量化、编译与部署，在毫瓦级功耗下运行 AI 能力",
            "Quantise, compile and deploy models on device so AI features run on milliwatts",
        ),
        (
            "开发低功耗嵌入式软件，包括驱动、电源管理与实时系统",
            "Write low-power embedded software: drivers, power management and real-time systems",
        ),
        (
            "建设硬件性能与功耗的测试体系，定位并解决系统级问题",
            "Build power and performance testing and solve problems at the system level",
        ),
        (
            "与工业设计、光学和算法团队协作，推动产品从原型走向量产",
            "Work with industrial design, optics and algorithm teams to take the product from prototype to "
            "mass production",
        ),
    ),
    requirements=(
        (
            "电子工程、计算机、微电子等相关专业",
            "A degree in electronic engineering, computer engineering, microelectronics or similar",
        ),
        (
            "熟悉 SoC 架构、嵌入式系统或端侧推理框架",
            "Knowledge of SoC architecture, embedded systems or on-device inference runtimes",
        ),
        ("熟练掌握 C/C++", "Strong C and C++"),
        ("具备系统思维，能从整机角度分析问题", "Systems thinking: you reason about the whole device"),
        ("有消费电子或可穿戴设备项目经验", "Project experience with consumer electronics or wearables"),
    ),
    bonuses=(
        ("有 AR/VR 或智能眼镜产品的量产经验", "Shipped AR/VR or smart-glasses products"),
        ("熟悉 TFLite、MNN、NCNN 等端侧推理框架", "Experience with TFLite, MNN, NCNN or similar"),
        (
            "了解光波导、Micro-LED 等显示技术",
            "Knowledge of waveguides, micro-LED and similar display technology",
        ),
        ("有 RTOS 或 Linux 内核开发经验", "RTOS or Linux kernel development"),
    ),
    must_skills=("embedded-systems", "cpp", "chip-architecture", "edge-ai"),
    nice_skills=(
        "quantisation",
        "rtos",
        "smart-glasses",
        "low-power-design",
        "npu",
        "hardware-software-codesign",
    ),
)

SPEECH = AreaContent(
    roles=(
        ("语音识别算法工程师", "Speech Recognition Engineer"),
        ("语音合成算法工程师", "Speech Synthesis Engineer"),
        ("语音交互算法工程师", "Voice Interaction Engineer"),
        ("端到端语音大模型算法工程师", "End-to-end Speech Model Engineer"),
        ("声学前端信号处理工程师", "Acoustic Front-end Engineer"),
        ("语音唤醒算法工程师", "Wake-word Detection Engineer"),
    ),
    campus_roles=(
        ("语音算法工程师", "Speech Algorithm Engineer"),
        ("音频信号处理工程师", "Audio Signal Processing Engineer"),
    ),
    duties=(
        (
            "研发中英文及方言的流式语音识别模型，提升嘈杂环境下的识别率",
            "Build streaming recognition for Mandarin, English and dialects that holds up in noisy places",
        ),
        (
            "研发自然、富有表现力的语音合成，支持多音色与情感控制",
            "Build natural, expressive speech synthesis with many voices and emotional control",
        ),
        (
            "研发端到端语音对话大模型，实现低时延、可打断的自然交互",
            "Build end-to-end spoken dialogue models with low latency that users can interrupt naturally",
        ),
        (
            "优化麦克风阵列的降噪、回声消除与声源定位算法",
            "Improve noise suppression, echo cancellation and source localisation for microphone arrays",
        ),
        (
            "在眼镜等低功耗设备上部署唤醒与离线识别模型",
            "Deploy wake-word and offline recognition models on low-power devices such as glasses",
        ),
        ("构建语音数据的采集、标注与评测流程", "Own collection, labelling and evaluation of speech data"),
    ),
    requirements=(
        (
            "语音信号处理、机器学习等相关专业背景",
            "A background in speech signal processing or machine learning",
        ),
        ("熟悉语音识别或语音合成的主流方法", "Knowledge of current speech recognition or synthesis methods"),
        ("熟练使用 PyTorch 及 Python", "Fluent PyTorch and Python"),
        ("有扎实的数学与信号处理基础", "Solid mathematics and signal processing"),
        ("能够分析线上问题并持续改进模型效果", "Able to read live issues and keep improving the model"),
    ),
    bonuses=(
        ("在 Interspeech、ICASSP 等会议发表过论文", "Papers at Interspeech, ICASSP or similar"),
        ("有端侧语音模型部署经验", "Experience deploying speech models on device"),
        ("熟悉 Kaldi、WeNet、ESPnet 等工具", "Familiarity with Kaldi, WeNet, ESPnet or similar"),
        ("有多语种或方言语音项目经验", "Multilingual or dialect speech projects"),
    ),
    must_skills=("asr", "pytorch", "python", "dsp", "streaming-asr"),
    nice_skills=("tts", "voice-interaction", "speech-enhancement", "speech-deployment", "llm", "cpp"),
)

VISION_OPTIMISATION = AreaContent(
    roles=(
        ("图像算法优化工程师", "Image Algorithm Optimisation Engineer"),
        ("视频算法优化专家", "Video Algorithm Optimisation Engineer"),
        ("计算摄影算法工程师", "Computational Photography Engineer"),
        ("视频生成算法工程师", "Video Generation Engineer"),
        ("图像增强与超分辨率算法工程师", "Image Enhancement & Super-resolution Engineer"),
        ("视觉 SLAM 算法工程师", "Visual SLAM Engineer"),
        ("视频编解码算法工程师", "Video Codec Engineer"),
    ),
    campus_roles=(
        ("图像算法工程师", "Image Algorithm Engineer"),
        ("视频算法工程师", "Video Algorithm Engineer"),
    ),
    duties=(
        (
            "负责拍照与录像的图像质量算法，包括降噪、HDR、防抖与超分",
            "Own image quality for photos and video: denoising, HDR, stabilisation and super-resolution",
        ),
        (
            "在算力与功耗受限的设备上优化视觉算法，达到实时运行",
            "Make vision algorithms run in real time on devices with tight compute and power budgets",
        ),
        (
            "研发视频生成与编辑模型，支撑创作类产品功能",
            "Build video generation and editing models behind our creative tools",
        ),
        (
            "研发视觉定位与建图算法，支撑空间感知与 AR 显示",
            "Build visual localisation and mapping for spatial awareness and AR overlays",
        ),
        (
            "优化视频编码与传输链路，在有限带宽下保证画质",
            "Tune video encoding and transport to keep quality high on limited bandwidth",
        ),
        (
            "建立图像与视频质量的主客观评测体系",
            "Set up subjective and objective quality evaluation for images and video",
        ),
    ),
    requirements=(
        ("计算机视觉、图像处理或相关专业背景", "A background in computer vision or image processing"),
        ("熟悉传统图像处理与深度学习方法", "Knowledge of both classical image processing and deep learning"),
        (
            "熟练掌握 C++ 与 Python，有性能优化经验",
            "Strong C++ and Python with performance tuning experience",
        ),
        ("对画质有敏锐的感知", "A sharp eye for image quality"),
        ("有将算法落地到产品的经验", "Experience getting algorithms into shipping products"),
    ),
    bonuses=(
        ("熟悉 ISP 流程或手机影像算法", "Knowledge of ISP pipelines or smartphone imaging"),
        ("有 NEON、OpenCL 或 GPU 加速经验", "NEON, OpenCL or GPU acceleration experience"),
        ("有扩散模型或视频生成的研究经历", "Research on diffusion models or video generation"),
        ("在 CVPR、ICCV、SIGGRAPH 等会议发表过论文", "Papers at CVPR, ICCV, SIGGRAPH or similar"),
    ),
    must_skills=("computer-vision", "image-processing", "cpp", "python"),
    nice_skills=("diffusion-models", "3d-vision", "video-coding", "image-enhancement", "pytorch", "isp"),
)

AI_PRODUCT = AreaContent(
    roles=(
        ("AI 产品经理", "AI Product Manager"),
        ("大模型应用产品经理", "LLM Application Product Manager"),
        ("AI 交互设计师", "AI Interaction Designer"),
        ("AI 产品运营经理", "AI Product Operations Manager"),
        ("前端开发工程师（AI 产品）", "Frontend Engineer, AI Products"),
        ("客户端开发工程师（AI 产品）", "Mobile Engineer, AI Products"),
        ("AI 数据分析师", "AI Product Data Analyst"),
    ),
    campus_roles=(
        ("AI 产品经理", "AI Product Manager"),
        ("前端开发工程师", "Frontend Engineer"),
        ("客户端开发工程师", "Mobile Engineer"),
    ),
    duties=(
        (
            "洞察用户需求，定义基于多模态大模型的新产品功能",
            "Find what users need and define new features built on multimodal models",
        ),
        (
            "与算法团队共同设计模型能力边界与评测标准，让体验可衡量",
            "Work with researchers on what the model should do and how to measure it",
        ),
        (
            "设计自然、可信的人机交互，处理模型不确定性带来的体验问题",
            "Design interaction that feels natural and trustworthy, even when the model is unsure",
        ),
        ("负责产品数据分析，通过实验驱动迭代", "Own product analytics and iterate through experiments"),
        (
            "开发高质量的前端与客户端界面，打磨流式输出与多模态输入体验",
            "Build polished web and mobile interfaces for streamed answers and multimodal input",
        ),
        (
            "跟进竞品与行业动态，提出差异化的产品策略",
            "Track competitors and the industry and propose a distinctive product strategy",
        ),
    ),
    requirements=(
        ("对大模型能力与局限有深入理解", "A real understanding of what large models can and cannot do"),
        ("优秀的逻辑思维与沟通表达能力", "Clear thinking and clear writing"),
        ("具备数据分析能力，熟悉 SQL", "Comfortable with data analysis and SQL"),
        ("有互联网产品从 0 到 1 的经验", "Experience taking an internet product from zero to one"),
        ("对用户体验有极致追求", "High standards for user experience"),
    ),
    bonuses=(
        ("有 AI 产品或工具的成功案例", "A successful AI product or tool you can show"),
        ("有技术背景，能独立完成原型开发", "A technical background and the ability to prototype on your own"),
        ("熟悉 React、Flutter 或原生客户端开发", "React, Flutter or native mobile development"),
        ("有教育、健康或内容创作行业经验", "Industry experience in education, health or content creation"),
    ),
    must_skills=("ai-product-management", "llm", "data-science", "user-research"),
    nice_skills=("sql", "react", "mobile-development", "ux-design", "statistics", "prompt-engineering"),
)
