"""Stateless ranking of files (``talentdrive rank``): a job file against resume files or parse output."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from talentdrive.matching.core.explain import Ranking, rank_candidates
from talentdrive.matching.core.index import build_index
from talentdrive.matching.core.profile import CandidateProfile, SkillEvidence, profile_from_parse
from talentdrive.matching.core.programme import load_criteria
from talentdrive.matching.core.requirements import (
    RequirementError,
    Requirements,
    extract_requirements,
    requirements_from_fields,
)
from talentdrive.matching.core.textprofile import expand_domains, fill_from_text, profile_from_text
from talentdrive.taxonomy.model import load_taxonomy

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
RESUME_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm"}


class InputError(ValueError):
    """A job or resume input that cannot be used; the message names the file and the fix."""


@dataclass(frozen=True)
class Loaded:
    profiles: list[CandidateProfile]
    skipped: list[str]
    notes: tuple[str, ...] = ()


JOB_TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
JOB_FIELD_SUFFIXES = {".json", ".yaml", ".yml"}
JOB_DOCUMENT_SUFFIXES = {".pdf", ".docx"}
# Characters no job text contains: controls other than layout, private use, unassigned, surrogates.
_NOT_TEXT = {"Cc", "Co", "Cn", "Cs"}


def _decode(path: Path, raw: bytes) -> str:
    """Strict UTF-8, then GB18030; bytes that are neither, or decode to non-text, are refused."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        odd = sum(1 for ch in text if ch not in "\t\n\r\f" and unicodedata.category(ch) in _NOT_TEXT)
        if odd <= len(text) // 200:
            return text
    raise InputError(f"{path}: not a text file (expected UTF-8 or GB18030 text)")


def _job_text(path: Path, raw: bytes) -> str:
    """The text of a .txt/.md/.pdf/.docx job; the type is checked from the content, not the name."""
    from talentdrive.resumes.core.deadline import Deadline
    from talentdrive.resumes.core.extract import extract_text
    from talentdrive.resumes.core.model import Limits, ParseFailure

    try:
        extracted = extract_text(raw, Limits(), Deadline(Limits().timeout_seconds))
    except ParseFailure as failure:
        raise InputError(f"{path}: cannot read the job ({failure.message})") from failure
    if extracted.kind in {"txt", "md", "html"}:
        if path.suffix.lower() in JOB_DOCUMENT_SUFFIXES:
            raise InputError(
                f"{path}: named {path.suffix} but the content is not a {path.suffix[1:].upper()} file"
            )
        return _decode(path, raw)
    return extracted.text


def read_job(path: Path, taxonomy: Any) -> Requirements:
    if not path.is_file():
        raise InputError(f"{path}: no such job file")
    suffix = path.suffix.lower()
    if suffix not in JOB_TEXT_SUFFIXES | JOB_FIELD_SUFFIXES | JOB_DOCUMENT_SUFFIXES:
        raise InputError(
            f"{path}: unsupported job file type; use .txt/.md (text), .json/.yaml (fields) or .pdf/.docx"
        )
    raw_bytes = path.read_bytes()
    if not raw_bytes.strip():
        raise InputError(f"{path}: the job file is empty")
    try:
        if suffix in JOB_FIELD_SUFFIXES:
            raw = _decode(path, raw_bytes)
            try:
                data = json.loads(raw) if suffix == ".json" else yaml.safe_load(raw)
            except (json.JSONDecodeError, yaml.YAMLError) as error:
                raise InputError(f"{path}: not valid {path.suffix[1:].upper()} ({error})") from error
            if not isinstance(data, dict):
                raise InputError(
                    f"{path}: expected an object with must_skills, nice_skills, domain, min_degree, min_years, description"
                )
            return requirements_from_fields(data, known_skills=taxonomy.skills.keys(), taxonomy=taxonomy)
        raw = _job_text(path, raw_bytes)
        first_line = raw.strip().splitlines()[0] if raw.strip() else ""
        return extract_requirements(raw, taxonomy, title=first_line.strip("# "))
    except RequirementError as error:
        raise InputError(f"{path}: {error}") from error


def text_of(data: dict[str, Any]) -> str:
    """Parse output carries no raw text; rebuild a searchable text from its fields."""
    parts: list[str] = []
    for item in data.get("skills") or ():
        if isinstance(item, dict):
            parts.append(str(item.get("name") or ""))
            parts.extend(
                str(m.get("text") or m.get("surface") or "")
                for m in item.get("mentions") or ()
                if isinstance(m, dict)
            )
    for key in ("education", "experience", "publications", "awards", "domains"):
        for entry in data.get(key) or ():
            if isinstance(entry, dict):
                parts.extend(
                    str(v) for k, v in entry.items() if k not in ("span", "mentions") and isinstance(v, str)
                )
    return " ".join(p for p in parts if p)


def _from_parse(data: dict[str, Any], key: str, taxonomy: Any, text: str = "") -> CandidateProfile:
    profile = profile_from_parse(data, key=key, text=text or str(data.get("text") or "") or text_of(data))
    top_awards = sum(
        1
        for award in data.get("awards") or ()
        if isinstance(award, dict)
        and any(h.tier == 1 for h in taxonomy.find_awards(str(award.get("title") or award.get("name") or "")))
    )
    merged = CandidateProfile(
        **{
            **profile.__dict__,
            "skills": profile.skills + _site_skills(profile, taxonomy),
            "domains": expand_domains(profile.domains, taxonomy),
            "top_awards": max(top_awards, profile.top_awards),
        }
    )
    return fill_from_text(merged, taxonomy)


