"""People's names as the resolver reads them: nicknames in quotation marks. Sentences
written here."""

import pytest
from spacy.tokens import Span

from annotations.preannotator import Preannotator
from annotations.preannotator.coreference import gendered_words, name_gender
from annotations.preannotator.speaker_entities import joined_name, titled_work
from annotations.preannotator.speaker_text import tidy_name
from tests.preannotator_helpers import annotate, said, words


@pytest.fixture(scope="module")
def pre() -> Preannotator:
    return Preannotator()


def test_a_nickname_in_quotation_marks_is_not_part_of_the_name(pre):
    text = (
        'The idea came from the company\'s longest-serving director, George "Jay" Keyworth. '
        "Keyworth rushed to meet the chief executive.\n\n"
        '"We should buy them right away," he said.'
    )
    assert said(pre, text, "buy them").speaker_name == "George Keyworth"


def test_a_name_the_tagger_splits_at_its_nickname_is_one_person(pre):
    text = (
        'The campaign was represented by Gov. C.L. "Butch" Otter, an early endorser, who '
        "said that the West needs more water."
    )
    quote = said(pre, text, "needs more water")
    assert (quote.speaker_name, quote.speaker_kind) == ("C.L. Otter", "person")


def test_an_abbreviated_office_in_capitals_is_not_a_given_name(pre):
    text = (
        "Former AG Mukasey at convention: the scandal disqualifies her.\n\n"
        "Former Attorney General Michael Mukasey spoke to the delegates. "
        "Mukasey, who served under former President George W. Bush, criticized the senator.\n\n"
        '"She has done a lot of things," he said.'
    )
    assert said(pre, text, "a lot of things").speaker_name == "Michael Mukasey"


def test_a_first_name_the_tagger_left_out_of_a_name_belongs_to_it(pre):
    text = (
        "Chair resigns.\n\n"
        "DNC Chair Debbie Wasserman Schultz announced Sunday she will resign her post after "
        "the convention."
    )
    assert said(pre, text, "resign her post").speaker_name == "Debbie Wasserman Schultz"


def test_a_name_an_appositive_gives_a_role_is_a_person_whatever_the_tagger_said(pre):
    text = (
        "Convention.\n\n"
        "Republican officials are accelerating plans to deal with a contested convention.\n\n"
        "Reince Priebus, the GOP chairman, this past week announced the creation of a website "
        "to explain the process of a contested convention.\n\n"
        '"Conventions are democracy in action," he said.'
    )
    assert said(pre, text, "democracy in action").speaker_name == "Reince Priebus"


def test_the_newspaper_after_usa_today_is_usa_today(pre):
    text = (
        "Donations.\n\n"
        "The records were reviewed by USA TODAY.\n\n"
        '"We have nothing to hide," Ali Demir told the newspaper. The newspaper found that the '
        "salary was small."
    )
    assert said(pre, text, "salary was small").speaker_name == "USA TODAY"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rally.\n\nA man named John Hale said the senator would lose the state.", "John Hale"),
        ("Rally.\n\nA voter called Tom Baker said the senator would lose the state.", "Tom Baker"),
    ],
)
def test_the_name_a_participle_gives_is_the_speaker(pre, text, name):
    found = said(pre, text, "would lose the state")
    assert (found.speaker_name, found.speaker_kind) == (name, "person")
    assert text[slice(*found.speaker_antecedent)] == name


def test_a_full_name_the_tagger_missed_is_learned_from_its_surname_tagged_elsewhere(pre):
    # the small model often tags a surname alone but not the full name at a dateline
    text = (
        "CHICAGO - Rahm Emanuel may have thought the worst was over in April.\n\n"
        'Emanuel said on Thursday that the city "welcomes" a review.\n\n'
        '"We will get answers," he said.'
    )
    found = said(pre, text, "get answers")
    assert found.speaker_name == "Rahm Emanuel"
    assert said(pre, text, "welcomes").speaker_name == "Rahm Emanuel"


def test_a_surname_the_parser_took_for_a_modal_verb_is_still_the_person(pre):
    # "Will described ...": no modal verb comes before a past tense, so this is George Will
    text = (
        "Fox News contributor George Will renewed his feud with Donald Trump this week.\n\n"
        "From Trump’s “nasty effusion” in Iowa last week to his call for a “deportation "
        "force,” Will described Trump as a “caricature of democracy.”\n\n"
        "Instead, Will called for Republicans to throw their support behind Chris Christie, "
        "whom he describes as having “a prosecutor’s bearing and a governor’s executive "
        "temperament.”"
    )
    assert said(pre, text, "bearing").speaker_name == "George Will"


