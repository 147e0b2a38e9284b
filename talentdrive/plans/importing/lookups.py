"""Reference data an import resolves names against, loaded once per import instead of once per row."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Model, TextChoices

from talentdrive.accounts.models import User
from talentdrive.plans.importing.columns import CellError
from talentdrive.plans.models import (
    BusinessGroup,
    Channel,
    City,
    Degree,
    Drive,
    FocusArea,
    Level,
    RequisitionStatus,
    Team,
)

CHANNEL_ALIASES = {
    "experienced": Channel.EXPERIENCED,
    "社会招聘": Channel.EXPERIENCED,
    "社招": Channel.EXPERIENCED,
    "campus": Channel.CAMPUS,
    "校园招聘": Channel.CAMPUS,
    "校招": Channel.CAMPUS,
}
DEGREE_ALIASES = {
    "大专": Degree.ASSOCIATE,
    "本科": Degree.BACHELOR,
    "硕士": Degree.MASTER,
    "博士": Degree.PHD,
}
STATUS_ALIASES = {
    "草稿": RequisitionStatus.DRAFT,
    "开放": RequisitionStatus.OPEN,
    "招聘中": RequisitionStatus.OPEN,
    "暂停": RequisitionStatus.PAUSED,
    "已招满": RequisitionStatus.FILLED,
    "关闭": RequisitionStatus.CLOSED,
}


def _known(codes: list[str]) -> str:
    shown = sorted(codes)
    return ", ".join(shown[:12]) + (f" and {len(shown) - 12} more" if len(shown) > 12 else "")


def _index(objects: list, *attributes: str) -> dict[str, Model]:
    index: dict[str, Model] = {}
    for obj in objects:
        for attribute in attributes:
            index.setdefault(str(getattr(obj, attribute)).strip().lower(), obj)
    return index


class Reference:
    """Cities, focus areas, teams, groups, drives and users by code or name, case-insensitive."""

    def __init__(self) -> None:
        cities = list(City.objects.all())
        areas = list(FocusArea.objects.all())
        self.teams = list(Team.objects.select_related("group"))
        groups = list(BusinessGroup.objects.all())
        drives = list(Drive.objects.all())
        self._city_codes = [c.code for c in cities]
        self._area_codes = [a.code for a in areas]
        self._cities = _index(cities, "code", "name_zh", "name_en")
        self._areas = _index(areas, "code", "name_zh", "name_en")
        self._teams = _index(self.teams, "code")
        self._groups = _index(groups, "code", "name_zh", "name_en")
        self._drives = _index(drives, "code")
        self._drive_codes = [d.code for d in drives]
        self._users: dict[str, User | None] = {}

    def city(self, raw: str) -> City:
        found = self._cities.get(raw.strip().lower())
        if not isinstance(found, City):
            raise CellError(f'unknown city "{raw}" (known: {_known(self._city_codes)})')
        return found

    def focus_area(self, raw: str) -> FocusArea:
        found = self._areas.get(raw.strip().lower())
        if not isinstance(found, FocusArea):
            raise CellError(f'unknown focus area "{raw}" (known: {_known(self._area_codes)})')
        return found

    def team(self, raw: str) -> Team | None:
        found = self._teams.get(raw.strip().lower())
        return found if isinstance(found, Team) else None

    def unknown_team(self, raw: str) -> CellError:
        return CellError(
            f'unknown team "{raw}" (known: {_known([t.code for t in self.teams])}); to create it, '
            "fill team_name_zh, team_name_en and business_group"
        )

    def remember_team(self, team: Team) -> None:
        self.teams.append(team)
        self._teams[team.code.lower()] = team

    def has_group(self, raw: str) -> bool:
        return isinstance(self._groups.get(raw.strip().lower()), BusinessGroup)

    def remember_group(self, group: BusinessGroup) -> None:
        self._groups[group.code.lower()] = group

    def group(self, raw: str) -> BusinessGroup:
        found = self._groups.get(raw.strip().lower())
        if not isinstance(found, BusinessGroup):
            known = _known([g.code for g in self._groups.values() if isinstance(g, BusinessGroup)])
            raise CellError(
                f'unknown business group "{raw}" (known: {known or "none yet"}); to create it, '
                "fill business_group_name_zh and business_group_name_en"
            )
        return found

    def remember_drive(self, drive: Drive) -> None:
        self._drives[drive.code.lower()] = drive
        if drive.code not in self._drive_codes:
            self._drive_codes.append(drive.code)

    def drive(self, raw: str) -> Drive:
        found = self._drives.get(raw.strip().lower())
        if not isinstance(found, Drive):
            raise CellError(f'unknown drive "{raw}" (known: {_known(self._drive_codes) or "none yet"})')
        return found

    def user(self, raw: str) -> User:
        key = raw.strip()
        if key not in self._users:
            self._users[key] = User.objects.filter(username__iexact=key, is_active=True).first()
        found = self._users[key]
        if found is None:
            raise CellError(f'unknown user "{key}" (use the staff member\'s username)')
        return found


def channel(raw: str) -> str:
    found = CHANNEL_ALIASES.get(raw.strip().lower())
    if found is None:
        raise CellError(f'unknown channel "{raw}" (known: experienced / 社会招聘, campus / 校园招聘)')
    return str(found)


def _choice(raw: str, choices: type[TextChoices], aliases: Mapping[str, str], what: str) -> str:
    key = raw.strip().lower()
    if key in choices.values:
        return key
    for value, label in choices.choices:
        if key == str(label).lower():
            return str(value)
    if raw.strip() in aliases:
        return str(aliases[raw.strip()])
    raise CellError(f'unknown {what} "{raw}" (known: {", ".join(choices.values)})')


def level(raw: str) -> str:
    return _choice(raw, Level, {}, "level")


def degree(raw: str) -> str:
    return _choice(raw, Degree, DEGREE_ALIASES, "degree")


def status(raw: str) -> str:
    return _choice(raw, RequisitionStatus, STATUS_ALIASES, "status")
