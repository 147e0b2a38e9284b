"""Who may read what candidates volunteered about their group (``models_groups``): leadership and
administrators, as counts on the screening oversight page; nobody else, in no page or API."""

from __future__ import annotations

from typing import Any

from talentdrive.accounts.models import Role


def group_data_can_read(user: Any) -> bool:
    if not (getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)):
        return False
    return bool(user.is_drive_admin or user.role == Role.LEADERSHIP)