def test_a_questions_modal_verb_is_not_a_given_name(pre):
    text = (
        "Game over. Will Halvorsen come down off the pique?\n\n"
        "Senator Nils Halvorsen lost the primary on Tuesday.\n\n"
        'Halvorsen spoke to supporters that night. He said that "the fight goes on."'
    )
    found = said(pre, text, "the fight goes on")
    assert (found.speaker_name, found.speaker_kind) == ("Nils Halvorsen", "person")


def test_a_surname_tagged_alone_as_a_nationality_is_the_person_its_appositive_describes(pre):
    text = (
        "Dating app.\n\n"
        "''We support people sharing their views, but we don't allow spamming,'' Rosette "
        "Pambakian, a Tinder spokeswoman, said in an email."
    )
    found = said(pre, text, "sharing their views")
    assert (found.speaker_name, found.speaker_kind) == ("Rosette Pambakian", "person")


def test_a_gerund_the_tagger_took_into_a_name_is_not_part_of_it(pre):
    text = (
        "The speech we'd like to hear.\n\n"
        "I would certainly agree. Entrusting Donald Trump with our economic future is a "
        "risky proposition. Trump's inexperience has shown in many ways. He has openly "
        "questioned America's commitment to its allies."
    )
    found = said(pre, text, "commitment to its allies")
    assert (found.speaker_name, found.speaker_kind) == ("Donald Trump", "person")


def test_a_name_cut_inside_its_parenthesis_loses_the_open_parenthesis(pre):
    text = (
        "Column.\n\n"
        "A popular column in the national Asahi newspaper attacked the comment.\n\n"
        '"The remark was quite rough around the edges," said the Vox Populi (Voice of the '
        'People) column. "It was unprecedented in its insensitivity," the column noted.'
    )
    found = said(pre, text, "unprecedented in its insensitivity")
    assert (found.speaker_name, found.speaker_kind) == ("Vox Populi", "organization")


def test_a_middle_name_used_alone_is_the_person_with_two_surnames(pre):
    text = (
        "Bank.\n\n"
        "Melba Acosta Febo, the president of the bank, defended the loans on Monday.\n\n"
        '"We followed every rule," Ms. Acosta said.'
    )
    found = said(pre, text, "followed every rule")
    assert (found.speaker_name, found.speaker_kind) == ("Melba Acosta Febo", "person")


def test_a_dateline_the_tagger_took_into_a_name_is_not_part_of_it(pre):
    text = (
        "Sanders meets the pope.\n\n"
        "ROME - Bernie Sanders met privately with Pope Francis on Saturday.\n\n"
        "Sanders said the meeting was personal. Sanders said he was a fan of the pope."
    )
    found = said(pre, text, "the meeting was personal")
    assert (found.speaker_name, found.speaker_kind) == ("Bernie Sanders", "person")


def test_a_possessive_after_a_final_s_is_not_part_of_the_name(pre):
    text = (
        "Rally.\n\n"
        "Bernie Sanders' rally drew thousands on Monday. Later, Sanders said the crowd was "
        "the largest of the campaign."
    )
    found = said(pre, text, "the crowd was")
    assert (found.speaker_name, found.speaker_kind) == ("Bernie Sanders", "person")


def test_a_name_inside_a_shows_title_is_the_full_name_of_the_surname_alone(pre):
    text = (
        "Interview.\n\n"
        'Hillary Clinton spoke on MSNBC\'s "The Rachel Maddow Show" on Thursday.\n\n'
        'When Maddow pointed out that Sanders calls it "Medicare for all," Clinton seized '
        "upon the reference.\n\n"
        "Maddow said the plan would cost too much."
    )
    found = said(pre, text, "would cost too much")
    assert (found.speaker_name, found.speaker_kind) == ("Rachel Maddow", "person")


@pytest.mark.parametrize(
    ("sentence", "content", "expected"),
    [
        (
            "Twitter said it had suspended 125,000 accounts since the middle of 2015.",
            "suspended 125,000 accounts",
            "Twitter",
        ),
        (
            "Politico reported that the senator would release his records on Sunday.",
            "release his records",
            "Politico",
        ),
    ],
)
def test_a_platform_or_outlet_with_a_one_word_name_is_an_organization(
    pre, sentence, content, expected
):
    found = said(pre, f"Accounts.\n\n{sentence}", content)
    assert (found.speaker_name, found.speaker_kind) == (expected, "organization")


def test_a_plural_proper_noun_is_a_group_not_a_person(pre):
    text = (
        "Letters.\n\n"
        "Many Millennials want what they want without any understanding of how the "
        "system works."
    )
    found = said(pre, text, "they want")
    assert (found.speaker_name, found.speaker_kind) == ("Millennials", "group")


def test_a_headlines_weekday_names_no_speaker(pre):
    text = (
        "Monday’s Morning Email: Ridley’s Potential Involvement In The Email Hack.\n\n"
        "TOP STORIES.\n\nThe party chair resigned on Sunday after months of criticism."
    )
    found = [p for p in annotate(pre, text) if words(text, p.speaker_mention) == "Monday"]
    assert [(p.speaker_name, p.speaker_kind) for p in found] == [(None, None)]


