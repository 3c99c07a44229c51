"""Quote extraction: which spans are quotes, their pieces, offsets and kind."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution import QuoteKind, article_from_text
from attribution.extract import pair_quote_marks, paragraph_spans
from attribution.extract.attribution import link_statements

D, P, T = QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.TERM


def quotes_of(text: str) -> list[tuple[str, QuoteKind]]:
    return [(q.text, q.kind) for q in article_from_text(text).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "\u201cWe will rebuild the bridge,\u201d Mayor Ana Ruiz said.",
            [("We will rebuild the bridge,", D)],
            id="curly",
        ),
        pytest.param(
            '"We will rebuild the bridge," Mayor Ana Ruiz said.',
            [("We will rebuild the bridge,", D)],
            id="straight",
        ),
        pytest.param(
            "\u00abNous reconstruirons le pont\u00bb, a dit la maire.",
            [("Nous reconstruirons le pont", D)],
            id="guillemets",
        ),
        pytest.param(
            "Die B\u00fcrgermeisterin sagte: \u201eWir bauen die Br\u00fccke wieder auf.\u201c",
            [("Wir bauen die Br\u00fccke wieder auf.", D)],
            id="german-low-high",
        ),
        pytest.param(
            "\u2018We will rebuild the bridge,\u2019 the mayor told reporters on Monday.",
            [("We will rebuild the bridge,", D)],
            id="british-single",
        ),
        pytest.param(
            "The mayor said \u201dthe bridge will open in May.\u201d",
            [("the bridge will open in May.", P)],
            id="wrong-direction-opening",
        ),
        pytest.param(
            "\u201cWe are ready,\u201c the coach said, and the team agreed.",
            [("We are ready,", D)],
            id="wrong-direction-closing",
        ),
        pytest.param(
            '\u201cWe are ready," the coach said. "Are you?\u201d',
            [("We are ready,", D), ("Are you?", D)],
            id="mixed-marks-split",
        ),
        pytest.param(
            "\u201cHe told me, \u2018Leave now,\u2019 and I did,\u201d Hill said.",
            [("He told me, \u2018Leave now,\u2019 and I did,", D), ("Leave now,", D)],
            id="nested-single-in-double",
        ),
        pytest.param(
            "The airline\u2019s chief said it\u2019s a \u201990s rock \u2019n\u2019 roll plan.",
            [],
            id="apostrophes-only",
        ),
        pytest.param(
            "Rates rose in Iraq\u2018s north and the students\u2019 union objected.",
            [],
            id="apostrophe-typed-as-opening-mark",
        ),
        pytest.param(
            "It was decided to reorganize Iraq\n\n\u2018s military relationship with the U.S.",
            [],
            id="apostrophe-after-stray-line-break",
        ),
        pytest.param(
            "The storm knocked out power to 12,000 homes, the utility said on Tuesday.",
            [],
            id="no-quotes",
        ),
        pytest.param(
            "The team lost 6'2\" center Ray Dunn to injury.",
            [],
            id="inch-marks-are-not-quotes",
        ),
        pytest.param(
            "Petersen said they would start \u201cwith the worst 40\u201d soon.",
            [("with the worst 40", P)],
            id="a-curly-mark-after-a-digit-closes-a-quote",
        ),
        pytest.param(
            "\u201cWe are not leaving,\u201d she said, \u201cuntil the budget is fixed.\u201d",
            [("We are not leaving,", D), ("until the budget is fixed.", D)],
            id="split-around-attribution",
        ),
        pytest.param(
            "\u201cThe gas tax is off the table,\u201d Petersen said. \u201cIt is a conversation "
            "for next year.\u201d",
            [("The gas tax is off the table,", D), ("It is a conversation for next year.", D)],
            id="split-across-sentences",
        ),
        pytest.param(
            "Protesters said the vote was a \u201clast chance\u201d for reform.",
            [("last chance", P)],
            id="partial-in-reporters-sentence",
        ),
        pytest.param(
            "Ortiz called the plan \u201ca shell game\u201d on Tuesday.",
            [("a shell game", P)],
            id="partial-after-framing-verb",
        ),
        pytest.param(
            "She added that \u201cthe gas tax is a conversation for next year.\u201d",
            [("the gas tax is a conversation for next year.", P)],
            id="partial-after-that",
        ),
        pytest.param(
            "Critics mocked the so-called \u201cpeace dividend\u201d in the budget.",
            [("peace dividend", T)],
            id="term-so-called",
        ),
        pytest.param(
            "He appeared on \u201cMorning Joe\u201d to talk about the race.",
            [("Morning Joe", T)],
            id="term-show-title",
        ),
        pytest.param(
            "The \u201cexperts\u201d were wrong about the flood again.",
            [("experts", T)],
            id="term-scare-quotes",
        ),
        pytest.param(
            "\u201cNo. Never.\u201d That was all the senator would say.",
            [("No. Never.", D)],
            id="sentence-splitter-cannot-cut-a-quote",
        ),
        pytest.param(
            "Ruiz told WRVR\u2019s \u201cMorning Report\u201d that the bridge would open in May.",
            [("Morning Report", T)],
            id="term-title-after-a-possessive",
        ),
        pytest.param(
            "On Sunday\u2019s broadcast of \u201cCity Hall Live,\u201d Mayor Ana Ruiz said the "
            "bridge would open.",
            [("City Hall Live,", T)],
            id="term-title-after-a-media-noun-despite-a-speaker",
        ),
        pytest.param(
            "A 1995 column hailed Ruiz as \u201cThe Comeback Mayor\u201d for the turnaround.",
            [("The Comeback Mayor", P)],
            id="partial-title-shaped-words-credited-with-as",
        ),
        pytest.param(
            "Ruiz called the old ferry captain \u201cCaptain Courageous\u201d and \u201cThe Last "
            "Sailor.\u201d",
            [("Captain Courageous", P), ("The Last Sailor.", P)],
            id="partial-title-shaped-words-a-cue-names-and-their-pair",
        ),
        pytest.param(
            "She has appeared on \u201cMorning Report\u201d and \u201cCity Hall Live.\u201d",
            [("Morning Report", T), ("City Hall Live.", T)],
            id="term-two-titles-joined-by-and",
        ),
        pytest.param(
            "Cole spoke on \u201cCity Hall Live.\u201d \u201cI mean, the bridge is ready,\u201d she said.",
            [("City Hall Live.", T), ("I mean, the bridge is ready,", D)],
            id="a-statement-after-a-title-is-no-pair",
        ),
        pytest.param(
            "Residents set up a fund called \u201cthe bridge kitty\u201d last spring.",
            [("the bridge kitty", T)],
            id="term-a-thing-called",
        ),
        pytest.param(
            "It is a tax that Dana Cole called \u201ctotal political theater\u201d on Monday.",
            [("total political theater", P)],
            id="partial-someone-called-it",
        ),
        pytest.param(
            "Rep. Robert C. \u201cBobby\u201d Scott opened his back yard for the cookout.",
            [("Bobby", T)],
            id="term-nickname-inside-a-name",
        ),
        pytest.param(
            "The bill, known as the \u201cbridge act,\u201d passed on Friday.",
            [("bridge act,", T)],
            id="term-known-as",
        ),
        pytest.param(
            "The less valuable mines would go into a separate \u201cliquidating trust.\u201d",
            [("liquidating trust.", T)],
            id="term-scare-quote-ending-a-sentence-without-any-cue",
        ),
        pytest.param(
            "Ruiz said the bridge would get a \u201cnew deck.\u201d",
            [("new deck.", P)],
            id="partial-fragment-ending-a-sentence-with-a-cue",
        ),
        pytest.param(
            "It is a tax known as the \u201cbridge levy\u201d after Mayor Ruiz proposed it.",
            [("bridge levy", T)],
            id="term-known-as-despite-a-name-after-it",
        ),
        pytest.param(
            "After the anthem \u201cLift Every Voice,\u201d she added the words, \u201cVote Ruiz.\u201d",
            [("Lift Every Voice,", T), ("Vote Ruiz.", D)],
            id="a-cue-with-an-object-is-no-interruption",
        ),
        pytest.param(
            "Hill said the words \u201cnever again\u201d twice during the hearing.",
            [("never again", P)],
            id="partial-someone-said-the-words",
        ),
        pytest.param(
            "''This isn't tax reform,'' said Dana Cole, an economist at the institute.",
            [("This isn't tax reform,", D)],
            id="two-apostrophes-as-a-double-mark",
        ),
        pytest.param(
            "''I had to stop and think, 'This is their lives.''' she said.",
            [("I had to stop and think, 'This is their lives.'", D), ("This is their lives.", D)],
            id="three-apostrophes-close-single-then-double",
        ),
        pytest.param(
            "``We will appeal,'' the company said in a filing.",
            [("We will appeal,", D)],
            id="backticks-open-a-quote",
        ),
        pytest.param(
            '<tweet author="Dana Cole" date="May 2">The vote is \u201ca disgrace\u201d</tweet>',
            [("a disgrace", T)],
            id="marks-inside-markup-tags-are-no-quotes",
        ),
        pytest.param(
            "On the show \u201cCity Hall Live,\u201d the mayor said she wanted to speak "
            "\u201cdirectly to drivers\u201d about the tolls.",
            [("City Hall Live,", T), ("directly to drivers", P)],
            id="a-quote-opening-mid-clause-is-no-continuation",
        ),
    ],
)
def test_quotes_found(text: str, expected: list[tuple[str, QuoteKind]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        pytest.param(
            "\u201cWe will not back down,\u201d the minister said. \u201cNever.\u201d",
            [["We will not back down,", "Never."]],
            id="split-around-the-attribution-across-sentences",
        ),
        pytest.param(
            "\u201cThe pool reopens in June,\u201d said Councillor Priya Natarajan, "
            "\u201cand the fees stay where they are.\u201d",
            [["The pool reopens in June,", "and the fees stay where they are."]],
            id="inverted-cue-between-the-pieces",
        ),
        pytest.param(
            "\u201cWe lost,\u201d the coach said. \u201cWe will be back,\u201d the captain added.",
            [["We lost,"], ["We will be back,"]],
            id="the-second-piece-credited-on-its-own-is-another-statement",
        ),
        pytest.param(
            "\u201cFirst,\u201d she said. \u201cSecond.\u201d\n\n\u201cThird.\u201d",
            [["First,", "Second."], ["Third."]],
            id="a-new-paragraph-is-a-new-statement",
        ),
        pytest.param(
            "The union called the offer \u201can insult\u201d and \u201ca joke.\u201d",
            [["an insult"], ["a joke."]],
            id="two-fragments-are-two-statements",
        ),
        pytest.param(
            "\u201cWe are not ready,\u201d Cole said on Monday, though she said, \u201cWe will be.\u201d",
            [["We are not ready,"], ["We will be."]],
            id="a-second-cue-in-between-starts-another-statement",
        ),
        pytest.param(
            "Ruiz wrote back, \u201cWhy now?\u201d Cole then replied, \u201cBecause it is time.\u201d",
            [["Why now?"], ["Because it is time."]],
            id="a-quote-with-its-own-attribution-before-it-is-not-split",
        ),
        pytest.param(
            "\u2018The road is shut,\u2019 the sheriff said. \u2018For good.\u2019",
            [["The road is shut,", "For good."]],
            id="british-single-marks-split-too",
        ),
        pytest.param(
            "\u2018The mayor said \u201cMay\u201d and meant it,\u2019 the chair said. "
            "\u2018She always does.\u2019",
            [["The mayor said \u201cMay\u201d and meant it,", "She always does."], ["May"]],
            id="british-split-around-a-quote-within",
        ),
        pytest.param(
            "\u202a\u201dThis is why the bridge matters,\u201d said Ann Lee.",
            [["This is why the bridge matters,"]],
            id="an-invisible-bidi-mark-before-a-quote",
        ),
        pytest.param(
            "Ms. Ruiz called the plan \u201creckless\u201d and criticized him for saying it "
            "was cheap. \u201cIt will cost us twice,\u201d Ms. Ruiz said. \u201cAt least.\u201d",
            [["reckless"], ["It will cost us twice,", "At least."]],
            id="a-title-s-dot-does-not-hide-the-second-quote-s-own-attribution",
        ),
        pytest.param(
            "\u201cWe are tired,\u201d Ms. Ruiz said. \u201cWe are not beaten.\u201d "
            "Mr. Okafor said: \u201cNeither are we.\u201d",
            [["We are tired,", "We are not beaten."], ["Neither are we."]],
            id="an-attribution-ending-in-a-colon-introduces-the-next-quote",
        ),
    ],
)
def test_a_statement_split_around_its_attribution_is_quotes_linked_as_one(
    text: str, statements: list[list[str]]
) -> None:
    """Each span between a pair of marks is a quote of its own, its text the article's own
    characters; the pieces of one statement share its statement id (and its speaker)."""
    quotes = article_from_text(text).quotes
    groups: dict[str | None, list[str]] = {}
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        groups.setdefault(quote.statement, []).append(quote.text)
    assert list(groups.values()) == statements
    for quote in quotes:
        pieces = [q for q in quotes if q.statement == quote.statement]
        assert {q.speaker for q in pieces} == {quote.speaker}


@pytest.mark.parametrize(
    ("text", "kind", "speaker"),
    [
        pytest.param(
            "The council will dip into the city\u2019s \u201crainy day\u201d reserve to pay for it.",
            T,
            None,
            id="a-scare-quoted-term-nobody-is-credited-with",
        ),
        pytest.param(
            "Officials said the so-called \u201cpeace dividend\u201d never arrived.",
            T,
            None,
            id="a-term-is-never-given-a-speaker",
        ),
        pytest.param(
            "Asked about the brawl, Cole said of the episode, \u201cI don\u2019t like it,\u201d "
            "and left.",
            D,
            "Cole",
            id="a-term-marker-before-a-comma-names-nothing",
        ),
        pytest.param(
            "Ruiz appeared on \u201cFace the Nation\u201d on Sunday.",
            T,
            None,
            id="a-show-title",
        ),
        pytest.param(
            "Cole called the levy \u201ca tax on families\u201d and left.",
            P,
            "Cole",
            id="a-fragment-a-speaker-and-cue-govern",
        ),
        pytest.param(
            "Ruiz said the count was \u201crigged\u201d and would not concede.",
            P,
            "Ruiz",
            id="one-word-governed-by-a-cue",
        ),
        pytest.param(
            "As Dana Cole, author of \u201cThe Quiet Bridge,\u201d put it, \u201cEvery town has one "
            "road it cannot lose.\u201d",
            D,
            "Dana Cole",
            id="a-title-inside-the-attribution-is-passed-over",
        ),
        pytest.param(
            "The \u201cSave Our Pier\u201d campaign said the council had ignored it.",
            T,
            None,
            id="a-title-naming-the-noun-after-it-is-nobody-s-words",
        ),
        pytest.param(
            "Cole said the \u201cKeep Riverton Moving\u201d signs were everywhere.",
            T,
            None,
            id="a-slogan-naming-signs-is-a-term-even-after-a-cue",
        ),
        pytest.param(
            "Cole called it a \u201cGreat Idea\u201d and left.",
            P,
            "Cole",
            id="a-title-shaped-fragment-after-a-cue-with-no-noun-after-it-stays-partial",
        ),
    ],
)
def test_kind_follows_attribution(text: str, kind: QuoteKind, speaker: str | None) -> None:
    quote = article_from_text(text).quotes[-1]
    assert (quote.kind, quote.speaker) == (kind, speaker)


def test_multi_paragraph_quote_continues_where_the_next_paragraph_reopens() -> None:
    text = (
        "\u201cWe found the leak in the second week,\n\n"
        "\u201cand we fixed it within a day,\u201d the engineer said.\n\n"
        "The plant reopened on Friday."
    )
    (quote,) = article_from_text(text).quotes
    assert quote.text == "We found the leak in the second week, and we fixed it within a day,"
    assert len(quote.spans) == 2
    assert quote.uncertain is None
    assert quote.speaker == "the engineer"


def test_a_reopening_paragraph_credited_on_its_own_is_another_statement_whatever_the_case() -> None:
    """An open quote already credited (Ruiz said) is not continued by a paragraph whose quote
    has its own attribution, with the cue capitalised as some copy prints it (Said Cole)."""
    text = (
        "\u201cThe bridge is closed,\u201d Ruiz said. \u201cWe will reopen it\n\n"
        "\u201cThe money is not there,\u201d Said Cole, the treasurer."
    )
    _, second, third = article_from_text(text).quotes
    assert second.text == "We will reopen it" and second.uncertain is not None
    assert third.text == "The money is not there,"


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        pytest.param(
            "\u201cThe library stays open,\u201d Natarajan said. \u201cWe found the money.\n\n"
            "\u201cIt was in the reserve all along.\u201d\n\n"
            "Natarajan said the vote is in May.",
            ["We found the money.", "It was in the reserve all along."],
            id="after-a-split-quote-and-before-a-paragraph-opening-with-a-cue",
        ),
        pytest.param(
            "\u201cThe pool will reopen in June.\n\n"
            "\u201cThe fees stay where they are.\u201d\n\n"
            "Okafor said the council agreed.",
            ["The pool will reopen in June.", "The fees stay where they are."],
            id="next-paragraph-opens-with-name-and-cue",
        ),
        pytest.param(
            "\u2018We have waited ten years for this,\n\n"
            "\u2018and we will not wait another,\u2019 said the chair.",
            ["We have waited ten years for this,", "and we will not wait another,"],
            id="british-single-marks",
        ),
    ],
)
def test_a_quote_over_paragraphs_stays_one_quote_in_every_layout(
    text: str, pieces: list[str]
) -> None:
    quote = next(q for q in article_from_text(text).quotes if len(q.spans) > 1)
    assert [text[s:e] for s, e in quote.spans] == pieces
    assert quote.text == " ".join(pieces)
    assert quote.uncertain is None


@pytest.mark.parametrize(
    ("text", "inner", "speaker"),
    [
        pytest.param(
            "\u201cI was in the hall when the governor turned to the crowd and said, \u2018We will "
            "carry this state,\u2019 and they roared,\u201d wrote the columnist Dana Park.",
            "We will carry this state,",
            "the governor",
            id="columnist-quotes-a-candidate",
        ),
        pytest.param(
            '"Our members told us, \u2018Not one more cut,\u2019 and we listened," the union '
            "leader said.",
            "Not one more cut,",
            None,
            id="straight-outer-curly-inner",
        ),
        pytest.param(
            "\u201cWhen Senator Cole says \u201csavings\u201d she means layoffs,\u201d Ruiz said.",
            "savings",
            None,
            id="double-within-double",
        ),
        pytest.param(
            "\u201cWe heard \u2018no more delays\u2019 in the note,\u201d said the drivers\u2019 "
            "union.",
            "no more delays",
            None,
            id="a-possessive-outside-the-quote-closes-nothing-inside-it",
        ),
        pytest.param(
            "\u2018The mayor told us \u201cthe bridge opens in May\u201d and we believed her,"
            "\u2019 said Ann Lee.",
            "the bridge opens in May",
            "the mayor",
            id="british-double-within-single",
        ),
    ],
)
def test_a_quote_within_a_quote_is_a_quote_of_its_own(
    text: str, inner: str, speaker: str | None
) -> None:
    quotes = article_from_text(text).quotes
    outer = quotes[0]
    (nested,) = [q for q in quotes if q.within is not None]
    assert nested.within == outer.id
    assert nested.text == inner and text[nested.start : nested.end] == inner
    assert nested.statement != outer.statement
    if speaker is not None:
        assert nested.speaker == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "\u2018It\u2019s the kids\u2019 homework that matters,\u2019 said the head teacher.",
            ["It\u2019s the kids\u2019 homework that matters,"],
            id="plural-possessive-inside",
        ),
        pytest.param(
            "The head said the \u2018parents\u2019 evening\u2019 would go ahead.",
            ["parents\u2019 evening"],
            id="possessive-then-close",
        ),
        pytest.param(
            "The shop sells \u2018cats\u2019 and \u2018dogs\u2019 toys.",
            ["cats", "dogs"],
            id="two-quoted-words-are-not-a-possessive",
        ),
        pytest.param(
            "'We\u2019ll meet the teachers' union on Monday,' she said.",
            ["We\u2019ll meet the teachers' union on Monday,"],
            id="straight-single-marks",
        ),
    ],
)
def test_british_single_marks_keep_apostrophes_inside(text: str, expected: list[str]) -> None:
    assert [q.text for q in article_from_text(text).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Residents voted for "Measure 7" in May, the county clerk said.',
            ["Measure 7"],
            id="straight-mark-after-a-number",
        ),
        pytest.param(
            "The network renewed ''Harbor Watch 2'' for a third season.",
            ["Harbor Watch 2"],
            id="typewriter-marks-after-a-number",
        ),
        pytest.param(
            '"We won 21-14" was all the coach said. "Next week."',
            ["We won 21-14", "Next week."],
            id="a-score-before-the-close-and-another-quote-after",
        ),
        pytest.param(
            '"He is 6\'3" and fast," the coach said.',
            ["He is 6'3\" and fast,"],
            id="a-height-inside-a-quote-is-a-measure",
        ),
        pytest.param(
            'He is 6\'3" tall and "very fast," the coach said.',
            ["very fast,"],
            id="a-height-outside-quotes-is-a-measure",
        ),
    ],
)
def test_a_mark_after_a_number_closes_the_open_quote_unless_a_later_mark_does(
    text: str, expected: list[str]
) -> None:
    """A straight mark after a digit is an inch or a second only where no quote is open, or
    where the quote closes later in the paragraph: "Measure 7" is closed by its mark."""
    quotes = article_from_text(text).quotes
    assert [q.text for q in quotes] == expected
    assert all(q.uncertain is None for q in quotes)


def test_multi_paragraph_quote_never_closed_before_another_speaker_is_kept_and_flagged() -> None:
    text = (
        "Council member Dana Cole said: \u201cThe budget is late.\n\n"
        "\u201cWe cannot pay the contractors until it passes.\n\n"
        "Mayor Ana Ruiz disagreed. \u201cThe money is there,\u201d she said."
    )
    quotes = article_from_text(text).quotes
    assert [q.text for q in quotes] == [
        "The budget is late. We cannot pay the contractors until it passes.",
        "The money is there,",
    ]
    assert quotes[0].uncertain is not None
    assert quotes[0].speaker == "Dana Cole"
    assert quotes[1].speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The council backed \u201c\u2018Bridges First\u2019\u201d again.",
            ["\u2018Bridges First\u2019"],
            id="single-marks-inside-a-double-quote-whole",
        ),
        pytest.param(
            "The council backed \u2018\u201cBridges First\u201d\u2019 again.",
            ["Bridges First"],
            id="double-marks-inside-a-single-quote-whole",
        ),
    ],
)
def test_two_kinds_of_marks_around_the_same_words_are_one_quote(
    text: str, expected: list[str]
) -> None:
    """Marks of both families around the same words quote them once, not a quote within
    itself: the double marks' quote stays."""
    assert [q.text for q in article_from_text(text).quotes] == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "\u2018The clerk said \u201cthe mayor wrote \u2018no more waiting\u2019 in her "
            "note\u201d and left,\u2019 said Dana Park.",
            id="british-single-double-single",
        ),
        pytest.param(
            "\u2018The clerk said \u201cthe mayor wrote \u201cno more waiting\u201d in her "
            "note\u201d and left,\u2019 said Dana Park.",
            id="single-double-double",
        ),
    ],
)
def test_each_level_of_quotes_within_quotes_is_read_inside_its_own_outer_quote(
    text: str,
) -> None:
    """Three levels are three quotes, none dropped, the innermost credited by the passage
    that holds it."""
    outer, middle, inner = article_from_text(text).quotes
    assert (middle.within, inner.within) == (outer.id, middle.id)
    assert [q.speaker for q in (outer, middle, inner)] == ["Dana Park", "the clerk", "the mayor"]


