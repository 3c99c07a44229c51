"""Sources: source arguments, kinds told from text, transcript turns, statements' issuers."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attribution import BadOption
from attribution.extract import countable
from attribution.model import SourceKind
from attribution.sources import (
    SourceSpec,
    detect_kind,
    find_issuer,
    mask,
    parse_kind,
    parse_source,
    parse_source_spec,
)

from .conftest import FIXTURES

BRIDGE = FIXTURES / "check" / "bridge-plan-faithful"
HOSPITAL = FIXTURES / "check" / "hospital-interview-uk"


def _read(path):  # type: ignore[no-untyped-def]
    return path.read_text(encoding="utf-8")


# --- source arguments ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("notes/presser.txt", SourceSpec("notes/presser.txt")),
        ("transcript:presser.txt", SourceSpec("presser.txt", SourceKind.TRANSCRIPT)),
        ("Statement:release.txt", SourceSpec("release.txt", SourceKind.STATEMENT)),
        ("article:https-copy.txt", SourceSpec("https-copy.txt", SourceKind.ARTICLE)),
        (
            "statement=Office of the Mayor:r.txt",
            SourceSpec("r.txt", SourceKind.STATEMENT, "Office of the Mayor"),
        ),
        (
            "transcript=Dr Amara Nwosu:a b/int:erview.txt",
            SourceSpec("a b/int:erview.txt", SourceKind.TRANSCRIPT, "Dr Amara Nwosu"),
        ),
        ("./pdf:notes.txt", SourceSpec("./pdf:notes.txt")),
        ("C:\\drafts\\x.txt", SourceSpec("C:\\drafts\\x.txt")),
        ("-", SourceSpec("-")),
        ("transcript:-", SourceSpec("-", SourceKind.TRANSCRIPT)),
    ],
)
def test_source_arguments_name_a_path_and_may_set_kind_and_name(
    spec: str, expected: SourceSpec
) -> None:
    assert parse_source_spec(spec) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("pdf:notes.txt", "unknown source kind 'pdf' in 'pdf:notes.txt'"),
        ("statement=:r.txt", "empty name"),
        ("article=Reuters:wire.txt", "not to an article"),
        ("transcript:", "no path"),
        ("", "a source needs a path"),
    ],
)
def test_bad_source_arguments_say_what_to_write(spec: str, message: str) -> None:
    with pytest.raises(BadOption, match=message):
        parse_source_spec(spec)


def test_a_kind_is_parsed_from_its_name() -> None:
    assert parse_kind(" Transcript ") is SourceKind.TRANSCRIPT
    with pytest.raises(BadOption, match="unknown source kind 'memo'; use article, transcript"):
        parse_kind("memo")


# --- kinds --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("PETERSEN: Good morning.\n\nQ: Will you?\n\nPETERSEN: No.\n", SourceKind.TRANSCRIPT),
        (
            "[00:12:31] Gov. Laura Petersen: Good morning.\n"
            "[00:12:40] Reporter: And taxes?\n"
            "[00:12:44] Gov. Laura Petersen: Not this year.\n",
            SourceKind.TRANSCRIPT,
        ),
        ("Q: Why now?\nA: Because the bridge failed.\nQ: And next year?\n", SourceKind.TRANSCRIPT),
        ("FOR IMMEDIATE RELEASE\n\nThe mayor today announced a plan.\n", SourceKind.STATEMENT),
        ("Statement from Mayor Ana Ruiz on the bridge\n\nWe will fix it.\n", SourceKind.STATEMENT),
        ("The board will meet in May.\n\n###\n\nAbout the board: ...\n", SourceKind.STATEMENT),
        ("\u201cWe will fix it,\u201d the mayor said.\n\nNote: updated.\n", SourceKind.ARTICLE),
        # One label, or labels that are metadata, make no transcript.
        ("MAYOR RUIZ: We will fix it.\n\nThe council met.\n", SourceKind.ARTICLE),
        ("Contact: Sam\nDate: May 1\nLocation: City Hall\nThe mayor spoke.\n", SourceKind.ARTICLE),
        ("", SourceKind.ARTICLE),
    ],
)
def test_kind_is_told_from_the_text(text: str, kind: SourceKind) -> None:
    assert detect_kind(text) is kind


def test_the_fixture_sources_are_recognised() -> None:
    assert detect_kind(_read(BRIDGE / "transcript.txt")) is SourceKind.TRANSCRIPT
    assert detect_kind(_read(BRIDGE / "release.txt")) is SourceKind.STATEMENT
    assert detect_kind(_read(BRIDGE / "wire.txt")) is SourceKind.ARTICLE
    assert detect_kind(_read(HOSPITAL / "interview.txt")) is SourceKind.TRANSCRIPT
    assert detect_kind(_read(HOSPITAL / "statement.txt")) is SourceKind.STATEMENT


# --- transcripts --------------------------------------------------------------------------


def test_transcript_turns_are_credited_to_their_labels_fullest_names() -> None:
    source = parse_source("s1", "t.txt", _read(BRIDGE / "transcript.txt"))
    turns = source.article.quotes
    assert source.kind is SourceKind.TRANSCRIPT
    assert [(q.speaker, q.speaker_mention) for q in turns[:4]] == [
        ("Laura Petersen", "GOV. LAURA PETERSEN"),
        ("Dana Okafor", "SECRETARY DANA OKAFOR"),
        ("a reporter", "Q"),
        ("Laura Petersen", "PETERSEN"),
    ]
    assert all(q.cue is None and q.kind.value == "direct" for q in turns)


def test_timestamps_and_stage_directions_are_no_one_s_words() -> None:
    text = (
        "[00:00:04]\n\nMAYOR RUIZ: Good morning. [applause] We will fix it. (inaudible) Now.\n"
        "00:01:10\nQ: When? (And I mean the date.)\n"
    )
    source = parse_source("s1", "t.txt", text, kind=SourceKind.TRANSCRIPT)
    ruiz, question = source.article.quotes
    assert ruiz.text == "Good morning. We will fix it. Now."
    assert question.text == "When? (And I mean the date.)"
    for word in ("applause", "inaudible", "00:00:04", "00:01:10", "RUIZ"):
        assert word not in source.spoken


def test_a_one_off_word_and_colon_inside_a_turn_opens_no_turn() -> None:
    text = (
        "Laura Petersen: Here is the plan.\nLook: we fix the worst first.\n\n"
        "Reporter: When?\n\nPetersen: In April.\n\nReporter: Thanks.\n"
    )
    source = parse_source("s1", "t", text)
    assert source.kind is SourceKind.TRANSCRIPT
    first = source.article.quotes[0]
    assert first.text == "Here is the plan.\nLook: we fix the worst first."
    assert [q.speaker for q in source.article.quotes] == [
        "Laura Petersen",
        "a reporter",
        "Laura Petersen",
        "a reporter",
    ]


def test_a_label_alone_on_its_line_opens_a_turn_that_runs_over_lines() -> None:
    text = "PETERSEN:\nWe will not raise it.\nNot this year.\n\nOKAFOR:\nCrews are ready.\n"
    petersen, okafor = parse_source("s1", "t", text, kind=SourceKind.TRANSCRIPT).article.quotes
    assert petersen.text == "We will not raise it.\nNot this year."
    assert (okafor.speaker, okafor.text) == ("Okafor", "Crews are ready.")


@pytest.mark.parametrize(
    ("header", "name", "principal"),
    [
        ("Interview with Dr Amara Nwosu, medical director\n\n", None, "Amara Nwosu"),
        ("Radio Lothbury, 12 November\n\n", "Amara Nwosu", "Amara Nwosu"),
        ("Remarks by Gov. Laura Petersen\n\n", None, "Laura Petersen"),
        ("Radio Lothbury, 12 November\n\n", None, None),
    ],
)
def test_who_answers_as_a_comes_from_the_header_or_the_source_argument(
    header: str, name: str | None, principal: str | None
) -> None:
    text = header + "Q: Why?\n\nA: Because we have more patients.\n\nQ: And?\n"
    source = parse_source("s1", "i.txt", text, kind=SourceKind.TRANSCRIPT, speaker=name)
    answer = source.article.quotes[1]
    assert (answer.speaker, answer.speaker_mention) == (principal, "A")
    assert bool(source.notes) is (principal is None)
    if principal is None:
        assert "write transcript=NAME:i.txt" in source.notes[0]


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("MODERATOR", "the moderator"),
        ("AUDIENCE MEMBER 2", "the audience member"),
        ("REPORTER", "a reporter"),
        ("UNIDENTIFIED MALE", None),
        ("Sen. Mark Alvarez (R-Lakeview)", "Mark Alvarez"),
        ("O'BRIEN", "O'Brien"),
    ],
)
def test_role_and_unknown_labels(label: str, speaker: str | None) -> None:
    text = f"{label}: First words here.\n\nQ: A question?\n\nMAYOR: An answer.\n"
    source = parse_source("s1", "t", text, kind=SourceKind.TRANSCRIPT)
    assert source.article.quotes[0].speaker == speaker


def test_a_forced_transcript_without_labels_is_one_speech_by_the_name_given() -> None:
    text = "My fellow citizens, the bridge will be fixed.\n\n[applause]\n\nThank you.\n"
    source = parse_source("s1", "speech.txt", text, kind=SourceKind.TRANSCRIPT, speaker="Ana Ruiz")
    (speech,) = source.article.quotes
    assert speech.speaker == "Ana Ruiz"
    assert speech.text == "My fellow citizens, the bridge will be fixed. Thank you."
    unnamed = parse_source("s1", "speech.txt", text, kind=SourceKind.TRANSCRIPT)
    assert unnamed.article.quotes[0].speaker is None and unnamed.notes


# --- statements ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "Statement from Gov. Laura Petersen on the bridge plan\n\nWe will.",
            "Gov. Laura Petersen",
        ),
        (
            "FOR IMMEDIATE RELEASE\nOffice of Governor Laura Petersen\n\nText.",
            "the Office of Governor Laura Petersen",
        ),
        (
            "Joint statement by the Lothbury Health Board, May 1\n\nText.",
            "the Lothbury Health Board",
        ),
        (
            "CARVER CITY \u2014 Mayor Ana Ruiz issued the following statement:\n\nText.",
            "Mayor Ana Ruiz",
        ),
        ("Response to questions about waiting times\n\nWe recognise the pressure.", None),
    ],
)
def test_an_issuer_is_found_where_a_statement_names_itself(text: str, issuer: str | None) -> None:
    assert find_issuer(text) == issuer


def test_a_statement_credits_its_text_to_its_issuer_and_its_quotes_to_their_speakers() -> None:
    source = parse_source("s2", "release.txt", _read(BRIDGE / "release.txt"))
    assert source.kind is SourceKind.STATEMENT
    assert source.speaker == "the Office of Governor Laura Petersen"
    body, petersen, petersen_again, okafor, okafor_again = source.article.quotes
    assert petersen_again.statement == petersen.statement != body.statement
    assert okafor_again.statement == okafor.statement != petersen.statement
    assert body.speaker == "the Office of Governor Laura Petersen"
    assert body.text.startswith("Governor Petersen Announces $40 Million Plan")
    assert "FOR IMMEDIATE RELEASE" not in source.spoken and "Media contact" not in source.spoken
    assert "March 3, 2026" not in source.spoken
    assert petersen.speaker == "Laura Petersen" and petersen.text.startswith("Every family")
    assert okafor.speaker == "Dana Okafor"  # titles come off a person: "Transportation Secretary"
    # The quotes inside are not the issuer's words as well.
    assert "Every family" not in body.text


def test_a_statement_without_an_issuer_says_how_to_name_one() -> None:
    text = _read(HOSPITAL / "statement.txt")
    source = parse_source("s2", "statement.txt", text)
    assert source.speaker is None
    assert source.notes == (
        "statement.txt: no issuer named in the statement; write "
        "statement=NAME:statement.txt to credit it",
    )
    named = parse_source("s2", "statement.txt", text, speaker="Lothbury Health Board")
    assert {q.speaker for q in named.article.quotes} == {"Lothbury Health Board"}


# --- laws ---------------------------------------------------------------------------------

SOURCE_TEXT = st.text(
    alphabet=st.sampled_from(list("ab Q:A\n[]()0123:.\u201c\u201d#PETRSN")), max_size=200
)


@given(SOURCE_TEXT, st.sampled_from(list(SourceKind)))
def test_every_passage_is_its_pieces_of_the_text(text: str, kind: SourceKind) -> None:
    """Law: a passage's text is its pieces of the source joined, kept whole in `spoken`.

    An article's scare-quoted terms credit no one, so only its statements are passages.
    """
    source = parse_source("s1", "x", text, kind=kind)
    assert len(source.spoken) == len(text)
    for quote in countable(source.article.quotes):
        assert quote.text == " ".join(text[s:e] for s, e in quote.spans)
        for s, e in quote.spans:
            assert source.spoken[s:e] == text[s:e]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60))))
def test_mask_keeps_length_and_the_kept_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Law: masking keeps the length, the kept characters, and blanks all the others."""
    masked = mask(text, spans)
    assert len(masked) == len(text)
    kept = {i for s, e in spans for i in range(s, min(e, len(text)))}
    for i, ch in enumerate(masked):
        assert ch == (text[i] if i in kept else " ")


