"""Who said it: the subject of a cue verb, however the parse hung it, and the span of words
that names the source."""

from spacy.tokens import Token

from ..lexicon import lexicon, words
from .tokens import BREAKING_PUNCT, QUOTE_CHARS, STRAIGHT_QUOTES, SUBJECTS, lefts, rights

PRECONJUNCTIONS = {"both", "either", "neither"}  # "Both X and Y", not "Both parties"

PERSONAL_PRONOUNS = {"he", "she", "they", "we", "i", "it"}

RELATIVE_WORDS = {"that", "which", "who", "whom", "what"}

# "defended it by saying ...": the subject says it; "praised him for saying ...": the object.
SUBJECT_CONTROL_PREPS = {"by", "after", "before", "while", "without", "in", "when"}

SPEAKING_OCCASIONS = words("speaking_occasions.txt")

SUBORDINATORS = {"as", "while", "because", "since", "after", "before", "until", "though"}

OBJECT_CONTROL = words("object_control_verbs.txt")

GENDERED_WORDS = words("gendered_words.txt")  # "his wife", "the chairwoman": people


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


def _spaced_dash(token: Token) -> bool:
    """A dash written as a hyphen with spaces around it ("Souness - who ... - said"), or
    any dash with a space before it."""
    return (
        token.text in {"-", "--", "—", "―"}
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
    )


def mention_span(token: Token) -> tuple[int, int]:
    """Token bounds of the speaker mention headed by ``token``: its subtree minus appositives
    set off by punctuation, what follows a comma ("Rachel Lee, a senior fellow ..."), a time
    phrase ("in 2015"), and a leading focus word ("Even China", "Both X and Y")."""
    first, last = token.left_edge.i, token.right_edge.i
    doc = token.doc
    joined = [c for c in rights(token) if c.dep_ == "conj"]
    if any(c.text == "," for c in rights(token)):
        joined = []  # a list with commas keeps its first name: "X (D), Y (R) and Z"
    for child in rights(token):
        if joined and child.i < joined[-1].i and _bracketed(child):
            continue  # "Sens. Ana Ruiz (D-Ore.) and Tom Holt (R-Ohio)": both speak
        if (
            (child.dep_ == "advcl" or child.dep_ == "appos" and _set_off(child))
            or (child.dep_ == "punct" and (child.text in BREAKING_PUNCT or _spaced_dash(child)))
            or (child.dep_ == "prep" and token.ent_type_ == "PERSON" and child.lower_ != "of")
            or (child.dep_ == "prep" and _of_time(child))
        ):
            last = min(last, child.left_edge.i - 1)
            break
    for child in lefts(token):
        if child.dep_ == "punct" and child.text in BREAKING_PUNCT:
            first = max(first, child.i + 1)
    for i in range(first, last + 1):
        if "\n" in doc[i].text_with_ws or (
            (doc[i].text == ":" or _spaced_dash(doc[i])) and i < token.i
        ):
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
    if _cut_at_title(doc, first):
        first = doc[first - 1 - (doc[first].text != ".")].left_edge.i
    while first < last and (
        doc[first].is_punct
        or doc[first].is_space
        or doc[first].dep_ in {"cc", "preconj"}
        or (doc[first].lower_ in PRECONJUNCTIONS and any(t.dep_ == "cc" for t in doc[first:last]))
        or (doc[first].dep_ == "advmod" and doc[first].head.i == token.i)
    ):
        first += 1  # "Both X and Y", "Even China"
    return first, last


def _cut_at_title(doc, first: int) -> bool:
    """Whether a mention starts right after an abbreviated title's full stop, within its
    sentence (the parser may end one at a short title): "Army Capt. Christian Pardo" cut at
    "Capt." (not "... president. Dunn and John agreed")."""
    stop = first if doc[first].text == "." else first - 1
    title = doc[stop - 1] if stop > 0 else None
    return (
        title is not None
        and doc[stop].text == "."
        and not title.whitespace_
        and title.is_title
        and title.lower_ in lexicon().titles
        and (len(title) <= 4 or not doc[stop + 1].is_sent_start)  # "Capt.", not "Mayor."
    )