def test_a_gerund_the_tagger_took_for_a_name_is_nobody(pre):
    from spacy.tokens import Span

    from annotations.preannotator import proposals

    text = (
        "Trade.\n\n"
        "President Obama spoke in London on Friday.\n\n"
        "Conceding that a trade deal would come, he warned that Britain would be at the "
        "back of the queue."
    )
    doc = pre.nlp(text)
    conceding = next(t for t in doc if t.text == "Conceding")
    # the tagger sometimes takes the gerund for a name, as it did in a real article
    doc.ents = [*doc.ents, Span(doc, conceding.i, conceding.i + 1, label="PERSON")]
    found = [
        p for p in proposals(pre.process(doc)) if "back of the queue" in text[slice(*p.content)]
    ]
    assert [(p.speaker_name, p.speaker_kind) for p in found] == [("Obama", "person")]


def test_an_outlets_possessive_before_a_name_is_not_part_of_it(pre):
    text = (
        "Records.\n\n"
        "Last month, The Huffington Post’s Scott Conroy asked Sanders whether questions about "
        "his health were fair game in the campaign."
    )
    found = said(pre, text, "fair game")
    assert (found.speaker_name, found.speaker_kind) == ("Scott Conroy", "person")


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "Le Pen backs Ridley.\n\nFrance's Marine Le Pen backed Tom Ridley on Wednesday.\n\n"
            "Le Pen said in an interview that Ridley would make France safer.",
            "make France safer",
            "Marine Le Pen",
        ),
        (
            "Mayor.\n\nNew York Mayor Bill de Blasio called Ridley a blowhard.\n\n"
            "De Blasio said the city was safe thanks to the police.",
            "the city was safe",
            "Bill de Blasio",
        ),
    ],
)
def test_a_surname_of_two_words_is_the_full_name_that_ends_with_it(pre, text, content, expected):
    found = said(pre, text, content)
    assert (found.speaker_name, found.speaker_kind) == (expected, "person")


def test_a_given_name_alone_is_the_one_full_name_it_begins(pre):
    text = (
        "Campaign.\n\n"
        "Bernie Sanders and his wife, Jane Sanders, met voters in Vermont on Monday.\n\n"
        "Jane has been his closest adviser for decades. Jane said the campaign would go on."
    )
    found = said(pre, text, "the campaign would go on")
    assert (found.speaker_name, found.speaker_kind) == ("Jane Sanders", "person")


def test_team_and_a_surname_is_a_campaign_not_a_person(pre):
    text = (
        "Convention plans.\n\n"
        "Team Hale sees the convention as a second chance for Tom Hale to make a first "
        "impression with women.\n\n"
        'In somber comments, Hale called the attack "an outrage." He offered "my thoughts and '
        'prayers for all of the families."'
    )
    team = said(pre, text, "second chance")
    assert (team.speaker_name, team.speaker_kind) == ("Team Hale", "organization")
    others = [p for p in annotate(pre, text) if p != team and p.speaker_mention]
    assert others
    assert {p.speaker_name for p in others} == {"Tom Hale"}


def test_a_name_written_with_non_breaking_spaces_is_spelled_with_spaces(pre):
    text = (
        "Guns.\n\n"
        "The\u00a0Riverton\u00a0Daily News wrote on Monday that gun laws are porous. According "
        'to the\u00a0newspaper, "Very few classes of people are disqualified."'
    )
    names = {p.speaker_name for p in annotate(pre, text) if p.speaker_name}
    assert names == {"Riverton Daily News"}


def test_team_and_a_surname_tagged_as_a_person_is_still_a_campaign(pre):
    text = (
        "Council race.\n\n"
        "Team Okafor sees the vote as a second chance for Dale Okafor to win back women "
        'voters. In somber comments, Okafor called the claims "an outrage." He offered "my '
        'apologies to anyone who felt pressured."'
    )
    team = said(pre, text, "second chance")
    assert (team.speaker_name, team.speaker_kind) == ("Team Okafor", "organization")
    others = [p for p in annotate(pre, text) if p != team and p.speaker_mention]
    assert others
    assert {p.speaker_name for p in others} == {"Dale Okafor"}


def test_a_given_name_that_is_also_an_organization_word_stays_a_person(pre):
    # "Marine" ends company names ("Northline Marine"), but first it is a given name
    text = (
        "Endorsement.\n\n"
        "Marine Rochet, leader of the National Front, backed the candidate on Monday. "
        '"It is everything but the other one," Rochet said.'
    )
    found = said(pre, text, "everything but")
    assert (found.speaker_name, found.speaker_kind) == ("Marine Rochet", "person")


