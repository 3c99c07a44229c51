"""Verification: each draft quote searched in its sources, cut out word for word, and judged."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from attribution import article_from_text
from attribution.model import CheckStatus, QuoteCheck, Report, SourceKind
from attribution.pipeline import check_sources
from attribution.sources import Source, parse_source
from attribution.verify import SourceIndex, search, tighten

TRANSCRIPT = """\
[00:00:04]

GOV. LAURA PETERSEN: We will not raise the gas tax this year. Not this year, not while \
families are paying four dollars a gallon. We have 212 bridges rated poor, and we will \
start with the worst 40. [applause]

Q: And next year?

PETERSEN: The gas tax is a conversation for next year. I am not going to negotiate it from \
this podium.

OKAFOR: Crews will be on the Route 9 bridge by the first week of April. We will not close \
a bridge unless an inspector tells us to.
"""


def _transcript() -> Source:
    return parse_source("s1", "transcript.txt", TRANSCRIPT)


def _check(draft: str, *sources: Source, house: str | None = None) -> Report:
    return check_sources(
        article_from_text(draft, "draft", "draft.md"),
        sources or (_transcript(),),
        house_spelling=house,
    )


def _only(report: Report) -> QuoteCheck:
    assert report.check is not None
    (outcome,) = report.check.quotes
    return outcome


def _categories(outcome: QuoteCheck) -> list[str]:
    assert outcome.match is not None
    return [c.category.value for c in outcome.match.changes if c.category.value != "punctuation"]


@pytest.mark.parametrize(
    ("draft", "status", "verdict", "categories"),
    [
        (
            "\u201cWe will not raise the gas tax this year,\u201d Petersen said.",
            "verified",
            "cosmetic",
            [],
        ),
        (
            "Petersen said, \u201cWe will not raise the gas tax this year.\u201d",
            "verified",
            "identical",
            [],
        ),
        (
            # No one named before "She": the words are found, the credit cannot be read.
            "She added that \u201cthe gas tax is a conversation for next year.\u201d",
            "speaker_unverified",
            "cosmetic",
            ["case"],
        ),
        (
            "Petersen called it \u201ca conversation for next year\u201d and moved on.",
            "verified",
            "partial",
            [],
        ),
        (
            "\u201cWe have 212 bridges rated poor \u2026 we will start with the worst 40,\u201d "
            "Petersen said.",
            "verified",
            "editorial",
            ["ellipsis"],
        ),
        (
            "\u201c[The state] will not raise the gas tax this year,\u201d Petersen said.",
            "verified",
            "editorial",
            ["bracket"],
        ),
        (
            "\u201cWe have 212 bridges rated poor, and we will start with the worst 14,\u201d "
            "Petersen said.",
            "altered",
            "altered",
            ["number"],
        ),
        (
            "\u201cWe will raise the gas tax this year,\u201d Petersen said.",
            "altered",
            "altered",
            ["negation"],
        ),
        (
            "\u201cWe have 212 bridges rated poor, and we may start with the worst 40,\u201d "
            "Petersen said.",
            "altered",
            "altered",
            ["modality"],
        ),
        (
            "\u201cWe have 212 bridges, and we will start with the worst 40,\u201d Petersen said.",
            "altered",
            "altered",
            ["wording"],
        ),
        (
            "\u201cWe will not raise the gas tax this year or next,\u201d Petersen said.",
            "altered",
            "altered",
            ["wording"],
        ),
        (
            "\u201cThe gas tax is something we will talk about next year,\u201d Petersen said.",
            "altered",
            "reworded",
            [],
        ),
        (
            "\u201cCrews will be on the Route 9 bridge by the first week of April,\u201d "
            "Petersen said.",
            "misattributed",
            "cosmetic",
            [],
        ),
        (
            "\u201cCrews will be on the Route 9 bridge by the first week of April.\u201d",
            "speaker_unverified",
            "identical",
            [],
        ),
        (
            "Petersen said she would not negotiate \u201cfrom this podium.\u201d",
            "verified",
            "partial",
            [],
        ),
        (
            "Petersen said she would not negotiate \u201cfrom that podium.\u201d",
            "altered",
            "altered",
            ["wording"],
        ),
    ],
)
def test_each_draft_quote_gets_a_status_a_verdict_and_its_changes(
    draft: str, status: str, verdict: str, categories: list[str]
) -> None:
    outcome = _only(_check(draft))
    assert outcome.status.value == status
    assert outcome.match is not None
    assert outcome.match.verdict.value == verdict
    assert _categories(outcome) == categories
    assert outcome.location is not None and outcome.location.startswith("transcript.txt:")


@pytest.mark.parametrize(
    "draft",
    [
        "\u201cWe are looking at a gas tax holiday for the summer,\u201d Petersen said.",
        "\u201cThe bridges are fine,\u201d Petersen said.",
        "\u201cNext year we will see,\u201d Petersen said.",
    ],
)
def test_a_quote_in_no_source_is_unsupported_and_critical(draft: str) -> None:
    report = _check(draft)
    outcome = _only(report)
    assert outcome.status is CheckStatus.UNSUPPORTED
    assert outcome.severity.value == "critical"
    assert outcome.unmatched is not None and outcome.unmatched.verdict.value == "unsupported"
    assert report.unmatched == (outcome.unmatched,) and report.matches == ()


def test_the_source_s_words_are_what_stands_in_the_source() -> None:
    report = _check("Petersen called it \u201ca conversation for next year\u201d and moved on.")
    outcome = _only(report)
    assert outcome.match is not None
    assert outcome.match.b_text == "a conversation for next year"
    assert outcome.match.b == "s1:q3"
    assert outcome.location == "transcript.txt:7"


def test_a_stretch_across_a_stage_direction_leaves_the_direction_out() -> None:
    text = "\u201cWe will start with the worst 40. And next year?\u201d Petersen said."
    source = parse_source(
        "s1",
        "t.txt",
        "PETERSEN: We will start with the worst 40. [applause] And next year?\n\n"
        "Q: Why?\n\nOKAFOR: Because.\n",
    )
    outcome = _only(_check(text, source))
    assert outcome.match is not None
    assert outcome.match.b_text == "We will start with the worst 40. And next year?"
    assert outcome.match.verdict.value == "identical"


def test_an_omission_under_an_ellipsis_that_drops_a_not_is_a_negation_change() -> None:
    outcome = _only(
        _check(
            "\u201cWe will not raise the gas tax this year \u2026 not while families are "
            "paying four dollars a gallon,\u201d Petersen said."
        )
    )
    assert outcome.status is CheckStatus.ALTERED
    assert "negation" in _categories(outcome)


def test_a_negation_right_after_the_quoted_words_is_part_of_them() -> None:
    source = parse_source(
        "s1",
        "t.txt",
        "RUIZ: We will raise the fares not now but in the spring.\n\nQ: When?\n\nLEE: Later.\n",
    )
    outcome = _only(_check("\u201cWe will raise the fares,\u201d Ruiz said.", source))
    assert outcome.status is CheckStatus.ALTERED
    assert "negation" in _categories(outcome)
    fine = parse_source(
        "s1",
        "t.txt",
        "RUIZ: We will raise the fares. No one likes it.\n\nQ: When?\n\nLEE: Later.\n",
    )
    assert _only(_check("\u201cWe will raise the fares,\u201d Ruiz said.", fine)).status.value == (
        "verified"
    )


# --- speakers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "status", "same"),
    [
        (
            "Gov. Laura Petersen spoke Tuesday. \u201cWe will not raise the gas tax this "
            "year,\u201d the governor said.",
            "verified",
            True,
        ),
        (
            "\u201cWe will not raise the gas tax this year,\u201d the spokeswoman said.",
            "speaker_unverified",
            None,
        ),
        (
            "Sen. Mark Alvarez spoke first. \u201cWe will not raise the gas tax this year,\u201d "
            "the senator said.",
            "misattributed",
            False,
        ),
        (
            "\u201cWe will not raise the gas tax this year,\u201d Okafor said.",
            "misattributed",
            False,
        ),
        ("\u201cWe will not raise the gas tax this year,\u201d said Petersen.", "verified", True),
    ],
)
def test_the_speaker_is_checked_against_the_turn(
    draft: str, status: str, same: bool | None
) -> None:
    outcome = _only(_check(draft))
    assert outcome.match is not None
    assert (outcome.status.value, outcome.match.speakers.same) == (status, same)
    if same is False:
        assert outcome.severity.value == "major"


def test_the_best_source_decides_and_the_others_are_listed() -> None:
    article = parse_source(
        "s2",
        "wire.txt",
        "Sen. Mark Alvarez called the plan \u201ca shell game.\u201d\n\n"
        "\u201cWe will not raise the gas tax this year,\u201d Petersen said.\n",
    )
    transcript = parse_source(
        "s1", "t.txt", "Q: Alvarez says it is a shell game. Is it?\n\nPETERSEN: No.\n\nQ: Why?\n"
    )
    outcome = _only(
        _check("Sen. Mark Alvarez called it \u201ca shell game.\u201d", transcript, article)
    )
    assert outcome.status is CheckStatus.VERIFIED
    assert outcome.location == "wire.txt:1"
    # The reporter's question repeats three common words: chance, not the senator's words.
    assert outcome.also_in == ()


def test_an_article_s_words_count_only_inside_its_quote_marks() -> None:
    article = parse_source(
        "s1",
        "wire.txt",
        "Petersen said the state would not raise the gas tax this year under any "
        "circumstances.\n\n\u201cWe are ready,\u201d Okafor said.\n",
    )
    assert article.kind is SourceKind.ARTICLE
    report = _check(
        "\u201cThe state would not raise the gas tax this year under any circumstances,\u201d "
        "Petersen said.",
        article,
    )
    outcome = _only(report)
    assert outcome.status is CheckStatus.UNSUPPORTED
    assert outcome.unmatched is not None and outcome.unmatched.found_unquoted is True
    assert outcome.unmatched.other == "s1"


def test_terms_are_listed_but_not_checked() -> None:
    report = _check("Critics called it the so-called \u201cpeace dividend\u201d again.")
    outcome = _only(report)
    assert outcome.status is CheckStatus.NOT_CHECKED
    assert report.matches == () and report.unmatched == ()


# --- house spelling -----------------------------------------------------------------------

US_SOURCE = "NWOSU: We will prioritize the sickest patients.\n\nQ: And?\n\nLEE: Later.\n"
UK_SOURCE = "NWOSU: We will prioritise the sickest patients.\n\nQ: And?\n\nLEE: Later.\n"


@pytest.mark.parametrize(
    ("source", "draft_word", "house", "severity"),
    [
        (US_SOURCE, "prioritise", "uk", "none"),
        (US_SOURCE, "prioritise", "us", "minor"),
        (UK_SOURCE, "prioritize", "uk", "minor"),
        (UK_SOURCE, "prioritize", "us", "none"),
        (US_SOURCE, "prioritise", None, "none"),
    ],
)
def test_a_respelling_away_from_the_house_spelling_is_minor(
    source: str, draft_word: str, house: str | None, severity: str
) -> None:
    draft = f"\u201cWe will {draft_word} the sickest patients,\u201d Nwosu said."
    outcome = _only(_check(draft, parse_source("s1", "t", source), house=house))
    assert outcome.status is CheckStatus.VERIFIED
    assert outcome.severity.value == severity
    assert outcome.match is not None
    assert [c.category.value for c in outcome.match.changes if c.a != ","] == ["spelling"]


def test_a_transliterated_name_is_no_house_spelling() -> None:
    source = parse_source("s1", "t", "ALI: Qasem told us.\n\nQ: And?\n\nLEE: Later.\n")
    outcome = _only(_check("\u201cQassem told us,\u201d Ali said.", source, house="uk"))
    assert outcome.severity.value == "none"


# --- laws ---------------------------------------------------------------------------------

_TURN_WORDS = TRANSCRIPT.split("PETERSEN: ", 1)[1].split("[applause]", 1)[0].split()


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(_TURN_WORDS) - 5), st.integers(4, 20))
def test_a_faithful_fragment_of_a_turn_is_always_verified(start: int, length: int) -> None:
    """Law: any run of four or more words of a turn, quoted with its speaker, is verified."""
    words = " ".join(_TURN_WORDS[start : start + length]).strip(".,")
    # A quote ending in a digit is cut short by the extractor (see the xfail below).
    assume(not words[-1].isdigit())
    outcome = _only(_check(f"Petersen said \u201c{words}\u201d on Tuesday."))
    assert outcome.status is CheckStatus.VERIFIED, outcome
    assert outcome.match is not None and outcome.match.speakers.same is True


def test_a_quote_ending_in_a_number_is_verified() -> None:
    outcome = _only(_check("Petersen said they would start \u201cwith the worst 40\u201d soon."))
    assert outcome.status is CheckStatus.VERIFIED


TEXT = st.text(
    alphabet=st.sampled_from(list('ab cd Q:A\n[]()0:.,\u201c\u201d\u2026PETRSN"')), max_size=160
)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT, st.sampled_from(list(SourceKind)))
def test_every_draft_quote_gets_exactly_one_outcome(
    draft: str, source: str, kind: SourceKind
) -> None:
    """Law: no quote is dropped: each has one outcome, backed by a match or an unmatched."""
    report = check_sources(
        article_from_text(draft, "draft"), [parse_source("s1", "s", source, kind=kind)]
    )
    assert report.check is not None
    outcomes = report.check.quotes
    assert [o.quote for o in outcomes] == [q.id for q in report.articles[0].quotes]
    for outcome in outcomes:
        if outcome.status is CheckStatus.NOT_CHECKED:
            assert outcome.match is None and outcome.unmatched is None
        else:
            assert (outcome.match is None) != (outcome.unmatched is None)
    assert len(report.matches) + len(report.unmatched) == sum(
        o.status is not CheckStatus.NOT_CHECKED for o in outcomes
    )
    assert report.check.passed is (report.worst < report.check.fail_on)


def _shortest_by_brute_force(keys: list[str], text: list[str]) -> tuple[int, int]:
    """Every stretch tried: the length and common words of the shortest holding them all."""
    from rapidfuzz.distance import LCSseq

    common = LCSseq.similarity(keys, text)
    lengths = [
        e - s
        for s in range(len(text))
        for e in range(s + 1, len(text) + 1)
        if LCSseq.similarity(keys, text[s:e]) == common
    ]
    return min(lengths), common


WORDS = st.lists(st.sampled_from(["we", "will", "not", "raise", "it", "this", "year"]), max_size=12)


@given(WORDS.filter(bool), WORDS.filter(bool))
def test_tighten_finds_the_shortest_stretch_holding_every_common_word(
    keys: list[str], text: list[str]
) -> None:
    """Law: `tighten` agrees with trying every stretch, and its stretch holds every common word."""
    from rapidfuzz.distance import LCSseq

    found = tighten(keys, text, 0, len(text))
    if LCSseq.similarity(keys, text) == 0:
        assert found is None
        return
    assert found is not None
    start, end, common = found
    assert LCSseq.similarity(keys, text[start:end]) == common
    assert (end - start, common) == _shortest_by_brute_force(keys, text)


def test_searching_a_quote_in_a_source_without_its_words_finds_nothing() -> None:
    index = SourceIndex(_transcript())
    draft = article_from_text("\u201cBananas grow in Ecuador,\u201d she said.", "draft")
    assert search(draft.quotes[0], index) is None


# --- the gate's cases (issue 10), each in the form it was seen in --------------------------

TOWN_HALL = """\
Town hall with Mayor Ana Lindqvist, Harbor City

