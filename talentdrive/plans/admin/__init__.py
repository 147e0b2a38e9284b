"""Admin for the plan: organisation, drives, plan lines, requisitions and overrides.

Every write that the plan services cover goes through them, so the admin obeys the plan limit and
leaves the same audit trail as the API and imports.
"""

from talentdrive.plans.admin import organisation, requisitions

__all__ = ["organisation", "requisitions"]
