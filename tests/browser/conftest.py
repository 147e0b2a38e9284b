"""Playwright for Python driving Debian's chromium (never a downloaded browser) against live_server."""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from tests.campus.calibration_world import interviewed, panel  # noqa: F401 (fixtures)
from tests.factories import reseed_reference_data
from tests.offers.conftest import today, world  # noqa: F401 (fixtures)

# The live server runs in a thread of this process; Playwright's sync API runs an event loop here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _can_install() -> bool:
    if shutil.which("apt-get") is None:
        return False
    return os.geteuid() == 0 or shutil.which("sudo") is not None


def keep_screenshot(page, path: Path | str) -> None:
    """Save a full-page screenshot for people to look at after the run.

    The picture is evidence, not an assertion: headless chromium now and then refuses a capture
    ("Unable to capture screenshot") while it composites a long page, so one retry, then a warning.
    """
    from playwright.sync_api import Error

    for attempt in (1, 2):
        try:
            page.screenshot(path=str(path), full_page=True)
            return
        except Error as error:
            if attempt == 2:
                warnings.warn(f"screenshot {path} not saved: {error.message.splitlines()[0]}", stacklevel=2)
            else:
                page.wait_for_timeout(250)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    if not os.path.exists(CHROMIUM):
        if not _can_install():
            pytest.skip(
                "Debian's chromium is not installed at /usr/bin/chromium and apt-get cannot install it here"
            )
        result = subprocess.run(
            ["bash", str(ROOT / "scripts" / "ensure-chromium")], capture_output=True, text=True, timeout=1200
        )
        if not os.path.exists(CHROMIUM):
            pytest.fail(
                "chromium could be installed but scripts/ensure-chromium failed:\n"
                + result.stdout
                + result.stderr
            )
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    # An earlier transactional test on this worker may have flushed the seeded cities and areas.
    reseed_reference_data()
