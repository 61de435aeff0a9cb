"""Indirect and mixed reported speech: the attributions of cues whose content no quotation
took, with the filters that keep out what only looks like a report."""

import re

from spacy.tokens import Doc

from ..lexicon import doc_text, words
from ..quotation import Quotation
from .contents import inserted_clause, split_around
from .records import HELD_TIERS, Attribution, Cue
from .tokens import QUOTE_CHARS, Span, chars

# "an official who asked not to be named": the newsroom's anonymity formula, not a statement
ANONYMITY = re.compile(
    r"(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+anonymous"
    r"|(?:the\s+)?condition\s+(?:of|that)\s+(?:anonymity|they|he|she)|anonymity)\b",
    re.IGNORECASE,
)

AUTHORIZING_VERBS = words("authorizing_verbs.txt")

TO_SPEAK = re.compile(r"to\s+(?:speak|talk|comment|discuss|be\s+quoted)\b", re.IGNORECASE)

NAMING_VERBS = words("naming_verbs.txt")

VOTING_VERBS = words("voting_verbs.txt")


class ReportedSpeech:
    """Reported speech without quotation marks (or around them)."""

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
                hole = chars(doc, cue.verb.left_edge.i, cue.verb.right_edge.i)
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
                holes = [chars(doc, *bounds)] if bounds else [cue.mention, cue.span]
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
