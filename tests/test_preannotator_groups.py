"""Groups and shares as sources: people named together, parts of a group ("30 percent of
voters", "nine in 10", "many"), several groups joined by "and". Sentences written here."""

import pytest

from annotations.preannotator import Preannotator
from tests.preannotator_helpers import annotate, said, words


@pytest.fixture(scope="module")
def pre() -> Preannotator:
    return Preannotator()


def test_all_of_whom_after_a_list_of_names_is_the_group_named(pre):
    text = (
        "Instead of Rivera, Senator Alan Brooks teamed up with Sens. Carla Diaz (D-Ore.), Tom "
        "Whitfield (D-Ill.) and Nora Patel (R-Ohio), all of whom opposed the original plan, to "
        "introduce the bill.\n\n"
        "Two mayors, both of whom backed the plan last year, said the new rules go too far."
    )
    opposed = said(pre, text, "the original plan")
    backed = said(pre, text, "the plan last year")
    assert (opposed.speaker_name, opposed.speaker_kind) == (
        "Carla Diaz, Tom Whitfield and Nora Patel",
        "group",
    )
    assert words(text, opposed.speaker_antecedent).startswith("Carla Diaz")
    assert (backed.speaker_name, backed.speaker_kind) == ("Mayors", "group")


def test_the_candidates_are_the_group_described_before(pre):
    text = (
        "The Republican presidential candidates debated on Tuesday night in Denver. After the "
        "debate ended, the candidates said that the moderators had been unfair."
    )
    assert said(pre, text, "moderators").speaker_name == "Republican presidential candidates"


def test_who_after_two_groups_joined_by_and_is_both(pre):
    text = (
        "Delegates.\n\n"
        "Clinton leads in superdelegates, the party leaders and elected officials who can "
        "vote for the candidate of their choice at the convention."
    )
    found = said(pre, text, "the candidate of their choice")
    assert (found.speaker_name, found.speaker_kind) == (
        "Party leaders and elected officials",
        "group",
    )


def test_a_share_written_with_a_percent_sign_continues_the_share_before(pre):
    text = (
        "Poll.\n\n"
        "For Trump, a majority of likely voters, 56%, have a negative response to his "
        "prospective nomination, including 18% who say they would be dissatisfied."
    )
    found = said(pre, text, "would be dissatisfied")
    assert (found.speaker_name, found.speaker_kind) == ("Likely voters", "group")


def test_shares_of_two_groups_joined_by_and_speak_for_both(pre):
    text = (
        "Poll.\n\n"
        "Among voters, 28 percent of independents and 12 percent of Democrats said that would "
        "be their reaction."
    )
    found = said(pre, text, "their reaction")
    assert (found.speaker_name, found.speaker_kind) == ("Independents and Democrats", "group")


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "Moderates.\n\nThese Republicans don't revile Planned Parenthood — in fact, many "
            "prefer the women's health group to pro-life groups.",
            "health group",
            "Republicans",
        ),
        (
            "Exit polls.\n\nMore than nine of 10 Republicans in Tennessee and Georgia were "
            "worried about the economy; most said they were very worried.",
            "very worried",
            "Republicans",
        ),
    ],
)
def test_a_bare_many_or_most_is_a_share_of_the_group_the_sentence_is_about(
    pre, text, content, expected
):
    found = said(pre, text, content)
    assert (found.speaker_name, found.speaker_kind) == (expected, "group")


def test_a_bare_some_after_a_clause_that_sets_the_scene_is_not_that_clause_s_subject(pre):
    text = (
        "Donations.\n\n"
        "After dozens of women have come forward to accuse him, some want to know if the "
        "foundation will return the money."
    )
    assert said(pre, text, "return the money").speaker_name != "Women"


def test_parties_joined_by_and_are_one_group(pre):
    text = (
        "Taxes.\n\n"
        "Nearly all congressional Democrats and even some Republicans say the plan would "
        "increase the deficit."
    )
    found = said(pre, text, "increase the deficit")
    assert (found.speaker_name, found.speaker_kind) == ("Democrats and Republicans", "group")


@pytest.mark.parametrize(
    ("sentence", "content", "expected"),
    [
        (
            "Since June 16, when he asked supporters to run for office, at least 21,000 said "
            "they would.",
            "they would",
            None,
        ),
        (
            "On a major issue, nearly two-thirds of Democratic primary voters said the economy "
            "was bad.",
            "the economy was bad",
            "Democratic primary voters",
        ),
    ],
)
def test_a_count_is_no_name_and_a_fraction_speaks_for_its_group(pre, sentence, content, expected):
    text = f"Voters.\n\n{sentence}"
    assert said(pre, text, content).speaker_name == expected


