"""Documents and data as sources: a poll, report, email, ad or statement speaks for its
author ("a Morning Consult poll", "a report by X", "X said in a statement", "X emailed
supporters ... The email"), and "the results of" a source speak for that source."""

from spacy.tokens import Span, Token

from .coreference import first_names, is_outlet
from .speaker_text import (
    FINDINGS,
    INDEFINITE,
    PLACES,
    RELATIVE_PRONOUNS,
    canonical_text,
    determiner_of,
    is_name_word,
    org_name,
)

# entities that are never a document's author ("a poll conducted from Feb. 11")
NOT_AUTHORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# the voice of an ad, which speaks for the ad's author
NARRATORS = {"narrator", "announcer"}
# the platforms a post or a video appears on, which name where, not who ("a Facebook post")
PLATFORMS = {
    "facebook",
    "twitter",
    "instagram",
    "youtube",
    "tiktok",
    "snapchat",
    "linkedin",
    "telegram",
    "whatsapp",
    "reddit",
    "weibo",
    "wechat",
    "threads",
    "bluesky",
    "mastodon",
}
# kinds of document whose author an article may name only in the next sentence
STUDIES = {"report", "poll", "data"}
# verbs for coming to hold a document, whose agent is not its author ("a letter seen by
# Sky News", "a memo obtained by Reuters")
RECEIVED = {"obtain", "see", "review", "acquire", "receive", "view", "examine", "read"}


# who a possessive before a document may be: "his" -> "he" or a person, "its" -> an organization
POSSESSOR_SUBJECTS = {
    "his": {"he"},
    "her": {"she"},
    "its": {"it"},
    "their": {"they"},
    "my": {"i"},
    "our": {"we"},
    "your": {"you"},
}
POSSESSOR_KINDS = {
    "his": {"person"},
    "her": {"person"},
    "its": {"organization"},
    "their": {"group", "organization"},
}
OTHER_GENDER = {"his": "f", "her": "m"}


# words that say figures are numbers of a period or a release
PERIODIC = {
    "monthly",
    "quarterly",
    "annual",
    "weekly",
    "daily",
    "yearly",
    "latest",
    "official",
    "new",
    "provisional",
    "preliminary",
    "final",
    "revised",
    "own",
}


# words for the news in general, which own no document: "Media reports said ..."
NEWS_IN_GENERAL = {"media", "press"}


def counted_figures(token: Token) -> bool:
    """Whether "figures" are numbers rather than people ("some GOP figures", "Labour's
    senior figures"): the figures of a period or a count ("Halifax's own monthly figures",
    "the latest figures", "figures on house sales", "unemployment figures"), or an
    organization's."""
    if token.tag_ != "NNS":
        return False
    return any(
        (c.dep_ == "amod" and c.lower_ in PERIODIC)
        or (c.dep_ == "prep" and c.lower_ in {"on", "for"})
        or (c.dep_ == "compound" and c.pos_ == "NOUN")
        # "Figures gathered by Continental Research": numbers someone compiled
        # (not people: "senior figures backed by the party")
        or (
            c.dep_ == "acl"
            and c.tag_ == "VBN"
            and any(g.dep_ == "agent" for g in c.children)
            and not any(a.dep_ == "amod" and a.lower_ not in PERIODIC for a in token.children)
        )
        # "the Halifax's figures indicate": an organization's (not "Labour's senior figures")
        or (
            c.dep_ == "poss"
            and c.ent_type_ == "ORG"
            and not any(a.dep_ == "amod" for a in token.children)
        )
        for c in token.children
    )


