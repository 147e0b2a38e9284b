"""``talentdrive token create USERNAME --name NAME`` / ``token revoke PREFIX`` / ``token list``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from talentdrive.accounts.models import ApiToken, User
from talentdrive.accounts.services import api_token_create, api_token_revoke
from talentdrive.audit.actors import system_actor


class Command(BaseCommand):
    help = "Create, list or revoke REST API tokens. A new token's value is printed once and never stored."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a token for a staff member")
        create.add_argument("username")
        create.add_argument("--name", required=True, help="what the token is for, e.g. 'HRIS sync'")
        revoke = sub.add_parser("revoke", help="revoke a token by the prefix `token list` shows")
        revoke.add_argument("prefix")
        listing = sub.add_parser("list", help="list tokens (prefixes only)")
        listing.add_argument("username", nargs="?")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            user = User.objects.filter(username=options["username"], is_active=True).first()
            if user is None:
                raise CommandError(f'no active user "{options["username"]}"')
            token, raw = api_token_create(user=user, name=options["name"], actor=system_actor("token"))
            self.stderr.write(
                f"token {token.prefix}… for {user.username}; copy it now, it is not shown again:"
            )
            self.stdout.write(raw)
        elif action == "revoke":
            prefix = options["prefix"].removeprefix("td_")[:8]
            tokens = list(ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True))
            if len(tokens) != 1:
                raise CommandError(f'{len(tokens)} active tokens start with "{prefix}"; give a longer prefix')
            api_token_revoke(token=tokens[0], actor=system_actor("token"))
            self.stdout.write(f"revoked {tokens[0]}")
        else:
            listed = ApiToken.objects.select_related("user").order_by("user__username", "created_at")
            if options.get("username"):
                listed = listed.filter(user__username=options["username"])
            for token in listed:
                state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
                used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
                self.stdout.write(
                    f"{token.prefix}  {token.user.username:<20} {token.name:<30} {state}, last used {used}"
                )
