import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User

from annotations.models import Article, Quote, Speaker

SAMPLE_TEXT = (
    "The mayor announced a new budget on Monday.\n\n"
    "“We will hire 200 more teachers by September,” Mayor Ana Ruiz said. "
    "Critics said the plan was unaffordable.\n"
)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The default hasher is slow on purpose; tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def restore_newsroom_groups() -> None:
    """Re-run the data migrations that create the groups, if a flush emptied them.

    Transactional tests (live server, real worker) end with a flush, which brings back
    permissions but not the groups that migrations 0002 and 0005 made.
    """
    if Group.objects.filter(name__in=["editors", "admins"]).count() == 2:
        return
    importlib.import_module("annotations.migrations.0002_groups").create_groups(apps, None)
    importlib.import_module("annotations.migrations.0005_editors_import").grant(apps, None)


@pytest.fixture
def editor(db) -> User:
    restore_newsroom_groups()
    user = User.objects.create_user("edna", password="pw-edna-123")
    user.groups.add(Group.objects.get(name="editors"))
    return user


@pytest.fixture
def admin_user(db) -> User:
    """A newsroom admin (the `admins` group), not a Django superuser."""
    restore_newsroom_groups()
    user = User.objects.create_user("ada", password="pw-ada-123")
    user.groups.add(Group.objects.get(name="admins"))
    return user


@pytest.fixture
def article(db) -> Article:
    return Article.objects.create(
        title="Budget day", text=SAMPLE_TEXT, outlet="Daily Bugle", url="https://example.com/b"
    )


@pytest.fixture
def quote(article) -> Quote:
    """A proposed direct quote: content, cue "said" and speaker mention "Mayor Ana Ruiz"."""
    text = article.text
    start = text.index("We will")
    end = text.index(",”")
    mention = text.index("Mayor Ana Ruiz")
    cue = text.index("said")
    speaker = Speaker.objects.create(name="Ana Ruiz", kind=Speaker.Kind.PERSON)
    return Quote.objects.create(
        article=article,
        content_fragments=[[start, end]],
        cue_start=cue,
        cue_end=cue + 4,
        speaker_mention_start=mention,
        speaker_mention_end=mention + len("Mayor Ana Ruiz"),
        speaker=speaker,
        kind=Quote.Kind.DIRECT,
        status=Quote.Status.PROPOSED,
        origin=Quote.Origin.MODEL,
        confidence=0.9,
        model_version="test",
    )
