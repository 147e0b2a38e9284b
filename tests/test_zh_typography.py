"""Chinese typography: every Chinese message uses full-width punctuation after Chinese text.

Reads the compiled catalogue (what users see), not the .po source: an entry someone forgot to
compile, or a fuzzy one, is judged as shipped."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[1] / "talentdrive/locale/zh_Hans/LC_MESSAGES/django.mo"
# A CJK character (with an optional closing quote or bracket after it), then ASCII , . : ; ! ?
# that is not part of a number, an ellipsis "..." or a URL/placeholder.
CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
ASCII_AFTER_CJK = re.compile(rf"{CJK}[”’）》」]?\s*([,.:;!?])(?![0-9A-Za-z/.])")


def _messages() -> dict[str, str]:
    with CATALOGUE.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    messages: dict[str, str] = {}
    for key, text in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid and text:
            messages[f"{msgid!r}"] = text
    return messages


def ascii_punctuation_after_cjk(text: str) -> list[str]:
    return [text[max(0, m.start() - 8) : m.end() + 2] for m in ASCII_AFTER_CJK.finditer(text)]


def test_the_check_finds_what_it_should():
    assert ascii_punctuation_after_cjk("重新发送链接.") == ["重新发送链接."]
    assert ascii_punctuation_after_cjk("状态: 已提交") != []
    assert ascii_punctuation_after_cjk("城市（北京）, 上海") != []
    assert ascii_punctuation_after_cjk("重新发送链接。版本 1.5，网址 https://例子.cn/a") == []
    assert ascii_punctuation_after_cjk("共 %(count)s 个，Python 3.11.") == []


def test_every_chinese_message_uses_full_width_punctuation():
    messages = _messages()
    assert len(messages) > 200  # the catalogue was read, not an empty file
    offenders = {
        msgid: found for msgid, text in messages.items() if (found := ascii_punctuation_after_cjk(text))
    }
    assert offenders == {}, "\n".join(f"{k}: {v}" for k, v in sorted(offenders.items()))