def test_closing_mark_without_an_opening_yields_an_uncertain_quote() -> None:
    text = "The roads are closed until further notice,\u201d the sheriff said."
    (quote,) = article_from_text(text).quotes
    assert quote.text == "The roads are closed until further notice,"
    assert quote.uncertain is not None
    assert quote.speaker == "the sheriff"


def test_unclosed_quote_ends_with_its_paragraph_and_is_flagged() -> None:
    text = "The chief said \u201cwe are not ready for this storm\n\nOther news followed."
    (quote,) = article_from_text(text).quotes
    assert quote.text == "we are not ready for this storm"
    assert "not closed" in (quote.uncertain or "")


def test_quote_offsets_slice_the_article_text() -> None:
    text = "Intro.\n\n\u201cAlpha beta,\u201d she said, \u201cgamma.\u201d\n\n\u201cDelta\n\n\u201cepsilon.\u201d"
    article = article_from_text(text)
    for quote in article.quotes:
        assert " ".join(text[s:e] for s, e in quote.spans) == quote.text
        assert quote.start == quote.spans[0][0] and quote.end == quote.spans[-1][1]


def test_paragraphs_are_lines_unless_the_text_is_hard_wrapped() -> None:
    line = "The council met for three hours on Tuesday and voted on the harbor bridge at last."
    text = f"{line} {line}\n{line}\n\n{line}"
    ends = [len(line) * 2 + 1, len(line) * 3 + 2]
    assert paragraph_spans(text) == [(0, ends[0]), (ends[0] + 1, ends[1]), (ends[1] + 2, len(text))]
    # Short lines with blank lines between blocks: wrapped at a width, so blocks are paragraphs.
    assert paragraph_spans("a\nb\n\nc") == [(0, 3), (5, 6)]
    assert paragraph_spans("a\nb\nc") == [(0, 1), (2, 3), (4, 5)]
    assert paragraph_spans("  \n\n  ") == []