MAYOR ANA LINDQVIST: Our front line workers kept the water running all winter. The budget \
for the pumps is 2.6 million dollars, and we are going to fix the two road projects on the \
east side first.

Q: Mayor, are you going to raise the water rates to pay for the new pumps this summer?

LINDQVIST: That is true, and it is fair to ask. We will not raise the rates this year.

COUNCILMAN PIET DUBOIS: We are going to vote against the whole plan.
"""


@pytest.mark.parametrize(
    ("draft", "status", "severity", "categories"),
    [
        # Loose match: five words sharing "We are going to" with another speaker's sentence.
        ("\u201cWe are going to win this,\u201d Lindqvist said.", "unsupported", "critical", None),
        # A fabrication resembling the reporter's question stays unsupported, critical.
        (
            "\u201cWe are going to raise the water rates to pay for the new pumps,\u201d "
            "Lindqvist said.",
            "unsupported",
            "critical",
            None,
        ),
        # One common word is too short to verify without its speaker.
        ("The fact-checkers rated the claim \u201ctrue.\u201d", "not_checked", "none", None),
        # Compounds and number formats are the same words.
        (
            "\u201cOur front-line workers kept the water running all winter,\u201d Lindqvist said.",
            "verified",
            "none",
            [],
        ),
        ("Lindqvist praised the \u201cfrontline workers.\u201d", "verified", "none", []),
        (
            "\u201cThe budget for the pumps is 2.6million dollars,\u201d Lindqvist said.",
            "verified",
            "none",
            [],
        ),
        # A bracket that puts a content word in another's place is a wording change.
        (
            "Lindqvist promised to fix \u201cthe two road projects on the [west] side first.\u201d",
            "altered",
            "major",
            ["wording"],
        ),
        # A bracket that makes a pronoun plain is the editor's help, shown all the same.
        (
            "\u201c[The city's] front line workers kept the water running all winter,\u201d "
            "Lindqvist said.",
            "verified",
            "info",
            ["bracket"],
        ),
        # Nobody the tool can read is credited: never verified.
        ("\u201cWe will not raise the rates this year.\u201d", "speaker_unverified", "minor", []),
    ],
)
def test_the_gate_reports_what_an_editor_must_see(
    draft: str, status: str, severity: str, categories: list[str] | None
) -> None:
    outcome = _only(_check(draft, parse_source("s1", "town-hall.txt", TOWN_HALL)))
    assert (outcome.status.value, outcome.severity.value) == (status, severity)
    if status == "not_checked":
        assert outcome.reason == "too short to verify"
    if categories is not None:
        assert _categories(outcome) == categories


DEBATE = """\
MODERATOR: Councilman, the mayor's plan?

