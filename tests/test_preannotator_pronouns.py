"""Pronouns and possessives: what the sentence itself says about whom "he", "his", "it" and
"someone" stand for. Sentences written here."""

import pytest

from annotations.preannotator import Preannotator
from tests.preannotator_helpers import annotate, said, words


@pytest.fixture(scope="module")
def pre() -> Preannotator:
    return Preannotator()


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("his spokesman said on Monday.", ("Bernie Sanders's spokesman", "anonymous")),
        ("according to his campaign.", ("Bernie Sanders's campaign", "organization")),
    ],
)
def test_his_in_the_mention_is_the_person_the_content_is_about(pre, tail, expected):
    text = (
        "Debate plans.\n\n"
        'Bernie Sanders spent the week in Ohio. "We are ready," said Marc Elias, the lawyer '
        "for the campaign.\n\n"
        f"Sanders will not attend the debate, {tail}"
    )
    found = said(pre, text, "will not attend")
    assert (found.speaker_name, found.speaker_kind) == expected
    # the explanation points where the owner was named before the quote
    assert words(text, found.speaker_antecedent) == "Bernie Sanders"


def test_the_owner_of_a_spokesman_is_not_the_spokesman_named_before(pre):
    text = (
        "Rep. Trey Gowdy's office slammed the lawsuit.\n\n"
        '"The committee did not retaliate," Gowdy spokesman Jamal Ware said. "It never has," '
        "Ware added.\n\n"
        "The congressman's spokesman also pointed out that the committee employs veterans."
    )
    assert "Jamal Ware" not in (said(pre, text, "employs veterans").speaker_name or "")


def test_he_is_not_the_person_a_relative_pronoun_object_stands_for(pre):
    text = (
        "Column.\n\n"
        "Columnist George Will wrote an op-ed this week.\n\n"
        "Instead, Will called for Republicans to throw their support behind Chris Christie, "
        "whom he describes as having \"a prosecutor's bearing and a governor's executive "
        'temperament."'
    )
    assert said(pre, text, "a prosecutor's bearing").speaker_name == "George Will"


def test_the_source_of_a_relative_clause_does_not_become_the_current_speaker(pre):
    text = (
        "Schlafly.\n\n"
        "Her son John Schlafly defended his mother and refused to repudiate Republican "
        'politicians, like Pat Robertson, who had condemned homosexuality. "Family values '
        'people are not out to bash gays," he said.'
    )
    assert said(pre, text, "Family values").speaker_name == "John Schlafly"


def test_a_description_of_the_one_person_with_that_role_is_as_salient_as_the_name(pre):
    text = (
        "American admiral rattles Beijing.\n\n"
        "Adm. Harry B. Harris Jr., who leads the Pacific Command, makes no apologies.\n\n"
        "The chairman of the Joint Chiefs of Staff, Gen. Joseph F. Dunford Jr., recently asked "
        "Admiral Harris just that question. In a conversation overheard by a reporter, the "
        "admiral's answer was indistinct. Asked later, the admiral chuckled.\n\n"
        '"It is good that my voice is low," he said.'
    )
    found = said(pre, text, "my voice is low")
    assert found.speaker_name == "Harry B. Harris Jr."
    assert words(text, found.speaker_antecedent) == "Harry B. Harris Jr."


def test_the_one_who_asked_a_question_is_not_the_one_a_description_says_answered(pre):
    text = (
        "Sanders.\n\n"
        "When Borger brought up the fact that he has no backing from his Senate colleagues, "
        'Bernie Sanders drew a distinction. "It tells you that one of us is a candidate of the '
        'establishment," Sanders remarked.\n\n'
        '"That would be you?" Gloria Borger asked.\n\n'
        '"That would be me, yes. I think that\'s probably right," the senator said.'
    )
    assert said(pre, text, "That would be me").speaker_name == "Bernie Sanders"


def test_it_after_a_subject_describing_an_organization_is_that_organization(pre):
    text = (
        "Campaign.\n\n"
        "Hillary Clinton won in Nevada. The Clinton campaign is now braced for a fight it "
        "expects to last into the spring."
    )
    assert said(pre, text, "last into the spring").speaker_name == "Clinton campaign"