def test_a_quote_reopened_on_the_next_line_continues_there() -> None:
    line = "The vote was close, and the council said it would meet again next week to decide."
    text = f"{line} \u201cWe are not done\n\u201cThe bridge needs work,\u201d Hill said."
    (quote,) = article_from_text(text).quotes
    assert quote.text == "We are not done The bridge needs work,"
    assert len(quote.spans) == 2


def test_empty_quote_marks_are_no_quote() -> None:
    assert pair_quote_marks("He said \u201c\u201d and left.") == []


def test_a_transcript_label_starts_a_new_quote_even_if_the_last_one_never_closed() -> None:
    text = (
        "Sen. Dana Cole took questions from Tom Baker on the radio.\n\n"
        '"BAKER: Will the bridge open in May?\n\n'
        '"SEN. COLE: It will open in June. The steel came late.'
    )
    quotes = article_from_text(text).quotes
    assert [(q.text, q.speaker, q.speaker_mention) for q in quotes] == [
        ("BAKER: Will the bridge open in May?", "Tom Baker", "BAKER"),
        ("SEN. COLE: It will open in June. The steel came late.", "Dana Cole", "SEN. COLE"),
    ]
    assert all(q.uncertain for q in quotes)


def test_a_forgotten_closing_mark_does_not_merge_two_speakers() -> None:
    text = (
        "\u201cIt is a dog whistle,\u201d Rep. Gwen Moore said. \u201cIf he is not legitimate, "
        "how can anyone feel good?\n"
        "\u201cI have been thinking about where we are as a country,\u201d added Rep. Jim Clyburn."
    )
    quotes = article_from_text(text).quotes
    assert [q.speaker for q in quotes] == ["Gwen Moore", "Gwen Moore", "Jim Clyburn"]
    assert quotes[1].uncertain is not None and len(quotes[1].spans) == 1


