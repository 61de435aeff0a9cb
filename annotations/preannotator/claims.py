"""Claims: the clauses inside a quote's content that carry a checkable fact.

A clause is check-worthy when it holds a number, a quantity, a percentage, money, a precise
date or a comparison ("more than", "twice", "half of").
"""

from spacy.language import Language
from spacy.tokens import Doc, Token

FACT_LABELS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"}
FACT_WORDS = {
    "half",
    "twice",
    "double",
    "triple",
    "majority",
    "percent",
    "million",
    "billion",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "most",
    "least",
}
CLAUSE_BREAKS = {";", ":", "—", "–"}


# "one" as a pronoun or in an idiom counts nothing: "no one", "one at a time", "one another"
NOT_COUNTING_ONE_AFTER = {
    "no",
    "any",
    "every",
    "some",
    "each",
    "the",
    "this",
    "that",
    "which",
    "by",
}
NOT_COUNTING_ONE_BEFORE = {"at", "by", "another", "day", "way", "thing", "'s", "’s"}


def _is_fact(token: Token) -> bool:
    if token.ent_type_ == "ORDINAL" and token.pos_ == "ADV":
        return False  # sequence, not rank: "we should first repair the levees"
    if token.lower_ == "one":
        doc, i = token.doc, token.i
        if (i and doc[i - 1].lower_ in NOT_COUNTING_ONE_AFTER) or (
            i + 1 < len(doc) and doc[i + 1].lower_ in NOT_COUNTING_ONE_BEFORE
        ):
            return False
    if token.ent_type_ in FACT_LABELS or token.like_num or token.lower_ in FACT_WORDS:
        return True
    return (
        token.tag_ in {"JJR", "RBR"}
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].lower_ == "than"
    )


class ClaimFinder:
    """Pipeline component: fills ``claims`` on the attributions."""

    def __call__(self, doc: Doc) -> Doc:
        for attribution in doc._.attributions or []:
            claims = []
            for start, end in attribution.fragments:
                span = doc.char_span(start, end, alignment_mode="contract")
                if span is None:
                    continue
                clause: list[Token] = []
                has_fact = False
                for token in span:
                    breaks = token.text in CLAUSE_BREAKS or token.is_sent_start
                    purpose = (
                        token.lower_ == "to"
                        and token.dep_ == "aux"
                        and token.head.dep_ in {"advcl", "xcomp"}
                        and has_fact
                    )
                    if (breaks or purpose or (token.text == "," and has_fact)) and clause:
                        if has_fact:
                            claims.append(_bounds(clause))
                        clause, has_fact = [], False
                        if breaks or token.text == ",":
                            continue
                    if purpose:
                        continue
                    clause.append(token)
                    has_fact = has_fact or _is_fact(token)
                if clause and has_fact:
                    claims.append(_bounds(clause))
            attribution.claims = [c for c in claims if c[1] - c[0] > 3]
        return doc


def _bounds(tokens: list[Token]) -> tuple[int, int]:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_quote):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_quote):
        tokens = tokens[1:]
    if not tokens:
        return (0, 0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


@Language.factory("newsdesk_claims")
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder()
