"""Reads for the candidates workspace: search across the drive, and records that look like one person.

Both see candidates through their applications, as every staff read does (``pipeline/access.py``): a
candidate is found only if at least one of their applications is in the user's scope, and shows only
those applications.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet, TextField
from django.db.models.functions import Cast

from talentdrive.accounts.models import User
from talentdrive.candidates.models import Candidate, CandidateMerge, CandidateTag, MergeStatus
from talentdrive.pipeline import access
from talentdrive.pipeline.core.duplicates import PersonFacts, duplicate_pairs, same_name_groups
from talentdrive.pipeline.models import Application
from talentdrive.resumes.models import Resume

SEARCH_WORDS = 6
# The parsed profile's fields a search word is looked for in: skill names, schools, employers.
PROFILE_KEYS = ("name", "school", "employer")
DUPLICATE_PAIRS_SHOWN = 100
PHONE_LIKE = re.compile(r"\+?[\d\s()-]*\d{3}[\d\s()-]*")


def _visible_applications(user: User) -> QuerySet[Application]:
    return Application.objects.filter(access.application_scope(user))


def _json_forms(word: str) -> set[str]:
    # SQLite stores JSON as Python's json.dumps writes it, non-ASCII characters as \uXXXX escapes;
    # PostgreSQL's jsonb gives them back as they are. Looking for both forms works on either.
    return {word, json.dumps(word)[1:-1]}


def _profile_match(word: str) -> Q:
    """Résumés whose parsed profile has ``word`` in a skill name, a school or an employer.

    The profile is read as JSON text: a cheap LIKE narrows the rows, then a regular expression keeps
    those where the word sits in the value of one of ``PROFILE_KEYS`` (so "school" does not find every
    profile with an education). Both are portable between SQLite and PostgreSQL."""
    keys = "|".join(PROFILE_KEYS)
    match = Q(pk__in=[])
    for form in _json_forms(word):
        value = f'"({keys})": ?"[^"]*{re.escape(form)}'
        match |= Q(profile_text__icontains=form) & Q(profile_text__iregex=value)
    return match


def _word_match(word: str, visible: QuerySet[Application]) -> Q:
    """Candidates that ``word`` finds: in their name, email or phone, a visible application's school,
    or a résumé's skills, schools and employers."""
    digits = re.sub(r"\D", "", word)
    if PHONE_LIKE.fullmatch(word):
        # A number: a phone, or part of an email address; never worth reading every profile for.
        return Q(email__icontains=word) | (Q(phone__contains=digits) if len(digits) >= 4 else Q(pk__in=[]))
    by_school = visible.filter(school__icontains=word).values("candidate_id")
    by_profile = (
        Resume.objects.filter(confirmed=True)
        .annotate(profile_text=Cast("profile", output_field=TextField()))
        .filter(_profile_match(word))
        .values("candidate_id")
    )
    match = (
        Q(full_name__icontains=word) | Q(email__icontains=word) | Q(pk__in=by_school) | Q(pk__in=by_profile)
    )
    if len(digits) >= 4:
        match |= Q(phone__contains=digits)
    return match


def candidate_search(*, user: User, q: str = "", tag: str = "") -> QuerySet[Candidate]:
    """The candidates the user may see that match every word of ``q`` and carry ``tag`` (any case),
    newest first; each with ``visible_applications`` (theirs the user may read, newest first) and
    ``tag_list`` prefetched. Erased and merged-away records are never found."""
    visible = _visible_applications(user)
    candidates = Candidate.objects.filter(
        erased_at__isnull=True, merged_into__isnull=True, pk__in=visible.values("candidate_id")
    )
    text = (q or "").strip()
    # A phone number is typed with spaces and dashes; it is one term, not several words.
    words = [text] if PHONE_LIKE.fullmatch(text) else text.split()[:SEARCH_WORDS]
    for word in words:
        candidates = candidates.filter(_word_match(word, visible))
    if tag.strip():
        tagged = CandidateTag.objects.filter(tag__name__iexact=" ".join(tag.split()))
        candidates = candidates.filter(pk__in=tagged.values("candidate_id"))
    return candidates.order_by("-created_at", "-pk").prefetch_related(
        Prefetch(
            "applications",
            queryset=visible.select_related("requisition__plan_line").order_by("-created_at", "-pk"),
            to_attr="visible_applications",
        ),
        Prefetch("tag_links", queryset=CandidateTag.objects.select_related("tag"), to_attr="tag_list"),
    )