def test_it_after_a_sentence_about_an_organization_is_that_organization(pre):
    # the subject of the sentence before, in its own words (not "... and its co-founder")
    text = (
        "Abortion.\n\n"
        "Tom Hale said the law should change. Hale's campaign quickly backtracked, putting out "
        'a statement. In cases of abortion, it said, "the woman is a victim."'
    )
    found = said(pre, text, "the woman is a victim")
    assert (found.speaker_name, found.speaker_kind) == ("Hale's campaign", "organization")
    joined = (
        "Supplements.\n\n"
        "The company and its co-founder agreed to a settlement. It said it did nothing wrong."
    )
    found = said(pre, joined, "did nothing wrong")
    assert (found.speaker_name, found.speaker_kind) == ("Company", "organization")


def test_someone_is_an_anonymous_source(pre):
    text = "Mexico.\n\nLooks like someone told Trump that without the Latino vote he is dead."
    found = said(pre, text, "without the Latino vote")
    assert (found.speaker_name, found.speaker_kind) == ("Someone", "anonymous")


def test_a_transcript_turn_is_its_labels_and_she_in_it_is_someone_else(pre):
    text = (
        "Interview.\n\n"
        "On Sunday, Gov. Tom Hale spoke with the host of a morning show.\n\n"
        "Partial transcript as follows:\n\n"
        "BAKER: Let's start with the debate. The mayor invited Nora Ortiz to sit in the front "
        "row. And she has accepted that invitation.\n\n"
        "HALE: Well, look, I think the mayor is trying to distract attention from the issues."
    )
    found = {words(text, p.speaker_mention): p.speaker_name for p in annotate(pre, text)}
    assert found["BAKER"] == "Baker"  # the label, as "I" in the turn would be
    assert found["HALE"] == "Tom Hale"
    assert found["she"] == "Nora Ortiz"


def test_a_pronoun_in_a_phrase_before_the_subject_is_that_subject(pre):
    text = (
        "Summit.\n\n"
        "Donald Trump was not at the summit, but his presence hung over it. Trump was in "
        "Maine on Wednesday.\n\n"
        'In what he acknowledged as a news conference-ending "rant," President Obama took a '
        "whack at Trump's populist credentials."
    )
    found = said(pre, text, "rant")
    assert (found.speaker_name, found.speaker_kind) == ("Obama", "person")


def test_he_in_a_clause_hanging_on_a_persons_words_is_that_person(pre):
    text = (
        "Jeb Bush, helped by George, goes after Ridley.\n\n"
        "Jeb Bush, facing pressure in South Carolina, on Monday brought his older brother, "
        "George W. Bush, to vouch for his judgment here.\n\n"
        "''Labels are for soup cans,'' the former president told a crowd at a civic center "
        "here.\n\n"
        "Mr. Bush also praised his younger brother's ''deep and genuine faith,'' he said.\n\n"
        "The former president spoke hours after Mr. Ridley, who has been leading in polls "
        "here, held a news conference nearby in which he continued his assault on Mr. Bush, "
        "mocking his famous ''Mission Accomplished'' appearance during the Iraq war and "
        "pointedly saying the country was not ''safe'' during the president's tenure."
    )
    found = said(pre, text, "the country was not")
    assert words(text, found.speaker_mention) == "he"
    assert (found.speaker_name, found.speaker_kind) == ("Ridley", "person")


def test_sources_are_read_in_the_order_the_article_names_them(pre):
    # "he" is in a clause under "the President did not know", and "the President" is the
    # source of another attribution, named before "he" (sources are read in the order the
    # article names them): he is the President, not Hale, whose words these are
    text = (
        "Trade talks stall.\n\n"
        'President Carlos Ruiz visited London on Friday. "You will be at the back of the '
        'queue," he warned.\n\n'
        "Party leader Tom Hale said the warning was indicative that the President did not know "
        "what he was talking about, and accused Number 10 Downing Street of putting words in "
        "the President's mouth."
    )
    found = [p for p in annotate(pre, text) if words(text, p.speaker_mention) == "he"]
    assert [p.speaker_name for p in found] == ["Carlos Ruiz", "Carlos Ruiz"]


