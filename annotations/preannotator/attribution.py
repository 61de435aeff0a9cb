"""The ``newsdesk_attributions`` component: cue, speaker mention and content of every
attribution, from the parse and the quotations.

The rules live in ``rules/``, one module per step, in the order this component runs them:

1. ``rules/cues.py`` finds the cues (the verbs of ``data/cue_verbs.txt`` and the phrases of
   ``data/cue_phrases.txt``; ``rules/nominal_cues.py`` "according to" and reporting nouns;
   ``rules/signed_quotes.py`` lines signed with a dash or a colon). The dependency parse gives
   each cue its speaker (``rules/mentions.py``) and what was said (``rules/complements.py``,
   cut to its edges by ``rules/contents.py``).
2. ``rules/quotes.py`` ties the quotations found by their marks to the reported speech around
   them (a mixed quote) or to the cue beside them (a direct quote, joined across an
   interruption). A quotation tied to neither is a scare quote, a title or a name, and yields
   nothing.
3. ``rules/reported.py`` proposes the indirect (and mixed) reported speech left over.

Each step leaves ``rules/records.py``'s ``Cue`` and ``Attribution`` records; speakers and
claims are resolved by the components after this one.
"""

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .lexicon import doc_text, lexicon
from .quotation import Quotation
from .rules.complements import ComplementReader
from .rules.cues import CueFinder
from .rules.nominal_cues import NominalCues
from .rules.quotes import QuoteAttacher
from .rules.records import Attribution
from .rules.reported import ReportedSpeech
from .rules.signed_quotes import SignedQuotes


def _spans_overlap(attribution: Attribution) -> bool:
    """Whether the cue or the speaker mention lies inside what was said, or the two overlap:
    a misparse (a headline's "Union rejects ‘final’ pay offer" read as "..., union offer"),
    and spans that ``annotations.spans.validate_spans`` would refuse to store."""
    cue, mention = attribution.cue, attribution.mention
    if cue and mention and cue[0] < mention[1] and mention[0] < cue[1]:
        return True
    return any(
        span is not None and start < span[1] and span[0] < end
        for span in (cue, mention)
        for start, end in attribution.fragments
    )


class AttributionFinder(
    CueFinder, NominalCues, SignedQuotes, ComplementReader, QuoteAttacher, ReportedSpeech
):
    """Pipeline component: ``doc._.attributions``, unresolved attributions in text order."""

    def __init__(self, nlp: Language) -> None:
        lex = lexicon()
        self.cue_verbs = lex.cue_verbs
        self.sources = lex.anonymous_nouns | set(lex.descriptions)
        self.nominal_cues = lex.nominal_cues
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases.add("CUE", [nlp.make_doc(" ".join(p)) for p in lex.cue_phrases])

    def __call__(self, doc: Doc) -> Doc:
        cues = self.find_cues(doc)
        quotations: list[Quotation] = doc._.quotations or []
        mixed = self.enclosing_speech(doc, cues, quotations)
        attributions = self.attach_quotations(doc, cues, quotations, mixed)
        attributions += self.reported_speech(doc, cues, quotations, mixed)
        self.continue_mixed_quotes(doc_text(doc), cues, quotations, attributions)
        attributions = [a for a in attributions if not _spans_overlap(a)]
        attributions.sort(key=lambda a: a.fragments[0])
        doc._.attributions = attributions
        return doc


Doc.set_extension("attributions", default=None, force=True)


@Language.factory("newsdesk_attributions")
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp)
