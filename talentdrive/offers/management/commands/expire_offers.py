from django.core.management.base import BaseCommand

from talentdrive.audit.actors import system_actor
from talentdrive.offers.services import offers_expire_due


class Command(BaseCommand):
    help = "Expire sent offers whose expiry date has passed (run daily from cron)."

    def handle(self, *args: object, **options: object) -> None:
        expired = offers_expire_due(actor=system_actor("expire_offers"))
        self.stdout.write(f"expired {len(expired)} offer(s)")