# Text made of the pieces that trouble a quote extractor: every kind of mark, apostrophes,
# paragraph breaks, markup, transcript labels, cues and names.
_PIECES = [
    '"', "'", "''", "``", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb",
    "\u201e", "<b>", "</b>", '<a href="x">', ".", ",", ":", "?", " \u2014 ", "\n", "\n\n",
    " ", "the", "bridge", "Ruiz", "Mr.", "said", "he", "she", "told", "saying", "PENCE:",
    "it's", "Iraq\u2019s", "6'2", "who", "and",
]  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=80).map(" ".join)


@given(texts)
@settings(max_examples=300, deadline=None)
def test_quotes_are_their_pieces_of_the_text(text: str) -> None:
    """Law: every quote is its pieces of the text joined by one space, in text order."""
    quotes = article_from_text(text).quotes
    for n, quote in enumerate(quotes, 1):
        assert quote.id == f"a:q{n}"
        assert quote.text and " ".join(text[s:e] for s, e in quote.spans) == quote.text
        assert (quote.start, quote.end) == (quote.spans[0][0], quote.spans[-1][1])
        assert all(s < e for s, e in quote.spans)
        assert list(quote.spans) == sorted(quote.spans)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


_WORDS = st.lists(
    st.sampled_from(["the", "bridge", "opens", "in", "May", "we", "will", "pay"]),
    min_size=1,
    max_size=6,
).map(" ".join)


