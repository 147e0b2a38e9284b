"""Hand-written job descriptions of the judged set, with what each one actually requires.

``must``/``nice`` are concept ids from concepts.py; degree is a rank (0 none, 2 bachelor, 3 master,
4 PhD). The ranker sees only ``title`` and ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JudgedRequisition:
    id: str
    language: str
    focus: str
    title: str
    text: str
    must: tuple[str, ...]
    nice: tuple[str, ...] = ()
    domain: str = ""
    degree: int = 0
    years: float = 0
    research: bool = False


REQUISITIONS = [
    JudgedRequisition(
        "R01",
        "zh",
        "llm",
        "大模型推理优化工程师",
        """岗位职责：
负责大模型在线服务的推理性能优化，降低延迟与成本。
任职要求：
1. 本科及以上学历，3年以上相关经验；
2. 精通大模型推理，熟悉 CUDA 编程；
3. 熟练使用 C++ 与 Python。
加分项：
有 TensorRT-LLM 或模型量化经验者优先。""",
        ("llm-inference", "cuda", "cpp"),
        ("tensorrt-llm", "quantization"),
        degree=2,
        years=3,
    ),
    JudgedRequisition(
        "R02",
        "en",
        "llm",
        "LLM Pre-training Research Scientist",
        """About the role
Push the frontier of LLM pre-training for our flagship assistant.
Requirements
- PhD in computer science or a related field
- Hands-on experience with LLM pre-training and distributed training (Megatron-LM or DeepSpeed)
- Publications at top venues such as NeurIPS, ICML or ICLR
Nice to have
- Experience with mixed-precision training""",
        ("llm-pretraining", "distributed-training"),
        ("mixed-precision",),
        degree=4,
        research=True,
    ),
    JudgedRequisition(
        "R03",
        "zh",
        "llm",
        "大模型算法工程师（医疗方向）",
        """我们正在打造面向医生的医疗大模型。
任职要求：
- 硕士及以上学历；
- 熟悉大模型指令微调（SFT/LoRA）；
- 有医疗行业数据（电子病历、医学影像报告）项目经验；
- 熟悉 PyTorch。
加分：有 RAG 经验优先。""",
        ("llm-finetuning", "pytorch"),
        ("rag",),
        domain="healthcare",
        degree=3,
    ),
    JudgedRequisition(
        "R04",
        "en",
        "multimodal-understanding",
        "Multimodal LLM Algorithm Engineer, Healthcare",
        """Build vision-language models that read medical imaging for radiologists in Hangzhou.
Requirements:
- Master's degree or above, 2+ years of experience
- Strong background in vision-language models (CLIP-style pre-training, VLM fine-tuning)
- Experience with medical imaging data
- PyTorch
Preferred: image segmentation experience.""",
        ("vlm", "pytorch"),
        ("segmentation",),
        domain="healthcare",
        degree=3,
        years=2,
    ),
    JudgedRequisition(
        "R05",
        "zh",
        "multimodal-understanding",
        "多模态理解算法工程师",
        """岗位职责：视频内容理解与检索。
任职要求：
1. 熟悉多模态模型，有视频理解项目经验；
2. 熟悉目标检测；
3. 本科及以上学历。
加分项：有 OCR 经验者优先。""",
        ("multimodal", "video-understanding", "detection"),
        ("ocr",),
        degree=2,
    ),
    JudgedRequisition(
        "R06",
        "en",
        "multimodal-understanding",
        "Document Understanding Engineer (OCR)",
        """Requirements
- 3+ years building OCR systems in production
- Object detection for layout analysis
- Python and C++
Nice to have
- Multimodal LLM experience""",
        ("ocr", "detection", "python", "cpp"),
        ("vlm",),
        years=3,
    ),
    JudgedRequisition(
        "R07",
        "zh",
        "training-infra",
        "大模型训练框架工程师",
        """任职要求：