class Documents:
    """Mixin of :class:`~.speakers.SpeakerResolver`: documents and their authors."""

    def _author(self, root: Token, span: Span, *, appositive: bool = False) -> Span | None:
        """The author of a document named as the source: "a report by X", "a statement
        from X", "a study published on Friday by X", "a poll of voters released by X",
        "Justice Department letters", "a Morning Consult poll", "a survey for X" (who
        commissioned it); ``appositive``: ``span`` goes on past the mention, and only a
        participle of authoring names the author ("The survey, conducted by X, showed")."""
        commissioned: Span | None = None
        if self._document_kind(root) is None or root.ent_type_:
            return None
        owners = self._owner_span(root, people=False)
        if owners is not None:
            # "Justice Department letters", "the agency's report": the organization
            return owners
        named = self._organization_before(root, span)
        if named is not None:
            return named  # "A Reuters rolling poll", "A University of New Hampshire poll"
        speaker = self._speaking_through(root)
        if speaker is not None:
            return speaker
        for token in span:
            if token.lower_ == "behalf" and token.head.lower_ in {"on", "in"}:
                # "a statement released on behalf of his family": the family
                of = next((c for c in token.children if c.lower_ == "of"), None)
                party = of and next((c for c in of.children if c.dep_ == "pobj"), None)
                if party is not None:
                    return self._name_phrase(party)
            if token.lower_ == "in" and token.head == root:
                outlet = next((c for c in token.children if c.dep_ == "pobj"), None)
                if outlet is not None and outlet.ent_type_ == "ORG" and is_outlet(outlet.text):
                    return self._name_phrase(outlet)  # "a report in the Des Moines Register"
            if (
                token.lower_ == "for"
                and token.head == root
                and self._document_kind(root)
                in {
                    "poll",
                    "report",
                }
            ):
                # "a survey for the charity", "a poll for mobile firm Intervoice": who
                # commissioned it and speaks through it, unless it names its author ("a report
                # for Oxfam ... by the environmental nonprofit E3G")
                client = next((c for c in token.children if c.dep_ == "pobj"), None)
                if client is not None and client.ent_type_ not in NOT_AUTHORS:
                    commissioned = commissioned or self._name_phrase(client)
                continue
            if token.lower_ not in {"by", "from"} or token.dep_ not in {"prep", "agent"}:
                continue
            head = token.head
            if head.dep_ == "acl" and head.lemma_.lower() in RECEIVED:
                return None  # "a leaked letter seen by Sky News": a reader, not its author
            if appositive and not (
                (head.dep_ == "acl" and head.lemma_.lower() in {*self.authoring_verbs, "carry"})
                # "The letter, from the Home Office, says"
                or (token.lower_ == "from" and head == root)
            ):
                continue  # "One message, referring to air strikes by the United States,"
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
        return commissioned

    def _document_source(
        self, span: Span, root: Token, start: int
    ) -> tuple[str | None, str | None, bool] | None:
        """Who speaks through a document named as the source ("a study by X", "his memo",
        "the summary" after "an FBI summary") or through a part of one ("the ad's
        narrator", "the results of nationwide surveys"); None when the mention names none."""
        author = self._author(root, span)
        if author is None and self._document_kind(root) and span.end <= root.right_edge.i:
            # "The survey, conducted by the Pew Internet Project, showed": the author its
            # appositive names
            whole = self.doc[span.start : root.right_edge.i + 1]
            author = self._author(root, whole, appositive=True)
        if author is not None:
            # "a study by the Centre for Education Research": the centre speaks
            found = self._named_author(author, any_kind=True)
            if found is not None and self.antecedent is None and author.start >= span.end:
                # named after the mention: "The letter, from the Home Office, says"
                self.antecedent = (author.start_char, author.end_char)
            return found
        owner = next((c for c in root.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON" and self._document_kind(root):
            # "his 24-minute speech praising ...", "Her memo says ...": whom the pronoun means
            return self._possessor(owner, start)
        person = self._entity_at(owner, "PERSON") if owner is not None else None
        if person is not None and self._document_kind(root):
            # "Palin's posts about ISIS include ...": Sarah Palin
            self.antecedent = (person.start_char, person.end_char)
            return self._full_name(person), "person", False
        issuer = self._issuer(root)
        if issuer is not None:
            # "Lopez issues a statement apologising for her absence": Lopez
            found = self._resolve(self._phrase(issuer), issuer, issuer.idx)
            if found[0] is not None:
                if self.antecedent is None:
                    self.antecedent = (issuer.left_edge.idx, issuer.idx + len(issuer))
                return found
        found_in = self._findings_of(root)
        if found_in is not None:
            # "the results of nationwide surveys indicate ...": the surveys
            return self._resolve(self._phrase(found_in), found_in, start)
        earlier = self._earlier_author(root, start) or self._issued_statement(root, start)
        if earlier is not None:
            # "the summary" after "an FBI summary of its investigation": the FBI speaks
            return earlier
        document = next((c for c in root.children if c.dep_ == "poss"), None)
        if (
            document is not None
            and document.pos_ == "NOUN"
            and not document.ent_type_
            and self._document_kind(document)
            and not self._document_kind(root)
        ):
            # "the ad's narrator", "the report's authors": the document's author
            found = self._earlier_author(document, document.idx) or self._document_author(document)
            if found is not None:
                return found
        if document is None and root.lemma_.lower() in NARRATORS:
            # "says a narrator" after "his second ad": the ad's author
            ad = self._latest_document(root, "ad")
            found = ad and (self._earlier_author(ad, ad.idx) or self._document_author(ad))
            if found:
                return found
        return None

    def _speaking_through(self, root: Token) -> Span | None:
        """Who speaks through a statement "according to" which their own words are given:
        "The Group of Seven has warned Russia ..., according to a draft statement" (the
        G7's statement; not "The company cut jobs, according to a statement", where cutting
        is no speech, nor a report or a transcript, which others write)."""
        to = root.head
        if root.dep_ != "pobj" or to.lower_ != "to" or to.head.lower_ != "according":
            return None
        if self._document_kind(root) != "statement":
            return None  # "Hewitt said, according to a transcript of the show": a record
        verb = to.head.head
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in self.cue_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not (
            subject.ent_type_ in {"ORG", "PERSON"}
            or (subject.pos_ == "PROPN" and not subject.ent_type_)
        ):
            return None
        return self._name_phrase(subject)

    def _organization_before(self, root: Token, span: Span) -> Span | None:
        """An organization named right before a document's noun, however the parser hung
        it: "A Reuters rolling poll", "A University of New Hampshire poll"."""
        before = [e for e in self.ents if span.start <= e.start and e.end <= root.i]
        if not before or before[-1].label_ != "ORG":
            return None
        ent = before[-1]
        if ent.text.lower() in NEWS_IN_GENERAL:
            return None  # "Media reports", tagged as an organization's
        between = self.doc[ent.end : root.i]
        if all(t.pos_ in {"ADJ", "NOUN"} and not self._document_kind(t) for t in between):
            return ent
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
            # a title-case headline's "New Poll Shows ...": a word the article writes in
            # lower case is no name
            and (c.ent_type_ or not c.is_title or c.lower_ not in self.lower_words)
            # "a Facebook post from the department": where it was posted, not whose it is
            # ("Facebook's statement" is Facebook's)
            and not (c.dep_ == "compound" and c.lower_ in PLATFORMS)
            # "Media reports", "Press reports": reports in the news, no one's
            and c.lower_ not in NEWS_IN_GENERAL
        ]
        if not owners:
            return None
        doc, last = self.doc, self._phrase(owners[-1])
        start = last.start
        while start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head == noun:
            start -= 1  # "Morning" of "a Morning Consult poll", which the tagger took for a time
        while start >= 2 and doc[start - 1].text == "/" and doc[start - 2].pos_ == "PROPN":
            # "a CNN/ORC poll": both sponsors
            start -= 2
            while start and doc[start - 1].pos_ == "PROPN":
                start -= 1
        while start and doc[start].ent_iob_ == "I":
            start -= 1  # a name whole ("Wall Street Journal/NBC News", parsed as "Street ...")
        return doc[start : last.end]

    def _named_author(self, author: Span, *, any_kind: bool = False) -> tuple | None:
        """A document's author as a speaker: a person or an organization the article names
        (any source at all with ``any_kind``, "a study by researchers")."""
        if not any_kind and author.root.lower_ in {"i", "we", "you", "they"}:
            return None
        words = [t for t in author if t.text != "/"]
        if len(words) < len(author) and all(
            t.pos_ == "PROPN" or (t.is_stop and t.dep_ != "cc") for t in words
        ):
            # "CNN/ORC", "New York Times/CBS News": sponsors joined by a slash, together
            joined = canonical_text(list(author)).replace(" / ", "/")
            return self._fullest_organization(joined), "organization", False
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

    def _possessor(self, owner: Token, start: int) -> tuple[str | None, str | None, bool]:
        """Whom "his", "her", "its" or "their" before a document means: the subject of its
        own clause when that agrees ("the former president, who spent much of his speech
        defending ...": the president; "a PAC revealed its polling shows ...": the PAC),
        else whom the pronoun itself stands for."""
        verb = owner.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < owner.i), None)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
            subject = subject.head.head if subject.head.dep_ == "relcl" else None
        phrase = self._name_phrase(subject) if subject is not None else None
        if phrase is not None and phrase.start <= owner.i < phrase.end:
            subject = None  # "several of his findings contradicted ...": the subject's own words
        if subject is not None and subject.lower_ not in POSSESSOR_SUBJECTS.get(owner.lower_, ()):
            before = self.antecedent
            name, kind, _ = found = self._resolve(phrase, subject, start)
            agrees = kind in POSSESSOR_KINDS.get(owner.lower_, ())
            if agrees and (name and self.discourse.gender(name)) != OTHER_GENDER.get(owner.lower_):
                return found
            self.antecedent = before
        pronoun = subject if subject is not None and subject.pos_ == "PRON" else owner
        return self._resolve(self.doc[pronoun.i : pronoun.i + 1], pronoun, start)

    def _document_kind(self, token: Token) -> str | None:
        """What kind of document a noun names ("survey" and "poll" are one kind), or None
        when it names none."""
        lemma = token.lemma_.lower()
        if lemma in self.document_kinds:
            return self.document_kinds[lemma]
        if lemma == "figure" and counted_figures(token):
            return "data"
        return lemma if lemma in self.documents else None

    def _document_author(
        self, token: Token, *, producer: bool = True
    ) -> tuple[str, str, bool] | None:
        """Who wrote the document ``token`` names: the name that qualifies it ("an FBI
        summary", "a Morning Consult poll", "Reuters' report"), its author ("an affidavit
        written by X"), or the subject of the verb that produced it ("X released a report",
        "The group is planning to run an ad", "X said in a statement")."""
        owners = self._owner_span(token)
        if owners is not None and all(t.ent_type_ in PLACES for t in owners):
            return None  # "his Iowa results", "a Florida poll": where, not whose
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
        subjects = {"nsubj"}
        while True:
            subject = next((c for c in verb.children if c.dep_ in subjects), None)
            if subject is not None or verb.dep_ not in {"xcomp", "conj"}:
                break
            if verb.dep_ == "xcomp":
                subjects = {"nsubj", "nsubjpass"}  # "X is expected to unveil an ad"
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
            named_before: list[Token] = []  # earlier mentions with the same noun
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
                    if found is None and same:
                        named_before.append(token)
                        found = self._introduced_author(token)
                else:
                    continue
                if found is not None:
                    return found
            for earlier in named_before:
                # "The guidance published on Monday said" far below "..., the guidance said"
                if (found := self._spoke_for(earlier, root)) is not None:
                    return found
            # no earlier mention says whose it is: "The new poll of voters in all 50 states
            # revealed ..." before "The Post-SurveyMonkey poll finds ..."
            return self._named_later(root, kind, paragraph + 3, same=True)
        elif determiner in INDEFINITE:
            # "according to a new poll. ... A Morning Consult poll found": that poll
            return self._named_later(root, kind, paragraph + 1) or self._introduced_author(root)
        elif determiner is None and paragraph == 1:
            # a headline's "Poll: ..." before "the latest Quinnipiac University poll"
            return self._named_later(root, kind, paragraph + 2)
        elif determiner is None and root.tag_ == "NNS" and kind == "guidance":
            # "..., new guidelines say. / The leaflet, published by police and prosecutors,"
            # (not "polls show", which are polls in general)
            return self._named_later(root, kind, paragraph + 1)
        return None

    def _spoke_for(self, document: Token, again: Token) -> tuple[str, str, bool] | None:
        """Whom an earlier mention of the document was resolved to as a source ("..., the
        guidance said" far above "The guidance published on Tuesday said ..."), when it is
        the same document named ``again`` (not "media reports" for "the rules committee
        report")."""
        now, then = (
            {c.lower_ for c in t.children if c.dep_ == "compound"} for t in (again, document)
        )
        if again.tag_ != document.tag_ or not (now <= then or then <= now):
            return None
        for attribution in self.resolved.values():
            start, end = attribution.mention
            if (
                start <= document.idx < end
                and attribution.speaker_name
                and attribution.speaker_kind in {"person", "organization", "group"}
            ):
                self.antecedent = attribution.speaker_antecedent or attribution.mention
                kind = attribution.speaker_kind
                return attribution.speaker_name, kind, kind == "group"
        return None

    def _latest_document(self, root: Token, kind: str) -> Token | None:
        """The latest document of this kind named before ``root`` in its paragraph or the
        two before, outside quotations."""
        paragraph = self.discourse.paragraph(root.idx)
        for token in reversed(self.doc[: root.i]):
            if self.discourse.paragraph(token.idx) < paragraph - 2:
                return None
            if (
                token.pos_ == "NOUN"
                and self._document_kind(token) == kind
                and not self.discourse.is_quoted(token.idx)
            ):
                return token
        return None

    def _named_later(
        self, root: Token, kind: str, last: int, *, same: bool = False
    ) -> tuple[str, str, bool] | None:
        """The author of the next mention of a document of this kind (``same``: with the
        same noun, not "the results" for a poll), up to paragraph ``last``, that names it
        ("A Morning Consult poll found", "The poll, released by X,")."""
        lemma = root.lemma_.lower()
        for token in self.doc[root.i + 1 :]:
            if self.discourse.paragraph(token.idx) > last:
                break
            if same and token.lemma_.lower() != lemma:
                continue
            if token.pos_ in {"NOUN", "PROPN"} and self._document_kind(token) == kind:
                owners = [t for t in token.lefts if t.dep_ in {"compound", "poss"}]
                named = owners or determiner_of(token) in {"the", "this"}
                if named and (found := self._document_author(token)) is not None:
                    return found
        return None

    def _introduced_author(self, root: Token) -> tuple[str, str, bool] | None:
        """The author the next sentence introduces for a report or a poll named with none:
        "..., a report says. / The National Audit Office praised ministers ..." (the
        office), "..., a report indicates. / Research from Halifax ... suggests" (Halifax).
        Only an organization not named before, as the subject of a verb of saying or of
        authoring, or a study whose author is named; not "..., a report says. / The
        government said ...", which answers the report."""
        if determiner_of(root) not in INDEFINITE or self._document_kind(root) not in STUDIES:
            return None
        sentence = root.sent
        if sentence.end >= len(self.doc):
            return None
        following = self.doc[sentence.end].sent
        start = following.start_char
        if self.discourse.paragraph(start) > self.discourse.paragraph(root.idx) + 1 or (
            self.discourse.is_quoted(following.root.idx)
        ):
            return None
        verb = following.root
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        if self._document_kind(subject) in STUDIES:
            return self._document_author(subject, producer=False)
        ent = self._entity_at(subject, "ORG")
        lemma = verb.lemma_.lower()
        if ent is None or (lemma not in self.cue_verbs and lemma not in self.authoring_verbs):
            return None
        name = org_name(ent.text)
        if any(
            e.label_ == "ORG" and org_name(e.text) == name for e in self.ents if e.end <= ent.start
        ):
            return None  # an organization named before: the report's subject, or a reply
        self.antecedent = (ent.start_char, ent.end_char)
        return self._fullest_organization(name), "organization", False

    def _issued_statement(self, root: Token, offset: int) -> tuple[str, str, bool] | None:
        """ "the statement" that no earlier sentence names as one: what the source just
        before said ("The Trump campaign on Tuesday responded that ... '...,' the statement
        said": the campaign's statement)."""
        previous = self.previous
        if (
            self._document_kind(root) != "statement"
            or determiner_of(root) not in {"the", "this", "that"}
            or previous is None
            or previous.mention is None
            or previous.speaker_kind not in {"person", "organization", "group"}
            or self.discourse.paragraph(previous.mention[0]) < self.discourse.paragraph(offset) - 1
        ):
            return None
        self.antecedent = previous.speaker_antecedent or previous.mention
        return previous.speaker_name, previous.speaker_kind, previous.speaker_kind == "group"

    def _issuer(self, root: Token) -> Token | None:
        """The subject of the verb that puts out the document named as the source, when the
        document is its object: "Lopez" in "Lopez issues a statement apologising ..." (not
        "a report seen by Sky News", nor a pronoun, which the text resolves elsewhere)."""
        verb = root.head
        if root.dep_ != "dobj" or not self._document_kind(root):
            return None
        if None not in self.authoring_verbs.get(verb.lemma_.lower(), ()):
            return None  # "spend on an ad": the document is no object of "spend"
        subject = next(
            (
                c
                for c in verb.children
                if c.dep_ == "nsubj"
                # a name the parser hung on "issues" read as a noun ("Lopez issues a ...")
                or (
                    c.dep_ in {"amod", "compound"}
                    and c.i == verb.i - 1
                    and c.is_title
                    and (c.pos_ == "PROPN" or c.ent_type_ or c.lower_ in self.surnames)
                )
            ),
            None,
        )
        if subject is None or subject.pos_ == "PRON":
            return None
        return subject

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