def test_several_after_a_group_as_subject_is_a_share_of_it(pre):
    text = (
        "Sanders.\n\n"
        "Mr. Sanders's supporters showed no sign of backing down on Tuesday. In interviews, "
        "several threatened to disrupt the party's convention in Philadelphia."
    )
    found = said(pre, text, "disrupt the party")
    assert (found.speaker_name, found.speaker_kind) == ("Sanders's supporters", "group")


def test_a_share_after_a_counted_share_of_a_group_speaks_for_the_group(pre):
    text = (
        "Exit polls.\n\n"
        "About four out of 10 voters said life for the next generation would be worse than "
        "life today, while nine in 10 said they thought the economy favors the wealthy."
    )
    found = [p for p in annotate(pre, text) if words(text, p.speaker_mention) == "nine in 10"]
    assert [(p.speaker_name, p.speaker_kind) for p in found] == [("Voters", "group")]


def test_senators_are_not_the_one_senator_an_appositive_named(pre):
    text = (
        "Superdelegates.\n\n"
        "After the primary, the state's Democratic senator, Jeanne Shaheen, had already "
        "endorsed Clinton.\n\n"
        "Some senators who said the rules should change were outvoted. Senators said the "
        "party should take up the matter."
    )
    for content in ("the rules should change", "take up the matter"):
        found = said(pre, text, content)
        assert found.speaker_kind == "group" and "Shaheen" not in found.speaker_name


def test_a_crowd_counted_in_figures_is_a_group_named_with_its_count(pre):
    text = (
        "The union polled its members online last week.\n\n"
        "In all, 1,409 teachers said they wanted to endorse Ana Ruiz, while 95 members "
        "favored Tom Hale.\n\n"
        "Two people familiar with the talks said the deal was close."
    )
    crowd = said(pre, text, "endorse Ana Ruiz")
    assert (crowd.speaker_name, crowd.speaker_kind) == ("1,409 teachers", "group")
    sources = said(pre, text, "deal was close")
    assert sources.speaker_kind == "anonymous"


@pytest.mark.parametrize(
    ("sentence", "content", "expected"),
    [
        (
            "The moderators pressed Donald Trump and Ted Cruz, who has opposed any path to "
            "citizenship, on their plans.",
            "any path to citizenship",
            ("Ted Cruz", "person"),
        ),
        (
            "Voters heard from Marco Rubio and Jeb Bush, who have both backed reform in the past.",
            "reform in the past",
            ("Marco Rubio and Jeb Bush", "group"),
        ),
    ],
)
def test_who_after_people_named_together_agrees_with_its_verb(pre, sentence, content, expected):
    text = f"Immigration.\n\nThe debate turned to immigration.\n\n{sentence}"
    found = said(pre, text, content)
    assert (found.speaker_name, found.speaker_kind) == expected


def test_they_is_the_plural_subject_of_the_clause_that_holds_it(pre):
    text = (
        "Lawsuits.\n\n"
        "Families of the victims sued on Monday.\n\n"
        "Gun manufacturers should be held liable when the court finds they claimed their "
        "rifles were safe for children."
    )
    found = next(p for p in annotate(pre, text) if words(text, p.speaker_mention) == "they")
    assert (found.speaker_name, found.speaker_kind) == ("Gun manufacturers", "group")
    assert words(text, found.speaker_antecedent) == "Gun manufacturers"


def test_they_is_not_a_thing_that_is_the_subject(pre):
    text = (
        "Schlafly.\n\n"
        "Christians rallied in Springfield.\n\n"
        "Mrs. Schlafly's pronouncements drove her antagonists to distraction, though they "
        "suspected that her biting language was calculated."
    )
    found = said(pre, text, "biting language")
    assert found.speaker_name != "Mrs. Schlafly's pronouncements"
    assert "pronouncements" not in (found.speaker_name or "")


def test_they_opening_a_sentence_is_the_plural_subject_of_the_sentence_before(pre):
    text = (
        "Taxes.\n\n"
        "People want simpler taxes, and she hasn't outlined a plan to overhaul them.\n\n"
        "Republican leaders in the House and Senate have made overhauling corporate taxes a "
        "major goal. But they disagree on when and how to move forward."
    )
    found = said(pre, text, "how to move forward")
    assert words(text, found.speaker_mention) == "they"
    assert (found.speaker_name, found.speaker_kind) == ("Republican leaders", "group")


