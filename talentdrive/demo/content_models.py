"""Job-ad phrase pools for the model-building focus areas."""

from __future__ import annotations

from talentdrive.demo.pools import AreaContent

LLM = AreaContent(
    roles=(
        ("大模型预训练算法工程师", "LLM Pre-training Engineer"),
        ("大模型后训练算法工程师", "LLM Post-training Engineer"),
        ("大模型推理优化工程师", "LLM Inference Optimisation Engineer"),
        ("长上下文建模算法工程师", "Long-context Modelling Engineer"),
        ("大模型数据策略工程师", "LLM Data Strategy Engineer"),
        ("大模型评测算法工程师", "LLM Evaluation Engineer"),
        ("代码大模型算法工程师", "Code LLM Engineer"),
        ("大模型对齐算法工程师", "LLM Alignment Engineer"),
    ),
    campus_roles=(
        ("大模型算法工程师", "LLM Algorithm Engineer"),
        ("大模型研发工程师", "LLM Research & Development Engineer"),
        ("自然语言处理算法工程师", "NLP Algorithm Engineer"),
    ),
    duties=(
        (
            "负责千亿参数级语言模型的预训练，设计数据配比与训练策略，持续提升模型的通用能力",
            "Pre-train language models with hundreds of billions of parameters, designing data mixtures and "
            "training schedules that keep lifting general capability",
        ),
        (
            "构建指令微调与偏好对齐流程，让模型在真实用户场景中更有用、更可靠",
            "Build instruction tuning and preference alignment pipelines that make the model more useful and "
            "more reliable for real users",
        ),
        (
            "研究长上下文、长程推理与工具调用能力，并把研究成果落地到线上模型",
            "Research long context, multi-step reasoning and tool use, and ship what works into production models",
        ),
        (
            "搭建覆盖知识、推理、代码与安全的自动化评测体系，定位模型短板并推动改进",
            "Build automated evaluation across knowledge, reasoning, code and safety, find where the model falls "
            "short and drive the fixes",
        ),
        (
            "优化推理效率，通过量化、投机解码与 KV Cache 管理降低时延与成本",
            "Make inference faster and cheaper through quantisation, speculative decoding and KV-cache management",
        ),
        (
            "建设高质量预训练与合成数据管线，负责数据清洗、去重与质量评估",
            "Own high-quality pre-training and synthetic data pipelines: cleaning, deduplication and quality "
            "scoring",
        ),
        (
            "与产品团队紧密合作，分析线上反馈（bad case），把用户问题转化为模型迭代方向",
            "Work closely with product teams, study failure cases from live traffic and turn them into the next "
            "model iteration",
        ),
        (
            "跟踪学术前沿，探索新的模型结构与训练目标，如混合专家（MoE）与稀疏注意力",
            "Follow the research frontier and try new architectures and objectives such as mixture-of-experts "
            "and sparse attention",
        ),
    ),
    requirements=(
        (
            "计算机、人工智能、数学等相关专业",
            "A degree in computer science, AI, mathematics or a related field",
        ),
        (
            "熟悉 Transformer 结构及主流大模型训练方法，有实际训练或微调经验",
            "A working knowledge of the Transformer and of how large models are trained, with hands-on "
            "training or fine-tuning experience",
        ),
        (
            "熟练使用 Python 和 PyTorch，具备扎实的工程实现能力",
            "Fluent Python and PyTorch, and the engineering discipline to ship",
        ),
        (
            "对数据敏感，能通过实验设计与分析得出可靠结论",
            "A feel for data, and experiments designed well enough to trust their conclusions",
        ),
        (
            "良好的沟通能力，能够在跨团队协作中推动问题解决",
            "Clear communication and the habit of driving problems to resolution across teams",
        ),
        (
            "理解分布式训练的基本原理，能够排查训练不稳定等问题",
            "An understanding of distributed training, and the patience to debug loss spikes and divergence",
        ),
    ),
    bonuses=(
        ("在 ACL、EMNLP、NeurIPS、ICLR 等会议发表过论文", "Papers at ACL, EMNLP, NeurIPS, ICLR or similar"),
        (
            "有开源大模型或知名开源项目的贡献经历",
            "Contributions to open-weight models or well-known open-source projects",
        ),
        (
            "有 Megatron-LM、DeepSpeed 等框架的深度使用或二次开发经验",
            "Deep experience with, or changes to, Megatron-LM or DeepSpeed",
        ),
        (
            "在 Kaggle、ACM-ICPC 等竞赛中取得优异成绩",
            "Strong results in Kaggle, ACM-ICPC or similar competitions",
        ),
        ("熟悉 CUDA 编程与算子优化", "CUDA programming and kernel optimisation"),
    ),
    must_skills=("llm", "pytorch", "transformer", "python", "nlp", "llm-fine-tuning"),
    nice_skills=("rlhf", "deepspeed", "megatron", "cuda", "moe", "quantisation", "rag"),
)