LEDE = (
    "Claims.\n\n"
    "A woman who has accused former Mayor Tom Hale of fraud said Sunday that Hale tried to "
    "hire her weeks later. She also described a meeting with his deputy that she took as "
    "a warning.\n\n"
)


def test_she_after_a_lede_woman_is_the_woman_the_next_lines_name(pre):
    text = LEDE + "Jane Ortega, who worked for the city, recounted the meeting on the radio."
    found = said(pre, text, "a meeting with his deputy")
    assert (found.speaker_name, found.speaker_kind) == ("Jane Ortega", "person")
    assert words(text, found.speaker_antecedent) == "Jane Ortega"
    # and so is the woman who said it first
    assert said(pre, text, "tried to hire her").speaker_name == "Jane Ortega"


def test_she_after_a_woman_never_named_is_that_woman(pre):
    text = LEDE + "The city has not answered the claims."
    found = said(pre, text, "a meeting with his deputy")
    assert (found.speaker_name, found.speaker_kind) == ("Woman", "anonymous")


def test_a_lede_woman_is_not_the_man_the_next_lines_name(pre):
    text = LEDE + "Carlos Ortega, who worked for the city, recounted the meeting on the radio."
    found = said(pre, text, "a meeting with his deputy")
    assert found.speaker_name != "Carlos Ortega"


def test_a_spokesman_is_not_the_person_named_next(pre):
    text = (
        "Mergers.\n\n"
        "A Treasury spokesman said the agency does not comment on specific deals.\n\n"
        "Treasury Secretary Jacob Hale has said the rules will stop such deals."
    )
    found = said(pre, text, "does not comment")
    assert found.speaker_name != "Jacob Hale"


def test_a_new_paragraph_names_the_one_person_he_can_be(pre):
    text = (
        "Barbs.\n\n"
        'Tom Hale offered a retort on Monday, tweeting, "You are a loser and a liar."\n\n'
        "The other side was hardly calm as Ana Ruiz sharpened her knife to bloody Carlos "
        "Diaz. He has said Ruiz is too close to the banks."
    )
    found = said(pre, text, "too close to the banks")
    assert found.speaker_name == "Carlos Diaz"
    assert words(text, found.speaker_antecedent) == "Carlos Diaz"


def test_she_is_the_woman_named_in_the_sentence_not_a_subject_of_unknown_gender(pre):
    text = (
        "Gov. Chris Holt described Hillary Clinton as a “disgrace” after she attacked police"
        " officers nationwide and blamed shootings on bias."
    )
    quote = said(pre, text, "police officers nationwide")
    assert quote.speaker_name == "Hillary Clinton"


def test_he_is_not_the_person_his_own_quote_names_as_its_subject(pre):
    text = (
        "Museum shows pop art\n\n"
        "For Tom Hale, a teacher at the college, Roy Lichtenstein was a hero. He said, "
        '"Roy Lichtenstein was the greatest painter of his time. He changed everything."'
    )
    found = said(pre, text, "greatest painter")
    assert found.speaker_name == "Tom Hale"


def test_he_may_name_himself_inside_a_clause_of_his_quote(pre):
    text = (
        "Sanders stays in the race\n\n"
        "Bernie Sanders spoke for an hour in Ohio on Monday.\n\n"
        '"The pundits keep telling us that Bernie Sanders should drop out of the race," he said.'
    )
    found = said(pre, text, "pundits keep telling")
    assert found.speaker_name == "Bernie Sanders"


def test_a_name_that_only_modifies_a_noun_is_not_whom_he_stands_for(pre):
    text = (
        "Hackers fight the church\n\n"
        "In a blog post by Tom Hale, the church is said to want the Tom Cruise video taken "
        "off the web, where the Cruise video is still seen by millions. He described the "
        'fight as "another small skirmish in a very long war."'
    )
    found = said(pre, text, "another small skirmish")
    assert found.speaker_name == "Tom Hale"


