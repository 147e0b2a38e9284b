"""Pure cores of the campus season: the interview-day planner and its verifier (no Django)."""