def test_they_in_what_someone_told_a_group_is_that_group(pre):
    text = (
        "Rally.\n\n"
        "Donald J. Trump spoke in Ohio. ''People are looking for a message of hope,'' she "
        "added.\n\n"
        "Mr. Trump has told his supporters that they should respond by suggesting that "
        "reporters who raise questions about his statements are racists."
    )
    found = next(p for p in annotate(pre, text) if words(text, p.speaker_mention) == "they")
    assert (found.speaker_name, found.speaker_kind) == ("Donald J. Trump's supporters", "group")


def test_they_after_a_chain_of_they_is_the_group_the_chain_began_with(pre):
    text = (
        "Awards.\n\n"
        "Black women of all ages sat together to celebrate the anniversary of the "
        "organization. They watched as the host led an evening of performances from stars "
        "like Brandy, Monica and Lauryn Hill. They also applauded strong messages of "
        "empowerment from influential women."
    )
    found = said(pre, text, "strong messages of empowerment")
    assert words(text, found.speaker_mention) == "They"
    assert (found.speaker_name, found.speaker_kind) == ("Black women", "group")


def test_the_candidates_is_the_group_described_paragraphs_before(pre):
    text = (
        "Dems react to GOP debate.\n\n"
        "The Republican presidential candidates debated on Tuesday night, and the Democrats "
        "were having none of it.\n\n"
        "Sanders repeated his tradition of tweeting about the debates.\n\n"
        "Clinton reached out to Spanish-speaking voters.\n\n"
        "After the candidates unanimously opposed an increase to the federal minimum wage, "
        "O'Malley reminded viewers that he doesn't:\n\n"
        "And Clinton said that she was proud."
    )
    found = said(pre, text, "an increase to the federal minimum wage")
    assert (found.speaker_name, found.speaker_kind) == (
        "Republican presidential candidates",
        "group",
    )


def test_who_after_a_plural_nationality_is_that_group(pre):
    text = (
        "Immigration.\n\n"
        "Senator Tom Hale distanced himself from the bill. This angered Hispanics who viewed "
        "it as an attempt to placate the base."
    )
    found = said(pre, text, "an attempt to placate")
    assert (found.speaker_name, found.speaker_kind) == ("Hispanics", "group")


def test_they_after_a_person_and_others_is_all_of_them(pre):
    text = (
        "Unions.\n\n"
        "Mary Kay Henry, the union's president, said the candidate would not win over her "
        "members.\n\n"
        "Ms. Henry and other labor leaders remain confident that they can keep their members "
        "in the fold. But they also see the candidate as posing particular risks."
    )
    found = said(pre, text, "particular risks")
    assert (found.speaker_name, found.speaker_kind) == (
        "Mary Kay Henry and other labor leaders",
        "group",
    )


def test_who_after_those_is_the_group_its_clause_describes(pre):
    text = "Ruiz won the city.\n\nAmong those who want new roads, most support Ruiz."
    quote = said(pre, text, "new roads")
    assert (quote.speaker_name, quote.speaker_kind) == ("Those who want new roads", "group")


def test_they_is_not_the_people_its_own_clause_names(pre):
    text = (
        "Rivals.\n\n"
        "Tony Blair and Gordon Brown are trying to end their feud.\n\n"
        "Along with several senior cabinet colleagues, they are insisting their only job is "
        "to win the election."
    )
    found = said(pre, text, "their only job")
    assert (found.speaker_name, found.speaker_kind) == ("Tony Blair and Gordon Brown", "group")


def test_a_bare_noun_and_a_titled_name_are_one_person_not_a_group(pre):
    text = (
        "Reggae\n\n"
        "The album was pulled from shops, said media and PR strategist Glen Yardley, who "
        "represents the label."
    )
    found = said(pre, text, "pulled from shops")
    assert (found.speaker_name, found.speaker_kind) == ("Glen Yardley", "person")


def test_two_organizations_with_abbreviations_are_one_group(pre):
    text = (
        "Rules\n\n"
        "Deposits must be returned within ten days, said a leaflet published by the Tenancy "
        "Deposit Service (TDS) and the Housing Ombudsman Office (HOO)."
    )
    found = said(pre, text, "returned within ten days")
    assert (found.speaker_name, found.speaker_kind) == (
        "Tenancy Deposit Service and Housing Ombudsman Office",
        "group",
    )