@pytest.mark.parametrize(
    "line",
    [
        "A " * 5000 + "b",
        "ABC DEF " * 3000 + ":",
        "[" * 20000,
        "(" + "applause " * 5000,
        "00:00:00 " * 5000,
        "Q" + ":" * 20000,
        "Statement from " + "X " * 20000,
        "FOR IMMEDIATE RELEASE " * 2000,
    ],
    ids=["caps", "caps-colon", "brackets", "paren", "timestamps", "colons", "statement", "marks"],
)
def test_hostile_lines_are_read_in_linear_time(line: str) -> None:
    text = (line + "\n") * 5
    started = time.perf_counter()
    for kind in SourceKind:
        parse_source("s1", "x", text, kind=kind)
    detect_kind(text)
    find_issuer(text)
    assert time.perf_counter() - started < 5


# --- recognising transcripts (issue 10) -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Two labelled turns by two speakers.
        "MAYOR LINDQVIST: The pumps run all night.\n\nCOUNCILMAN DUBOIS: Not on my street.\n",
        # A Q:/A: interview under a heading.
        "Interview with Dr. Amara Nwosu, chief executive, Lothbury Hospital\n\n"
        "Q: How many beds are empty tonight?\n\nA: None. Not one.\n",
        # A label after a stage direction on its line.
        "LINDQVIST: We will open the shelter.\n\n(APPLAUSE) DUBOIS: At last.\n",
    ],
)
def test_two_labelled_turns_make_a_transcript(text: str) -> None:
    assert detect_kind(text) is SourceKind.TRANSCRIPT
    source = parse_source("s1", "t.txt", text)
    assert len(source.article.quotes) == 2
    assert all(q.speaker for q in source.article.quotes)


