import pytest
from django.contrib.auth.models import Group

ADMIN_ONLY = [
    "annotations.reopen_article",
    "annotations.merge_speakers",
    "annotations.delete_article",
    "annotations.delete_quote",
]
EVERYONE = [
    "annotations.import_articles",
    "annotations.view_article",
    "annotations.change_quote",
    "annotations.add_quote",
    "annotations.add_speaker",
    "annotations.change_speaker",
    # Only speakers without quotes (Speaker.delete_unquoted); admins merge the others.
    "annotations.delete_speaker",
    "annotations.add_claim",
    "annotations.change_claim",
]


def test_the_data_migration_created_both_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"editors", "admins"}


@pytest.mark.parametrize("perm", EVERYONE)
def test_editors_and_admins_annotate(editor, admin_user, perm):
    assert editor.has_perm(perm)
    assert admin_user.has_perm(perm)


@pytest.mark.parametrize("perm", ADMIN_ONLY)
def test_only_admins_delete_merge_and_reopen(editor, admin_user, perm):
    assert not editor.has_perm(perm)
    assert admin_user.has_perm(perm)


def test_a_user_in_no_group_can_do_nothing(django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="x")
    assert not any(nobody.has_perm(p) for p in EVERYONE + ADMIN_ONLY)
