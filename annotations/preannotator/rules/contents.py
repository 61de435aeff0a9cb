"""What was said: the clause a cue reports, cut to its edges (connectives, datelines, a
leading "that", a trailing aside) and split around a cue clause set inside it."""

import re

from spacy.tokens import Doc, Token

from ..lexicon import CueVerb, doc_text
from .tokens import DOUBLE_QUOTES, EDGE_PUNCT, QUOTE_CHARS, SUBJECTS, Span, chars, rights

# A dash setting off the writer's gloss at the end: "... in 2012 — a metaphor for ...".
TRAILING_DASH = re.compile(r"\s(?:—|―|--|–)\s")

TRAILING_CONJUNCTION = re.compile(r"[\s,;—–―-]+(?:and|or|but|nor)$", re.IGNORECASE)

# A sentence-initial conjunction or linking adverbial joins the writer's sentences: "But the
# plan ...", "In addition, ...", "As for the cost, ...", "Details aside, ...".
LEADING_CONNECTIVE = re.compile(
    r"(?:But|And|Yet)\s+|(?:However|Still|Meanwhile|Moreover|Also|Indeed|Instead|Nonetheless"
    r"|Nevertheless|Furthermore|Besides|Additionally|Likewise|Similarly|Thus|Therefore|Hence"
    r"|Consequently|Otherwise|Regardless|In addition|In fact|In turn|In return|In short"
    r"|In any case|Of course|On the other hand|At the same time"
    r"|For (?:its|his|her|their|our|my|your) part|As (?:for|to) [^,\n]{1,40}"
    r"|[A-Z][^,\s]*(?: [^,\s]+)? aside),\s+"
)

RELATIVE_ASIDES = frozenset({"which", "who"})

# A dateline is not part of what was said.
LEADING_WORDS = re.compile(r"[A-Z][A-Z .,]+\s*[―—–-]+\s+(?=\S)")

CONCESSIVE = {"although", "though"}


def within_paragraph(text: str, span: Span | None, anchor: int) -> Span | None:
    """``span`` cut to one paragraph: the one holding ``anchor`` (the cue), or the nearest.

    Reported speech never runs over a paragraph break (quotations do, and are found by
    their marks); the parser's sentences sometimes do."""
    if span is None or "\n" not in text[span[0] : span[1]]:
        return span
    pieces, start = [], span[0]
    for index in range(span[0], span[1]):
        if text[index] == "\n":
            if start < index:
                pieces.append((start, index))
            start = index + 1
    if start < span[1]:
        pieces.append((start, span[1]))
    best = min(
        pieces,
        key=lambda p: 0 if p[0] <= anchor <= p[1] else min(abs(anchor - p[0]), abs(anchor - p[1])),
    )
    return trim_content(text, *best)


def trim_content(text: str, start: int, end: int, complementiser: bool = True) -> Span | None:
    """``text[start:end]`` without edge punctuation, connectives, datelines and (with
    ``complementiser``) a leading "that"; None when nothing is left."""
    while start < end and (text[start] in EDGE_PUNCT and text[start] not in QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1] in EDGE_PUNCT and text[end - 1] not in QUOTE_CHARS):
        end -= 1
    dangling = TRAILING_CONJUNCTION.search(text, start, end)
    if dangling is not None and dangling.start() > start:
        end = dangling.start()  # "..., and" before the next clause: not part of what was said
        while end > start and text[end - 1] in EDGE_PUNCT and text[end - 1] not in QUOTE_CHARS:
            end -= 1
    dashes = list(TRAILING_DASH.finditer(text, start, end))
    if len(dashes) == 1 and dashes[0].start() > start:
        tail = text[dashes[0].end() : end]
        first_word = tail.split(maxsplit=1)[:1]
        gloss = not first_word or first_word[0].lower() in {"a", "an", "who", "which"}
        if gloss and not any(c in DOUBLE_QUOTES for c in tail):
            end = dashes[0].start()
    connective = LEADING_CONNECTIVE.match(text, start, end)
    if connective is not None and connective.end() < end:
        start = connective.end()  # "But ...", "In addition, ...": the writer's link
    if complementiser and text[start:end].lower().startswith("that "):
        start += 5
    lead = LEADING_WORDS.match(text, start, end)
    if lead is not None and lead.end() < end:
        start = lead.end()  # "WASHINGTON ― The plan ..."
    opening = text.count("“", start, end) + text.count('"', start, end)
    closing = text.count("”", start, end) + text.count('"', start, end)
    # A lone mark at an edge, whose partner lies outside the content, is dropped.
    if end > start and text[end - 1] in '”"' and opening == 0:
        end -= 1
    if end > start and text[start] in '“"' and closing == 0:
        start += 1
    return (start, end) if end - start > 1 else None


