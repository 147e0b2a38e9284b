"""Template tags for form fields, shared by the career portal and the back office
(``{% load formfields %}``, registered in ``settings.TEMPLATES``).

A screen reader announces what ``aria-describedby`` names when a field gets focus. Django names the
help text ``<id>_helptext`` by itself but never the error, so a field rendered with ``described``
names both, and templates give the help and the error exactly these ids.
"""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def help_id(field: BoundField) -> str:
    return f"{field.auto_id}_helptext"


@register.filter
def error_id(field: BoundField) -> str:
    return f"{field.auto_id}_error"


@register.filter
def describedby(field: BoundField) -> str:
    """The ids that describe a field: its help text and its error, when it has them."""
    ids = []
    if field.help_text:
        ids.append(help_id(field))
    if field.errors:
        ids.append(error_id(field))
    return " ".join(ids)


@register.filter
def described(field: BoundField) -> SafeString:
    """The field's widget, described by its help text and error."""
    ids = describedby(field)
    if not ids or field.widget_type == "checkboxselectmultiple" or field.use_fieldset:
        # Groups carry the description on their fieldset, as the template writes it.
        return field.as_widget()
    return field.as_widget(attrs={"aria-describedby": ids})
