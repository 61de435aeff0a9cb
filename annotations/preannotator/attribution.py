"""Attributions: cue, speaker mention and content, from the parse and the quotations.

One pass over the tokens finds the cues (the verbs of ``data/cue_verbs.txt`` and the phrases
of ``data/cue_phrases.txt``); the dependency parse gives each cue its speaker (the subject)
and what was said (the complement the verb's entry allows, or the clause that "according to"
modifies, or the clause before a trailing "..., X said."). Quotations found by their marks are
then tied to the reported speech around them (a mixed quote) or to the cue beside them (a
direct quote, joined across an interruption). A quotation tied to neither is a scare quote,
a title or a name, and yields nothing.
"""

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from .lexicon import CueVerb, doc_text, lexicon
from .quotation import Quotation

Span = tuple[int, int]

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
BREAKING_PUNCT = {",", "(", ")", "—", "–", "―", ";", ":", "[", "]", "--"}
PREPOSITIONS = {"for", "about", "against", "of", "on"}
# "By his own admission", "In her view", "in his eyes": the possessor holds the clause
VIEWPOINT_NOUNS = {"admission", "view", "opinion", "word", "eye", "estimate", "estimation"}
# "the mayor's criticism of ...", "her doubts about ...": what a noun is about.
NOUN_PREPS = PREPOSITIONS | {"over"}
# Plans, aims and offers: "his bid for the seat" names what is sought, not what is held.
AIM_NOUNS = {
    "bid",
    "push",
    "order",
    "offer",
    "invitation",
    "goal",
    "aim",
    "plan",
    "decision",
    "agreement",
    "proposal",
    "call",
    "appeal",
    "plea",
    "request",
    "demand",
    "wish",
    "desire",
    "intent",
    "intention",
    "commitment",
    "promise",
    "pledge",
    "vow",
    "threat",
    "refusal",
    "resolve",
}
# "defended it by saying ...": the subject says it; "praised him for saying ...": the object.
SUBJECT_CONTROL_PREPS = {"by", "after", "before", "while", "without", "in", "when"}
OBJECT_TAIL = {"prep", "oprd", "xcomp", "ccomp", "advmod", "npadvmod", "acomp", "dative"}
OBJECT_PREPS = {"as", "of"}  # "rated the claim as false", "accused the board of hiding ..."
# "responded to requests ...", "is opposed to the deal"
PREP_TO = {"point", "respond", "refer", "allude", "object", "oppose", "opposed"}
QUOTE_CHARS = '“”"‘’«»'
DOUBLE_QUOTES = '“”"«»'  # not the apostrophe
EDGE_PUNCT = ".,;:!?—–―-…•·*()[] \n\t\xa0"
DASHES = {"―", "—"}
# Where something is said: "said at a news conference announcing that ..."
SPEAKING_OCCASIONS = {"conference", "briefing", "rally", "hearing", "event", "appearance"}
# Labels opening a line of the newsroom's own notes, not speakers ("CORRECTION: ...").
EDITORIAL_LABELS = {
    "correction",
    "clarification",
    "update",
    "updated",
    "editor",
    "note",
    "related",
    "watch",
    "read",
    "photo",
    "photos",
    "video",
    "listen",
    "see",
    "breaking",
    "exclusive",
    "live",
}
GAP_CONJUNCTION = re.compile(r"(?:^|\s)(?:but|and)$")
SUBORDINATORS = {"as", "while", "because", "since", "after", "before", "until", "though"}
SPEECH_PARTICIPLES = {"add", "argue", "cite", "explain", "note", "say", "stress", "warn"}
PRECONJUNCTIONS = {"both", "either", "neither"}  # "Both X and Y", not "Both parties"
LEADING_ARTICLE = re.compile(r"(?:^|\s)((?:a|an|the|A|An|The) )$")
TITLE_SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"}
STRAIGHT_QUOTES = {'"', "''", "``"}
# "led X to fear ...", "forced X to admit ...": the object of these verbs does what the
# infinitive says, not their subject.
OBJECT_CONTROL = {
    "lead",
    "force",
    "prompt",
    "cause",
    "push",
    "leave",
    "get",
    "drive",
    "compel",
    "spur",
    "inspire",
    "move",
}
IMPERSONAL = {"it", "this", "that", "there", "what", "which", "these", "those"}
PERSONAL_PRONOUNS = {"he", "she", "they", "we", "i", "it"}
RELATIVE_WORDS = {"that", "which", "who", "whom", "what"}
UNLISTED = CueVerb("unlisted", ("clause",))
# "cited a poll" reports what the poll says; "..., citing officials" / "cited four officials"
# names the evidence behind a report, not something said.
EVIDENCE_VERBS = {"cite"}
# Their object is only what is said when it carries a description ("called Ruiz a
# “champion”", "echoed the senator's warning"): a bare name is who was spoken of.
NAMING_VERBS = {"echo", "brand", "call", "label", "dub", "term", "describe", "repeat", "quote"}
# "voted against the bill" takes a stand; "voted for Ruiz" names a candidate.
VOTING_VERBS = {"vote", "campaign", "rally"}
COPULAS = {"be", "feel", "remain", "seem", "appear", "become", "grow", "sound"}
NOT_CUES = {"be", "have", "do", "make", "mean", "ensure", "seem", "appear", "prove", "turn"}

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
# "an official who asked not to be named": the newsroom's anonymity formula, not a statement
ANONYMITY = re.compile(
    r"(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+anonymous"
    r"|(?:the\s+)?condition\s+(?:of|that)\s+(?:anonymity|they|he|she)|anonymity)\b",
    re.IGNORECASE,
)
# "... because he was not authorized to speak publicly": the same formula's other half
AUTHORIZING_VERBS = frozenset({"authorize", "authorise", "permit", "allow", "clear"})
TO_SPEAK = re.compile(r"to\s+(?:speak|talk|comment|discuss|be\s+quoted)\b", re.IGNORECASE)
SENTENCE_BREAK = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)"
    r"(?<!\bSt)(?<!\bJr)(?<!\bLt)(?<!\bCol)(?<!\bNo)(?<!\b[A-Z])[.?!]\s"
)


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
    return _trim_content(text, *best)


def sentence_break(text: str) -> bool:
    """Whether ``text`` holds the end of a sentence ("Mr. Bush" does not)."""
    return SENTENCE_BREAK.search(text) is not None


def _lefts(token: Token) -> list[Token]:
    # Token.rights walks the whole subtree in spaCy 3.8; children is cheap.
    return [c for c in token.children if c.i < token.i]


def _rights(token: Token) -> list[Token]:
    return [c for c in token.children if c.i > token.i]


def _chars(doc: Doc, first: int, last: int) -> Span:
    """Character bounds of tokens ``first..last`` (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last])


def _trim_content(text: str, start: int, end: int, complementiser: bool = True) -> Span | None:
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


def _set_off(child: Token) -> bool:
    """Whether a phrase is set off by punctuation: "Ruiz, a journalist" (an appositive),
    unlike "the journalist Ana Ruiz" or "candidates Ruiz and Holt" (one name)."""
    edge = child.left_edge.i
    return edge > 0 and child.doc[edge - 1].is_punct


def _bracketed(child: Token) -> bool:
    """A bracket, or a phrase inside brackets: "(D-Mont.)"."""
    doc = child.doc
    edge = child.left_edge.i
    return child.text in {"(", ")"} or (edge > 0 and doc[edge - 1].text == "(")


def mention_span(token: Token) -> tuple[int, int]:
    """Token bounds of the speaker mention headed by ``token``: its subtree minus appositives
    set off by punctuation, what follows a comma ("Rachel Lee, a senior fellow ..."), a time
    phrase ("in 2015"), and a leading focus word ("Even China", "Both X and Y")."""
    first, last = token.left_edge.i, token.right_edge.i
    doc = token.doc
    joined = [c for c in _rights(token) if c.dep_ == "conj"]
    if any(c.text == "," for c in _rights(token)):
        joined = []  # a list with commas keeps its first name: "X (D), Y (R) and Z"
    for child in _rights(token):
        if joined and child.i < joined[-1].i and _bracketed(child):
            continue  # "Sens. Ana Ruiz (D-Ore.) and Tom Holt (R-Ohio)": both speak
        if (
            (child.dep_ == "advcl" or child.dep_ == "appos" and _set_off(child))
            or (child.dep_ == "punct" and child.text in BREAKING_PUNCT)
            or (child.dep_ == "prep" and token.ent_type_ == "PERSON" and child.lower_ != "of")
            or (child.dep_ == "prep" and _of_time(child))
        ):
            last = min(last, child.left_edge.i - 1)
            break
    for child in _lefts(token):
        if child.dep_ == "punct" and child.text in BREAKING_PUNCT:
            first = max(first, child.i + 1)
    for i in range(first, last + 1):
        spaced_dash = doc[i].text in {"-", "--", "—", "―"} and bool(doc[i - 1].whitespace_)
        if "\n" in doc[i].text_with_ws or ((doc[i].text == ":" or spaced_dash) and i < token.i):
            # A mention never runs over a paragraph break or a headline's colon.
            if i < token.i:
                first = i + 1
            else:
                last = i
                break
    while last > first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        if doc[last].text == ")" and joined and "(" in doc[first:last].text:
            break  # "... and Tom Holt (R-Ohio)" keeps its bracket
        last -= 1
    while first < last and (
        doc[first].is_punct
        or doc[first].is_space
        or doc[first].dep_ in {"cc", "preconj"}
        or (doc[first].lower_ in PRECONJUNCTIONS and any(t.dep_ == "cc" for t in doc[first:last]))
        or (doc[first].dep_ == "advmod" and doc[first].head.i == token.i)
    ):
        first += 1  # "Both X and Y", "Even China"
    return first, last


def _of_time(prep: Token) -> bool:
    """ "A panel of engineers in 2019 wrote ...": a time phrase is no part of the source."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


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
    for child in _rights(head):
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
        for child in _rights(head):
            entry = cue_verbs.get(child.lemma_.lower()) if child.dep_ == "conj" else None
            if (
                entry is not None
                and (entry.tier == "speech" or any(g.dep_ == "ccomp" for g in child.children))
                and not _alternative(head, child)
            ):
                cut = child.left_edge.i
                for sibling in _rights(head):
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
    last = _drop_trailing_relative(doc, first, last, {"who"})
    start, end = _chars(doc, first, last)
    return _trim_content(doc_text(doc), start, end)


def _misparsed_subject(doc: Doc, verb: Token, comp: Token, content: Span) -> Span:
    """ "said retired tenants and students - local or not - would qualify": the parser
    made the clause's subject the cue's object and left the clause without one."""
    if comp.i < verb.i or any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in comp.children):
        return content
    obj = next((c for c in _rights(verb) if c.dep_ == "dobj" and c.i < comp.i), None)
    if obj is None or obj.right_edge.i >= comp.left_edge.i or obj.left_edge.i != verb.i + 1:
        return content
    text = doc_text(doc)
    start = obj.left_edge.idx
    if "\n" in text[start : content[0]]:
        return content
    return _trim_content(text, start, content[1]) or content


