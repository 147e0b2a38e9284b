"""Recording and erasing volunteered group data (``models_groups``), and reading it as a map for the
oversight counts. The reading asks ``access.group_data_can_read``."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied

from talentdrive.candidates import access
from talentdrive.candidates.models import Candidate
from talentdrive.candidates.models_groups import Gender, GroupDeclaration


def group_declaration_check(gender: str) -> None:
    """Refuse (``ValueError``) a value the form could not have sent, before anything is written."""
    if gender and gender not in Gender.values:
        raise ValueError(f"gender: {gender!r} is not one of {', '.join(Gender.values)}")


def group_declaration_record(*, candidate: Candidate, gender: str) -> None:
    """Keep what the person chose to tell; choosing nothing leaves an earlier answer as it was.

    Not audited: an audit event would name the person next to the answer, which is what keeping it
    apart avoids. An unknown value is refused (``ValueError``) before anything is written."""
    group_declaration_check(gender)
    if not gender:
        return
    GroupDeclaration.objects.update_or_create(candidate=candidate, defaults={"gender": gender})


def group_declaration_erase(*, candidate: Candidate) -> None:
    GroupDeclaration.objects.filter(candidate=candidate).delete()


def group_by_candidate(*, user: object, candidate_ids: Iterable[int]) -> dict[int, str]:
    """The volunteered gender of each of these candidates who gave one, for leadership and administrators."""
    if not access.group_data_can_read(user):
        raise PermissionDenied("only leadership and administrators read volunteered group data")
    return dict(
        GroupDeclaration.objects.filter(candidate_id__in=list(candidate_ids)).values_list(
            "candidate_id", "gender"
        )
    )
