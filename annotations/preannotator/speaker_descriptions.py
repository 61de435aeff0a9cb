"""Descriptions, documents and organizations: what "the department", "the aide", "the
poll", "a report by X" or "the company, which ..." stand for in one article."""

from spacy.tokens import Span, Token

from .coreference import first_names, is_outlet, outlets, word_gender
from .speaker_text import (
    ARTICLES,
    BROADER_BODIES,
    FINDINGS,
    GENERIC_BODIES,
    INDEFINITE,
    ORG_LABELS,
    OWN_NOUN_BODIES,
    PERSON_SUFFIXES,
    PRINT_OUTLETS,
    STRIP_DEPS,
    canonical_text,
    determiner_of,
    is_name_word,
    org_name,
)

# entities that are never a document's author ("a poll conducted from Feb. 11")
NOT_AUTHORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


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
        lemma = root.lemma_.lower()
        return lemma if lemma in self.descriptions else None

    def _description_tokens(self, span: Span, root: Token, plural: bool = False) -> list[Token]:
        """The words that describe a source: no article, number or possessive before the
        head, the modifiers after it, but not a relative clause ("who asked not to ...")."""
        clauses = {
            t.i for c in root.children if c.dep_ == "relcl" and c.i > root.i for t in c.subtree
        }
        # a common-noun possessor describes the source ("Doctors’ groups", "the nurses’
        # union"); a name or pronoun one does not ("Kostin’s office", "its director")
        owners = {
            t.i
            for c in root.children
            if c.dep_ == "poss" and c.pos_ == "NOUN" and c.i < root.i
            for t in c.subtree
            if t.dep_ != "det"
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
            and (
                t.i > root.i
                or t.i in owners
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
            (t.i for t in phrase if t.i > head.i and t.is_punct and t.text in {",", "(", "—", "–"}),
            phrase.end,
        )
        return self.doc[phrase.start : cut]

    def _author(self, root: Token, span: Span) -> Span | None:
        """The author of a document named as the source: "a report by X", "a statement
        from X", "a study published on Friday by X", "a poll of voters released by X",
        "Justice Department letters", "a Morning Consult poll"."""
        if root.lemma_.lower() not in self.documents or root.ent_type_:
            return None
        owners = self._owner_span(root, people=False)
        if owners is not None:
            # "Justice Department letters", "the agency's report": the organization
            return owners
        for token in span:
            if token.lower_ not in {"by", "from"} or token.dep_ not in {"prep", "agent"}:
                continue
            head = token.head
            if head.dep_ == "acl":
                # "a poll of 400 voters released by X": the participle may hang on a noun
                # of the document's own phrase
                head = head.head
                while head != root and head.dep_ in {"pobj", "prep"} and head.head.i >= root.i:
                    head = head.head
            if head == root:
                author = next((c for c in token.children if c.dep_ == "pobj"), None)
                if author is not None and author.ent_type_ in NOT_AUTHORS:
                    continue  # "a poll ... conducted from Feb. 11 to Feb. 16"
                return self._name_phrase(author) if author is not None else None
        return None

    def _owner_span(self, noun: Token, *, people: bool = True) -> Span | None:
        """The name written before a document's noun, whole: "Justice Department" in
        "Justice Department letters", "Morning Consult" in "a Morning Consult poll", "New
        York Times/CBS News" in "a New York Times/CBS News survey", "the agency's"."""
        owners = [
            c
            for c in noun.children
            if c.dep_ in {"compound", "poss", "nmod"}
            and is_name_word(c, people=people)
            and c.i < noun.i
        ]
        if not owners:
            return None
        last = self._phrase(owners[-1])
        start = last.start
        while start and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].head == noun:
            start -= 1  # "Morning" of "a Morning Consult poll", which the tagger took for a time
        return self.doc[min(start, last.start) : last.end]

    def _named_author(self, author: Span, *, any_kind: bool = False) -> tuple | None:
        """A document's author as a speaker: a person or an organization the article names
        (any source at all with ``any_kind``, "a study by researchers")."""
        if not any_kind and author.root.lower_ in {"i", "we", "you", "they"}:
            return None
        name, kind, plural = self._resolve(author, author.root, author.start_char)
        if (
            kind == "person"
            and author.root.pos_ == "PROPN"
            and not any(t.ent_type_ == "PERSON" for t in author)
            and name.split()[0].lower() not in first_names()
            and all(name != known for _, known in self.people)
        ):
            kind = "organization"  # "Morning Consult", "Latino Decisions", not "Ana Ruiz"
        several = kind == "group" and " and " in (name or "")  # "Patricia Smith and Charles Woods"
        if not any_kind and (
            name is None or (kind not in {"person", "organization"} and not several)
        ):
            return None
        return name, kind, plural

    def _document_kind(self, token: Token) -> str | None:
        """What kind of document a noun names ("survey" and "poll" are one kind), or None
        when it names none."""
        lemma = token.lemma_.lower()
        if lemma in self.document_kinds:
            return self.document_kinds[lemma]
        return lemma if lemma in self.documents else None

    def _document_author(
        self, token: Token, *, producer: bool = True
    ) -> tuple[str, str, bool] | None:
        """Who wrote the document ``token`` names: the name that qualifies it ("an FBI
        summary", "a Morning Consult poll", "Reuters' report"), its author ("an affidavit
        written by X"), or the subject of the verb that produced it ("X released a report",
        "The group is planning to run an ad", "X said in a statement")."""
        owners = self._owner_span(token)
        if owners is not None:
            names = [t.i for t in owners if t.pos_ == "PROPN" or is_name_word(t)]
            # every word from the first name word to the last ("USA TODAY/Suffolk")
            words = [t for t in owners if names and names[0] <= t.i <= names[-1]]
            self.antecedent = (words[0].idx, words[-1].idx + len(words[-1]))
            text = canonical_text(words)
            if words[-1].ent_type_ == "PERSON" or text.lower() in self.surnames:
                name = self.surnames.get(text.lower(), text)
                return self._person_name(name), "person", False
            return self._fullest_organization(org_name(text)), "organization", False
        author = self._author(token, self.doc[token.left_edge.i : token.right_edge.i + 1])
        if author is None and producer:
            author = self._producer(token)
        if author is None:
            return None
        found = self._named_author(author)
        if found is not None and self.antecedent is None:
            self.antecedent = (author.start_char, author.end_char)
        return found

    def _producer(self, token: Token) -> Span | None:
        """The subject of the verb that produced a document: "X released a report", "The
        Future45 group is planning to plaster screens with a web ad", "X said in a
        statement"."""
        verb, preposition = token.head, None
        if token.dep_ == "pobj" and verb.dep_ == "prep":
            preposition, verb = verb.lower_, verb.head
        elif token.dep_ != "dobj":
            return None
        if verb.pos_ != "VERB":
            return None
        lemma = verb.lemma_.lower()
        if preposition not in self.authoring_verbs.get(lemma, ()) and not (
            preposition == "in" and lemma in self.cue_verbs
        ):
            return None
        while True:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None or verb.dep_ not in {"xcomp", "conj"}:
                break
            verb = verb.head  # "is planning to plaster", "met and released"
        return self._name_phrase(subject) if subject is not None else None

    def _earlier_author(self, root: Token, offset: int) -> tuple[str, str, bool] | None:
        """The author of a document named again ("the summary", "the poll", "the survey",
        "The email"): the author of the latest earlier mention of that document ("an FBI
        summary", "a Morning Consult poll", "an affidavit written by X", "X emailed
        supporters"); for "a new poll" with no author, the poll the next sentences name."""
        kind = self._document_kind(root)
        if kind is None or root.ent_type_:
            return None
        if any(c.dep_ in {"compound", "poss", "amod"} and c.ent_type_ for c in root.children):
            return None
        lemma = root.lemma_.lower()
        determiner = determiner_of(root)
        paragraph = self.discourse.paragraph(offset)
        if determiner in {"the", "this", "that"}:
            for token in reversed(self.doc[: root.i]):
                if token.pos_ not in {"NOUN", "PROPN", "VERB"} or token.idx >= offset:
                    continue
                same = token.lemma_.lower() == lemma
                # who produced it is only read near the mention: "the statement" far below
                # "X said in a statement" is more often another one
                near = self.discourse.paragraph(token.idx) >= paragraph - 2
                if self.discourse.is_quoted(token.idx):
                    continue
                if token.pos_ == "VERB" and same and near:
                    # "Abedin emailed supporters ... The email": who emailed
                    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                    found = self._named_author(self._name_phrase(subject)) if subject else None
                elif token.pos_ != "VERB" and (
                    same
                    or (
                        self._document_kind(token) == kind
                        and self.discourse.paragraph(token.idx) >= paragraph - 1
                    )
                ):
                    found = self._document_author(token, producer=near)
                else:
                    continue
                if found is not None:
                    return found
        elif determiner in INDEFINITE:
            # "according to a new poll. ... A Morning Consult poll found": that poll
            for token in self.doc[root.i + 1 :]:
                if self.discourse.paragraph(token.idx) > paragraph + 1:
                    break
                if token.pos_ in {"NOUN", "PROPN"} and self._document_kind(token) == kind:
                    # "A Morning Consult poll found", "The poll, released by X,"
                    owners = [t for t in token.lefts if t.dep_ in {"compound", "poss"}]
                    named = owners or determiner_of(token) in {"the", "this"}
                    if named and (found := self._document_author(token)) is not None:
                        return found
        return None

    def _findings_of(self, root: Token) -> Token | None:
        """What "the results of", "the findings of" a source are of: "nationwide surveys"
        in "the results of nationwide surveys"."""
        if root.lemma_.lower() not in FINDINGS or root.ent_type_:
            return None
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        found = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if found is None or found.pos_ not in {"NOUN", "PROPN"}:
            return None
        return found

    def _described_subject(self, pronoun: Token) -> Token | None:
        """The subject before ``pronoun`` in its sentence, when a description of an
        organization heads it ("The Clinton campaign is braced for a fight it expects")."""
        for token in pronoun.sent:
            if token.i >= pronoun.i:
                return None
            if (
                token.dep_ in {"nsubj", "nsubjpass"}
                and token.pos_ == "NOUN"
                and token.tag_ == "NN"
                and self.descriptions.get(self._description(token) or "") == "organization"
            ):
                return token
        return None

    def _earlier_nouns(self, root: Token, offset: int):
        """Earlier mentions with the same noun as ``root``, latest first, back to the start
        of the paragraph before its own, outside quotations."""
        paragraph = self.discourse.paragraph(offset)
        lemma = root.lemma_.lower()
        for token in reversed(self.doc[: root.i]):
            if self.discourse.paragraph(token.idx) < paragraph - 1:
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
        for token in self._earlier_nouns(root, offset):
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
            if len(words) > 1:
                self.antecedent = (words[0].idx, words[-1].idx + len(words[-1]))
                return canonical_text(words)
        return None

    def _introduced_unnamed(self, root: Token, offset: int) -> bool:
        """Whether the article introduced this noun's referent without a name, in this
        paragraph or the one before ("an organizer" before "the organizer")."""
        latest = next(self._earlier_nouns(root, offset), None)
        if latest is None:
            return False
        # "Ted Cruz says heckler deserves ..." in a headline, then "the heckler"
        headline = determiner_of(latest) is None and self.discourse.paragraph(latest.idx) == 1
        return determiner_of(latest) in INDEFINITE or headline

    def _antecedent(
        self, noun: Token, *, person: bool = False
    ) -> tuple[str | None, str | None, bool]:
        """The speaker a relative pronoun stands for: "Ana Ruiz, ..., who told ..."
        (``person``: the pronoun is "who", so the noun names people)."""
        if person and noun.tag_ == "NN" and not noun.ent_type_ and not self._someone_word(noun):
            # "opponents on the left, who accused ...": "who" is never the left
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
                if ent.label_ in ORG_LABELS:
                    return org_name(ent.text), "organization", False
        part_of = self._partitive(noun)
        if part_of is not None:
            # "the 30 percent of voters who said ...": the voters
            name, kind, _ = self._resolve(self._phrase(part_of), part_of, noun.idx)
            if name is not None:
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
        author = self._author(noun, self.doc[noun.left_edge.i : noun.i + 1])
        if author is not None:
            # "the Associated Press report, which notes ...": the report's author
            return self._resolve(author, author.root, author.start_char)
        plural = noun.tag_ in {"NNS", "NNPS"}
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
        if noun.pos_ == "NOUN" and (plural or (someone and determiner_of(noun) in INDEFINITE)):
            # "national-delegate candidates who pledged ...": the group its words describe;
            # "an NBC reporter who has been asking": someone the article does not name
            return self._resolve(self.doc[noun.left_edge.i : noun.i + 1], noun, noun.idx)
        return None, "group" if plural else None, plural

    def _someone_word(self, token: Token) -> bool:
        """Whether a word can name someone: a name, a pronoun, or a noun for people."""
        return bool(
            token.ent_type_
            or token.pos_ in {"PROPN", "PRON"}
            or self._people_noun(token)
            or token.lemma_.lower().endswith(PERSON_SUFFIXES)
            or word_gender(token) is not None
        )

    def _people_before(self, noun: Token) -> Token | None:
        """The noun for people that ``noun`` hangs on ("a pollster with Mr. Yanukovych's
        former party"), else the nearest one in the few words before it."""
        head = noun
        while head.dep_ in {"pobj", "prep", "compound"} and head.head != head:
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
        if root.ent_type_ or root.pos_ == "PROPN":
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
            return name, kind, False
        return None

    def _add_organization(self, offset: int, name: str) -> None:
        """An organization the tagger missed or took for a person."""
        self.people = [p for p in self.people if p[1] != name]
        self.surnames = {k: v for k, v in self.surnames.items() if v != name}
        self.organizations = sorted([*self.organizations, (offset, name)])

    def _latest_organization(self, root: Token, description: str, offset: int) -> str | None:
        """The organization a description ("the company", "the union") refers back to: the
        latest named with that noun, else the latest not named as another kind of
        institution, unless the description says more than its noun."""
        earlier = [
            name
            for position, name in self.organizations
            if position < offset and name not in self.nationalities
        ]
        if description in outlets().descriptions or description in PRINT_OUTLETS:
            # "the newspaper", "the daily", "the paper": the news outlet named before, and
            # never another kind of organization
            named_outlets = [n for n in earlier if is_outlet(n) or n in self.outlet_names]
            if not named_outlets:
                return None
            return self._fullest_organization(named_outlets[-1])
        nouns = {
            root.lower_,
            root.lemma_.lower(),
            description,
            *BROADER_BODIES.get(description, ()),
        }
        extra = {t.lower_ for t in root.children if t.dep_ in {"compound", "amod", "prep"}}
        extra -= set(description.split())
        matching = [
            n for n in earlier if nouns & set(n.lower().split()) and extra <= set(n.lower().split())
        ]
        if matching:
            return matching[-1]
        if extra:
            return None
        named = self._named_description(root, offset)
        if named is not None:
            # "the campaign" after "the Clinton campaign"
            return named

        # an institution described earlier with the same noun but never named ("The
        # transit agency's board ..." ... "the agency") before a name with another noun
        unnamed = self._unnamed_institution(root, offset)
        if unnamed is not None:
            return unnamed
        if description in OWN_NOUN_BODIES:
            return None
        current = self.discourse.current_organization(
            offset, lambda n: not self._other_institution(n) and not is_outlet(n)
        )
        if current is not None:
            # "the company" said ... after "Northline said ...": the organization speaking
            self.antecedent = current.named_at
            return current.name
        compatible = [
            n
            for n in earlier
            if not self._other_institution(n) and not is_outlet(n) and n not in self.outlet_names
        ]
        # never a news outlet: "the foundation" is not the paper that reports on it
        return compatible[-1] if compatible else None

    def _named_description(self, root: Token, offset: int) -> str | None:
        """The latest earlier noun phrase with the same head that a name qualifies ("the
        Clinton campaign", "Trump's campaign"): the name and the noun ("Clinton campaign")."""
        lemma = root.lemma_.lower()
        for token in reversed(self.doc[: root.i]):
            if token.idx >= offset or token.lemma_.lower() != lemma or token.pos_ != "NOUN":
                continue
            names = [
                t
                for t in token.lefts
                if t.dep_ in {"compound", "poss"} and t.ent_type_ in {"PERSON", "ORG", "NORP"}
            ]
            if names:
                words = [t.text for t in names[-1].subtree if t.ent_type_ and t.dep_ != "case"]
                self.antecedent = (names[-1].left_edge.idx, token.idx + len(token))
                return " ".join([*words, token.lower_])
        return None

    def _fullest_organization(self, name: str) -> str:
        """The fullest name the article gives an organization: "Post" -> "Riverton Post",
        "Northline" -> "Northline Ferries" (a short name that ends an outlet's name, or
        begins a name that adds only organization words)."""
        words = name.lower().split()
        best = name
        if name.isupper() and 2 <= len(name) <= 6:
            # an acronym: the name whose capitalised words it abbreviates ("IMF")
            for _, other in self.organizations:
                initials = "".join(w[0] for w in other.split() if w[:1].isupper())
                if initials == name and len(other.split()) > 1:
                    return other
        for _, other in self.organizations:
            longer = other.lower().split()
            if len(longer) <= len(words) or len(longer) <= len(best.split()):
                continue
            suffix = longer[-len(words) :] == words and words[-1] in outlets().name_words
            prefix = longer[: len(words)] == words and all(
                w in self.organization_words for w in longer[len(words) :]
            )
            if suffix or prefix:
                best = other
        return best

    def _unnamed_institution(self, root: Token, offset: int) -> str | None:
        """An institution the article describes without naming it ("The transit agency's
        board chair ..." ... "the agency"): the latest such description with that noun."""
        found = None
        lemma = root.lemma_.lower()
        for token in self.doc[: root.i]:
            if token.idx >= offset:
                break
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or token.ent_type_:
                continue
            lefts = list(token.lefts)
            modifiers = [t for t in lefts if t.dep_ in {"compound", "amod"}]
            if (
                modifiers
                and all(t.pos_ in {"NOUN", "ADJ"} and not t.ent_type_ for t in modifiers)
                and any(t.dep_ == "det" and t.lower_ == "the" for t in lefts)
                and token.dep_ != "appos"
                and not any(c.dep_ == "appos" for c in token.children)
                and not (token.i + 1 < len(self.doc) and self.doc[token.i + 1].ent_type_)
                and not (
                    lemma in GENERIC_BODIES
                    and root.tag_ == "NN"
                    and self._compatible_before(token.idx)
                )
            ):
                found = canonical_text([*modifiers, token])
        return found

    def _compatible_before(self, offset: int) -> bool:
        """Whether an organization a vague description could refer back to is named before
        ``offset`` ("Valeant" before "the drug company": not an unnamed institution)."""
        return any(
            position < offset
            and name not in self.nationalities
            and not self._other_institution(name)
            and not is_outlet(name)
            and name not in self.outlet_names
            for position, name in self.organizations
        )

    def _other_institution(self, name: str) -> bool:
        """Whether a name says what specific kind of institution it is ("... Union",
        "Department of ..."), so a different description cannot refer to it."""
        head = name.lower().split(" of ")[0].split(" for ")[0].split()
        return bool(head) and (
            self.descriptions.get(head[-1]) == "organization" and head[-1] not in GENERIC_BODIES
        )

    def _affiliation(self, root: Token, offset: int) -> str | None:
        """The proper-noun modifier ("US", "Pentagon") of the first earlier mention of the
        same kind of source ("US officials fear ...")."""
        for chunk in self.chunks():
            if chunk.start_char >= offset:
                break
            if chunk.root.lemma_.lower() != root.lemma_.lower():
                continue
            names = [
                t
                for t in chunk
                if t.i < chunk.root.i
                and (t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "GPE", "ORG"})
            ]
            if names:
                return "".join(t.text_with_ws for t in names).strip()
        return None

    @staticmethod
    def _latest(entries: list[tuple[int, str]], offset: int) -> str | None:
        found = None
        for position, name in entries:
            if position >= offset:
                break
            found = name
        return found