MULTIMODAL_UNDERSTANDING = AreaContent(
    roles=(
        ("多模态理解算法工程师", "Multimodal Understanding Engineer"),
        ("视觉语言模型算法工程师", "Vision-Language Model Engineer"),
        ("视频理解算法工程师", "Video Understanding Engineer"),
        ("文档与图表理解算法工程师", "Document & Chart Understanding Engineer"),
        ("多模态检索算法工程师", "Multimodal Retrieval Engineer"),
        ("OCR 与版面分析算法工程师", "OCR & Layout Analysis Engineer"),
    ),
    campus_roles=(
        ("多模态算法工程师", "Multimodal Algorithm Engineer"),
        ("计算机视觉算法工程师", "Computer Vision Algorithm Engineer"),
    ),
    duties=(
        (
            "研发图文、视频与语音统一理解的多模态大模型",
            "Develop multimodal models that understand images, video and speech together",
        ),
        (
            "提升模型在细粒度识别、空间关系与时序推理上的能力",
            "Improve fine-grained recognition, spatial reasoning and temporal reasoning",
        ),
        (
            "构建多模态指令数据与评测集，覆盖拍照问答、视频摘要、图表解读等场景",
            "Build multimodal instruction data and benchmarks for photo Q&A, video summaries and chart reading",
        ),
        (
            "负责视觉编码器与语言模型的对齐训练，探索更高效的视觉 token 压缩方案",
            "Train the alignment between vision encoders and the language model, and find cheaper ways to "
            "compress visual tokens",
        ),
        (
            "将多模态能力落地到产品，解决真实场景中的光照、遮挡与模糊等问题",
            "Take multimodal features into the product and make them hold up under poor light, occlusion and "
            "motion blur",
        ),
        (
            "设计多模态检索与召回方案，支撑以图搜图、视频检索等能力",
            "Design multimodal retrieval so that users can search by image and find moments in video",
        ),
        (
            "分析模型幻觉问题，设计数据与训练策略降低多模态幻觉",
            "Study visual hallucination and reduce it through better data and training",
        ),
    ),
    requirements=(
        ("计算机视觉、机器学习或相关方向背景", "A background in computer vision, machine learning or nearby"),
        (
            "熟悉 CLIP、ViT 等视觉表征方法及主流视觉语言模型",
            "Familiarity with CLIP, ViT and current vision-language models",
        ),
        (
            "熟练掌握 PyTorch，能独立完成模型训练与调优",
            "Confident with PyTorch, able to train and tune models on your own",
        ),
        (
            "具备良好的问题拆解能力，能从数据出发分析模型表现",
            "Good at breaking problems down and reading model behaviour from the data",
        ),
        (
            "有图像、视频或文档理解相关项目经验",
            "Project experience in image, video or document understanding",
        ),
    ),
    bonuses=(
        ("在 CVPR、ICCV、ECCV、NeurIPS 等会议发表过论文", "Papers at CVPR, ICCV, ECCV, NeurIPS or similar"),
        ("有大规模多模态预训练经验", "Experience with large-scale multimodal pre-training"),
        ("熟悉视频编解码与时序建模", "Knowledge of video codecs and temporal modelling"),
        ("在视觉相关竞赛中获得前列名次", "Top placings in computer-vision challenges"),
    ),
    must_skills=("multimodal", "computer-vision", "pytorch", "python", "transformer"),
    nice_skills=("video-understanding", "ocr", "llm", "self-supervised-learning", "diffusion-models"),
)

