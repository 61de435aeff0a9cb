"""The combiner: learned spans beside the rules, each doing what it is best at.

It runs after the rules found their attributions and before speakers and claims are resolved,
so every proposal (from the rules, the learned model or both) gets its speaker resolved and its
claims marked the same way.

- Both found it (their contents overlap): the rules' cue, speaker mention and direct-quote
  marks; the content's boundaries are the rules' by default (settings can take the learned
  ones, or the learned start or end, for direct or reported speech; measured worse on exact
  words, see docs/learning.md), never a learned content that swallows the rules' cue.
- Only the learned model found it: its content, cue and source, when it tagged both.
- Only the rules found it: kept (the rules' recall), with the confidence the calibration gives
  a proposal the model did not support.

Each attribution's features (origin, rule confidence, kind, cue lemma, mention type, length)
are left on ``doc._.attribution_features`` (keyed by its fragments) for calibration, and a
calibrator, when the model has one, sets the confidence.
"""

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from .learned import LearnedQuote
from .rules.records import Attribution

Span = tuple[int, int]
QUOTE_OPEN = '"“«‘'
QUOTE_CLOSE = '"”»’'

Doc.set_extension("attribution_features", default=None, force=True)

# Measured on PolNeAR (docs/learning.md): the rules' boundaries beat the learned ones on exact
# words for every kind, so where both found a quote the rules' content stays; the learned
# model adds the quotes the rules missed, when it tagged their cue and source too.
DEFAULTS = {
    "direct_bounds": "rules",  # "rules" | "learned" | "learned_start" | "learned_end"
    "reported_bounds": "rules",  # same choices
    "learned_only_needs_cue": True,
    "learned_only_needs_source": True,
    "learned_only": True,  # add the learned quotes the rules did not find
}


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)


def _touches(span: Span | None, fragments: Sequence[Span]) -> bool:
    return span is not None and any(span[0] < f[1] and f[0] < span[1] for f in fragments)


def kind_of(text: str, fragments: Sequence[Span]) -> str:
    """Direct when every fragment sits between quotation marks, mixed when one holds a mark."""

    def quoted(start: int, end: int) -> bool:
        piece = text[start:end].strip()
        if piece[:1] in QUOTE_OPEN and piece[-1:] in QUOTE_CLOSE:
            return True
        before = text[:start].rstrip()[-1:]
        after = text[end:].lstrip(",.;:!? ")[:1]
        return before in QUOTE_OPEN and bool(before) and (after in QUOTE_CLOSE or after == "")

    if fragments and all(quoted(a, b) for a, b in fragments):
        return "direct"
    if any(ch in text[a:b] for a, b in fragments for ch in '"“”«»'):
        return "mixed"
    return "indirect"


def _pairs(rules: Sequence[Attribution], learned: Sequence[LearnedQuote]) -> dict[int, int]:
    """Rule index -> learned index, one to one, largest content overlap first."""
    candidates = []
    for r, rule in enumerate(rules):
        for n, quote in enumerate(learned):
            overlap = _overlap(rule.fragments, quote.fragments)
            if overlap > 0:
                candidates.append((overlap, r, n))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_rules, used_learned, pairs = set(), set(), {}
    for _, r, n in candidates:
        if r not in used_rules and n not in used_learned:
            used_rules.add(r)
            used_learned.add(n)
            pairs[r] = n
    return pairs


def _mention_type(doc: Doc, mention: Span | None, root: int | None) -> str:
    if mention is None:
        return "none"
    if root is None or not 0 <= root < len(doc):
        span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None or not len(span):
            return "none"
        root = span.root.i
    token = doc[root]
    if token.pos_ == "PRON":
        return "pronoun"
    if token.pos_ == "PROPN" or token.ent_type_:
        return "name"
    return "description"


def _cue_lemma(doc: Doc, cue: Span | None) -> str | None:
    if cue is None:
        return None
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "NOUN")]
    return (verbs[-1] if verbs else span.root).lemma_.lower()


def _tokens(doc: Doc, fragments: Sequence[Span]) -> int:
    count = 0
    for a, b in fragments:
        span = doc.char_span(a, b, alignment_mode="expand")
        count += len(span) if span is not None else 1
    return count


