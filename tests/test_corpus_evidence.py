"""`track` asks a short quote for evidence in proportion: across a corpus one person says the
same few words in many statements, so a short quote joins a longer one only as a real
fragment of it (its words printed alike, in one run, rare enough, the same person credited),
and two pieces that only overlap join only when what they share is a statement by itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from attribution.corpus.link import link_batch
from attribution.corpus.model import Wording
from attribution.pipeline import track

WHITFIELD, HADDAD = "Dana Whitfield", "Amir Haddad"


def _linked(a: str, b: str, speaker_a: str | None, speaker_b: str | None) -> bool:
    """Whether `track`'s linking step joins two wordings (either way round)."""
    wordings = [Wording(a, speaker_a, ()), Wording(b, speaker_b, ())]
    forward = bool(link_batch([(0, 1)], wordings))
    assert bool(link_batch([(1, 0)], wordings)) is forward
    return forward


@pytest.mark.parametrize(
    ("short", "long", "credited", "joined"),
    [
        # A rare run cut from the longer quote, credited to the same person: a fragment.
        (
            "cannot survive another flood season",
            "The Kessler Street pumping station cannot survive another flood season.",
            WHITFIELD,
            True,
        ),
        # The same run credited to someone else: the words alone are too few to say so.
        (
            "cannot survive another flood season",
            "The Kessler Street pumping station cannot survive another flood season.",
            HADDAD,
            False,
        ),
        # Common words inside one of the same person's sentences: any other time she said it.
        (
            "over and over again",
            "I have told the council over and over again that the pumps are failing.",
            WHITFIELD,
            False,
        ),
        # Words in common, but not one run of the longer quote.
        (
            "totally against the new levy",
            "Nobody asked me, but I was against the new levy from the first day.",
            WHITFIELD,
            False,
        ),
        # A short quote printed with one word changed, whole: the same person's statement.
        ("We will not let you down.", "We will never let you down.", WHITFIELD, True),
        ("We will not let you down.", "We will never let you down.", None, False),
        # The same words, whoever is credited: the matcher's decision stands.
        ("Kessler Street floods", "Kessler Street floods.", HADDAD, True),
    ],
)
def test_a_short_quote_joins_a_longer_one_only_as_a_real_fragment(
    short: str, long: str, credited: str | None, joined: bool
) -> None:
    assert _linked(long, short, WHITFIELD, credited) is joined


def test_two_pieces_that_share_only_a_name_are_no_one_statement() -> None:
    a = "Nobody will be more loyal to the people of Harlow than Dana Whitfield."
    b = "Dana Whitfield is a really, really good mayor."
    assert _linked(a, b, HADDAD, HADDAD) is False


def test_long_overlapping_pieces_of_one_statement_still_join() -> None:
    shared = (
        "the Kessler Street pumping station cannot survive another flood season without "
        "new turbines, and the council has known it since the inspection in March"
    )
    a = f"I said it in January and I will say it again: {shared}"
    b = f"{shared}, and still the repair money went to the stadium parking garage"
    assert _linked(a, b, WHITFIELD, WHITFIELD) is True


def _write(folder: Path, articles: list[tuple[str, str]]) -> Path:
    path = folder / "news.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for ident, text in articles:
            stream.write(json.dumps({"id": ident, "text": text}) + "\n")
    return path


def _together(folder: Path) -> list[set[str]]:
    """Each cluster printed by two or more articles, as the articles printing it."""
    out = []
    for line in (folder / "clusters.jsonl").read_text(encoding="utf-8").splitlines():
        cluster: dict[str, Any] = json.loads(line)
        articles = {p["article"] for v in cluster["variants"] for p in v["printings"]}
        if len(articles) > 1:
            out.append(articles)
    return out


def test_track_joins_a_real_fragment_and_keeps_a_loose_one_apart(
    tmp_path: Path,
) -> None:
    corpus = _write(
        tmp_path,
        [
            (
                "gazette-flood",
                'Mayor Dana Whitfield said on Monday: "The Kessler Street pumping station '
                'cannot survive another flood season without new turbines."\n\n'
                '"Nobody asked me, but I was against the new levy from the first day," '
                "Whitfield said.",
            ),
            (
                "herald-flood",
                'Whitfield warned that the station "cannot survive another flood season" '
                "and asked for an emergency vote.",
            ),
            (
                "herald-budget",
                'Whitfield told the Herald she was "totally against the new levy" and '
                "would vote no.",
            ),
        ],
    )
    out = tmp_path / "out"
    track(str(corpus), output=out, parquet=False, workers=1)
    assert _together(out) == [{"gazette-flood", "herald-flood"}]
