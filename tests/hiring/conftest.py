"""The offers' world (a requisition, its people, an applicant at the HR interview) for the hiring flow."""

from tests.offers.conftest import today, world  # noqa: F401 - fixtures
