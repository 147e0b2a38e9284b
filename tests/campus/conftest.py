"""The offer world (``tests/offers/conftest.py``) and applicants interviewed in it."""

from tests.campus.calibration_world import interviewed, panel  # noqa: F401 (fixtures)
from tests.offers.conftest import today, world  # noqa: F401 (fixtures)
