"""Attributions: cue, speaker mention and content, from the parse and the quotations.

One pass over the tokens finds the cues (speech verbs from ``data/cue_verbs.txt`` and the
phrases of ``data/cue_phrases.txt``); the dependency parse gives each cue its speaker (the
subject) and its reported content (the clausal complement, or the clause that "according to"
modifies). Quotations found by their marks are then tied to the cue next to them: a direct
quote, or a mixed one when the quotation sits inside reported speech. Quotations tied to no
cue and no reported speech are scare quotes, titles or names, and yield nothing.
"""

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from .lexicon import lexicon
from .quotation import Quotation

Span = tuple[int, int]

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
MENTION_CUTS = {"appos", "relcl", "acl", "punct", "advcl", "prep"}
LEADING_SKIP = {"mark", "cc", "punct", "advmod", "prep", "npadvmod", "intj", "dep"}
QUOTE_CHARS = '“”"‘’«»'
EDGE_PUNCT = ".,;:!?—–-…•·*()[] \n\t"


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
    phrase: bool = False
    used: bool = False


def _chars(doc: Doc, first: int, last: int) -> Span:
    """Character bounds of tokens ``first..last`` (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last])


def _trim_content(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start] in EDGE_PUNCT and text[start] not in QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1] in EDGE_PUNCT and text[end - 1] not in QUOTE_CHARS):
        end -= 1
    if text[start:end].lower().startswith("that "):
        start += 5
    # A lone closing mark without its opening one is dropped, and the reverse.
    if (
        end > start
        and text[end - 1] in '”"'
        and text.count("“", start, end) + text.count('"', start, end - 1) == 0
    ):
        end -= 1
    if (
        end > start
        and text[start] in '“"'
        and text.count("”", start, end) + text.count('"', start + 1, end) == 0
    ):
        start += 1
    return (start, end) if end - start > 1 else None


def mention_span(token: Token) -> tuple[int, int]:
    """Token bounds of the speaker mention headed by ``token``: its subtree minus appositives,
    relative clauses and what follows a comma ("Rachel Lee, a senior fellow ...")."""
    first, last = token.left_edge.i, token.right_edge.i
    for child in token.rights:
        if child.dep_ in MENTION_CUTS and not (child.dep_ == "prep" and child.i == token.i + 1):
            last = min(last, child.left_edge.i - 1)
            break
    for child in token.lefts:
        if child.dep_ == "punct":
            first = max(first, child.i + 1)
    doc = token.doc
    while last > first and (doc[last].is_punct or doc[last].dep_ == "cc"):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].dep_ == "cc"):
        first += 1
    return first, last


def content_span(doc: Doc, head: Token, exclude: tuple[int, int] | None = None) -> Span | None:
    """Characters of the clause headed by ``head``, leading adverbials and the
    complementiser dropped, ``exclude`` (token bounds, e.g. "according to X") cut out."""
    first, last = head.left_edge.i, head.right_edge.i
    subject_i = next((c.i for c in head.lefts if c.dep_ in SUBJECTS or c.dep_ == "expl"), None)
    if subject_i is not None:
        for child in head.lefts:
            if child.i < subject_i and child.dep_ in LEADING_SKIP:
                first = max(first, child.right_edge.i + 1)
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
    start, end = _chars(doc, first, last)
    return _trim_content(doc.text, start, end)


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
    rest = [t for t in doc[last + 1 : sent.end] if not t.is_space]
    tail = 0
    for token in rest:
        if token.is_punct:
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
    return _trim_content(doc.text, begin, end)


def subject_of(verb: Token) -> Token | None:
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return child
        if verb.dep_ in {"conj", "advcl", "xcomp", "ccomp", "relcl"} and verb.head is not verb:
            if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
                return verb.head
            verb = verb.head
        else:
            return None
    return None


class AttributionFinder:
    """Pipeline component: ``doc._.attributions``, unresolved attributions in text order."""

    def __init__(self, nlp: Language) -> None:
        lex = lexicon()
        self.cue_verbs = lex.cue_verbs
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases.add("CUE", [nlp.make_doc(" ".join(p)) for p in lex.cue_phrases])

    def __call__(self, doc: Doc) -> Doc:
        cues = self.find_cues(doc)
        quotations: list[Quotation] = doc._.quotations or []
        attributions = self.attach_quotations(doc, cues, quotations)
        attributions += self.reported_speech(doc, cues, quotations)
        attributions.sort(key=lambda a: a.fragments[0])
        doc._.attributions = attributions
        return doc

    # -- cues -------------------------------------------------------------------------

    def find_cues(self, doc: Doc) -> list[Cue]:
        cues: list[Cue] = []
        phrase_tokens: set[int] = set()
        for _, start, end in self.phrases(doc):
            first = doc[start]
            if first.lower_ == "according":
                pobj = next((c for c in doc[start + 1].children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                m_first, m_last = mention_span(pobj)
                exclude = (start, doc[end - 1].right_edge.i)
                content = (
                    content_span(doc, first.head, exclude) if first.head is not first else None
                )
                cue = Cue(
                    _chars(doc, start, end - 1),
                    first,
                    _chars(doc, m_first, m_last),
                    pobj,
                    content,
                    phrase=True,
                )
            else:
                verb = next((t for t in doc[start:end] if t.pos_ in {"VERB", "AUX"}), first)
                subject = subject_of(verb)
                content = None
                for token in doc[start:end]:
                    comp = next(
                        (c for c in token.children if c.dep_ in {"ccomp", "acl"} and c.i >= end),
                        None,
                    )
                    if comp is not None:
                        content = content_span(doc, comp)
                        break
                mention = _chars(doc, *mention_span(subject)) if subject is not None else None
                cue = Cue(_chars(doc, start, end - 1), verb, mention, subject, content, phrase=True)
            phrase_tokens.update(range(start, end))
            cues.append(cue)
        for token in doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.cue_verbs:
                continue
            if token.i in phrase_tokens:
                continue
            subject = subject_of(token)
            comp = next((c for c in token.children if c.dep_ == "ccomp"), None)
            content = None
            if comp is not None:
                content = content_span(doc, comp)
            elif subject is not None and token.tag_ != "VBG":
                content = trailing_content(doc, token, subject)
            mention = None
            if subject is not None:
                mention = _chars(doc, *mention_span(subject))
            cue_span = _chars(doc, token.i, token.i)
            cues.append(Cue(cue_span, token, mention, subject, content))
        cues.sort(key=lambda c: c.span)
        return cues

    # -- direct and mixed quotes ------------------------------------------------------

    def attach_quotations(
        self, doc: Doc, cues: list[Cue], quotations: list[Quotation]
    ) -> list[Attribution]:
        text = doc.text
        found: list[Attribution] = []
        pending: Attribution | None = None  # last direct quote, for interrupted ones
        pending_end = -1
        last_speaker: Attribution | None = None
        for quotation in quotations:
            if (
                pending is not None
                and quotation.start - pending_end < 4
                and "\n" not in text[pending_end : quotation.start]
                and pending.fragments[-1][1] < quotation.fragments[0][0]
            ):
                # "“A,” he said, “B.”": the second part continues the interrupted quote.
                pending.fragments.extend(quotation.fragments)
                pending_end = quotation.end
                continue
            pending = None
            after = self._cue_after(text, cues, quotation)
            before = self._cue_before(text, cues, quotation) if after is None else None
            cue = after or before
            words_before = self._words_before(doc, quotation)
            if cue is not None:
                cue.used = True
                kind = "direct"
                fragments = list(quotation.fragments)
                confidence = 0.9 if cue.mention else 0.6
                if before is not None and not self._adjacent(text, before, quotation):
                    kind = "mixed"
                    confidence = 0.75
                    content = before.content
                    if (
                        content
                        and doc.char_span(*content, alignment_mode="expand") is not None
                        and self._has_subject(doc, content)
                    ):
                        start = min(content[0], quotation.fragments[0][0])
                        end = max(content[1], quotation.fragments[-1][1])
                        fragments = [(start, end)]
                elif after is not None and words_before:
                    kind = "mixed"
                    confidence = 0.7
                attribution = Attribution(
                    kind,
                    fragments,
                    cue.span,
                    cue.mention,
                    confidence,
                    cue.mention_root.i if cue.mention_root is not None else None,
                )
                found.append(attribution)
                last_speaker = attribution
                if after is not None:
                    pending = attribution
                    pending_end = self._cue_clause_end(text, cue)
                continue
            if self._inside_reported_speech(cues, quotation):
                continue  # handled as a mixed quote with its cue
            if self._standalone(text, quotation) and last_speaker is not None:
                # A quote paragraph continuing the previous speaker, no cue of its own.
                found.append(
                    Attribution(
                        "direct",
                        list(quotation.fragments),
                        None,
                        None,
                        0.35,
                        last_speaker.mention_root,
                    )
                )
        return found

    @staticmethod
    def _words_before(doc: Doc, quotation: Quotation) -> bool:
        text = doc.text
        line_start = text.rfind("\n", 0, quotation.start) + 1
        stretch = text[line_start : quotation.start]
        for stop in (". ", "? ", "! ", ": "):
            cut = stretch.rfind(stop)
            if cut != -1:
                stretch = stretch[cut + 2 :]
        words = [w for w in stretch.replace(",", " ").split() if w[0].isalpha()]
        return len(words) >= 2

    @staticmethod
    def _has_subject(doc: Doc, content: Span) -> bool:
        span = doc.char_span(*content, alignment_mode="expand")
        return span is not None and any(t.dep_ in SUBJECTS for t in span)

    @staticmethod
    def _adjacent(text: str, cue: Cue, quotation: Quotation) -> bool:
        last = max(cue.span[1], cue.mention[1] if cue.mention else 0)
        gap = text[last : quotation.start]
        return not any(c.isalpha() for c in gap) or gap.strip(" ,:") in {"", "that"}

    def _cue_after(self, text: str, cues: list[Cue], quotation: Quotation) -> Cue | None:
        end = quotation.end
        for cue in cues:
            if cue.span[0] < end or cue.used:
                continue
            if cue.span[0] - end > 80:
                break
            gap = text[end : cue.span[0]]
            if "\n" in gap or any(stop in gap for stop in (". ", "? ", "! ", "“", '"')):
                break
            if cue.content is not None and cue.content[0] >= cue.span[1]:
                continue  # "..." he said, adding that ...: the cue has its own content
            if cue.mention is None and not cue.phrase:
                continue
            return cue
        return None

    def _cue_before(self, text: str, cues: list[Cue], quotation: Quotation) -> Cue | None:
        start = quotation.start
        best = None
        for cue in cues:
            if cue.span[1] > start:
                break
            if cue.used or start - cue.span[1] > 120:
                continue
            gap = text[cue.span[1] : start]
            if "\n" in gap or ". " in gap:
                continue
            if cue.content is None or cue.content[1] > start:
                best = cue
        return best

    @staticmethod
    def _cue_clause_end(text: str, cue: Cue) -> int:
        end = max(cue.span[1], cue.mention[1] if cue.mention else 0)
        while end < len(text) and text[end] in " ,":
            end += 1
        return end

    @staticmethod
    def _inside_reported_speech(cues: list[Cue], quotation: Quotation) -> bool:
        return any(
            cue.content
            and cue.content[0] <= quotation.start
            and quotation.end <= cue.content[1] + 1
            for cue in cues
        )

    @staticmethod
    def _standalone(text: str, quotation: Quotation) -> bool:
        if not _opens_line(text, quotation.start):
            return False
        inner = text[quotation.fragments[0][0] : quotation.fragments[-1][1]]
        return len(inner.split()) >= 6

    # -- indirect and mixed reported speech -------------------------------------------

    def reported_speech(
        self, doc: Doc, cues: list[Cue], quotations: list[Quotation]
    ) -> list[Attribution]:
        text = doc.text
        found = []
        inside_marks = [(q.start, q.end) for q in quotations]
        for cue in cues:
            if cue.used or cue.content is None:
                continue
            if any(a <= cue.span[0] < b for a, b in inside_marks):
                continue
            if cue.mention is None and cue.verb.lower_ != "according":
                continue
            start, end = cue.content
            if cue.mention and cue.mention[0] < end and start < cue.mention[1]:
                continue
            if start < cue.span[1] and cue.span[0] < end:
                continue
            if len(text[start:end].split()) < 2:
                continue
            inside = [q for q in quotations if start <= q.start and q.end <= end + 1]
            kind = "mixed" if inside else "indirect"
            confidence = 0.7
            lemma = cue.verb.lemma_.lower()
            if lemma in {"say", "tell", "according", "add", "report", "write", "claim", "warn"}:
                confidence = 0.8
            if lemma in {
                "think",
                "believe",
                "find",
                "show",
                "call",
                "want",
                "hope",
                "expect",
                "fear",
                "worry",
                "ask",
                "describe",
                "question",
                "wonder",
            }:
                confidence = 0.5
            found.append(
                Attribution(
                    kind,
                    [(start, end)],
                    cue.span,
                    cue.mention,
                    confidence,
                    cue.mention_root.i if cue.mention_root is not None else None,
                )
            )
        return found


def _opens_line(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


Doc.set_extension("attributions", default=None, force=True)


@Language.factory("newsdesk_attributions")
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp)
