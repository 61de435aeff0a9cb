"""Create (or update) a newsroom admin: a superuser in the `admins` group."""

import os

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the first admin. The password comes from --password, the ADMIN_PASSWORD "
        "environment variable, or an interactive prompt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Prefer ADMIN_PASSWORD: arguments show in ps.")
        parser.add_argument(
            "--editor",
            action="store_true",
            help="Create an editor (the `editors` group, no admin rights) instead.",
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when the user already exists (for scripts).",
        )

    def handle(self, *args, username, email, password, editor, if_missing, **options):
        existing = User.objects.filter(username=username).first()
        if existing and if_missing:
            self.stdout.write(f"User {username!r} already exists; left unchanged.")
            return
        password = password or os.getenv("ADMIN_PASSWORD")
        if not password:
            if not options.get("interactive", True) or not os.isatty(0):
                raise CommandError("No password: pass --password or set ADMIN_PASSWORD.")
            import getpass

            password = getpass.getpass(f"Password for {username}: ")
            if not password:
                raise CommandError("The password cannot be empty.")
        user = existing or User(username=username, email=email)
        user.is_staff = not editor
        user.is_superuser = not editor
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name="editors" if editor else "admins"))
        role = "editor" if editor else "admin"
        self.stdout.write(f"{'Updated' if existing else 'Created'} {role} {username!r}.")
