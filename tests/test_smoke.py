def test_quote_fixture_spans(quote):
    assert quote.content_text == "We will hire 200 more teachers by September"
    assert quote.cue_text == "said"
    assert quote.speaker_mention_text == "Mayor Ana Ruiz"
