"""Character-tagged text in the BMES scheme: one character and its tag a line, a blank line between
sentences (the layout of the ResumeNER corpus, Zhang & Yang, ACL 2018).

Tags are ``O`` or ``X-TYPE`` where X is B (begin), M (middle), E (end) or S (a one-character entity).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Entity:
    kind: str  # NAME, ORG, TITLE, EDU, PRO, LOC, RACE, CONT
    text: str
    start: int  # offset into the resume's text
    end: int


@dataclass(frozen=True, slots=True)
class TaggedResume:
    text: str
    entities: tuple[Entity, ...]

    def of_kind(self, kind: str) -> list[Entity]:
        return [entity for entity in self.entities if entity.kind == kind]


Sentence = list[tuple[str, str]]


def read_sentences(lines: Iterable[str]) -> Iterator[Sentence]:
    """Sentences as (character, tag) pairs. A line whose character is a space keeps it."""
    sentence: Sentence = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if sentence:
                yield sentence
                sentence = []
            continue
        char, _, tag = line.rpartition(" ")
        if not char:  # a line with a character and no tag
            char, tag = line, "O"
        sentence.append((char, tag or "O"))
    if sentence:
        yield sentence


def _starts_resume(sentence: Sentence) -> bool:
    return sentence[0][1] in ("B-NAME", "S-NAME")


def spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every entity; a stray M or E continues an open entity of its kind, else
    opens one, so a damaged sequence still yields its characters once."""
    found: list[tuple[str, int, int]] = []
    open_kind: str | None = None
    open_start = 0
    for index, tag in enumerate(tags):
        position, _, kind = tag.partition("-")
        if position == "O" or not kind:
            if open_kind is not None:
                found.append((open_kind, open_start, index))
                open_kind = None
            continue
        if position in ("B", "S") or open_kind != kind:
            if open_kind is not None:
                found.append((open_kind, open_start, index))
            open_kind, open_start = kind, index
        if position in ("E", "S"):
            found.append((kind, open_start, index + 1))
            open_kind = None
    if open_kind is not None:
        found.append((open_kind, open_start, len(tags)))
    return found


def group_resumes(sentences: Iterable[Sentence]) -> list[TaggedResume]:
    """Resumes from sentences: one starts at each sentence whose first tag is a NAME; sentences are joined
    as they were written (no separator), and sentences before the first name are dropped."""
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if _starts_resume(sentence):
            groups.append([sentence])
        elif groups:
            groups[-1].append(sentence)
    resumes = []
    for group in groups:
        pairs = [pair for sentence in group for pair in sentence]
        text = "".join(char for char, _tag in pairs)
        tags = [tag for _char, tag in pairs]
        entities = tuple(Entity(kind, text[start:end], start, end) for kind, start, end in spans(tags))
        resumes.append(TaggedResume(text, entities))
    return resumes


def read_resumes(path: Path) -> list[TaggedResume]:
    with path.open(encoding="utf-8") as handle:
        return group_resumes(read_sentences(handle))
