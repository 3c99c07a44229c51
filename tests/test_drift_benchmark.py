"""The drift benchmark's own logic: its edits do what they say, and its scores count right."""

from __future__ import annotations

import random

import pytest

from attribution import ChangeCategory, Severity, Verdict
from benchmarks import drift, drift_edits, drift_vocabulary
from benchmarks.drift import Case, Confusion, Outcome

C = ChangeCategory

QUOTE = (
    "We will not organize another vote until the council has counted all 1,200 ballots, "
    "and Mayor Ortega said she would wait."
)
NAMES = frozenset({"Ortega"})


def _words(text: str) -> list[str]:
    return [w.text for w in drift_edits.quote_words(text)]


def test_confusion_rates_are_zero_without_cases() -> None:
    assert Confusion().precision() == 0.0
    assert Confusion().recall() == 0.0
    assert Confusion(tp=3, fp=1, fn=1).precision() == 0.75
    assert Confusion(tp=3, fp=1, fn=1).recall() == 0.75


def _outcome(kind: str, *categories: ChangeCategory, verdict: Verdict = Verdict.ALTERED) -> Outcome:
    return Outcome(Case(kind, "a", "b"), frozenset(categories), verdict, Severity.MAJOR)


def test_score_counts_named_missed_and_wrongly_named_categories() -> None:
    scores = drift.score(
        [
            _outcome("number", C.NUMBER),
            _outcome("number", C.WORDING),
            _outcome("wording", C.WORDING, C.NAME),
            _outcome("no change", verdict=Verdict.IDENTICAL),
            _outcome("spacing", C.CASE, verdict=Verdict.COSMETIC),
        ]
    )
    number, wording, name, case = (
        scores.by_category[c] for c in (C.NUMBER, C.WORDING, C.NAME, C.CASE)
    )
    assert (number.tp, number.fn, number.fp) == (1, 1, 0)
    assert (wording.tp, wording.fn, wording.fp) == (1, 0, 1)
    assert (name.tp, name.fp) == (0, 1)
    assert case.fp == 1
    assert scores.only == {"number": 1}
    assert scores.verdict_right == {"no change": 1}
    assert set(scores.misses) == {"number", "spacing"}


def test_cosmetic_edits_rated_above_info_are_counted() -> None:
    scores = drift.score([_outcome("spelling", C.SPELLING), _outcome("case", C.CASE)])
    assert (scores.cosmetic_cases, scores.cosmetic_above_info) == (2, 2)


def test_quote_words_keep_offsets_sentence_starts_and_neighbouring_ellipses() -> None:
    text = "[W]e won in the U.S. Then we left … and came back."
    words = drift_edits.quote_words(text)
    assert [w.text for w in words] == [
        "[W]e", "won", "in", "the", "U.S.", "Then", "we", "left", "and", "came", "back",
    ]  # fmt: skip
    assert all(text[w.start : w.end] == w.text for w in words)
    assert [w.text for w in words if w.initial] == ["[W]e", "Then"]
    assert [w.text for w in words if w.mark_after] == ["left"]
    assert [w.text for w in words if w.mark_before] == ["and"]


@pytest.mark.parametrize(
    ("word", "uk"),
    [
        ("organize", "organise"),
        ("Organizations", "Organisations"),
        ("colors", "colours"),
        ("center", "centre"),
        ("defense", "defence"),
        ("size", None),
        ("bridge", None),
    ],
)
def test_uk_spelling(word: str, uk: str | None) -> None:
    assert drift_edits.uk_spelling(word) == uk


def test_transliteration_doubles_a_consonant_or_changes_one_inner_vowel() -> None:
    seen = {drift_edits.transliterate("Qasem", random.Random(i)) for i in range(40)}
    assert "Qassem" in seen
    assert all(v is not None and len(v) - len("Qasem") in (0, 1) for v in seen)
    assert drift_edits.transliterate("Li", random.Random(0)) is None


