"""Every text the staff and candidate templates mark for translation reads in Chinese.

Django's own extractor (``templatize``, what ``makemessages`` uses) lists the strings of each template;
each must have a translation in the catalogue, so no page of the Chinese back office or portal shows a
sentence in English because someone forgot the ``.po`` entry.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[1] / "talentdrive"
TEMPLATES = sorted(path for path in ROOT.glob("*/templates/**/*.html") if "admin" not in path.parts) + sorted(
    ROOT.glob("templates/**/*.html")
)
CALL = re.compile(r"\b(n?gettext)\((u'(?:[^'\\]|\\.)*')(?:\s*,\s*(u'(?:[^'\\]|\\.)*'))?")
# Words that read the same in both languages.
SAME_IN_BOTH = {"#", "–", "—", "HR", "API", "·"}


def _strings(path: Path) -> list[tuple[str, str | None]]:
    found = []
    for match in CALL.finditer(templatize(path.read_text(encoding="utf-8"), origin=str(path))):
        singular = ast.literal_eval(match.group(2)[1:])
        plural = ast.literal_eval(match.group(3)[1:]) if match.group(3) else None
        found.append((singular, plural))
    return found


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_marked_text_of_the_template_has_chinese(path):
    missing = []
    with translation.override("zh-hans"):
        for singular, plural in _strings(path):
            if singular.strip() in SAME_IN_BOTH or not re.search(r"[A-Za-z]{2}", singular):
                continue
            text = translation.ngettext(singular, plural, 2) if plural else translation.gettext(singular)
            if text == (plural or singular):
                missing.append(singular)
    assert not missing, f"no Chinese in the catalogue for: {missing}"


def test_the_extractor_finds_the_marked_texts():
    # a guard for the guard: if extraction silently found nothing, every template would pass
    strings = {singular for singular, _ in _strings(ROOT / "backoffice/templates/backoffice/applicants.html")}
    assert {"Applicants", "Board", "Ranked list", "Search the whole talent pool"} <= strings