def candidate_tags(*, candidate: Candidate) -> list[CandidateTag]:
    return list(CandidateTag.objects.filter(candidate=candidate).select_related("tag"))


# --- duplicates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateCandidates:
    """Two records side by side, with why they look like one person (``pipeline/core/duplicates.py``)."""

    first: Candidate
    second: Candidate
    reasons: tuple[str, ...]


def _profile_facts(education: Any, phones: Any, emails: Any) -> tuple[set[str], set[str], set[str]]:
    schools = {str(entry.get("school") or "") for entry in education or [] if isinstance(entry, dict)}
    return schools, {str(p) for p in phones or []}, {str(e).strip().lower() for e in emails or []}


def candidate_duplicate_pairs(*, user: User) -> list[DuplicateCandidates]:
    """Pairs of records the user may see (both have an application in scope) that look like one person.

    Records being merged (a pending merge, either side) are left out until it is confirmed or undone.
    Names are compared first, in Python over the visible records' names only; schools and résumé
    contacts are read for the records that share a name, which are few."""
    visible = _visible_applications(user)
    pending = CandidateMerge.objects.filter(status=MergeStatus.PENDING)
    people = (
        Candidate.objects.filter(
            erased_at__isnull=True, merged_into__isnull=True, pk__in=visible.values("candidate_id")
        )
        .exclude(full_name="")
        .exclude(pk__in=pending.values("keep_id"))
    )
    named = list(people.values_list("pk", "full_name", "email", "phone"))
    groups = same_name_groups((pk, name) for pk, name, _, _ in named)
    ids = set().union(*groups) if groups else set()
    if not ids:
        return []
    schools: dict[int, set[str]] = defaultdict(set)
    phones: dict[int, set[str]] = defaultdict(set)
    emails: dict[int, set[str]] = defaultdict(set)
    for candidate_id, school in visible.filter(candidate_id__in=ids).values_list("candidate_id", "school"):
        schools[candidate_id].add(school)
    # Only the parts of the profile the rule reads: decoding whole profiles costs more than the rest.
    contacts = Resume.objects.filter(candidate_id__in=ids, confirmed=True).values_list(
        "candidate_id", "profile__education", "profile__phones", "profile__emails"
    )
    for candidate_id, education, resume_phone_list, resume_email_list in contacts:
        resume_schools, resume_phones, resume_emails = _profile_facts(
            education, resume_phone_list, resume_email_list
        )
        schools[candidate_id] |= resume_schools
        phones[candidate_id] |= resume_phones
        emails[candidate_id] |= resume_emails
    facts = [
        PersonFacts(
            candidate_id=pk,
            full_name=name,
            email=email,
            phone=phone,
            schools=frozenset(schools[pk]),
            resume_phones=frozenset(phones[pk]),
            resume_emails=frozenset(emails[pk]),
        )
        for pk, name, email, phone in named
        if pk in ids
    ]
    blocked = access.candidates_not_mergeable_by(user, ids)
    pairs = [pair for pair in duplicate_pairs(facts) if not {pair.first, pair.second} & blocked]
    pairs = pairs[:DUPLICATE_PAIRS_SHOWN]
    shown = {pk for pair in pairs for pk in (pair.first, pair.second)}
    records = Candidate.objects.filter(pk__in=shown).prefetch_related(
        Prefetch(
            "applications",
            queryset=visible.select_related("requisition").order_by("-created_at", "-pk"),
            to_attr="visible_applications",
        )
    )
    by_pk = {candidate.pk: candidate for candidate in records}
    return [DuplicateCandidates(by_pk[pair.first], by_pk[pair.second], pair.reasons) for pair in pairs]


def candidate_merge_pending_list(*, user: User) -> QuerySet[CandidateMerge]:
    """Merges waiting to be confirmed or undone whose kept record the user may see."""
    visible = _visible_applications(user)
    return (
        CandidateMerge.objects.filter(status=MergeStatus.PENDING, keep__in=visible.values("candidate_id"))
        .select_related("keep", "merged", "created_by")
        .order_by("-created_at", "-pk")
    )