@pytest.mark.parametrize("seed", range(6))
def test_each_edit_makes_the_change_it_names(seed: int) -> None:
    rng = random.Random
    original = _words(QUOTE)

    negated = drift_edits.edit_negation(QUOTE, rng(seed))
    assert negated is not None and negated != QUOTE
    count = sum(1 for w in _words(negated) if drift_edits._negates(w.lower()))
    assert count != sum(1 for w in original if drift_edits._negates(w.lower()))

    numbered = drift_edits.edit_number(QUOTE, rng(seed))
    assert numbered is not None and numbered != QUOTE
    assert [w for w in _words(numbered) if w[0].isdigit()] != ["1,200"] or len(
        _words(numbered)
    ) != len(original)

    modal = drift_edits.edit_modality(QUOTE, rng(seed))
    assert modal is not None
    modals = drift_vocabulary.public().modals
    assert [w for w in _words(modal) if w in modals] != ["will", "would"]

    named = drift_edits.edit_name(QUOTE, rng(seed), names=NAMES)
    assert named is not None and "Ortega" not in named
    assert any(n in named for n in drift_vocabulary.public().other_names)

    marked = drift_edits.edit_ellipsis(QUOTE, rng(seed))
    assert marked is not None and len(_words(marked)) < len(original)
    assert "\u2026" in marked or "..." in marked

    bracketed = drift_edits.edit_bracket(QUOTE, rng(seed))
    assert bracketed is not None and ("[" in bracketed or "(" in bracketed)

    # A fragment never starts past the "not", so some seeds give none: the first that does.
    fragment = next(
        f for i in range(seed, seed + 50) if (f := drift_edits.edit_fragment(QUOTE, rng(i)))
    )
    assert fragment in QUOTE and len(_words(fragment)) < len(original)
    assert "not" in fragment

    for edit in (drift_edits.edit_marks, drift_edits.edit_spacing):
        same = edit("It\u2019s over \u2026 for now.", rng(seed))
        assert same is not None
        assert [w.low for w in drift_edits.quote_words(same)] == ["it's", "over", "for", "now"]


def test_spelling_edit_uses_uk_forms_or_transliterates_a_name() -> None:
    edited = {drift_edits.edit_spelling(QUOTE, random.Random(i), names=NAMES) for i in range(20)}
    assert QUOTE.replace("organize", "organise") in edited
    assert any(e is not None and "Ortega" not in e for e in edited)


def test_edits_are_repeatable_from_their_seed() -> None:
    cases = drift.make_cases([QUOTE, "They said the plan would cost 40 million dollars."], seed=3)
    again = drift.make_cases([QUOTE, "They said the plan would cost 40 million dollars."], seed=3)
    assert cases == again
    assert {c.kind for c in cases} >= {c.value for c in C} - {"spelling", "name"}


def test_every_edit_of_a_sentence_is_classified_as_its_category() -> None:
    """Runs the tool on edits of sentences written for this test (the benchmark in small)."""
    quotes = [
        QUOTE,
        "The company will move 300 jobs from Ohio to Texas next year, the filing shows.",
        "I have said from the start that this budget does not add up, and I still believe that.",
    ]
    outcomes = drift.run_cases(drift.make_cases(quotes, seed=11))
    scores = drift.score(outcomes)
    for category in C:
        confusion = scores.by_category[category]
        assert confusion.fn == 0 and confusion.fp == 0, (category, scores.misses)
    assert scores.cosmetic_above_info == 0


def test_long_document_edit_keeps_every_quote_locatable() -> None:
    text = (
        "\u201cWe will not raise taxes this year,\u201d the mayor said. Then she left.\n\n"
        "\u201cThe bridge will reopen in May,\u201d an engineer said."
    )
    quotes = drift.extract_statements(text)
    edited, placed = drift.edit_long_document(text, quotes, seed=1)
    assert len(placed) == len(quotes) == 2
    for quote, kind, start, end in placed:
        if kind == drift.NO_CHANGE:
            assert edited[start:end] == quote.text
        assert edited[end] in "\u201d,"


def test_different_stories_count_only_changed_pairs() -> None:
    texts = [
        ("one", "\u201cThe bridge will reopen in May,\u201d the mayor said."),
        ("two", "\u201cThe bridge will reopen in June,\u201d the mayor said."),
        ("three", "\u201cSchools close early on Friday,\u201d the district said."),
    ]
    cross = drift.different_stories(texts)
    # one and two pair (altered); three, compared with two and with one, pairs with neither
    assert (cross.comparisons, cross.quotes, cross.changed_pairs) == (3, 6, 1)


def test_the_edits_use_public_lists_not_the_tools_own() -> None:
    """The benchmark does not grade the classifier with its own word lists (issue 10)."""
    from attribution import lexicon
    from attribution.normalize import variant_pairs

    vocab = drift_vocabulary.public()
    assert vocab.negations >= {"not", "never", "dont", "isnt"}
    assert vocab.negations != lexicon.NEGATIONS
    assert set(vocab.modals) == {
        "can",
        "could",
        "may",
        "might",
        "must",
        "need",
        "ought",
        "shall",
        "should",
        "will",
        "would",
    }
    tool_spellings = {(us, uk) for uk, us in variant_pairs()}
    public_spellings = set(vocab.us_to_uk.items())
    assert len(public_spellings) > 1000
    assert public_spellings - tool_spellings  # pairs the tool's table was never shown
    assert "Smith" in vocab.other_names and len(vocab.other_names) == 1000