def test_a_name_the_tagger_joined_to_its_outlet_is_the_person(pre):
    # the tagger reads "Fox News’ Sean Hannity" as one organization
    text = (
        "Holt spoke to Fox News’ Sean Hannity on Tuesday about the plan.\n\n"
        "“Voters want the wall,” Hannity said."
    )
    quote = said(pre, text, "Voters want the wall")
    assert (quote.speaker_name, quote.speaker_kind) == ("Sean Hannity", "person")


def test_a_name_the_tagger_read_as_a_common_noun_is_the_person(pre):
    text = (
        "The author Dinesh D’Souza made a prediction on the radio.\n\n"
        "D’Souza said, “I would bet on Holt.”\n\nD’Souza added that the party must fight."
    )
    for content in ("I would bet on Holt", "the party must fight"):
        quote = said(pre, text, content)
        assert (quote.speaker_name, quote.speaker_kind) == ("Dinesh D’Souza", "person")


def test_a_surname_the_tagger_read_as_a_verb_is_the_person(pre):
    text = (
        "ESPN fired Curt Schilling on Wednesday.\n\nSchilling declined to comment on the post."
        "\n\nSchilling describes himself as a conservative."
    )
    quote = said(pre, text, "himself as a conservative")
    assert (quote.speaker_name, quote.speaker_kind) == ("Curt Schilling", "person")


def test_a_given_name_the_tagger_left_out_of_a_one_word_name_is_kept(pre):
    # the tagger tags "Farid" alone; "Hany" is no given name on the list
    text = (
        "“We cannot block it,” said Hany Farid, a professor at the college.\n\nHe said it was new."
    )
    for content in ("We cannot block it", "it was new"):
        assert said(pre, text, content).speaker_name == "Hany Farid"


def test_a_plural_title_before_a_name_is_no_given_name(pre):
    text = "Marco Rubio and Ted Cruz spoke.\n\nSenators Rubio and Cruz said the deal was bad."
    assert said(pre, text, "the deal was bad").speaker_name == "Marco Rubio and Ted Cruz"


def test_a_title_that_is_a_given_name_stays_when_no_one_else_has_the_surname(pre):
    text = "“Wages are flat,” said Dean Baker, an economist at the center."
    assert said(pre, text, "Wages are flat").speaker_name == "Dean Baker"
    text = "Vikram Amar teaches law.\n\n“The ruling is narrow,” Dean Amar said."
    assert said(pre, text, "The ruling is narrow").speaker_name == "Vikram Amar"


def test_a_capitalised_word_the_tagger_joined_to_a_full_name_is_not_part_of_it(pre):
    # the tagger reads "Billionaire Donald Trump" as one name; the article names Donald Trump
    text = "Billionaire Donald Trump praised the plan.\n\nDonald Trump said it would work."
    for content in ("the plan", "it would work"):
        assert said(pre, text, content).speaker_name == "Donald Trump"


def test_a_hyphenated_surname_keeps_its_given_name(pre):
    text = (
        "Jennifer Shanklin-Hawkins, a teacher, spoke on Monday.\n\n"
        "Ms. Shanklin-Hawkins said the school was full."
    )
    assert said(pre, text, "the school was full").speaker_name == "Jennifer Shanklin-Hawkins"


def test_a_headline_that_runs_two_names_together_gives_the_name_the_article_gives(pre):
    doc = pre.nlp.make_doc("Hillary Clinton Slams Donald Trump")
    assert joined_name(Span(doc, 0, 5, label="PERSON"), {"Donald Trump"}) == 3
    assert joined_name(Span(doc, 0, 5, label="PERSON"), {"Hillary Clinton"}) == 0


def test_who_after_a_list_of_epithets_of_a_subject_is_that_subject(pre):
    text = (
        "Editor’s note: Mark Reed regularly incites violence and is a serial liar, rampant"
        " xenophobe, racist, misogynist and birther who has repeatedly pledged to ban all"
        " visitors from the city."
    )
    assert said(pre, text, "to ban all visitors").speaker_name == "Mark Reed"


@pytest.mark.parametrize(
    ("name", "tidy"),
    [
        ("Donald Trump ''", "Donald Trump"),  # the New York Times' closing quotation mark
        ('"citizen journalists', "Citizen journalists"),
        ('">Sanders', "Sanders"),  # what is left of markup
        ("E3G.", "E3G"),
        ("Secretary of state for the elderly,", "Secretary of state for the elderly"),
        ("Spokesman for Sen. Marco Rubio (R-Fla.", "Spokesman for Sen. Marco Rubio"),
        ("George (W. Bush", "George W. Bush"),
        ("Chrissie Hynde -", "Chrissie Hynde"),  # "led by Chrissie Hynde - took to the stage"
        ("Jean-Marie Le Pen", "Jean-Marie Le Pen"),
        (".", None),
        ('datetime="2016', None),  # markup, no one's name
        # full stops that belong to the name stay
        ("Joseph R. Biden Jr.", "Joseph R. Biden Jr."),
        ("U.N.", "U.N."),
        ("Acme Inc.", "Acme Inc."),
        ("John Smith (R-Fla.)", "John Smith (R-Fla.)"),
    ],
)
def test_a_speakers_name_loses_the_marks_a_tokenizer_left_on_it(name, tidy):
    assert tidy_name(name) == tidy


