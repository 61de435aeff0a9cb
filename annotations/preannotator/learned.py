"""The learned component: a spaCy ``ner`` that tags CONTENT, CUE and SOURCE spans.

Attributions in the training data rarely nest, so their parts form a tag sequence, which a
transition-based ``ner`` learns well. It has its own small tok2vec (hash embeddings + a
Maxout window encoder), fed the words and the small model's own parse: part-of-speech tag,
dependency label with the head's lemma, the governing verb's lemma, and whether the token sits
inside quotation marks. The parse comes from the docs the bare pipeline already made, so
nothing is parsed twice.

``LearnedModel(path)`` loads a trained model directory; ``predict(docs)`` returns, per doc, the
learned quotes (content fragments with the cue and source the model tagged near them).
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, NORM, POS, PREFIX, SENT_START, SHAPE, SUFFIX, TAG
from spacy.language import Language
from spacy.ml.models.tok2vec import MaxoutWindowEncoder, build_Tok2Vec_model
from spacy.parts_of_speech import SPACE, VERB
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)

Span = tuple[int, int]

LABELS = ("CONTENT", "CUE", "SOURCE")
QUOTE_MARKS = '"“”«»'
ATTRS = [NORM, PREFIX, SUFFIX, SHAPE, TAG, DEP, HEAD, LEMMA, POS, SENT_START]
# Rows of the hash tables, one per feature column of ``features``.
ROWS = [5000, 1000, 2500, 1000, 200, 200, 5000, 3000, 64]
NER_DIR = "ner"


def features(doc: Doc) -> numpy.ndarray:
    """One row of uint64 feature ids per token (see ``ROWS`` for the columns)."""
    n = len(doc)
    if not n:
        return numpy.zeros((0, len(ROWS)), dtype="uint64")
    table = doc.to_array(ATTRS)
    norm, prefix, suffix, shape, tag, dep = (table[:, i] for i in range(6))
    heads = numpy.arange(n, dtype="int64") + table[:, 6].astype("int64")
    heads = numpy.clip(heads, 0, n - 1)
    lemma, pos, sent_start = table[:, 7], table[:, 8], table[:, 9]
    # The dependency label joined with the head's lemma ("nsubj of say", "ccomp of tell").
    dep_head = (dep * numpy.uint64(1000003)) ^ lemma[heads]
    # The nearest verb above the token (its own lemma for a verb).
    governor = numpy.where(pos == VERB, numpy.arange(n), heads)
    for _ in range(6):
        governor = numpy.where(pos[governor] == VERB, governor, heads[governor])
    governing = lemma[governor] ^ numpy.uint64(0x9E3779B97F4A7C15)
    # Inside quotation marks (reset at each paragraph), on a mark, at a sentence start.
    state = numpy.zeros(n, dtype="uint64")
    inside = False
    last = 0
    texts = doc.text
    for token in doc:
        if token.pos == SPACE and "\n" in token.text:
            state[last : token.i] = inside
            inside, last = False, token.i
        elif len(token) == 1 and texts[token.idx] in QUOTE_MARKS:
            state[last : token.i] = inside
            mark = texts[token.idx]
            inside = mark in "“«" or (mark == '"' and not inside)
            state[token.i] = 2
            last = token.i + 1
    state[last:n] = numpy.where(state[last:n] == 2, 2, inside)
    position = state + numpy.uint64(4) * (sent_start == 1).astype("uint64")
    return numpy.stack(
        [norm, prefix, suffix, shape, tag, dep, dep_head, governing, position], axis=1
    ).astype("uint64")


FEATURES_KEY = "newsdesk_features"


def learning_doc(doc: Doc) -> Doc:
    """The words of a parsed doc, with its parse features, for the learned ``ner``.

    A fresh doc (no sentence boundaries, no entities) because spaCy's ``ner`` never lets an
    entity cross a sentence boundary and a quote's content often spans several sentences;
    the parse reaches the model through the features computed here from ``doc``.
    """
    words = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    words.user_data[FEATURES_KEY] = features(doc)
    return words


def _features_forward(model: Model, docs: list[Doc], is_train: bool):
    arrays = []
    for doc in docs:
        found = doc.user_data.get(FEATURES_KEY)
        arrays.append(
            model.ops.asarray(found if found is not None else features(doc), dtype="uint64")
        )
    return arrays, lambda d_features: []


@registry.architectures("newsdesk.AttributionTok2Vec.v1")
def attribution_tok2vec(
    width: int = 96,
    depth: int = 4,
    window_size: int = 1,
    maxout_pieces: int = 3,
    embed_width: int | None = None,
) -> Model:
    """Hash embeddings of ``features`` columns (``embed_width`` each), mixed down to ``width``,
    then a Maxout window encoder of ``depth`` layers."""
    embed_width = embed_width or width
    embeddings = [
        HashEmbed(embed_width, rows, column=column, seed=11 + column, dropout=0.0)
        for column, rows in enumerate(ROWS)
    ]
    embed = chain(
        Model("newsdesk_parse_features", _features_forward),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, embed_width * len(ROWS), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
    encode = MaxoutWindowEncoder(
        width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth
    )
    return build_Tok2Vec_model(embed, encode)


def ner_config(*, width: int = 64, depth: int = 4, hidden: int = 64, embed_width: int = 32) -> dict:
    return {
        "model": {
            "@architectures": "spacy.TransitionBasedParser.v2",
            "state_type": "ner",
            "extra_state_tokens": False,
            "hidden_width": hidden,
            "maxout_pieces": 2,
            "use_upper": True,
            "nO": None,
            "tok2vec": {
                "@architectures": "newsdesk.AttributionTok2Vec.v1",
                "width": width,
                "embed_width": embed_width,
                "depth": depth,
                "window_size": 1,
                "maxout_pieces": 3,
            },
        },
        "update_with_oracle_cut_size": 100,
    }


def blank_pipeline(**size: int) -> Language:
    """An untrained learned component; ``size``: width, embed_width, depth, hidden."""
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner", config=ner_config(**size))
    for label in LABELS:
        ner.add_label(label)
    return nlp


@dataclass
class LearnedQuote:
    fragments: list[Span]  # characters
    cue: Span | None
    mention: Span | None
    mention_root: int | None  # token index of the source's head
    tokens: tuple[int, int]  # first and last+1 token of the content

    @property
    def content(self) -> Span:
        return self.fragments[0][0], self.fragments[-1][1]


def tagged_spans(doc: Doc) -> list[tuple[str, int, int]]:
    return [(ent.label_, ent.start, ent.end) for ent in doc.ents if ent.label_ in LABELS]


def _is_gap(doc: Doc, start: int, end: int, parts: Sequence[tuple[str, int, int]]) -> bool:
    """Only punctuation, space, and the cue / source between two content spans."""
    words = [
        t
        for t in doc[start:end]
        if not (t.is_punct or t.is_space or any(a <= t.i < b for _, a, b in parts))
    ]
    return len(words) <= 1 and end - start <= 14


def group(doc: Doc, spans: Sequence[tuple[str, int, int]]) -> list[LearnedQuote]:
    """Content spans joined across an interruption (", he said, "), with their cue and source."""
    contents = [s for s in spans if s[0] == "CONTENT"]
    others = [s for s in spans if s[0] != "CONTENT"]
    groups: list[list[tuple[str, int, int]]] = []
    for span in contents:
        if groups:
            previous = groups[-1][-1]
            between = [o for o in others if previous[2] <= o[1] and o[2] <= span[1]]
            if between and _is_gap(doc, previous[2], span[1], between):
                groups[-1].append(span)
                continue
        groups.append([span])
    used: set[tuple[str, int, int]] = set()
    quotes = []
    for parts in groups:
        first, last = parts[0][1], parts[-1][2]
        sentences = {doc[parts[0][1]].sent.start, doc[parts[-1][2] - 1].sent.start}

        def near(
            label, anchor_first, anchor_last, limit, sentences=sentences, first=first, last=last
        ):
            candidates = [
                s
                for s in others
                if s[0] == label
                and s not in used
                and (doc[s[1]].sent.start in sentences or _distance(s, first, last) <= limit)
            ]
            return min(
                candidates, key=lambda s: _distance(s, anchor_first, anchor_last), default=None
            )

        cue = near("CUE", first, last, 6)
        if cue is not None:
            used.add(cue)
        source = near("SOURCE", cue[1], cue[2], 6) if cue else None
        if source is None:
            source = near("SOURCE", first, last, 6)
        if source is not None:
            used.add(source)
        quotes.append(
            LearnedQuote(
                fragments=[_chars(doc, a, b) for _, a, b in parts],
                cue=_chars(doc, cue[1], cue[2]) if cue else None,
                mention=_chars(doc, source[1], source[2]) if source else None,
                mention_root=doc[source[1] : source[2]].root.i if source else None,
                tokens=(first, last),
            )
        )
    return quotes


def _distance(span: tuple[str, int, int], first: int, last: int) -> int:
    if span[2] <= first:
        return first - span[2]
    if span[1] >= last:
        return span[1] - last
    return 0


def _chars(doc: Doc, start: int, end: int) -> Span:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


class LearnedModel:
    """A trained model directory: ``meta.json`` and the ``ner`` pipeline in ``ner/``."""

    def __init__(self, path: str | Path, vocab=None) -> None:
        self.path = Path(path)
        meta_path = self.path / "meta.json"
        if not meta_path.is_file() or not (self.path / NER_DIR).is_dir():
            raise ValueError(f"{self.path} is not a trained pre-annotator model directory.")
        self.meta = json.loads(meta_path.read_text(encoding="utf-8"))
        self.version = self.meta["version"]
        self.nlp = spacy.load(self.path / NER_DIR)
        self.ner = self.nlp.get_pipe("ner")
        self.settings = self.meta.get("combiner", {})

    def predict(self, docs: Sequence[Doc], batch_size: int = 64) -> list[list[LearnedQuote]]:
        """Learned quotes per parsed doc (the docs themselves are left as they are)."""
        if not docs:
            return []
        for label in LABELS:
            docs[0].vocab.strings.add(label)
        words = [learning_doc(doc) for doc in docs]
        for _ in self.ner.pipe(words, batch_size=batch_size):
            pass
        return [group(doc, tagged_spans(w)) for doc, w in zip(docs, words, strict=True)]


def iter_batches(items: Iterable, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
