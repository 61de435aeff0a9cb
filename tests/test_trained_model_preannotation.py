"""Pre-annotation with the active trained model: which model runs, which version quotes keep,
and that a new model never touches what editors decided.

``Preannotator`` is replaced by a stand-in that records the trained directory it was given and
names it in its version, as the real one does (its learning is tested with the training code);
the lookup it uses is the real one (``preannotator.default_trained``, which asks
``annotations.trained_models`` for the active model).
"""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from annotations import preannotation, preannotator, trained_models
from annotations.models import Article, Quote, TrainedModel
from annotations.preannotation import get_preannotator, preannotate_article
from tests.test_trained_models import model_dir


class StandInPreannotator:
    """Proposes “..., said First Last.” quotes; its version names the trained model used."""

    QUOTE = re.compile(r"“([^”]+?),” said (\w+ \w+)\.")
    built: list["StandInPreannotator"] = []

    def __init__(self, model=None, *, trained=None):
        if trained is None:
            trained = preannotator.default_trained()
        self.trained = trained or None
        self.version = "rules 1.0"
        if self.trained:
            meta = json.loads((Path(self.trained) / "meta.json").read_text())
            self.version += " + " + meta["version"]
        StandInPreannotator.built.append(self)

    def annotate(self, texts, batch_size=32, n_process=1):
        for text in texts:
            yield [
                SimpleNamespace(
                    kind="direct",
                    content=m.span(1),
                    content_fragments=[m.span(1)],
                    cue=(m.end(1) + 3, m.end(1) + 7),
                    speaker_mention=m.span(2),
                    speaker_name=m.group(2),
                    speaker_kind="person",
                    confidence=0.8,
                    claims=[],
                )
                for m in self.QUOTE.finditer(text)
            ]


@pytest.fixture(autouse=True)
def stand_in(monkeypatch, settings, tmp_path):
    settings.PREANNOTATOR_CACHE_DIR = str(tmp_path / "cache")
    settings.PREANNOTATOR_TRAINED = ""
    monkeypatch.delenv("PREANNOTATOR_TRAINED", raising=False)
    monkeypatch.setattr(trained_models, "_extracted", {})
    monkeypatch.setattr(preannotator, "Preannotator", StandInPreannotator)
    monkeypatch.setattr(preannotation, "_current", None)
    StandInPreannotator.built = []


@pytest.fixture
def models(db, tmp_path) -> list[TrainedModel]:
    return [
        trained_models.store(model_dir(tmp_path / "out", f"trained-20261205-170{n}-cafe000{n}"))
        for n in (1, 2)
    ]


TEXT = "“The ferry runs again,” said Mia Holt. “Fares stay the same,” said Omar Haddad. End."


def test_activation_switches_what_the_preannotator_uses(models):
    first, second = models
    assert get_preannotator().trained is None  # nothing active: the rules alone

    first.activate()
    pre = get_preannotator()
    assert pre.version == "rules 1.0 + trained-20261205-1701-cafe0001"
    assert get_preannotator() is pre  # loaded once per process while the active model stays

    second.activate()
    assert get_preannotator().version == "rules 1.0 + trained-20261205-1702-cafe0002"

    TrainedModel.deactivate_all()
    assert get_preannotator().version == "rules 1.0"
    assert len(StandInPreannotator.built) == 4


def test_proposals_carry_the_trained_models_version(models):
    models[0].activate()
    article = Article.objects.create(title="Ferry", text=TEXT)

    assert preannotate_article(article) == 2

    versions = set(Quote.objects.values_list("model_version", flat=True))
    assert versions == {"rules 1.0 + trained-20261205-1701-cafe0001"}


def test_a_new_model_never_changes_or_reproposes_what_editors_decided(models, editor):
    first, second = models
    first.activate()
    article = Article.objects.create(title="Ferry", text=TEXT)
    preannotate_article(article)
    accepted, rejected = Quote.objects.order_by("content_start")
    accepted.accept(editor)
    rejected.reject(editor)
    before = list(
        Quote.objects.order_by("pk").values(
            "pk", "status", "content_fragments", "model_version", "version", "speaker_id"
        )
    )

    second.activate()
    added = preannotate_article(article)

    assert added == 0
    after = list(
        Quote.objects.order_by("pk").values(
            "pk", "status", "content_fragments", "model_version", "version", "speaker_id"
        )
    )
    assert after == before
    assert get_preannotator().version.endswith("cafe0002")  # the new model did run
