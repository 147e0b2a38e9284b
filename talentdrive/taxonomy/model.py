"""The bilingual AI skill taxonomy: skills, industry domains, research venues and competitions.

The data ships as YAML in ``talentdrive/taxonomy/data/``; administrators add or amend entries by
dropping more YAML files in a directory passed as ``extra_paths`` (the Django side reads it from the
``TALENTDRIVE_TAXONOMY_DIRS`` setting). Pure Python: no Django import, frozen dataclasses out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from talentdrive.taxonomy.matcher import MultiMatcher, NameEntry, NameHit, NameMatcher
from talentdrive.taxonomy.validation import FOCUS_AREAS, validate_taxonomy

__all__ = [
    "FOCUS_AREAS",
    "Award",
    "AwardMention",
    "Domain",
    "DomainMention",
    "Skill",
    "SkillMention",
    "Taxonomy",
    "TaxonomyError",
    "Venue",
    "VenueMention",
    "load_taxonomy",
    "taxonomy_from_documents",
    "validate_taxonomy",
]

DATA_DIR = Path(__file__).resolve().parent / "data"


class TaxonomyError(ValueError):
    """The taxonomy data is inconsistent; ``problems`` lists every issue found."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("invalid taxonomy: " + "; ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Skill:
    id: str
    name_en: str
    name_zh: str
    synonyms: tuple[str, ...] = ()
    focus_areas: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    kind: str = "skill"
    # Names matched only as written ("Go", "R"); ambiguous ones also need a list-like neighbour.
    exact: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_en, self.name_zh, *self.synonyms, *self.exact, *self.ambiguous)


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    name_en: str
    name_zh: str
    synonyms: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_en, self.name_zh, *self.synonyms, *self.exact, *self.ambiguous)


@dataclass(frozen=True, slots=True)
class Venue:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    top: bool = False
    field: str = ""
    kind: str = "conference"
    exact: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.exact, *self.ambiguous)


@dataclass(frozen=True, slots=True)
class Award:
    """A competition result. ``tier`` 1 is world-class (IOI/IMO gold, ICPC World Finals medal),
    2 national-level or strong international, 3 notable."""

    id: str
    name_en: str
    name_zh: str
    aliases: tuple[str, ...] = ()
    tier: int = 3
    exact: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_en, self.name_zh, *self.aliases, *self.exact, *self.ambiguous)


@dataclass(frozen=True, slots=True)
class SkillMention:
    skill_id: str
    name: str
    surface: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DomainMention:
    domain_id: str
    surface: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class VenueMention:
    venue_id: str
    surface: str
    start: int
    end: int
    top: bool


@dataclass(frozen=True, slots=True)
class AwardMention:
    award_id: str
    surface: str
    start: int
    end: int
    tier: int


