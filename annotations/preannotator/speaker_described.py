"""Sources named by what they are, not by a name: a description whose noun the lists know
("the candidates", "a federal judge", "the crowd", "the owner") or do not ("a reporter", "his
wife", "the magazine"), resolved to the people or group the article names with it, an
anonymous source, or no speaker rather than a made-up one."""

from spacy.tokens import Span, Token

from .coreference import word_gender
from .speaker_groups import SETS
from .speaker_text import (
    INDEFINITE,
    canonical_text,
    counted_one,
    determiner_of,
    grants_anonymity,
)


class DescribedSources:
    """Mixin of :class:`~.speakers.SpeakerResolver`: sources named by a description."""

    def _described_source(
        self,
        span: Span,
        root: Token,
        start: int,
        *,
        plural: bool,
        persons: list[Span],
        description: str | None,
        possessor: Token | None,
    ) -> tuple[str | None, str | None, bool]:
        """Who a description names, by the kind of its noun: several people named together
        ("the senators"), the one the next lines name ("a federal judge ruled ... Judge David
        Bristow said"), someone unnamed ("a reporter asked", "his wife"), a group ("the
        crowd"); no speaker when the article gives no one to name."""
        tokens = self._description_tokens(span, root, plural)
        lemma = root.lemma_.lower()
        if lemma in SETS and determiner_of(root) in {"the", "this", "that"}:
            # "The duo withdrew ..." after "Kostas Kenteris and Katerina Thanou"
            return self._named_set(lemma, start)
        kind = self.descriptions.get(description or "") or ("group" if plural else None)
        relation = kind == "relation"
        if relation:
            kind = "group" if plural else None  # "the owner", "her partner": see below
        if kind == "collective":
            kind = "group"  # "the crowd", "the audience": a group in the singular
            if tokens == [root] and determiner_of(root) == "the":
                # "the industry" after "The music industry has complained ...": that one
                earlier = self._earlier_description(root, start, modifiers_only=True)
                if earlier:
                    return earlier, kind, plural
        elif kind == "group" and not plural:
            kind = None
        if kind == "person" and plural:
            kind = "group"  # "most candidates", "the candidates themselves"
            holders = self._role_holders(root, start)
            if holders is not None:
                # "the committee chairmen" after "Oversight Committee Chairman Jason
                # Chaffetz and Judiciary Committee Chairman Bob Goodlatte": both
                return holders, "group", True
            if tokens == [root] and determiner_of(root) == "the":
                # "the candidates" after "The Republican presidential candidates debated"
                earlier = self._earlier_description(root, start, modifiers_only=True)
                if earlier:
                    return earlier, "group", True
                # "Mr. Grassley and Mr. Leahy said ... what the senators said": the people
                # named together just before
                named = self.discourse.group_for(start, self.exclude)
                runs = {(run[0].start_char, run[-1].end_char) for run in self.groups}
                near = named is not None and named.paragraph >= self.discourse.paragraph(start) - 1
                if near and named.named_at in runs:
                    self.antecedent = named.named_at
                    return named.name, "group", True
        elif kind == "person" and (determiner_of(root) in INDEFINITE or counted_one(root)):
            named = self._named_next(root, start)
            if named is not None:
                # "..., a federal judge ruled Monday. U.S. District Magistrate Judge David
                # Bristow said ...": the one the next lines name with that role
                return named, "person", False
            kind = "anonymous"  # "one party activist": someone the article does not name
        if kind is None and not persons and grants_anonymity(root):
            kind = "anonymous"
        if kind is None and not plural and root.pos_ == "NOUN" and lemma not in self.documents:
            determiner = determiner_of(root)
            someone = self._personal(root)
            # "one commenter", "one man" (not "one key to stopping ...")
            one = someone and counted_one(root)
            if determiner in INDEFINITE and (lead := self._introduced_in_lead(root, start)):
                # "A US airline attendant ... says she has been fired. / Ellen Simonetti ..."
                return lead, "person", False
            if determiner in INDEFINITE or one:
                # "a reporter asked", "one commenter wrote": someone the article does not name
                return canonical_text(tokens) or None, "anonymous", False
            lead = self._named_after_lead(root, start) if lemma in self.titles or relation else None
            if lead:
                # "..., the shadow chancellor has said. Rachel Reeves was talking to ...":
                # a title in the lead, with nobody holding it named before
                return lead, "person", False
            if determiner == "the" and self._introduced_unnamed(root, start):
                # "greeted by an organizer ... the organizer told them": that someone (or
                # that thing, "a policy mistake ... the policy mistake", which keeps its words)
                # the same words as where it was introduced, so both are one speaker ("One
                # man in Manchester ... the man shouted": "Man in Manchester")
                earlier = self._earlier_description(root, start) if someone else None
                name = earlier or canonical_text(tokens) or None
                return name, "anonymous" if someone else None, False
            gendered = word_gender(root) is not None
            named = self._named_kin(root, possessor, start) if gendered else None
            if named is not None:
                # "His father then asked him ..." after "his father, Johann,": that name
                return named, "person", False
            owned = self._possessed(tokens, possessor, start) if gendered else None
            if owned is not None:
                # "his wife", "her brother": named with whose they are
                return owned, "anonymous", False
            # "the magazine", "his late son": no name to give; the editor picks the
            # speaker rather than accept a made-up one (a document without an author, "the
            # new poll", keeps its own words: it is what the article cites)
            return None, None, False
        if kind == "person" and not plural and (lead := self._named_after_lead(root, start)):
            # "Germany's foreign minister warned ..." in the lead, then "German Foreign
            # Minister Annalena Baerbock told reporters": the person named with that role
            return lead, "person", False
        if kind in {"person", "group"} and not plural:
            owned = self._possessed(tokens, possessor, start)
            holder = self._agent_named_later(root, start) if owned is not None else None
            if holder is not None:
                # "..., her agent said." before "Agent Simon Beresford said": him
                return holder, "person", False
            if owned is not None:
                # "its senior vice president" after Uber: Uber's senior vice president; "his
                # team": Ted Cruz's team
                return owned, "anonymous" if kind == "person" else kind, False
        bare = determiner_of(root) is None and possessor is None
        if kind == "person" and not plural and bare and self.discourse.paragraph(start) == 1:
            # a headline's "Balenciaga boss calls ...": someone the article names below,
            # not a speaker called "Balenciaga boss"
            return None, None, False
        return canonical_text(tokens) or None, kind, plural
