"""The navigation's "My approvals" link, shown to users whom some offer's approval step waits for."""

from __future__ import annotations

from typing import Any

from django import template

from talentdrive.offers.selectors import approvals_waiting_exist

register = template.Library()


@register.simple_tag
def approvals_waiting(user: Any) -> bool:
    return approvals_waiting_exist(user=user)
