"""Descriptions: what "the aide", "the candidates", "his advisers", "the senator" or "the
company, which ..." stand for in one article (documents are in ``speaker_documents``,
organizations named by a description in ``speaker_organizations``)."""

import re

from spacy.tokens import Span, Token

from .coreference import (
    SUBJECT_DEPS,
    first_names,
    is_main_subject,
    is_outlet,
    join_names,
    word_gender,
)
from .lexicon import doc_text
from .speaker_text import (
    ARTICLES,
    COUNTS,
    INDEFINITE,
    MEMBERS,
    ORG_LABELS,
    PERSON_SUFFIXES,
    PLACES,
    PRACTITIONER_SUFFIXES,
    STRIP_DEPS,
    canonical_text,
    counted_one,
    determiner_of,
    former,
    grants_anonymity,
    hyphenated,
    hyphenated_lemma,
    org_name,
    portfolio,
    role_word,
    same_office,
)

# the description an age gives ("the 41-year-old chart-topper"): someone's age, a person's
AGE = "year-old"


def years_old(token: Token) -> bool:
    """ "old" of "41-year-old" (the tagger's "41 - year - old")."""
    return token.lower_ == "old" and any(
        c.dep_ == "npadvmod" and c.lower_ in {"year", "years"} for c in token.children
    )


def first_of_list(noun: Token) -> Token:
    """The first of the nouns a list or an appositive joins ``noun`` to ("Lionel Sosa, a
    consultant and an influential Hispanic Republican": Lionel Sosa)."""
    while noun.dep_ in {"conj", "appos"} and noun.head.i < noun.i:
        noun = noun.head
    return noun


# prepositions that put people somewhere: "respondents in nine countries"
PLACE_PREPS = {"in", "on", "across", "at", "around", "throughout"}
# roles one holds for one client: "her agent" is the agent the article names
AGENTS = {"agent", "publicist"}
# an outlet's own staff, as its stories call them: "our correspondent"
OWN_STAFF = {"correspondent", "reporter", "editor"}
# a person named as an outlet's own, right before the name: "The BBC's Zubair Ahmed"
OUTLETS_OWN = re.compile(r"\b([A-Z][\w.]*(?: [A-Z][\w.]*)*)['’]s\s+\Z")