DUBOIS: Look, we're gonna vote against Lindqvist's plan, and frankly we're gonna win. \
The pumps were Councilman Reyes' idea, not ours. Kick 'em out, OK? That's what voters say.
"""


@pytest.mark.parametrize(
    "draft",
    [
        "\u201cWe're going to vote against Lindqvist's plan,\u201d Dubois said.",
        "\u201cThe pumps were Councilman Reyes's idea, not ours,\u201d Dubois said.",
        "\u201cKick them out, okay? That's what voters say,\u201d Dubois said.",
    ],
)
def test_a_spoken_form_printed_spelled_out_is_the_same_word(draft: str) -> None:
    """A transcript writes speech as it sounds ("gonna", "'em", "OK") and a possessive as
    it likes; a draft printing the words spelled out is faithful (a false alarm before)."""
    outcome = _only(_check(draft, parse_source("s1", "debate.txt", DEBATE)))
    assert (outcome.status.value, outcome.severity.value) == ("verified", "none")
    assert set(_categories(outcome)) <= {"spelling", "punctuation", "case"}
    assert "spelling" in _categories(outcome)


def test_a_spoken_form_is_no_cover_for_another_word() -> None:
    draft = "\u201cWe're going to vote for Lindqvist's plan,\u201d Dubois said."
    outcome = _only(_check(draft, parse_source("s1", "debate.txt", DEBATE)))
    assert outcome.status.value == "altered" and "wording" in _categories(outcome)


def test_a_too_short_quote_is_verified_when_its_speaker_said_it_as_printed() -> None:
    source = parse_source("s1", "t.txt", "LINDQVIST: True.\n\nQ: And the rates?\n")
    outcome = _only(_check("Lindqvist answered: \u201cTrue.\u201d", source))
    assert outcome.status.value == "verified"


FAMILY_DEBATE = """\
MODERATOR: Mr. Victor Dubois, your plan for the pumps?

