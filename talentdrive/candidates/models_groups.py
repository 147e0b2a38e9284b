"""What a candidate chose to tell about themselves so that the drive can check its screening treats groups
alike: stored apart from the candidate's record and profile, read only by the oversight figures.

Never required, never shown to interviewers, never read by matching (an import contract in
``pyproject.toml`` keeps matching, interviews, offers, the interfaces and the demo from importing this
module or ``candidates/groups.py``); leadership and administrators read it through
``candidates/access.py``, and only as counts per group.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    ANOTHER = "another", _("Another gender")


class GroupDeclaration(models.Model):
    # related_name "+": no path from a candidate to this row, so no page reaches it by accident.
    candidate = models.OneToOneField("candidates.Candidate", on_delete=models.CASCADE, related_name="+")
    gender = models.CharField(max_length=20, choices=Gender.choices)
    declared_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"group declaration #{self.pk}"
