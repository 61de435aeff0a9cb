"""Pronouns: whom "he", "she", "I", "they", "it" and "who" stand for, and whose "his
spokesman" or "her campaign" is. The order of preference is the discourse's
(``coreference.Discourse``); the rules here add what the sentence itself says: the people
a pronoun's own clause names are never its referent, a pronoun before a subject stands for
it, a chain of "he" keeps its person ("I" outside a quote's speaker is in
``speaker_first_person``)."""

from spacy.tokens import Doc, Span, Token

from .coreference import (
    SUBJECT_DEPS,
    Referent,
    gendered_words,
    is_main_subject,
    pronouns,
    word_gender,
)
from .lexicon import doc_text
from .rules.records import Attribution
from .speaker_text import (
    GROUP_PRONOUNS,
    GROUP_QUANTIFIERS,
    INDEFINITE,
    ORG_LABELS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    THING_PRONOUNS,
    canonical_text,
    determiner_of,
    org_name,
    role_word,
)

# verbs that go on with what the previous source said
CONTINUING_VERBS = {"add"}


class Pronouns:
    """Mixin of :class:`~.speakers.SpeakerResolver`: pronouns and possessives."""

    def _pronoun(self, span: Span, root: Token, start: int) -> tuple[str | None, str | None, bool]:
        """What a pronoun stands for: "who" its antecedent, "I" the current speaker or the
        writer, "he" and "she" the salient person of that gender, "they" the latest group,
        "it" a document's author or the organization speaking."""
        lower = root.lower_
        if lower in {"someone", "somebody"}:
            # "someone told Trump", "someone familiar with the talks": an anonymous source
            return canonical_text(list(span)), "anonymous", False
        clause = root.head
        while clause.dep_ == "conj" and clause.head.i < clause.i:
            # "Eric Kingson, who is running for Congress and who worked the crowd": the
            # second clause joins the first, whose noun it describes too
            clause = clause.head
        if lower in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
            whole = clause.head
            if lower == "who" and whole.pos_ == "PRON" and whole.lower_ in GROUP_QUANTIFIERS:
                # "Among those who want a continuation of Obama's policies, most ...": the
                # group its clause describes
                words = list(self.doc[whole.i : clause.right_edge.i + 1])
                cut = next((t.i for t in words if t.text in {",", "—", "–", "(", ";"}), None)
                words = words if cut is None else words[: cut - whole.i]
                return canonical_text(words), "group", True
            named = self._relative_after_names(root) if lower == "who" else None
            adjacent = self._entity_at(self.doc[root.i - 1], "PERSON") if root.i else None
            if (
                named is None
                and lower == "who"
                and adjacent is not None
                and whole.i < root.i
                # the parser hung it on another name, not on a noun for someone ("the man
                # with a complicated relationship with Clinton who declined to run")
                and whole.pos_ == "PROPN"
                and whole.ent_type_ != "PERSON"
            ):
                # "... Culture, Media and Sport Secretary Tessa Jowell who said", whatever
                # the parser hung the clause on: the name right before "who"
                self.antecedent = (adjacent.start_char, adjacent.end_char)
                return self._full_name(adjacent), "person", False
            return named or self._antecedent(whole, person=lower == "who")
        first_person = self._first_person(lower, start)
        if first_person is not None:
            return first_person
        if lower in PERSON_PRONOUNS:
            ahead = self._named_after(root) or self._governing_subject(root)
            if ahead is not None:
                return ahead
            chained = self._chained_pronoun(root, start)
            if chained is not None:
                return chained
            avoid = self._clause_mates(root) | self._named_in_content()
            if label := self.discourse.turn_label(start):
                # "WALLACE: ... And she has accepted": not the one speaking this turn
                # (the tagger's entity keeps the label's capitals: "BAKER")
                avoid |= {self._turn_speaker(label), label.upper()}
            referent = self.discourse.person_for(lower, start, self.exclude, avoid)
            if (unnamed_speaker := self._unnamed_speaker(lower, start, referent)) is not None:
                return unnamed_speaker
            unnamed = self.discourse.unnamed_after(referent, lower, start, self.exclude, avoid)
            if unnamed is not None:
                # "A woman who has accused him said ... She also described ...": that woman
                self.antecedent = unnamed.named_at
                return unnamed.name, "anonymous", False
            if referent is None:
                return None, "person", False
            gender = pronouns()[lower].gender
            if self.discourse.gender(referent.name) is None and not self._known(gender, start):
                # "she says" of Eufrosina Young, with no other woman named before: a later
                # "he" is someone else (not when "she" could be another: a guess is no fact)
                self.discourse.learn_gender(referent.name, gender)
            self.antecedent = referent.named_at
            return referent.name, "person", False
        if lower in {"they", "it"} and (added := self._added_by_previous(root, start)) is not None:
            return added
        if lower == "they":
            subject = self._plural_subject_before(root)
            if subject is not None:
                chunks = self._chunks_headed_by(subject.lower_)
                phrase = next((c for c in chunks if c.root == subject), None)
                phrase = phrase if phrase is not None else self.doc[subject.i : subject.i + 1]
                joined = [c for c in subject.children if c.dep_ == "conj"]
                if subject.ent_type_ == "PERSON" and joined:
                    # "Ms. Henry and other labor leaders": the whole of them
                    phrase = self.doc[subject.left_edge.i : joined[-1].right_edge.i + 1]
                name, kind, _ = self._resolve(phrase, subject, subject.idx)
                if name:
                    self.antecedent = (phrase.start_char, phrase.end_char)
                    return name, kind if kind == "anonymous" else "group", True
        if lower in GROUP_PRONOUNS:
            return (*self._latest_group(start, root), True)
        if lower in THING_PRONOUNS:
            # a document the sentence before is about ("The lawsuit contends ... It
            # goes on to ..."): its author; else the organization speaking, or the
            # subject of this or the previous paragraph; "it" more often stands for a
            # thing (a lawsuit, a report) than for the latest organization named
            document = self._previous_document(root)
            if document is not None:
                # its author, else the document in its own words ("A new ad ... It says")
                return self._earlier_author(document, document.idx) or (
                    self._document_author(document)
                    or self._resolve(self._phrase(document), document, document.idx)
                )
            if (spoken := self._document_spoke_before(span[0])) is not None:
                return spoken
            if (spoken := self._according_to_before(root)) is not None:
                return spoken
            if (described := self._described_before(root)) is not None:
                return described
            referent = self.discourse.salient_organization(start, self.exclude)
            if referent is None:
                # "The Clinton campaign is braced for a fight it expects ...": the
                # organization its sentence is about, named by a description
                subject = self._described_subject(root)
                if subject is not None:
                    # its own words up to its noun ("The company", not "The company and its
                    # co-founder")
                    words = self.doc[subject.left_edge.i : subject.i + 1]
                    return self._resolve(words, subject, subject.idx)
                return None, None, False
            self.antecedent = referent.named_at
            return self._fullest_organization(referent.name), "organization", False
        return None, None, False

    def _added_by_previous(self, pronoun: Token, offset: int) -> tuple[str, str, bool] | None:
        """ "They added ..." right after an attribution: whoever spoke there goes on, an
        organization ("..., the Ministry of Foreign Affairs announced. They added that ...")
        or one person ("One mechanic said ... They added that ...")."""
        previous = self.previous
        if (
            pronoun.lower_ == "it"
            and previous is not None
            and previous.speaker_kind != "organization"
        ):
            return None  # "It added" is an organization that spoke, not a person
        if (
            pronoun.dep_ != "nsubj"
            or pronoun.head.lemma_.lower() not in CONTINUING_VERBS
            or previous is None
            or not previous.speaker_name
            or previous.mention is None
            or self.discourse.paragraph(previous.mention[0]) < self.discourse.paragraph(offset) - 1
        ):
            return None
        self.antecedent = previous.speaker_antecedent or previous.mention
        kind = previous.speaker_kind or "group"
        return previous.speaker_name, kind, kind == "group"

    def _owner(self, possessor: Token, offset: int) -> str | None:
        """The person a possessive names or stands for ("his", "Sanders'"). The quote's
        own content may name the owner: "Sanders will not attend, his spokesman said"."""
        # "the congressman's spokesman" is not the spokesman the article named before
        holders = {name for _, role, name in self.roles if role == role_word(possessor.head)}
        if possessor.lower_ in {"his", "her"}:
            owner = self._content_subject(possessor.lower_, offset) or (
                self.discourse.person_for(possessor.lower_, offset, [], holders)
            )
            if owner is not None and owner.name in holders:
                owner = None
            if owner is not None:
                self.antecedent = owner.named_at
                if self._in_content(owner.position):
                    # named in the quote itself: explain with where it was named before
                    earlier = self.discourse.latest_named(owner.name, self.exclude[0][0])
                    self.antecedent = earlier.named_at if earlier is not None else None
            return owner.name if owner else None
        ent = self._entity_at(possessor)
        if ent is not None and ent.label_ == "PERSON":
            return self._full_name(ent)
        if possessor.is_title and possessor.lower_ in self.surnames:
            return self.surnames[possessor.lower_]  # "Trump's advisers", however tagged
        if (
            possessor.pos_ == "NOUN"
            and determiner_of(possessor) in {"the", "this", "that"}
            and self.descriptions.get(possessor.lemma_.lower()) == "person"
        ):
            # "the senator's advisers": the senator the article named
            phrase = self.doc[possessor.left_edge.i : possessor.i + 1]
            name, kind, _ = self._resolve(phrase, possessor, possessor.idx)
            return name if kind == "person" and name not in holders else None
        return None

    def _possessed(self, tokens: list[Token], possessor: Token | None, offset: int) -> str | None:
        """A description named with its owner: "his team" -> "Ted Cruz's team", "Kasich's
        team" -> "John Kasich's team", "its senior vice president" -> "Uber's senior vice
        president"."""
        if possessor is None:
            return None
        words = [t for t in tokens if t.i > possessor.right_edge.i and not t.is_punct]
        if not words:
            return None
        if possessor.lower_ == "its":
            # the organization named earlier in the same sentence, if any
            start = self.discourse.sentence_start(possessor.idx)
            named = [name for at, name in self.organizations if start <= at < possessor.idx]
            owner = self._fullest_organization(named[-1]) if named else None
        else:
            owner = self._owner(possessor, offset)
        return f"{owner}'s {canonical_text(words).lower()}" if owner else None

    def _content_subject(self, word: str, offset: int) -> Referent | None:
        """The person the quote's own content is about, as its subject, in the mention's
        sentence: "Sanders will not attend the debate, his spokesman said"."""
        discourse = self.discourse
        gender = pronouns()[word].gender
        start = discourse.sentence_start(offset)
        return next(
            (
                r
                for r in discourse.named
                if r.subject
                and start <= r.position < offset
                and self._in_content(r.position)
                and discourse.fits(r, offset, gender, [])
            ),
            None,
        )

    def _clause_mates(self, pronoun: Token) -> set[str]:
        """The people named as the other arguments of the pronoun's own verb: "he told
        Hannity", "she thanked Ruiz" (a pronoun never stands for them)."""
        verb = pronoun.head
        tokens = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj", "attr"}]
        if verb.dep_ == "relcl" and any(t.lower_ in {"whom", "who", "that"} for t in tokens):
            # "Chris Christie, whom he describes as ...": the relative pronoun is the object
            tokens.append(verb.head)
        tokens += [
            g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
        names = set()
        for token in tokens:
            ent = self._entity_at(token, "PERSON")
            if ent is not None:
                names.add(self._full_name(ent))
            elif token.lower_ in self.surnames:
                names.add(self.surnames[token.lower_])  # whatever the tagger made of it
        return names

    def _named_in_content(self) -> set[str]:
        """The people a direct quote names as the subject of one of its own sentences: its
        speaker would not name themselves so ('He said, "Andy Warhol was the center of the
        Zeitgeist"' is not Warhol; 'they say Bernie Sanders should drop out' may be)."""
        if not self.direct:
            return set()
        names = set()
        for r in self.discourse.named:
            if r.kind != "person" or not r.subject or not self._in_content(r.position):
                continue
            span = self.doc.char_span(*r.named_at, alignment_mode="expand")
            verb = span.root.head if span is not None else None
            if verb is not None and (verb.dep_ == "ROOT" or not self._in_content(verb.head.idx)):
                names.add(r.name)
        return names

    def _named_after(self, pronoun: Token) -> tuple[str, str, bool] | None:
        """A pronoun in a clause before its sentence's subject that stands for that subject
        ("After he blasted the film, Pastor Kevin Swanson set his sights on ...", "In what
        he acknowledged as a rant, President Obama took a whack at ...")."""
        top = pronoun.head  # the fronted clause or phrase that holds the pronoun
        while top.dep_ != "ROOT" and top.head.dep_ != "ROOT":
            top = top.head
        main = top.head
        if top.dep_ not in {"advcl", "prep"} or main.dep_ != "ROOT" or top.i > main.i:
            return None
        subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i < pronoun.i:
            return None
        return self._subject_person(pronoun, subject, confirmed=False)

    def _governing_subject(self, pronoun: Token) -> tuple[str, str, bool] | None:
        """A "he" or "she" inside a clause that hangs on another's words stands for the
        person named as that clause's subject before it, when the gender allows: "Mr.
        Trump ... held a news conference nearby in which he continued his assault on Mr.
        Bush" (not Bush, the article's subject)."""
        verb = pronoun.head
        if verb.dep_ not in {"relcl", "advcl", "acl", "ccomp"}:
            return None
        while verb.dep_ != "ROOT":
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None:
                continue
            if subject.i > pronoun.i:
                return None
            return self._subject_person(pronoun, subject, confirmed=True)
        return None

    def _subject_person(
        self, pronoun: Token, subject: Token, *, confirmed: bool
    ) -> tuple[str, str, bool] | None:
        """The person a subject names, when the pronoun's gender fits theirs (``confirmed``:
        only a gender the article gives them; else an unknown one fits too)."""
        person = self._entity_at(subject, "PERSON")
        source = self.resolved.get(subject.left_edge.idx)
        if person is not None:
            name, at = self._full_name(person), (person.start_char, person.end_char)
        elif source is not None and source.speaker_name and source.speaker_kind == "person":
            # a source resolved before ("the President did not know what he was talking
            # about", with "the President" the source of another attribution)
            name, at = source.speaker_name, source.speaker_antecedent or source.mention
        else:
            return None
        wanted = pronouns()[pronoun.lower_].gender if pronoun.lower_ in pronouns() else "any"
        known = self.discourse.gender(name)
        if wanted in {"f", "m"} and known != wanted and (confirmed or known):
            return None
        self.antecedent = at
        return name, "person", False

    def _unnamed_speaker(
        self, lower: str, start: int, referent: Referent | None
    ) -> tuple[str, str, bool] | None:
        """The unnamed source speaking in this paragraph (or in the one before, when the
        pronoun opens its paragraph) when its noun has the pronoun's gender (or none) and
        nobody who could be meant is named after it ("Big Brother's spokeswoman said: ...
        The show's adjudicator was also satisfied, she added")."""
        gender = pronouns()[lower].gender
        latest = next((r for r in reversed(self.discourse.spoken) if r.position < start), None)
        paragraph = self.discourse.paragraph(start)
        # "Tony Blair's official spokesman said: '...' / He added ...": a paragraph that opens
        # with the pronoun goes on from the paragraph before
        opens = not self.discourse.text[self.discourse.starts[paragraph - 1] : start].strip()
        if (
            latest is None
            or latest.kind != "anonymous"
            or latest.plural
            or not (latest.paragraph == paragraph or (opens and latest.paragraph == paragraph - 1))
            or (
                referent is not None
                and referent.position > latest.position
                # not one named in the source's own words ("Tony Blair's official spokesman")
                and referent.position >= latest.named_at[1]
            )
        ):
            return None
        noun = gendered_words().get(latest.name.split()[-1].lower())
        if noun != gender and (
            # a noun of no gender ("the chief executive of a car maker told BBC News. ...,
            # he said") when nobody else of this paragraph could be meant
            noun is not None or (referent is not None and referent.paragraph == latest.paragraph)
        ):
            return None
        self.antecedent = latest.named_at
        return latest.name, "anonymous", False

    def _known(self, gender: str, offset: int) -> bool:
        """Whether someone named before ``offset`` is known to have that gender."""
        return any(
            r.kind == "person" and r.position < offset and self.discourse.gender(r.name) == gender
            for r in self.discourse.named
        )

    def _chained_pronoun(self, root: Token, start: int) -> tuple[str, str, bool] | None:
        """With nobody speaking, "he" as the subject right after a sentence whose subject is
        "he" too stands for the same person ("Given Obama's approval rating, he should
        channel Trump. He could do this by ...")."""
        if root.dep_ not in SUBJECT_DEPS or root.lower_ not in {"he", "she"}:
            return None
        if self.discourse.current_speaker(start, "any", self.exclude) is not None:
            return None
        before = self._previous_subject(root)
        if before is None or before.lower_ != root.lower_ or not is_main_subject(before):
            return None
        span = self.doc[before.i : before.i + 1]
        name, kind, plural = self._resolve(span, before, before.idx)
        return (name, kind, plural) if name is not None else None

    def _previous_document(self, token: Token) -> Token | None:
        """A singular document the sentence before is about: in the same paragraph its main
        subject ("The lawsuit contends ... It goes on"), or, for an "it" that opens its
        sentence, the object of its verb when the subject is no document ("The city sent a
        cease-and-desist letter Thursday. It says ..."); for an "it" that opens a paragraph,
        the subject or else the object of the last sentence of the paragraph before ("...
        launched a television ad titled 'Scam.' ¶ It slams ...")."""
        sentence = token.sent
        if not sentence.start:
            return None
        before = self.doc[sentence.start - 1].sent
        gap = self.discourse.paragraph(token.idx) - self.discourse.paragraph(before.start_char)
        opens = token.i == sentence.start
        subject = next((c for c in before.root.children if c.dep_ in SUBJECT_DEPS), None)
        if gap == 0 and subject is None:
            return None
        if not (gap == 0 or (gap == 1 and opens)):
            return None
        if gap == 0 and subject is not None and subject.lower_ == "it":
            # "For example, it recommends ... But it doesn't say how": the same document
            return self._previous_document(subject)
        found = subject
        if subject is not None and not self._document_kind(subject):
            # "some analysts believe that the Kok report doesn't ... it recommends": the
            # document the sentence's reported words are about
            found = next(
                (
                    inner
                    for clause in before.root.children
                    if clause.dep_ == "ccomp"
                    for inner in clause.children
                    if inner.dep_ in SUBJECT_DEPS
                ),
                subject,
            )
        if opens and (found is None or not self._document_kind(found)):
            found = next((c for c in before.root.children if c.dep_ == "dobj"), None)
        if found is not None and found.tag_ != "NNS" and self._document_kind(found):
            return found
        return None

    def _document_spoke_before(self, pronoun: Token) -> tuple[str, str, bool] | None:
        """The source just before, in this paragraph or the one before, when it was a
        document ("..., his report said. ¶ At risk ... is ..., it said"; "the Kok report
        recommends ... It also recommends"): its author, as resolved there."""
        previous = self.previous
        if previous is None or previous.mention is None or previous.speaker_name is None:
            return None
        if previous.speaker_kind not in {"person", "organization", "group"}:
            return None  # a document in its own words ("a statement"), not an author
        paragraph = self.discourse.paragraph(pronoun.idx)
        if self.discourse.paragraph(previous.mention[0]) < paragraph - 1:
            return None
        root = self.doc.char_span(*previous.mention, alignment_mode="expand").root
        if root.tag_ == "NNS" or self._document_kind(root) is None:
            return None
        subject = self._previous_subject(pronoun)
        if (
            subject is not None
            and subject.idx > previous.mention[1]
            and not self.discourse.is_quoted(subject.idx)
            and not self._document_kind(subject)
            and (
                subject.tag_ == "NN"
                # "Research by technology firms ... revealed ... Before now Microsoft has
                # left the market ... It said": the organization the sentence is about
                or (
                    subject.ent_type_ == "ORG"
                    and subject.text not in (previous.speaker_name or "").split()
                )
            )
        ):
            return None  # "... a study by economists. The tax made fuel ... It encouraged"
        self.antecedent = previous.speaker_antecedent or previous.mention
        return previous.speaker_name, previous.speaker_kind or "", False

    def _described_before(self, pronoun: Token) -> tuple[str, str, bool] | None:
        """For an "it" that opens its sentence ("But it said ..."), the organization the
        sentence before is about when a description heads it ("The commission, an
        independent body, had been asked to ... But it said"), rather than the one named
        last."""
        before = [t for t in pronoun.sent if t.i < pronoun.i]
        if any(t.dep_ not in {"cc", "advmod", "punct"} for t in before) or not pronoun.sent.start:
            return None
        previous = self.previous
        sentence = self.doc[pronoun.sent.start - 1].sent
        if (
            previous is not None
            and previous.mention is not None
            and sentence.start_char <= previous.mention[0] < sentence.end_char
        ):
            return None  # a source named in that sentence ("..., said the committee. It said")
        subject = self._described_subject(pronoun)
        if subject is None:
            return None
        words = self.doc[subject.left_edge.i : subject.i + 1]
        found = self._resolve(words, subject, subject.idx)
        if found[1] != "organization" or not found[0] or found[0].lower() in words.text.lower():
            return None  # not an organization named before ("The US firm" in its own words)
        return found

    def _according_to_before(self, pronoun: Token) -> tuple[str, str, bool] | None:
        """The organization the sentence just before, in the same paragraph, is "according
        to", for an "it" that opens its sentence ("According to blog analysis firm
        Technorati, the blogosphere has doubled ... It now estimates ..."), where the parser
        misread that sentence and no attribution was read from it."""
        sentence = pronoun.sent
        if pronoun.lower_ != "it" or pronoun.dep_ != "nsubj" or pronoun.i != sentence.start:
            return None
        if not sentence.start:
            return None
        before = self.doc[sentence.start - 1].sent
        if self.discourse.paragraph(before.start_char) != self.discourse.paragraph(pronoun.idx):
            return None
        if [t.lower_ for t in before[:2]] != ["according", "to"]:
            return None
        # "According to blog analysis firm Technorati, ...", which the parser may misread
        cut = next((t.i for t in before if t.text == ","), before.end)
        named = [
            e
            for e in self.ents
            if before.start < e.start
            and e.end <= cut
            and e.label_ in ORG_LABELS - {"NORP"}  # "Technorati", tagged a place
        ]
        if len(named) != 1:
            return None
        self.antecedent = (named[0].start_char, named[0].end_char)
        return self._fullest_organization(org_name(named[0].text)), "organization", False

    def _previous_subject(self, token: Token) -> Token | None:
        """The subject of the main clause of the sentence before ``token``'s, in the same
        paragraph."""
        sentence = token.sent
        if sentence.start == 0:
            return None
        before = self.doc[sentence.start - 1].sent
        if self.discourse.paragraph(before.start_char) != self.discourse.paragraph(token.idx):
            return None
        return next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)

    def _asks(self, attribution: Attribution) -> bool:
        """Whether a quote is a question put to someone: "..., Borger asked." (not a
        speaker's own rhetorical question, "How could I not say that?" Ayotte said)."""
        text = doc_text(self.doc)
        last = text[attribution.fragments[-1][0] : attribution.fragments[-1][1]]
        cue = text[attribution.cue[0] : attribution.cue[1]].lower() if attribution.cue else ""
        return last.rstrip(" \"'”’,").endswith("?") and cue.startswith("ask")

    def _unnamed_people(self, doc: Doc) -> None:
        """Someone a gendered word introduces without a name as the main subject of a
        sentence ("A woman who has accused him said ..."): a referent for "she" or "he"."""
        self.named_below: dict[int, Span] = {}
        for token in doc:
            if token.tag_ != "NN" or token.dep_ not in SUBJECT_DEPS:  # not "Tom Ruiz, a
                continue  # spokesman, said"
            gender = word_gender(token)
            if (
                gender is None
                or token.pos_ != "NOUN"
                or token.ent_type_
                or not is_main_subject(token)
                or determiner_of(token) not in INDEFINITE
                or self.discourse.is_quoted(token.idx)
                or any(c.dep_ == "appos" for c in token.children)  # "a spokesman, Tom Ruiz"
            ):
                continue
            lemma = token.lemma_.lower()
            # "a woman", "a mother", not "a Treasury spokesman" (who speaks for an office
            # and is seldom the one named next)
            role = lemma in self.titles or lemma in self.descriptions or lemma in self.anonymous
            named = None if role else self._named_below(token, gender)
            if named is not None:
                # "A woman who has accused him said ... Juanita Broaddrick, who said ...":
                # the lede's unnamed subject is the one the next lines name
                self.named_below[token.i] = named
                name, at, found = self._full_name(named), named, self.discourse.named
            else:
                at = self._phrase(token)
                name = canonical_text(self._description_tokens(at, token))
                if name:
                    self.discourse.learn_gender(name, gender)
                found = self.discourse.unnamed
            if name:
                found.append(
                    Referent(
                        name,
                        "person",
                        (at.start_char, at.end_char),
                        token.idx,
                        self.discourse.paragraph(token.idx),
                        subject=True,
                        main=True,
                    )
                )

    def _named_below(self, token: Token, gender: str) -> Span | None:
        """The first person named as a main-clause subject after the sentence of
        ``token``, in its paragraph or the next, if of ``gender``; else None."""
        paragraph = self.discourse.paragraph(token.idx)
        end = token.sent.end_char
        for ent in self.ents:
            if ent.start_char < end or ent.label_ != "PERSON":
                continue
            if self.discourse.paragraph(ent.start_char) > paragraph + 1:
                return None
            if not is_main_subject(ent.root):
                continue
            return ent if self.discourse.gender(self._full_name(ent)) == gender else None
        return None

    def _described_people(self, doc: Doc) -> None:
        """Subjects that describe someone named before with that role ("Adm. Harry B.
        Harris Jr." ... "the admiral chuckled") are as salient as the name itself."""
        for token in doc:
            if token.pos_ != "NOUN" or token.tag_ != "NN" or determiner_of(token) != "the":
                continue
            owner = token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS
            if token.dep_ not in SUBJECT_DEPS and not owner:
                continue
            role = role_word(token)
            holders = {name for _, kind, name in self.roles if kind == role}
            earlier = [name for at, kind, name in self.roles if kind == role and at < token.idx]
            # a role only one person has in the article ("the admiral", not "the senator"
            # when several are)
            if len(holders) != 1 or not earlier or self.discourse.is_quoted(token.idx):
                continue
            # the referent enters the discourse here; its antecedent stays the name
            named = self.discourse.latest_named(earlier[-1], token.idx)
            at = named.named_at if named is not None else (token.idx, token.idx + len(token))
            self.discourse.named.append(
                Referent(
                    earlier[-1],
                    "person",
                    at,
                    token.idx,
                    self.discourse.paragraph(token.idx),
                    subject=True,
                    main=is_main_subject(token.head if owner else token),
                )
            )
