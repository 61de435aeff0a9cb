"""Words and small helpers the speaker resolver shares: pronoun sets, name particles,
and how a name or a description is read off the tokens of a mention."""

import re

from spacy.tokens import Span, Token

from .coreference import outlets
from .rules.reported import ANONYMITY

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "i", "me"}
FIRST_PERSON = {"i", "me"}
OPENING_MARKS = "\"“‘'"
CLOSING_MARKS = "\"”’'"
NAME_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "al",
    "la",
    "le",
    "da",
    "del",
    "di",
    "du",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# "Q&A with Vice President Joe Biden", "an interview with Laura Bush"
INTERVIEW_WITH = re.compile(
    r"\b(?:(?:Q ?& ?A|interview|conversation) with|interviews)\b[^.\n]*$", re.IGNORECASE
)
INTERVIEW_REACH = 60  # characters before the name
UNRESOLVED = 0.75  # confidence factor for a proposal whose source could not be resolved
# the labels of places: where a document is about, not who wrote it; the tagger sometimes
# takes a person's given name or surname for one ("Valeska Paris")
PLACES = {"GPE", "LOC"}
GROUP_PRONOUNS = {"they", "we", "them", "their"}
THING_PRONOUNS = {"it", "its"}
INDEFINITE = {"a", "an", "one", "another", "some", "any"}
# a member of a party or a camp, in the singular ("the Kentucky Republican")
MEMBERS = {"republican", "democrat", "independent", "libertarian"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
# endings of nouns for people ("organizer", "designer", "activist", "historian")
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")
# of those, the endings of words for someone by what they do, seldom of things
PRACTITIONER_SUFFIXES = ("ist", "ian")
# words that stand for a group of people when a clause says who they are ("some who ...")
GROUP_QUANTIFIERS = {"some", "many", "most", "those", "others", "few", "several", "all"}
# a first word that makes a name a campaign or a team, not a person ("Team Trump"; not the
# organization words that end names, "Marine" of "Marine Le Pen")
COLLECTIVE_FIRST_WORDS = {"team"}
SHORT_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"}  # not a role
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
STRIP_DEPS = {"det", "nummod", "poss", "predet", "quantmod"}


ARTICLES = {"the", "a", "an"}
# institution nouns vague enough for any description to refer to ("the think tank" ->
# "Center for ...", "the company" -> "Acme Corporation")
GENERIC_BODIES = {
    "center",
    "centre",
    "institute",
    "foundation",
    "group",
    "organization",
    "organisation",
    "company",
    "firm",
    "corporation",
    "institution",
    "network",
}
# descriptions of a news outlet that the resolver reads as "the outlet named before"
PRINT_OUTLETS = {"daily", "magazine", "publication", "tabloid", "weekly", "editorial board"}
# institution nouns that only an organization named or described with the same noun can
# stand for: "the government argued" is never the wildlife refuge named before it
OWN_NOUN_BODIES = {"government", "administration", "court", "prosecution"}
# descriptions whose modifiers say what the organization does, not what it is called: "the
# online retail giant" is Amazon, named just before
# a company by its trade, which adds words the name does not have ("the fast-food chain",
# "the online retailer", "the German automaker"): the one named last
EPITHET_BODIES = {
    "giant",
    "chain",
    "brand",
    "retailer",
    "automaker",
    "carmaker",
    "insurer",
    "lender",
    "auction house",
    "fashion house",
    "publishing house",
}
# what a source found, which speaks for the source: "the results of nationwide surveys"
FINDINGS = {"result", "finding"}
# a description and the kinds of institution it covers: "the agency" is the State Department
# or the Census Bureau named before
BROADER_BODIES = {
    "agency": {"department", "bureau", "service", "commission"},
    "panel": {"commission", "committee", "board", "council", "tribunal", "inquiry"},
}


def org_name(text: str) -> str:
    """An organization's name without a leading article or a possessive ("The Water
    Authority's" -> "Water Authority"), so every mention of it is spelled the same."""
    words = " ".join(text.split()).replace("’", "'")  # any spaces, "the\xa0Daily News"
    words = words.removesuffix("'s") if words.endswith("'s") else words.rstrip("'")
    if words.count("(") > words.count(")"):
        # a name the tagger cut inside its parenthesis: "Vox Populi (Voice of the People"
        words = words[: words.rfind("(")].rstrip()
    first, _, rest = words.partition(" ")
    return rest if rest and first.lower() in ARTICLES else words


# abbreviated titles and the role noun a later description uses ("Sen. Ted Cruz" ... "the
# senator")
ABBREVIATED_ROLES = {
    "sen": "senator",
    "sens": "senator",
    "rep": "representative",
    "reps": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "sgt": "sergeant",
    "rev": "reverend",
    "prof": "professor",
}


def role_word(token: Token) -> str:
    """The role noun a title or description gives: "Sen." -> "senator"; a role someone no
    longer holds keeps its "former" ("the former governor" is not "the governor")."""
    word = token.lemma_.lower().rstrip(".")
    return former(token) + ABBREVIATED_ROLES.get(word, word)


# words before a role noun that say which of several such offices ("the foreign secretary"
# is not "Home Secretary Charles Clarke", "the shadow chancellor" not "Chancellor Gordon Brown")
PORTFOLIOS = {
    "home",
    "foreign",
    "defence",
    "defense",
    "health",
    "education",
    "treasury",
    "interior",
    "justice",
    "culture",
    "transport",
    "environment",
    "trade",
    "energy",
    "finance",
    "economy",
    "agriculture",
    "work",
    "pensions",
    "industry",
    "media",
    "sport",
}
# words that make another office of the same name: "the deputy prime minister"
RANKS = {"shadow", "deputy", "assistant"}
PORTFOLIOS |= RANKS


def portfolio(noun: Token) -> frozenset[str]:
    """The words that say which of several offices a role noun names: "home" of "Home
    Secretary Charles Clarke" or "the home secretary", "shadow" of "the shadow chancellor";
    among the modifiers right before it, up to a determiner, a name or a mark ("and" and a
    comma between them too: "the trade and industry secretary", "Culture, Media and Sport
    Secretary")."""
    words = []
    for token in reversed(noun.doc[max(noun.i - 6, noun.sent.start) : noun.i]):
        if token.lower_ in {"and", ","} and token.i < noun.i - 1:
            continue
        if token.pos_ not in {"ADJ", "NOUN", "PROPN"} or token.ent_type_ == "PERSON":
            break
        if token.lower_ in PORTFOLIOS:
            words.append(token.lower_)
    return frozenset(words)


def same_office(these: frozenset[str], those: frozenset[str]) -> bool:
    """Whether two role nouns' portfolios (see :func:`portfolio`) can name one office: the
    same rank ("shadow", "deputy") and, when both say it, the same area ("foreign" is not
    "home"; "the reporter" can be "foreign affairs reporter Elise Labott")."""
    if these & RANKS != those & RANKS:
        return False
    areas, others = these - RANKS, those - RANKS
    return not (areas and others and areas != others)


def former(token: Token) -> str:
    """ "former " when a role noun says its holder has left it ("the former New Jersey
    governor", "ex-governor"), else ""."""
    left = any(c.dep_ == "amod" and c.lower_ in {"former", "ex"} for c in token.children)
    return "former " if left or token.lower_.startswith("ex-") else ""


# "the two senators": how many a definite plural counts
COUNTS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def role_nouns(
    ent: Span,
    titles: frozenset[str],
    lower_words: frozenset[str] = frozenset(),
    lower_roles: frozenset[str] = frozenset(),
) -> list[Token]:
    """The nouns that give a named person's role: "Jane Roe, a nurse at the clinic",
    "company engineer Jane Roe", "Mayor Ingrid Solberg", "the port's spokeswoman, Jane Roe",
    and, in capitals, one the article also writes in lower case (``lower_words``): "Taras
    Kremen, the country's Language Ombudsman" before "The ombudsman"; or a word for a
    person's role written in lower case elsewhere (``lower_roles``) as a title right before
    the name: "Agent Simon Beresford" after "her agent"."""
    root = ent.root
    nouns = [
        c
        for c in root.children
        if c.dep_ == "appos"
        and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and c.lower_ in lower_words))
        and c.ent_type_ != "PERSON"
    ]
    nouns += [
        t
        for t in ent.doc[max(ent.start - 3, 0) : ent.start]
        if (
            t.pos_ == "NOUN"
            or (t.pos_ == "PROPN" and t.lower_.rstrip(".") in titles)
            # "Agent Simon Beresford" where the article writes "her agent" too
            or (t.pos_ == "PROPN" and t.i == ent.start - 1 and t.lower_ in lower_roles)
        )
        and ent.start <= t.head.i < ent.end
    ]
    nouns += [
        t
        for t in ent[:-1]
        if t.lower_.rstrip(".") in titles and t.lower_.rstrip(".") not in SHORT_TITLES
    ]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        nouns.append(root.head)
    if ent.start >= 2 and ent.doc[ent.start - 1].text == ",":
        # "Her partner, Paul Ansell said ...", parsed as two words of one verb
        noun = ent.doc[ent.start - 2]
        if noun.pos_ == "NOUN" and noun.head == root.head and noun.dep_ in {"dep", "nsubj"}:
            nouns.append(noun)
    return nouns