_ADDED: list[tuple[Any, frozenset[str]]] = []


def _added_skills(taxonomy: Any) -> frozenset[str]:
    """Skill ids the administrators' files add to the shipped taxonomy (computed once per taxonomy)."""
    if not _ADDED or _ADDED[0][0] is not taxonomy:
        # Holding the taxonomy keeps the identity check sound; one taxonomy per run is the usual case.
        _ADDED[:] = [(taxonomy, frozenset(taxonomy.skills) - frozenset(load_taxonomy().skills))]
    return _ADDED[0][1]


def _site_skills(profile: CandidateProfile, taxonomy: Any) -> tuple[SkillEvidence, ...]:
    """Skills from administrators' taxonomy files that the text names but the parse does not list.

    The resume parser reads its vocabulary once per process (from the environment), so a skill an
    administrator added may be missing from parse output; the text is scanned for those skills only.
    """
    added = _added_skills(taxonomy)
    if not added or not profile.text:
        return ()
    have = {s.skill_id for s in profile.skills}
    found: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for mention in taxonomy.find_skills(profile.text):
        if mention.skill_id in added and mention.skill_id not in have:
            found.setdefault(mention.skill_id, []).append(mention.surface)
            names[mention.skill_id] = mention.name
    return tuple(SkillEvidence(s, names[s], tuple(dict.fromkeys(m))) for s, m in found.items())


def _jsonl(path: Path, taxonomy: Any) -> Iterator[tuple[CandidateProfile | None, str]]:
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                yield None, f"{path.name}:{number}: not JSON"
                continue
            if not isinstance(data, dict) or data.get("error"):
                yield (
                    None,
                    f"{path.name}:{number}: {data.get('source', '?') if isinstance(data, dict) else '?'} was not parsed ({data.get('error') if isinstance(data, dict) else 'not an object'})",
                )
                continue
            # A unique key first: synthetic profiles carry the channel in ``source``, parse output
            # the file name; the line number is the last resort and tells duplicates apart.
            key = str(data.get("key") or data.get("id") or data.get("source") or f"{path.name}:{number}")
            note = ""
            if key in seen:
                note = f"{path.name}:{number}: {key} also on line {seen[key]}; kept as {key}#{number}"
                key = f"{key}#{number}"
            seen.setdefault(key, number)
            yield _from_parse(data, key, taxonomy), note


def _directory(
    path: Path, taxonomy: Any, exclude: Path | None = None
) -> Iterator[tuple[CandidateProfile | None, str]]:
    try:
        from talentdrive.resumes.core import parse_document, profile_to_json
    except ImportError:  # the parser is optional for this command: fall back to text files
        parse_document = None  # type: ignore[assignment]
        profile_to_json = None  # type: ignore[assignment]
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        if file.suffix.lower() not in RESUME_SUFFIXES or (
            exclude is not None and file.resolve() == exclude.resolve()
        ):
            continue
        key = str(file.relative_to(path))
        if parse_document is not None and profile_to_json is not None:
            result = parse_document(file.read_bytes(), file.name)
            if result.profile is None:
                yield None, f"{key}: {result.error}"
                continue
            yield _from_parse(profile_to_json(result.profile), key, taxonomy, text=result.text or ""), ""
        elif file.suffix.lower() in TEXT_SUFFIXES:
            yield profile_from_text(file.read_text(encoding="utf-8", errors="replace"), taxonomy, key=key), ""
        else:
            yield None, f"{key}: the resume parser is not installed, so only .txt/.md resumes can be read"


def read_resumes(path: Path, taxonomy: Any, *, exclude: Path | None = None) -> Loaded:
    if path.is_dir():
        items = _directory(path, taxonomy, exclude)
    elif path.is_file() and path.suffix.lower() in {".jsonl", ".ndjson"}:
        items = _jsonl(path, taxonomy)
    elif path.is_file():
        raise InputError(
            f"{path}: give a directory of resumes or the JSON Lines output of `talentdrive parse`"
        )
    else:
        raise InputError(f"{path}: no such file or directory")
    profiles, skipped, notes = [], [], []
    for profile, problem in items:
        if profile is None:
            skipped.append(problem)
        else:
            profiles.append(profile)
            if problem:
                notes.append(problem)
    if not profiles:
        raise InputError(
            f"{path}: no usable resume found"
            + (f" ({len(skipped)} skipped: {skipped[0]})" if skipped else "")
        )
    return Loaded(profiles, skipped, tuple(notes))


def rank_files(job: Path, resumes: Path, *, top: int, taxonomy: Any) -> tuple[Requirements, Ranking, Loaded]:
    requirements = read_job(job, taxonomy)
    loaded = read_resumes(resumes, taxonomy, exclude=job)
    index = build_index(loaded.profiles, ancestors=taxonomy.ancestors)
    names = {skill_id: skill.name_en for skill_id, skill in taxonomy.skills.items()}
    ranking = rank_candidates(
        index, requirements, k=top, ancestors=taxonomy.ancestors, names=names, rules=load_criteria(),
        profiles={p.key: p for p in loaded.profiles},
    )  # fmt: skip
    return requirements, ranking, loaded
