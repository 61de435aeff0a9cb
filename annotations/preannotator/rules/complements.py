"""The complement a cue verb takes for what was said: a "that" clause, an infinitive, an
object, a preposition (in the order the verb's entry in ``data/cue_verbs.txt`` allows)."""

from spacy.tokens import Doc, Token

from ..lexicon import CueVerb, doc_text, words
from .contents import (
    CONCESSIVE,
    alternative,
    content_span,
    drop_trailing_relative,
    from_sentence_start,
    misparsed_subject,
    parenthetical_content,
    trailing_content,
    trim_content,
)
from .records import HELD_TIERS
from .tokens import QUOTE_CHARS, SUBJECTS, Span, chars, rights

PREPOSITIONS = {"for", "about", "against", "of", "on"}

OBJECT_TAIL = {"prep", "oprd", "xcomp", "ccomp", "advmod", "npadvmod", "acomp", "dative"}

OBJECT_PREPS = {"as", "of"}  # "rated the claim as false", "accused the board of hiding ..."

PREP_TO = words("prep_to_verbs.txt")

CIRCUMSTANCE_PREPS = {"during", "at", "after", "before", "since", "amid", "throughout"}


def as_clause(verb: Token, entry: CueVerb) -> bool:
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


def as_passive_source(verb: Token, entry: CueVerb) -> Token | None:
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


def stranded_clause(verb: Token) -> tuple[Token, Token] | None:
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


def phrase_clause(token: Token, end: int) -> bool:
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


def unnamed_asker(verb: Token) -> bool:
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


def _near(verb: Token, prep: Token) -> bool:
    """A preposition close enough to the verb to carry what was said: at most one word
    between, or only particles and adverbs ("spoke out Tuesday about ...")."""
    if verb.i < prep.i <= verb.i + 2:
        return True
    between = verb.doc[verb.i + 1 : prep.i]
    return 0 < len(between) <= 3 and all(
        t.dep_ in {"prt", "advmod", "npadvmod"} or t.head.dep_ == "npadvmod" for t in between
    )


class ComplementReader:
    """What a cue verb reports, read off its dependents."""

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
                        content = from_sentence_start(doc, comp, content)
                    elif content is not None:
                        content = self._shared_subject_conj(doc, verb, comp, content, {"MD"})
                        content = self._split_clause(doc, verb, comp, content)
                        content = misparsed_subject(doc, verb, comp, content)
                    return content, "clause", verb.i
            elif kind == "to":
                comp = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
                if comp is not None and comp.pos_ in {"VERB", "AUX"}:
                    first = max(comp.left_edge.i, verb.i + 1)  # "which she plans to do"
                    obj = next((c for c in children if c.dep_ == "dobj" and c.i < comp.i), None)
                    if obj is not None and obj.i > verb.i:
                        first = obj.left_edge.i  # "urged the union to resume talks"
                    start, end = chars(doc, first, comp.right_edge.i)
                    content = trim_content(doc_text(doc), start, end)
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
                    last = drop_trailing_relative(doc, obj.left_edge.i, last)
                    start, end = chars(doc, obj.left_edge.i, last)
                    # "disputed that account": "that" is the object's determiner
                    determiner = obj.left_edge.dep_ == "det"
                    content = trim_content(doc_text(doc), start, end, not determiner)
                    return content, "object", verb.i
                gerund = next(
                    (c for c in children if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG"),
                    None,
                )
                if gerund is not None and gerund.i > verb.i:
                    # "proposed doing away with ...", "suggested looking at ..."
                    start, end = chars(doc, gerund.left_edge.i, gerund.right_edge.i)
                    return trim_content(doc_text(doc), start, end), "object", verb.i
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
                            start, end = chars(doc, pobj.left_edge.i, last)
                            return trim_content(doc_text(doc), start, end), "prep", c.i
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
            start, end = chars(doc, amount.left_edge.i, amount.right_edge.i)
            return trim_content(doc_text(doc), start, end), "object", at.i
        as_ = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if (
            obj is not None
            and as_ is not None
            and as_.i > obj.right_edge.i
            and entry.complements != ("as",)
            and any(c.dep_ == "pobj" for c in as_.children)
        ):
            # "critics see the program as a giveaway": the object and how it is seen
            start, end = chars(doc, obj.left_edge.i, as_.right_edge.i)
            return trim_content(doc_text(doc), start, end), "object", verb.i
        pro_form = _pro_form(verb)
        if pro_form is not None and entry.tier in {"speech", "report"}:
            # "Mook said as much", "She said so": the words stand for what was said
            return chars(doc, pro_form[0], pro_form[1]), "object", verb.i
        if subject is not None and verb.tag_ != "VBG" and "clause" in entry.complements:
            inserted = parenthetical_content(doc, verb, subject)
            if inserted is not None:
                return inserted, "parenthetical", verb.i
            return trailing_content(doc, verb, subject), "trailing", verb.i
        return None, None, verb.i

    def _shared_subject_conj(
        self, doc: Doc, verb: Token, comp: Token, content: Span, tags: set[str]
    ) -> Span:
        """The content with a second verb phrase the parser hung on the cue: "says it would
        cut revenue, but would later add ...", "agreed to share X and rely on Y". Only a verb
        without its own subject, in the form of the reported one (a modal, a bare infinitive):
        "said X and left" is the speaker's own action."""
        for conj in rights(verb):
            if conj.dep_ != "conj" or conj.i <= comp.right_edge.i:
                continue
            if any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in conj.children):
                return content
            if (
                conj.lemma_.lower() in self.cue_verbs
                and any(c.dep_ == "ccomp" for c in conj.children)
                and not alternative(verb, conj)
            ):
                return content  # "..., and would add that ...": its own attribution
            bare = "VB" in tags and conj.tag_ == "VBP" and alternative(verb, conj)
            if (
                conj.tag_ in tags
                or bare
                or any(c.dep_ == "aux" and c.tag_ in tags and c.i < conj.i for c in conj.children)
            ):
                text = doc_text(doc)
                end = doc[conj.right_edge.i].idx + len(doc[conj.right_edge.i])
                if "\n" in text[content[1] : end]:
                    return content
                extended = trim_content(text, content[0], end)
                return extended or content
            return content
        return content

    def _split_clause(self, doc: Doc, verb: Token, comp: Token, content: Span) -> Span:
        """The reported clause with the rest the parser hung on the cue verb: a second
        "ccomp" ("said X has respect for Y and his comment was Z") or a coordinated clause
        with its own subject ("said that A, and that B", "said A, and there was no B")."""
        text = doc_text(doc)
        end = content[1]
        for other in sorted(rights(verb), key=lambda c: c.i):
            if other.i <= comp.right_edge.i:
                continue
            if other.dep_ not in {"ccomp", "conj"}:
                continue
            if other.lemma_.lower() in self.cue_verbs or (
                other.dep_ == "conj"
                and not (
                    any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in other.children)
                    and any(c.dep_ == "cc" and end <= c.idx < other.idx for c in rights(verb))
                )
            ):
                break  # "..., and warned ...", "said X and left": not more of what was said
            extra = content_span(doc, other, None, self.cue_verbs)
            if extra is None or "\n" in text[end : extra[1]]:
                break
            end = max(end, extra[1])
        if end == content[1]:
            return content
        return trim_content(text, content[0], end) or content
