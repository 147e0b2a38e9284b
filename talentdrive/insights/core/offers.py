"""Offer acceptance, decline reasons and interviewer load, from plain rows. Pure.

Acceptance reads against the offers the candidate answered or let lapse (accepted, declined,
expired): offers still out have no answer yet, and a rescinded offer was the company's decision, not
the candidate's. Decline reasons are the candidates' own words, grouped when they are the same words
(case, spacing and trailing punctuation aside), most frequent first.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

IN_PROGRESS = ("draft", "pending_approval", "approved")
DECIDED = ("accepted", "declined", "expired")


@dataclass(frozen=True)
class OfferRow:
    status: str
    channel: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Acceptance:
    key: str  # "" for all offers, else a channel code
    in_progress: int  # drafted, awaiting approval or approved, not yet sent
    out: int  # sent, waiting for the candidate's answer
    accepted: int
    declined: int
    expired: int

    @property
    def decided(self) -> int:
        return self.accepted + self.declined + self.expired

    @property
    def rate(self) -> float | None:
        """Accepted of the offers answered or lapsed; ``None`` before any was."""
        return self.accepted / self.decided if self.decided else None


@dataclass(frozen=True)
class DeclineReason:
    reason: str  # the first wording seen
    count: int


def _acceptance(key: str, rows: list[OfferRow]) -> Acceptance:
    counts = Counter(row.status for row in rows)
    return Acceptance(
        key=key,
        in_progress=sum(counts[status] for status in IN_PROGRESS),
        out=counts["sent"],
        accepted=counts["accepted"],
        declined=counts["declined"],
        expired=counts["expired"],
    )


def acceptance(rows: Iterable[OfferRow]) -> tuple[Acceptance, list[Acceptance]]:
    """All offers, and per channel (in channel code order)."""
    rows = list(rows)
    channels: dict[str, list[OfferRow]] = defaultdict(list)
    for row in rows:
        channels[row.channel].append(row)
    return _acceptance("", rows), [_acceptance(key, channels[key]) for key in sorted(channels)]


_SPACES = re.compile(r"\s+")
_TRAILING = ".。!！,，;；"


def _reason_key(reason: str) -> str:
    return _SPACES.sub(" ", reason.strip()).rstrip(_TRAILING).strip().casefold()


def decline_reasons(rows: Iterable[OfferRow], *, limit: int = 10) -> list[DeclineReason]:
    """The reasons given for declined offers, the same words counted together, most frequent first."""
    counts: Counter[str] = Counter()
    wording: dict[str, str] = {}
    for row in rows:
        if row.status != "declined":
            continue
        key = _reason_key(row.reason)
        if not key:
            continue
        counts[key] += 1
        wording.setdefault(key, _SPACES.sub(" ", row.reason.strip()))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [DeclineReason(wording[key], count) for key, count in ordered[:limit]]