DUBOIS: We will sell the old pumps and buy new ones before the summer.

MODERATOR: Thank you. Governor Laura Petersen?

PETERSEN: The pumps can wait a year.
"""


@pytest.mark.parametrize(
    ("credit", "status"),
    [
        ("Victor Dubois", "verified"),
        ("Dubois", "verified"),
        # His daughter shares the surname the transcript labels the turn with; the
        # transcript names only Victor of that family, so whose words they are is open.
        ("Camille Dubois", "speaker_unverified"),
    ],
)
def test_a_surname_label_settles_a_credit_only_for_the_family_member_the_source_names(
    credit: str, status: str
) -> None:
    draft = f"{credit} told the council: \u201cWe will sell the old pumps and buy new ones.\u201d"
    outcome = _only(_check(draft, parse_source("s1", "debate.txt", FAMILY_DEBATE)))
    assert outcome.status.value == status
    if status == "speaker_unverified":
        assert outcome.severity.value == "minor"


def test_a_surname_label_with_no_first_name_in_the_source_keeps_the_credit() -> None:
    source = "MODERATOR: Your plan?\n\nDUBOIS: We will sell the old pumps.\n\nQ: When?\n"
    draft = "Camille Dubois said: \u201cWe will sell the old pumps.\u201d"
    outcome = _only(_check(draft, parse_source("s1", "presser.txt", source)))
    assert outcome.status.value == "verified"


def test_the_report_says_which_two_credits_it_could_not_settle() -> None:
    from attribution.report.markdown import render_markdown

    draft = "Camille Dubois told the council: \u201cWe will sell the old pumps.\u201d"
    report = _check(draft, parse_source("s1", "debate.txt", FAMILY_DEBATE))
    text = render_markdown(report)
    assert "the draft credits Camille Dubois, the source Dubois" in text
    assert "the source does not say who spoke" not in text


SENATE_DEBATE = """\
MODERATOR: Senator Alvarez, the compact?