def test_a_share_with_no_of_is_of_the_group_the_share_before_was_of(pre):
    text = (
        "Gadgets\n\n"
        "Only 25% of Britons said a camera would be their top purchase. Almost a quarter, 22%, "
        "said they would buy a wireless device. Forty-four percent said they would buy "
        "something else."
    )
    found = said(pre, text, "something else")
    assert (found.speaker_name, found.speaker_kind) == ("Britons", "group")
    assert words(text, found.speaker_antecedent) == "Only 25% of Britons"


def test_police_a_participle_describes_are_a_source(pre):
    text = "Game row\n\nPolice investigating the case said the game played no part."
    found = said(pre, text, "played no part")
    assert found.speaker_kind == "group"
    assert found.speaker_name.startswith("Police")


def test_the_firms_are_the_organizations_listed_together_before_never_one_of_them(pre):
    text = (
        "Chip makers join forces\n\n"
        "Shares of Northwind Systems (NWS), and Calder Electronics rose on talk of a merger. "
        "Business daily Riverton Ledger reported that the firms would join up next year.\n\n"
        "The firms denied that they were about to merge. The two companies said they were "
        "only talking about sharing factories."
    )
    for content in ("about to merge", "sharing factories"):
        found = said(pre, text, content)
        assert (found.speaker_name, found.speaker_kind) == (
            "Northwind Systems and Calder Electronics",
            "group",
        )
        assert words(text, found.speaker_antecedent).startswith("Northwind Systems")
    assert said(pre, text, "would join up").speaker_name == "Riverton Ledger"


def test_an_industry_or_the_press_speaks_as_a_group(pre):
    text = (
        "Dam builder defies order\n\n"
        "The builder is refusing to stop work on the dam, the Chinese state press has said. "
        "Media reports said the order would be enforced.\n\n"
        'Norway\'s fishing industry said the ban was "a disaster". The salmon industry has '
        "complained for years, but the industry said on Monday that exports rose."
    )
    press = said(pre, text, "refusing to stop work")
    assert (press.speaker_name, press.speaker_kind) == ("Chinese state press", "group")
    assert said(pre, text, "would be enforced").speaker_name != "Media"
    industry = said(pre, text, "the ban was")
    assert (industry.speaker_name, industry.speaker_kind) == ("Norway's fishing industry", "group")
    again = said(pre, text, "exports rose")
    assert (again.speaker_name, again.speaker_kind) == ("Salmon industry", "group")
    assert words(text, again.speaker_antecedent) == "salmon industry"


def test_who_after_people_a_plural_noun_introduces_is_all_of_them(pre):
    text = (
        "Band wins over students\n\n"
        "Less impressed were fellow students Ryan Crabbe and Gordon Rennie, who observed, "
        '"The band has progressed, but they are still not very inspiring."'
    )
    found = said(pre, text, "still not very inspiring")
    assert (found.speaker_name, found.speaker_kind) == ("Ryan Crabbe and Gordon Rennie", "group")


def test_fans_of_a_person_are_a_group_not_that_person(pre):
    text = "Crowds cheer star\n\nFans of Hillary Clinton said the speech was the best of the night."
    found = said(pre, text, "the best of the night")
    assert (found.speaker_name, found.speaker_kind) == ("Fans of Hillary Clinton", "group")


def test_an_average_share_and_who_after_a_share_are_the_group_named_before(pre):
    text = (
        "Poll shows gloom\n\n"
        "In percentage terms, an average of 44% of respondents in each country said the world "
        "economy was getting worse, compared to 34% who said it was improving."
    )
    average = said(pre, text, "getting worse")
    assert (average.speaker_name, average.speaker_kind) == ("Respondents in each country", "group")
    [who] = [p for p in annotate(pre, text) if words(text, p.speaker_mention) == "who"]
    assert (who.speaker_name, who.speaker_kind) == ("Respondents in each country", "group")
    assert words(text, who.speaker_antecedent) == "respondents in each country"


def test_who_after_people_in_a_place_is_the_people_not_the_place(pre):
    text = (
        "Poll shows gloom\n\n"
        "A majority in 13 countries believed the economy was going downhill, compared with "
        "respondents in nine countries who believed it was improving."
    )
    [who] = [p for p in annotate(pre, text) if words(text, p.speaker_mention) == "who"]
    assert (who.speaker_name, who.speaker_kind) == ("Respondents", "group")
    assert words(text, who.speaker_antecedent) == "respondents"
