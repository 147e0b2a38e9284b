from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()

_NATIVE_NAMES = {"en": "English", "zh-hans": "简体中文"}
_BCP47 = {"en": "en", "zh-hans": "zh-Hans"}


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict[str, object]]:
    """The current page in each portal language, as plain links that need no JavaScript."""
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = get_language()
    return [
        {
            "code": code,
            "bcp47": _BCP47.get(code, code),
            "name": _NATIVE_NAMES.get(code, code),
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag
def html_lang() -> str:
    return _BCP47.get(get_language() or "en", "en")
