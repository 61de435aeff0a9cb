"""Finding the cues: one pass over the tokens for the verbs of ``data/cue_verbs.txt``, the
phrases of ``data/cue_phrases.txt``, attitude adjectives, reporting nouns and signed lines,
each with its source and (when the parse gives it) its content."""

from spacy.tokens import Doc, Token

from ..lexicon import CueVerb, doc_text, words
from .complements import as_clause, as_passive_source, phrase_clause, stranded_clause, unnamed_asker
from .contents import (
    content_span,
    parenthetical_content,
    trailing_content,
    trim_content,
    within_paragraph,
)
from .mentions import mention_span, named_subject, speaker_after_quote, subject_of
from .nominal_cues import VIEWPOINT_NOUNS
from .records import Cue
from .tokens import DASHES, chars

# "cited a poll" reports what the poll says; "..., citing officials" / "cited four officials"
# names the evidence behind a report, not something said.
EVIDENCE_VERBS = {"cite"}

COPULAS = words("copulas.txt")

NOT_CUES = words("not_cues.txt")

IMPERSONAL = {"it", "this", "that", "there", "what", "which", "these", "those"}

UNLISTED = CueVerb("unlisted", ("clause",))

# verbs nobody is the passive subject of with a clause: "he's said he'll fight" is "he has
# said", whatever the parser made of "'s"
NO_PERSONAL_PASSIVE = {"say"}


def has_said(verb: Token, subject: Token) -> bool:
    """The subject of "he's said he'll fight ..." speaks: "'s" is "has" (not "it's said
    that ...", nor "he's said to be ...")."""
    return (
        verb.lemma_ in NO_PERSONAL_PASSIVE
        and subject.lower_ not in IMPERSONAL
        and any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
        and not any(c.dep_ in {"xcomp", "agent"} for c in verb.children)
    )


