"""Create the two groups: editors annotate; admins also import, delete, merge and reopen."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "view_article",
    "change_article",
    "view_quote",
    "add_quote",
    "change_quote",
    "view_speaker",
    "add_speaker",
    "change_speaker",
    "view_claim",
    "add_claim",
    "change_claim",
    "delete_claim",
]
ADMIN_PERMISSIONS = EDITOR_PERMISSIONS + [
    "add_article",
    "delete_article",
    "delete_quote",
    "delete_speaker",
    "import_articles",
    "reopen_article",
    "merge_speakers",
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("editors", EDITOR_PERMISSIONS), ("admins", ADMIN_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(
            content_type__app_label="annotations", codename__in=codenames
        )
        assert perms.count() == len(codenames), "missing annotations permissions"
        group.permissions.set(perms)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["editors", "admins"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
