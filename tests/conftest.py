import importlib
import re
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User

from annotations import preannotation
from annotations.models import Article, Quote, Speaker

SAMPLE_TEXT = (
    "The mayor announced a new budget on Monday.\n\n"
    "“We will hire 200 more teachers by September,” Mayor Ana Ruiz said. "
    "Critics said the plan was unaffordable.\n"
)


@pytest.fixture(autouse=True)
def no_login_lockouts(settings):
    """Tests log in many times from one address; tests/test_login_throttling.py lowers this."""
    settings.AXES_FAILURE_LIMIT = 1000


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The default hasher is slow on purpose; tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def restore_newsroom_groups() -> None:
    """Re-run the data migrations that create the groups, if a flush emptied them.

    Transactional tests (live server, real worker) end with a flush, which brings back
    permissions but not the groups that migrations 0002, 0005, 0009, 0012, 0013 and 0014 made.
    """
    admins = Group.objects.filter(name="admins", permissions__codename="manage_trained_models")
    if Group.objects.filter(name__in=["editors", "admins"]).count() == 2 and admins.exists():
        return
    importlib.import_module("annotations.migrations.0002_groups").create_groups(apps, None)
    importlib.import_module("annotations.migrations.0005_editors_import").grant(apps, None)
    importlib.import_module("annotations.migrations.0009_editors_delete_speakers").grant(apps, None)
    importlib.import_module("annotations.migrations.0012_guidelines").grant(apps, None)
    importlib.import_module("annotations.migrations.0013_assign_articles").grant(apps, None)
    importlib.import_module("annotations.migrations.0014_trained_models").grant(apps, None)


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


class FakePreannotator:
    """Proposes “..., said First Last.” quotes; records how it was called.

    Stands in for the spaCy pre-annotator where a test is about storing proposals, not
    finding them. ``before_text`` runs before each text is annotated.
    """

    version = "fake-1"
    QUOTE = re.compile(r"“([^”]+?),” said (\w+ \w+)\.")

    def __init__(self) -> None:
        self.calls: list[dict] = []
        self.before_text: Callable[[str], None] | None = None

    def annotate(self, texts, batch_size=32, n_process=1):
        self.calls.append({"batch_size": batch_size, "n_process": n_process})
        for text in texts:
            if self.before_text:
                self.before_text(text)
            yield [
                SimpleNamespace(
                    kind="direct",
                    content=m.span(1),
                    content_fragments=[m.span(1)],
                    cue=(m.end(1) + 3, m.end(1) + 7),
                    speaker_mention=m.span(2),
                    speaker_name=m.group(2),
                    speaker_kind="person",
                    confidence=0.9,
                    claims=[],
                )
                for m in self.QUOTE.finditer(text)
            ]


@pytest.fixture
def fake_preannotator(monkeypatch) -> FakePreannotator:
    """The process-wide pre-annotator replaced by :class:`FakePreannotator`."""
    pre = FakePreannotator()
    monkeypatch.setattr(preannotation, "get_preannotator", lambda: pre)
    return pre
