"""Direct quotations found by their quotation marks, with character offsets.

A quotation is one or more fragments of text between marks. Two newsroom conventions give
several fragments: a quote that runs over paragraphs opens every paragraph with a mark and
closes only at the end, and an interrupted quote ("“A,” he said, “B.”") is joined later by
the attribution component, which knows where the cue is.
"""

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import doc_text, lexicon

Span = tuple[int, int]

SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"


@dataclass
class Quotation:
    fragments: list[Span]  # inside the marks, whitespace trimmed
    marks: list[Span] = field(default_factory=list)  # outer bounds, marks included

    @property
    def start(self) -> int:
        return self.marks[0][0]

    @property
    def end(self) -> int:
        return self.marks[-1][1]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_end(text: str, start: int) -> int:
    newline = text.find("\n", start)
    return len(text) if newline == -1 else newline


def _opens_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def find_quotations(text: str) -> list[Quotation]:
    """Every stretch of text in double quotation marks (and top-level curly single marks).

    Linear in the text: one regular-expression pass over the marks. Straight marks take their
    side from the surrounding characters; an opening mark at the start of a paragraph while a
    quote is still open continues that quote (the multi-paragraph convention).
    """
    lex = lexicon()
    marks = "".join(sorted(lex.opening_marks | lex.closing_marks | {SINGLE_OPEN, SINGLE_CLOSE}))
    pattern = re.compile(f"''|[{re.escape(marks)}]")  # '' is a straight double mark (NYT)
    quotations: list[Quotation] = []
    fragments: list[Span] = []
    outer: list[Span] = []
    open_at: int | None = None
    single = False  # the open quote uses curly single marks
    width = 1  # of the open quote's mark
    for match in pattern.finditer(text):
        pos, mark = match.start(), match.group()
        before = text[pos - 1] if pos else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if mark == "''":
            mark = '"'
            if open_at is not None and not single and width == 1 and text[open_at] == '"':
                continue  # a '' pair never closes a " quote
        if mark in (SINGLE_OPEN, SINGLE_CLOSE):
            if open_at is None and mark == SINGLE_OPEN and not before.isalnum():
                open_at, single = pos, True
            elif open_at is not None and single and mark == SINGLE_CLOSE:
                if after.isalpha():
                    continue  # an apostrophe: “it’s”
                if "\n" not in text[open_at:pos]:
                    quotations.append(_close(text, fragments, outer, open_at, pos))
                fragments, outer, open_at, single = [], [], None, False
            continue
        straight = mark in lex.opening_marks and mark in lex.closing_marks
        if straight:
            is_open = open_at is None or single or (before.isspace() and not after.isspace())
            if open_at is not None and not single and "\n" not in text[open_at:pos]:
                is_open = False
        else:
            is_open = mark in lex.opening_marks
        if is_open:
            if open_at is not None and not single and "\n" in text[open_at:pos]:
                if _opens_paragraph(text, pos):
                    # The paragraph ended inside the quote and this one reopens it.
                    end = _paragraph_end(text, open_at)
                    fragments.append(_trim(text, open_at + width, end))
                    outer.append((open_at, _trim(text, open_at, end)[1]))
                else:
                    fragments, outer = [], []
            elif open_at is not None and not single:
                fragments, outer = [], []  # a stray unclosed mark: start again here
            open_at, single, width = pos, False, len(match.group())
        elif open_at is not None and not single:
            if "\n" in text[open_at:pos]:
                # Closed in a later paragraph that did not reopen: keep the last paragraph.
                fragments, outer = [], []
                open_at = text.rfind("\n", 0, pos) + 1
                if not text[open_at:pos].strip():
                    open_at = None
                    continue
                open_at -= 1
                width = 1
            quotations.append(_close(text, fragments, outer, open_at, pos, width, match.end()))
            fragments, outer, open_at = [], [], None
    return [q for q in quotations if q.fragments]


def _close(
    text: str,
    fragments: list[Span],
    outer: list[Span],
    open_at: int,
    close_at: int,
    width: int = 1,
    close_end: int | None = None,
) -> Quotation:
    inner = _trim(text, open_at + width, close_at)
    frags = [f for f in [*fragments, inner] if f[0] < f[1]]
    end = close_end if close_end is not None else close_at + 1
    return Quotation(fragments=frags, marks=[*outer, (open_at, end)])


Doc.set_extension("quotations", default=None, force=True)


class QuotationFinder:
    """Pipeline component: ``doc._.quotations``, the quotations found by their marks."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotations = find_quotations(doc_text(doc))
        return doc


@Language.factory("newsdesk_quotations")
def make_quotation_finder(nlp: Language, name: str) -> QuotationFinder:
    return QuotationFinder()