def _of_time(prep: Token) -> bool:
    """ "A panel of engineers in 2019 wrote ...": a time phrase is no part of the source."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


SPACED_DASHES = {"-", "--", "–", "—", "―"}

DATELINE_PUNCT = {",", "(", ")", "."}


def _dateline_dash(subject: Token) -> Token | None:
    """The dash that ends a paragraph's dateline when the parser took the dateline for the
    subject: "RANGOON, Burma - Aung San Suu Kyi's allies predicted ...", "New York (AFP) –
    Vice President Joe Biden on Monday hit ...". A dateline is a place (capitalised words,
    commas, a news agency in brackets), never a person: "Ana Ruiz - a nurse - said" keeps
    its subject."""
    doc = subject.doc
    start = subject.left_edge.i
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return None
    place = False
    for token in doc[start : subject.head.i]:
        if token.text in SPACED_DASHES and token.whitespace_ and doc[token.i - 1].whitespace_:
            return token if place and token.i > subject.i else None
        named = token.pos_ == "PROPN" or token.text in DATELINE_PUNCT
        if token.ent_type_ == "PERSON" or not named:
            return None
        place = place or token.ent_type_ in {"GPE", "LOC"} or (token.is_upper and len(token) > 2)
    return None


def named_subject(subject: Token) -> Token:
    """ "With two weeks until the vote, Lena Ortiz, a harbour aide, called ...": a subject
    right after a preposition is the parser's mistake for its object; the name set off
    after it is the subject; so is the name after a title the parser took for the subject
    ("said Army Capt. Christian Pardo"). A dateline the parser took for the subject gives
    way to the noun after its dash."""
    doc = subject.doc
    i = subject.i
    if (
        i + 2 < len(doc)
        and doc[i + 1].text == "."
        and doc[i + 2].pos_ == "PROPN"
        and subject.lower_ in lexicon().titles
    ):
        # "said Army Capt. Christian Pardo": the parser made the title the subject
        name = doc[i + 2]
        while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
            name = name.head
        return name
    dash = _dateline_dash(subject)
    if dash is not None:
        verb = subject.head.i
        after = range(dash.i + 1, verb)
        return next(
            (
                doc[k]
                for k in after
                if doc[k].pos_ in {"NOUN", "PROPN", "PRON"} and doc[k].head.i not in after
            ),
            subject,
        )
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


def document_author(document: Token) -> Token | None:
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
    """ "Engineers said heavy rains have added to it, citing the ...", "Rubio said the bill
    had the votes but was waylaid - and arguing ...": the parser hung a participle set off
    by a comma or a dash on the reported clause, whose subject is a thing that cannot speak;
    the reporting verb's subject speaks."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.dep_ == "cc" and before.i > 0:
        before = doc[before.i - 1]  # "..., and arguing"
    clause = verb.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head  # "had ... but was waylaid - and arguing": the first verb's
    if (
        verb.dep_ not in {"advcl", "conj"}
        or verb.tag_ != "VBG"
        or before is None
        or before.text not in {",", "-", "--", "—", "–"}
        or clause.dep_ != "ccomp"
        or clause.head.i > clause.i  # "..., calling it X, Ruiz said": all of it reported
        or clause.head.pos_ != "VERB"
        or clause.head.lemma_.lower() not in lexicon().cue_verbs
    ):
        return None
    subject = _thing(next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None))
    if (
        subject is None
        or subject.pos_ != "NOUN"
        or subject.ent_type_
        or _speaks(subject)
        or subject.lemma_.lower() in lexicon().titles
        or subject.lemma_.lower() in GENDERED_WORDS
        or not (any(c.dep_ in SUBJECTS for c in clause.head.children) or clause.head.tag_ == "VBG")
    ):
        return None
    return clause.head


QUANTIFIERS = {"some", "much", "part", "most", "all", "one", "none"}


def _thing(subject: Token | None) -> Token | None:
    """What a subject is about: "some of the rhetoric" -> "rhetoric"."""
    if subject is not None and subject.lower_ in QUANTIFIERS:
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((c for c in of.children if c.dep_ == "pobj"), subject) if of else subject
    return subject


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
