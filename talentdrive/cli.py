"""The ``talentdrive`` command: the bulk operations of a drive, on top of Django's management commands."""

from __future__ import annotations

import os
import sys

# Words users type that are Python keywords or too generic to be module names.
ALIASES = {
    "import": "td_import",
    "export": "td_export",
    "eval": "td_eval",
    "bench": "td_bench",
}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentdrive.settings")
    from django.core.management import execute_from_command_line

    if args and args[0] in ALIASES:
        args[0] = ALIASES[args[0]]
    execute_from_command_line(["talentdrive", *args])


if __name__ == "__main__":
    main()