def _relative_before(doc: Doc, start: int, head: Token) -> Token:
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


def _alternative(head: Token, conj: Token) -> bool:
    """ "declined to warn the contractor or declare it at fault", "why A or why it was
    mentioned": a verb joined by "or" / "nor" is one more choice inside what was said,
    not a second report of its own."""
    before = head.doc[conj.left_edge.i - 1]
    return before.dep_ == "cc" and before.lower_ in {"or", "nor"} and before.i > head.i


def _drop_trailing_relative(
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
    begin, end = _chars(doc, start, first - 1)
    return _trim_content(doc_text(doc), begin, end)


def _from_sentence_start(doc: Doc, comp: Token, content: Span | None) -> Span | None:
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
    trimmed = _trim_content(doc_text(doc), doc[start].idx, content[1])
    return trimmed or content


INSERTED_TAIL = {"prt", "advmod", "npadvmod", "prep", "dative", "dobj"}  # "he told me"


def inserted_clause(doc: Doc, cue: Token, subject: Token) -> tuple[int, int] | None:
    """Token bounds of a cue clause set off by commas inside the sentence it reports:
    "..., Mr. Clarke often said on Tuesday, ..." / "..., as one adviser pointed out, ...".
    The bounds include a leading "as" but not the commas."""
    sent = cue.sent
    first = min(subject.left_edge.i, cue.i)
    last = max(subject.right_edge.i, cue.i)
    for child in sorted(_rights(cue), key=lambda c: c.i):
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
    start, end = _chars(doc, sent.start, sent.end - 1)
    return _trim_content(doc_text(doc), start, end)


def split_around(content: Span, holes: list[Span], text: str) -> list[Span]:
    """``content`` as fragments around ``holes`` (the cue clause), trimmed."""
    fragments, start = [], content[0]
    for hole_start, hole_end in sorted(holes):
        if start < hole_start:
            fragments.append((start, hole_start))
        start = max(start, hole_end)
    if start < content[1]:
        fragments.append((start, content[1]))
    trimmed = [_trim_content(text, a, b) for a, b in fragments]
    return [f for f in trimmed if f is not None]


def _paragraph_end_char(text: str, start: int) -> int:
    newline = text.find("\n", start)
    return len(text) if newline == -1 else newline


def _as_clause(verb: Token, entry: CueVerb) -> bool:
    """ "as X put it", "as X said it": a speech verb in an "as" clause with "it" for what
    was said reports the clause it modifies ("as X predicted" may only agree with it)."""
    if verb.dep_ != "advcl" or entry.tier != "speech" and verb.lemma_.lower() != "put":
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    if any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lower_ == "it"


def _as_passive_source(verb: Token, entry: CueVerb) -> Token | None:
    """ "As reported by the Post, ..." / "as stated in his commentary, ...": a passive
    speech participle in an "as" clause; its agent or the text it appeared in is the
    source of the clause it modifies."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or entry.tier != "speech":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in {"ccomp", "xcomp", "dobj"} or c.dep_ in SUBJECTS for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ == "in":
            source = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if source is not None:
                return source
    return None


def _unsaid_question(verb: Token) -> Token | None:
    """ "Board members have not said when the works will ...": after a negated cue, a "when",
    "where", "how" or "why" clause is what was (not) said, not the time of saying."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return None
    for clause in verb.children:
        if (
            clause.dep_ == "advcl"
            and clause.i > verb.i
            and clause.left_edge.lower_ in {"when", "where", "how", "why", "whether", "if"}
            and clause.left_edge.i == verb.i + 1
        ):
            return clause
    return None


def _inverted_clause(verb: Token) -> bool:
    """Whether a cue in a concessive clause ("While he admitted") was made the modifier
    of the clause it reports, which follows it at once with its own subject."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE | {"while"} for c in verb.children)
        and head.i > verb.i
        and head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in verb.children)
        and any(c.dep_ in SUBJECTS and c.left_edge.i == verb.i + 1 for c in head.children)
    )


def _misattached_clause(verb: Token) -> Token | None:
    """A "that" clause the parser hung on a phrase between the verb and it.

    In "told analysts on a conference call that the company ..." or "told a meeting of
    leaders that few people ...", the small model often makes the clause a relative clause
    of "call" or "leaders". In a true relative clause "that" is the clause's subject or
    object; here it is only the complementizer (dep mark).
    """
    heads = [c for c in verb.children if c.i > verb.i and c.dep_ in {"prep", "dobj", "dative"}]
    for _ in range(2):
        nouns = [c for h in heads for c in h.children if c.dep_ == "pobj"]
        nouns += [h for h in heads if h.dep_ in {"dobj", "dative"}]
        for noun in nouns:
            for clause in noun.children:
                if (
                    clause.dep_ == "relcl"
                    and any(
                        c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i
                        for c in clause.children
                    )
                    and not any(t.lower_ in {"so", "such"} for t in verb.doc[verb.i : clause.i])
                ):
                    return clause  # ("so many layers that ...": a result clause)
        heads = [c for n in nouns for c in n.children if c.dep_ == "prep" and c.i > n.i]
    return None


def _stranded_clause(verb: Token) -> tuple[Token, Token] | None:
    """The "that" clause of a cue verb the parser made the sentence's root, with the cue
    clause as its complement: "X keeps insisting, lately ..., that he wants"."""
    root = verb.sent.root
    if root.i <= verb.i or any(c.dep_ == "xcomp" for c in verb.children):
        return None
    mark = next(
        (c for c in root.children if c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i),
        None,
    )
    if mark is None or doc_text(verb.doc)[: mark.idx].rstrip()[-1:] != ",":
        return None
    token = verb
    while token.i != root.i:
        if token.dep_ not in {"ccomp", "xcomp"} or token.right_edge.i >= mark.i:
            return None
        token = token.head
    return root, mark


def _phrase_clause(token: Token, end: int) -> bool:
    """The clause a multi-word cue reports, however the parser hung it ("made it clear
    that ..." often reads as "it clear", with the "that" clause as an adverbial; without
    "that", a finite clause with its own subject right after the phrase)."""
    if token.dep_ in {"ccomp", "acl"}:
        return True
    if token.dep_ != "advcl":
        return False
    marks = [c for c in token.children if c.dep_ == "mark"]
    if marks:
        return any(c.lower_ == "that" for c in marks)
    finite = {"MD", "VBD", "VBZ", "VBP"}
    return (
        token.left_edge.i == end
        and (
            token.tag_ in finite
            or any(c.dep_ == "aux" and c.tag_ in finite for c in token.children)
        )
        and any(c.dep_ in SUBJECTS and c.i < token.i for c in token.children)
    )


def _pro_form(verb: Token) -> tuple[int, int] | None:
    """Token bounds of "as much" or "so" standing for the complement ("said as much")."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ not in {"advmod", "dobj"}:
            continue
        if child.lower_ == "so" and child.i == verb.i + 1:
            after = doc[child.i + 1] if child.i + 1 < len(doc) else None
            if after is None or after.lower_ not in {"that", "far", "much", "many"}:
                return child.i, child.i
        if child.lower_ == "much" and child.i == verb.i + 2 and doc[verb.i + 1].lower_ == "as":
            return verb.i + 1, child.i
    return None


def _regarded_as(verb: Token, obj: Token | None) -> bool:
    """ "sees the deal as a win": an object and an "as" phrase on the verb or the object."""
    return obj is not None and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in (*verb.children, *obj.children)
    )


def _named_subject(subject: Token) -> Token:
    """ "With two weeks until the vote, Lena Ortiz, a harbour aide, called ...": a subject
    right after a preposition is the parser's mistake for its object; the name set off
    after it is the subject."""
    doc = subject.doc
    edge = subject.left_edge.i
    if edge > 0 and doc[edge - 1].pos_ == "ADP" and doc[edge - 1].dep_ == "prep":
        name = next(
            (
                c
                for c in subject.children
                if c.dep_ == "appos" and c.pos_ == "PROPN" and _set_off(c) and c.i > subject.i
            ),
            None,
        )
        if name is not None:
            return name
    return subject


def _asked(verb: Token) -> bool:
    """ "Asked about the plan, she said ...", "Pressed on why ...": a bare past participle
    opening the sentence reports a question whose asker goes unnamed."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and not any(
            c.dep_ in SUBJECTS or c.dep_ in {"aux", "auxpass", "mark"} for c in verb.children
        )
    )


CIRCUMSTANCE_PREPS = {"during", "at", "after", "before", "since", "amid", "throughout"}


def _circumstance(child: Token) -> bool:
    """A modifier of the cue verb that says when or where it was said: "on Friday",
    "during a forum", "at a rally"."""
    if child.dep_ != "prep" or any(c.dep_ == "oprd" for c in child.head.children):
        # "called it a minor delay during ...": the predicate goes on
        return False
    if child.lower_ in CIRCUMSTANCE_PREPS:
        return True
    return child.lower_ in {"on", "in"} and any(
        g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in child.children
    )


def _within_cue_clause(cue: Cue, main: Cue | None) -> bool:
    """Whether ``cue`` is an aside of ``main``'s clause: the same speaker ("he said,
    referring to ...") or a clause hung on it ("said X, who ...")."""
    if main is None:
        return False
    if (
        cue.mention_root is not None
        and main.mention_root is not None
        and cue.mention_root.i == main.mention_root.i
    ):
        return True
    return any(a.i == main.verb.i for a in cue.verb.ancestors)


def _near(verb: Token, prep: Token) -> bool:
    """A preposition close enough to the verb to carry what was said: at most one word
    between, or only particles and adverbs ("spoke out Tuesday about ...")."""
    if verb.i < prep.i <= verb.i + 2:
        return True
    between = verb.doc[verb.i + 1 : prep.i]
    return 0 < len(between) <= 3 and all(
        t.dep_ in {"prt", "advmod", "npadvmod"} or t.head.dep_ == "npadvmod" for t in between
    )


def _author(document: Token) -> Token | None:
    """The author of a text named by a relative clause: "a speech Mrs. Ruiz delivered",
    "the letter the senators sent" (not "a report that said ...")."""
    if document.lemma_.lower() not in lexicon().documents:
        return None
    for clause in document.children:
        if clause.dep_ != "relcl":
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in RELATIVE_WORDS and subject.i > document.i:
            return subject
    return None


def _speaks(noun: Token) -> bool:
    """Whether a noun can be the source of what a participle after it reports: a text
    ("a statement"), a person or organisation, or a source noun ("officials")."""
    lex = lexicon()
    lemma = noun.lemma_.lower()
    return (
        lemma in lex.documents
        or lemma in lex.anonymous_nouns
        or lemma in lex.descriptions
        or (noun.ent_type_ in {"PERSON", "ORG"} and noun.i > noun.sent.start)
    )


