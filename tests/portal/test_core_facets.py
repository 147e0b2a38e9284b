"""The in-memory facet counts against a brute-force reference: filter, then count, per facet."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from talentdrive.plans.core.facets import FacetTable, JobAttributes, facet_counts

FACETS = ("city", "channel", "area", "team", "level")
CITIES = ["beijing", "shanghai", "hangzhou", "guangzhou"]

jobs_strategy = st.lists(
    st.builds(
        JobAttributes,
        id=st.integers(0, 10_000),
        cities=st.frozensets(st.sampled_from(CITIES), min_size=1, max_size=3),
        channel=st.sampled_from(["campus", "experienced"]),
        area=st.sampled_from(["llm", "agents", "speech"]),
        team=st.sampled_from(["a", "b"]),
        level=st.sampled_from(["graduate", "engineer", "senior"]),
    ),
    max_size=40,
)
selected_strategy = st.fixed_dictionaries(
    {
        "city": st.frozensets(st.sampled_from(CITIES), max_size=3),
        "channel": st.frozensets(st.sampled_from(["campus", "experienced"])),
        "area": st.frozensets(st.sampled_from(["llm", "agents", "speech"]), max_size=2),
        "team": st.frozensets(st.sampled_from(["a", "b"]), max_size=1),
        "level": st.frozensets(st.sampled_from(["graduate", "engineer"])),
    }
)


def _fits(job, name, wanted):
    return not wanted or bool(wanted & set(job.values(name)))


@given(jobs=jobs_strategy, selected=selected_strategy)
def test_matches_a_brute_force_reference(jobs, selected):
    result = facet_counts(jobs, selected, FACETS)
    expected_ids = [j.id for j in jobs if all(_fits(j, n, selected[n]) for n in FACETS)]
    assert list(result.matching_ids) == expected_ids
    for name in FACETS:
        others = [j for j in jobs if all(_fits(j, n, selected[n]) for n in FACETS if n != name)]
        reference: dict[str, int] = {}
        for job in others:
            for value in job.values(name):
                reference[value] = reference.get(value, 0) + 1
        assert dict(result.counts[name]) == reference


def test_a_job_in_two_cities_counts_once_per_city():
    job = JobAttributes(1, frozenset({"beijing", "shanghai"}), "campus", "llm", "a", "graduate")
    result = facet_counts([job], {"channel": ("campus",)}, FACETS)
    assert result.counts["city"] == {"beijing": 1, "shanghai": 1}
    assert result.matching_ids == (1,)


def test_several_values_of_one_filter_are_alternatives():
    hangzhou = JobAttributes(1, frozenset({"hangzhou"}), "campus", "llm", "a", "graduate")
    shanghai = JobAttributes(2, frozenset({"shanghai"}), "campus", "agents", "a", "graduate")
    beijing = JobAttributes(3, frozenset({"beijing"}), "campus", "llm", "a", "graduate")
    result = facet_counts([hangzhou, shanghai, beijing], {"city": ("hangzhou", "shanghai")}, FACETS)
    assert result.matching_ids == (1, 2)
    # Adding Beijing to the cities would add one result; the areas count the two cities' jobs.
    assert result.counts["city"] == {"hangzhou": 1, "shanghai": 1, "beijing": 1}
    assert result.counts["area"] == {"llm": 1, "agents": 1}


@given(jobs=jobs_strategy, selected=selected_strategy, data=st.data())
def test_the_table_counts_as_facet_counts_does_for_any_subset_in_any_order(jobs, selected, data):
    jobs = list({job.id: job for job in jobs}.values())  # one row per job, as the open jobs are
    table = FacetTable(jobs, FACETS)
    subset = data.draw(
        st.permutations(jobs).flatmap(lambda js: st.sampled_from(range(len(js) + 1)).map(lambda n: js[:n]))
    )
    expected = facet_counts(subset, selected, FACETS)
    result = table.counts([job.id for job in subset], selected)
    assert result.matching_ids == expected.matching_ids
    assert {k: dict(v) for k, v in result.counts.items()} == {k: dict(v) for k, v in expected.counts.items()}
    everything = table.counts(None, selected)
    assert everything == facet_counts(jobs, selected, FACETS)