ALVAREZ: We will repeal every word of the river compact on day one.

MODERATOR: Senator Brandt?

BRANDT: The compact stays.
"""


@pytest.mark.parametrize(
    ("draft", "status"),
    [
        # The draft titles only the speaker: the role is hers.
        (
            "Sen. Rosa Alvarez spoke first. \u201cWe will repeal every word of the river "
            "compact on day one,\u201d the senator said.",
            "verified",
        ),
        # A role the draft leaves unresolved, which the source gives the speaker as a title
        # ("Senator Alvarez"), and the draft to no one else (a possessive is the same name).
        (
            "Alvarez warned of chaos. \u201cWe will repeal every word of the river compact on "
            "day one,\u201d the Ohio senator said.",
            "verified",
        ),
        (
            "The plan was Sen. Alvarez\u2019s. Alvarez warned of chaos. \u201cWe will repeal "
            "every word of the river compact on day one,\u201d the Ohio senator said.",
            "verified",
        ),
        # The draft titles another senator too, and the role's qualifier is the draft's
        # to read: which senator is meant cannot be told, so no pass on the title alone.
        (
            "Sen. Karl Brandt's staff watched. Later the Ohio senator said: \u201cWe will repeal "
            "every word of the river compact on day one.\u201d",
            "speaker_unverified",
        ),
    ],
)
def test_a_role_credit_is_settled_only_when_the_draft_titles_no_one_else(
    draft: str, status: str
) -> None:
    outcome = _only(_check(draft, parse_source("s1", "debate.txt", SENATE_DEBATE)))
    assert outcome.status.value == status


@pytest.mark.parametrize(
    ("credit", "label", "status"),
    [
        ("said Victor Dubois Jr., the candidate's son", "VICTOR DUBOIS", "speaker_unverified"),
        ("said Victor Dubois", "VICTOR DUBOIS JR.", "speaker_unverified"),
        ("said Victor Dubois Jr., the candidate's son", "VICTOR DUBOIS JR.", "verified"),
        ("said Victor Dubois", "VICTOR DUBOIS", "verified"),
    ],
)
def test_a_generational_suffix_on_one_side_only_leaves_the_credit_open(
    credit: str, label: str, status: str
) -> None:
    source = f"MODERATOR: Go ahead.\n\n{label}: We will sell the old pumps.\n\nMODERATOR: Thanks.\n"
    draft = f"\u201cWe will sell the old pumps,\u201d {credit}."
    outcome = _only(_check(draft, parse_source("s1", "rally.txt", source)))
    assert outcome.status.value == status


def test_a_quote_of_an_answer_across_an_interruption_leaves_nothing_of_the_speaker_out() -> None:
    source = parse_source(
        "s1",
        "debate.txt",
        "MODERATOR: The ferry?\n\nOKAFOR: We will run the ferry every hour and --\n\n"
        "RUIZ: That is not true.\n\nOKAFOR: -- the county will pay for the new dock.\n\n"
        "MODERATOR: When?\n\nOKAFOR: In April.\n",
    )
    whole = "\u201cWe will run the ferry every hour and the county will pay for the new dock,\u201d"
    assert _only(_check(f"{whole} Okafor said.", source)).status.value == "verified"
    # Words of the rival's put in the speaker's run are still a change.
    mixed = "\u201cWe will run the ferry every hour and that is not true,\u201d Okafor said."
    assert _only(_check(mixed, source)).status.value != "verified"
    # An answer to a question is not joined to what came before it.
    joined = "\u201cThe county will pay for the new dock in April,\u201d Okafor said."
    assert _only(_check(joined, source)).status.value != "verified"


WORDS_APART = """\
MODERATOR: Councilman, the flood?

