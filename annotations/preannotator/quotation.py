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
SINGLE_CLOSING = re.compile(r"’(?![^\W\d_])")  # not an apostrophe inside a word ("it’s")


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


# the end of a sentence right before a mark that opens another: '... achieved. "He'
SENTENCE_END = re.compile(r"[.?!]\s+\Z")


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
    side from the state; a quote of the other style inside an open one is nested and skipped;
    an opening mark at the start of a paragraph while a quote is still open continues that
    quote (the multi-paragraph convention).
    """
    lex = lexicon()
    marks = "".join(sorted(lex.opening_marks | lex.closing_marks | {SINGLE_OPEN, SINGLE_CLOSE}))
    pattern = re.compile(f"''|[{re.escape(marks)}]")  # '' is a straight double mark (NYT)
    quotations: list[Quotation] = []
    fragments: list[Span] = []
    outer: list[Span] = []
    open_at: int | None = None
    width = 1  # of the open quote's mark
    style = ""  # "straight" or "curly", of the open quote
    single = False  # the open quote uses curly single marks
    nested = False  # inside a quote of the other style within the open one
    for match in pattern.finditer(text):
        pos, mark = match.start(), match.group()
        before = text[pos - 1] if pos else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if mark in (SINGLE_OPEN, SINGLE_CLOSE):
            if open_at is None and mark == SINGLE_OPEN and not before.isalnum():
                open_at, single, width = pos, True, 1
            elif open_at is not None and single and mark == SINGLE_CLOSE:
                if after.isalpha():
                    continue  # an apostrophe: “it’s”
                if "\n" not in text[open_at:pos]:
                    quotations.append(_close(text, [], [], open_at, pos))
                open_at, single = None, False
            continue
        straight = mark == "''" or (mark in lex.opening_marks and mark in lex.closing_marks)
        mark_style = "straight" if straight else "curly"
        opening = straight or mark in lex.opening_marks
        closing = straight or mark in lex.closing_marks
        if single and open_at is not None:
            if SINGLE_CLOSING.search(text, match.end(), _paragraph_end(text, pos)):
                continue  # British style: ‘They say “take it or leave it”. We are not.’
            open_at, single = None, False  # a double mark inside ‘...’: it was an apostrophe
        if open_at is None:
            if not opening and not (after.isalpha() and not before.isalnum()):
                continue  # a stray closing mark (or ” typed for “ before a word)
            if straight and after.isspace():
                continue  # '"  Climate change ...': a stray mark, nothing opens with a space
            open_at, width, style, nested = pos, len(mark), mark_style, False
            continue
        if "\n" in text[open_at:pos]:
            if opening and _opens_paragraph(text, pos) and not (closing and not straight):
                # The paragraph ended inside the quote and this one reopens it.
                end = _paragraph_end(text, open_at)
                fragments.append(_trim(text, open_at + width, end))
                outer.append((open_at, _trim(text, open_at, end)[1]))
                open_at, width, style, nested = pos, len(mark), mark_style, False
                continue
            if closing and not nested and not (straight and before.isspace()):
                # Closed in a later paragraph that did not reopen: keep the last paragraph.
                line_start = text.rfind("\n", 0, pos) + 1
                fragments, outer = [], []
                if text[line_start:pos].strip():
                    quotations.append(_close(text, [], [], line_start - 1, pos, 1, match.end()))
                open_at = None
                continue
            fragments, outer = [], []
            open_at, width, style, nested = pos, len(mark), mark_style, False
            continue
        if mark_style != style:
            rest = text[match.end() : _paragraph_end(text, pos)]
            partner = '"' in rest or "''" in rest if style == "straight" else "”" in rest
            if partner:
                # A quote of the other style inside the open one: “... "no" ...”
                nested = not nested if straight else opening and not closing
                continue
            if not closing or nested:
                # The open mark has no partner in its paragraph: it was stray.
                fragments, outer = [], []
                open_at, width, style, nested = pos, len(mark), mark_style, False
                continue
            # else mismatched marks (“no evidence"): this one closes the quote
        if closing and not (straight and before.isspace() and not after.isspace()):
            quotations.append(_close(text, fragments, outer, open_at, pos, width, match.end()))
            fragments, outer, open_at = [], [], None
        elif (
            straight
            and style == "straight"
            and SENTENCE_END.search(text, open_at, pos)
            # no mark between, as a closing mark of the other style would be ('"Trump
            # doesn't understand,” said Daniel Benjamin. "He is ignorant."')
            and not pattern.search(text, open_at + width, pos)
        ):
            # '"Jimmy was fantastic. "He worked through the coaches."': a paragraph of a
            # quote that ran over several, with the line breaks lost; the quote goes on
            fragments.append(_trim(text, open_at + width, pos))
            outer.append((open_at, _trim(text, open_at, pos)[1]))
            open_at, width, nested = pos, len(mark), False
        else:
            fragments, outer = [], []  # a stray unclosed mark: start again here
            open_at, width, style, nested = pos, len(mark), mark_style, False
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
