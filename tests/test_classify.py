"""Classification: one row per change category and per verdict, and the laws it must keep."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.align import align_texts
from attribution.classify import Policy, classify_alignment, number_values
from attribution.model import Change, ChangeCategory, Severity, Verdict
from attribution.normalize import tokenize

C = ChangeCategory


def classify(
    a: str, b: str, policy: Policy | None = None
) -> tuple[tuple[Change, ...], Verdict, Severity]:
    alignment = align_texts(a, b)
    return classify_alignment(alignment, a, b, policy=policy or Policy())


@pytest.mark.parametrize(
    ("a", "b", "category", "removed", "added"),
    [
        pytest.param(
            "We will raise taxes, and soon.",
            "We will raise taxes and soon.",
            C.PUNCTUATION,
            ",",
            "",
            id="punctuation-comma",
        ),
        pytest.param(
            "We sold 2,400 tickets.",
            "We sold 2400 tickets.",
            C.PUNCTUATION,
            "2,400",
            "2400",
            id="punctuation-number-format",
        ),
        pytest.param(
            "It was a well-known secret.",
            "It was a well known secret.",
            C.PUNCTUATION,
            "well-known",
            "well known",
            id="punctuation-hyphen",
        ),
        pytest.param(
            "The Plan is working.", "The plan is working.", C.CASE, "Plan", "plan", id="case"
        ),
        pytest.param(
            "We are organizing a vote.",
            "We are organising a vote.",
            C.SPELLING,
            "organizing",
            "organising",
            id="spelling-us-uk",
        ),
        pytest.param(
            "They praised Qasem Soleimani.",
            "They praised Qassem Soleimani.",
            C.SPELLING,
            "Qasem",
            "Qassem",
            id="spelling-transliteration",
        ),
        pytest.param(
            "We did not know, and we could not act.",
            "We did not know \u2026 we could not act.",
            C.ELLIPSIS,
            ", and",
            "\u2026",
            id="ellipsis",
        ),
        pytest.param(
            "He said the budget is late.",
            "[The mayor] said the budget is late.",
            C.BRACKET,
            "He",
            "[The mayor]",
            id="bracket",
        ),
        pytest.param(
            "We will cut the budget next year.",
            "We will cut the whole budget next year.",
            C.WORDING,
            "",
            "whole",
            id="wording-insert",
        ),
        pytest.param(
            "We will cut the budget next year.",
            "We may cut the budget next year.",
            C.MODALITY,
            "will",
            "may",
            id="modality",
        ),
        pytest.param(
            "Eleven people were hurt.",
            "Thirteen people were hurt.",
            C.NUMBER,
            "Eleven",
            "Thirteen",
            id="number-words",
        ),
        pytest.param(
            "About 50 homes flooded.",
            "About 15 homes flooded.",
            C.NUMBER,
            "50",
            "15",
            id="number-digits",
        ),
        pytest.param(
            "We will not raise taxes.",
            "We will raise taxes.",
            C.NEGATION,
            "not",
            "",
            id="negation-dropped",
        ),
        pytest.param(
            "We can afford it.",
            "We can't afford it.",
            C.NEGATION,
            "can",
            "can't",
            id="negation-contraction",
        ),
        pytest.param(
            "I spoke with Ortega today.",
            "I spoke with Ortiz today.",
            C.NAME,
            "Ortega",
            "Ortiz",
            id="name",
        ),
    ],
)
def test_each_change_category(
    a: str, b: str, category: ChangeCategory, removed: str, added: str
) -> None:
    changes, _, _ = classify(a, b)
    assert [(c.category, c.a, c.b) for c in changes] == [(category, removed, added)]


@pytest.mark.parametrize(
    ("a", "b", "verdict", "severity"),
    [
        pytest.param(
            "\u201cIt\u2019s over,\u201d",
            '"It\'s  over,"',
            Verdict.IDENTICAL,
            Severity.NONE,
            id="identical-marks-and-spaces",
        ),
        pytest.param(
            "We are organizing a vote.",
            "We are organising a vote.",
            Verdict.COSMETIC,
            Severity.NONE,
            id="cosmetic",
        ),
        pytest.param(
            "We will fix the roads before the winter comes, and we will pay for it.",
            "fix the roads before the winter comes",
            Verdict.PARTIAL,
            Severity.NONE,
            id="partial-fragment",
        ),
        pytest.param(
            "We did not know, and we could not act.",
            "We did not know \u2026 we could not act.",
            Verdict.EDITORIAL,
            Severity.INFO,
            id="editorial",
        ),
        pytest.param(
            "We will not raise taxes.",
            "We will raise taxes.",
            Verdict.ALTERED,
            Severity.CRITICAL,
            id="altered-negation",
        ),
        pytest.param(
            "We will cut the budget next year.",
            "We will cut the whole budget next year.",
            Verdict.ALTERED,
            Severity.MAJOR,
            id="altered-wording",
        ),
    ],
)
def test_each_verdict(a: str, b: str, verdict: Verdict, severity: Severity) -> None:
    _, got_verdict, got_severity = classify(a, b)
    assert (got_verdict, got_severity) == (verdict, severity)


def test_number_written_two_ways_is_one_value() -> None:
    changes, _, severity = classify("We hired fifty nurses.", "We hired 50 nurses.")
    assert [c.category for c in changes] == [C.PUNCTUATION]
    assert severity is Severity.NONE


@pytest.mark.parametrize(
    ("words", "values"),
    [
        ("two hundred and five", [205.0]),
        ("2.4 million", [2_400_000.0]),
        ("twenty-one", [21.0]),
        ("the 21st", [21.0]),
        ("no one came", []),
        ("one of two", [1.0, 2.0]),
    ],
)
def test_number_values(words: str, values: list[float]) -> None:
    assert number_values([t for t in tokenize(words) if t.is_word]) == values


def test_bracketed_group_is_one_change() -> None:
    changes, verdict, _ = classify(
        "activities by the terrorist group (IS) in Iraq", "activities by the IS in Iraq"
    )
    assert [(c.category, c.a, c.b) for c in changes] == [(C.WORDING, "terrorist group (IS)", "IS")]
    assert verdict is Verdict.ALTERED


def test_policy_counts_spelling_and_drops_editorial() -> None:
    _, _, severity = classify(
        "We are organizing.", "We are organising.", Policy.from_options(count_spelling=True)
    )
    assert severity is Severity.MINOR
    _, verdict, severity = classify(
        "We did not know, and we could not act.",
        "We did not know \u2026 we could not act.",
        Policy.from_options(count_editorial=False),
    )
    assert (verdict, severity) == (Verdict.EDITORIAL, Severity.NONE)


# --- laws ---------------------------------------------------------------------------------

# Realistic quotes written for these tests, in the shapes news quotes take.
QUOTES = [
    "We will rebuild the bridge before the winter, and the state will pay for every part of it.",
    "The water came up faster than anyone expected, and by midnight the whole street was gone.",
    "I have said from the start that this budget does not add up, and I still believe that.",
    "Our officers followed the policy, and the review found they acted within the law.",
    "It is too early to say how many people were affected, but we are working around the clock.",
    "The company will cut 300 jobs in Ohio and move production to a plant in Texas next year.",
    "Nobody in this building wanted the strike, but the workers were left with no other choice.",
    "We expect the vote to pass on Tuesday, and the governor has said she will sign it.",
]
NEGATIONS = ["not", "never", "no"]
NUMBERS = ["3", "12", "forty", "1,500", "seven"]


def _words(text: str) -> list[str]:
    return text.split()


@given(st.sampled_from(QUOTES))
def test_a_quote_aligned_with_itself_is_identical_with_no_changes(quote: str) -> None:
    """Law: a quote aligned with itself is `identical` with no changes."""
    changes, verdict, severity = classify(quote, quote)
    assert (changes, verdict, severity) == ((), Verdict.IDENTICAL, Severity.NONE)


@given(st.sampled_from(QUOTES), st.sampled_from(QUOTES))
def test_similarity_is_symmetric(a: str, b: str) -> None:
    """Law: similarity(a, b) == similarity(b, a)."""
    assert align_texts(a, b).similarity == align_texts(b, a).similarity


def _replay(a_text: str, changes: tuple[Change, ...]) -> str:
    out, pos = [], 0
    for change in sorted(changes, key=lambda c: c.a_start):
        out.append(a_text[pos : change.a_start])
        out.append(f" {change.b} ")
        pos = change.a_end
    out.append(a_text[pos:])
    return "".join(out)


def _norms(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


@settings(max_examples=300)
@given(st.sampled_from(QUOTES), st.data())
def test_replaying_changes_on_a_rebuilds_b(quote: str, data: st.DataObject) -> None:
    """Law: replaying a match's changes on a_text rebuilds b_text (word for word)."""
    words = _words(quote)
    edits = data.draw(
        st.lists(
            st.tuples(
                st.sampled_from(["replace", "insert", "delete"]),
                st.integers(1, len(words) - 2),
                st.sampled_from(["really", "Ortiz", "may", "2", "the", "bridge"]),
            ),
            max_size=3,
        )
    )
    for op, pos, word in edits:
        pos = min(pos, len(words) - 2)
        if op == "replace":
            words[pos] = word
        elif op == "insert":
            words.insert(pos, word)
        elif len(words) > 4:
            del words[pos]
    edited = " ".join(words)
    alignment = align_texts(quote, edited)
    changes, _, _ = classify_alignment(alignment, quote, edited, policy=Policy())
    lo, hi = alignment.a_window
    b_lo, b_hi = alignment.b_window
    a_part = quote[alignment.a_tokens[lo].start : alignment.a_tokens[hi - 1].end] if hi > lo else ""
    offset = alignment.a_tokens[lo].start if hi > lo else 0
    shifted = tuple(
        Change(
            c.op,
            c.a,
            c.b,
            c.category,
            c.severity,
            c.a_start - offset,
            c.a_end - offset,
            c.b_start,
            c.b_end,
        )
        for c in changes
    )
    b_part = (
        edited[alignment.b_tokens[b_lo].start : alignment.b_tokens[b_hi - 1].end]
        if b_hi > b_lo
        else ""
    )
    assert _norms(_replay(a_part, shifted)) == _norms(b_part)


