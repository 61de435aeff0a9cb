"""A line break ends a sentence: a headline, a dateline or a paragraph is never joined to the
text after it. Runs before spaCy's parser, which keeps sentence starts already set, so that
"Brown in appeal for Labour unity\n\nGordon Brown has made an appeal ..." parses as two
sentences, with Gordon Brown the subject of the second (the parser alone joins them in most
articles that open with a headline)."""

from spacy.language import Language
from spacy.tokens import Doc

NAME = "newsdesk_paragraphs"


@Language.component(NAME)
def paragraph_sentences(doc: Doc) -> Doc:
    """Mark the first word after a line break as a sentence start, unless it is written in
    lower case (a line broken inside a sentence by the page it was copied from); the word
    after it goes on the same sentence (told where a paragraph starts, the parser would
    otherwise often end a sentence after its first word: "Michael | Howard is to ...")."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and not token.text[:1].islower():
            token.is_sent_start = True
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if not (
                token.is_punct or following is None or following.is_space or following.is_punct
            ):
                following.is_sent_start = False
        after_break = False
    return doc