def test_a_name_after_a_markup_remnant_is_the_name(pre):
    text = 'Rally.\n\n">Sanders said the plan works.'
    assert said(pre, text, "the plan works").speaker_name == "Sanders"


def test_a_name_the_tagger_took_a_quotation_mark_into_still_explains_its_surname(pre):
    # the New York Times' '' right after the name ends up in the tagger's entity
    text = (
        "Taxes.\n\nAt the debate, Ana Ruiz suggested that Tom Hale ''doesn't want the "
        "people to know what he paid.''\n\nMr. Hale said the returns were private."
    )
    found = said(pre, text, "the returns were private")
    assert found.speaker_name == "Tom Hale"
    assert words(text, found.speaker_antecedent) == "Tom Hale"


def test_a_person_whose_names_the_tagger_took_for_places_is_a_person(pre):
    text = (
        "Woman says the church held her\n\n"
        "Valeska Paris, an Australian woman and former member, has claimed that the church "
        "imprisoned her for twelve years.\n\n"
        "Paris claims she was first sent to the ship aged eighteen. She also claims that she "
        "was forced to work in the engine room."
    )
    first = said(pre, text, "sent to the ship")
    assert (first.speaker_name, first.speaker_kind) == ("Valeska Paris", "person")
    assert said(pre, text, "engine room").speaker_name == "Valeska Paris"


@pytest.mark.parametrize(
    "sentence",
    [
        # a place before an appositive a misparse gives it, not a person
        "New York (AFP) - Oscar-winning actress Ana Ruiz said she would not vote.",
        "The group cares about policy toward Israel, the retired surgeon said on Monday.",
    ],
)
def test_a_place_is_not_made_a_person_by_a_misread_appositive(pre, sentence):
    proposal = annotate(pre, sentence)[0]
    assert proposal.speaker_name not in {"New York", "Israel"}


def test_a_job_title_before_a_surname_is_dropped_from_the_name(pre):
    text = (
        "Shuttles find homes.\n\n"
        "Agency Administrator Charles Holt announced the four sites on Tuesday.\n\n"
        '"It is a great day for the region," Administrator Holt said.'
    )
    assert said(pre, text, "a great day").speaker_name == "Charles Holt"


def test_according_to_a_title_and_a_name_is_the_named_person(pre):
    text = (
        "Museums draw crowds.\n\n"
        "The gallery drew 11,000 visitors in 2010, according to curator Elaine Hale."
    )
    found = said(pre, text, "11,000 visitors")
    assert found.speaker_name == "Elaine Hale"
    assert words(text, found.speaker_mention) == "curator Elaine Hale"


def test_a_surname_after_mr_is_a_person_whatever_the_tagger_says(pre):
    # the tagger reads "Kinsale" here as an organization
    text = (
        "Lenders say loan scheme falls short\n\n"
        "However, Mr Kinsale said online lenders were disadvantaged compared to the big "
        'banks.\n\n"I think it has missed the mark," he said.'
    )
    found = said(pre, text, "online lenders were disadvantaged")
    assert (found.speaker_name, found.speaker_kind) == ("Kinsale", "person")
    assert said(pre, text, "missed the mark").speaker_name == "Kinsale"


def test_a_name_beside_a_radio_address_or_a_book_is_a_title_not_a_person(pre):
    doc = pre.nlp("In his monthly radio address Mann ki Baat, PM Modi said it was time.")
    show = next(e for e in doc.ents if e.text == "Mann ki Baat")
    assert titled_work(show)
    # a person named beside the book's author is still a person
    doc = pre.nlp("The author of the book, Mitchell Zuckoff, said it was true.")
    author = next(e for e in doc.ents if e.text == "Mitchell Zuckoff")
    assert not titled_work(author)


def test_a_name_after_what_kind_of_company_it_is_is_a_company(pre):
    # the tagger reads "Quidly" as a person's name
    text = (
        "Lenders stay quiet.\n\n"
        "ASX-listed online lender Quidly would not detail the loans it had issued, as it said "
        "the information was commercially sensitive."
    )
    found = said(pre, text, "commercially sensitive")
    assert (found.speaker_name, found.speaker_kind) == ("Quidly", "organization")


def test_an_organization_name_the_tagger_ended_on_of_is_whole(pre):
    text = (
        "Hospital moves to ministry\n\n"
        "In a note, the Press Office of the President of the Republic informs that the "
        "measure aims to improve care."
    )
    found = said(pre, text, "improve care")
    assert found.speaker_name == "Press Office of the President of the Republic"