def content_span(
    doc: Doc,
    head: Token,
    exclude: tuple[int, int] | None = None,
    cue_verbs: dict[str, CueVerb] | None = None,
) -> Span | None:
    """Characters of the clause headed by ``head``: the complementiser "that" dropped,
    ``exclude`` (token bounds, e.g. "according to X") cut out, and a trailing coordinated
    cue ("..., and warned ...") left to its own attribution. "whether", "how", "if elected"
    are part of what was said."""
    first, last = head.left_edge.i, head.right_edge.i
    for child in rights(head):
        if (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and doc[child.left_edge.i - 1].text == ","
            and (cue_verbs is None or any(t.lemma_.lower() in cue_verbs for t in child.subtree))
        ):
            # ", citing ...", ", contradicting X who claimed ...": the reporter's aside
            last = min(last, child.left_edge.i - 2)
        elif (
            child.dep_ == "advcl"
            and doc[child.left_edge.i - 1].text == ","
            and child.left_edge.lower_ in CONCESSIVE
            and child.right_edge.i >= last
        ):
            last = min(last, child.left_edge.i - 2)  # ", although it may take days ..."
    if cue_verbs is not None:
        for child in rights(head):
            entry = cue_verbs.get(child.lemma_.lower()) if child.dep_ == "conj" else None
            if (
                entry is not None
                and (entry.tier == "speech" or any(g.dep_ == "ccomp" for g in child.children))
                and not alternative(head, child)
            ):
                cut = child.left_edge.i
                for sibling in rights(head):
                    if sibling.dep_ == "cc" and sibling.i < child.i:
                        cut = min(cut, sibling.i)
                last = min(last, cut - 1)
    if exclude is not None:
        ex_first, ex_last = exclude
        if ex_first <= first <= ex_last:
            first = ex_last + 1
        elif first < ex_first <= last:
            # keep the longer side of the clause around the excluded phrase
            if ex_first - first >= last - ex_last:
                last = ex_first - 1
            else:
                first = ex_last + 1
    if first > last:
        return None
    # "..., who owns the mill" describes a person named in the clause; "..., which ..." in
    # a reported clause is as often part of what was said as not.
    last = drop_trailing_relative(doc, first, last, {"who"})
    start, end = chars(doc, first, last)
    return trim_content(doc_text(doc), start, end)


def misparsed_subject(doc: Doc, verb: Token, comp: Token, content: Span) -> Span:
    """ "said retired tenants and students - local or not - would qualify": the parser
    made the clause's subject the cue's object and left the clause without one."""
    if comp.i < verb.i or any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in comp.children):
        return content
    obj = next((c for c in rights(verb) if c.dep_ == "dobj" and c.i < comp.i), None)
    if obj is None or obj.right_edge.i >= comp.left_edge.i or obj.left_edge.i != verb.i + 1:
        return content
    text = doc_text(doc)
    start = obj.left_edge.idx
    if "\n" in text[start : content[0]]:
        return content
    return trim_content(text, start, content[1]) or content


def relative_before(doc: Doc, start: int, head: Token) -> Token:
    """ "The levy falls on the ferry line, which was sold in May, according to
    X": a trailing "according to" after a relative clause set off by a comma or a dash
    sources that clause, not the sentence around it."""
    if start < 3 or doc[start - 1].text != ",":
        return head
    for token in [doc[start - 2], *doc[start - 2].ancestors]:
        if token == head or token.i >= start:
            break
        edge = token.left_edge.i
        if (
            (token.dep_ == "relcl" or doc[edge].lower_ in {"who", "which", "whom", "whose"})
            and token.dep_ in {"relcl", "advcl"}
            and token.right_edge.i in {start - 2, start - 1}
            and edge > 0
            and doc[edge - 1].text in {",", "-", "--", "—", "–"}
        ):
            return token
    return head


def alternative(head: Token, conj: Token) -> bool:
    """ "declined to warn the contractor or declare it at fault", "why A or why it was
    mentioned": a verb joined by "or" / "nor" is one more choice inside what was said,
    not a second report of its own."""
    before = head.doc[conj.left_edge.i - 1]
    return before.dep_ == "cc" and before.lower_ in {"or", "nor"} and before.i > head.i


def drop_trailing_relative(
    doc: Doc, first: int, last: int, pronouns: frozenset[str] | set[str] = RELATIVE_ASIDES
) -> int:
    """ "the cost of the flood barrier, which makes her a lone voice": a relative clause set
    off by a comma at the end of the content is the reporter's aside, not what was said."""
    for token in doc[first + 2 : last + 1]:
        if (
            token.lower_ in pronouns
            and doc[token.i - 1].text == ","
            and token.head.dep_ == "relcl"
            and token.head.right_edge.i >= last
            and not any(c in QUOTE_CHARS for c in doc[token.i : last + 1].text)
        ):
            return token.i - 2
    return last