def features(
    doc: Doc, attribution: Attribution, origin: str, rule_confidence: float | None, same: bool
) -> dict:
    return {
        "origin": origin,
        "rule_confidence": rule_confidence,
        "kind": attribution.kind,
        "cue_lemma": _cue_lemma(doc, attribution.cue),
        "mention_type": _mention_type(doc, attribution.mention, attribution.mention_root),
        "tokens": _tokens(doc, attribution.fragments),
        "fragments": len(attribution.fragments),
        "same_bounds": same,
    }


def _bounds(mode: str, rule: Attribution, quote: LearnedQuote) -> list[Span]:
    """The content's fragments: the rules', the learned model's, or the learned start / end
    on the rules' single fragment; never one that swallows the rules' cue or mention."""
    if mode == "learned":
        candidate = quote.fragments
    elif mode in ("learned_start", "learned_end") and len(rule.fragments) == 1:
        (start, end), learned = rule.fragments[0], quote.content
        if mode == "learned_start":
            start = learned[0] if learned[0] < end else start
        else:
            end = learned[1] if learned[1] > start else end
        candidate = [(start, end)]
    else:
        return rule.fragments
    if _touches(rule.cue, candidate) or _touches(rule.mention, candidate):
        return rule.fragments
    return candidate


def prior_confidence(origin: str, rule_confidence: float | None, has_cue: bool) -> float:
    """The confidence before (or without) calibration: agreement raises it."""
    if origin == "both":
        return min(1.0, (rule_confidence or 0.5) + 0.1)
    if origin == "rules":
        return max(0.0, (rule_confidence or 0.5) - 0.15)
    return 0.55 if has_cue else 0.35


def combine(
    doc: Doc,
    rules: Sequence[Attribution],
    learned: Sequence[LearnedQuote],
    *,
    settings: dict | None = None,
    calibrator: Callable[[dict], float] | None = None,
) -> list[Attribution]:
    """The attributions to resolve: rules and learned quotes merged (see the module doc)."""
    settings = {**DEFAULTS, **(settings or {})}
    text = doc.text
    pairs = _pairs(rules, learned)
    combined: list[tuple[Attribution, dict]] = []
    for r, rule in enumerate(rules):
        if r not in pairs:
            attribution = replace(rule)
            found = features(doc, attribution, "rules", rule.confidence, False)
            attribution.confidence = prior_confidence("rules", rule.confidence, bool(rule.cue))
            combined.append((attribution, found))
            continue
        quote = learned[pairs[r]]
        mode = settings["direct_bounds" if rule.kind == "direct" else "reported_bounds"]
        fragments = _bounds(mode, rule, quote)
        same = fragments == rule.fragments or quote.fragments == rule.fragments
        attribution = replace(
            rule,
            fragments=list(fragments),
            kind=rule.kind if fragments == rule.fragments else kind_of(text, fragments),
            cue=rule.cue or (quote.cue if not _touches(quote.cue, fragments) else None),
        )
        if attribution.mention is None and quote.mention and not _touches(quote.mention, fragments):
            attribution.mention, attribution.mention_root = quote.mention, quote.mention_root
        found = features(doc, attribution, "both", rule.confidence, same)
        attribution.confidence = prior_confidence("both", rule.confidence, bool(attribution.cue))
        combined.append((attribution, found))
    taken = [a.fragments for a, _ in combined]
    for n, quote in enumerate(learned):
        if n in pairs.values():
            continue
        if not settings["learned_only"]:
            break
        if settings["learned_only_needs_cue"] and quote.cue is None:
            continue
        if settings["learned_only_needs_source"] and quote.mention is None:
            continue
        if any(_overlap(quote.fragments, other) for other in taken):
            continue
        cue = quote.cue if not _touches(quote.cue, quote.fragments) else None
        mention = quote.mention if not _touches(quote.mention, quote.fragments) else None
        attribution = Attribution(
            kind=kind_of(text, quote.fragments),
            fragments=list(quote.fragments),
            cue=cue,
            mention=mention,
            confidence=prior_confidence("learned", None, cue is not None),
            mention_root=quote.mention_root if mention else None,
        )
        taken.append(attribution.fragments)
        combined.append((attribution, features(doc, attribution, "learned", None, False)))
    if calibrator is not None:
        for attribution, found in combined:
            attribution.confidence = calibrator(found)
    doc._.attribution_features = {tuple(sorted(a.fragments)): f for a, f in combined}
    combined.sort(key=lambda item: item[0].fragments)
    return [a for a, _ in combined]
