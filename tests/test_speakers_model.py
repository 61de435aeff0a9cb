import pytest
from django.core.exceptions import ValidationError

from annotations.models import Quote, Speaker, normalize_name


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Kremlin", "kremlin"),
        ("Kostin’s office", "kostin office"),
        ("  Dmitry   PESKOV ", "dmitry peskov"),
        ("U.S. officials", "u s officials"),
    ],
)
def test_normalize_name(name, key):
    assert normalize_name(name) == key


def test_find_by_name_or_alias(db):
    peskov = Speaker.objects.create(name="Dmitry Peskov", aliases=["Peskov", "Kremlin spokesman"])
    assert Speaker.objects.find("dmitry  peskov") == peskov
    assert Speaker.objects.find("PESKOV") == peskov
    assert Speaker.objects.find("Kremlin spokesman") == peskov
    assert Speaker.objects.find("Kremlin") is None
    assert list(Speaker.objects.search("pesk")) == [peskov]


def test_speaker_clean_rejects_bad_aliases_and_empty_names(db):
    with pytest.raises(ValidationError, match="aliases must be a list"):
        Speaker(name="X", aliases="Peskov").full_clean()
    with pytest.raises(ValidationError, match="needs a name"):
        Speaker(name="...").full_clean()


def test_merge_repoints_quotes_keeps_names_and_history(quote, admin_user, editor):
    duplicate = Speaker.objects.create(name="Mayor Ruiz", role="Mayor of Springfield")
    duplicate_id = duplicate.pk
    Quote.objects.filter(pk=quote.pk).update(speaker=duplicate)
    keeper = Speaker.objects.get(name="Ana Ruiz")
    with pytest.raises(PermissionError):
        keeper.merge(duplicate, by=editor)
    keeper.merge(duplicate, by=admin_user)
    assert not Speaker.objects.filter(pk=duplicate_id).exists()
    moved = Quote.objects.get(pk=quote.pk)
    assert moved.speaker == keeper
    assert moved.version == 2
    assert Speaker.objects.find("Mayor Ruiz") == keeper
    assert keeper.role == "Mayor of Springfield"
    assert moved.history.first().history_user == admin_user
    assert Speaker.history.filter(id=duplicate_id, history_type="-").exists()
