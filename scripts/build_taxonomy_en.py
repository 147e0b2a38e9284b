"""Derive English tool names for the skill taxonomy from O*NET and ESCO.

    .venv/bin/python scripts/build_taxonomy_en.py [--data ../shared/data] [--check]

Writes ``talentdrive/matching/taxonomy/skills-en-derived.yaml``: software tools and technologies that
matter for AI and software hiring, as canonical skills (kind ``tool``) with English synonyms. The
hand-written taxonomy files win: a name they already use is never added again.

Sources, with thanks (both allow reuse with attribution; see NOTICE):
* O*NET 28 Technology Skills, U.S. Department of Labor, Employment and Training Administration
  (USDOL/ETA), CC BY 4.0. Kept: technologies in software categories that O*NET flags as "Hot
  Technology" or that computing and engineering occupations use.
* ESCO v1.1 digital skills collection, European Commission, free reuse with attribution. Kept:
  knowledge concepts under programming, software development and database groups, with their
  alternative labels as synonyms.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from talentdrive.taxonomy.model import DATA_DIR, taxonomy_from_documents  # noqa: E402
from talentdrive.taxonomy.text import name_key  # noqa: E402

OUTPUT = DATA_DIR / "skills-en-derived.yaml"

# O*NET commodity categories → the curated skill a tool in it sits under.
ONET_CATEGORIES = {
    "Development environment software": "software-engineering",
    "Object or component oriented development software": "software-engineering",
    "Web platform development software": "web-development",
    "Data base management system software": "databases",
    "Data base user interface and query software": "databases",
    "Data base reporting software": "databases",
    "Program testing software": "testing",
    "Operating system software": "operating-systems",
    "Configuration management software": "devops",
    "Compiler and decompiler software": "compilers",
    "Data mining software": "data-mining",
    "Business intelligence and data analysis software": "data-science",
    "Analytical or scientific software": "data-science",
    "Enterprise application integration software": "backend",
    "Application server software": "backend",
    "Network monitoring software": "networking",
    "Transaction security and virus protection software": "security",
    "Network security or virtual private network VPN management software": "security",
    "Information retrieval or search software": "search-ranking",
    "Metadata management software": "data-pipelines",
    "Expert system software": "artificial-intelligence",
    "Project management software": "project-management",
    "Web page creation and editing software": "frontend",
    "Cloud-based data access and sharing software": "cloud-computing",
    "Platform interconnectivity software": "backend",
}
COMPUTING_OCCUPATIONS = ("15-", "17-")
# ESCO groups whose knowledge concepts are software technologies.
ESCO_GROUPS = {
    "computer programming": "software-engineering",
    "software and applications development and analysis": "software-engineering",
    "database and network design and administration": "databases",
    "database management systems": "databases",
    "tools for software configuration management": "devops",
    "data extraction, transformation and loading tools": "data-pipelines",
    "ICT project management methodologies": "project-management",
    "penetration testing tool": "security",
}
VENDORS = (
    "Apache ",
    "Microsoft ",
    "Oracle ",
    "IBM ",
    "Google ",
    "Amazon ",
    "Atlassian ",
    "Adobe ",
    "SAP ",
    "Red Hat ",
    "JetBrains ",
    "Apple ",
)
# Too ambiguous in running text to stand for a skill.
DROPPED = {
    "OS",
    "BI",
    "ASP",
    "Facebook",
    "LinkedIn",
    "BlackBerry",
    "JavaScript Framework",
    "Ajax Framework",
    "World Wide Web Consortium standards",
}
GENERIC_WORDS = {
    "software",
    "systems",
    "system",
    "tools",
    "tool",
    "program",
    "programs",
    "applications",
    "application",
}
ACRONYM = re.compile(r"^[A-Z][A-Z0-9+#./-]{1,9}$")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9+#.]+", "-", name.lower()).strip("-.")


def _is_generic(name: str) -> bool:
    """'Data analysis software', 'Compilers': descriptions, not the name of a product."""
    words = name.split()
    return all(w[:1].islower() or w.lower() in GENERIC_WORDS for w in words[1:]) and (
        len(words) > 1 or name.lower() in GENERIC_WORDS or name.endswith("s")
    )


def _names(name: str) -> tuple[str, list[str], list[str]]:
    """(canonical name, synonyms, case-sensitive synonyms) for one source name."""
    name = re.sub(
        r"\s*\([^)]*\)\s*$", "", name
    ).strip()  # "Chef (tools for …)", "Pascal (computer programming)"
    synonyms, exact = [], []
    if name.endswith(" software") and len(name.split()) > 2:
        synonyms.append(name)
        name = name.removesuffix(" software")
    words = name.split()
    if (
        len(words) >= 3
        and ACRONYM.match(words[-1])
        and words[-1][0] in (words[0][0].upper(), words[1][0].upper())
    ):
        # "Hypertext markup language HTML" → HTML, with the spelled-out form as a synonym.
        synonyms.append(" ".join(words[:-1]))
        name = words[-1]
    for vendor in VENDORS:
        rest = name.removeprefix(vendor)
        # "SQL Server" alone still names the product; "Access", "Project" or "Teams" alone do not.
        if rest != name and len(rest) >= 4 and rest[:1].isupper() and not _case_sensitive(rest):
            exact.append(rest)
    return name, synonyms, exact


def _case_sensitive(name: str) -> bool:
    """Plain capitalised words ("Chef", "Salt", "Canvas") and short acronyms ("SAS", "LESS") are also
    ordinary words or abbreviations; they count as the product only when written exactly so."""
    return (name.isalpha() and name[:1].isupper() and name[1:].islower()) or (
        name.isupper() and len(name) <= 4
    )


def onet_tools(folder: Path) -> dict[str, tuple[str, set[str]]]:
    """Tool name → (category parent, occupations)."""
    tools: dict[str, tuple[str, set[str]]] = {}
    hot: dict[str, bool] = defaultdict(bool)
    with (folder / "Technology_Skills.txt").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            parent = ONET_CATEGORIES.get(row["Commodity Title"])
            if parent is None:
                continue
            name = row["Example"].strip()
            tools.setdefault(name, (parent, set()))[1].add(row["O*NET-SOC Code"])
            hot[name] |= row["Hot Technology"] == "Y"
    return {
        name: value
        for name, value in tools.items()
        if hot[name] and any(code.startswith(COMPUTING_OCCUPATIONS) for code in value[1])
    }


def esco_concepts(folder: Path) -> dict[str, tuple[str, list[str]]]:
    concepts: dict[str, tuple[str, list[str]]] = {}
    with (folder / "digitalSkillsCollection_en.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["skillType"] != "knowledge":
                continue
            groups = [g.strip() for g in row["broaderConceptPT"].split("|")]
            parent = next((ESCO_GROUPS[g] for g in groups if g in ESCO_GROUPS), None)
            label = row["preferredLabel"].strip()
            if parent is None or not label[:1].isupper():
                continue  # lower-case labels are concepts ("incremental development"), not products
            alternatives = [a.strip() for a in row["altLabels"].splitlines() if a.strip()]
            concepts[label] = (parent, [a for a in alternatives if len(a.split()) <= 4 and a[:1].isupper()])
    return concepts


def build(data: Path) -> dict[str, object]:
    curated = taxonomy_from_documents(
        (p.name, yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted(DATA_DIR.glob("*.yaml"))
        if p != OUTPUT
    )
    taken = {name_key(n) for skill in curated.skills.values() for n in skill.names if n}
    taken_ids = set(curated.skills)
    skills: dict[str, dict[str, object]] = {}

    def add(source_name: str, parent: str, extra: list[str], origin: str) -> None:
        if _is_generic(source_name):
            return
        name, synonyms, exact = _names(source_name)
        if name_key(name) in taken or len(name_key(name)) < 2 or name in DROPPED:
            return
        skill_id = _slug(name)
        if not skill_id or skill_id in taken_ids:
            return
        names = [
            n
            for n in dict.fromkeys([*synonyms, *extra])
            if name_key(n) not in taken and name_key(n) != name_key(name)
        ]
        exact = [
            n
            for n in dict.fromkeys(exact)
            if name_key(n) not in taken and name_key(n) not in map(name_key, names)
        ]
        taken.update(name_key(n) for n in [name, *names, *exact])
        taken_ids.add(skill_id)
        entry: dict[str, object] = {
            "id": skill_id,
            "en": name,
            "kind": "tool",
            "parents": [parent],
            "source": origin,
        }
        if _case_sensitive(name):
            exact.insert(0, name)
        if names:
            entry["syn"] = names
        if exact:
            entry["exact"] = exact
        skills[skill_id] = entry

    for name, (parent, _occupations) in sorted(onet_tools(data / "onet").items()):
        add(name, parent, [], "O*NET")
    for label, (parent, alternatives) in sorted(esco_concepts(data / "esco").items()):
        add(label, parent, alternatives, "ESCO")
    return {"skills": list(skills.values())}


HEADER = """\
# Generated by scripts/build_taxonomy_en.py — do not edit by hand; edit the curated files instead.
# English tool names derived from:
#   O*NET 28 Technology Skills, U.S. Department of Labor, Employment and Training Administration
#   (USDOL/ETA), licensed under CC BY 4.0. O*NET® is a trademark of USDOL/ETA.
#   ESCO v1.1 digital skills collection, © European Union, free reuse with attribution.
# Chinese names are not derived: tools keep their English names in Chinese resumes.
"""


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--check", action="store_true", help="fail if the committed file is out of date")
    args = parser.parse_args()
    if not (args.data / "onet").is_dir() or not (args.data / "esco").is_dir():
        print(f"skipped: {args.data}/onet and {args.data}/esco are needed", file=sys.stderr)
        return 0
    text = HEADER + yaml.safe_dump(build(args.data), allow_unicode=True, sort_keys=False, width=200)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        print("up to date" if current == text else f"{OUTPUT} is out of date")
        return 0 if current == text else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(yaml.safe_load(text)['skills'])} tools to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
