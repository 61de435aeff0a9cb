"""Training the learned component on reviewed articles (spaCy's own training API, on CPU).

    from annotations.preannotator.examples import from_database
    from annotations.preannotator.training import train
    report = train(from_database(), "/srv/models/new", max_minutes=30, progress=callback)

Steps: the latest ``heldout_fraction`` of the articles (by date) is held out; every article is
parsed once by the small model; the ``ner`` of ``learned.py`` is updated on the rest, in
minibatches, and scored on the held-out articles every few batches (the best weights are kept,
training stops when they stop improving, when the time is up, or after ``max_epochs``). Then
the combined pre-annotator (rules + learned) and the rules alone are scored on the held-out
articles, the confidence calibration is fitted there (and reported cross-fitted, per band),
and the model directory is written:

    <output>/meta.json          version, report, articles, settings
    <output>/ner/               the spaCy pipeline of the learned component
    <output>/calibration.json   the calibrator's weights
"""

import datetime
import hashlib
import json
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.tokens import Doc
from spacy.training import Example as SpacyExample
from spacy.util import filter_spans, minibatch

from annotations.evaluation import Document, match, score

from . import Preannotator, proposals
from .calibration import Calibrator, bands, cross_fitted
from .examples import Example
from .learned import LABELS, NER_DIR, blank_pipeline, learning_doc, tagged_spans

MIN_ARTICLES = 5
# The learned component's size: width 64 with 32-wide hash tables keeps it near a quarter of
# the small model's own cost (width 96 everywhere cost half of it, for little gain).
SIZE = {"width": 64, "embed_width": 32, "depth": 4, "hidden": 64}
TINY_SIZE = {"width": 32, "embed_width": 16, "depth": 1, "hidden": 16}
MIN_STEPS = 300  # updates before early stopping may end a run
Progress = Callable[[int, int, str], None]


class TrainingError(ValueError):
    """Training cannot start (too few reviewed articles, an unusable output folder...)."""


def split(examples: Sequence[Example], fraction: float) -> tuple[list[Example], list[Example]]:
    """(train, held-out): the latest articles by date (then name) are held out."""
    ordered = sorted(examples, key=lambda e: (e.date or "", e.name))
    held = max(1, round(len(ordered) * fraction))
    return ordered[:-held], ordered[-held:]


def entity_offsets(doc: Doc, example: Example) -> list[tuple[int, int, str]]:
    """The accepted quotes' parts as token-aligned spans; nested parts give way to the
    longest (an outer content wins over a cue inside it)."""
    spans = []
    for quote in example.quotes:
        for label, parts in (
            ("CONTENT", quote.content),
            ("CUE", quote.cue),
            ("SOURCE", quote.mention),
        ):
            for start, end in parts:
                piece = doc.text[start:end]
                start += len(piece) - len(piece.lstrip())
                end -= len(piece) - len(piece.rstrip())
                if start >= end:
                    continue
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                first, last = span.start, span.end
                while first < last and (doc[first].is_space or doc[first].text.isspace()):
                    first += 1
                while last > first and (doc[last - 1].is_space or doc[last - 1].text.isspace()):
                    last -= 1
                if first < last:
                    spans.append(doc[first:last])
                    spans[-1].label_ = label
    return [(s.start_char, s.end_char, s.label_) for s in filter_spans(spans)]


def spacy_examples(docs: Sequence[Doc], examples: Sequence[Example]) -> list[SpacyExample]:
    out = []
    for doc, example in zip(docs, examples, strict=True):
        predicted = learning_doc(doc)
        out.append(SpacyExample.from_dict(predicted, {"entities": entity_offsets(doc, example)}))
    return out


def span_scores(ner, examples: Sequence[SpacyExample]) -> dict[str, float]:
    """Exact span F1 per label of the learned ``ner`` alone (its entities are cleared after)."""
    docs = [eg.predicted for eg in examples]
    for _ in ner.pipe(docs, batch_size=16):
        pass
    counts = {label: [0, 0, 0] for label in LABELS}  # found, gold, right
    for eg in examples:
        predicted = set(tagged_spans(eg.predicted))
        gold = {(e.label_, e.start, e.end) for e in eg.reference.ents}
        for label in LABELS:
            p = {s for s in predicted if s[0] == label}
            g = {s for s in gold if s[0] == label}
            counts[label][0] += len(p)
            counts[label][1] += len(g)
            counts[label][2] += len(p & g)
        eg.predicted.set_ents([], default="missing")
    result = {}
    for label, (found, gold, right) in counts.items():
        precision = right / found if found else 0.0
        recall = right / gold if gold else 0.0
        result[label] = 2 * precision * recall / (precision + recall) if right else 0.0
    return result


