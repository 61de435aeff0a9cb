"""Token and character helpers shared by the attribution rules: spans, punctuation, children."""

import re

from spacy.tokens import Doc, Token

Span = tuple[int, int]

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}

BREAKING_PUNCT = {",", "(", ")", "—", "–", "―", ";", ":", "[", "]", "--"}

QUOTE_CHARS = '“”"‘’«»'

DOUBLE_QUOTES = '“”"«»'  # not the apostrophe

EDGE_PUNCT = ".,;:!?—–―-…•·*()[] \n\t\xa0"

DASHES = {"―", "—"}

STRAIGHT_QUOTES = {'"', "''", "``"}

SENTENCE_BREAK = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)"
    r"(?<!\bSt)(?<!\bJr)(?<!\bLt)(?<!\bCol)(?<!\bNo)(?<!\b[A-Z])[.?!]\s"
)


def sentence_break(text: str) -> bool:
    """Whether ``text`` holds the end of a sentence ("Mr. Bush" does not)."""
    return SENTENCE_BREAK.search(text) is not None


def lefts(token: Token) -> list[Token]:
    # Token.rights walks the whole subtree in spaCy 3.8; children is cheap.
    return [c for c in token.children if c.i < token.i]


def rights(token: Token) -> list[Token]:
    return [c for c in token.children if c.i > token.i]


def chars(doc: Doc, first: int, last: int) -> Span:
    """Character bounds of tokens ``first..last`` (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last])


def paragraph_end_char(text: str, start: int) -> int:
    newline = text.find("\n", start)
    return len(text) if newline == -1 else newline