def _quoted_apart(anchor: Token, other: Token) -> bool:
    """Whether ``other`` lies inside quotation marks that do not hold ``anchor``: the parser
    often hangs a cue on a word of the quote, or takes a quoted word for its subject. A quote
    opening between them on the anchor's side ("she was “whisked ...") does not count."""
    doc = anchor.doc
    if abs(anchor.i - other.i) > 60:
        return True
    if other.i < anchor.i:
        between, opening, closing = reversed(doc[other.i + 1 : anchor.i]), "”", "“"
    else:
        between, opening, closing = doc[anchor.i + 1 : other.i], "“", "”"
    depth = straight = 0
    for token in between:
        if token.text == opening:
            depth += 1
        elif token.text == closing:
            depth = max(0, depth - 1)
        elif token.text in STRAIGHT_QUOTES:
            straight += 1
    return depth > 0 or straight % 2 == 1


def _own_subject(verb: Token, quotes: bool = True) -> Token | None:
    """The verb's first subject on its own side of the quotation marks."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in SUBJECTS and not (quotes and _quoted_apart(verb, c))
        ),
        None,
    )


def _stops_short(prep: Token) -> bool:
    """ "stopped short of calling", "refrained from saying": a preposition on the verb (or on
    an adverb of it) with no object in between ("accused her of lying" is about her)."""
    host = prep.head
    if host.pos_ in {"ADV", "ADJ"} and host.dep_ in {"advmod", "acomp"}:
        host = host.head
    return host.pos_ in {"VERB", "AUX"} and not any(
        c.dep_ in {"dobj", "dative"} for c in host.children
    )


def _reporter(clause: Token, quotes: bool) -> Token | None:
    """The subject of "say" or "tell" when ``clause`` is what they report."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in {"say", "tell"}:
        return None
    subject = _own_subject(clause.head, quotes)
    return subject if subject is not None and subject.lower_ not in RELATIVE_WORDS else None


def _misparsed_appositive(name: Token, other: Token) -> bool:
    """ "Omar Haddad, the secretary general of the league, vowed ...": the parser
    made the description set off by commas right after a name a second subject."""
    doc = name.doc
    edge, end = other.left_edge.i, other.right_edge.i
    return (
        name.pos_ == "PROPN"
        and other.pos_ == "NOUN"
        and name.right_edge.i == edge - 2
        and doc[edge - 1].text == ","
        and (doc[end].text == "," or (end + 1 < len(doc) and doc[end + 1].text == ","))
    )


def _lost_clause_subject(verb: Token) -> Token | None:
    """ "... as Tom Holt, Mia Holt and Omar Haddad back the barrier": the parser took
    the subject of a finite subordinate clause for the object of its conjunction ("as",
    "while"); the clause's own subject, not the main clause's, speaks."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i < 2:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in {"PROPN", "NOUN", "PRON"} or noun.dep_ not in {"pobj", "conj"}:
        return None
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in SUBORDINATORS or prep.nbor(-1).lower_ == "such":
        return None
    return noun


def _reporting_participle(verb: Token) -> Token | None:
    """ "Engineers said heavy rains have added to it, citing the ...": the
    parser hung a speech participle on the reported clause, whose subject is a thing that
    cannot speak; the reporting verb's subject speaks."""
    clause = verb.head
    if (
        verb.dep_ != "advcl"
        or verb.tag_ != "VBG"
        or verb.lemma_.lower() not in SPEECH_PARTICIPLES
        or verb.i == 0
        or verb.doc[verb.i - 1].text != ","
        or clause.dep_ != "ccomp"
        or clause.head.pos_ != "VERB"
        or clause.head.lemma_.lower() not in lexicon().cue_verbs
    ):
        return None
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if (
        subject is None
        or subject.pos_ != "NOUN"
        or subject.ent_type_
        or _speaks(subject)
        or not any(c.dep_ in SUBJECTS for c in clause.head.children)
    ):
        return None
    return clause.head


def _addressed(verb: Token) -> Token | None:
    """ "They sent a letter to party leaders opposing ...": a participle after the addressee
    of a document reports what the document says; its sender speaks."""
    noun = verb.head
    to = noun.head
    if noun.dep_ != "pobj" or to.lower_ != "to" or to.dep_ not in {"dative", "prep"}:
        return None
    sender = to.head
    documents = lexicon().documents
    if not any(
        c.dep_ == "dobj" and c.lemma_.lower() in documents and c.i < to.i for c in sender.children
    ):
        return None
    return next((c for c in sender.children if c.dep_ == "nsubj"), None)


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


def _after_comma_and(verb: Token) -> bool:
    """ "..., and asked": a comma before the conjunction joins the verb to the sentence's
    main clause, not to the clause just before it."""
    doc, i = verb.doc, verb.i
    return i >= 2 and doc[i - 1].dep_ == "cc" and doc[i - 2].text == ","


def subject_of(verb: Token, fallback: bool = True, quotes: bool = True) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with or subordinate to
    ("X said ..., adding that ..."), or (with ``fallback``) the name just before it when the
    parse lost it."""
    cue = verb
    for _ in range(3):
        subjects = [
            c
            for c in verb.children
            if c.dep_ in SUBJECTS and not (quotes and _quoted_apart(verb, c))
        ]
        if subjects:
            # "People like him, he said": the subject nearest before the verb speaks
            before = [c for c in subjects if c.i < verb.i]
            subject = before[-1] if before else subjects[0]
            if len(before) > 1 and _misparsed_appositive(before[-2], subject):
                subject = before[-2]  # "Ban, the secretary general, vowed ...": Ban
            if subject.i < verb.i and subject.right_edge.i == verb.i - 1:
                lost = _lost_clause_subject(verb)
                if (
                    lost is not None
                    and lost.head.head.tag_ == "VBD"
                    and lost.head.head.i > subject.i
                ):
                    # "The talks stalled as Germany and Spain warned ...": the parser made
                    # "stalled as Germany and Spain" a clause of the talks
                    return lost
            for child in verb.children:
                if child.lower_ == "as" and child.dep_ == "prep" and subject.i < child.i < verb.i:
                    # "Hawaii, as one adviser pointed out, ...": the parser's "as" phrase
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    return pobj or subject
            if verb.i == cue.head.i != cue.i and cue.dep_ == "conj" and subject.pos_ == "PRON":
                # "X said he had pneumonia and called it common": X calls it common
                speaker = _reporter(verb, quotes)
                if speaker is not None:
                    return speaker
            return subject
        if (
            verb == cue
            and verb.dep_ == "conj"
            and verb.head.dep_ == "ccomp"
            and verb.head.head.lemma_.lower() in lexicon().cue_verbs
            and (any(c.dep_ == "ccomp" for c in verb.children) or _after_comma_and(verb))
        ):
            # "X said A and added that B", "X said A, and asked Y to ...": the parser joined
            # the second verb to what was said
            verb = verb.head.head
        elif verb.dep_ == "advcl" and (lost := _lost_clause_subject(verb)) is not None:
            return lost
        elif verb == cue and (reporter := _reporting_participle(verb)) is not None:
            verb = reporter
        elif (
            verb.dep_ in {"conj", "advcl", "xcomp"}
            and verb.head != verb
            and not (quotes and _quoted_apart(verb, verb.head))
        ):
            if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in OBJECT_CONTROL:
                obj = next(
                    (c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None
                )
                if obj is not None and obj.pos_ in {"PROPN", "NOUN", "PRON"}:
                    return obj  # "forced the chief to admit ...": the chief admits
            verb = verb.head
        elif (
            verb.dep_ == "pcomp"
            and verb.head.lower_ in SUBJECT_CONTROL_PREPS
            and verb.head.head.pos_ == "VERB"
        ):
            verb = verb.head.head  # "The mayor defended it by saying ...": her words
        elif (
            verb.dep_ == "pcomp" and verb.head.lower_ in {"of", "from"} and _stops_short(verb.head)
        ):
            # "stopped short of calling ...", "refrained from saying ...": the subject's words
            host = verb.head.head
            verb = host if host.pos_ in {"VERB", "AUX"} else host.head
        elif (
            verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and verb.head.dep_ == "pobj"
            and verb.head.lemma_.lower() in SPEAKING_OCCASIONS | lexicon().documents
            and verb.head.head.head.pos_ == "VERB"
            and any(c.dep_ == "nsubj" for c in verb.head.head.head.children)
        ):
            # "she said at a news conference announcing that ...": she announced it
            verb = verb.head.head.head
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and (issuer := _addressed(verb)):
            return issuer  # "sent a letter to party leaders opposing ...": the letter's senders
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and _speaks(verb.head):
            # "a tweet attacking ...": the tweet; "X issued a statement saying ...": X
            noun = verb.head
            if noun.dep_ == "dobj":
                issuer = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                if issuer is not None:
                    return issuer
            return noun
        else:
            break
    doc = cue.doc
    if verb.tag_ == "VBG" and verb.i >= 2 and doc[verb.i - 1].text == ",":
        # "X said, adding ...", "X said, going on to say ...": the parser hung the
        # participle on a word of the quote
        previous = doc[verb.i - 2]
        if previous.pos_ == "VERB" and previous.tag_ in {"VBD", "VBZ", "VBP"}:
            subject = _own_subject(previous)
            if subject is not None:
                return subject
    if not fallback:
        return None
    if cue.i > 0 and cue.tag_ in {"VBD", "VBZ"}:
        previous = doc[cue.i - 1]
        if previous.pos_ in {"PROPN", "PRON"} and previous.dep_ not in {"poss", "dobj"}:
            return previous  # "In a meeting with the board Ruiz said ..."
        if (
            cue.head.i == previous.i
            and cue.dep_ in {"dobj", "compound", "appos"}
            and previous.pos_ == "NOUN"
            and previous.dep_ in {"ROOT", "nsubj"}
        ):
            return previous  # "Ruiz refuses to ...": the parser took the verb for the name's
    return None


def speaker_after_quote(verb: Token) -> tuple[Token, int, int] | None:
    """ "“...,” Riverside police Chief Ana Ruiz said": the name between a closing quotation
    mark and the cue, when the parse lost it (it often takes the name for a word of the
    quote). The mention's root and token bounds, without an appositive."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    mark = None
    for token in reversed(doc[max(0, verb.i - 12) : verb.i]):
        if token.text in QUOTE_CHARS or token.text in STRAIGHT_QUOTES:
            mark = token
            break
        if "\n" in token.text_with_ws or token.text in {".", "!", "?", ";", ":"}:
            return None
    if mark is None or mark.i == 0 or doc[mark.i - 1].whitespace_ or mark.text in "“‘":
        return None  # not a closing mark
    first = mark.i + 1
    while first < verb.i and doc[first].is_punct:
        first += 1
    last = first
    while last + 1 < verb.i and doc[last + 1].text not in BREAKING_PUNCT:
        last += 1
    while last > first and doc[last].pos_ in {"ADV", "AUX", "PART"}:
        last -= 1  # "..., she later said"
    if first >= verb.i:
        return None
    words = doc[first : last + 1]
    if not (words[0].text[:1].isupper() or words[0].lower_ in PERSONAL_PRONOUNS):
        return None
    if any(t.pos_ in {"VERB", "AUX"} and not t.text[:1].isupper() for t in words):
        return None
    root = next((t for t in reversed(words) if t.pos_ in {"PROPN", "PRON", "NOUN"}), None)
    return (root, first, last) if root is not None else None


