import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from annotations.management.commands.load_sample_data import SAMPLE_FILE
from annotations.models import Article


def test_sample_loader_is_idempotent(db):
    call_command("load_sample_data")
    first = sorted(Article.objects.values_list("url", "text_hash"))
    call_command("load_sample_data")
    assert sorted(Article.objects.values_list("url", "text_hash")) == first
    assert len(first) == sum(1 for line in SAMPLE_FILE.open() if line.strip())


def test_sample_articles_have_the_quotes_editors_meet(db):
    call_command("load_sample_data")
    texts = "\n".join(Article.objects.values_list("text", flat=True))
    assert "“" in texts and "”" in texts  # direct quotes
    assert "according to" in texts.lower()
    assert " they said" in texts.lower() or "they said" in texts.lower()  # pronoun speaker
    assert "the think tank said" in texts.lower()  # description
    assert "anonymity" in texts or "asked not to be named" in texts  # anonymous source
    assert "” said Priya Raman" in texts and ", “but" in texts  # interrupted quote


def test_create_admin_makes_an_admin_and_keeps_an_existing_one(db):
    call_command("create_admin", username="boss", password="s3cret-pass")
    boss = User.objects.get(username="boss")
    assert boss.has_perm("annotations.merge_speakers") and boss.check_password("s3cret-pass")
    call_command("create_admin", username="boss", password="other", if_missing=True)
    assert User.objects.get(username="boss").check_password("s3cret-pass")
    call_command("create_admin", username="ed", password="pw", editor=True)
    ed = User.objects.get(username="ed")
    assert ed.groups.filter(name="editors").exists() and not ed.is_staff


def test_create_admin_without_a_password_fails_clearly(db, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("os.isatty", lambda fd: False)
    with pytest.raises(CommandError, match="No password"):
        call_command("create_admin", username="boss")
    assert not User.objects.filter(username="boss").exists()