@given(st.lists(st.tuples(_WORDS, st.booleans()), min_size=1, max_size=12))
@settings(max_examples=200, deadline=None)
def test_no_quote_is_dropped(parts: list[tuple[str, bool]]) -> None:
    """Law: words between a pair of curly marks always lie inside some quote (of any kind)."""
    text, quoted = "", []
    for words, is_quoted in parts:
        if is_quoted:
            quoted.append((len(text) + 1, len(text) + 1 + len(words)))
            text += f"\u201c{words}\u201d "
        else:
            text += f"{words}, Ruiz said. "
    spans = [span for q in article_from_text(text).quotes for span in q.spans]
    for start, end in quoted:
        assert any(s <= start and end <= e for s, e in spans), text[start:end]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("<" * 20000, id="unclosed-tags"),
        pytest.param('"a ' * 10000, id="straight-marks"),
        pytest.param("''" * 10000, id="apostrophe-pairs"),
        pytest.param("\u201cWe won,\u201d he said. " * 3000, id="three-thousand-quotes-one-line"),
        pytest.param("Abc " * 20000 + "said.", id="one-long-capitalised-run"),
        pytest.param("\u201cA\n" * 5000, id="five-thousand-unclosed-paragraphs"),
        pytest.param(
            "\u201cYes,\u201d she said, Ann Lee, " * 3000,
            id="three-thousand-pronoun-quotes-one-sentence",
        ),
        pytest.param(
            "\u201cYes,\u201d she said, Tom Lee, " * 3000,
            id="three-thousand-pronouns-no-one-agrees-with",
        ),
    ],
)
def test_pathological_inputs_finish_with_sound_quotes(text: str) -> None:
    """Inputs that make naive pairing or attribution quadratic still finish, quotes intact."""
    for quote in article_from_text(text).quotes:
        assert " ".join(text[s:e] for s, e in quote.spans) == quote.text


def test_paragraphs_reopening_after_a_closed_quote_are_paired_without_rescanning() -> None:
    """40,000 paragraphs that each close a quote and open another the next one seems to
    reopen: deciding each reopening looks at the last close, not at every quote before it."""
    text = "\u201cYes,\u201d he said. \u201cAnd\n" * 40_000
    pairings = pair_quote_marks(text)
    assert len(pairings) == 80_000
    assert [p.uncertain is None for p in pairings[:4]] == [True, False, True, False]


def test_statements_of_many_quotes_are_numbered_without_rescanning() -> None:
    """60,000 quotes in a row each start a statement, numbered in one pass."""
    text = " ".join("\u201cYes.\u201d" for _ in range(60_000))
    pairings = pair_quote_marks(text)
    assert link_statements(text, pairings) == list(range(60_000))
