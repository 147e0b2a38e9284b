"""``manage.py serve``: print where to log in, then serve.

The embedded default runs Django's development server without the autoreloader; with
``TALENTDRIVE_ENV=production`` the same command runs gunicorn instead.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from talentdrive.accounts.models import User
from talentdrive.demo.users import DEMO_USERS, INTERVIEWER_PASSWORD, MANAGER_PASSWORD


class Command(BaseCommand):
    help = "Serve Talent Drive, after printing the addresses and the demo accounts to log in with."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
        parser.add_argument(
            "--print-only", action="store_true", help="print the login details and exit without serving"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = options["host"], options["port"]
        self.stdout.write(self._banner(host, port))
        if options["print_only"]:
            return
        if settings.IS_PRODUCTION:
            self._exec_gunicorn(host, port, options["workers"])
        call_command("runserver", f"{host}:{port}", use_reloader=False)

    def _banner(self, host: str, port: int) -> str:
        shown_host = f"[{host}]" if ":" in host else host
        base = f"http://{shown_host}:{port}"
        lines = [
            "",
            "Talent Drive is starting.",
            f"  Career portal (public)      {base}/",
            f"  Staff back office           {base}/staff/",
            f"  Django admin                {base}/admin/",
            f"  REST API docs               {base}/api/docs",
            f"  Example API call            {base}/api/requisitions?city=shanghai&channel=campus",
            "",
        ]
        present = set(
            User.objects.filter(username__in=[spec.username for spec in DEMO_USERS]).values_list(
                "username", flat=True
            )
        )
        shown = [
            spec
            for spec in DEMO_USERS
            if spec.username in present and not spec.manages_team and not spec.interviews_team
        ]
        managers = [spec for spec in DEMO_USERS if spec.username in present and spec.manages_team]
        team_interviewers = [spec for spec in DEMO_USERS if spec.username in present and spec.interviews_team]
        if shown or managers:
            lines.append("Demo accounts (username / password / role):")
            lines += [f"  {spec.username:<22} {spec.password:<24} {spec.role}" for spec in shown]
            if managers:
                lines.append(
                    f"  hm.<team> ({len(managers)} hiring managers, e.g. {managers[0].username}) "
                    f"password {MANAGER_PASSWORD}"
                )
            if team_interviewers:
                lines.append(
                    f"  interviewer.<team> ({len(team_interviewers)} interviewers, e.g. "
                    f"{team_interviewers[0].username}) password {INTERVIEWER_PASSWORD}"
                )
            lines.append("  These passwords are public: never load the demo on a production database.")
        else:
            lines.append("No demo accounts: run `manage.py load_demo`, or `manage.py createsuperuser`.")
        lines.append("")
        return "\n".join(lines)

    def _exec_gunicorn(self, host: str, port: int, workers: int) -> None:
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "talentdrive.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
            # Status links in request lines and referrers are keys to a person's data.
            "--logger-class",
            "talentdrive.serving.gunicorn_logger.RedactingLogger",
        ]
        sys.stdout.flush()
        os.execv(sys.executable, command)  # noqa: S606 - replaces this process with the web server
