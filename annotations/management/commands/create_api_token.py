"""Make an API token for a user and print it (the only time it is shown)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from annotations.api_tokens import ApiToken


class Command(BaseCommand):
    help = (
        "Create an API token for USER and print it once; only its hash is stored. "
        "Programs send it as 'Authorization: Bearer <token>'."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", metavar="USER")
        parser.add_argument("--name", default="", help="What the token is for, e.g. 'CMS'.")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        if not user.is_active:
            raise CommandError(f"The user {username!r} is deactivated.")
        if not user.has_perm("annotations.view_quote"):
            raise CommandError(
                f"{username!r} is neither an editor nor an admin: the token could do nothing. "
                "Add the user to the editors or admins group first."
            )
        token, raw = ApiToken.objects.create_token(user, name or "Command line")
        self.stderr.write(
            f"API token “{token.name}” for {username} (store it now; it is not kept):"
        )
        self.stdout.write(raw)
