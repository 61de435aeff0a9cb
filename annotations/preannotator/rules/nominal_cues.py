"""Cues that are not verbs: "according to X", reporting nouns with a possessor ("Ruiz's claim
that ...", "In her view, ..."), and a statement or letter that says something."""

from spacy.tokens import Doc, Token

from ..lexicon import doc_text, words
from .complements import PREPOSITIONS
from .contents import content_span, relative_before, trim_content
from .mentions import document_author, mention_span
from .records import Cue
from .tokens import SUBJECTS, Span, chars

VIEWPOINT_NOUNS = words("viewpoint_nouns.txt")

# "the mayor's criticism of ...", "her doubts about ...": what a noun is about.
NOUN_PREPS = PREPOSITIONS | {"over"}

AIM_NOUNS = words("aim_nouns.txt")


def _possessor_cue(
    doc: Doc, noun: Token, first: int, last: int, source: Token, content: Span | None, how: str
) -> Cue:
    """A reporting noun held by its possessor ("Ruiz’s claim ...", "in her view"): the cue
    is tokens ``first..last``, the mention the possessor without its "’s"."""
    start, end = mention_span(source)
    while end > start and doc[end].dep_ == "case":
        end -= 1  # "Ruiz’s" -> "Ruiz"
    return Cue(
        chars(doc, first, last),
        noun,
        chars(doc, start, end),
        source,
        content,
        tier="attitude",
        complement=how,
    )


class NominalCues:
    """Cues headed by a noun or by "according to"."""

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

    def _according_cue(self, doc: Doc, start: int, end: int) -> Cue | None:
        """ "According to X, ...", "..., according to X": X is the source of the clause the
        phrase modifies."""
        first = doc[start]
        pobjs = [c for c in doc[end - 1].children if c.dep_ == "pobj"]
        if not pobjs:
            return None
        pobj = pobjs[0]
        title = None
        if len(pobjs) > 1 and pobjs[1].pos_ == "PROPN" and pobjs[1].left_edge.i == pobj.i + 1:
            # "according to curator Elaine Gustafon", parsed as two objects: the name, with
            # its title
            title, pobj = pobj, pobjs[1]
        author = document_author(pobj)
        if author is not None:
            pobj = author  # "according to a speech Mrs. Ruiz delivered": Mrs. Ruiz
        first_word, last_word = mention_span(pobj)
        if title is not None:
            first_word = title.left_edge.i
        mention = chars(doc, first_word, last_word)
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
        head = relative_before(doc, start, head)
        if head != first:
            # a leading adverbial stays ("According to X, after the vote, ..."); a
            # linking one is dropped with the connectives ("For its part, ...")
            content = content_span(doc, head, exclude, self.cue_verbs)
        return Cue(
            chars(doc, start, end - 1), first, mention, pobj, content, complement="according"
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
        start, end = chars(doc, pobj.left_edge.i, pobj.right_edge.i)
        content = trim_content(doc_text(doc), start, end)
        return _possessor_cue(doc, noun, noun.i, prep.i, source, content, "prep")