def grants_anonymity(root: Token) -> bool:
    """A source whose relative clause grants anonymity ("the analyst, who spoke on condition
    of anonymity", "an aide who was not authorized to speak")."""
    if root.pos_ != "NOUN":
        return False
    clause = " ".join(t.lower_ for c in root.children if c.dep_ == "relcl" for t in c.subtree)
    return bool(ANONYMITY.search(clause)) or "not authori" in clause


def clause_tokens(root: Token) -> set[int]:
    """The token indexes of the relative and participle clauses after ``root`` ("a poll
    that shows ...", "Audio obtained by ..."): they describe the noun, they do not name it."""
    return {t.i for c in root.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}


def proper_name(span: Span, root: Token) -> list[Token]:
    """The proper nouns around a name's head, without what the mention adds after it
    ("Pence himself", "Justice Department letters Monday") or articles before it."""
    tokens = [root]
    for token in reversed(span[: root.i - span.start]):
        if token.pos_ != "PROPN" and token.text not in {".", "-"}:
            break
        if token.dep_ == "case" or token.lower_ in {"'s", "’s"}:
            break  # "The Huffington Post’s Scott Conroy": not the owner's name
        if token.ent_type_ in {"DATE", "TIME"}:
            break  # "On Sunday Nadhim Zahawi insisted": not "Sunday Nadhim Zahawi"
        tokens.insert(0, token)
    for token in span[root.i - span.start + 1 :]:
        if token.pos_ != "PROPN":
            break
        tokens.append(token)
    return tokens