class Descriptions:
    """Mixin of :class:`~.speakers.SpeakerResolver`: descriptions and their referents."""

    def _description(self, root: Token) -> str | None:
        compound = " ".join(
            [c.lower_ for c in root.children if c.dep_ == "compound"] + [root.lemma_.lower()]
        )
        if compound in self.descriptions:
            return compound
        modified = " ".join(
            [c.lower_ for c in root.children if c.dep_ == "amod"] + [root.lemma_.lower()]
        )
        if modified in self.descriptions:
            return modified  # "the editorial board"
        lemma = hyphenated_lemma(root)
        if lemma in self.descriptions:
            return lemma
        if AGE in self.descriptions and any(years_old(t) for t in (root, *root.children)):
            return AGE  # "the 41-year-old chart-topper", "said the 22-year-old"
        return None

    def _person_with_role(
        self, span: Span, root: Token, start: int, possessor: Token | None
    ) -> tuple[str | None, str | None, bool] | None:
        """The person a singular role noun means ("the senator", "the foreign secretary", a
        headline's bare "Mayor"), from the roles the article gives named people; None when
        the article names nobody with that role."""
        # "the engineer" after "Jane Roe, a company engineer": the person named earlier;
        # a bare title, as in a headline ("Mayor: ..."), the person given that title
        determiner = determiner_of(root)
        lemma = former(root) + (root.lower_ if root.pos_ == "PROPN" else root.lemma_.lower())
        # "the foreign secretary" is not "Home Secretary Charles Clarke", nor "the
        # shadow chancellor" "Chancellor Gordon Brown"
        which = portfolio(root)
        roles = [
            r
            for r in self.roles
            if r[1] == lemma
            and same_office(which, self.role_qualifiers.get((r[0], r[1]), frozenset()))
        ]
        earlier = [r[2] for r in roles if r[0] < start]
        if determiner in {"the", "that", "this"} and earlier:
            # of several senators, one named earlier in the same sentence ("Maddow
            # pressed Warren ..., but the senator insisted", after Sen. Bernie Sanders)
            sentence = self.discourse.sentence_start(start)
            mentioned = [n for at, n in self.people if sentence <= at < start and n in earlier]
            return (mentioned or earlier)[-1], "person", False
        bare = determiner is None and len(span) == 1 and lemma in self.titles
        # (not one a quote names: '"Their coach Tom Billups ...," said O'Sullivan')
        later = [r[2] for r in roles if r[0] > start and not self.discourse.is_quoted(r[0])]
        if determiner == "the" and later and not any(at < start for at, _ in self.people):
            # "While the president has repeatedly said ..." in a summary above "When
            # President Obama appeared ...": the one the article names with that title
            return later[0], "person", False
        if bare and (earlier or later):
            return (earlier or later)[-1 if earlier else 0], "person", False
        if bare and self.discourse.paragraph(start) <= 2 and lemma not in self.anonymous:
            # a headline's "candidate says": the first person the article names
            first = next((name for at, name in self.people if at > start), None)
            if first is not None:
                return first, "person", False
        gender = word_gender(root)
        if (
            determiner is None
            and possessor is None
            and gender
            and self.discourse.paragraph(start) == 1
        ):
            # a headline's "Australian woman claims ...": the first person the article
            # goes on to name, if the headline does not name them too (not "Trump" in
            # "Woman says Trump ...") and she is known to be a woman
            body = self.discourse.body
            headline = {name for at, name in self.people if at < body}
            first = next((name for at, name in self.people if at >= body), None)
            if first and first not in headline and self.discourse.gender(first) == gender:
                return first, "person", False
        return None

    def _epithet(
        self, root: Token, start: int, description: str | None
    ) -> tuple[str | None, str | None, bool] | None:
        """The person a definite epithet means ("the New York businessman", "the 41-year-old
        chart-topper", "the historian"): the one the reader has in mind; None when the noun
        is no epithet."""
        determiner = determiner_of(root)
        lemma = hyphenated_lemma(root)
        # "the 41-year-old chart-topper": someone's age
        epithet = (
            self.descriptions.get(lemma) == "person"
            or description == AGE
            or (
                # a word for someone by what they do that the lists do not know ("the star
                # journalist", "the self-described democratic socialist", "the historian"),
                # unless the article introduced such a one unnamed ("a historian ... the
                # historian said"); not "-er" words, as often things ("the number")
                lemma.endswith(PRACTITIONER_SUFFIXES)
                and lemma not in self.descriptions
                and not self._introduced_unnamed(root, start)
            )
        )
        if determiner in {"the", "that", "this"} and epithet and lemma not in self.anonymous:
            # "the New York businessman", "the senator": the person the reader has in
            # mind (the current speaker, else the latest subject), if the gender fits;
            # in the lead, with nobody in mind, the one the next lines name ("The Irish
            # coach knows ... 'They ran five tries past the French,' said O'Sullivan")
            found = self._person_in_mind(root, start)
            if found[0] is None and (lead := self._named_after_lead(root, start)):
                return lead, "person", False
            return found
        return None

    def _description_tokens(self, span: Span, root: Token, plural: bool = False) -> list[Token]:
        """The words that describe a source: no article, number or possessive before the
        head, the modifiers after it, but not a relative clause ("who asked not to ...")."""
        doc = root.doc
        # the head's clauses, and those of the nouns after it ("A spokesman for the Casino
        # Association, which represents the industry")
        nouns = [root, *(t for t in span if t.i > root.i and t.pos_ in {"NOUN", "PROPN"})]
        clauses = {
            t.i
            for noun in nouns
            for c in noun.children
            if c.i > noun.i
            and (
                c.dep_ == "relcl"
                # set off by a comma: "One man in Manchester, responding to ..., said"
                or (c.dep_ in {"acl", "advcl"} and doc[c.left_edge.i - 1].text == ",")
            )
            for t in c.subtree
        }
        # a common-noun possessor describes the source ("Doctors’ groups", "the nurses’
        # union"); a name or pronoun one does not ("Kostin’s office", "its director")
        owners = {
            t.i
            for c in root.children
            if c.dep_ == "poss" and (c.pos_ == "NOUN" or c.ent_type_ in PLACES) and c.i < root.i
            for t in c.subtree
            if t.dep_ != "det"
        }
        # a name's possessive does not describe the source, nor do the words of that name
        # ("Big Brother's spokeswoman": "spokeswoman", not "Big spokeswoman")
        named_owners = {
            t.i
            for c in root.children
            if c.dep_ == "poss" and c.i < root.i and c.i not in owners and c.pos_ == "PROPN"
            for t in c.subtree
        }
        # "at least one reader": the quantity and the words that qualify it
        quantity = {
            t.i
            for c in root.children
            if c.dep_ in {"nummod", "quantmod", "det", "predet"} and c.i < root.i
            for t in c.subtree
        }
        tokens = [
            t
            for t in span
            if t.i not in clauses
            and t.i not in quantity
            and t.i not in named_owners
            and (
                t.i > root.i
                or t.i in owners
                or hyphenated(t)  # "50" of "the 50-state poll"
                or (
                    t.dep_ not in STRIP_DEPS
                    and t.dep_ != "case"
                    and not t.like_num
                    # "virtually all the attendees": the adverb goes with the quantity
                    and not (t.dep_ == "advmod" and t.head.dep_ in STRIP_DEPS)
                )
            )
        ]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if tokens == [root] and plural:
            # a bare plural keeps its quantifier ("both sides", "many parents")
            tokens = [
                t
                for t in span
                if t.lower_ not in ARTICLES
                and not t.like_num
                and t.pos_ not in {"ADP", "NUM", "ADV"}
            ]
        # "the candidates themselves": the reflexive is not part of the description
        return [
            t for t in tokens if not (t.pos_ == "PRON" and t.lower_.endswith(("self", "selves")))
        ]

    def _phrase(self, head: Token) -> Span:
        """The words of ``head``'s phrase, with all of the entity it belongs to ("The
        Associated Press report": the article hangs on "report", the name is whole)."""
        start, end = head.left_edge.i, head.right_edge.i + 1
        if head.ent_iob_ != "O":
            ent = self._entity_at(head)
            if ent is not None:
                start, end = min(start, ent.start), max(end, ent.end)
        return self.doc[start:end]

    def _name_phrase(self, head: Token) -> Span:
        """``head``'s phrase without an appositive or a clause after it ("Huma Abedin" in
        "Huma Abedin, vice chairwoman for Clinton's campaign, emailed ...")."""
        phrase = self._phrase(head)
        cut = next(
            (
                t.i
                for t in phrase
                if t.i > head.i
                and t.is_punct
                and t.text in {",", "(", "—", "–"}
                and not self._abbreviation_at(t)
            ),
            phrase.end,
        )
        return self.doc[phrase.start : cut]

    def _abbreviation_at(self, bracket: Token) -> bool:
        """Whether "(" opens a name's abbreviation ("the Crown Prosecution Service (CPS) and
        ..."), which does not end the name's phrase."""
        if bracket.text != "(" or bracket.i + 2 >= len(self.doc):
            return False
        short, close = self.doc[bracket.i + 1], self.doc[bracket.i + 2]
        return close.text == ")" and short.is_upper and short.is_alpha

    def _described_subject(self, pronoun: Token) -> Token | None:
        """The subject before ``pronoun`` in its sentence, when a description of an
        organization heads it ("The Clinton campaign is braced for a fight it expects"); with
        no subject before it there, the main subject of the sentence before, in the same
        paragraph ("Trump's campaign backtracked, putting out a statement. ... it said")."""

        def described(token: Token | None) -> bool:
            return (
                token is not None
                and token.pos_ == "NOUN"
                and token.tag_ == "NN"
                and self.descriptions.get(self._description(token) or "") == "organization"
            )

        before = [t for t in pronoun.sent if t.i < pronoun.i and t.dep_ in SUBJECT_DEPS]
        if before:
            return next((t for t in before if described(t)), None)
        subject = self._previous_subject(pronoun)
        return subject if described(subject) else None

    def _earlier_nouns(self, root: Token, offset: int, reach: int = 1):
        """Earlier mentions with the same noun as ``root``, latest first, back to the start
        of the paragraph ``reach`` paragraphs before its own, outside quotations."""
        paragraph = self.discourse.paragraph(offset)
        lemma = root.lemma_.lower()
        for token in reversed(self.doc[: root.i]):
            if self.discourse.paragraph(token.idx) < paragraph - reach:
                return
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or token.tag_ != root.tag_:
                continue
            if not self.discourse.is_quoted(token.idx):
                yield token

    def _earlier_description(
        self, root: Token, offset: int, *, modifiers_only: bool = False
    ) -> str | None:
        """The fuller description of the latest earlier mention with the same noun, in this
        paragraph or the one before ("A Republican committee aide" for "the aide");
        ``modifiers_only``: the words before the noun ("The Republican presidential
        candidates" for "the candidates", not the verb a misparse hangs on them)."""
        # the group a plural describes may be introduced well before ("The Republican
        # presidential candidates debated on Tuesday ... After the candidates opposed")
        reach = 6 if modifiers_only else 1
        for token in self._earlier_nouns(root, offset, reach):
            words = self._description_tokens(self._phrase(token), token)
            if modifiers_only:
                modifiers = {
                    t.i
                    for c in token.children
                    if c.dep_ in {"amod", "compound", "nmod"} and c.i < token.i
                    for t in c.subtree
                }
                words = [t for t in words if t.i in modifiers or t.i == token.i]
                if len(words) == 1:
                    return None  # the latest mention is the referent, and says no more
            if any(t.pos_ in {"VERB", "AUX"} and t.tag_ != "VBN" or t.is_quote for t in words):
                # a misparse that took in a clause ('Church of Scientology" poster admitted
                # to being part of the effort'): no description to give
                return None
            if len(words) > 1:
                self.antecedent = (words[0].idx, words[-1].idx + len(words[-1]))
                return canonical_text(words)
        return None

    def _role_holders(self, root: Token, offset: int) -> str | None:
        """The people named together earlier, each with the role a definite plural gives
        ("Oversight Committee Chairman Jason Chaffetz and Judiciary Committee Chairman Bob
        Goodlatte" for "the committee chairmen"), two to four of them, else None."""
        if determiner_of(root) != "the":
            return None
        role = role_word(root)
        holders = {name for at, noun, name in self.roles if noun == role and at < offset}
        counted = next((c for c in root.children if c.dep_ == "nummod"), None)
        modifiers = {c.lower_ for c in root.children if c.dep_ in {"compound", "amod"}}
        for run in reversed(self.groups):
            names = [self._full_name(e) for e in run]
            if run[0].start_char > offset or not 2 <= len(names) <= 4:
                continue
            # the plural's own words are the run's: "the committee chairmen" after
            # "Oversight Committee Chairman ...", but not "the Vermont senators" after "Sens.
            # Ted Cruz and Marco Rubio"
            words = {t.lower_ for t in self.doc[max(run[0].start - 4, 0) : run[-1].end]}
            if not set(names) <= holders or not modifiers <= words:
                continue
            if counted is not None and COUNTS.get(counted.lower_) != len(names):
                return None  # "the three senators" after two
            return join_names(names)
        return None

    def _named_next(self, root: Token, offset: int) -> str | None:
        """The person named next, in the sentence after, when the article gives them the
        role an indefinite description has ("a federal judge ruled ... Judge David Bristow
        said"); None for an unnamed source ("an official", "who spoke on condition
        of anonymity") or when the next person named has another role."""
        if determiner_of(root) not in {"a", "an"} or root.lemma_.lower() in self.anonymous:
            return None
        if grants_anonymity(root):
            return None
        after = (
            (at, name) for at, name in self.people if at > root.idx and not self._in_content(at)
        )
        at, name = next(after, (None, None))
        # in the sentence right after the description's: "a U.S. District Court judge
        # sided with the Democrats. That ruling was overturned Tuesday. Circuit Court Judge
        # David McKeague ..." is another judge
        sentence = root.sent
        if at is None or sentence.end >= len(self.doc):
            return None
        following = self.doc[sentence.end].sent
        if not following.start_char <= at < following.end_char:
            return None
        role = role_word(root)
        if not any(where == at and noun == role for where, noun, _ in self.roles):
            return None
        return self._named_at(name, at)

    def _named_at(self, name: str, at: int) -> str:
        """``name``, explained by where the article names that person at ``at``."""
        named = self.discourse.latest_named(name, at + 1)
        self.antecedent = named.named_at if named is not None else None
        return name

    def _our_correspondent(self, root: Token, possessor: Token | None, offset: int) -> str | None:
        """Who "our correspondent" is in an outlet's own story: the latest person the
        article named with that role ("BBC labour affairs correspondent Stephen Cape") or as
        the outlet's own ("The BBC's Louisa Lim in Beijing says")."""
        if possessor is None or possessor.lower_ != "our" or root.lemma_.lower() not in OWN_STAFF:
            return None
        role = role_word(root)
        holders = [(at, name) for at, noun, name in self.roles if noun == role and at < offset]
        text = doc_text(self.doc)
        staff = [
            (at, name) for at, name in self.people if at < offset and self._outlets_own(text, at)
        ]
        found = max(holders + staff, default=None)
        return self._named_at(found[1], found[0]) if found is not None else None

    @staticmethod
    def _outlets_own(text: str, at: int) -> bool:
        """Whether the name at ``at`` follows an outlet's possessive ("The BBC's", "the
        Riverton Post's"), not a person's ("Clinton's aide")."""
        found = OUTLETS_OWN.search(text, max(0, at - 60), at)
        return found is not None and (found.group(1).isupper() or is_outlet(found.group(1)))

    def _agent_named_later(self, root: Token, offset: int) -> str | None:
        """The one person the article names later with the role of someone's agent or
        publicist ("her agent said" before "Agent Simon Beresford said"), roles one holds
        for one client (unlike a lawyer: the other side has them too)."""
        role = role_word(root)
        if role not in AGENTS or root.tag_ != "NN":
            return None
        holders = {
            (at, name)
            for at, noun, name in self.roles
            if noun == role and at > root.idx and not self._in_content(at)
        }
        if len({name for _, name in holders}) != 1:
            return None
        at, name = min(holders)
        return self._named_at(name, at)

    def _named_after_lead(self, root: Token, offset: int) -> str | None:
        """The person the next two paragraphs name with the role, and the words, a
        description in the article's lead gives ("Germany's foreign minister warned ..."
        before "German Foreign Minister Annalena Baerbock told reporters"), if no one was
        named with that role before; else None."""
        paragraph = self.discourse.paragraph(offset)
        if paragraph > 2:
            return None  # the headline and the first paragraph of the body only
        role = role_word(root)
        if any(noun == role and at < offset for at, noun, _ in self.roles):
            return None
        words = {c.lower_ for c in root.children if c.dep_ in {"amod", "compound"} and c.is_alpha}
        text = doc_text(self.doc)
        for at, noun, name in self.roles:
            if at <= offset or noun != role:
                continue
            if self.discourse.paragraph(at) > paragraph + 2:
                break  # named with the role only far below: whom the next lines introduce
            around = set(text[max(0, at - 60) : at].lower().split())
            if words <= around:
                return self._named_at(name, at)
        return self._introduced_next(root, offset)

    def _introduced_in_lead(self, root: Token, offset: int) -> str | None:
        """The person the next sentences introduce for someone the lead describes with "a"
        ("A US airline attendant suspended over images on her blog says she has been fired.
        / Ellen Simonetti, known as Queen of the Sky, wrote ..."): the news lead's unnamed
        subject, named right after. Only a noun for someone, in the first paragraph of the
        body."""
        if determiner_of(root) not in {"a", "an"} or root.pos_ != "NOUN":
            return None
        if self.discourse.paragraph(offset) > self.discourse.paragraph(self.discourse.body):
            return None
        lemma = root.lemma_.lower()
        if lemma in self.documents or lemma in self.anonymous or self._document_kind(root):
            return None
        if not (self._people_noun(root) or self._personal(root)) or grants_anonymity(root):
            return None
        return self._introduced_next(root, offset, indefinite=True)

    def _introduced_next(self, root: Token, offset: int, *, indefinite: bool = False) -> str | None:
        """The person the next two sentences introduce as their subject, when a lead's
        source is a definite description and nobody was named before it ("..., the shadow
        chancellor has said. Rachel Reeves was talking to the Guardian ..."; "says the
        country's deputy energy minister ... Magna Mudyiwa said"): the news lead names its
        source right after. Not someone the text gives another role ("Opposition leader
        Jane Roe said")."""
        definite = determiner_of(root) == "the" or any(c.dep_ == "poss" for c in root.children)
        headline = determiner_of(root) is None and self.discourse.paragraph(offset) == 1
        if not definite and not headline and not indefinite:  # "Wagner owner says ..."
            return None
        # (not counting those the quote itself names)
        if any(
            at < offset and not self._in_content(at)
            for at, _ in self.people
            if at >= self.discourse.body
        ):
            return None
        later = next(
            (
                (at, n)
                for at, n in self.people
                if at > offset and not self._in_content(at) and not self.discourse.is_quoted(at)
            ),
            None,
        )
        if later is None:
            return None
        at, name = later
        if indefinite and any(n == name and self._in_content(a) for a, n in self.people):
            # "A Republican lawmaker said Hillary Clinton should ... / Clinton responded":
            # not the one the lead's own words name
            return None
        between = [s for s in self.discourse.sentence_starts if offset < s <= at]
        if len(between) > 2 or self.discourse.paragraph(at) > self.discourse.paragraph(offset) + 1:
            return None
        if any(n == name and where == at for where, _, n in self.roles):
            return None
        entity = next((e for e in self.ents if e.start_char == at), None)
        if entity is None or entity.root.dep_ not in SUBJECT_DEPS:
            return None
        speaks = entity.root.head.lemma_.lower() in self.cue_verbs
        if not speaks and not is_main_subject(entity.root):
            return None  # "SEIU chief says ... Donald Trump could win": not who says it
        self.antecedent = (entity.start_char, entity.end_char)
        return name

    def _introduced_unnamed(self, root: Token, offset: int) -> bool:
        """Whether the article introduced this noun's referent without a name, in this
        paragraph or the one before ("an organizer" before "the organizer")."""
        latest = next(self._earlier_nouns(root, offset), None)
        if latest is None:
            return False
        # "Ted Cruz says heckler deserves ..." in a headline, then "the heckler"
        headline = determiner_of(latest) is None and self.discourse.paragraph(latest.idx) == 1
        # "One man in Manchester ... interrupted the candidate" before "the man shouted"
        one = counted_one(latest)
        return determiner_of(latest) in INDEFINITE or headline or one

    def _antecedent(
        self, noun: Token, *, person: bool = False
    ) -> tuple[str | None, str | None, bool]:
        """The speaker a relative pronoun stands for: "Ana Ruiz, ..., who told ..."
        (``person``: the pronoun is "who", so the noun names people)."""
        if person and (named := self._person_described(noun)) is not None:
            return named, "person", False
        described = noun.dep_ == "appos" and self._entity_at(noun.head, "PERSON") is not None
        # a plural only as the place of the people before it ("respondents in nine
        # countries who believed"; not "Mr. Trump's adult children, who believed")
        placed = noun.tag_ == "NNS" and noun.dep_ == "pobj" and noun.head.lower_ in PLACE_PREPS
        if (
            person
            and (noun.tag_ == "NN" or placed)
            and not noun.ent_type_
            and not self._someone_word(noun)
            and not described
        ):
            # "opponents on the left, who accused ...": "who" is never the left, nor the
            # countries of "respondents in nine countries who believed ..."; "Peter
            # Thiel, the tech maverick who ...": the person the appositive describes
            noun = self._people_before(noun) or noun
        if person and noun.dep_ == "appos" and noun.ent_type_ == "NORP":
            # "Mr. Guerrero, a Republican who described himself as ...": the person
            head = self._entity_at(noun.head)
            if head is not None and head.label_ == "PERSON":
                return self._full_name(head), "person", False
        for ent in self.ents:
            if ent.start <= noun.i < ent.end:
                if ent.label_ == "PERSON" or (len(ent) == 1 and ent.text.lower() in self.surnames):
                    # "said Elmendorf, who ...", whatever the tagger made of the surname
                    return self._full_name(ent), "person", False
                if ent.label_ == "NORP" and ent.root.tag_ in {"NNS", "NNPS"}:
                    return org_name(ent.text), "group", True  # "Hispanics who viewed it"
                one = ent.label_ == "NORP" and person and noun.tag_ not in {"NNS", "NNPS"}
                if one and noun.lower_ in MEMBERS and determiner_of(noun) == "the":
                    # "The Wisconsin Republican, who ...": the person in mind
                    return self._person_in_mind(noun, noun.idx)
                if one and (noun.lower_ in MEMBERS or determiner_of(noun) in INDEFINITE):
                    # "Lionel Sosa, a consultant and an influential Hispanic Republican who":
                    # the person described; "Another Muslim who worshiped there": someone
                    # the article does not name
                    named = self._entity_at(first_of_list(noun), "PERSON")
                    if named is not None:
                        return self._full_name(named), "person", False
                    words = self.doc[noun.left_edge.i : noun.i + 1]
                    return canonical_text(list(words)), "anonymous", False
                if ent.label_ in ORG_LABELS:
                    return org_name(ent.text), "organization", False
        part_of = self._partitive(noun)
        if part_of is not None:
            # "the 30 percent of voters who said ...": the voters
            whole = self._phrase(part_of)
            name, kind, _ = self._resolve(whole, part_of, noun.idx)
            if name is not None:
                if self.antecedent is None:
                    # "compared to 34% who said" after "44% of respondents": named there
                    self.antecedent = (whole.start_char, whole.end_char)
                return name, "group", True
        if noun.dep_ == "appos":
            # "Yevgeny Kopachko, a pollster who ...": the person the appositive describes
            head = self._entity_at(noun.head)
            if head is not None and (
                head.label_ == "PERSON"
                # "Harlan Crow, a Texas real estate developer, who ...", tagged as a place
                or (person and len(head) > 1 and head[0].lower_ in first_names())
            ):
                return self._full_name(head), "person", False
            if head is not None and head.label_ == "ORG" and not person:
                # "the European Commission, the EU's executive arm, which ...": the
                # organization the appositive describes
                return self._fullest_organization(org_name(head.text)), "organization", False
        author = self._author(noun, self.doc[noun.left_edge.i : noun.i + 1])
        if author is not None:
            # "the Associated Press report, which notes ...": the report's author
            return self._resolve(author, author.root, author.start_char)
        plural = noun.tag_ in {"NNS", "NNPS"}
        if (
            not person
            and not plural
            and noun.pos_ == "NOUN"
            and self.descriptions.get(noun.lemma_.lower()) == "organization"
        ):
            # "Poland's current right-wing government, which is saying ...": the
            # organization its words describe
            return self._resolve(self.doc[noun.left_edge.i : noun.i + 1], noun, noun.idx)
        first = noun.head
        if (
            plural
            and noun.dep_ == "conj"
            and first.tag_ == "NNS"
            and self._people_noun(first)
            and any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children)
        ):
            # "the party leaders and elected officials who can vote ...": all of them
            words = [t for t in self.doc[first.left_edge.i : noun.i + 1] if t.dep_ != "det"]
            return canonical_text(words), "group", True
        if noun.lemma_.lower() in self.anonymous and plural:
            return self._group_name(noun), "anonymous", plural
        if noun.lemma_.lower() in self.anonymous and noun.pos_ == "NOUN":
            # "a White House official who spoke anonymously": that official
            return self._resolve(self.doc[noun.left_edge.i : noun.i + 1], noun, noun.idx)
        lemma = noun.lemma_.lower()
        someone = person or lemma in self.anonymous or self.descriptions.get(lemma) == "person"
        determiner = determiner_of(noun)
        definite = determiner in {"the", "this", "that"} and (
            lemma in self.descriptions or lemma.endswith(PRACTITIONER_SUFFIXES)
        )
        if noun.pos_ == "NOUN" and (plural or (someone and (determiner in INDEFINITE or definite))):
            # "national-delegate candidates who pledged ...": the group its words describe;
            # "an NBC reporter who has been asking": someone the article does not name
            phrase = self.doc[noun.left_edge.i : noun.i + 1]
            found = self._resolve(phrase, noun, noun.idx)
            if found[0] and self.antecedent is None:
                self.antecedent = (phrase.start_char, phrase.end_char)  # the words it stands for
            return found
        return None, "group" if plural else None, plural

    def _person_described(self, noun: Token) -> str | None:
        """The person a description before "who" is about: the name in apposition ("his
        friend Donald Trump, who"), the subject it is said of ("Trump is a serial liar ...
        and birther who"), or a surname the tagger left untyped ("Schilling, who")."""
        if noun.is_title and not noun.ent_type_ and noun.lower_ in self.surnames:
            return self.surnames[noun.lower_]
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.ent_type_:
            return None  # a name is its own referent ("Mark Zuckerberg, who ...")
        # "a 70-year-old academic named Eric Kingson, who ...": the person named
        named = self._named_as(noun, self.doc[noun.i : noun.right_edge.i + 1])
        if named is not None and named.label_ == "PERSON":
            return self._full_name(named)
        for child in noun.children:
            if child.dep_ == "appos" and child.i > noun.i and child.ent_type_ == "PERSON":
                person = self._entity_at(child, "PERSON")
                if person is not None:
                    return self._full_name(person)
        head = first_of_list(noun)  # "a serial liar, rampant xenophobe, ... and bully who"
        if head.dep_ != "attr":
            return None
        verb = head.head
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "Trump regularly incites violence and is a serial liar ..."
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        person = self._entity_at(subject, "PERSON") if subject is not None else None
        return self._full_name(person) if person is not None else None

    def _someone_word(self, token: Token) -> bool:
        """Whether a word can name someone: a name, a pronoun, or a noun for people."""
        return bool(
            token.ent_type_
            or token.pos_ in {"PROPN", "PRON"}
            or self._people_noun(token)
            or self._personal(token)
        )

    @staticmethod
    def _personal(token: Token) -> bool:
        """Whether a noun's form says it is someone: an ending for people ("commenter",
        "activist") or a gender ("man", "spokeswoman")."""
        return token.lemma_.lower().endswith(PERSON_SUFFIXES) or word_gender(token) is not None

    def _people_before(self, noun: Token) -> Token | None:
        """The noun for people that ``noun`` hangs on ("a pollster with Mr. Yanukovych's
        former party"), else the nearest one in the few words before it."""
        head = noun
        while head.dep_ in {"pobj", "prep", "compound", "amod"} and head.head != head:
            # "one Democrat familiar with the discussion, who ...": the Democrat
            head = head.head
            if head.pos_ in {"NOUN", "PROPN"} and self._someone_word(head):
                return head
        for token in reversed(self.doc[max(noun.sent.start, noun.i - 6) : noun.i]):
            if token.pos_ in {"VERB", "AUX"}:
                return None
            if token.ent_type_ == "PERSON" or (
                token.pos_ == "NOUN" and token.ent_type_ == "" and self._someone_word(token)
            ):
                return token
        return None

    def _people_noun(self, noun: Token) -> bool:
        """Whether a common noun names people ("leaders", "officials", "voters")."""
        lemma = noun.lemma_.lower()
        return noun.pos_ == "NOUN" and (
            lemma in self.anonymous or self.descriptions.get(lemma) in {"person", "collective"}
        )

    def _appositive(
        self, root: Token, description: str | None, offset: int
    ) -> tuple[str, str, bool] | None:
        """The name in an appositive is the speaker ("The port operator, Acme Ports, said"):
        its kind comes from the description, else from the named entity."""
        title = root.pos_ == "PROPN" and root.lower_ in self.titles  # "The Secretary of ..."
        if root.ent_type_ or (root.pos_ == "PROPN" and not title):
            return None
        for child in root.children:
            if child.dep_ != "appos" or child.pos_ != "PROPN":
                continue
            ent = self._entity_at(child)
            if ent is not None:
                text = ent.text
            else:
                lefts = [t for t in child.lefts if t.dep_ in {"compound", "flat"}]
                text = "".join(t.text_with_ws for t in [*lefts, child])
            kind = self.descriptions.get(description or "")
            kind = None if kind == "relation" else kind  # "the owner, Jane Roe,": the name's
            if title and text.split()[-1].lower() not in self.organization_words:
                kind = "person"  # "..., Alexey Danilov, has said", whatever the tagger said
            if kind is None and word_gender(root) is not None:
                kind = "person"  # "His mother, Giselle,", whatever the tagger said
            if kind is None and ent is not None:
                if ent.label_ == "PERSON":
                    kind = "person"
                elif ent.label_ in ORG_LABELS:
                    kind = "organization"
            if kind == "person":
                name = self._person_name(text)
            elif kind == "organization":
                name = org_name(text)
                self._add_organization(offset, name)
            else:
                continue
            if description:
                self.described[description] = (name, kind)
            named = ent if ent is not None else self.doc[child.left_edge.i : child.i + 1]
            if self.antecedent is None:
                self.antecedent = (named.start_char, named.end_char)
            return name, kind, False
        return None
