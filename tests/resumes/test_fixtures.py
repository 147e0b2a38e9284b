"""The project's resume fixtures: enough of each language and format, and expected files that hold up."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest

from talentdrive.taxonomy.model import load_taxonomy

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "resumes"
EXPECTED = sorted(FIXTURES.glob("*.expected.json"))
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
SCHEMA_KEYS = {
    "source", "language", "name", "emails", "phones", "location", "links", "education", "experience",
    "years_experience", "skills", "domains", "publications", "awards", "warnings",
}  # fmt: skip


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "make_resume_fixtures", ROOT / "scripts" / "make_resume_fixtures.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _source_text(expected_path: Path) -> str:
    return (FIXTURES / "src" / expected_path.name.replace(".expected.json", ".txt")).read_text(
        encoding="utf-8"
    )


def test_enough_fixtures_per_language_and_format():
    languages = Counter(json.loads(p.read_text(encoding="utf-8"))["language"] for p in EXPECTED)
    formats = Counter(json.loads(p.read_text(encoding="utf-8"))["source"].rsplit(".", 1)[1] for p in EXPECTED)
    assert len(EXPECTED) >= 40
    assert languages["zh"] >= 10 and languages["en"] >= 10 and languages["mixed"] >= 5
    assert formats["pdf"] >= 10 and formats["docx"] >= 10 and formats["txt"] >= 5
    assert formats["html"] >= 1 and formats["md"] >= 1


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_expected_file_follows_the_parse_schema(path):
    expected = json.loads(path.read_text(encoding="utf-8"))
    text = _source_text(path)
    assert set(expected) >= SCHEMA_KEYS
    assert (FIXTURES / expected["source"]).is_file()
    assert expected["name"] and expected["emails"] and expected["phones"]
    for email in expected["emails"]:
        assert email in text
    for phone in expected["phones"]:
        number = phonenumbers.parse(phone)
        assert phonenumbers.is_valid_number(number)
        assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == phone
    for entry in expected["education"]:
        assert entry["degree"] in {"phd", "master", "bachelor", "associate", "other"}
        assert entry["school"] in text
    for entry in expected["experience"]:
        assert entry["employer"] in text
        assert isinstance(entry["current"], bool)
        assert (entry["end"] is None) == entry["current"]
    for entry in expected["education"] + expected["experience"]:
        for key in ("start", "end"):
            assert entry[key] is None or DATE.match(entry[key]), entry
    for publication in expected["publications"]:
        assert publication["title"] in text and publication["venue"] in text
        assert str(publication["year"]) in text


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_expected_skills_are_taxonomy_ids_mentioned_in_the_text(path):
    taxonomy = load_taxonomy()
    expected = json.loads(path.read_text(encoding="utf-8"))
    text = _source_text(path)
    for skill in expected["skills"]:
        assert skill["id"] in taxonomy.skills, skill["id"]
        assert skill["mentions"] and all(m in text for m in skill["mentions"]), skill
    for domain in expected["domains"]:
        assert domain["id"] in taxonomy.domains, domain["id"]


def _pdf_text(content: bytes) -> str:
    from talentdrive.resumes.core.deadline import Deadline
    from talentdrive.resumes.core.extract import extract_text
    from talentdrive.resumes.core.model import Limits

    return extract_text(content, Limits(), Deadline(60)).text


@pytest.mark.slow
def test_generated_files_match_their_sources():
    # given the generator and the committed outputs (every text format, and a sample of the PDFs,
    # which are slow to build; `scripts/make_resume_fixtures.py --check` verifies them all)
    script = _load_script()
    font = any(path.exists() for path in script.CJK_FONTS)
    checked, pdfs = 0, 0
    for source in sorted((FIXTURES / "src").glob("*.txt")):
        header, _ = script.parse_source(source.read_text(encoding="utf-8"))
        if header.get("format") == "pdf":
            if not font or pdfs >= 3:
                continue
            pdfs += 1
        # when a file is rebuilt, then it is what is committed: byte for byte for text formats; for a
        # PDF, the same text (its embedded font subset changes with the system font package's version)
        target, data = script.build(source)
        if header.get("format") == "pdf":
            assert _pdf_text(target.read_bytes()) == _pdf_text(data), target.name
        else:
            assert target.read_bytes() == data, target.name
        checked += 1
    assert checked >= 26
