"""Editors import articles too (issue 5: the import pages are for editors and admins)."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perm = Permission.objects.get(content_type__app_label="annotations", codename="import_articles")
    Group.objects.get(name="editors").permissions.add(perm)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perm = Permission.objects.get(content_type__app_label="annotations", codename="import_articles")
    Group.objects.get(name="editors").permissions.remove(perm)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0004_quote_span_null_checks")]

    operations = [migrations.RunPython(grant, revoke)]