def determiner_of(noun: Token) -> str | None:
    """The noun's article or demonstrative, lowercased ("the", "a", "this"), if any; a noun
    the parser hung with no comma on the noun before it as an appositive has that noun's
    ("The US credit card to travel services giant")."""
    found = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
    if found is None and unpunctuated_appositive(noun):
        return determiner_of(noun.head)
    return found


def unpunctuated_appositive(noun: Token) -> bool:
    """Whether the parser hung ``noun`` on a noun before it as an appositive with no mark
    between them ("card ... giant" in "The US credit card to travel services giant")."""
    head = noun.head
    return (
        noun.dep_ == "appos"
        and head.i < noun.i
        and not any(t.is_punct for t in noun.doc[head.i : noun.i])
    )


def counted_one(noun: Token) -> bool:
    """Whether "one" counts the noun ("one newspaper", "one commenter")."""
    return any(c.dep_ == "nummod" and c.lower_ == "one" for c in noun.children)


def is_name_word(token: Token, *, people: bool = True) -> bool:
    """A word of an organization's name, or of a person's (``people``); a proper noun the
    tagger left untyped counts too ("FBI")."""
    labels = {"PERSON", *ORG_LABELS} if people else ORG_LABELS
    return token.ent_type_ in labels or (token.pos_ == "PROPN" and not token.ent_type_)


def described_as_outlet(ent: Span) -> bool:
    """An organization the text calls a news outlet beside its name: "Family Circle
    magazine", "the newspaper The Advocate", "The Advocate, a daily"."""
    doc = ent.doc
    if ent.label_ in {"GPE", "LOC", "NORP"} and ent.root.dep_ in {"compound", "amod"}:
        return False  # "US magazine Mobile PC": where the magazine is from
    after = next((t.lower_ for t in doc[ent.end : ent.end + 2] if t.lower_ not in {"'s", "’s"}), "")
    before = doc[ent.start - 1].lower_ if ent.start else ""
    head = ent.root.head.lower_ if ent.root.dep_ in {"compound", "appos"} else ""
    appositives = {c.lemma_.lower() for c in ent.root.children if c.dep_ == "appos"}
    return bool(({after, before, head} | appositives) & outlets().descriptions)