@settings(max_examples=300)
@given(st.sampled_from(QUOTES), st.sampled_from(NEGATIONS), st.data())
def test_adding_or_dropping_a_negation_anywhere_is_critical(
    quote: str, negation: str, data: st.DataObject
) -> None:
    """Law: inserting or removing a negation word anywhere in a quote is always `critical`."""
    words = _words(quote)
    pos = data.draw(st.integers(0, len(words)))
    edited = " ".join([*words[:pos], negation, *words[pos:]])
    for a, b in ((quote, edited), (edited, quote)):
        _, verdict, severity = classify(a, b)
        assert severity is Severity.CRITICAL, (a, b, verdict)


@settings(max_examples=300)
@given(st.sampled_from(QUOTES), st.sampled_from(NUMBERS), st.data())
def test_changing_a_number_anywhere_is_critical(
    quote: str, number: str, data: st.DataObject
) -> None:
    """Law: replacing a word with a number, or a number with another, is always `critical`."""
    words = _words(quote)
    pos = data.draw(st.integers(0, len(words) - 1))
    if words[pos].strip(",.") == number:
        return
    edited = " ".join([*words[:pos], number, *words[pos + 1 :]])
    _, _, severity = classify(quote, edited)
    assert severity is Severity.CRITICAL, (quote, edited)


QUOTE_MARK_SWAPS = [("\u2019", "'"), ("'", "\u2019"), ("\u201c", '"'), ("\u201d", '"')]


@settings(max_examples=300)
@given(st.sampled_from(QUOTES), st.data())
def test_changing_only_marks_case_or_spacing_is_never_above_none(
    quote: str, data: st.DataObject
) -> None:
    """Law: changing only quote marks, case or spacing is never above `none`."""
    text = quote.replace("I have", "I\u2019ve said \u201cno\u201d and I have")
    edited = text
    for old, new in QUOTE_MARK_SWAPS:
        if data.draw(st.booleans()):
            edited = edited.replace(old, new)
    if data.draw(st.booleans()):
        edited = edited.upper()
    if data.draw(st.booleans()):
        edited = edited.replace(" ", "  ").replace(",  ", ",\u00a0")
    _, _, severity = classify(text, edited)
    assert severity is Severity.NONE, edited