DUBOIS: Maybe the pumps can wait a year. Nobody expected the flood in March. The whole \
council backed Senator Ortiz's plan for the levee, on the record and in public.

MODERATOR: Thank you.
"""


@pytest.mark.parametrize(
    ("draft", "status", "categories"),
    [
        # A closed word that is a phrase spaced ("maybe" / "may be", "nobody" / "no
        # body") is another word, not a compound written two ways.
        ("\u201cMay be the pumps can wait a year,\u201d Dubois said.", "altered", ["modality"]),
        ("\u201cNo body expected the flood in March,\u201d Dubois said.", "altered", ["wording"]),
        # Hyphenated, the same words stay the same words.
        (
            "\u201cThe whole council backed Senator Ortiz's plan for the levee, "
            "on-the-record and in public,\u201d Dubois said.",
            "verified",
            [],
        ),
        # A possessive dropped is the same name in other wording, not another person.
        (
            "\u201cThe whole council backed Senator Ortiz plan for the levee,\u201d Dubois said.",
            "altered",
            ["wording"],
        ),
    ],
)
def test_a_closed_word_is_a_compound_only_when_its_halves_are_content_words(
    draft: str, status: str, categories: list[str]
) -> None:
    outcome = _only(_check(draft, parse_source("s1", "council.txt", WORDS_APART)))
    assert outcome.status.value == status
    assert _categories(outcome) == categories
    if status == "altered":
        assert outcome.severity.value == "major"


def test_a_one_syllable_first_name_with_another_vowel_is_another_person() -> None:
    source = "MODERATOR: Who?\n\nDUBOIS: Ted Kowalski and Ben Ortiz signed it.\n\nQ: When?\n"
    draft = "\u201cTad Kowalski and Bin Ortiz signed it,\u201d Dubois said."
    outcome = _only(_check(draft, parse_source("s1", "presser.txt", source)))
    assert (outcome.status.value, outcome.severity.value) == ("altered", "critical")
    assert _categories(outcome) == ["name", "name"]


COUPLE_DEBATE = """\
MODERATOR: Welcome to the forum. Please welcome Governor Laura Petersen and Mayor Ana \
Lindqvist. Karl Petersen, the governor's husband, is in the front row tonight. Governor \
Petersen, the first question is yours.