def test_a_headline_name_before_a_noun_is_still_whom_she_stands_for(pre):
    text = (
        "Clinton gun-control offensive a preview of her Southern strategy\n\n"
        "She points to the Senate votes of her rival, saying the votes were a mistake."
    )
    found = said(pre, text, "the votes were a mistake")
    assert found.speaker_name == "Clinton"


def test_they_added_goes_on_with_the_organization_that_spoke(pre):
    text = (
        "Border rules tightened\n\n"
        "From Tuesday, travellers must present a negative test, the Ministry of Foreign "
        "Affairs announced.\n\n"
        "They added that only passengers with such a certificate will be allowed in."
    )
    found = said(pre, text, "only passengers")
    assert (found.speaker_name, found.speaker_kind) == (
        "Ministry of Foreign Affairs",
        "organization",
    )
    assert words(text, found.speaker_antecedent) == "the Ministry of Foreign Affairs"


def test_i_in_a_headline_that_names_its_speaker_is_that_speaker(pre):
    text = (
        "Keegan: I support statehood for the islands\n\n"
        "Tom Keegan wants to see the islands become a state."
    )
    found = [p for p in annotate(pre, text) if words(text, p.speaker_mention) == "I"]
    assert found and found[0].speaker_name == "Tom Keegan"


def test_it_added_goes_on_with_the_organization_that_spoke_not_the_outlet(pre):
    text = (
        "Cases fall\n\n"
        "Ardenia's Health Ministry has registered 1,686 new infections, the lowest tally in a "
        "year.\n\n"
        "According to Press TV, the Ministry announced on Saturday that 58 people died.\n\n"
        "It added that six million people in the country have contracted the disease."
    )
    found = said(pre, text, "six million people")
    assert (found.speaker_name, found.speaker_kind) == ("Ardenia's Health Ministry", "organization")


def test_i_outside_quotation_marks_right_after_a_speaker_is_that_speaker(pre):
    # a quote whose marks the text lost, between two of the sergeant's quotes
    text = (
        "Road closed after crash\n\n"
        "A pedestrian was hurt on Broad Street on Friday. Police are appealing for "
        'witnesses. Sergeant Lee Walkers said: "Our enquiries are ongoing." I would also '
        'urge anyone with dash-cam footage to contact us. "Anyone who can help should '
        'call 101."'
    )
    # (the quote before is his, introduced by "said:", and does not take in these words)
    assert words(text, said(pre, text, "Our enquiries").content) == "Our enquiries are ongoing."
    found = said(pre, text, "dash-cam footage")
    assert words(text, found.speaker_mention) == "I"
    assert (found.speaker_name, found.speaker_kind) == ("Lee Walkers", "person")
    assert words(text, found.speaker_antecedent) == "Sergeant Lee Walkers"


def test_we_outside_quotation_marks_in_a_speakers_paragraph_is_that_speaker(pre):
    text = (
        "Governor wants a border plan\n\n"
        'Colorado Gov. Jared Polis said the issue "came up" at the White House. We did have '
        "the secretary there for part of it. We hope they have a plan."
    )
    found = said(pre, text, "they have a plan")
    assert (found.speaker_name, found.speaker_kind) == ("Jared Polis", "person")


def test_i_of_a_writer_who_speaks_in_the_first_person_stays_the_writers(pre):
    text = (
        "I asked nurses how they rest\n\n"
        "In our busy lives, we are always tired. I asked ten nurses the same question. "
        'Nurse Dana Holt said: "Sleep comes first." I think she is right.'
    )
    found = said(pre, text, "she is right")
    assert found.speaker_name is None


def test_a_person_she_stood_for_is_not_the_next_he(pre):
    # nothing else says Quilla Bram's gender: "she says" does, so "he" is Marco Lind
    text = (
        "Ward notes\n\n"
        'Nurse Quilla Bram leads the ward. "We are not carrying the weight of the world," '
        "she says.\n\n"
        'Rest matters to Marco Lind, a sleep researcher. "I feel it when I am tired," he says.'
    )
    found = said(pre, text, "I feel it")
    assert (found.speaker_name, found.speaker_kind) == ("Marco Lind", "person")


