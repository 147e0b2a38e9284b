"""``manage.py stage_flow_install --drive CODE --channel campus|experienced [--programme]``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from talentdrive.audit.actors import system_actor
from talentdrive.pipeline.flows_install import FlowAlreadyInstalled, stage_flow_install
from talentdrive.plans.models import Channel, Drive


class Command(BaseCommand):
    help = "Give a drive its own copy of a channel's shipped stages, to edit in the admin."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--drive", required=True, help="the drive's code")
        parser.add_argument("--channel", required=True, choices=list(Channel.values))
        parser.add_argument("--programme", action="store_true", help="the elite programme's variant")

    def handle(self, *args: Any, **options: Any) -> None:
        drive = Drive.objects.filter(code=options["drive"]).first()
        if drive is None:
            raise CommandError(f"no drive with code {options['drive']!r}")
        try:
            rows = stage_flow_install(
                drive=drive,
                channel=options["channel"],
                programme=options["programme"],
                actor=system_actor("stage_flow_install"),
            )
        except FlowAlreadyInstalled as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Installed {len(rows)} stages; edit them in the admin under Stage definitions."
            )
        )