def test_a_day_before_a_name_is_not_part_of_it_nor_its_gender(pre):
    # "Sunday" is a given name on the lists, and would make the minister a woman
    text = (
        "Johnson on edge\n\n"
        "Boris Johnson has long been considered a king of comebacks.\n\n"
        "On Sunday Nadhim Zahawi insisted the picture was just an example of Johnson "
        '"thanking his staff" and used it to play down the scandal as "hype."\n\n'
        'He told LBC: "I think your listeners will see a PM in his office."'
    )
    assert said(pre, text, "just an example").speaker_name == "Nadhim Zahawi"
    assert said(pre, text, "your listeners").speaker_name == "Nadhim Zahawi"


def test_a_title_only_men_hold_gives_the_name_its_gender(pre):
    # "Pope Francis" is a man whatever the name lists say of "Francis" (or "Frances")
    doc = pre.nlp("Pope Francis, in his first comments on the tensions, called for dialogue.")
    francis = next(e for e in doc.ents if "Francis" in e.text)
    assert name_gender(francis) == "m"
    for title in ("pope", "cardinal", "sheikh", "emir", "sultan", "ayatollah"):
        assert gendered_words()[title] == "m"


def test_a_surname_the_tagger_takes_for_a_place_after_a_given_name_is_the_person(pre):
    text = (
        "East Germany's last communist leader dies at 95\n\n"
        "BERLIN (AP) - Hans Modrow, who served as East Germany's last communist leader, has "
        "died. Modrow died early Saturday, the Left party parliamentary group tweeted. "
        '"German unity was a special achievement of his," the Left wrote on Twitter. During '
        "16 years as party chief in Dresden, Modrow built a reputation as a reformer. He "
        "rejected party perks, and he said the trial against him was politically motivated."
    )
    found = said(pre, text, "politically motivated")
    assert (found.speaker_name, found.speaker_kind) == ("Hans Modrow", "person")
    # "the Left" is no one's name: an organization
    found = said(pre, text, "German unity")
    assert (found.speaker_name, found.speaker_kind) == ("Left", "organization")


def test_an_acronym_tagged_as_an_organization_stays_one(pre):
    text = (
        "Cow hug appeal withdrawn\n\n"
        'The Animal Welfare Board of India (AWBI) retracted its "Cow Hug Day" appeal after it '
        "attracted criticism from political rivals. Nilanjan Mukhopadhyay, a political analyst, "
        'said the call had been "absolutely crazy." The AWBI reneged on its appeal on Friday '
        'saying it "stands withdrawn." It added that the cow is the "backbone of Indian '
        'culture."'
    )
    for content in ["stands withdrawn", "backbone"]:
        found = said(pre, text, content)
        assert (found.speaker_name, found.speaker_kind) == (
            "Animal Welfare Board of India",
            "organization",
        )


def test_a_nickname_with_the_is_still_the_person(pre):
    # "the Tate" is an institution only when the article names one ("Tate Britain")
    text = 'Trump rally\n\nDonald Trump held a rally in Ohio. "We will win big," The Donald said.'
    found = said(pre, text, "We will win big")
    assert (found.speaker_name, found.speaker_kind) == ("Donald Trump", "person")


def test_an_entity_is_cut_where_a_paragraph_ends():
    import spacy

    from annotations.preannotator.speaker_entities import within_paragraphs

    doc = spacy.blank("en")("Off the Hook\n\nTim Whitehouse said so.")
    joined = Span(doc, 0, 6, label="ORG")  # the tagger's "Off the Hook\n\nTim Whitehouse"
    assert [(e.text, e.label_) for e in within_paragraphs(joined)] == [
        ("Off the Hook", "ORG"),
        ("Tim Whitehouse", "ORG"),
    ]
    assert within_paragraphs(Span(doc, 4, 6, label="PERSON"))[0].text == "Tim Whitehouse"


def test_a_company_read_as_a_person_is_a_company_wherever_it_is_named(pre):
    text = (
        "Greggs will not raise prices\n\n"
        "High-street bakery chain Greggs has said that it does not plan to hike prices this "
        'year. Chief executive Roisin Currie told PA she has "no plans currently" to raise '
        "prices.\n\n"
        "Greggs has also revealed plans to open 160 more outlets in 2024. It will keep looking "
        "at retail parks. Currie said: \"Where you can't access a Greggs easily, we want to get "
        'there."\n\n'
        "It also plans to roll out evening opening hours. The business also said it continued "
        "to see strong demand for vegan options."
    )
    for content in ["hike prices", "160 more outlets", "evening opening hours", "vegan options"]:
        found = said(pre, text, content)
        assert (found.speaker_name, found.speaker_kind) == ("Greggs", "organization"), content