1. 熟悉分布式训练，有 Megatron-LM 或 DeepSpeed 实践经验；
2. 熟悉 NCCL 通信优化；
3. 5年以上工作经验，硕士优先。
加分项：熟悉 Kubernetes 集群调度。""",
        ("distributed-training", "nccl"),
        ("kubernetes",),
        years=5,
    ),
    JudgedRequisition(
        "R08",
        "en",
        "training-infra",
        "GPU Kernel Engineer",
        """What you need
- Deep CUDA programming skills and operator/kernel optimization for AI accelerators
- C++
- 3+ years of experience
It's a plus
- Experience with quantization or LLM inference engines""",
        ("cuda", "operator-optimisation", "cpp"),
        ("quantization", "llm-inference"),
        years=3,
    ),
    JudgedRequisition(
        "R09",
        "zh",
        "multimodal-training",
        "多模态训练工程师（校招）",
        """面向 2026 届毕业生。
任职要求：
- 硕士及以上学历，计算机相关专业；
- 熟悉多模态模型训练，了解混合精度训练与分布式训练；
- 熟练掌握 PyTorch。
加分项：在 CVPR/ICCV 等顶会发表论文者优先。""",
        ("multimodal", "mixed-precision", "pytorch"),
        ("distributed-training",),
        degree=3,
        research=True,
    ),
    JudgedRequisition(
        "R10",
        "en",
        "agents",
        "LLM Agent Application Engineer",
        """Build AI agents for our consumer assistant app.
Requirements
- Experience building LLM agents with function calling / tool use
- Retrieval-augmented generation (RAG)
- Python, 2+ years
Preferred
- LangChain, prompt engineering""",
        ("agents", "function-calling", "rag", "python"),
        ("langchain", "prompt-engineering"),
        years=2,
    ),
    JudgedRequisition(
        "R11",
        "zh",
        "agents",
        "智能体应用开发工程师（教育）",
        """为在线教育产品打造学习助手智能体。
任职要求：
1. 有智能体（Agent）开发经验，熟悉工具调用；
2. 熟悉提示词工程；
3. 有教育行业经验。
加分项：熟悉 LangChain 者优先。""",
        ("agents", "function-calling", "prompt-engineering"),
        ("langchain",),
        domain="education",
    ),
    JudgedRequisition(
        "R12",
        "en",
        "ai-hardware",
        "Smart Glasses SoC Architect",
        """Define the SoC architecture of our next smart glasses.
Requirements
- 8+ years in chip/SoC architecture
- NPU integration and low-power design
- Master's degree or above
Nice to have
- Sensor fusion, Verilog""",
        ("soc", "npu", "low-power"),
        ("sensor-fusion", "verilog"),
        degree=3,
        years=8,
    ),
    JudgedRequisition(
        "R13",
        "zh",
        "ai-hardware",
        "端侧 AI 部署工程师（智能眼镜）",
        """任职要求：
- 熟悉端侧部署与模型量化；
- 熟悉嵌入式开发，C++；
- 3年以上经验。
加分项：有多传感器融合经验优先。""",
        ("on-device", "quantization", "embedded", "cpp"),
        ("sensor-fusion",),
        years=3,
    ),
    JudgedRequisition(
        "R14",
        "en",
        "speech",
        "Speech Recognition Engineer",
        """Requirements:
- Automatic speech recognition (ASR) model development, 3+ years
- PyTorch, C++
Nice to have:
- Keyword spotting / wake word detection, speech enhancement""",
        ("asr", "pytorch", "cpp"),
        ("kws", "speech-enhancement"),
        years=3,
    ),
    JudgedRequisition(
        "R15",
        "zh",
        "speech",
        "语音合成算法工程师",
        """任职要求：
1. 硕士及以上学历；
2. 精通语音合成（TTS）算法；
3. 熟悉 PyTorch。
加分项：了解语音识别、有顶会论文者优先。""",
        ("tts", "pytorch"),
        ("asr",),
        degree=3,
        research=True,
    ),
    JudgedRequisition(
        "R16",
        "en",
        "vision-optimisation",
        "Image Quality (ISP) Algorithm Engineer",
        """Requirements
