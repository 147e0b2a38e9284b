from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from talentdrive.portal.core.description import description_blocks

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
            # The unprefixed address follows the visitor's language: the default for search engines.
            "default": code == settings.LANGUAGE_CODE,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag
def html_lang() -> str:
    return _BCP47.get(get_language() or "en", "en")


@register.filter
def job_description(text: str) -> SafeString:
    """A description's own headings and lists as HTML headings and lists, everything escaped.

    Headings are h3: they sit under the page's "About the role" h2."""
    parts = []
    for block in description_blocks(text):
        if block.kind == "heading":
            parts.append(format_html("<h3>{}</h3>", block.lines[0]))
        elif block.kind in ("ordered", "unordered"):
            tag = "ol" if block.kind == "ordered" else "ul"
            items = format_html_join("", "<li>{}</li>", ((line,) for line in block.lines))
            parts.append(format_html("<{}>{}</{}>", tag, items, tag))
        else:
            lines = format_html_join(mark_safe("<br>"), "{}", ((line,) for line in block.lines))
            parts.append(format_html("<p>{}</p>", lines))
    return mark_safe("\n".join(parts))  # noqa: S308 - every part is built by format_html
