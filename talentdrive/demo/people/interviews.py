"""The demo's interviews and scorecards, made by the interviews app's own services.

The walk (``history.py``) knows beforehand when each application will have entered and left each
stage, so it holds every interview while the application is still at the round's stage (the service
refuses a closed application): every interview-kind stage an application leaves, moving on or
rejected (not withdrawn), gets one interview through ``interview_schedule`` in the days it spent
there and, being in the past, a scorecard through ``scorecard_submit`` by its interviewer,
recommending what then happened. An application still at an interview stage gets its interview a few
days after arriving: with a scorecard when that time has passed, in the coming days when it has not.
``interview_schedule`` accepts a start in the past, so no interview is re-dated; each scorecard
carries the time it would have been written (the service's ``now``).

The slots are chosen here, on the hour on working days, so the service never has to refuse: no
interviewer or candidate holds two interviews at once, and nobody passes the weekly cap
(``interviewer_weekly_cap``). Technical rounds go to the team's interviewer and the shared ones, the
hiring-manager round to the requisition's hiring manager, the HR round to the HR head and the
recruiters; whoever is fully booked that week hands over to the others. An application still at an
interview stage whose days ahead are fully booked waits for its interview, as it would."""

from __future__ import annotations

import random
import zoneinfo
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.demo.users import DEMO, INTERVIEWERS, LEADERSHIP, TEAM_INTERVIEWERS
from talentdrive.interviews.models import Interview
from talentdrive.interviews.scorecards import scorecard_submit
from talentdrive.interviews.services import interview_schedule, interviewer_weekly_cap, week_of
from talentdrive.interviews.slots import interview_slots_offer
from talentdrive.pipeline.core.flow import INTERVIEW, kind_of_code
from talentdrive.pipeline.models import Application
from talentdrive.plans.models import Requisition

HOURS = (10, 11, 14, 15, 16, 17)  # local slot starts; lunch is free
MINUTES = 60
SEARCH_DAYS = 45
VIDEO_URL = "https://meet.example.com/talentdrive-demo"
# The share of applications past a held round that have times to choose for the next one.
OFFERED_SHARE = 0.25
# The share of applications waiting at an interview stage whose interview falls in the days around the
# load (the last three, the next seven), so the interviewers' home pages have a week to show; of
# those already held, the share whose scorecard is still to come (the recruiters' late scorecards).
AROUND_NOW_SHARE = 0.35
LATE_SHARE = 0.5
NOTES = {
    "yes": ("Solid throughout; worth the next round.", "思路清晰，基础扎实，建议进入下一轮。"),
    "no": ("Struggled with the core questions.", "核心问题回答不够深入，暂不推荐。"),
}


class Calendar:
    """Who is booked when, as the service would find it, kept in memory so the slots never clash."""

    def __init__(self) -> None:
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.busy: set[tuple[str, int, datetime]] = set()
        self.weekly: Counter[tuple[int, datetime]] = Counter()
        self.cap = interviewer_weekly_cap()

    def slots(self, around: datetime, earliest: datetime) -> Iterator[datetime]:
        """Working-hour slots on or before ``around`` (latest first, not before ``earliest``), then after."""
        day = timezone.localtime(around, self.zone).date()
        for offset in (*range(0, -SEARCH_DAYS, -1), *range(1, SEARCH_DAYS)):
            current = day + timedelta(days=offset)
            if current.weekday() >= 5:
                continue
            for hour in HOURS if offset > 0 else reversed(HOURS):
                moment = datetime.combine(current, time(hour), self.zone)
                if (offset <= 0 and (moment > around or moment < earliest)) or (
                    offset > 0 and moment < around
                ):
                    continue
                yield moment

    def book(
        self, candidate: int, people: Sequence[User], *, around: datetime, earliest: datetime
    ) -> tuple[datetime, User] | None:
        for moment in self.slots(around, earliest):
            if ("candidate", candidate, moment) in self.busy:
                continue
            week = week_of(moment)[0]
            for person in people:
                if ("user", person.pk, moment) in self.busy or self.weekly[(person.pk, week)] >= self.cap:
                    continue
                self.busy.add(("candidate", candidate, moment))
                self.busy.add(("user", person.pk, moment))
                self.weekly[(person.pk, week)] += 1
                return moment, person
        return None


