"""Direct and mixed quotations: each quotation found by its marks is tied to the reported
speech around it (mixed), or to the cue beside it (direct, joined across an interruption).
A quotation tied to neither is a scare quote, a title or a name, and yields nothing."""

import re

from spacy.tokens import Doc

from ..lexicon import doc_text
from ..quotation import Quotation
from .contents import trim_content
from .records import ACT_QUOTE_CONFIDENCE, Attribution, Cue
from .tokens import QUOTE_CHARS, SUBJECTS, Span, sentence_break

LEADING_ARTICLE = re.compile(r"(?:^|\s)((?:a|an|the|A|An|The) )$")

GAP_CONJUNCTION = re.compile(r"(?:^|\s)(?:but|and)$")

TITLE_SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"}


# a colon or a comma and an opening mark after a cue clause: '... Crowther added: “'
COLON_THEN_QUOTE = re.compile(r"\s*[:,]\s*[“\"‘']")


def _opens_next(text: str, cue: Cue, quotation: Quotation) -> bool:
    """Whether a cue after a quotation that ends its sentence introduces the next one
    instead: '“... What am I doing there?” LTA chief John Crowther added: “The relationship
    ...”' is Crowther's quote, not the one before ('“A,” he added: “B.”' stays one)."""
    last = _words_end(cue)
    return _ends_sentence(text, quotation) and COLON_THEN_QUOTE.match(text, last) is not None


def _introduced(text: str, cue: Cue | None, quotation: Quotation) -> bool:
    """Whether a cue right before a quotation that ends its sentence introduces it with a
    colon ('Hamm said: “There are mixed emotions.”')."""
    if cue is None:
        return False
    last = _words_end(cue)
    return _ends_sentence(text, quotation) and text[last : quotation.start].strip() == ":"


def _words_end(cue: Cue) -> int:
    """Where a cue's words end: its verb's, or its source's when named after it."""
    return max(cue.span[1], cue.mention[1] if cue.mention else 0)


def _ends_sentence(text: str, quotation: Quotation) -> bool:
    """Whether a quotation's words end with the end of a sentence ('... there?”')."""
    words = text[quotation.start : quotation.end].rstrip(QUOTE_CHARS + "'")
    return bool(words) and words[-1] in ".?!"


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


class QuoteAttacher:
    """Quotations tied to their cues."""

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
            introducing = self._cue_before(text, cues, quotation)
            if after is not None and _introduced(text, introducing, quotation):
                # 'Hamm said: “... at the beginning.” The friendly also saw ...': the cue
                # that introduces a finished quote, not a verb of the next sentence
                after = None
            before = introducing if after is None else None
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
        trimmed = trim_content(doc_text(doc), doc[start].idx, offset + 1)
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
            and (c.mention != pending.mention or QuoteAttacher._introduces(text, c, quotation))
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
        last = _words_end(cue)
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
            if _opens_next(text, cue, quotation):
                return None  # '“... there?” Crowther added: “B.”': the cue is B's
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
        end = _words_end(cue)
        while end < len(text) and text[end] in " ,":
            end += 1
        return end

    @staticmethod
    def _standalone(text: str, quotation: Quotation) -> bool:
        line_start = text.rfind("\n", 0, quotation.start) + 1
        if text[line_start : quotation.start].strip():
            return False
        inner = text[quotation.fragments[0][0] : quotation.fragments[-1][1]]
        return len(inner.split()) >= 6