class CueFinder:
    """The cues of a doc, in text order."""

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
            asked = unnamed_asker(token)
            if asked:
                subject = None  # "Asked about X, she said ...": who asked is not said
            as_source = as_passive_source(token, entry)
            if as_source is not None:
                subject = as_source  # "As stated in the report, the plan ...": the report
            if subject is not None and subject.lower_ == "it" and token.dep_ == "pcomp":
                subject = None  # "It goes without saying that ...": nobody says it
            if subject is not None and subject.ent_type_ in {"TIME", "DATE"}:
                subject = None  # "12:15 p.m.\n\nAna Ruiz says": a dateline, not a source
            if subject is not None:
                subject = named_subject(subject)
            passive = asked
            said_of = None
            if subject is not None and (
                (
                    subject.dep_ == "nsubjpass"
                    and not has_said(token, subject)
                    and (
                        subject.head.i == token.i
                        or token.tag_ == "VBN"
                        and not any(c.dep_ == "aux" for c in token.children)
                    )
                )
                # "he refused and ... was told he would be sent ...": a passive cue that
                # shares the subject of the verb before it; the one told is no source
                or (
                    subject.head.i != token.i
                    and token.tag_ == "VBN"
                    and any(c.dep_ == "auxpass" for c in token.children)
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
                stranded = stranded_clause(token)
                if stranded is not None:
                    # "keeps insisting, lately on the radio, that he ...": the clause
                    # the parser made the root of the sentence
                    root, mark = stranded
                    last_char = chars(doc, root.i, root.right_edge.i)[1]
                    content = trim_content(doc_text(doc), mark.idx, last_char)
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
                start, end = chars(doc, said_of.left_edge.i, said_of.right_edge.i)
                content, complement = trim_content(doc_text(doc), start, end), "object"
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
                    start, end = chars(doc, first, stance.right_edge.i)
                    content, complement = trim_content(doc_text(doc), start, end), "stance"
                    hole = (chars(doc, first, last)[1], doc[stance.left_edge.i].idx)
            if content is None and entry.tier == "act":
                continue  # "many residents will not vote": an act without its object
            if (
                entry.complements == ("as",)
                and complement != "object"  # "puts the cost at $2 million": an estimate
                and as_source is None
                and not as_clause(token, entry)
            ):
                continue  # "put on a display of calm “resolve”": no "as X put it"
            if as_source is not None or as_clause(token, entry):
                # "As one economist put it, the plan is a gamble": the main clause
                content = content_span(doc, token.sent.root, None, self.cue_verbs)
                complement, cue_last = "as", token.i
                if any(c.dep_ == "dobj" for c in token.children):
                    cue_last = next(c.i for c in token.children if c.dep_ == "dobj")
            content = within_paragraph(doc_text(doc), content, token.idx)
            mention = None
            if surface is not None and subject == surface[0]:
                mention = chars(doc, surface[1], surface[2])
            elif guessed and subject is not None and subject.ent_iob_ != "O":
                # "... the Riverside Courier Ruiz said": the name only, not what precedes it
                first = last = subject.i
                while first > 0 and doc[first].ent_iob_ == "I":
                    first -= 1
                mention = chars(doc, first, last)
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
                mention = chars(doc, first, last)
            cue_span = chars(doc, token.i, cue_last)
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
                cue.about = chars(doc, *mention_span(said_of))  # "X was accused of Y"
            cue.hole = hole
            cues.append(cue)
        if claimed_roots:
            cues = [c for c in cues if c.verb.i not in claimed_roots]
        cues.sort(key=lambda c: c.span)
        return cues

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

    def _adjective_cue(self, doc: Doc, adj: Token, entry: CueVerb, subject: Token) -> Cue | None:
        """ "Democrats are afraid that ...": an attitude adjective after "be", its
        complement what is held, the copula's subject who holds it."""
        if subject.dep_ == "expl" or subject.lower_ in {"it", "this", "that", "there"}:
            return None
        content, complement, cue_last = self._complement(doc, adj, entry, subject)
        content = within_paragraph(doc_text(doc), content, adj.idx)
        first, last = mention_span(subject)
        return Cue(
            chars(doc, adj.i, cue_last),
            adj,
            chars(doc, first, last),
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
        """A multi-word cue of ``data/cue_phrases.txt``: "according to X", "pointed out",
        "made it clear"."""
        first = doc[start]
        if first.lower_ == "according":
            return self._according_cue(doc, start, end)
        verb = next((t for t in doc[start:end] if t.pos_ in {"VERB", "AUX"}), first)
        subject = subject_of(verb)
        content, complement = None, "clause"
        finite = subject is not None and verb.tag_ != "VBG"
        if finite:
            content = parenthetical_content(doc, verb, subject)  # "The state, as X noted, ..."
            complement = "parenthetical" if content is not None else complement
        for token in doc[start:end] if content is None else ():
            comp = next((c for c in token.children if phrase_clause(c, end) and c.i >= end), None)
            if comp is not None:
                content = content_span(doc, comp, None, self.cue_verbs)
                break
        last = doc[end - 1]
        if content is None and last.dep_ == "prep":
            # "made no secret of his disdain", "made the case for a tax cut"
            obj = next((c for c in last.children if c.dep_ in {"pobj", "pcomp"}), None)
            if obj is not None:
                first_char, last_char = chars(doc, obj.left_edge.i, obj.right_edge.i)
                content, complement = trim_content(doc_text(doc), first_char, last_char), "prep"
        if content is None and finite:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i >= end), None)
            if obj is not None and not any(t.is_punct for t in doc[end : obj.left_edge.i]):
                # "pointed out the flaws in the plan"
                first_char, last_char = chars(doc, obj.left_edge.i, obj.right_edge.i)
                content, complement = trim_content(doc_text(doc), first_char, last_char), "object"
            else:
                content, complement = trailing_content(doc, verb, subject), "trailing"
        content = within_paragraph(doc_text(doc), content, verb.idx)
        mention = chars(doc, *mention_span(subject)) if subject is not None else None
        return Cue(
            chars(doc, start, end - 1), verb, mention, subject, content, complement=complement
        )