def test_actor_says_nothing_of_gender_ms_does(pre):
    text = (
        "Actor cleared of fraud\n\n"
        "Prosecutors cleared actor Q'orianka Kilcher of all charges, saying the court "
        '"determined that Ms. Kilcher did not commit fraud." Her lawyer Camille Vasquez '
        "welcomed the decision.\n\n"
        '"Today, I am beyond grateful that my case has been dismissed," Kilcher said in a '
        'statement. She added that she looks forward to "continuing to do the work I love."'
    )
    found = said(pre, text, "looks forward")
    assert (found.speaker_name, found.speaker_kind) == ("Q'orianka Kilcher", "person")


def test_it_after_a_document_that_spoke_is_its_author(pre):
    text = (
        "Targets missed.\n\n"
        "Ms Halvorsen was asked by the ministry in May to review the scheme. The scheme "
        'risks becoming "a byword for waste", her review said.\n\n'
        "Nothing less than public trust in the scheme is at stake, it said."
    )
    found = said(pre, text, "public trust in the scheme")
    assert found.speaker_name == "Halvorsen"
    assert words(text, found.speaker_antecedent) == "Ms Halvorsen"


def test_it_after_a_document_that_recommends_is_its_author(pre):
    text = (
        "Targets missed.\n\n"
        '"The plan tries to do everything," the Halvorsen review said. That is why the '
        "Halvorsen review recommends that the targets be cut to ten. It also recommends that "
        "the ministry publish a yearly league table."
    )
    assert said(pre, text, "publish a yearly league table").speaker_name == "Halvorsen"


def test_it_is_the_document_the_reported_words_before_are_about(pre):
    text = (
        "Targets missed.\n\n"
        "Ingrid Halvorsen was asked by the ministry in May to review the scheme.\n\n"
        "Some economists believe that the Halvorsen review does not go far enough. For "
        "example, it recommends paying councils to build more homes. But it does not say "
        "how councils should find the land."
    )
    assert said(pre, text, "paying councils").speaker_name == "Ingrid Halvorsen"
    assert said(pre, text, "how councils should find").speaker_name == "Ingrid Halvorsen"


def test_it_after_another_subject_is_not_the_author_of_a_study_before(pre):
    text = (
        "Carbon tax.\n\n"
        "The levy cut emissions by 10 percent, according to a study by economists at Lakeside "
        "University.\n\n"
        "The levy made petrol dearer. It encouraged people to drive less."
    )
    found = [p for p in annotate(pre, text) if "drive less" in words(text, p.content)]
    assert all("economists" not in (p.speaker_name or "").lower() for p in found)


def test_she_after_an_unnamed_spokeswoman_is_that_spokeswoman(pre):
    text = (
        "Leak denied.\n\n"
        "Jane Fowler of the betting firm said the leak was real.\n\n"
        'The show\'s spokeswoman said: "Only a handful of people know the results. "We are '
        'satisfied that the rules work," she added.'
    )
    found = said(pre, text, "rules work")
    assert (found.speaker_name, found.speaker_kind) == ("Show's spokeswoman", "anonymous")
    assert words(text, found.speaker_antecedent) == "The show's spokeswoman"


def test_he_after_an_unnamed_source_of_no_gender_is_that_source(pre):
    text = (
        "Car makers.\n\n"
        "GM Europe president Carl-Peter Forster said the car would not be sold in the US.\n\n"
        'Not everyone agrees. "The dollar will be stronger," the chief executive of a leading '
        'European car maker told BBC News. The trend towards US production was "stupid", he '
        "said."
    )
    found = said(pre, text, "trend towards US production")
    assert found.speaker_kind == "anonymous"
    assert found.speaker_name.lower().startswith("chief executive")


def test_he_after_a_surname_with_a_title_the_tagger_missed(pre):
    text = (
        "Obituary.\n\n"
        "Former prime minister Lord Callaghan has died. Chancellor Gordon Brown said Jim "
        'Callaghan would be missed. "He was a decent man," said Charles Kennedy.\n\n'
        "Born in 1912 and educated at Portsmouth Northern Secondary School, Lord Callaghan "
        'became a clerk. In 1968, he said: "I am not going to resign."'
    )
    assert said(pre, text, "not going to resign").speaker_name == "Jim Callaghan"


