"""The versioned text candidates agree to before their personal data is processed.

A new wording gets a new version; old versions stay here so a stored consent can always be
traced to its text. Each version holds the text in every portal language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConsentText:
    version: str
    en: str
    zh: str

    def text_for(self, language: str) -> str:
        return self.zh if (language or "en").startswith("zh") else self.en


CONSENT_TEXTS: dict[str, ConsentText] = {
    "2026-09": ConsentText(
        version="2026-09",
        en=(
            "I agree that the organiser of this hiring drive processes the personal data in my "
            "application (name, contact details, resume, education and preferences) to assess my "
            "application and contact me about it. The data is kept for the duration of the drive and "
            "at most 12 months after it ends. I can download my data, withdraw my application or have "
            "my personal data deleted at any time from my private status page."
        ),
        zh=(
            "我同意本次招聘的组织方为评估我的申请并就此与我联系而处理我申请中的个人信息（姓名、联系方式、"
            "简历、教育经历和意向）。数据在招聘期间保存，并最多在招聘结束后保存 12 个月。我可以随时在"
            "我的专属申请状态页面下载我的数据、撤回申请或要求删除我的个人信息。"
        ),
    ),
}
CURRENT_CONSENT_VERSION = "2026-09"


def current_consent() -> ConsentText:
    return CONSENT_TEXTS[CURRENT_CONSENT_VERSION]
