"""docs/benchmarks.md: a benchmark run again replaces its figures in place and keeps the words a person
wrote under them."""

from __future__ import annotations

from bench.__main__ import NOTES, _merged

DOCUMENT = (
    "# Benchmarks\n\nheader\n"
    "\n## Parsing\n\nold parse table\n"
    f"\n## Matching\n\nold match table\n\n{NOTES}\nWhat the figures say: the p50 is waiting for a core.\n"
    "\n## Portal\n\nold portal table\n"
)


def test_a_section_run_again_keeps_its_place_and_its_notes():
    sections = _merged(DOCUMENT, ["## Matching\n\nnew match table"], keep_others=True)
    assert [s.split("\n", 1)[0] for s in sections] == ["## Parsing", "## Matching", "## Portal"]
    matching = sections[1]
    assert "new match table" in matching and "old match table" not in matching
    assert matching.endswith(f"{NOTES}\nWhat the figures say: the p50 is waiting for a core.")


def test_a_new_section_goes_last_and_a_whole_run_drops_what_it_did_not_measure():
    sections = _merged(DOCUMENT, ["## Parsing\n\nnew", "## Planner\n\nfirst"], keep_others=False)
    assert sections == ["## Parsing\n\nnew", "## Planner\n\nfirst"]


def test_a_section_without_notes_is_replaced_whole():
    sections = _merged(DOCUMENT, ["## Portal\n\nnew portal table"], keep_others=True)
    assert sections[2] == "## Portal\n\nnew portal table"
