"""Who may manage webhooks: every such rule lives here.

Endpoints receive events about every application in the drive and hold the secrets that sign them,
and the delivery log shows where those events went; so only administrators register endpoints, read
their secrets, see deliveries and re-send them.
"""

from __future__ import annotations

from typing import Any


def webhook_can_manage(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and getattr(user, "is_active", False) and user.is_drive_admin
    )