def _objective(scores: dict[str, float]) -> float:
    return 0.5 * scores["CONTENT"] + 0.25 * scores["CUE"] + 0.25 * scores["SOURCE"]


def _summary(report: dict) -> dict:
    return {
        "content_overlap_f1": round(report["overlap"]["f1"], 3),
        "content_exact_f1": round(report["exact"]["f1"], 3),
        "attribution_f1": round(report["attribution"]["f1"], 3),
        "cue_accuracy": round(report["cue_accuracy"], 3),
        "mention_accuracy": round(report["mention_accuracy"], 3),
        "gold": report["counts"]["gold"],
        "proposed": report["counts"]["proposed"],
    }


def evaluate_docs(
    pre: Preannotator, docs: Sequence[Doc], examples: Sequence[Example]
) -> tuple[dict, list[tuple[dict, bool]], list[int]]:
    """Score ``pre`` on parsed docs; also each proposal's calibration features and label."""
    documents, samples, groups = [], [], []
    for n, (doc, example) in enumerate(zip(docs, examples, strict=True)):
        found = proposals(pre.process(doc))
        document = Document(example.name, example.text, example.quotes, found)
        documents.append(document)
        features = doc._.attribution_features or {}
        pairs = {p for _, p in match(example.quotes, found)}
        for p, proposal in enumerate(found):
            key = tuple(proposal.content_fragments)
            if key in features:
                samples.append((features[key], p in pairs))
                groups.append(n)
        doc._.attribution_features = None
    return score(documents), samples, groups


