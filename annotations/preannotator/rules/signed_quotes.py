"""Quotes signed by layout rather than a verb: "“...” ― Ana Ruiz", "RUIZ: ..." and a
headline's "Senator Hammers Chief: ‘Resign’"."""

import re

from spacy.tokens import Doc, Token

from ..lexicon import doc_text, words
from .contents import trim_content
from .records import Cue
from .tokens import QUOTE_CHARS, chars, paragraph_end_char

EDITORIAL_LABELS = words("editorial_labels.txt")


class SignedQuotes:
    """Cues given by a dash or a colon and a name."""

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
        mention = chars(doc, names[0].i, names[-1].i)
        root = next((t for t in reversed(names) if t.pos_ == "PROPN"), names[-1])
        return Cue(chars(doc, dash.i, dash.i), dash, mention, root, None, complement="dash")

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
        end = paragraph_end_char(doc_text(doc), colon.idx)
        content = trim_content(doc_text(doc), colon.idx + 1, end)
        if content is None or len(doc_text(doc)[content[0] : content[1]].split()) < 3:
            return None
        mention = chars(doc, names[0].i, names[-1].i)
        return Cue(
            chars(doc, colon.i, colon.i),
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
        end = paragraph_end_char(text, colon.idx)
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
        content = trim_content(text, colon.idx + 1, end)
        if content is None or len(after.split()) < 2:
            return None
        mention = chars(doc, person.start, person.end - 1)
        return Cue(
            chars(doc, colon.i, colon.i),
            colon,
            mention,
            person.root,
            content,
            tier="report",
            complement="colon",
        )