def _entries(items: Iterable[Any]) -> Iterable[NameEntry]:
    for item in items:
        exact, ambiguous = set(item.exact), set(item.ambiguous)
        for name in dict.fromkeys(n for n in item.names if n):
            yield NameEntry(
                item.id, name, exact=name in exact or name in ambiguous, context=name in ambiguous
            )


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one shared instance per file set
class Taxonomy:
    skills: Mapping[str, Skill]
    domains: Mapping[str, Domain] = field(default_factory=dict)
    venues: Mapping[str, Venue] = field(default_factory=dict)
    awards: Mapping[str, Award] = field(default_factory=dict)

    # Matchers are compiled on first use; a Taxonomy is cached and shared, so this happens once.
    @cached_property
    def _skill_matcher(self) -> NameMatcher:
        return NameMatcher(_entries(self.skills.values()))

    @cached_property
    def _domain_matcher(self) -> NameMatcher:
        return NameMatcher(_entries(self.domains.values()))

    @cached_property
    def _skill_and_domain_matcher(self) -> MultiMatcher:
        return MultiMatcher([self._skill_matcher, self._domain_matcher])

    @cached_property
    def _venue_matcher(self) -> NameMatcher:
        return NameMatcher(_entries(self.venues.values()))

    @cached_property
    def _award_matcher(self) -> NameMatcher:
        return NameMatcher(_entries(self.awards.values()))

    @cached_property
    def _ancestors(self) -> Mapping[str, tuple[str, ...]]:
        result: dict[str, tuple[str, ...]] = {}
        for skill_id in self.skills:
            seen: dict[str, None] = {}
            frontier = list(self.skills[skill_id].parents)
            while frontier:
                parent = frontier.pop(0)
                if parent in seen or parent == skill_id or parent not in self.skills:
                    continue
                seen[parent] = None
                frontier.extend(self.skills[parent].parents)
            result[skill_id] = tuple(seen)
        return MappingProxyType(result)

    @cached_property
    def _by_focus_area(self) -> Mapping[str, tuple[str, ...]]:
        result: dict[str, list[str]] = {}
        for skill in self.skills.values():
            for code in skill.focus_areas:
                result.setdefault(code, []).append(skill.id)
        return MappingProxyType({code: tuple(ids) for code, ids in result.items()})

    def compile_matchers(self) -> None:
        """Build the name matchers parsing uses, and compile their patterns, now rather than on first use
        (a long-lived parsing process). The skill and domain matchers used alone still compile theirs
        when first used."""
        for matcher in (self._skill_and_domain_matcher, self._venue_matcher, self._award_matcher):
            matcher.prepare()

    def ancestors(self, skill_id: str) -> tuple[str, ...]:
        """Transitive parents, nearest first (vllm ⇒ llm-inference ⇒ llm …). Unknown ids give ()."""
        return self._ancestors.get(skill_id, ())

    def skill_ids_for_focus_area(self, code: str) -> tuple[str, ...]:
        return self._by_focus_area.get(code, ())

    def skill_for_name(self, name: str) -> Skill | None:
        """The skill a single name (not running text) stands for, e.g. a structured requisition field."""
        if name in self.skills:
            return self.skills[name]
        skill_id = self._skill_matcher.lookup(name)
        return self.skills[skill_id] if skill_id else None

    def find_skills(self, text: str) -> list[SkillMention]:
        """Every skill mention in ``text``, in order, longest match first, with offsets into ``text``."""
        skills = self.skills
        return [
            SkillMention(hit.target, skills[hit.target].name_en, hit.surface, hit.start, hit.end)
            for hit in self._skill_matcher.iter_find(text)
        ]

    def find_domains(self, text: str) -> list[DomainMention]:
        return [
            DomainMention(h.target, h.surface, h.start, h.end) for h in self._domain_matcher.iter_find(text)
        ]

    def match_skills_and_domains(self, text: str) -> tuple[list[NameHit], list[NameHit]]:
        """Skill and domain hits (target id, surface, start, end) in one pass over the text."""
        skill_hits, domain_hits = self._skill_and_domain_matcher.find(text)
        return skill_hits, domain_hits

    def find_skills_and_domains(self, text: str) -> tuple[list[SkillMention], list[DomainMention]]:
        """``find_skills`` and ``find_domains`` in one pass over the text (a resume's whole text)."""
        skill_hits, domain_hits = self._skill_and_domain_matcher.find(text)
        skills = self.skills
        return (
            [SkillMention(h.target, skills[h.target].name_en, h.surface, h.start, h.end) for h in skill_hits],
            [DomainMention(h.target, h.surface, h.start, h.end) for h in domain_hits],
        )

    def venue(self, name: str) -> Venue | None:
        """The venue a publication's venue field names ("NIPS 2019" is not a name; "NIPS" is)."""
        venue_id = self._venue_matcher.lookup(name)
        if venue_id is None:
            hits = self._venue_matcher.find(name)
            venue_id = hits[0].target if hits else None
        return self.venues[venue_id] if venue_id else None

    def find_venues(self, text: str) -> list[VenueMention]:
        venues = self.venues
        return [
            VenueMention(h.target, h.surface, h.start, h.end, venues[h.target].top)
            for h in self._venue_matcher.iter_find(text)
        ]

    def find_awards(self, text: str) -> list[AwardMention]:
        awards = self.awards
        return [
            AwardMention(h.target, h.surface, h.start, h.end, awards[h.target].tier)
            for h in self._award_matcher.iter_find(text)
        ]


# ---------------------------------------------------------------------------------------- loading

_LIST_FIELDS = {"syn", "synonyms", "aliases", "focus", "focus_areas", "parents", "exact", "ambiguous"}


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


def _merge(target: dict[str, dict[str, Any]], item: Any, defaults: Mapping[str, Any], where: str) -> None:
    """Add an entry, or amend one with the same id: scalars are replaced, lists are extended."""
    if not isinstance(item, Mapping) or not item.get("id"):
        raise TaxonomyError([f"{where}: every entry needs to be a mapping with an id, not {item!r:.60}"])
    item_id = str(item["id"]).strip()
    current = target.setdefault(item_id, {**defaults, "id": item_id})
    for key, value in item.items():
        if key in _LIST_FIELDS:
            current[key] = tuple(dict.fromkeys((*_strings(current.get(key)), *_strings(value))))
        else:
            current[key] = value