def test_a_stage_direction_before_a_label_is_no_one_s_words() -> None:
    text = "LINDQVIST: We will open the shelter.\n\n(APPLAUSE) DUBOIS: At last.\n"
    (_, dubois) = parse_source("s1", "t.txt", text).article.quotes
    assert dubois.text == "At last."
    assert dubois.speaker is not None and "Dubois" in dubois.speaker


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The council meets at six.\n\nThe mayor did not attend.\n",
        "Look: we all saw it coming.\n\nNobody was surprised.\n",
    ],
)
def test_a_stray_label_is_no_transcript(text: str) -> None:
    assert detect_kind(text) is not SourceKind.TRANSCRIPT


def test_a_source_that_credits_no_one_is_a_warning_not_silence() -> None:
    source = parse_source("s1", "notes.txt", "The council met at six and adjourned at nine.\n")
    assert source.article.quotes == ()
    (note,) = source.notes
    assert note.startswith("notes.txt: read as article, it holds nothing anyone is credited")


CUT_IN = """\
MODERATOR: Mr. Okafor, the ferry?

OKAFOR: We will run the ferry every hour and --

RUIZ: That is not true.

OKAFOR: -- the county will pay for the new dock.

MODERATOR: Mr. Okafor --

OKAFOR: And the fares stay where they are.

MODERATOR: When does it start?

OKAFOR: In April.
"""


def test_a_turn_resumed_after_an_interruption_is_one_passage() -> None:
    source = parse_source("s1", "debate.txt", CUT_IN)
    okafor = [q for q in source.article.quotes if q.speaker == "Okafor"]
    # Cut in on twice (a rival, then the moderator, each cut off or cutting off), then
    # asked a question: the answer to it is a turn of its own.
    assert [len(q.spans) for q in okafor] == [3, 1]
    assert okafor[0].text.endswith("And the fares stay where they are.")
    assert okafor[1].text == "In April."
    # The interjections stay their speakers' own passages.
    assert ("Ruiz", "That is not true.") in [(q.speaker, q.text) for q in source.article.quotes]
