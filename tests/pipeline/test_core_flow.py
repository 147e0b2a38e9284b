import pytest

from talentdrive.pipeline.core import flow as f


def test_campus_default_is_the_campus_season():
    codes = f.campus_flow().codes
    assert codes == (
        "applied", "online_assessment", "technical_1", "technical_2", "hr_interview",
        "offer", "hired", "rejected", "withdrawn",
    )  # fmt: skip


@pytest.mark.parametrize("rounds", [1, 3, 4])
def test_experienced_has_as_many_technical_rounds_as_the_requisition_sets(rounds):
    codes = f.experienced_flow(technical_rounds=rounds).codes
    assert [code for code in codes if code.startswith("technical_")] == [
        f"technical_{n}" for n in range(1, rounds + 1)
    ]
    assert codes.index("resume_screen") < codes.index("technical_1") < codes.index("hiring_manager_interview")


def test_the_programme_adds_a_committee_review_right_before_the_offer():
    codes = f.experienced_flow(programme=True).codes
    assert codes[codes.index("offer") - 1] == "committee_review"
    assert "committee_review" not in f.experienced_flow().codes


def test_forward_one_step_and_closing_are_allowed():
    flow = f.campus_flow()
    assert f.move_refusal(flow, "applied", "online_assessment") is None
    assert f.move_refusal(flow, "technical_2", "rejected") is None
    assert f.move_refusal(flow, "offer", "hired") is None
    assert f.move_refusal(flow, "applied", "withdrawn") is None


@pytest.mark.parametrize(
    ("current", "target", "reason"),
    [
        ("applied", "technical_1", f.SKIPS_AHEAD),
        ("technical_1", "hired", f.NOT_A_MOVE),
        ("hired", "rejected", f.FROM_HIRED),
        ("rejected", "applied", f.FROM_CLOSED),
        ("applied", "applied", f.SAME_STAGE),
        ("applied", "nowhere", f.UNKNOWN_STAGE),
        ("offer", "technical_2", f.GOES_BACK),
    ],
)
def test_other_moves_say_why_not(current, target, reason):
    assert f.move_refusal(f.campus_flow(), current, target) == reason


def test_going_back_one_step_to_repeat_a_round_is_in_the_shipped_table():
    flow = f.campus_flow()
    assert f.move_refusal(flow, "technical_2", "technical_1") is None
    assert f.move_refusal(flow, "technical_2", "applied") == f.GOES_BACK


def test_an_extra_move_in_the_table_allows_a_skip():
    flow = f.campus_flow()
    flow = f.Flow(stages=flow.stages, moves=flow.moves | {("applied", "technical_1")})
    assert f.move_refusal(flow, "applied", "technical_1") is None


def test_allowed_targets_follow_the_rules():
    flow = f.campus_flow()
    assert [s.code for s in f.allowed_targets(flow, "technical_1")] == [
        "online_assessment", "technical_2", "rejected", "withdrawn",
    ]  # fmt: skip
    assert f.allowed_targets(flow, "hired") == ()


def test_passed_and_next():
    flow = f.campus_flow()
    assert [s.code for s in flow.passed("technical_2")] == ["applied", "online_assessment", "technical_1"]
    assert flow.next_stage("hr_interview").code == "offer"
    assert flow.next_stage("hired") is None


def test_shipped_flows_are_sound_and_a_broken_one_is_explained():
    for flow in (f.campus_flow(), f.experienced_flow(technical_rounds=3, programme=True)):
        assert f.check_flow(flow.stages, flow.moves) == []
    broken = [f.StageSpec("screen", f.REVIEW, "Screen", "筛选"), f.StageSpec("screen", "party", "x", "x")]
    problems = f.check_flow(broken, [("screen", "ghost")])
    assert "two stages share a code" in problems
    assert "stage screen: unknown kind 'party'" in problems
    assert "the first stage must be of kind 'received'" in problems
    assert "move screen → ghost names a stage the flow does not have" in problems