MULTIMODAL_TRAINING = AreaContent(
    roles=(
        ("多模态训练工程师", "Multimodal Training Engineer"),
        ("多模态数据工程师", "Multimodal Data Engineer"),
        ("多模态训练框架研发工程师", "Multimodal Training Framework Engineer"),
        ("视频数据处理平台工程师", "Video Data Platform Engineer"),
        ("多模态模型性能优化工程师", "Multimodal Performance Engineer"),
    ),
    campus_roles=(
        ("多模态训练工程师", "Multimodal Training Engineer"),
        ("AI 训练框架开发工程师", "AI Training Framework Developer"),
    ),
    duties=(
        (
            "搭建支持图像、视频、音频混合输入的大规模训练框架",
            "Build the large-scale training framework that feeds images, video and audio into one model",
        ),
        (
            "优化多模态数据加载、解码与打包流程，消除训练中的 I/O 瓶颈",
            "Speed up multimodal data loading, decoding and packing so that training is never waiting on I/O",
        ),
        (
            "负责万卡规模多模态训练任务的稳定性与效率",
            "Keep multimodal training runs on tens of thousands of accelerators stable and efficient",
        ),
        (
            "建设多模态数据处理平台，支持数十亿级图文对与视频片段的清洗与标注",
            "Build the data platform that cleans and labels billions of image-text pairs and video clips",
        ),
        (
            "与算法团队协作，把新的模型结构高效地落到训练系统中",
            "Work with researchers to bring new architectures into the training system without losing speed",
        ),
        (
            "分析训练吞吐与显存占用，推动混合精度、序列并行等优化落地",
            "Profile throughput and memory and land mixed precision, sequence parallelism and similar gains",
        ),
    ),
    requirements=(
        ("扎实的编程基础，熟练使用 Python 与 C++", "Solid programming in Python and C++"),
        ("熟悉 PyTorch 内部机制及分布式训练", "Knowledge of PyTorch internals and distributed training"),
        (
            "有大规模数据处理经验，熟悉 Spark、Ray 等计算框架之一",
            "Large-scale data processing experience with Spark, Ray or similar",
        ),
        ("了解图像与视频编解码的基本原理", "An understanding of image and video encoding basics"),
        ("责任心强，能够对线上训练任务负责到底", "Ownership: you see a training run through to the end"),
    ),
    bonuses=(
        ("有多模态大模型训练的完整经验", "End-to-end experience training a multimodal model"),
        ("熟悉 GPU 性能分析工具", "Fluency with GPU profiling tools"),
        ("有 FFmpeg、DALI 等音视频处理库的开发经验", "Development experience with FFmpeg, DALI or similar"),
        ("开源训练框架的贡献者", "Contributor to an open-source training framework"),
    ),
    must_skills=("pytorch", "distributed-training", "python", "multimodal"),
    nice_skills=("cpp", "ray", "spark", "cuda", "dataloader", "deepspeed"),
)

TRAINING_INFRA = AreaContent(
    roles=(
        ("大模型训练系统工程师", "LLM Training Systems Engineer"),
        ("AI 集群调度研发工程师", "AI Cluster Scheduling Engineer"),
        ("高性能算子开发工程师", "High-performance Kernel Engineer"),
        ("训练稳定性与容错工程师", "Training Reliability Engineer"),
        ("高速网络与通信优化工程师", "High-speed Interconnect Engineer"),
        ("AI 存储系统工程师", "AI Storage Systems Engineer"),
    ),
    campus_roles=(
        ("AI 基础设施研发工程师", "AI Infrastructure Engineer"),
        ("高性能计算工程师", "High-performance Computing Engineer"),
    ),
    duties=(
        (
            "设计并实现支持万卡规模的大模型训练系统，持续提升 MFU",
            "Design and build a training system that scales to tens of thousands of GPUs and keeps raising MFU",
        ),
        (
            "开发与优化 CUDA/Triton 高性能算子，覆盖注意力、MoE 路由等关键模块",
            "Write and tune CUDA and Triton kernels for attention, MoE routing and other hot paths",
        ),
        (
            "建设训练任务的故障检测、断点续训与自动恢复能力",
            "Build fault detection, checkpoint-and-resume and automatic recovery for training jobs",
        ),
        (
            "优化集合通信与网络拓扑感知调度，降低大规模训练的通信开销",
            "Cut communication overhead with better collectives and topology-aware scheduling",
        ),
        ("负责 GPU 集群资源调度与利用率提升", "Own GPU cluster scheduling and push utilisation up"),
        (
            "设计面向训练数据与检查点的高吞吐存储方案",
            "Design high-throughput storage for training data and checkpoints",
        ),
    ),
    requirements=(
        ("精通 C++ 或 Python，具备良好的系统设计能力", "Strong C++ or Python and sound system design"),
        (
            "熟悉 Linux 系统、计算机体系结构与网络",
            "A good grasp of Linux, computer architecture and networking",
        ),
        (
            "了解数据并行、张量并行、流水线并行等分布式训练技术",
            "Understanding of data, tensor and pipeline parallelism",
        ),
        ("有 GPU 编程或高性能计算经验", "Experience with GPU programming or high-performance computing"),
        (
            "善于定位复杂的性能与稳定性问题",
            "A talent for tracking down hard performance and reliability problems",
        ),
    ),
    bonuses=(
        ("熟悉 NCCL、RDMA、InfiniBand 等通信技术", "Knowledge of NCCL, RDMA and InfiniBand"),
        ("有 Kubernetes 或 Slurm 大规模集群经验", "Experience running large Kubernetes or Slurm clusters"),
        (
            "有 Megatron-LM、DeepSpeed、FSDP 的深度优化经验",
            "Deep optimisation work on Megatron-LM, DeepSpeed or FSDP",
        ),
        ("在 OSDI、SOSP、MLSys 等会议发表过论文", "Papers at OSDI, SOSP, MLSys or similar"),
    ),
    must_skills=("cuda", "cpp", "distributed-training", "python"),
    nice_skills=(
        "triton-lang",
        "collective-communication",
        "kubernetes",
        "rdma",
        "megatron",
        "deepspeed",
        "linux",
    ),
)

