"""Editors delete speakers that have no quotes (issue 13: junk speakers stay forever).

The view and Speaker.delete_unquoted refuse a speaker with quotes whoever asks.
"""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perm = Permission.objects.get(content_type__app_label="annotations", codename="delete_speaker")
    Group.objects.get(name="editors").permissions.add(perm)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perm = Permission.objects.get(content_type__app_label="annotations", codename="delete_speaker")
    Group.objects.get(name="editors").permissions.remove(perm)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0008_api_tokens")]

    operations = [migrations.RunPython(grant, revoke)]