def test_he_opening_a_paragraph_goes_on_from_a_spokesman_quoted_in_the_one_before(pre):
    text = (
        "Troops on standby\n\n"
        "Downing Street has confirmed British troops are on standby.\n\n"
        "Prime Minister Tony Blair's official spokesman said: \"There are British nationals "
        "there, but that's all I can say at this stage.\"\n\n"
        "He added the situation would be monitored carefully."
    )
    added = said(pre, text, "monitored carefully")
    assert (added.speaker_name, added.speaker_kind) == (
        "Tony Blair's official spokesman",
        "anonymous",
    )
    assert words(text, added.speaker_antecedent).endswith("official spokesman")


def test_he_opening_a_paragraph_after_someone_named_later_is_not_the_spokesman(pre):
    text = (
        "Troops on standby\n\n"
        'A Downing Street spokesman said: "We are making the usual plans."\n\n'
        "Tory leader Michael Howard said the plans came too late.\n\n"
        "He added the situation had been ignored for weeks."
    )
    assert said(pre, text, "ignored for weeks").speaker_name == "Michael Howard"


def test_it_after_according_to_an_organization_is_that_organization(pre):
    text = (
        "Microsoft gets the blogging bug\n\n"
        "Software giant Microsoft is taking the plunge into the world of blogging. It is "
        "launching a service called MSN Spaces.\n\n"
        "This is Microsoft's first foray into blogging. According to blog analysis firm "
        "Technorati, the so-called blogosphere has doubled every five months. It now estimates "
        "that the number of blogs has passed four million."
    )
    found = said(pre, text, "passed four million")
    assert (found.speaker_name, found.speaker_kind) == ("Technorati", "organization")
    assert words(text, found.speaker_antecedent) == "Technorati"


def test_it_after_an_organization_quoted_in_the_sentence_before_is_that_organization(pre):
    text = (
        "Banks\n\n"
        "Hallmark Bank has raised its rates twice this year.\n\n"
        "Prices will keep rising, the Office for National Statistics said on Monday. It also "
        "said that wages fell in May."
    )
    found = said(pre, text, "wages fell in May")
    assert found.speaker_name == "Office for National Statistics"


def test_who_right_after_a_titled_name_is_that_person_however_the_list_is_parsed(pre):
    text = (
        "Game warnings\n\n"
        "Her call was backed by Culture, Media and Sport Secretary Tessa Jowell who said: "
        '"You would not let your child watch that film."'
    )
    found = said(pre, text, "watch that film")
    assert (found.speaker_name, found.speaker_kind) == ("Tessa Jowell", "person")
    assert words(text, found.speaker_antecedent) == "Tessa Jowell"


def test_it_is_the_company_its_paragraph_is_about_not_a_paper_that_spoke_before(pre):
    text = (
        "Dam builder defies order\n\n"
        "The Harlow Power Corporation is refusing to stop work on its new dam, the Riverton "
        "Ledger said. The Riverton Ledger said the firm may instead choose to pay a fine.\n\n"
        "The Harlow Power Corporation could now face a fine of up to $24,000. Last week, it "
        "denied that its projects broke the rules."
    )
    it = said(pre, text, "its projects broke")
    assert (it.speaker_name, it.speaker_kind) == ("Harlow Power Corporation", "organization")
    assert it.speaker_antecedent[0] == text.index("The Harlow Power Corporation could")


def test_a_baroness_is_the_woman_named_in_full_before(pre):
    text = (
        "Peer calls for Lords speaker\n\n"
        "Betty Boothroyd has said the House of Lords needs its own Speaker. Baroness "
        "Boothroyd, who was the first woman to be Commons Speaker, said reform had no clear "
        'aim. "We have to take care of it ourselves," she said.'
    )
    for content in ("reform had no clear aim", "take care of it"):
        found = said(pre, text, content)
        assert (found.speaker_name, found.speaker_kind) == ("Betty Boothroyd", "person")
