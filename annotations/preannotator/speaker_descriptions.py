"""Descriptions, documents and organizations: what "the department", "the aide", "the
poll", "a report by X" or "the company, which ..." stand for in one article."""

from spacy.tokens import Span, Token

from .coreference import is_outlet, outlets
from .speaker_text import (
    ARTICLES,
    GENERIC_BODIES,
    INDEFINITE,
    ORG_LABELS,
    STRIP_DEPS,
    canonical_text,
    determiner_of,
    is_name_word,
    org_name,
)


class Descriptions:
    """Mixin of :class:`~.speakers.SpeakerResolver`: descriptions and their referents."""

    def _description(self, root: Token) -> str | None:
        compound = " ".join(
            [c.lower_ for c in root.children if c.dep_ == "compound"] + [root.lemma_.lower()]
        )
        if compound in self.descriptions:
            return compound
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
        tokens = [
            t
            for t in span
            if t.i not in clauses
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

    def _author(self, root: Token, span: Span) -> Token | None:
        """The author of a document named as the source: "a report by X", "a statement
        from X", "a study published on Friday by X"."""
        if root.lemma_.lower() not in self.documents or root.ent_type_:
            return None
        owners = [
            c
            for c in root.children
            if c.dep_ in {"compound", "poss"} and is_name_word(c, people=False) and c.i < root.i
        ]
        if owners:
            # "Justice Department letters", "the agency's report": the organization
            return owners[-1]
        for token in span:
            if token.lower_ not in {"by", "from"} or token.dep_ not in {"prep", "agent"}:
                continue
            head = token.head
            if head == root or (head.dep_ == "acl" and head.head == root):
                return next((c for c in token.children if c.dep_ == "pobj"), None)
        return None

    def _earlier_author(self, root: Token, offset: int) -> tuple[str, str, bool] | None:
        """The author of a document named again by its noun alone ("the summary", "the
        poll"): the name that qualified the latest earlier mention of that noun ("an FBI
        summary", "the Marist poll", "Reuters' report", "an affidavit written by X")."""
        lemma = root.lemma_.lower()
        if lemma not in self.documents or root.ent_type_:
            return None
        if determiner_of(root) not in {"the", "this", "that"} or any(
            c.dep_ in {"compound", "poss", "amod"} and c.ent_type_ for c in root.children
        ):
            return None
        for token in reversed(self.doc[: root.i]):
            if token.idx >= offset or token.lemma_.lower() != lemma or token.pos_ != "NOUN":
                continue
            names = [t for t in token.lefts if t.dep_ in {"compound", "poss"} and is_name_word(t)]
            if not names:
                # "an affidavit written by Marc Bujnowski ... the affidavit": its author
                author = self._author(token, self.doc[token.left_edge.i : token.right_edge.i + 1])
                if author is not None:
                    name, kind, plural = self._resolve(self._phrase(author), author, author.idx)
                    if name is not None and kind in {"person", "organization"}:
                        return name, kind, plural
                continue
            words = [t for t in names[-1].subtree if is_name_word(t) and t.dep_ != "case"]
            if not words:
                continue
            self.antecedent = (words[0].idx, words[-1].idx + len(words[-1]))
            text = canonical_text(words)
            if words[-1].ent_type_ == "PERSON":
                return self._person_name(text), "person", False
            return self._fullest_organization(org_name(text)), "organization", False
        return None

    def _earlier_description(self, root: Token, offset: int) -> str | None:
        """The fuller description of the latest earlier mention with the same noun, in this
        paragraph or the one before ("A Republican committee aide" for "the aide")."""
        paragraph = self.discourse.paragraph(offset)
        lemma = root.lemma_.lower()
        for token in reversed(self.doc[: root.i]):
            if self.discourse.paragraph(token.idx) < paragraph - 1:
                return None
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or token.tag_ != root.tag_:
                continue
            if self.discourse.is_quoted(token.idx):
                continue
            words = self._description_tokens(self._phrase(token), token)
            if len(words) > 1:
                self.antecedent = (words[0].idx, words[-1].idx + len(words[-1]))
                return canonical_text(words)
        return None

    def _antecedent(
        self, noun: Token, *, person: bool = False
    ) -> tuple[str | None, str | None, bool]:
        """The speaker a relative pronoun stands for: "Ana Ruiz, ..., who told ..."
        (``person``: the pronoun is "who", so the noun names people)."""
        for ent in self.ents:
            if ent.start <= noun.i < ent.end:
                if ent.label_ == "PERSON" or (len(ent) == 1 and ent.text.lower() in self.surnames):
                    # "said Elmendorf, who ...", whatever the tagger made of the surname
                    return self._full_name(ent), "person", False
                if ent.label_ in ORG_LABELS:
                    return org_name(ent.text), "organization", False
        if noun.dep_ == "appos":
            # "Yevgeny Kopachko, a pollster who ...": the person the appositive describes
            head = self._entity_at(noun.head)
            if head is not None and head.label_ == "PERSON":
                return self._full_name(head), "person", False
        author = self._author(noun, self.doc[noun.left_edge.i : noun.i + 1])
        if author is not None:
            # "the Associated Press report, which notes ...": the report's author
            return self._resolve(self._phrase(author), author, author.idx)
        plural = noun.tag_ in {"NNS", "NNPS"}
        if noun.lemma_.lower() in self.anonymous:
            return (self._group_name(noun) if plural else None), "anonymous", plural
        lemma = noun.lemma_.lower()
        someone = person or lemma in self.anonymous or self.descriptions.get(lemma) == "person"
        if noun.pos_ == "NOUN" and (plural or (someone and determiner_of(noun) in INDEFINITE)):
            # "national-delegate candidates who pledged ...": the group its words describe;
            # "an NBC reporter who has been asking": someone the article does not name
            return self._resolve(self.doc[noun.left_edge.i : noun.i + 1], noun, noun.idx)
        return None, "group" if plural else None, plural

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
        if description in outlets().descriptions:
            # "the newspaper", "the daily", "the paper": the news outlet named before, and
            # never another kind of organization
            named_outlets = [n for n in earlier if is_outlet(n) or n in self.outlet_names]
            if not named_outlets:
                return None
            return self._fullest_organization(named_outlets[-1])
        nouns = {root.lower_, root.lemma_.lower(), description}
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
            ):
                found = canonical_text([*modifiers, token])
        return found

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