REINFORCEMENT_LEARNING = AreaContent(
    roles=(
        ("强化学习算法工程师", "Reinforcement Learning Engineer"),
        ("RLHF 算法工程师", "RLHF Engineer"),
        ("推理模型强化学习研究员", "Reasoning RL Researcher"),
        ("奖励模型算法工程师", "Reward Modelling Engineer"),
        ("决策智能算法工程师", "Decision Intelligence Engineer"),
    ),
    campus_roles=(
        ("强化学习算法工程师", "Reinforcement Learning Engineer"),
        ("机器学习算法工程师", "Machine Learning Engineer"),
    ),
    duties=(
        (
            "研究基于人类反馈与 AI 反馈的强化学习方法，提升模型的有用性与安全性",
            "Research RL from human and AI feedback to make the model more helpful and safer",
        ),
        (
            "设计与训练奖励模型，解决奖励欺骗（reward hacking）等问题",
            "Design and train reward models and deal with reward hacking",
        ),
        (
            "用大规模强化学习提升模型在数学、代码与复杂推理任务上的表现",
            "Use large-scale RL to raise performance on maths, code and multi-step reasoning",
        ),
        (
            "搭建高效、稳定的强化学习训练框架，支撑 PPO、GRPO 等算法的大规模训练",
            "Build a fast, stable RL training stack for PPO, GRPO and their successors at scale",
        ),
        ("构建可验证奖励的任务环境与数据", "Build environments and data with verifiable rewards"),
        (
            "与业务团队合作，把强化学习应用到对话策略与个性化推荐中",
            "Apply RL with product teams to dialogue policy and personalisation",
        ),
    ),
    requirements=(
        (
            "扎实的机器学习与强化学习理论基础",
            "Sound foundations in machine learning and reinforcement learning",
        ),
        ("熟悉 PPO、DPO 等主流算法，有实际训练经验", "Hands-on experience with PPO, DPO or similar"),
        ("熟练使用 PyTorch", "Fluent PyTorch"),
        (
            "具备独立开展研究并把结果做扎实的能力",
            "The ability to run research independently and make results hold",
        ),
        ("数学基础良好，能读懂并复现前沿论文", "Good mathematics; you can read and reproduce recent papers"),
    ),
    bonuses=(
        (
            "在 NeurIPS、ICML、ICLR 等会议发表过强化学习相关论文",
            "RL papers at NeurIPS, ICML, ICLR or similar",
        ),
        ("有大模型推理能力提升的项目经验", "Project experience improving LLM reasoning"),
        ("熟悉 OpenRLHF、veRL 等开源框架", "Familiarity with OpenRLHF, veRL or similar frameworks"),
        ("在游戏 AI 或机器人控制方向有研究经历", "Research in game AI or robot control"),
    ),
    must_skills=("reinforcement-learning", "pytorch", "python", "llm"),
    nice_skills=("rlhf", "reward-modelling", "rl-for-llm", "distributed-training", "linear-algebra"),
)