def trailing_content(doc: Doc, cue: Token, subject: Token) -> Span | None:
    """The content before a trailing cue clause: "..., NBC News reported." / "..., said X."

    The small parser attaches such clauses anywhere, so the pattern is read off the surface:
    the cue clause follows a comma (or a closing mark) inside the sentence and ends it.
    """
    sent = cue.sent
    first = min(subject.left_edge.i, cue.i)
    last = max(subject.right_edge.i, cue.i)
    if first <= sent.start + 1 or doc[first - 1].text not in {",", "”", '"'}:
        return None
    after = next((t for t in doc[last + 1 : sent.end] if t.text not in {",", ":"}), None)
    if after is not None and after.text in QUOTE_CHARS and after.i > last + 1:
        return None  # "Asked about it, X said, “...”": the cue introduces the quotation
    tail = 0
    for token in doc[last + 1 : sent.end]:
        if token.is_punct or token.is_space:
            break
        tail += 1
    if tail > 6:
        return None
    start = sent.start
    leading = doc[start : min(start + 5, first)]
    comma = next((t.i for t in leading if t.text == ","), None)
    if comma is not None and doc[start].pos_ in {"ADV", "ADP", "CCONJ"}:
        start = comma + 1
    if start >= first - 1:
        return None
    begin, end = chars(doc, start, first - 1)
    return trim_content(doc_text(doc), begin, end)


def from_sentence_start(doc: Doc, comp: Token, content: Span | None) -> Span | None:
    """A clause reported before its cue runs from the sentence start, whatever the parser
    kept of it: "A was planned, but B happened, X said." reports both halves."""
    if content is None:
        return None
    start = comp.sent.start
    while start < comp.left_edge.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    leading = doc[start : min(start + 5, comp.left_edge.i)]
    comma = next((t.i for t in leading if t.text == ","), None)
    if comma is not None and doc[start].pos_ in {"ADV", "ADP", "CCONJ", "SCONJ"}:
        start = comma + 1
    if start >= comp.left_edge.i or doc[start].idx >= content[0]:
        return content
    if "\n" in doc_text(doc)[doc[start].idx : content[0]]:
        return content
    trimmed = trim_content(doc_text(doc), doc[start].idx, content[1])
    return trimmed or content


INSERTED_TAIL = {"prt", "advmod", "npadvmod", "prep", "dative", "dobj"}  # "he told me"


def inserted_clause(doc: Doc, cue: Token, subject: Token) -> tuple[int, int] | None:
    """Token bounds of a cue clause set off by commas inside the sentence it reports:
    "..., Mr. Clarke often said on Tuesday, ..." / "..., as one adviser pointed out, ...".
    The bounds include a leading "as" but not the commas."""
    sent = cue.sent
    first = min(subject.left_edge.i, cue.i)
    last = max(subject.right_edge.i, cue.i)
    for child in sorted(rights(cue), key=lambda c: c.i):
        if child.dep_ in INSERTED_TAIL and child.left_edge.i == last + 1:
            if child.right_edge.i - cue.i > 8:
                break
            last = child.right_edge.i  # "said on Tuesday", "pointed out"
    if doc[first - 1].lower_ == "as" and first - 1 > sent.start:
        first -= 1
    if first <= sent.start + 1 or last + 2 >= sent.end:
        return None
    if doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    return first, last


def parenthetical_content(doc: Doc, cue: Token, subject: Token) -> Span | None:
    """ "Too often, Ms. Ortiz said, the fare review is ...": the cue clause set off by commas
    inside the reported sentence. The content's outer bounds hold the cue; the quote's
    fragments are cut around it (``inserted_clause``) by ``split_around``."""
    bounds = inserted_clause(doc, cue, subject)
    if bounds is None:
        return None
    sent = cue.sent
    rest = doc[bounds[1] + 2 : sent.end]
    gerund_subject = rest[0].dep_ in SUBJECTS  # "..., he said, replacing her would be ..."
    if (rest[0].tag_ == "VBG" and not gerund_subject) or not any(
        t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in rest
    ):
        return None  # "..., NBC News reported, citing officials": a trailing cue
    start, end = chars(doc, sent.start, sent.end - 1)
    return trim_content(doc_text(doc), start, end)


def split_around(content: Span, holes: list[Span], text: str) -> list[Span]:
    """``content`` as fragments around ``holes`` (the cue clause), trimmed."""
    fragments, start = [], content[0]
    for hole_start, hole_end in sorted(holes):
        if start < hole_start:
            fragments.append((start, hole_start))
        start = max(start, hole_end)
    if start < content[1]:
        fragments.append((start, content[1]))
    trimmed = [trim_content(text, a, b) for a, b in fragments]
    return [f for f in trimmed if f is not None]