def surname_of(words: list[str]) -> str:
    """The family name of a full name, without a generational suffix ("Joseph R. Biden Jr."
    -> "biden")."""
    while len(words) > 2 and words[-1].lower().rstrip(".") in SUFFIXES:
        words = words[:-1]
    return words[-1].lower()


def looks_like_name(name: str) -> bool:
    """Capitalised words (name particles aside), as a person's name is written."""
    words = name.split()
    return bool(words) and all(
        w[:1].isupper() or w in NAME_PARTICLES or not w[:1].isalpha() for w in words
    )


def hyphenated(token: Token) -> bool:
    """Whether a word is joined to the next by a hyphen ("50" of "50-state")."""
    doc = token.doc
    return not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"


def hyphenated_lemma(token: Token) -> str:
    """A noun's lemma with the word a hyphen joins to it ("front-runner", not "runner")."""
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and hyphenated(doc[i - 2]):
        return f"{doc[i - 2].lower_}-{token.lemma_.lower()}"
    return token.lemma_.lower()


def canonical_text(tokens: list[Token]) -> str:
    words = " ".join("".join(t.text_with_ws for t in tokens).split()).replace("’", "'")
    return words[:1].upper() + words[1:] if words else words


# a full stop that belongs to the last word of a name ("Jr.", "Inc.")
ABBREVIATED_ENDINGS = {"jr.", "sr.", "inc.", "co.", "corp.", "ltd.", "st.", "bros."}
STRAY_MARKS = "\"'“”‘’`>«»"
PARTY_TAG = re.compile(r"\(\s*[RDI]-")
MARKUP = re.compile(r"[<>=]")


def unmarked(span: Span) -> tuple[int, int]:
    """A name's offsets without a quotation mark the tagger took in at either end ("Tom Hale
    ''doesn't want ...''" in the New York Times' style)."""
    text = span.text
    start = len(text) - len(text.lstrip(STRAY_MARKS + " "))
    end = len(text.rstrip(STRAY_MARKS + " "))
    if start >= end:
        return span.start_char, span.end_char
    return span.start_char + start, span.start_char + end


def tidy_name(name: str | None) -> str | None:
    """A speaker's name without the marks a tokenizer left on it: quotation marks around it
    ("Donald Trump ''", '"citizen journalists'), a markup remnant ('">Sanders'), a trailing
    comma or dash ("Chrissie Hynde -"), a full stop that ends no abbreviation ("E3G."), or an
    unclosed parenthesis ("Spokesman for Sen. Marco Rubio (R-Fla.")."""
    if not name:
        return name
    words = name.strip().strip(STRAY_MARKS).strip()
    if MARKUP.search(words):
        return None  # 'datetime="2016': markup, no one's name
    if words.count("(") > words.count(")"):
        # "Marco Rubio (R-Fla." loses its party tag; "George (W. Bush" its parenthesis
        cut = words.rindex("(")
        party = PARTY_TAG.match(words, cut)
        words = words[:cut] if party else words[:cut] + words[cut + 1 :]
    words = words.strip().rstrip(",;:").strip().strip(STRAY_MARKS).strip()
    # a dash the text put after the name ("led by Chrissie Hynde - took to the stage")
    words = re.sub(r"\s+[-–—]+$", "", words)
    last = words.split()[-1] if words.split() else ""
    if last.endswith(".") and "." not in last[:-1] and last.lower() not in ABBREVIATED_ENDINGS:
        words = words[:-1]
    first = words.split()[0] if words.split() else ""
    if first[:1].islower() and any("A" <= c <= "Z" for c in first[1:]):
        return words  # "eBay", "iTunes": a name written with a small first letter
    return words[:1].upper() + words[1:] or None


def counted_crowd(root: Token) -> Token | None:
    """The figure that counts a plural noun when it is 10 or more ("34,000 people",
    "1,409 teachers"), else None ("two people", "dozens of people")."""
    for child in root.children:
        digits = child.text.replace(",", "")
        if child.dep_ == "nummod" and digits.isdigit() and int(digits) >= 10:
            return child
    return None
