"""Groups: what "they" stands for, a part of a group ("30 percent of voters"), and the name
a group of unnamed sources goes by, and two sources joined by "and"."""

import re

from spacy.tokens import Span, Token

from .coreference import SUBJECT_DEPS, join_names
from .lexicon import doc_text
from .lexicon import words as word_list
from .speaker_text import ORG_LABELS, STRIP_DEPS, canonical_text, determiner_of

# what may stand between a list of names and "all of whom": a comma, and a party and state
BETWEEN_NAME_AND_RELATIVE = re.compile(r"\s*(\([^()]*\))?\s*,\s*")

# a share named by a quantifier alone, as a subject ("many prefer ...", "most said ...")
BARE_SHARES = {"many", "most", "some", "several"}
# verbs whose object a "they" in the clause they take stands for ("told his supporters that
# they should ...")
TELLING_VERBS = {"tell", "ask", "urge", "warn", "assure", "remind", "advise", "inform"}
SCENE_MARKERS = {"after", "before", "when", "if", "since", "because", "until", "once", "as"}


# nouns for a number of people named together: "the duo", "the pair"
SETS = {"duo": 2, "pair": 2, "couple": 2, "trio": 3}


class Groups:
    """Mixin of :class:`~.speakers.SpeakerResolver`: plural and partial sources."""

    def _partitive(self, root: Token) -> Token | None:
        """The group a quantity is part of: "voters" in "30 percent of voters", "his
        supporters" in "some of his supporters", "Kasich supporters" in "Among Kasich
        supporters, 61 percent said ..." (an "among" phrase before it, in its sentence or the
        one before in the same paragraph), "Sanders supporters" in "55 percent of Sanders
        supporters said ... Some 22 percent said" (the group of the share before it)."""
        quantities = word_list("quantities.txt")

        def quantity(token: Token) -> bool:
            words = {token.lower_, token.lemma_.lower()}
            return token.like_num or token.text == "%" or bool(words & quantities)

        if root.lemma_.lower() == "average":
            # "an average of 44% of respondents": the share averaged
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            share = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if share is not None and quantity(share):
                return self._partitive(share)
        if not quantity(root):
            return None
        # "two-thirds of voters", tokenised "two" with "thirds" hanging on it
        quantifiers = [c for c in root.children if c.dep_ == "quantmod"]
        for prep in [*root.children, *(g for c in quantifiers for g in c.children)]:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((c for c in prep.children if c.dep_ == "pobj"), None)
        sentence = root.sent
        start = sentence.start
        if start > 0:
            before = self.doc[start - 1].sent
            if self.discourse.paragraph(before.start_char) == self.discourse.paragraph(
                sentence.start_char
            ):
                start = before.start
        among = [
            c
            for t in self.doc[start : root.i]
            if t.lower_ == "among"
            for c in t.children
            if c.dep_ == "pobj"
        ]
        if among:
            return among[-1]
        # "55 percent of Sanders supporters said ... Some 22 percent said ...": the group
        # the share before it was part of
        if root.pos_ == "PROPN":
            return None  # "Air Force 1st"
        # a share of a poll ("64 percent", "six in 10") continues the shares before it, in
        # this paragraph or the one before; a bare "some" or "one" is anyone
        if not (root.like_num or root.lemma_.lower() in {"percent", "%"}) or root.lower_ in {
            "one",
            "two",
        }:
            return None
        paragraph = self.discourse.paragraph(root.idx)
        while start and self.discourse.paragraph(self.doc[start - 1].idx) >= paragraph - 1:
            start -= 1
        shares = [
            c
            for t in self.doc[start : root.i]
            if quantity(t)
            # the share before spoke too ("16 percent of voters say ...", "an average of 44%
            # of respondents said ...")
            and (
                t.dep_ in SUBJECT_DEPS
                or (t.dep_ == "appos" and t.head.dep_ in SUBJECT_DEPS)
                or (
                    t.dep_ == "pobj"
                    and t.head.head.lemma_.lower() == "average"
                    and t.head.head.dep_ in SUBJECT_DEPS
                )
            )
            for prep in t.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for c in prep.children
            if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"} and c.tag_ in {"NNS", "NNPS"}
        ]
        # "About four out of 10 voters said ..., while nine in 10 said": a counted share
        shares += [
            t
            for t in self.doc[start : root.i]
            if t.dep_ in SUBJECT_DEPS
            and t.tag_ in {"NNS", "NNPS"}
            and any(
                c.dep_ == "nummod" and any(g.dep_ == "quantmod" for g in c.children)
                for c in t.children
            )
        ]
        shares.sort(key=lambda t: t.i)
        return shares[-1] if shares else None

    def chunks(self) -> list[Span]:
        """The doc's noun chunks, computed once and only when a group needs them."""
        if self._chunks is None:
            self._chunks = list(self.doc.noun_chunks)
        return self._chunks

    def _chunks_headed_by(self, word: str) -> list[Span]:
        """The noun chunks whose head is ``word`` (lowercase), indexed once per article."""
        if self._chunk_heads is None:
            self._chunk_heads = {}
            for chunk in self.chunks():
                self._chunk_heads.setdefault(chunk.root.lower_, []).append(chunk)
        return self._chunk_heads.get(word, [])

    def _latest_group(
        self, offset: int, pronoun: Token | None = None
    ) -> tuple[str | None, str | None]:
        """What "they" stands for: the latest plural source named before it (anonymous
        sources, "senior officials"), plural speaker, or several people named together; not
        a noun of the pronoun's own clause ("Along with senior colleagues, they insist")."""
        best: tuple[int, str, str, tuple[int, int]] | None = None
        latest = None
        verb = pronoun.head if pronoun is not None and pronoun.dep_ in SUBJECT_DEPS else None
        for chunk in self.chunks():
            if chunk.start_char >= offset:
                break
            root = chunk.root
            if verb is not None and any(
                a.dep_ == "prep" and a.head == verb for a in root.ancestors
            ):
                continue
            if root.tag_ in {"NNS", "NNPS"} and root.lemma_.lower() in self.anonymous:
                latest = chunk
        if latest is not None:
            # the group in its own words, with whose they are ("Donald Trump's advisers")
            name, _, _ = self._resolve(latest, latest.root, latest.start_char)
            name = name or self._group_name(latest.root)
            best = (latest.start_char, name, "anonymous", (latest.start_char, latest.end_char))
        group = self.discourse.group_for(offset, self.exclude)
        if group is not None and (best is None or group.position >= best[0]):
            best = (group.position, group.name, group.kind, group.named_at)
        if best is None:
            return None, "group"
        self.antecedent = best[3]
        return best[1], best[2]

    def _named_set(self, noun: str, start: int) -> tuple[str | None, str | None, bool]:
        """ "the duo", "the pair", "the trio": the people of that number named together in
        this sentence or the one before ("Greek sprinters Kostas Kenteris and Katerina Thanou
        ... The duo withdrew"; not "as the couple promoted the film" two paragraphs after
        "Robert De Niro and Harrison Ford"), else no speaker."""
        named = self.discourse.group_for(start, self.exclude)
        sentence = self.discourse.sentence_start(start)
        before = self.discourse.sentence_start(sentence - 1) if sentence else 0
        if named is None or " and " not in named.name or named.position < before:
            return None, None, False
        if len(named.name.split(" and ")[0].split(", ")) + 1 != SETS[noun]:
            return None, None, False
        self.antecedent = named.named_at
        return named.name, "group", True

    def _group_name(self, root: Token) -> str:
        """The fullest description of a group of sources used in the article that keeps this
        mention's own words ("senior officials" -> "senior U.S. officials", but "federal
        officials" are not "law enforcement officials"); a bare plural keeps its own word."""
        own = {t.lower_ for t in root.subtree if t.i < root.i and t.dep_ in {"amod", "compound"}}
        anaphoric = any(c.dep_ in {"det", "poss"} for c in root.children)
        if not own and not anaphoric:
            # "experts said": a bare plural names new people, not the experts named before
            return root.text[:1].upper() + root.text[1:]
        best: list[Token] = []
        for chunk in self._chunks_headed_by(root.lower_):
            if own <= {t.lower_ for t in chunk}:
                owners = {t.i for c in chunk.root.children if c.dep_ == "poss" for t in c.subtree}
                tokens = [
                    t
                    for t in chunk
                    if t.i not in owners
                    and t.dep_ not in STRIP_DEPS
                    and t.dep_ != "case"
                    and not t.like_num
                    and not t.is_punct
                ]
                if len(tokens) > len(best):
                    best = tokens
        return canonical_text(best)

    def _conjoined(self, span: Span, root: Token, start: int) -> tuple[str, str, bool] | None:
        """A person or organization and another source joined by "and" are one speaker of
        kind group: "the senator and his allies" -> "Ted Cruz and his allies", "Singer and
        Faso" -> "Paul Singer and John Faso"."""
        conjuncts = [c for c in root.children if c.dep_ == "conj" and span.start <= c.i < span.end]
        if len(conjuncts) != 1 or any(c.dep_ == "conj" for c in conjuncts[0].children):
            return None
        second = conjuncts[0]
        if root.pos_ not in {"NOUN", "PROPN", "PRON"} or second.pos_ not in {"NOUN", "PROPN"}:
            return None
        if any(
            span.start <= e.start < span.end
            and e.end - 1 > second.i
            # not the second source's own name ("... and the Association of Chief Police
            # Officers")
            and not second.left_edge.i <= e.start <= second.i
            # nor its abbreviation in brackets ("... Office (HOO)")
            and not (e.start and self._abbreviation_at(self.doc[e.start - 1]))
            for e in self.ents
        ) or (
            root.pos_ == "NOUN"
            and determiner_of(root) is None
            and (
                root.tag_ == "NN"
                # "media and PR strategist Glen Yearwood": a bare noun and a titled name
                or any(c.pos_ == "NOUN" for c in second.subtree if c.i < second.i)
            )
        ):
            # "front-runner and former secretary of state Hillary Clinton", "former CIA
            # operative and Marine John Tiegen": titles of one person
            return None
        cut = min(
            (t.i for t in root.children if t.i > root.i and t.dep_ in {"cc", "conj", "punct"}),
            default=second.i,
        )
        # the second source's whole name ("the Association of Chief Police Officers")
        named_second = self._entity_at(second)
        second_end = max(second.i + 1, named_second.end if named_second is not None else 0)
        phrases = [self.doc[span.start : cut], self.doc[second.left_edge.i : second_end]]
        heads = (root, second)
        resolved = [self._resolve(p, h, start) for p, h in zip(phrases, heads, strict=True)]

        def named(i: int) -> bool:
            # a person or organization the article names, not a description's own words
            name, kind, _ = resolved[i]
            own = {t.lower_ for t in phrases[i]}
            return kind in {"person", "organization"} and (
                heads[i].ent_type_ in {"PERSON", *ORG_LABELS}
                or (kind == "person" and not set(name.lower().split()) <= own)
            )

        if resolved[0][0] is None or not (named(0) or named(1)):
            return None
        names = [resolved[0][0]]
        possessive = next((c for c in second.children if c.dep_ == "poss"), None)
        if root.pos_ == "NOUN" and possessive is not None and possessive.lower_ in {"his", "her"}:
            # "the candidate and her staff": the person "her" stands for
            names[0] = self._owner(possessive, start) or names[0]
        if named(1) and not resolved[1][0].startswith(f"{names[0]}'s "):
            names.append(resolved[1][0])
        else:
            # "Donald Trump and his attorneys": the other source in its own words
            names.append("".join(t.text_with_ws for t in phrases[1] if t.dep_ != "det").strip())
        if names[0].lower() == names[1].lower():
            return None
        self.antecedent = None
        return join_names(names), "group", True

    def _plural_subject_before(self, pronoun: Token) -> Token | None:
        """The plural subject "they" stands for: the nearest plural subject of a clause
        that holds the pronoun, past singular ones ("Chinese local governments have been
        known to fib when Beijing has demanded they stop ...", "gun dealers should be sued
        when they should know ..."); for a "they" that opens its sentence, the subject of
        the sentence before in the paragraph ("Republican leaders have made it a goal. But
        they disagree ..."). A common noun for people or institutions, not a name (names
        are the discourse's to weigh)."""
        verb = pronoun.head
        while verb.dep_ != "ROOT":
            verb = verb.head
            told = next(
                (c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < pronoun.i),
                None,
            )
            if verb.lemma_ in TELLING_VERBS and told is not None:
                # "Mr. Trump has told his supporters that they should respond": the ones told
                return told if self._people_subject(told) else None
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or subject.i > pronoun.i:
                continue
            if self._people_subject(subject):
                return subject
            if subject.tag_ in {"NN", "NNP"} and not any(
                c.dep_ == "conj" for c in subject.children
            ):
                continue  # "when Beijing demanded they stop": not the singular "Beijing"
            return None
        sentence = pronoun.sent
        if pronoun.dep_ not in SUBJECT_DEPS or pronoun.head != sentence.root:
            return None
        paragraph = self.discourse.paragraph(pronoun.idx)
        for _ in range(3):
            if sentence.start == 0:
                return None
            sentence = self.doc[sentence.start - 1].sent
            if self.discourse.paragraph(sentence.start_char) != paragraph:
                return None
            subject = next((c for c in sentence.root.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or subject.lower_ != "they":
                break
            # "Black women ... sat together. They watched ... They also applauded": back
            # over the chain of "they" to the group it began with
        if subject is not None and subject.ent_type_ == "PERSON":
            # "Ms. Henry and other labor leaders remain confident. But they ...": all of them
            people = [c for c in subject.children if c.dep_ == "conj" and self._people_subject(c)]
            return subject if people else None
        return subject if subject is not None and self._people_subject(subject) else None

    def _people_subject(self, subject: Token) -> bool:
        """A plural common noun for people or institutions (a subject, or the object of a
        telling verb), outside quotations; not a thing ("Mrs. Schlafly's pronouncements drove
        her antagonists to distraction, though they suspected ...")."""
        lemma = subject.lemma_.lower()
        return (
            subject.tag_ == "NNS"
            and not subject.ent_type_
            and not self.discourse.is_quoted(subject.idx)
            and not lemma.endswith("ment")
            and (self._someone_word(subject) or self.descriptions.get(lemma) == "organization")
        )

    def _relative_after_names(self, root: Token) -> tuple[str, str, bool] | None:
        """ "who" right after people named together: with a singular verb the last of them
        ("Donald Trump and Ted Cruz, who has opposed ..."), with a plural verb all of them
        ("Marco Rubio and Jeb Bush, who have backed ..."), or all of them when a plural
        noun introduces them ("fellow students Ryan Crabbe and Gordon Rennie, who
        observed"); None when nothing says ("who backed")."""
        number = verb_number(root.head) if root.dep_ in {"nsubj", "nsubjpass"} else None
        text = doc_text(self.doc)
        for run in reversed(self.groups):
            between = text[run[-1].end_char : root.idx]
            if run[-1].end <= root.i and BETWEEN_NAME_AND_RELATIVE.fullmatch(between):
                first = run[0].root
                if number is None and first.dep_ == "appos" and first.head.tag_ == "NNS":
                    number = "plural"
                if number is None:
                    return None
                if number == "singular":
                    self.antecedent = (run[-1].start_char, run[-1].end_char)
                    return self._full_name(run[-1]), "person", False
                self.antecedent = (run[0].start_char, run[-1].end_char)
                return join_names([self._full_name(e) for e in run]), "group", True
        return None

    def _relative_share(self, root: Token) -> tuple[str | None, str | None, bool]:
        """What "all of whom", "both of whom" stand for: the people named just before
        ("Sens. A, B and C (R-Fla.), all of whom opposed ..."), else the noun the relative
        clause describes ("two mayors, both of whom ...")."""
        text = doc_text(self.doc)
        for run in reversed(self.groups):
            between = text[run[-1].end_char : root.idx]
            if run[-1].end <= root.i and BETWEEN_NAME_AND_RELATIVE.fullmatch(between):
                self.antecedent = (run[0].start_char, run[-1].end_char)
                return join_names([self._full_name(e) for e in run]), "group", True
        if root.head.dep_ != "relcl":
            return None, None, False
        name, kind, plural = self._antecedent(root.head.head, person=True)
        if name is None:
            return None, None, False
        return name, "group", True

    def _bare_share(self, span: Span, root: Token, start: int) -> tuple[str, str, bool] | None:
        """A bare "many", "most" or "some" as a subject is a share of the group the sentence
        or the sentence before is about: "These Republicans don't revile Planned Parenthood
        — in fact, many prefer ..."; "Nine of 10 Republicans were worried; most said ..."."""
        percent = self._bare_percent(span, root, start)
        if percent is not None:
            return percent
        if len(span) != 1 or root.lower_ not in BARE_SHARES or root.dep_ not in SUBJECT_DEPS:
            return None
        if any(c.dep_ in {"prep", "relcl", "acl"} for c in root.children):
            return None
        sentence = root.sent
        # not the subject of a clause that only sets the scene ("after dozens of women have
        # come forward, some want to know ...")
        candidates = [
            t
            for t in sentence
            if t.i < root.i
            and t.dep_ in SUBJECT_DEPS
            and not any(c.dep_ == "mark" and c.lower_ in SCENE_MARKERS for c in t.head.children)
        ]
        if not candidates and sentence.start > 0:
            before = self.doc[sentence.start - 1].sent
            if self.discourse.paragraph(before.start_char) == self.discourse.paragraph(start):
                candidates = [t for t in before if t.dep_ in SUBJECT_DEPS and t.head == before.root]
        group = next((t for t in reversed(candidates) if t.tag_ in {"NNS", "NNPS"}), None)
        if group is None:
            return None
        name, _, _ = self._resolve(self._phrase(group), group, start)
        return (name, "group", True) if name else None

    def _bare_percent(self, span: Span, root: Token, start: int) -> tuple[str, str, bool] | None:
        """A share with no "of" ("Forty-four percent said ...") is of the group the latest
        share before it, in this paragraph or the one before, was of ("25% of Britons said
        ...", "Almost half of respondents said ...")."""
        if root.lower_ not in PERCENT_WORDS or any(c.lower_ == "of" for c in root.children):
            return None
        if any(t.lower_ == "of" for t in span):
            return None
        paragraph = self.discourse.paragraph(start)
        earlier = [
            a
            for a in self.resolved.values()
            if a.mention[0] < start
            and a.speaker_kind == "group"
            and a.speaker_name
            and self.discourse.paragraph(a.mention[0]) >= paragraph - 1
            # a share of a group: "25% of Britons", "Almost half of respondents"
            and SHARE_OF.match(doc_text(self.doc)[slice(*a.mention)])
        ]
        if not earlier:
            return None
        latest = max(earlier, key=lambda a: a.mention[0])
        self.antecedent = latest.speaker_antecedent or latest.mention
        return latest.speaker_name, "group", True


PERCENT_WORDS = {"percent", "per", "%", "cent"}
# a few words of quantity, then "of": a share of a group
SHARE_OF = re.compile(
    r"(?:\S+\s+){0,3}\S*(?:%|percent|cent|half|third|quarter|most|many)\s+of\s", re.I
)


def verb_number(verb: Token) -> str | None:
    """ "singular" or "plural", as the verb's first finite word says ("has opposed", "says",
    "was"; "have backed", "were"), else None ("backed", "will say")."""
    for token in sorted([verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})]):
        if token.tag_ == "VBZ" or token.lower_ == "was":
            return "singular"
        if token.tag_ == "VBP" or token.lower_ == "were":
            return "plural"
        if token.tag_ in {"VBD", "MD"}:
            return None
    return None