def test_a_capitalised_role_and_a_capitalised_title_with_a_name(pre):
    text = (
        "Complaints about language rise\n\n"
        '"Strict controls should be among the priorities of community leaders this year," '
        "Taras Kremen, the country's Language Ombudsman said.\n\n"
        "Kremen also confirmed that a fine had been imposed on a taxi driver. The ombudsman "
        'reminded the public of a "detailed algorithm of actions," urging people to file '
        "complaints.\n\n"
        "The Secretary of the National Security and Defense Council of Ukraine, Alexey "
        'Danilov, has previously said "the Russian language must disappear."'
    )
    for content in ["a fine had been imposed", "detailed algorithm"]:
        found = said(pre, text, content)
        assert (found.speaker_name, found.speaker_kind) == ("Taras Kremen", "person")
    found = said(pre, text, "must disappear")
    assert (found.speaker_name, found.speaker_kind) == ("Alexey Danilov", "person")


def test_a_trade_before_a_full_name_is_no_part_of_it(pre):
    text = (
        "Lessons.\n\n"
        "Songwriter Guy Chambers has backed the scheme. He said it would protect young people."
    )
    assert said(pre, text, "protect young people").speaker_name == "Guy Chambers"


@pytest.mark.parametrize(("raw", "expected"), [("eBay", "eBay"), ("iTunes", "iTunes")])
def test_a_name_with_a_small_first_letter_keeps_it(raw, expected):
    assert tidy_name(raw) == expected


def test_words_before_a_title_and_a_name_are_no_part_of_it(pre):
    text = (
        "Patents.\n\n"
        'French Green MEP Alain Lipietz warned that it would be an "insult". He said the '
        "parliament would reject it."
    )
    assert said(pre, text, "parliament would reject").speaker_name == "Alain Lipietz"


def test_a_headline_trade_before_a_surname_is_no_part_of_it(pre):
    text = (
        "Prop Jones ready for hard graft\n\n"
        "Adam Jones says the Wales forwards are determined to dominate.\n\n"
        '"Gavin is ridiculously talented," warned Jones.'
    )
    assert said(pre, text, "ridiculously talented").speaker_name == "Adam Jones"


@pytest.mark.parametrize("name", ["Christian Estrosi", "Adrian Mapp"])
def test_a_given_name_that_ends_like_a_trade_stays(pre, name):
    text = f'Attack.\n\n"The driver fired on the crowd," said {name}, a former mayor.'
    assert said(pre, text, "fired on the crowd").speaker_name == name


def test_a_trade_in_a_headline_before_a_full_name_is_no_part_of_it(pre):
    text = (
        "Rapper Kanye West's shrewd soul\n\n"
        "US hip-hop star Kanye West rose to prominence by producing songs.\n\n"
        '"I feel like a lot of the soul in those old records is in me," he said.'
    )
    assert said(pre, text, "old records").speaker_name == "Kanye West"


def test_a_title_and_a_surname_that_is_a_trade_stay_a_name(pre):
    text = (
        "Books.\n\n"
        "The New Yorker writer Mark Singer has a framed note from Donald Trump.\n\n"
        '"People remembered this piece," Mr. Singer said.'
    )
    assert said(pre, text, "People remembered").speaker_name == "Mark Singer"


@pytest.mark.parametrize(
    ("written", "name", "pronoun"),
    [
        ("Filmmaker Jack Marlow", "Jack Marlow", "he"),
        ("Assemblywoman Clara Tenby", "Clara Tenby", "she"),
        ("Spaniard Rafael Nodal", "Rafael Nodal", "he"),
    ],
)
def test_a_trade_title_or_nationality_before_a_full_name_is_no_part_of_it(
    pre, written, name, pronoun
):
    text = f'News.\n\n{written} said the court was slow. "It is a sad day," {pronoun} added.'
    assert said(pre, text, "court was slow").speaker_name == name
    assert said(pre, text, "sad day").speaker_name == name


def test_a_disc_jockey_named_in_a_clause_is_named_without_the_trade(pre):
    text = (
        "Songs.\n\n"
        "The song, titled Grief, was written by radio DJ Tom Reade. Former singer Ronan Kealy "
        'may also take part. "It is a sad song," Reade said.'
    )
    assert said(pre, text, "sad song").speaker_name == "Tom Reade"


def test_a_one_word_company_the_tagger_once_reads_as_a_person_is_a_company(pre):
    text = (
        "Studio news\n\n"
        "The Argonaut games group went into administration a week ago. He founded Argonaut in "
        "1982. But Argonaut needed a constant flow of deals. In August it warned of annual "
        "losses of £6m."
    )
    warned = said(pre, text, "annual losses")
    assert (warned.speaker_name, warned.speaker_kind) == ("Argonaut", "organization")


