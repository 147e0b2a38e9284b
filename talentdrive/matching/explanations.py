"""A match explained in sentences, in the reader's language.

The ranking core (``matching/core/explain.py``) answers with numbers, skill ids and the evidence it
found; the people who read a ranking want to know, in words, which must-haves the candidate meets and
by what words in the résumé, what is missing, how degree and years stand against the bar, and what
research evidence there is. Every sentence here is derived from the same ``Match`` the score came
from, so the words cannot say more than the score does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from talentdrive.matching.core.explain import Match, SkillMatch
from talentdrive.matching.core.profile import DEGREE_RANK
from talentdrive.matching.core.requirements import Requirements

DEGREE_WORDS = {
    "none": gettext_lazy("no degree on record"),
    "associate": gettext_lazy("an associate degree"),
    "bachelor": gettext_lazy("a bachelor's degree"),
    "master": gettext_lazy("a master's degree"),
    "phd": gettext_lazy("a PhD"),
}

# What each part of the score is called on the page; an unnamed part reads as its code.
COMPONENT_NAMES = {
    "must": gettext_lazy("Must-have skills"),
    "nice": gettext_lazy("Nice-to-have skills"),
    "domain": gettext_lazy("Industry domain"),
    "degree": gettext_lazy("Degree"),
    "years": gettext_lazy("Years of experience"),
    "research": gettext_lazy("Research record"),
    "research_role": gettext_lazy("Research record (research role)"),
    "text": gettext_lazy("Words shared with the job text"),
    "semantic": gettext_lazy("Meaning close to the job text"),
}


@dataclass(frozen=True)
class Part:
    """One part of the score as a reader sees it: its name, how much of it the candidate has (0–1)
    and how many points of the total it brought."""

    name: str
    share: float
    points: float


def degree_words(code: str) -> str:
    return str(DEGREE_WORDS.get(code, code))


def score_parts(match: Match) -> list[Part]:
    """The components of the score, largest contribution first, named in words."""
    parts = [
        Part(str(COMPONENT_NAMES.get(c.name, c.name)), c.value, c.contribution)
        for c in match.components
        if c.weight
    ]
    return sorted(parts, key=lambda part: -part.points)


def _evidence(skill: SkillMatch) -> str:
    """One met requirement with what showed it: the résumé's own words, or the skill that implies it."""
    quote = next(
        (m.strip() for m in skill.mentions if m.strip() and m.strip().casefold() != skill.name.casefold()),
        "",
    )
    if skill.via != skill.skill_id:
        # "LLM inference, through vLLM"
        text = _("%(skill)s, through %(via)s") % {"skill": skill.name, "via": skill.via_name}
    else:
        text = skill.name
    if quote:
        text = _("%(skill)s (“%(quote)s”)") % {"skill": text, "quote": quote[:60]}
    return text


def _listing(items: Sequence[str]) -> str:
    return _(", ").join(items)


def match_sentences(
    match: Match, requirements: Requirements, names: Mapping[str, str], *, domain_name: str = ""
) -> list[str]:
    """What the candidate meets and lacks against the requisition, one sentence per point."""
    sentences: list[str] = []
    wanted = len(match.matched_must) + len(match.missing_must)
    if wanted:
        if match.matched_must:
            sentences.append(
                ngettext(
                    "Meets %(met)d of %(wanted)d must-have: %(skills)s.",
                    "Meets %(met)d of %(wanted)d must-haves: %(skills)s.",
                    wanted,
                )
                % {
                    "met": len(match.matched_must),
                    "wanted": wanted,
                    "skills": _listing([_evidence(s) for s in match.matched_must]),
                }
            )
        if match.missing_must:
            sentences.append(
                _("Not found in the résumé: %(skills)s.")
                % {"skills": _listing([names.get(s, s) for s in match.missing_must])}
            )
    if match.matched_nice:
        sentences.append(
            _("Also has: %(skills)s.") % {"skills": _listing([_evidence(s) for s in match.matched_nice])}
        )
    if match.domain_match is not None and requirements.domain:
        domain = domain_name or requirements.domain
        sentences.append(
            (_("Experience in %(domain)s found.") if match.domain_match else _("No sign of %(domain)s."))
            % {"domain": domain}
        )
    has, bar = DEGREE_RANK.get(match.degree, 0), DEGREE_RANK.get(requirements.min_degree, 0)
    if bar:
        template = (
            _("Has %(has)s; the bar is %(bar)s: met.")
            if has >= bar
            else _("Has %(has)s; the bar is %(bar)s: below it.")
        )
        sentences.append(
            template % {"has": degree_words(match.degree), "bar": degree_words(requirements.min_degree)}
        )
    elif has:
        sentences.append(_("Has %(has)s.") % {"has": degree_words(match.degree)})
    years = f"{match.years:.1f}".rstrip("0").rstrip(".")
    if requirements.min_years:
        wanted_years = f"{requirements.min_years:.1f}".rstrip("0").rstrip(".")
        template = (
            _("%(years)s years of experience against %(wanted)s asked: met.")
            if match.years >= requirements.min_years
            else _("%(years)s years of experience against %(wanted)s asked: fewer.")
        )
        sentences.append(template % {"years": years, "wanted": wanted_years})
    elif match.years:
        sentences.append(_("%(years)s years of experience.") % {"years": years})
    if match.top_venue_papers or match.top_awards:
        papers = ngettext(
            "%(count)d paper at a top venue", "%(count)d papers at top venues", match.top_venue_papers
        ) % {"count": match.top_venue_papers}
        awards = ngettext("%(count)d top award", "%(count)d top awards", match.top_awards) % {
            "count": match.top_awards
        }
        sentences.append(_("Research: %(papers)s, %(awards)s.") % {"papers": papers, "awards": awards})
    elif requirements.research:
        sentences.append(_("A research role; no paper at a top venue or top award found."))
    return sentences