def train(
    examples: Sequence[Example],
    output_dir: str | Path,
    *,
    max_minutes: float | None = None,
    heldout_fraction: float = 0.1,
    progress: Progress | None = None,
    tiny: bool = False,
    max_epochs: int | None = None,
    patience: int = 6,
    seed: int = 0,
    model: str | None = None,
) -> dict:
    """Train, write the model directory, return the report (also in ``meta.json``)."""
    started = time.monotonic()
    say = progress or (lambda done, total, message: None)
    usable = [e for e in examples if e.text.strip()]
    with_quotes = [e for e in usable if e.quotes]
    if len(with_quotes) < MIN_ARTICLES:
        raise TrainingError(
            f"Training needs at least {MIN_ARTICLES} reviewed articles with accepted quotes; "
            f"found {len(with_quotes)}."
        )
    output = Path(output_dir)
    if output.exists() and any(output.iterdir()):
        raise TrainingError(f"{output} is not empty; choose a new folder for the model.")
    output.mkdir(parents=True, exist_ok=True)
    random.seed(seed)
    train_set, heldout = split(usable, heldout_fraction)

    pre = Preannotator(model, trained=False)
    say(0, len(usable), "parsing articles")
    docs = []
    for n, doc in enumerate(pre.nlp.pipe([e.text for e in train_set + heldout], batch_size=16)):
        docs.append(doc)
        if n % 10 == 9:
            say(n + 1, len(usable), "parsing articles")
    train_docs, heldout_docs = docs[: len(train_set)], docs[len(train_set) :]
    rules_report, _, _ = evaluate_docs(pre, heldout_docs, heldout)  # before entities change
    train_examples = spacy_examples(train_docs, train_set)
    heldout_examples = spacy_examples(heldout_docs, heldout)

    size = TINY_SIZE if tiny else SIZE
    nlp = blank_pipeline(**size)
    optimizer = nlp.initialize(lambda: train_examples[:200])
    ner = nlp.get_pipe("ner")
    batch_docs = 2 if tiny else 8
    batches_per_epoch = max(1, -(-len(train_examples) // batch_docs))
    # Early stopping only after enough updates for the model to start tagging at all.
    min_steps = 0 if tiny else MIN_STEPS
    epochs = max_epochs or (8 if tiny else max(30, -(-2 * MIN_STEPS // batches_per_epoch)))
    eval_every = batches_per_epoch if tiny else min(batches_per_epoch, 30)
    total = epochs * batches_per_epoch
    deadline = started + max_minutes * 60 if max_minutes else None
    best, best_bytes, since_best, step, history = -1.0, None, 0, 0, []
    stopped = "epochs"
    for epoch in range(epochs):
        random.shuffle(train_examples)
        for batch in minibatch(train_examples, size=batch_docs):
            losses: dict[str, float] = {}
            nlp.update(batch, drop=0.1, sgd=optimizer, losses=losses)
            step += 1
            if step % eval_every == 0 or step == total:
                scores = span_scores(ner, heldout_examples)
                objective = _objective(scores)
                history.append({"step": step, "epoch": epoch + 1, **scores})
                if objective > best:
                    best, best_bytes, since_best = objective, ner.to_bytes(), 0
                else:
                    since_best += 1
                say(
                    step,
                    total,
                    f"epoch {epoch + 1}: held-out content {scores['CONTENT']:.2f}, "
                    f"cue {scores['CUE']:.2f}, source {scores['SOURCE']:.2f}",
                )
            else:
                say(step, total, f"epoch {epoch + 1}: loss {losses.get('ner', 0.0):.1f}")
            if deadline and time.monotonic() > deadline:
                stopped = "time"
                break
            if step >= min_steps and since_best >= patience:
                stopped = "no improvement"
                break
        if stopped != "epochs":
            break
    if best_bytes is not None:
        ner.from_bytes(best_bytes)
    else:  # time ran out before the first scoring: score what there is
        history.append({"step": step, "epoch": epoch + 1, **span_scores(ner, heldout_examples)})
    training_minutes = (time.monotonic() - started) / 60

    nlp.to_disk(output / NER_DIR)
    digest = hashlib.sha1(ner.to_bytes()).hexdigest()[:8]
    now = datetime.datetime.now(datetime.UTC)
    version = f"trained-{now:%Y%m%d-%H%M}-{digest}"
    meta = {"version": version, "articles": len(train_set), "heldout_articles": len(heldout)}
    (output / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    say(total, total, "scoring on the held-out articles")
    trained_pre = Preannotator(model, trained=output)
    trained_report, samples, groups = evaluate_docs(trained_pre, heldout_docs, heldout)
    calibrated = cross_fitted(samples, groups)
    calibration = {
        "before": bands([(f_conf, right) for f_conf, right in _prior(samples)]),
        "after": bands(list(zip(calibrated, [right for _, right in samples], strict=True))),
    }
    Calibrator.fit(samples).save(output / "calibration.json")
    report = {
        "version": version,
        "articles": len(train_set),
        "heldout_articles": len(heldout),
        "training_minutes": round(training_minutes, 1),
        "total_minutes": round((time.monotonic() - started) / 60, 1),
        "stopped": stopped,
        "steps": step,
        "epochs": history[-1]["epoch"] if history else 0,
        "learned_alone": {k: round(v, 3) for k, v in (history and _best(history) or {}).items()},
        "trained": _summary(trained_report),
        "rules": _summary(rules_report),
        "calibration": calibration,
        "settings": {"tiny": tiny, **size},
    }
    meta.update(report=report, created=now.isoformat())
    (output / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    say(total, total, "done")
    return report


def _best(history: list[dict]) -> dict:
    row = max(history, key=lambda h: _objective(h))
    return {label.lower() + "_exact_f1": row[label] for label in LABELS}


def _prior(samples: Sequence[tuple[dict, bool]]) -> list[tuple[float, bool]]:
    from .combiner import prior_confidence

    return [
        (
            prior_confidence(f["origin"], f.get("rule_confidence"), bool(f.get("cue_lemma"))),
            right,
        )
        for f, right in samples
    ]


def format_report(report: dict) -> str:
    """The report as the command prints it."""
    lines = [
        f"model {report['version']}: learned from {report['articles']} articles, "
        f"scored on {report['heldout_articles']} held-out articles",
        f"training {report['training_minutes']} min ({report['epochs']} epochs, "
        f"{report['steps']} steps, stopped: {report['stopped']}); "
        f"total {report['total_minutes']} min",
        "",
        f"{'held-out articles':<22}{'overlap F1':>11}{'exact F1':>10}{'cue':>7}"
        f"{'mention':>9}{'attribution F1':>16}",
    ]
    for name, label in (("trained", "rules + trained"), ("rules", "rules alone")):
        row = report[name]
        lines.append(
            f"{label:<22}{row['content_overlap_f1']:>11.3f}{row['content_exact_f1']:>10.3f}"
            f"{row['cue_accuracy']:>7.3f}{row['mention_accuracy']:>9.3f}"
            f"{row['attribution_f1']:>16.3f}"
        )
    lines += ["", "calibration (cross-fitted on the held-out articles): precision per band"]
    lines.append(f"{'confidence':<12}{'before':>16}{'after':>16}")
    for before, after in zip(
        report["calibration"]["before"], report["calibration"]["after"], strict=True
    ):

        def cell(row):
            if row["precision"] is None:
                return f"{row['proposals']:>6} {'-':>9}"
            return f"{row['proposals']:>6} {row['precision']:>9.3f}"

        lines.append(f"{before['band']:<12}{cell(before):>16}{cell(after):>16}")
    return "\n".join(lines)