def test_a_hyphenated_surname_after_mr_is_the_person_not_an_organization(pre):
    text = (
        "Kilroy launches party\n\n"
        "Ex-BBC chat show host Robert Kilroy-Silk has launched his new party.\n\n"
        "Mr Kilroy-Silk, who recently quit the UK Independence Party, said the country was "
        "being stolen. UKIP leader Roger Knapman says he was glad to see the back of him.\n\n"
        "Mr Kilroy-Silk promised a firm policy on immigration. He said the party would "
        "announce detailed policies on crime."
    )
    for content in ("the country was being stolen", "the party would announce"):
        assert said(pre, text, content).speaker_name == "Robert Kilroy-Silk"


def test_the_surname_of_a_person_who_spoke_is_that_person_whatever_the_tagger_says(pre):
    text = (
        "Souness delight at Euro progress\n\n"
        "Boss Graeme Souness felt Newcastle were never in danger against Heerenveen.\n\n"
        '"Winning the first leg gave us a great advantage," he said. Alan Shearer scored again '
        "and moved within 12 of the club record. But Souness said he did not think the record "
        'would change his decision to retire. "I think he would want to stay next year '
        'anyway," he added.'
    )
    found = said(pre, text, "change his decision")
    assert (found.speaker_name, found.speaker_kind) == ("Graeme Souness", "person")
    assert words(text, found.speaker_antecedent) == "Boss Graeme Souness"
    assert said(pre, text, "stay next year").speaker_name == "Graeme Souness"


def test_a_two_word_name_whose_surname_takes_ms_is_a_woman_the_tagger_took_for_a_firm(pre):
    text = (
        "Search gets personal\n\n"
        '"User experience has contributed to people searching more," said Yonca Brunini of '
        "Yahoo. As people become more familiar with the internet, they ask more queries, she "
        'said. "The other thing is broadband," Ms Brunini told the BBC.'
    )
    first = said(pre, text, "User experience")
    assert (first.speaker_name, first.speaker_kind) == ("Yonca Brunini", "person")
    she = [p for p in annotate(pre, text) if words(text, p.speaker_mention) == "she"]
    assert [(p.speaker_name, p.speaker_kind) for p in she] == [("Yonca Brunini", "person")]
    assert said(pre, text, "broadband").speaker_name == "Yonca Brunini"


def test_a_name_after_a_word_for_a_persons_role_is_a_person_the_tagger_took_for_a_firm(pre):
    # "Graeme" is in no US first-name list and the tagger reads "Graeme Souness" as a company;
    # the role word before the name says who he is
    text = (
        "Boss angry at striker\n\n"
        "Newcastle boss Graeme Souness said the striker had refused to play on Saturday. "
        "He said the club would not tolerate it."
    )
    first = said(pre, text, "the striker had refused")
    assert (first.speaker_name, first.speaker_kind) == ("Graeme Souness", "person")
    assert said(pre, text, "the club would not").speaker_name == "Graeme Souness"


def test_a_given_name_and_surname_with_a_possessive_the_tagger_took_for_a_firm_is_a_person(pre):
    text = (
        "God cut from film\n\n"
        "The director of the film adaptation of Philip Pullman's His Dark Materials is to "
        "remove references to the church. Some Christian websites attack the trilogy, but "
        "Pullman has denied his books are anti-religious."
    )
    found = said(pre, text, "anti-religious")
    assert (found.speaker_name, found.speaker_kind) == ("Philip Pullman", "person")


def test_a_company_named_like_a_person_with_a_possessive_stays_a_company(pre):
    # "France" is a given name too; the article never writes "Telecom" alone
    text = (
        "Telecom firm upbeat\n\n"
        "France Telecom's new chief executive has set out his plans. The firm said it had "
        "met its main objectives."
    )
    found = said(pre, text, "met its main objectives")
    assert (found.speaker_name, found.speaker_kind) == ("France Telecom", "organization")


def test_a_name_the_article_follows_with_which_is_a_company(pre):
    text = (
        "Retailer loses its chief\n\n"
        "Laura Ashley is parting company with its chief executive. The clothing retailer "
        "said she had resigned for personal reasons.\n\n"
        "Laura Ashley, which floated on the stock market in 1995, said in September that "
        "sales were below expectations."
    )
    first = said(pre, text, "personal reasons")
    assert (first.speaker_name, first.speaker_kind) == ("Laura Ashley", "organization")
    later = said(pre, text, "below expectations")
    assert (later.speaker_name, later.speaker_kind) == ("Laura Ashley", "organization")
    # a person the article gives a title stays one, whatever ", which" follows
    other = (
        "Letter to the president\n\n"
        "President Obama met the governors on Monday. They sent a letter to Obama, which "
        "was first reported last week. Obama said he would reply."
    )
    assert said(pre, other, "would reply").speaker_kind == "person"
