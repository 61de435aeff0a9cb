"""What the attribution rules produce: a ``Cue`` (a reporting verb, noun or mark with its source
and content, before quotations are tied to it) and an ``Attribution`` (a proposal before
speaker resolution), with the confidence each starts from."""

from dataclasses import dataclass, field

from spacy.tokens import Token

from .tokens import Span

# Base confidence by the cue's tier and how its content was found; calibrated on dev data.
TIER_CONFIDENCE = {"speech": 0.8, "report": 0.65, "attitude": 0.45, "unlisted": 0.4, "act": 0.4}

# Stances and acts ("act": "imposed sanctions", "voted against the bill") report what a source
# holds or does, not its words: a quotation they take is less sure than a quote of speech.
HELD_TIERS = {"attitude", "act"}

ACT_QUOTE_CONFIDENCE = 0.45

COMPLEMENT_PENALTY = {
    "clause": 0.0,
    "according": 0.0,
    "as": 0.05,
    "trailing": 0.0,
    "to": 0.1,
    "object": 0.15,
    "prep": 0.1,
    "nominal": 0.05,
}


@dataclass
class Attribution:
    kind: str
    fragments: list[Span]
    cue: Span | None
    mention: Span | None
    confidence: float
    mention_root: int | None = None  # token index of the mention's head
    speaker_name: str | None = None
    speaker_kind: str | None = None
    claims: list[Span] = field(default_factory=list)
    speaker_antecedent: Span | None = None  # where the speaker is named, if not in the mention

    @property
    def content(self) -> Span:
        return self.fragments[0][0], self.fragments[-1][1]


@dataclass
class Cue:
    span: Span
    verb: Token
    mention: Span | None
    mention_root: Token | None
    content: Span | None
    tier: str = "speech"
    complement: str = "clause"
    used: bool = False
    passive: bool = False  # "was accused of ...": no source in the sentence
    asked: bool = False  # "Asked about ..., she said": the asker goes unnamed
    about: Span | None = None  # "X was accused of Y": X, the first part of the content
    hole: Span | None = None  # cut out of the content ("it | is considered | a threat")

    @property
    def confidence(self) -> float:
        base = TIER_CONFIDENCE[self.tier] - COMPLEMENT_PENALTY.get(self.complement, 0.1)
        if self.mention is None:
            return base - 0.2
        if self.mention_root is not None and self.mention_root.pos_ == "PRON":
            return base - 0.05  # the source is only as good as the pronoun's resolution
        return base

    def attribution(self, kind: str, fragments: list[Span], confidence: float) -> Attribution:
        root = self.mention_root.i if self.mention_root is not None else None
        return Attribution(kind, fragments, self.span, self.mention, confidence, root)