- ISP tuning and image processing algorithms, 3+ years
- C++
Preferred
- Super-resolution, model compression for on-device imaging""",
        ("isp", "cpp"),
        ("super-resolution", "model-compression"),
        years=3,
    ),
    JudgedRequisition(
        "R17",
        "zh",
        "vision-optimisation",
        "视频算法优化专家",
        """任职要求：
- 5年以上视频编解码经验；
- 熟悉图像处理与超分辨率算法；
- 本科及以上。
加分项：熟悉 CUDA 者优先。""",
        ("video-coding", "image-processing"),
        ("super-resolution", "cuda"),
        degree=2,
        years=5,
    ),
    JudgedRequisition(
        "R18",
        "en",
        "reinforcement-learning",
        "RLHF Research Scientist",
        """Requirements
- PhD in machine learning
- Research experience in RLHF, PPO and reward modeling for LLMs
- First-author publications at NeurIPS, ICML or ICLR
Nice to have
- Large-scale distributed training""",
        ("rlhf", "ppo", "reward-model", "llm"),
        ("distributed-training",),
        degree=4,
        research=True,
    ),
    JudgedRequisition(
        "R19",
        "zh",
        "reinforcement-learning",
        "强化学习算法工程师（医疗）",
        """将强化学习用于临床决策支持。
任职要求：
1. 硕士及以上，2年以上强化学习经验；
2. 有医疗或临床数据项目经验；
3. 熟悉 PyTorch。
加分项：了解大模型与 RLHF。""",
        ("rl", "pytorch"),
        ("rlhf", "llm"),
        domain="healthcare",
        degree=3,
        years=2,
    ),
    JudgedRequisition(
        "R20",
        "en",
        "ai-product",
        "AI Product Manager, Multimodal Assistant",
        """Requirements
- 3+ years of product management on AI products
- Data analysis and A/B testing
- Understanding of LLMs and multimodal models
Nice to have
- User research""",
        ("product-management", "data-analysis", "ab-testing"),
        ("llm", "multimodal", "user-research"),
        years=3,
    ),
    JudgedRequisition(
        "R21",
        "zh",
        "ai-product",
        "AI 创作产品经理",
        """负责 AIGC 内容创作产品。
任职要求：
- 3年以上产品经理经验；
- 熟悉用户研究与数据分析；
- 有内容创作行业经验。
加分：了解大模型与提示词工程。""",
        ("product-management", "user-research", "data-analysis"),
        ("llm", "prompt-engineering"),
        domain="creative",
        years=3,
    ),
    JudgedRequisition(
        "R22",
        "en",
        "llm",
        "Healthcare LLM Research Scientist (Talent Programme)",
        """Join our elite research team.
Requirements
- PhD, with top-venue publications (NeurIPS, ACL, EMNLP)
- LLM fine-tuning and RAG for clinical text (EHR)
Preferred
- RLHF""",
        ("llm-finetuning", "rag"),
        ("rlhf",),
        domain="healthcare",
        degree=4,
        research=True,
    ),
    JudgedRequisition(
        "R23",
        "zh",
        "training-infra",
        "AI 集群平台工程师",
        """任职要求：
1. 3年以上 Kubernetes 平台开发经验；
2. 熟悉分布式训练任务调度；
3. 熟悉 Python。
加分项：了解 NCCL 与 CUDA。""",
        ("kubernetes", "distributed-training", "python"),
        ("nccl", "cuda"),
        years=3,
    ),
    JudgedRequisition(
        "R24",
        "en",
        "speech",
        "Voice Interaction Engineer, Smart Glasses",
        """Requirements
- Wake word detection and speech enhancement on embedded devices
- On-device deployment, C++
Nice to have
- ASR, low-power design""",
        ("kws", "speech-enhancement", "on-device", "cpp"),
        ("asr", "low-power"),
        years=0,
    ),
]