def _documents(paths: Iterable[Path]) -> list[tuple[str, Mapping[str, Any]]]:
    documents = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 (safe loader)
        except yaml.YAMLError as error:
            raise TaxonomyError([f"{path.name}: not valid YAML ({error})"]) from error
        if data is None:
            continue
        if not isinstance(data, Mapping):
            raise TaxonomyError([f"{path.name}: expected a mapping with skills/domains/venues/awards"])
        documents.append((path.name, data))
    return documents


def taxonomy_from_documents(documents: Iterable[tuple[str, Mapping[str, Any]]]) -> Taxonomy:
    """Build and validate a taxonomy from parsed YAML documents, later documents amending earlier ones."""
    raw: dict[str, dict[str, dict[str, Any]]] = {"skills": {}, "domains": {}, "venues": {}, "awards": {}}
    for source, data in documents:
        defaults = {"focus": _strings(data.get("focus_area")), "kind": data.get("kind", "skill")}
        for section, items in raw.items():
            entries = data.get(section) or []
            if not isinstance(entries, list):
                raise TaxonomyError([f"{source}: {section} must be a list of entries"])
            for item in entries:
                _merge(items, item, defaults if section == "skills" else {}, f"{source} ({section})")

    def text(item: Mapping[str, Any], *keys: str) -> str:
        return next((str(item[k]).strip() for k in keys if item.get(k)), "")

    skills = {
        key: Skill(
            id=key,
            name_en=text(item, "en", "name_en"),
            # Tools keep their English names in Chinese resumes, so the English name stands in.
            name_zh=text(item, "zh", "name_zh") or text(item, "en", "name_en"),
            synonyms=_strings(item.get("syn")) + _strings(item.get("synonyms")),
            focus_areas=_strings(item.get("focus")) + _strings(item.get("focus_areas")),
            parents=_strings(item.get("parents")),
            kind=str(item.get("kind") or "skill"),
            exact=_strings(item.get("exact")),
            ambiguous=_strings(item.get("ambiguous")),
        )
        for key, item in raw["skills"].items()
    }
    domains = {
        key: Domain(
            id=key,
            name_en=text(item, "en", "name_en"),
            name_zh=text(item, "zh", "name_zh"),
            synonyms=_strings(item.get("syn")) + _strings(item.get("synonyms")),
            parents=_strings(item.get("parents")),
            exact=_strings(item.get("exact")),
            ambiguous=_strings(item.get("ambiguous")),
        )
        for key, item in raw["domains"].items()
    }
    venues = {
        key: Venue(
            id=key,
            name=text(item, "name", "en"),
            aliases=_strings(item.get("aliases")),
            top=bool(item.get("top", False)),
            field=str(item.get("field") or ""),
            kind=str(item.get("kind") or "conference"),
            exact=_strings(item.get("exact")),
            ambiguous=_strings(item.get("ambiguous")),
        )
        for key, item in raw["venues"].items()
    }
    awards = {
        key: Award(
            id=key,
            name_en=text(item, "en", "name_en"),
            name_zh=text(item, "zh", "name_zh"),
            aliases=_strings(item.get("aliases")),
            tier=_tier(item.get("tier", 3), key),
            exact=_strings(item.get("exact")),
            ambiguous=_strings(item.get("ambiguous")),
        )
        for key, item in raw["awards"].items()
    }
    taxonomy = Taxonomy(
        skills=MappingProxyType(skills),
        domains=MappingProxyType(domains),
        venues=MappingProxyType(venues),
        awards=MappingProxyType(awards),
    )
    problems = validate_taxonomy(taxonomy)
    if problems:
        raise TaxonomyError(problems)
    return taxonomy


def _tier(value: Any, award_id: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 3:
        return value
    raise TaxonomyError([f"award {award_id!r}: tier must be 1, 2 or 3, not {value!r}"])


def _files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise TaxonomyError([f"{path}: no such taxonomy file or directory"])
    return files


@lru_cache(maxsize=8)  # a few generations of edited administrator files, not an unbounded history
def _load(files: tuple[tuple[Path, int], ...]) -> Taxonomy:
    return taxonomy_from_documents(_documents(path for path, _mtime in files))


def load_taxonomy(extra_paths: Sequence[Path] = ()) -> Taxonomy:
    """The shipped taxonomy amended by ``extra_paths`` (YAML files or directories of them), cached.

    The cache key includes each file's modification time, so an edited admin file is picked up on
    the next call without a restart.
    """
    files = _files([DATA_DIR, *(Path(p) for p in extra_paths)])
    return _load(tuple((path, path.stat().st_mtime_ns) for path in files))
