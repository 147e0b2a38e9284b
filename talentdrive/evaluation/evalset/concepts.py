"""Latent skill concepts of the judged set, with the Chinese and English ways resumes write them.

These ids are the judged set's own (not taxonomy ids): grades are decided on them, and the ranker
only ever sees the text, so it is measured on recognising the surfaces, not on sharing our labels.
A concept's parent is implied by it (a vLLM engineer does LLM inference).
"""

from __future__ import annotations

# id: (parent, focus area, Chinese surfaces, English surfaces)
CONCEPTS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    "llm": ("", "llm", ("大模型", "大语言模型"), ("LLM", "large language models")),
    "llm-pretraining": (
        "llm",
        "llm",
        ("大模型预训练",),
        ("LLM pre-training", "pretraining large language models"),
    ),
    "llm-finetuning": (
        "llm",
        "llm",
        ("指令微调", "SFT 微调"),
        ("instruction tuning", "supervised fine-tuning"),
    ),
    "lora": ("llm-finetuning", "llm", ("LoRA",), ("LoRA",)),
    "llm-inference": ("llm", "llm", ("大模型推理", "推理加速"), ("LLM inference", "LLM serving")),
    "vllm": ("llm-inference", "llm", ("vLLM",), ("vLLM",)),
    "tensorrt-llm": ("llm-inference", "llm", ("TensorRT-LLM",), ("TensorRT-LLM",)),
    "transformer": ("", "llm", ("Transformer",), ("Transformer",)),
    "rag": ("", "agents", ("检索增强生成", "RAG"), ("retrieval-augmented generation", "RAG")),
    "multimodal": ("", "multimodal-understanding", ("多模态",), ("multimodal",)),
    "vlm": (
        "multimodal",
        "multimodal-understanding",
        ("视觉语言模型", "多模态大模型"),
        ("vision-language models", "VLM"),
    ),
    "clip": ("vlm", "multimodal-understanding", ("CLIP",), ("CLIP",)),
    "ocr": ("", "multimodal-understanding", ("OCR", "文字识别"), ("OCR", "optical character recognition")),
    "detection": ("", "multimodal-understanding", ("目标检测",), ("object detection",)),
    "segmentation": ("", "multimodal-understanding", ("图像分割",), ("image segmentation",)),
    "video-understanding": ("", "multimodal-understanding", ("视频理解",), ("video understanding",)),
    "distributed-training": ("", "training-infra", ("分布式训练",), ("distributed training",)),
    "megatron": ("distributed-training", "training-infra", ("Megatron-LM",), ("Megatron-LM",)),
    "deepspeed": ("distributed-training", "training-infra", ("DeepSpeed",), ("DeepSpeed",)),
    "cuda": ("", "training-infra", ("CUDA", "CUDA 编程"), ("CUDA",)),
    "operator-optimisation": (
        "",
        "training-infra",
        ("算子优化", "算子开发"),
        ("operator optimization", "kernel optimization"),
    ),
    "nccl": ("distributed-training", "training-infra", ("NCCL",), ("NCCL",)),
    "kubernetes": ("", "training-infra", ("Kubernetes", "K8s"), ("Kubernetes",)),
    "mixed-precision": ("", "multimodal-training", ("混合精度训练",), ("mixed-precision training",)),
    "agents": ("", "agents", ("智能体", "Agent 开发"), ("AI agents", "LLM agents")),
    "langchain": ("agents", "agents", ("LangChain",), ("LangChain",)),
    "function-calling": (
        "agents",
        "agents",
        ("工具调用", "Function Calling"),
        ("function calling", "tool use"),
    ),
    "prompt-engineering": ("llm", "agents", ("提示词工程", "Prompt 工程"), ("prompt engineering",)),
    "soc": ("", "ai-hardware", ("SoC 架构", "芯片架构"), ("SoC architecture", "chip architecture")),
    "npu": ("", "ai-hardware", ("NPU",), ("NPU", "neural processing unit")),
    "low-power": ("", "ai-hardware", ("低功耗设计",), ("low-power design",)),
    "sensor-fusion": ("", "ai-hardware", ("传感器融合", "多传感器融合"), ("sensor fusion",)),
    "embedded": ("", "ai-hardware", ("嵌入式开发", "嵌入式"), ("embedded systems", "embedded software")),
    "verilog": ("", "ai-hardware", ("Verilog",), ("Verilog",)),
    "on-device": ("", "ai-hardware", ("端侧部署", "端侧推理"), ("on-device deployment", "edge deployment")),
    "asr": ("", "speech", ("语音识别",), ("ASR", "automatic speech recognition")),
    "tts": ("", "speech", ("语音合成",), ("TTS", "text-to-speech")),
    "kws": ("", "speech", ("语音唤醒", "关键词检测"), ("keyword spotting", "wake word detection")),
    "speech-enhancement": ("", "speech", ("语音增强", "降噪"), ("speech enhancement",)),
    "image-processing": ("", "vision-optimisation", ("图像处理",), ("image processing",)),
    "isp": (
        "image-processing",
        "vision-optimisation",
        ("ISP 调优", "ISP"),
        ("ISP tuning", "image signal processing"),
    ),
    "video-coding": ("", "vision-optimisation", ("视频编解码", "视频编码"), ("video coding", "video codec")),
    "super-resolution": ("image-processing", "vision-optimisation", ("超分辨率",), ("super-resolution",)),
    "model-compression": ("", "vision-optimisation", ("模型压缩",), ("model compression",)),
    "quantization": (
        "model-compression",
        "vision-optimisation",
        ("模型量化",),
        ("quantization", "model quantization"),
    ),
    "rl": ("", "reinforcement-learning", ("强化学习",), ("reinforcement learning",)),
    "rlhf": ("rl", "reinforcement-learning", ("RLHF", "人类反馈强化学习"), ("RLHF",)),
    "ppo": ("rl", "reinforcement-learning", ("PPO",), ("PPO",)),
    "reward-model": ("rl", "reinforcement-learning", ("奖励模型",), ("reward modeling", "reward models")),
    "product-management": ("", "ai-product", ("产品经理", "产品规划"), ("product management",)),
    "user-research": ("", "ai-product", ("用户研究",), ("user research",)),
    "data-analysis": ("", "ai-product", ("数据分析",), ("data analysis",)),
    "ab-testing": ("", "ai-product", ("A/B 测试", "AB 实验"), ("A/B testing",)),
    "python": ("", "", ("Python",), ("Python",)),
    "pytorch": ("", "", ("PyTorch",), ("PyTorch",)),
    "cpp": ("", "", ("C++",), ("C++",)),
}

# Domain concepts: (Chinese surfaces, English surfaces)
DOMAINS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "healthcare": (
        ("医疗", "医学影像", "电子病历", "临床"),
        ("healthcare", "medical imaging", "EHR", "clinical"),
    ),
    "education": (("教育", "在线教育"), ("education", "online learning")),
    "creative": (("内容创作", "AIGC 创作"), ("creative content", "content creation")),
    "finance": (("金融", "风控"), ("finance", "risk control")),
}


def implied(concepts: set[str] | frozenset[str]) -> set[str]:
    """The concepts plus every ancestor they imply."""
    result = set()
    for concept in concepts:
        while concept:
            result.add(concept)
            concept = CONCEPTS[concept][0]
    return result


def by_focus(area: str) -> list[str]:
    return [c for c, (_, focus, _, _) in CONCEPTS.items() if focus == area]