def _possessor_cue(
    doc: Doc, noun: Token, first: int, last: int, source: Token, content: Span | None, how: str
) -> Cue:
    """A reporting noun held by its possessor ("Ruiz’s claim ...", "in her view"): the cue
    is tokens ``first..last``, the mention the possessor without its "’s"."""
    start, end = mention_span(source)
    while end > start and doc[end].dep_ == "case":
        end -= 1  # "Ruiz’s" -> "Ruiz"
    return Cue(
        _chars(doc, first, last),
        noun,
        _chars(doc, start, end),
        source,
        content,
        tier="attitude",
        complement=how,
    )


class AttributionFinder:
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

    # -- cues -------------------------------------------------------------------------

    def find_cues(self, doc: Doc) -> list[Cue]:
        cues: list[Cue] = []
        claimed_roots: set[int] = set()  # roots read as another cue's "that" clause
        phrase_tokens: set[int] = set()
        for _, start, end in self.phrases(doc):
            cue = self._phrase_cue(doc, start, end)
            if cue is not None:
                phrase_tokens.update(range(start, end))
                cues.append(cue)
        for token in doc:
            if token.text in DASHES or token.text == ":":
                cue = self._dash_cue(doc, token) if token.text in DASHES else None
                cue = cue or (self._colon_cue(doc, token) if token.text == ":" else None)
                if cue is not None:
                    cues.append(cue)
                continue
            if token.i in phrase_tokens:
                continue
            if token.dep_ == "acomp" and token.head.lemma_.lower() in COPULAS:
                # "were willing to ...", "are afraid that ...": the adjective as written
                entry = self.cue_verbs.get(token.lower_)
                if entry is not None and (subject := subject_of(token.head)) is not None:
                    cue = self._adjective_cue(doc, token, entry, subject)
                    if cue is not None:
                        cues.append(cue)
                if token.pos_ == "ADJ" or entry is not None:
                    continue
            if token.pos_ != "VERB":
                if token.pos_ == "NOUN" and token.lemma_.lower() in VIEWPOINT_NOUNS:
                    cue = self._viewpoint_cue(doc, token)
                    if cue is not None:
                        cues.append(cue)
                        continue
                if token.pos_ == "NOUN":
                    cue = self._nominal_cue(doc, token)
                    if cue is not None:
                        cues.append(cue)
                continue
            entry = self.cue_verbs.get(token.lemma_.lower())
            if token.lemma_.lower() in EVIDENCE_VERBS and self._cites_a_source(token):
                continue
            if entry is None:
                entry = self._unlisted_cue(token)
                if entry is None:
                    continue
            subject = subject_of(token, fallback=False)
            surface = speaker_after_quote(token) if subject is None else None
            guessed = False
            if surface is not None:
                subject = surface[0]
            elif subject is None:
                subject = subject_of(token)
                guessed = subject is not None
                if subject is None:
                    # the parse's only subject is across quotation marks: better than none
                    subject = subject_of(token, fallback=False, quotes=False)
            asked = _asked(token)
            if asked:
                subject = None  # "Asked about X, she said ...": who asked is not said
            as_source = _as_passive_source(token, entry)
            if as_source is not None:
                subject = as_source  # "As stated in the report, the plan ...": the report
            if subject is not None and subject.lower_ == "it" and token.dep_ == "pcomp":
                subject = None  # "It goes without saying that ...": nobody says it
            if subject is not None and subject.ent_type_ in {"TIME", "DATE"}:
                subject = None  # "12:15 p.m.\n\nAna Ruiz says": a dateline, not a source
            if subject is not None:
                subject = _named_subject(subject)
            passive = asked
            said_of = None
            if (
                subject is not None
                and subject.dep_ == "nsubjpass"
                and (
                    subject.head.i == token.i
                    or token.tag_ == "VBN"
                    and not any(c.dep_ == "aux" for c in token.children)
                )
            ):
                # The subject of a passive cue is what was said about; the source is the agent.
                # ("X was asked about it and said ...": X, the subject of an active cue)
                said_of = subject if subject.head.i == token.i else None
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                subject = (
                    next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if (agent is not None)
                    else None
                )
                passive = subject is None
            elif subject is not None and subject.lower_ == "that" and subject.head.dep_ == "relcl":
                subject = subject.head.head  # "a letter that says ...": the letter
            content, complement, cue_last = self._complement(doc, token, entry, subject)
            if content is None and "clause" in entry.complements:
                stranded = _stranded_clause(token)
                if stranded is not None:
                    # "keeps insisting, lately on the radio, that he ...": the clause
                    # the parser made the root of the sentence
                    root, mark = stranded
                    last_char = _chars(doc, root.i, root.right_edge.i)[1]
                    content = _trim_content(doc_text(doc), mark.idx, last_char)
                    complement = "clause"
                    claimed_roots.add(root.i)
            if (
                content is None
                and not passive
                and said_of is not None
                and subject is not None
                and "object" in entry.complements
                and said_of.pos_ != "PRON"
            ):
                # "Ruiz is supported by few papers": the passive subject is the object
                start, end = _chars(doc, said_of.left_edge.i, said_of.right_edge.i)
                content, complement = _trim_content(doc_text(doc), start, end), "object"
            hole = None
            if content is None and said_of is not None and "object-as" in entry.complements:
                # "The plan is widely considered a failure": what is held of the subject
                stance = next(
                    (
                        c
                        for c in token.children
                        if c.i > token.i
                        and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as")
                    ),
                    None,
                )
                if stance is not None:
                    first, last = mention_span(said_of)
                    start, end = _chars(doc, first, stance.right_edge.i)
                    content, complement = _trim_content(doc_text(doc), start, end), "stance"
                    hole = (_chars(doc, first, last)[1], doc[stance.left_edge.i].idx)
            if content is None and entry.tier == "act":
                continue  # "many residents will not vote": an act without its object
            if (
                entry.complements == ("as",)
                and complement != "object"  # "puts the cost at $2 million": an estimate
                and as_source is None
                and not _as_clause(token, entry)
            ):
                continue  # "put on a display of calm “resolve”": no "as X put it"
            if as_source is not None or _as_clause(token, entry):
                # "As one economist put it, the plan is a gamble": the main clause
                content = content_span(doc, token.sent.root, None, self.cue_verbs)
                complement, cue_last = "as", token.i
                if any(c.dep_ == "dobj" for c in token.children):
                    cue_last = next(c.i for c in token.children if c.dep_ == "dobj")
            content = within_paragraph(doc_text(doc), content, token.idx)
            mention = None
            if surface is not None and subject == surface[0]:
                mention = _chars(doc, surface[1], surface[2])
            elif guessed and subject is not None and subject.ent_iob_ != "O":
                # "... the Riverside Courier Ruiz said": the name only, not what precedes it
                first = last = subject.i
                while first > 0 and doc[first].ent_iob_ == "I":
                    first -= 1
                mention = _chars(doc, first, last)
            elif subject is not None:
                first, last = mention_span(subject)
                if token.dep_ == "acl" and token.head.i == subject.i and token.i <= last:
                    # "a statement saying ...": the mention stops before the cue
                    last = max(subject.i, token.left_edge.i - 1)
                elif (
                    token.head.i == subject.i
                    and token.dep_ in {"dobj", "compound", "appos"}
                    and subject.i < token.i <= last
                ):
                    last = max(subject.i, token.left_edge.i - 1)  # "Ruiz refuses ..." misparsed
                mention = _chars(doc, first, last)
            cue_span = _chars(doc, token.i, cue_last)
            if (
                complement == "clause"
                and mention is not None
                and content is not None
                and content[0] < mention[0] < content[1]
                and doc[subject.left_edge.i - 1].tag_ in {"WP", "WDT"}
                and doc[subject.left_edge.i - 1].idx == content[0]
            ):
                # "what the engineers said was a leak": the subject moved out
                complement = "extracted"
            cue = Cue(
                cue_span, token, mention, subject, content, entry.tier, complement or "clause"
            )
            cue.passive = passive
            cue.asked = asked
            if (
                said_of is not None
                and complement == "prep"
                and content is not None
                and said_of.i < token.i
                and "\n" not in doc[said_of.i : token.i].text
            ):
                cue.about = _chars(doc, *mention_span(said_of))  # "X was accused of Y"
            cue.hole = hole
            cues.append(cue)
        if claimed_roots:
            cues = [c for c in cues if c.verb.i not in claimed_roots]
        cues.sort(key=lambda c: c.span)
        return cues

    def _shared_subject_conj(
        self, doc: Doc, verb: Token, comp: Token, content: Span, tags: set[str]
    ) -> Span:
        """The content with a second verb phrase the parser hung on the cue: "says it would
        cut revenue, but would later add ...", "agreed to share X and rely on Y". Only a verb
        without its own subject, in the form of the reported one (a modal, a bare infinitive):
        "said X and left" is the speaker's own action."""
        for conj in _rights(verb):
            if conj.dep_ != "conj" or conj.i <= comp.right_edge.i:
                continue
            if any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in conj.children):
                return content
            if (
                conj.lemma_.lower() in self.cue_verbs
                and any(c.dep_ == "ccomp" for c in conj.children)
                and not _alternative(verb, conj)
            ):
                return content  # "..., and would add that ...": its own attribution
            bare = "VB" in tags and conj.tag_ == "VBP" and _alternative(verb, conj)
            if (
                conj.tag_ in tags
                or bare
                or any(c.dep_ == "aux" and c.tag_ in tags and c.i < conj.i for c in conj.children)
            ):
                text = doc_text(doc)
                end = doc[conj.right_edge.i].idx + len(doc[conj.right_edge.i])
                if "\n" in text[content[1] : end]:
                    return content
                extended = _trim_content(text, content[0], end)
                return extended or content
            return content
        return content

    def _split_clause(self, doc: Doc, verb: Token, comp: Token, content: Span) -> Span:
        """The reported clause with the rest the parser hung on the cue verb: a second
        "ccomp" ("said X has respect for Y and his comment was Z") or a coordinated clause
        with its own subject ("said that A, and that B", "said A, and there was no B")."""
        text = doc_text(doc)
        end = content[1]
        for other in sorted(_rights(verb), key=lambda c: c.i):
            if other.i <= comp.right_edge.i:
                continue
            if other.dep_ not in {"ccomp", "conj"}:
                continue
            if other.lemma_.lower() in self.cue_verbs or (
                other.dep_ == "conj"
                and not (
                    any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in other.children)
                    and any(c.dep_ == "cc" and end <= c.idx < other.idx for c in _rights(verb))
                )
            ):
                break  # "..., and warned ...", "said X and left": not more of what was said
            extra = content_span(doc, other, None, self.cue_verbs)
            if extra is None or "\n" in text[end : extra[1]]:
                break
            end = max(end, extra[1])
        if end == content[1]:
            return content
        return _trim_content(text, content[0], end) or content

    def _speaks(self, noun: Token) -> bool:
        """ "a statement calling the vote a disgrace", "a letter saying that ...": the noun
        has a cue verb of its own with what it says, which reports it. (Not a possessor:
        "the governor’s warning about taxes" is one noun phrase the tagger split.)"""
        if any(c.dep_ == "case" for c in noun.children):
            return False
        return any(
            c.dep_ == "acl"
            and c.tag_ in {"VBG", "VBN"}
            and c.lemma_.lower() in self.cue_verbs
            and any(g.dep_ in {"ccomp", "xcomp", "dobj", "oprd"} for g in c.children)
            for c in noun.children
        )

    def _cites_a_source(self, verb: Token) -> bool:
        """ "citing two engineers" or "cited officials": the verb names a source, not what
        it said."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if verb.tag_ == "VBG" and (
            obj is None
            or obj.right_edge.i - obj.left_edge.i < 2
            or getattr(self.cue_verbs.get(verb.head.lemma_.lower()), "tier", "")
            in {"speech", "report"}
        ):
            # "..., citing two engineers"; "X said ..., citing a study of ...": the evidence
            # for what X said. "X backed it, citing the release of ...": X's reason
            return True
        return obj is not None and (
            obj.ent_type_ in {"PERSON", "ORG", "NORP"} or obj.lemma_.lower() in self.sources
        )

    def _nominal_cue(self, doc: Doc, noun: Token) -> Cue | None:
        """ "Ruiz's claim that ...": a reporting noun, its possessor and its "that" clause.
        Also a cue verb the tagger took for a noun in a headline ("Ruiz claims that ...")."""
        lemma = noun.lemma_.lower()
        comp = next(
            (c for c in noun.children if c.dep_ in {"acl", "ccomp", "xcomp"} and c.i > noun.i),
            None,
        )
        if comp is None:
            return self._nominal_prep_cue(doc, noun) or self._nominal_subject_cue(doc, noun)
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if agent is not None and not noun.i < agent.i < comp.i:
            agent = None
        after = agent.right_edge.i + 1 if agent is not None else noun.i + 1
        that = comp.left_edge.lower_ == "that" and comp.left_edge.i in {noun.i + 1, after}
        infinitive = comp.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in comp.children
        )
        if not that and not (infinitive and lemma in self.nominal_cues):
            return None
        verbal = lemma in self.cue_verbs and noun.tag_ == "NNS"
        source = None
        if lemma in self.nominal_cues:
            source = next((c for c in noun.children if c.dep_ == "poss"), agent)
        if source is None and verbal:
            # "But Ruiz claims that ...": a verb the tagger took for a plural noun
            source = next((c for c in noun.children if c.dep_ in {"compound", "nsubj"}), None)
        if source is None or source.i > noun.i and source != agent:
            return None  # ("the decision by the board to ...": the agent)
        content = content_span(doc, comp, None, self.cue_verbs)
        return _possessor_cue(doc, noun, noun.i, noun.i, source, content, "nominal")

    def _viewpoint_cue(self, doc: Doc, noun: Token) -> Cue | None:
        """ "By his own admission, ...", "In her view, ...", "... in his eyes": a
        possessed viewpoint noun in a phrase on the clause, which is what the possessor holds."""
        prep = noun.head
        if noun.lemma_.lower() in {"word", "eye"} and noun.tag_ != "NNS":
            return None  # "in his words", "in their eyes"; not "in a word"
        if noun.dep_ != "pobj" or prep.lower_ not in {"by", "in"} or prep.head.dep_ != "ROOT":
            return None
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        if source is None:
            return None
        after = doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(doc) else None
        if after is None or not (after.text == "," or after.is_sent_end and after.is_punct):
            return None  # set off by a comma, or ending the sentence
        clause = prep.head
        content = content_span(doc, clause, (prep.i, noun.right_edge.i), self.cue_verbs)
        if content is None or len(doc_text(doc)[content[0] : content[1]].split()) < 3:
            return None
        own = source.right_edge.i + 1  # the cue is "own admission", "view"
        return _possessor_cue(doc, noun, own, noun.i, source, content, "viewpoint")

    def _nominal_subject_cue(self, doc: Doc, noun: Token) -> Cue | None:
        """ "The mayor's view is that ...", "Her bet is that ...": a reporting noun with a
        possessor, subject of "be" with a "that" clause."""
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.lemma_.lower() != "be" or noun.lemma_.lower() in AIM_NOUNS:
            return None
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        if source is None or noun.lemma_.lower() not in self.nominal_cues:
            return None
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if comp is None or comp.left_edge.lower_ != "that" or comp.left_edge.i != verb.i + 1:
            return None
        content = content_span(doc, comp, None, self.cue_verbs)
        return _possessor_cue(doc, noun, noun.i, verb.i, source, content, "nominal")

    def _nominal_prep_cue(self, doc: Doc, noun: Token) -> Cue | None:
        """ "Ruiz's criticism of the deal", "her claims about the economy": a reporting noun
        with a possessor, what it is about as the object of its preposition (low confidence)."""
        if noun.lemma_.lower() not in self.nominal_cues or noun.lemma_.lower() in AIM_NOUNS:
            return None
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in NOUN_PREPS), None)
        if source is None or prep is None or prep.i != noun.i + 1:
            return None
        pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
        if pobj is None or pobj.right_edge.i == pobj.left_edge.i:
            return None  # "a statement of fact", "plans for Europe": a kind, not a topic
        start, end = _chars(doc, pobj.left_edge.i, pobj.right_edge.i)
        content = _trim_content(doc_text(doc), start, end)
        return _possessor_cue(doc, noun, noun.i, prep.i, source, content, "prep")

    def _adjective_cue(self, doc: Doc, adj: Token, entry: CueVerb, subject: Token) -> Cue | None:
        """ "Democrats are afraid that ...": an attitude adjective after "be", its
        complement what is held, the copula's subject who holds it."""
        if subject.dep_ == "expl" or subject.lower_ in {"it", "this", "that", "there"}:
            return None
        content, complement, cue_last = self._complement(doc, adj, entry, subject)
        content = within_paragraph(doc_text(doc), content, adj.idx)
        first, last = mention_span(subject)
        return Cue(
            _chars(doc, adj.i, cue_last),
            adj,
            _chars(doc, first, last),
            subject,
            content,
            entry.tier,
            complement or "clause",
        )

    def _unlisted_cue(self, verb: Token) -> CueVerb | None:
        """A verb not in the list, used like a cue: a subject (not "it" or "this") and a
        "that" clause ("Republicans fret that ..."): attributed, with a low confidence."""
        if verb.lemma_.lower() in NOT_CUES:
            return None
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if comp is None or not any(
            c.dep_ == "mark" and c.lower_ in {"that", "whether"} for c in comp.children
        ):
            return None
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ in IMPERSONAL:
            return None  # "It follows that ...", "This suggests that ..."
        return UNLISTED

    def _phrase_cue(self, doc: Doc, start: int, end: int) -> Cue | None:
        first = doc[start]
        if first.lower_ == "according":
            pobj = next((c for c in doc[end - 1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                return None
            author = _author(pobj)
            if author is not None:
                pobj = author  # "according to a speech Mrs. Ruiz delivered": Mrs. Ruiz
            mention = _chars(doc, *mention_span(pobj))
            exclude = (start, doc[end - 1].right_edge.i)
            content = None
            head = first.head
            if (
                head.left_edge.i < start - 1
                and exclude[1] + 1 < len(doc)
                and doc[start - 1].text == ","
                and doc[exclude[1] + 1].text == ","
                and (head.pos_ in {"VERB", "AUX"} or head.dep_ in SUBJECTS)
            ):
                # "The bridge, according to the mayor, will open": the whole clause, cut
                # around the phrase by ``reported_speech``
                head = head.head if head.dep_ in SUBJECTS else head
                exclude = None
            head = _relative_before(doc, start, head)
            if head != first:
                # a leading adverbial stays ("According to X, after the vote, ..."); a
                # linking one is dropped with the connectives ("For its part, ...")
                content = content_span(doc, head, exclude, self.cue_verbs)
            return Cue(
                _chars(doc, start, end - 1), first, mention, pobj, content, complement="according"
            )
        verb = next((t for t in doc[start:end] if t.pos_ in {"VERB", "AUX"}), first)
        subject = subject_of(verb)
        content, complement = None, "clause"
        finite = subject is not None and verb.tag_ != "VBG"
        if finite:
            content = parenthetical_content(doc, verb, subject)  # "The state, as X noted, ..."
            complement = "parenthetical" if content is not None else complement
        for token in doc[start:end] if content is None else ():
            comp = next((c for c in token.children if _phrase_clause(c, end) and c.i >= end), None)
            if comp is not None:
                content = content_span(doc, comp, None, self.cue_verbs)
                break
        last = doc[end - 1]
        if content is None and last.dep_ == "prep":
            # "made no secret of his disdain", "made the case for a tax cut"
            obj = next((c for c in last.children if c.dep_ in {"pobj", "pcomp"}), None)
            if obj is not None:
                first_char, last_char = _chars(doc, obj.left_edge.i, obj.right_edge.i)
                content, complement = _trim_content(doc_text(doc), first_char, last_char), "prep"
        if content is None and finite:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i >= end), None)
            if obj is not None and not any(t.is_punct for t in doc[end : obj.left_edge.i]):
                # "pointed out the flaws in the plan"
                first_char, last_char = _chars(doc, obj.left_edge.i, obj.right_edge.i)
                content, complement = _trim_content(doc_text(doc), first_char, last_char), "object"
            else:
                content, complement = trailing_content(doc, verb, subject), "trailing"
        content = within_paragraph(doc_text(doc), content, verb.idx)
        mention = _chars(doc, *mention_span(subject)) if subject is not None else None
        return Cue(
            _chars(doc, start, end - 1), verb, mention, subject, content, complement=complement
        )

    def _dash_cue(self, doc: Doc, dash: Token) -> Cue | None:
        """ "“...” ― Krystal Correa": a quote signed with a dash and a name ending the line."""
        text = doc_text(doc)
        if text[: dash.idx].rstrip()[-1:] not in QUOTE_CHARS:
            return None
        names = []
        for token in doc[dash.i + 1 : dash.i + 10]:
            if "\n" in token.text:
                break
            names.append(token)
        while names and (names[0].is_space or names[0].is_punct):
            names.pop(0)
        while names and (names[-1].is_space or names[-1].is_punct):
            names.pop()
        if (
            not names
            or len(names) > 6
            or (
                names[-1].i + 1 < len(doc)
                and "\n" not in doc[names[-1].i + 1].text_with_ws
                and not doc[names[-1].i + 1].is_punct
            )
        ):
            return None
        if not all(t.text[:1].isupper() or t.is_punct for t in names):
            return None
        mention = _chars(doc, names[0].i, names[-1].i)
        root = next((t for t in reversed(names) if t.pos_ == "PROPN"), names[-1])
        return Cue(_chars(doc, dash.i, dash.i), dash, mention, root, None, complement="dash")

    def _colon_cue(self, doc: Doc, colon: Token) -> Cue | None:
        """ "PENCE: Well, ..." / "Poll: Voters abandon ...": a name opening a line."""
        names = []
        for token in reversed(doc[max(0, colon.i - 5) : colon.i]):
            if "\n" in token.text or token.text in QUOTE_CHARS:
                break
            names.insert(0, token)
        if (
            not names
            or len(names) > 4
            or names[0].i > 0
            and not ("\n" in doc[names[0].i - 1].text or doc[names[0].i - 1].text in QUOTE_CHARS)
        ) or not all(t.text[:1].isupper() and t.pos_ in {"PROPN", "NOUN"} for t in names):
            return self._headline_kicker(doc, colon)
        if names[0].lower_ in EDITORIAL_LABELS:
            return None  # "CORRECTION: An earlier version ..."
        if len(names) > 1 and any(t.is_stop for t in names):
            # "Speed Over Safety: ...": a headline's kicker, not a speaker
            return self._headline_kicker(doc, colon)
        end = _paragraph_end_char(doc_text(doc), colon.idx)
        content = _trim_content(doc_text(doc), colon.idx + 1, end)
        if content is None or len(doc_text(doc)[content[0] : content[1]].split()) < 3:
            return None
        mention = _chars(doc, names[0].i, names[-1].i)
        return Cue(
            _chars(doc, colon.i, colon.i),
            colon,
            mention,
            names[-1],
            content,
            tier="report",
            complement="colon",
        )

    def _headline_kicker(self, doc: Doc, colon: Token) -> Cue | None:
        """ "Senator Hammers Bank Chief: ‘You Should Resign.’": a headline whose words after
        the colon are quoted, said by the person the words before it name."""
        text = doc_text(doc)
        if colon.i > 25 or "\n" in text[: colon.idx]:
            return None  # only the headline, the document's first line
        if any(t.pos_ in {"VERB", "AUX"} for t in doc[: colon.i]):
            return None  # "Jane Doe said: “...”": the verb is the cue
        end = _paragraph_end_char(text, colon.idx)
        after = text[colon.idx + 1 : end]
        if not any(c in QUOTE_CHARS for c in after) and not re.search(r"(^|\s)'\w", after):
            return None
        person = next((e for e in doc.ents if e.label_ == "PERSON" and e.end <= colon.i), None)
        if person is None:
            # "Mayor on Housing: ...": the name opening the headline, before a small word
            run = 0
            while run < colon.i and doc[run].pos_ == "PROPN":
                run += 1
            if not 0 < run < colon.i or not doc[run].is_lower:
                return None
            person = doc[0:run]
        content = _trim_content(text, colon.idx + 1, end)
        if content is None or len(after.split()) < 2:
            return None
        mention = _chars(doc, person.start, person.end - 1)
        return Cue(
            _chars(doc, colon.i, colon.i),
            colon,
            mention,
            person.root,
            content,
            tier="report",
            complement="colon",
        )

    def _complement(
        self, doc: Doc, verb: Token, entry: CueVerb, subject: Token | None
    ) -> tuple[Span | None, str | None, int]:
        """What was said, by the first complement the cue verb's entry allows."""
        children = list(verb.children)
        for kind in entry.complements:
            if kind == "clause":
                comps = [
                    c
                    for c in children
                    if c.dep_ == "ccomp"
                    and not (c.i < verb.i and any(t.text == ";" for t in doc[c.i : verb.i]))
                ]
                comp = comps[0] if comps else None
                if comp is not None and comp.i < verb.i and comps[-1].i > verb.i:
                    after = doc[min(comp.right_edge.i + 1, len(doc) - 1)]
                    if after.text != "," and after.text not in QUOTE_CHARS:
                        # "It is unlikely; the team says she will ...": the clause after
                        comp = comps[-1]
                    elif comps[-1].left_edge.i == verb.i + 1 and doc[verb.i + 1].text != ",":
                        # "While he admitted A was true, she noted B is false": the clause
                        # running on from the verb, not one the parser took from another cue
                        comp = comps[-1]
                if (
                    comp is not None
                    and verb.dep_ == "relcl"
                    and not any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in comp.children)
                ):
                    comp = None  # "Everything he says is a lie": the noun is what he says
                if comp is None:
                    comp = _misattached_clause(verb) or _unsaid_question(verb)
                if comp is None and _inverted_clause(verb):
                    # "While he admitted funding was short, ...": the parser made the
                    # admitted clause the head of "while he admitted"
                    content = content_span(doc, verb.head, (verb.head.left_edge.i, verb.i))
                    return content, "clause", verb.i
                if comp is not None:
                    content = content_span(doc, comp, None, self.cue_verbs)
                    if comp.i < verb.i and (subject is None or subject.i > comp.i):
                        content = _from_sentence_start(doc, comp, content)
                    elif content is not None:
                        content = self._shared_subject_conj(doc, verb, comp, content, {"MD"})
                        content = self._split_clause(doc, verb, comp, content)
                        content = _misparsed_subject(doc, verb, comp, content)
                    return content, "clause", verb.i
            elif kind == "to":
                comp = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
                if comp is not None and comp.pos_ in {"VERB", "AUX"}:
                    first = max(comp.left_edge.i, verb.i + 1)  # "which she plans to do"
                    obj = next((c for c in children if c.dep_ == "dobj" and c.i < comp.i), None)
                    if obj is not None and obj.i > verb.i:
                        first = obj.left_edge.i  # "urged the union to resume talks"
                    start, end = _chars(doc, first, comp.right_edge.i)
                    content = _trim_content(doc_text(doc), start, end)
                    if content is not None:
                        content = self._shared_subject_conj(doc, verb, comp, content, {"VB"})
                    return content, "to", verb.i
            elif kind in {"object", "object-as"}:
                obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
                if kind == "object-as" and not _regarded_as(verb, obj):
                    continue  # "saw a rise" is no stance; "sees the deal as a win" is
                if obj is not None and entry.tier in HELD_TIERS and self._speaks(obj):
                    continue  # "issued a statement calling ...": the statement's own cue
                if obj is not None:
                    last = obj.right_edge.i
                    tail = True
                    for c in children:
                        if c.i <= obj.i:
                            continue
                        if _circumstance(c):
                            tail = False  # "praised X on Friday at a rally": not what was said
                        if (
                            tail
                            and c.left_edge.i == last + 1
                            and (
                                c.dep_ in OBJECT_TAIL
                                or c.dep_ == "dobj"  # "branded the country a pariah": a second one
                                or (c.dep_ == "conj" and c.pos_ != "VERB")
                            )
                        ):
                            # "criticized X for ...", "compared him favorably to ...": the
                            # rest of the verb phrase, up to a comma or a new clause
                            last = c.right_edge.i
                        elif (
                            tail
                            and c.dep_ == "dobj"
                            and c.left_edge.i == last + 2
                            and doc[last + 1].dep_ == "cc"
                            and doc[last + 1].head.i == verb.i
                        ):
                            # 'condemned the test as "reckless" and a "threat" to peace': a
                            # second object the parser gave the verb
                            last = c.right_edge.i
                        elif c.dep_ in {"oprd", "xcomp", "ccomp"} or (
                            c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
                        ):
                            last = max(last, c.right_edge.i)
                    last = _drop_trailing_relative(doc, obj.left_edge.i, last)
                    start, end = _chars(doc, obj.left_edge.i, last)
                    # "disputed that account": "that" is the object's determiner
                    determiner = obj.left_edge.dep_ == "det"
                    content = _trim_content(doc_text(doc), start, end, not determiner)
                    return content, "object", verb.i
                gerund = next(
                    (c for c in children if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG"),
                    None,
                )
                if gerund is not None and gerund.i > verb.i:
                    # "proposed doing away with ...", "suggested looking at ..."
                    start, end = _chars(doc, gerund.left_edge.i, gerund.right_edge.i)
                    return _trim_content(doc_text(doc), start, end), "object", verb.i
            elif kind == "prep":
                for c in children:
                    preps = PREPOSITIONS | ({"to"} if verb.lemma_.lower() in PREP_TO else set())
                    if c.dep_ == "prep" and c.lower_ in preps and _near(verb, c):
                        pobj = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
                        if pobj is None:
                            # "called for the fees to be paid back": the parser made
                            # the clause after "for" the verb's own
                            pobj = next(
                                (g for g in children if g.dep_ == "ccomp" and g.i > c.i), None
                            )
                        if pobj is not None:
                            last = pobj.right_edge.i
                            for sibling in children:
                                if sibling.dep_ in {"xcomp", "ccomp"} and sibling.i > last:
                                    last = sibling.right_edge.i  # "called for X to Y"
                            start, end = _chars(doc, pobj.left_edge.i, last)
                            return _trim_content(doc_text(doc), start, end), "prep", c.i
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
        at = next((c for c in children if c.dep_ == "prep" and c.lower_ == "at"), None)
        amount = next((c for c in at.children if c.dep_ == "pobj"), None) if at else None
        if (
            obj is not None
            and amount is not None
            and obj.i < at.i
            and any(t.like_num or t.tag_ == "$" for t in amount.subtree)
        ):
            # "the institute puts the cost at $2 million": an estimate
            start, end = _chars(doc, amount.left_edge.i, amount.right_edge.i)
            return _trim_content(doc_text(doc), start, end), "object", at.i
        as_ = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if (
            obj is not None
            and as_ is not None
            and as_.i > obj.right_edge.i
            and entry.complements != ("as",)
            and any(c.dep_ == "pobj" for c in as_.children)
        ):
            # "critics see the program as a giveaway": the object and how it is seen
            start, end = _chars(doc, obj.left_edge.i, as_.right_edge.i)
            return _trim_content(doc_text(doc), start, end), "object", verb.i
        pro_form = _pro_form(verb)
        if pro_form is not None and entry.tier in {"speech", "report"}:
            # "Mook said as much", "She said so": the words stand for what was said
            return _chars(doc, pro_form[0], pro_form[1]), "object", verb.i
        if subject is not None and verb.tag_ != "VBG" and "clause" in entry.complements:
            inserted = parenthetical_content(doc, verb, subject)
            if inserted is not None:
                return inserted, "parenthetical", verb.i
            return trailing_content(doc, verb, subject), "trailing", verb.i
        return None, None, verb.i

    # -- mixed, direct and interrupted quotes -----------------------------------------

    def enclosing_speech(
        self, doc: Doc, cues: list[Cue], quotations: list[Quotation]
    ) -> dict[int, list[Quotation]]:
        """Quotations inside reported speech, by the index of the cue reporting it."""
        enclosing: dict[int, list[Quotation]] = {}
        for quotation in quotations:
            for index, cue in enumerate(cues):
                content = cue.content
                if content is None or (
                    cue.mention is None and cue.complement != "according" and not cue.asked
                ):
                    continue
                if (
                    content[0] < quotation.start
                    and doc_text(doc)[content[1] : quotation.start].strip() == ":"
                    and cue.complement == "clause"
                ):
                    # 'said she has the quality for the job: "Steadiness."': the clause
                    # goes on in the speaker's words
                    cue.content = content = (content[0], quotation.end)
                if not content[0] <= quotation.start + 1 < content[1]:
                    continue
                if quotation.end > content[1] + 1:
                    if any(c.isalnum() for c in doc_text(doc)[content[1] : quotation.end]):
                        continue
                    cue.content = content = (content[0], quotation.end)  # take the closing mark
                if quotation.start <= cue.span[0] < quotation.end:
                    continue
                if self._quoted_whole(doc_text(doc), content, quotation) or (
                    content[0] >= quotation.start
                    and not self._opens_clause(doc, content, quotation)
                ):
                    continue  # the clause opens with the quotation: a direct quote
                if content[0] > quotation.start:
                    cue.content = content = (quotation.start, content[1])  # its opening mark
                if not self._has_subject(doc, content):
                    continue  # "which the Kremlin said was “in preparation”": quote only
                enclosing.setdefault(index, []).append(quotation)
                break
        return enclosing

    def attach_quotations(
        self,
        doc: Doc,
        cues: list[Cue],
        quotations: list[Quotation],
        mixed: dict[int, list[Quotation]],
    ) -> list[Attribution]:
        text = doc_text(doc)
        inside_speech = {id(q) for found in mixed.values() for q in found}
        marks = [(q.start, q.end) for q in quotations]
        # A verb inside a quote ("“You see, I trust Omar,” she said") is nobody's cue here.
        cues = [c for c in cues if not any(a < c.span[0] < b for a, b in marks)]
        found: list[Attribution] = []
        pending: Attribution | None = None  # the last quote with its cue after it
        pending_end = -1
        pending_cue: Cue | None = None
        last_direct: Attribution | None = None
        for quotation in quotations:
            if id(quotation) in inside_speech:
                pending = None
                continue
            if pending is not None and self._title_in_cue_clause(text, pending_end, quotation):
                # "“A,” she said on “Meet the Press.” “B.”": a title quoted in the cue
                # clause; the quote goes on after it.
                pending_end = quotation.end
                continue
            continues = pending is not None and self._continues(
                text, cues, pending, pending_end, quotation, pending_cue
            )
            # The next part with a cue of its own is a new attribution.
            if continues and self._cue_after(text, cues, quotation) is None:
                # "“A,” he said, “B.”": the second part continues the interrupted quote.
                pending.fragments.extend(quotation.fragments)
                pending_end = quotation.end
                continue
            pending = None
            after = self._cue_after(text, cues, quotation)
            before = self._cue_before(text, cues, quotation) if after is None else None
            cue = after or before
            if cue is None:
                if self._standalone(text, quotation) and last_direct is not None:
                    # A quoted paragraph carrying on the previous speaker's words.
                    found.append(
                        Attribution(
                            "direct",
                            list(quotation.fragments),
                            None,
                            None,
                            0.3,
                            last_direct.mention_root,
                        )
                    )
                continue
            cue.used = True
            kind, confidence = "direct", 0.9 if cue.mention else 0.5
            fragments = list(quotation.fragments)
            if before is not None and not self._adjacent(text, before, quotation):
                kind, confidence = "mixed", 0.85
                if before.content is not None and (
                    before.content[0] < quotation.start
                    or (
                        before.content[0] == quotation.start
                        and before.content[1] > quotation.end + 1
                    )
                ):
                    # "called half of his supporters “deplorables”": the whole complement
                    fragments = [(before.content[0], max(before.content[1], quotation.end))]
                article = LEADING_ARTICLE.search(text, max(0, quotation.start - 5), quotation.start)
                if fragments == list(quotation.fragments) and len(fragments) == 1 and article:
                    # "to fear a “secret deal”": the article belongs to the quoted phrase
                    fragments = [(article.start(1), quotation.end)]

            if kind == "direct" and after is not None and self._words_before(text, quotation):
                kind, confidence = "mixed", 0.8
                start = self._clause_start(doc, quotation.start)
                if start is not None:
                    fragments = [(start, quotation.fragments[-1][1])]
            elif kind == "direct" and after is not None:
                words_after = self._words_after(text, quotation, after)
                if words_after is not None:
                    # "“...” for late payments, she said.": the clause goes on
                    kind, confidence = "mixed", 0.8
                    fragments = [(quotation.start, words_after)]
            if cue.tier == "act":
                confidence = min(confidence, ACT_QUOTE_CONFIDENCE)  # "voted against “...”"
            attribution = cue.attribution(kind, fragments, confidence)
            found.append(attribution)
            last_direct = attribution
            if after is not None:
                pending, pending_cue = attribution, cue
                pending_end = self._cue_clause_end(text, cue)
        return found

    def continue_mixed_quotes(
        self,
        text: str,
        cues: list[Cue],
        quotations: list[Quotation],
        attributions: list[Attribution],
    ) -> None:
        """'The plan "went too far," she said. "We need another."': a mixed quote whose
        cue follows it goes on in the next quotation, as an interrupted direct quote does."""
        by_span = {cue.span: cue for cue in cues}
        for quotation in quotations:
            if any(
                f[0] < quotation.end and quotation.start < f[1]
                for a in attributions
                for f in a.fragments
            ):
                continue
            for attribution in attributions:
                last = attribution.fragments[-1][1]
                cue = by_span.get(attribution.cue) if attribution.cue else None
                if (
                    attribution.kind not in {"mixed", "indirect"}
                    or cue is None
                    or cue.span[0] < last
                    or cue.span[1] > quotation.start
                    or (attribution.kind == "mixed" and text[last - 1] not in QUOTE_CHARS)
                ):
                    continue
                end = self._cue_clause_end(text, cue)
                if attribution.kind == "indirect" and not sentence_break(
                    text[end : quotation.start]
                ):
                    continue  # "..., as X put it, “the operator.”": one sentence
                if end <= quotation.start and self._continues(
                    text, cues, attribution, end, quotation, cue
                ):
                    attribution.kind = "mixed"  # what was said, then in its own words
                    attribution.fragments.extend(quotation.fragments)
                    break

    @staticmethod
    def _clause_start(doc: Doc, offset: int) -> int | None:
        """Where the clause holding a mid-sentence quotation starts ("Ruiz “has ...”")."""
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return None
        sent = span[0].sent
        start = sent.start
        while start < span.start and (doc[start].is_space or doc[start].is_punct):
            start += 1
        leading = doc[start : min(start + 5, span.start)]
        comma = next((t.i for t in leading if t.text == ","), None)
        if comma is not None and doc[start].pos_ in {"ADV", "ADP", "CCONJ", "SCONJ"}:
            start = comma + 1
        if start >= span.start:
            return None
        trimmed = _trim_content(doc_text(doc), doc[start].idx, offset + 1)
        return trimmed[0] if trimmed else None

    @staticmethod
    def _opens_clause(doc: Doc, content: Span, quotation: Quotation) -> bool:
        """'she said “harbour fees” and new levies would cover it': a quoted phrase
        opening the reported clause, whose verb comes after it, is a mixed quote."""
        span = doc.char_span(*content, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return (
            root.idx >= quotation.end
            and root.pos_ in {"VERB", "AUX"}
            and any(t.dep_ in SUBJECTS and t.idx < quotation.end for t in root.children)
        )

    @staticmethod
    def _quoted_whole(text: str, content: Span, quotation: Quotation) -> bool:
        outside = text[content[0] : quotation.start] + text[quotation.end : content[1]]
        return not any(c.isalnum() for c in outside)

    @staticmethod
    def _has_subject(doc: Doc, content: Span) -> bool:
        span = doc.char_span(*content, alignment_mode="expand")
        return span is not None and any(t.dep_ in SUBJECTS or t.dep_ == "expl" for t in span)

    @staticmethod
    def _continues(
        text: str,
        cues: list[Cue],
        pending: Attribution,
        pending_end: int,
        quotation: Quotation,
        pending_cue: Cue | None = None,
    ) -> bool:
        gap = text[pending_end : quotation.start]
        if "\n" in gap or len(gap) > 250 or pending.fragments[-1][1] >= quotation.fragments[0][0]:
            return False
        stripped = GAP_CONJUNCTION.sub("", gap.rstrip())  # "“A,” he said, but “B.”"
        if stripped and stripped[-1] not in ",.:;":
            return False  # a title or name quoted inside the next sentence
        # Another speaker's cue in between starts a new attribution; the cue clause's own
        # asides ("..., he said, referring to ...", "said X, who ...") do not, unless the
        # quotation is theirs ("..., he said, adding, “...”").
        return not any(
            pending_end <= c.span[0] < quotation.start
            and c.mention is not None
            and (c.mention != pending.mention or AttributionFinder._introduces(text, c, quotation))
            and not (
                _within_cue_clause(c, pending_cue)
                and sentence_break(text[c.span[1] : quotation.start])
            )
            for c in cues
        )

    @staticmethod
    def _title_in_cue_clause(text: str, pending_end: int, quotation: Quotation) -> bool:
        """A short capitalised quotation inside the cue clause's own sentence, after a word
        ("..., he said on “Face the Nation.”"): a programme or book title, nobody's words."""
        gap = text[pending_end : quotation.start]
        inner = text[quotation.fragments[0][0] : quotation.fragments[-1][1]]
        words = inner.split()
        if not gap.strip() or "\n" in gap or len(gap) > 120 or sentence_break(gap):
            return False
        if gap.rstrip()[-1] in ",.:;" or not 1 <= len(words) <= 5:
            return False
        return all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)

    @staticmethod
    def _introduces(text: str, cue: Cue, quotation: Quotation) -> bool:
        """Whether a cue between two parts of a quote introduces the second one ("“A,” she
        said, adding later, “B.”" is two attributions; "..., referring to X, “B.”" one)."""
        if cue.content is not None and cue.content[0] <= quotation.start < cue.content[1]:
            return True
        return len(text[cue.span[1] : quotation.start].split()) <= 1

    @staticmethod
    def _words_before(text: str, quotation: Quotation) -> bool:
        line_start = text.rfind("\n", 0, quotation.start) + 1
        stretch = text[line_start : quotation.start]
        for stop in (". ", "? ", "! ", ": "):
            cut = stretch.rfind(stop)
            if cut != -1:
                stretch = stretch[cut + 2 :]
        words = [w for w in stretch.replace(",", " ").split() if w[0].isalpha()]
        return len(words) >= 2

    @staticmethod
    def _words_after(text: str, quotation: Quotation, cue: Cue) -> int | None:
        """The end of the words between a quotation and its trailing cue clause, when the
        reported clause runs on past the closing mark: "“...” to cut costs, she said"."""
        clause = min(cue.span[0], cue.mention[0] if cue.mention else cue.span[0])
        gap = text[quotation.end : clause]
        comma = gap.rstrip().rfind(",")
        words = gap[:comma].split()
        if comma <= 0 or not gap[:1].isspace() or not words or not words[0][:1].islower():
            return None  # "“...” Holt, a surrogate, said": the speaker, not more content
        if any(c in QUOTE_CHARS for c in gap):
            return None
        return quotation.end + comma

    @staticmethod
    def _adjacent(text: str, cue: Cue, quotation: Quotation) -> bool:
        last = max(cue.span[1], cue.mention[1] if cue.mention else 0)
        gap = text[last : quotation.start]
        return not any(c.isalpha() for c in gap) or gap.strip(" ,:") in {"", "that"}

    @staticmethod
    def _cue_after(text: str, cues: list[Cue], quotation: Quotation) -> Cue | None:
        end = quotation.end
        reported: Span | None = None
        for cue in cues:
            if cue.span[0] < end or cue.used:
                continue
            if cue.span[0] - end > 200:
                break
            gap = text[end : cue.span[0]]
            if "\n" in gap or sentence_break(gap) or "“" in gap or '"' in gap:
                break
            if reported is not None and reported[0] <= cue.span[0] < reported[1]:
                continue  # "On “Tonight,” she said she hoped to talk ...": the speech's verbs
            if (
                cue.content is not None
                and cue.content[0] >= cue.span[1]
                and not sentence_break(text[cue.span[1] : cue.content[0]])
                and text[cue.content[0] - 1 : cue.content[0] + 1].strip()[:1] not in QUOTE_CHARS
            ):
                reported = reported or cue.content
                continue  # "“...” he said, adding that ...": the cue has its own content
            if cue.mention is None:
                continue
            return cue
        return None

    @staticmethod
    def _cue_before(text: str, cues: list[Cue], quotation: Quotation) -> Cue | None:
        start = quotation.start
        best = None
        for cue in cues:
            if cue.span[1] > start:
                break
            if cue.used or start - cue.span[1] > 120 or cue.complement == "dash":
                continue
            if cue.mention is None:
                continue  # "the stadium, known as “the Cauldron”": nobody speaks
            gap = text[cue.span[1] : start]
            if gap.strip() == ":" and gap.lstrip().startswith(":"):
                pass  # "X continued:" and the quote in the next paragraph
            elif "\n" in gap or sentence_break(gap):
                continue
            if cue.content is None or (
                cue.content[0] <= quotation.end and cue.content[1] >= quotation.start
            ):
                best = cue  # a cue with its own content elsewhere is not this quote's
        return best

    @staticmethod
    def _cue_clause_end(text: str, cue: Cue) -> int:
        end = max(cue.span[1], cue.mention[1] if cue.mention else 0)
        while end < len(text) and text[end] in " ,":
            end += 1
        return end

    @staticmethod
    def _planned(cue: Cue, cues: list[Cue]) -> bool:
        """ "declined to warn the contractor or declare it at fault", "vowed not to
        repeat the claim": a cue verb in another cue's infinitive is an act promised, wanted or
        refused, reported by that cue, not a second attribution."""
        verb = cue.verb
        if verb.dep_ == "conj" and verb.head.dep_ == "xcomp":
            verb = verb.head
        if verb.dep_ != "xcomp":
            return False
        # "pressed the commissioner to explain ...": asked for, not done
        requested = any(c.dep_ == "dobj" and c.i < verb.i for c in verb.head.children)
        return any(
            (other.complement == "to" or requested)
            and other.verb.i == verb.head.i
            and other.mention is not None
            for other in cues
            if other is not cue
        )

    @staticmethod
    def _says_of_self(text: str, cue: Cue, cues: list[Cue]) -> bool:
        """ "She said she recalls ...", "He said he had not mentioned ...": a pronoun opening
        a speaker's reported clause is the speaker, and the verb after it part of the words."""
        if cue.mention is None or cue.mention_root is None:
            return False
        root = cue.mention_root
        if root.lower_ not in {"he", "she", "i", "we", "they"} or root.head.i != cue.verb.i:
            return False
        return any(
            other.content[0] <= cue.mention[0] < other.content[1]
            and text[other.content[0] : cue.mention[0]].strip().lower() in {"", "that"}
            for other in cues
            if other is not cue
            and other.content
            and other.tier == "speech"
            and other.mention is not None
        )

    @staticmethod
    def _names_only(doc: Doc, content: Span) -> bool:
        """Whether the content is only a name or a pronoun: who was spoken of or to."""
        span = doc.char_span(*content, alignment_mode="expand")
        if span is None:
            return False
        if len(span) == 1 and span[0].pos_ == "PRON":
            return True
        return all(t.pos_ == "PROPN" or t.text == "." for t in span) or any(
            ent.start == span.start and ent.end == span.end
            for ent in span.ents
            if ent.label_ in {"PERSON", "GPE", "NORP", "ORG"}
        )

    @staticmethod
    def _standalone(text: str, quotation: Quotation) -> bool:
        line_start = text.rfind("\n", 0, quotation.start) + 1
        if text[line_start : quotation.start].strip():
            return False
        inner = text[quotation.fragments[0][0] : quotation.fragments[-1][1]]
        return len(inner.split()) >= 6

    # -- indirect and mixed reported speech -------------------------------------------

    def reported_speech(
        self,
        doc: Doc,
        cues: list[Cue],
        quotations: list[Quotation],
        mixed: dict[int, list[Quotation]],
    ) -> list[Attribution]:
        text = doc_text(doc)
        found = []
        inside_marks = [(q.start, q.end) for q in quotations]
        for index, cue in enumerate(cues):
            if cue.used or cue.content is None:
                continue
            if cue.mention is None and cue.complement != "according" and not cue.passive:
                continue
            if any(a <= cue.span[0] < b for a, b in inside_marks):
                continue  # a verb inside somebody's quote
            if cue.verb.dep_ == "xcomp" and any(
                other.verb.i == cue.verb.head.i and other.complement == "to" and not other.used
                for other in cues
            ):
                continue  # "refuses to discuss X": what "refuses" reports
            if any(
                a <= cue.content[0] and cue.content[1] <= b and cue.span[0] >= b + 3
                for a, b in inside_marks
            ):
                continue  # an earlier quotation's words taken by a later, unrelated cue
            if (
                cue.mention_root is not None
                and cue.mention_root.lower_ == "you"
                and cue.verb.sent.text.rstrip(QUOTE_CHARS + " \n").endswith("?")
            ):
                continue  # "Do you know where ...?": the writer asks the reader
            if cue.tier in HELD_TIERS and any(
                other.content and other.content[0] <= cue.span[0] < other.content[1]
                for other in cues
                if other is not cue and other.tier == "speech"
            ):
                continue  # "X said China did not want ...": the belief is X's words
            if self._planned(cue, cues):
                continue  # "refused to ... explain how ...": an act planned or refused
            if self._says_of_self(text, cue, cues):
                continue  # "She said she recalls ...": her own words about herself
            start, end = cue.content
            fragments = [(start, end)] if cue.about is None else [cue.about, (start, end)]
            split_kind = "mixed" if index in mixed else "indirect"  # for the split contents
            if cue.complement == "according" and start < cue.span[0] < end:
                last = cue.mention_root.right_edge.i
                hole = (cue.span[0], doc[last].idx + len(doc[last]))
                fragments = split_around(cue.content, [hole], text)
                if len(fragments) == 2:
                    found.append(cue.attribution(split_kind, fragments, cue.confidence))
                continue
            if cue.complement == "as":
                hole = _chars(doc, cue.verb.left_edge.i, cue.verb.right_edge.i)
                fragments = split_around(cue.content, [hole], text)
                if fragments:
                    found.append(cue.attribution(split_kind, fragments, cue.confidence))
                continue
            if cue.hole is not None:
                fragments = split_around(cue.content, [cue.hole], text)
                if len(fragments) == 2:
                    found.append(cue.attribution(split_kind, fragments, cue.confidence))
                continue
            if cue.complement == "extracted":
                fragments = split_around(cue.content, [(cue.mention[0], cue.span[1])], text)
                if len(fragments) == 2:
                    found.append(cue.attribution(split_kind, fragments, cue.confidence))
                continue
            if cue.complement == "parenthetical" and cue.mention_root is not None:
                bounds = inserted_clause(doc, cue.verb, cue.mention_root)
                holes = [_chars(doc, *bounds)] if bounds else [cue.mention, cue.span]
                fragments = split_around(cue.content, holes, text)
                if len(fragments) != 2:
                    continue
                found.append(cue.attribution(split_kind, fragments, cue.confidence))
                continue
            if cue.mention and cue.mention[0] < end and start < cue.mention[1]:
                continue
            if start < cue.span[1] and cue.span[0] < end:
                continue
            if len(text[start:end].split()) < 2 and cue.complement in {"clause", "trailing"}:
                continue
            if cue.complement in {"to", "object", "prep"} and ANONYMITY.match(text, start, end):
                continue
            if cue.verb.lemma_.lower() in AUTHORIZING_VERBS and TO_SPEAK.match(text, start, end):
                continue
            if (
                cue.complement == "object"
                and cue.verb.lemma_.lower() in NAMING_VERBS
                or cue.complement == "prep"
                and cue.verb.lemma_.lower() in VOTING_VERBS
            ) and self._names_only(doc, cue.content):
                continue  # "echoing Mr. Holt", "branded the country": a party, not a message
            kind = "mixed" if index in mixed else "indirect"
            confidence = cue.confidence + (0.05 if kind == "mixed" else 0.0)
            confidence -= self._doubt(text, cue, kind)
            found.append(cue.attribution(kind, fragments, round(max(confidence, 0.05), 2)))
        return found

    @staticmethod
    def _doubt(text: str, cue: Cue, kind: str) -> float:
        """How much less sure an indirect or mixed attribution is than its cue's tier says:
        a relative clause's source ("a lawyer who considers ...") is often background, a
        few words of content are often a topic or a name, and all-capital text is a
        heading the parser reads poorly."""
        doubt = 0.0
        if cue.mention_root is not None and cue.mention_root.lower_ in {"who", "which", "that"}:
            doubt += 0.15
        content = text[cue.content[0] : cue.content[1]] if cue.content else ""
        if kind == "indirect" and len(content.split()) < 6:
            doubt += 0.1
        if content.isupper():
            doubt += 0.3
        return doubt


Doc.set_extension("attributions", default=None, force=True)


@Language.factory("newsdesk_attributions")
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp)
