"""The ``talentdrive`` command: the bulk operations of a drive, on top of Django's management commands."""

from __future__ import annotations

import os
import sys

# Words users type that are Python keywords or too generic to be module names.
ALIASES = {
    "import": "td_import",
    "export": "td_export",
    "eval": "td_eval",
}

COMMANDS = (
    ("demo", "migrate, load the demo drive and serve it at http://127.0.0.1:8000"),
    ("serve", "serve, after printing where and how to log in"),
    ("import plan|requisitions FILE", "import a plan or requisitions from CSV or XLSX, all or nothing"),
    ("export plan|requisitions", "export in the import's own columns (CSV or XLSX)"),
    ("parse FILE... | -", "parse resumes into JSON Lines profiles"),
    ("ingest DIR", "create or update candidates from a folder of resumes; resumable"),
    ("rank --job FILE --resumes DIR", "rank resumes for a job, with the reasons"),
    ("synth --candidates N", "write synthetic candidate profiles for benchmarks"),
    ("eval parse|match|skills", "print quality figures"),
    ("token create|revoke|list", "manage API tokens"),
    ("migrate, createsuperuser, ...", "every Django management command works too"),
)


def usage() -> str:
    width = max(len(name) for name, _ in COMMANDS)
    lines = ["usage: talentdrive COMMAND [options]   (talentdrive COMMAND --help for its options)", ""]
    lines += [f"  {name.ljust(width)}  {text}" for name, text in COMMANDS]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(usage())
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentdrive.settings")
    from django.core.management import execute_from_command_line

    if args[0] in ALIASES:
        import django
        from django.core.management import get_commands, load_command_class

        django.setup()
        name = ALIASES[args[0]]
        command = load_command_class(get_commands()[name], name)
        # run_from_argv names the program after argv[0:2], so usage lines show the word the user typed.
        command.run_from_argv(["talentdrive", *args])
        return
    execute_from_command_line(["talentdrive", *args])


if __name__ == "__main__":
    main()
