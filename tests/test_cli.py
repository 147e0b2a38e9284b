from __future__ import annotations

import subprocess
import sys

import pytest

from talentdrive.cli import main


def test_help_lists_the_project_commands(capsys):
    main(["--help"])
    out = capsys.readouterr().out
    for word in ("demo", "import plan|requisitions FILE", "parse", "ingest DIR", "rank", "eval"):
        assert word in out


@pytest.mark.slow
def test_an_alias_shows_the_word_the_user_typed():
    # a fresh interpreter, as the console script runs
    result = subprocess.run(
        [sys.executable, "-c", "from talentdrive.cli import main; main(['export', '--help'])"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: talentdrive export ")
    assert "td_export" not in result.stdout


@pytest.mark.slow
def test_an_unknown_command_fails():
    result = subprocess.run(
        [sys.executable, "-c", "from talentdrive.cli import main; main(['no-such-command'])"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Unknown command" in result.stderr


@pytest.mark.parametrize("word", ["import", "export", "eval"])
def test_every_alias_resolves_to_a_command(word):
    from django.core.management import get_commands

    from talentdrive.cli import ALIASES

    assert ALIASES[word] in get_commands()
