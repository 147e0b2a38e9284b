"""The offer world (``tests/offers/conftest.py``) for the calibration and batch-offer tests."""

from tests.offers.conftest import today, world  # noqa: F401 (fixtures)