PETERSEN: We will finish the tunnel before we build another road.

MODERATOR: Thank you. Mayor Lindqvist?

LINDQVIST: The tunnel can wait.
"""


@pytest.mark.parametrize(
    ("credit", "status"),
    [
        ("Laura Petersen", "verified"),
        # The source names two of the family; the floor goes to "Governor Petersen", and
        # the governor is Laura: her husband's credit is not the label's to settle.
        ("Karl Petersen", "speaker_unverified"),
    ],
)
def test_a_surname_label_stands_for_the_family_member_the_floor_is_handed_to(
    credit: str, status: str
) -> None:
    draft = f"{credit} said: \u201cWe will finish the tunnel before we build another road.\u201d"
    outcome = _only(_check(draft, parse_source("s1", "forum.txt", COUPLE_DEBATE)))
    assert outcome.status.value == status


@pytest.mark.parametrize(
    ("draft", "status"),
    [
        # One word in common, however rare, is what both are about, not the quote: the
        # speaker's other words on the topic do not make this one hers, altered.
        ("Petersen calls herself \u201centirely pro-tunnel.\u201d", "unsupported"),
        ("Petersen calls herself \u201cvery pro-tunnel.\u201d", "verified"),
    ],
)
def test_a_short_quote_sharing_one_word_with_its_speaker_is_not_her_words(
    draft: str, status: str
) -> None:
    source = (
        "MODERATOR: The tunnel?\n\nPETERSEN: I am pro-tunnel. Very, very pro-tunnel.\n\n"
        "MODERATOR: Thank you.\n"
    )
    outcome = _only(_check(draft, parse_source("s1", "forum.txt", source)))
    assert outcome.status.value == status


@pytest.mark.parametrize(
    ("draft", "status", "categories"),
    [
        # A quote's first word is capitalised whatever it is: two words there are not two
        # spellings of a name because of their capitals.
        ("\u201cDessert comes after the vote,\u201d Petersen said.", "altered", ["wording"]),
        (
            "\u201cLoose the money and we lose the tunnel,\u201d Petersen said.",
            "altered",
            ["wording"],
        ),
        # A name there is still a name, in any romanisation.
        ("\u201cQassem Haddad backs the plan,\u201d Petersen said.", "verified", ["spelling"]),
    ],
)
def test_a_word_opening_a_quote_is_no_name_for_its_capital(
    draft: str, status: str, categories: list[str]
) -> None:
    source = (
        "MODERATOR: The vote?\n\nPETERSEN: Desert comes after the vote. Lose the money and "
        "we lose the tunnel. Qasem Haddad backs the plan.\n\nMODERATOR: Thank you.\n"
    )
    outcome = _only(_check(draft, parse_source("s1", "forum.txt", source)))
    assert outcome.status.value == status
    assert _categories(outcome) == categories
