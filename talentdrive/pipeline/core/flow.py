"""The stages an application moves through, and which moves are allowed: pure data and rules.

No Django import. A *flow* is the ordered stages of one channel (campus, experienced) of one drive,
with the elite talent programme's committee review where it applies, plus a table of allowed moves.
The database keeps the flows administrators edit; this module holds the shipped defaults and answers
"may an application go from here to there, and if not, why not".

Stage *kinds* say what a stage means whatever its name, so reports, the candidate's status page and
the rules below work on any flow an administrator writes:

``received`` the application arrived · ``review`` screening and assessments · ``interview`` a round
with interviewers · ``committee`` the programme's committee review · ``offer`` · ``hired`` ·
``rejected`` and ``withdrawn`` (terminal).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

RECEIVED, REVIEW, INTERVIEW, COMMITTEE, OFFER, HIRED, REJECTED, WITHDRAWN = (
    "received",
    "review",
    "interview",
    "committee",
    "offer",
    "hired",
    "rejected",
    "withdrawn",
)
KINDS = (RECEIVED, REVIEW, INTERVIEW, COMMITTEE, OFFER, HIRED, REJECTED, WITHDRAWN)
TERMINAL_KINDS = frozenset({HIRED, REJECTED, WITHDRAWN})
CLOSED_KINDS = frozenset({REJECTED, WITHDRAWN})

# Codes every flow shares: the terminal stages, and where an application starts.
APPLIED, REJECTED_CODE, WITHDRAWN_CODE, OFFER_CODE, HIRED_CODE = (
    "applied",
    "rejected",
    "withdrawn",
    "offer",
    "hired",
)

# Why a move is refused; the interfaces turn each into a sentence in the user's language.
SAME_STAGE = "same_stage"
UNKNOWN_STAGE = "unknown_stage"
FROM_CLOSED = "from_closed"
FROM_HIRED = "from_hired"
SKIPS_AHEAD = "skips_ahead"
GOES_BACK = "goes_back"
NOT_A_MOVE = "not_a_move"


@dataclass(frozen=True)
class StageSpec:
    code: str
    kind: str
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class Flow:
    """Ordered stages (the terminal ``rejected`` and ``withdrawn`` last) and the allowed moves.

    ``moves`` lists (from, to) pairs allowed beyond the always-allowed ones: the next stage, closing
    an open application (rejected, withdrawn), and hiring from an offer."""

    stages: tuple[StageSpec, ...]
    moves: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def stage(self, code: str) -> StageSpec | None:
        return next((stage for stage in self.stages if stage.code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(stage.code for stage in self.stages)

    @property
    def open_stages(self) -> tuple[StageSpec, ...]:
        """The stages an application can be in while it is still in the running, in order."""
        return tuple(stage for stage in self.stages if stage.kind not in TERMINAL_KINDS)

    def position(self, code: str) -> int:
        return self.codes.index(code)

    def next_stage(self, code: str) -> StageSpec | None:
        """The stage after ``code`` on the way to being hired, if any."""
        path = [stage for stage in self.stages if stage.kind not in CLOSED_KINDS]
        codes = [stage.code for stage in path]
        if code not in codes or codes.index(code) + 1 >= len(codes):
            return None
        return path[codes.index(code) + 1]

    def passed(self, code: str) -> tuple[StageSpec, ...]:
        """The stages before ``code`` on the way to being hired (what a candidate has passed)."""
        path = [stage for stage in self.stages if stage.kind not in CLOSED_KINDS]
        codes = [stage.code for stage in path]
        return tuple(path[: codes.index(code)]) if code in codes else ()


def move_refusal(flow: Flow, current: str, target: str) -> str | None:
    """Why ``current`` → ``target`` is not allowed in ``flow``, or None when it is.

    Always allowed: to the next stage; from any open stage to rejected or withdrawn. Anything else
    (skipping ahead, going back) only where ``flow.moves`` lists the pair. Leaving rejected or
    withdrawn is a *reopen*, not a move, and leaving hired is never a move."""
    here, there = flow.stage(current), flow.stage(target)
    if here is None or there is None:
        return UNKNOWN_STAGE
    if current == target:
        return SAME_STAGE
    if here.kind in CLOSED_KINDS:
        return FROM_CLOSED
    if here.kind == HIRED:
        return FROM_HIRED
    if there.kind in CLOSED_KINDS:
        return None
    if (current, target) in flow.moves:
        return None
    following = flow.next_stage(current)
    if following is not None and following.code == target:
        return None
    if there.kind == HIRED and here.kind != OFFER:
        return NOT_A_MOVE
    return SKIPS_AHEAD if flow.position(target) > flow.position(current) else GOES_BACK


def allowed_targets(flow: Flow, current: str) -> tuple[StageSpec, ...]:
    """Every stage ``current`` may move to, in flow order (for the buttons and the bulk move)."""
    return tuple(stage for stage in flow.stages if move_refusal(flow, current, stage.code) is None)


# --- shipped defaults ----------------------------------------------------------------------------

_CLOSING = (
    StageSpec(REJECTED_CODE, REJECTED, "Rejected", "未通过"),
    StageSpec(WITHDRAWN_CODE, WITHDRAWN, "Withdrawn", "已撤回"),
)
_ORDINALS_ZH = "一二三四五六七八九十"


def technical_round(number: int) -> StageSpec:
    zh = _ORDINALS_ZH[number - 1] if 1 <= number <= len(_ORDINALS_ZH) else str(number)
    return StageSpec(f"technical_{number}", INTERVIEW, f"Technical interview {number}", f"技术{zh}面")


def campus_flow(*, programme: bool = False) -> Flow:
    """Campus: applied → online assessment → technical 1 → technical 2 → HR → offer → hired."""
    stages = [
        StageSpec(APPLIED, RECEIVED, "Applied", "已投递"),
        StageSpec("online_assessment", REVIEW, "Online assessment", "笔试"),
        technical_round(1),
        technical_round(2),
        StageSpec("hr_interview", INTERVIEW, "HR interview", "HR 面"),
    ]
    return _finish(stages, programme=programme)


def experienced_flow(*, technical_rounds: int = 2, programme: bool = False) -> Flow:
    """Experienced: applied → résumé screen → technical rounds → hiring-manager round → HR → offer → hired."""
    stages = [
        StageSpec(APPLIED, RECEIVED, "Applied", "已投递"),
        StageSpec("resume_screen", REVIEW, "Résumé screen", "简历筛选"),
        *(technical_round(number) for number in range(1, max(1, technical_rounds) + 1)),
        StageSpec("hiring_manager_interview", INTERVIEW, "Hiring-manager interview", "用人经理面"),
        StageSpec("hr_interview", INTERVIEW, "HR interview", "HR 面"),
    ]
    return _finish(stages, programme=programme)


def _finish(stages: list[StageSpec], *, programme: bool) -> Flow:
    if programme:
        # The elite programme's committee reviews every candidate before an offer is made.
        stages.append(StageSpec("committee_review", COMMITTEE, "Committee review", "人才委员会评审"))
    stages += [
        StageSpec(OFFER_CODE, OFFER, "Offer", "录用意向"),
        StageSpec(HIRED_CODE, HIRED, "Hired", "已入职"),
    ]
    codes = [stage.code for stage in stages]
    # Shipped extra moves: a recruiter may send a candidate back one step to repeat it (a round that
    # went wrong), up to the offer; nothing skips ahead unless an administrator adds it.
    back = {
        (codes[index], codes[index - 1])
        for index in range(2, len(codes))
        if stages[index].kind in (REVIEW, INTERVIEW, COMMITTEE)
    }
    return Flow(stages=(*stages, *_CLOSING), moves=frozenset(back))


def default_flow(*, channel: str, technical_rounds: int = 2, programme: bool = False) -> Flow:
    if channel == "campus":
        return campus_flow(programme=programme)
    return experienced_flow(technical_rounds=technical_rounds, programme=programme)


def check_flow(stages: Iterable[StageSpec], moves: Iterable[tuple[str, str]]) -> list[str]:
    """Problems with a flow an administrator wrote, as sentences; empty when it is sound."""
    stages = list(stages)
    problems: list[str] = []
    codes = [stage.code for stage in stages]
    if len(set(codes)) != len(codes):
        problems.append("two stages share a code")
    for stage in stages:
        if stage.kind not in KINDS:
            problems.append(f"stage {stage.code}: unknown kind {stage.kind!r}")
    kinds = [stage.kind for stage in stages]
    for required in (RECEIVED, OFFER, HIRED, REJECTED, WITHDRAWN):
        if kinds.count(required) != 1:
            problems.append(f"a flow needs exactly one stage of kind {required!r}")
    if codes and kinds[0] != RECEIVED:
        problems.append("the first stage must be of kind 'received'")
    for source, target in moves:
        if source not in codes or target not in codes:
            problems.append(f"move {source} → {target} names a stage the flow does not have")
    return problems


def _shipped_kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for shipped in (campus_flow(programme=True), experienced_flow(technical_rounds=9, programme=True)):
        kinds.update({stage.code: stage.kind for stage in shipped.stages})
    return kinds


SHIPPED_KINDS = _shipped_kinds()


def kind_of_code(code: str) -> str:
    """The kind of a stage code of the shipped flows; an administrator's own code reads as review."""
    return SHIPPED_KINDS.get(code, REVIEW)


def without_rounds_beyond(flow: Flow, technical_rounds: int) -> Flow:
    """The flow for a requisition that sets ``technical_rounds``: technical rounds past it are left out."""

    def kept(code: str) -> bool:
        prefix, _, number = code.partition("technical_")
        return not (prefix == "" and number.isdigit() and int(number) > technical_rounds)

    stages = tuple(stage for stage in flow.stages if kept(stage.code))
    moves = frozenset((a, b) for a, b in flow.moves if kept(a) and kept(b))
    return Flow(stages=stages, moves=moves)