class InterviewDesk:
    """Schedules the demo's interviews and hands in the scorecards of those already held."""

    def __init__(self, requisitions: Iterable[Requisition], *, rng: random.Random) -> None:
        self.rng = rng
        self.calendar = Calendar()
        self.now = timezone.now()
        names = [spec.username for spec in (*INTERVIEWERS, *TEAM_INTERVIEWERS, LEADERSHIP)]
        staff = User.objects.in_bulk(names, field_name="username")
        self.interviewers = [staff[spec.username] for spec in INTERVIEWERS]
        self.team_interviewers = {spec.interviews_team: staff[spec.username] for spec in TEAM_INTERVIEWERS}
        self.hr_head = staff[LEADERSHIP.username]
        self.recruiters: dict[int, list[User]] = defaultdict(list)
        links = Requisition.recruiters.through.objects.filter(
            requisition_id__in=[requisition.pk for requisition in requisitions]
        ).select_related("user")
        for link in links.order_by("requisition_id", "user_id"):
            self.recruiters[link.requisition_id].append(link.user)
        managers = {
            r.hiring_manager.pk: r.hiring_manager for r in requisitions if r.hiring_manager is not None
        }
        self.everyone = [
            *self.interviewers,
            *self.team_interviewers.values(),
            *(managers[pk] for pk in sorted(managers)),
        ]

    def _people(self, application: Application, requisition: Requisition, stage_code: str) -> list[User]:
        """Who may take the round, first choice first: for technical rounds the team's interviewer,
        the shared interviewers (in turn) and the team's hiring manager; the hiring manager for their
        round; the HR head and the recruiters for the HR round; then anyone else (in turn)."""
        turn = application.pk % len(self.interviewers)
        shared = self.interviewers[turn:] + self.interviewers[:turn]
        team = self.team_interviewers.get(requisition.plan_line.team.code)
        manager = requisition.hiring_manager
        own = [person for person in (team, manager) if person is not None]
        if stage_code == "hr_interview":
            first = [self.hr_head, *self.recruiters[requisition.pk], *shared]
        elif stage_code == "hiring_manager_interview":
            first = [*own[1:], *shared, *own[:1]]
        else:
            first = [*own[:1], *shared, *own[1:]]
        others = [person for person in self.everyone if person not in first]
        turn = application.pk % max(1, len(others))
        return first + others[turn:] + others[:turn]

    def hold_if_due(
        self,
        application: Application,
        requisition: Requisition,
        stage_code: str,
        entered: datetime,
        left: datetime | None,
        *,
        passed: bool = True,
    ) -> Interview | None:
        """When ``stage_code`` is an interview stage, the application's interview there: between
        ``entered`` and ``left`` for a stage it left, a few days after ``entered`` for one it is still at
        (in the future when that has not come yet); with a scorecard when it has been held."""
        if kind_of_code(stage_code) != INTERVIEW:
            return None
        if left is not None:
            around, earliest = left - (left - entered) * self.rng.uniform(0.15, 0.5), entered
            verdict: bool | None = passed
        else:
            around, earliest = entered + timedelta(days=self.rng.uniform(2, 6)), entered
            if self.rng.random() < AROUND_NOW_SHARE:
                around = max(entered, self.now + timedelta(days=self.rng.uniform(-3, 7)))
            if around > self.now - timedelta(hours=3):
                around = earliest = max(around, self.now + timedelta(hours=1))
            verdict = None
        booked = self.calendar.book(
            application.candidate_id,
            self._people(application, requisition, stage_code),
            around=around,
            earliest=earliest,
        )
        if booked is None:
            if left is not None:
                raise RuntimeError(f"no free interview slot for application {application.pk} around {around}")
            return None  # still to be arranged: everyone is booked in the days ahead
        starts_at, person = booked
        interview = interview_schedule(
            application_id=application.pk,
            stage_code=stage_code,
            starts_at=starts_at,
            interviewer_ids=[person.pk],
            actor=DEMO,
            duration_minutes=MINUTES,
            video_url=VIDEO_URL,
        )
        submitted = starts_at + timedelta(minutes=MINUTES, hours=self.rng.uniform(0.5, 20))
        late = left is None and starts_at > self.now - timedelta(days=3) and self.rng.random() < LATE_SHARE
        if submitted < self.now and interview.round is not None and not late:
            self._score(interview, person, submitted, verdict, chinese=application.language.startswith("zh"))
        return interview

    def offer_next_round(self, application: Application, requisition: Requisition, stage_code: str) -> None:
        """For a share of the applications whose current round was held, times to choose for the next
        one (``stage_code``) on the coming days, with one interviewer, as a recruiter would offer them;
        the calendar keeps them free."""
        if self.rng.random() >= OFFERED_SHARE:
            return
        people = self._people(application, requisition, stage_code)
        times: list[datetime] = []
        for days in (2, 3, 4):
            booked = self.calendar.book(
                application.candidate_id,
                people,
                around=self.now + timedelta(days=days),
                earliest=self.now + timedelta(days=days - 1),
            )
            if booked is None:
                break
            moment, person = booked
            times.append(moment)
            people = [person]
        if times:
            interview_slots_offer(
                application_id=application.pk,
                stage_code=stage_code,
                starts=times,
                interviewer_ids=[people[0].pk],
                actor=DEMO,
                duration_minutes=MINUTES,
                video_url=VIDEO_URL,
                notify=False,
            )

    def _score(
        self, interview: Interview, person: User, submitted: datetime, passed: bool | None, *, chinese: bool
    ) -> None:
        rng = self.rng
        if passed is None:  # not decided yet: the scorecard leans either way
            passed = rng.random() < 0.6
        low, high = (3, 4) if passed else (1, 3)
        attributes = interview.round.focus_attributes if interview.round is not None else []
        if passed:
            recommendation = "strong_yes" if rng.random() < 0.3 else "yes"
        else:
            recommendation = rng.choice(("no", "strong_no"))
        scorecard_submit(
            interview_id=interview.pk,
            ratings={code: {"rating": rng.randint(low, high), "notes": ""} for code in attributes},
            recommendation=recommendation,
            actor=person,
            notes=NOTES["yes" if passed else "no"][chinese],
            now=submitted,
        )
