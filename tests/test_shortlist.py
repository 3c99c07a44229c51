"""The shortlist only spares work: `check` finds what it found by searching everywhere."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution import shortlist
from attribution.matcher import required_similarity
from attribution.model import Article, Quote, SourceKind
from attribution.pipeline import article_from_text
from attribution.sources import mask, parse_source
from attribution.unquoted import TextIndex
from attribution.verify import Found, SourceIndex, search

from .conftest import FIXTURES, UK_SEED, US_SEED

# A wire roundup of many speakers, each quoted in words a draft may change in every way the
# matcher forgives or names: compounds run together or apart, US/UK spellings, a name
# romanised two ways, contractions, an editor's brackets, omissions marked either side.
SPEAKERS = {
    "Mayor Ana Ortiz": [
        "We will not raise the fare this year, and the front line workers will get their raise.",
        "The bridge over the Tanner River is safe . . . and it will stay open all winter.",
    ],
    "Gen. Qasem Suleiman": [
        "Our forces organised the withdrawal in good order and lost no one.",
        "The mother-in-law of the minister was never part of the talks.",
    ],
    "Dr. Lena Hart": [
        "It's too early to say whether the vaccine works in children under five.",
        "We don't have the data yet; we'll have it by March.",
    ],
    "Councillor Tom Reyes": [
        "The budget is a shell game and everyone in this room knows it.",
        "I have said it before: the council must publish every contract online.",
    ],
    "Chief Ruth Okafor": [
        "Crime fell by 12 percent last year, the lowest in a decade.",
        "Officers will wear body cameras on every shift starting in May.",
    ],
}

# How a draft may print each quote.
EDITS = [
    lambda q: q,
    lambda q: q.replace("front line", "frontline").replace("mother-in-law", "mother in law"),
    lambda q: q.replace("organised", "organized").replace("Qasem", "Qassem"),
    lambda q: q.replace("don't", "do not").replace("It's", "It is").replace("we'll", "we will"),
    lambda q: q.replace("not ", "").replace("never ", "always "),
    lambda q: q.replace("12", "21").replace("May", "June"),
    lambda q: " … ".join((q.split(" ")[0], " ".join(q.split(" ")[-4:]))),
    lambda q: "[The council] " + " ".join(q.split(" ")[3:]),
    lambda q: " ".join(reversed(q.split(" "))),
    lambda q: " ".join(q.split(" ")[2:7]),
    lambda q: "Everyone in the room knows the budget is a game of shells, " + q[:20],
]


def _source_text() -> str:
    paragraphs = []
    for speaker, quotes in SPEAKERS.items():
        for quote in quotes:
            paragraphs.append(f"{speaker} said on Tuesday: \u201c{quote}\u201d")
    return "\n\n".join(paragraphs)


def _draft_quotes() -> list[Quote]:
    paragraphs = []
    for (speaker, quotes), edit in itertools.product(SPEAKERS.items(), EDITS):
        for quote in quotes:
            paragraphs.append(f"{speaker.split()[-1]} said: \u201c{edit(quote)}\u201d")
    draft = article_from_text("\n\n".join(paragraphs), "draft")
    return list(draft.quotes)


def _search_everywhere(
    quote: Quote, index: SourceIndex, monkeypatch: pytest.MonkeyPatch
) -> Found | None:
    """The obviously right search: every speaker, every stretch aligned."""
    with monkeypatch.context() as patch:
        patch.setattr(shortlist.QuoteClues, "could_print", lambda *_: True)
        patch.setattr(shortlist.QuoteClues, "could_reword", lambda *_: True)
        patch.setattr(
            shortlist.Shortlist, "worth_searching", lambda *_: set(range(len(index.groups)))
        )
        return search(quote, index)


def _sources() -> list[SourceIndex]:
    sources = [parse_source("s1", "roundup.txt", _source_text(), kind=SourceKind.ARTICLE)]
    for name in ("transcript.txt", "release.txt", "wire.txt"):
        path = FIXTURES / "check" / "two-drafts" / name
        sources.append(parse_source("s2", name, path.read_text(encoding="utf-8")))
    seed = US_SEED.read_text(encoding="utf-8")
    sources.append(parse_source("s3", US_SEED.name, seed, kind=SourceKind.ARTICLE))
    return [SourceIndex(s) for s in sources]


def _drafts() -> list[Quote]:
    quotes = _draft_quotes()
    for path in (
        FIXTURES / "check" / "two-drafts" / "draft.md",
        FIXTURES / "check" / "two-drafts" / "draft-v2.md",
        UK_SEED,
    ):
        quotes.extend(article_from_text(path.read_text(encoding="utf-8"), "draft").quotes)
    return quotes


def test_the_shortlist_finds_what_searching_everywhere_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Law: for every draft quote and source, the search with the shortlist returns exactly
    the finding of the search through every speaker and stretch."""
    indexes = _sources()
    found = 0
    for quote, index in itertools.product(_drafts(), indexes):
        fast = search(quote, index)
        assert fast == _search_everywhere(quote, index, monkeypatch), quote.text
        found += fast is not None
    assert found > 100  # the cases are found, not only ruled out


def test_the_shortlist_rules_speakers_out() -> None:
    """The work spared is real: a quote of one speaker is not searched in the others'."""
    (index, *_) = _sources()
    quote = article_from_text("\u201cThe council must publish every contract online.\u201d").quotes
    (probe_quote,) = quote
    from attribution.verify import _Probe

    worth = index.shortlist.worth_searching(_Probe.of(probe_quote).clues)
    assert len(worth) < len(index.groups) / 2


@pytest.mark.parametrize("supported", [True, False])
def test_no_pair_of_wordings_is_asked_for_less_than_the_lowest_similarity(
    supported: bool,
) -> None:
    """The bound rests on the least similarity the matcher ever requires."""
    for information in [0.0, 0.5, 1, 2, 5, 8, 12, 20, 50, 100, 1e3, 1e6]:
        assert required_similarity(information, supported=supported) >= (
            shortlist.LOWEST_REQUIRED_SIMILARITY - 1e-12
        )


SPANS = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 14)), max_size=8)


@settings(max_examples=100, deadline=None)
@given(SPANS)
def test_words_of_some_spans_are_those_of_the_text_with_the_rest_blanked(
    spans: list[tuple[int, int]],
) -> None:
    """Law: indexing spans of a text gives the words, offsets and tokens of the text with
    everything outside the spans replaced by spaces."""
    text = "Don't. . . stop 2.6m [T]he front-line … Qasem's we're “so” he said.\n" * 4
    kept = [(s, s + n) for s, n in spans]
    whole = TextIndex(mask(text, kept))
    parts = TextIndex(text, kept)
    assert (parts.keys, parts.starts, parts.ends) == (whole.keys, whole.starts, whole.ends)
    assert parts.tokens == whole.tokens


def test_an_article_source_keeps_no_blanked_copy_per_speaker() -> None:
    """Each speaker's index holds its own words only, not the source's length in spaces."""
    source = parse_source("s1", "roundup.txt", _source_text(), kind=SourceKind.ARTICLE)
    index = SourceIndex(source)
    assert len(index.groups) == len(SPEAKERS)
    for group in index.groups:
        assert len(group.index._read) < len(source.article.text) / 2
    assert isinstance(source.article, Article)
