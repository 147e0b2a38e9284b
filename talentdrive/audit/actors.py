"""Who acts: a staff member, or a named actor that is not a user (a command, a task, the candidate).

Every service takes ``actor: Actor`` as a required keyword, so no write can be made by nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from talentdrive.accounts.models import User


@dataclass(frozen=True)
class SystemActor:
    """An actor that is not a staff account; ``name`` is what the audit trail shows."""

    name: str

    def __str__(self) -> str:
        return self.name


def system_actor(process: str) -> SystemActor:
    """The actor for a command or a task, e.g. ``system_actor("ingest")``."""
    return SystemActor(f"system:{process}")


# The candidate acting through their private status link, and an anonymous portal visitor (applying).
CANDIDATE = SystemActor("candidate")
PUBLIC = SystemActor("public")

Actor: TypeAlias = "User | SystemActor"
